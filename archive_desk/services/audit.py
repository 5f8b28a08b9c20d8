"""The audit trail: who did or saw what (domain §13). Written inside the caller's transaction."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from archive_desk.db.base import utcnow
from archive_desk.db.models import AuditEntry, Event
from archive_desk.services.context import Actor, AppContext


def record(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    **detail,
) -> None:
    # A Core insert: no ORM unit-of-work bookkeeping on the hot path (every search writes one).
    session.execute(
        insert(AuditEntry).values(
            at=utcnow(),
            user_id=actor.user_id if actor else None,
            username=actor.username if actor else "anonymous",
            action=action,
            entity=entity,
            entity_id=entity_id,
            detail=detail,
        )
    )


def is_read(action: str) -> bool:
    """Whether an audit action records a read of personal data rather than a change."""
    return action == "search" or action.startswith("print.") or action.endswith((".view", ".list"))


def read(
    session: Session,
    actor: Actor | None,
    action: str,
    entity: str = "",
    entity_id: int | None = None,
    *,
    rows: int,
    **asked,
) -> None:
    """One entry per service call that returns personal data (domain §13): what was asked and
    how many rows came back — one Core insert in the read's own transaction; the caller commits
    before returning anything. The unit of work must be a writing one (the default: on SQLite it
    began IMMEDIATE, so the insert cannot meet "database is locked" after the read)."""
    assert is_read(action), action
    record(session, actor, action, entity, entity_id, rows=rows, **asked)


def event(
    session: Session,
    actor: Actor | None,
    kind: str,
    *,
    holder_id: int | None = None,
    file_id: int | None = None,
    reverses_id: int | None = None,
    **data,
) -> None:
    session.add(
        Event(
            kind=kind,
            holder_id=holder_id,
            file_id=file_id,
            reverses_id=reverses_id,
            user_id=actor.user_id if actor else None,
            data=data,
        )
    )


@dataclass(frozen=True)
class AuditRow:
    at: datetime
    username: str
    action: str
    entity: str
    entity_id: int | None
    detail: dict


def entries(
    ctx: AppContext, entity: str | None = None, entity_id: int | None = None, limit: int = 200
) -> list[AuditRow]:
    """The latest entries, newest first. Reading the trail is itself audited (it holds what was
    searched for and whose records were opened)."""
    actor = ctx.require("audit.view")
    with ctx.uow() as uow:
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(limit)
        if entity:
            q = q.where(AuditEntry.entity == entity)
        if entity_id is not None:
            q = q.where(AuditEntry.entity_id == entity_id)
        out = [
            AuditRow(a.at, a.username, a.action, a.entity, a.entity_id, a.detail)
            for a in uow.session.scalars(q)
        ]
        read(
            uow.session,
            actor,
            "audit.list",
            "audit",
            rows=len(out),
            of_entity=entity,
            of_entity_id=entity_id,
            limit=limit,
        )
        uow.commit()
        return out
