"""Optimistic locking (no silent lost update): every record two desks can edit has a `version`
(db.models.Versioned). A service that saves takes the version the caller loaded and refuses the
save when the record has moved on since, naming who changed it and when — taken from the latest
change recorded in the audit trail for that record. SQLAlchemy's version_id_col also refuses an
UPDATE racing a commit between our read and our write (that becomes `Conflict` in the unit of
work)."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.db.models import AuditEntry, User
from archive_desk.domain import clock
from archive_desk.services.audit import is_read
from archive_desk.services.errors import Conflict

RELOAD_HINT = "您的修改未保存，请重新载入后再改。"


def _local(at: datetime) -> str:
    return clock.format_time(at, seconds=True)


def last_change(
    session: Session, entity: str, entity_id: int | None
) -> tuple[str, datetime | None]:
    """(who, when) of the latest change the audit trail records on one record; reads skipped."""
    q = (
        select(AuditEntry.action, AuditEntry.username, User.display_name, AuditEntry.at)
        .outerjoin(User, User.id == AuditEntry.user_id)
        .where(AuditEntry.entity == entity)
        .order_by(AuditEntry.id.desc())
        .limit(20)
    )
    q = q.where(
        AuditEntry.entity_id.is_(None) if entity_id is None else AuditEntry.entity_id == entity_id
    )
    for action, username, display, at in session.execute(q):
        if not is_read(action):
            who = f"{display}（{username}）" if display and display != username else username
            return who, at
    return "", None


def conflict(session: Session, what: str, entity: str, entity_id: int | None) -> Conflict:
    who, at = last_change(session, entity, entity_id)
    if who and at:
        message = f"{what}已被{who}于{_local(at)}修改。{RELOAD_HINT}"
    else:
        message = f"{what}已被他人修改。{RELOAD_HINT}"
    return Conflict(message, who, at)


def check(
    session: Session, row, loaded: int | None, what: str, entity: str, entity_id: int | None
) -> None:
    """Refuse the save when `row` is no longer at the version the caller loaded. `loaded` None
    means the caller edits without a form it loaded (a state change guarded by its own checks)."""
    if loaded is not None and row.version != loaded:
        raise conflict(session, what, entity, entity_id)
