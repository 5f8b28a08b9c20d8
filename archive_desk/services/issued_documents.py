"""Official documents kept as issued (issue 9, domain §13): the first print of a 调档函, 回执,
缺件告知承诺书 or 退回函 stores its bytes, the data it was drawn from and their sha256; every
later print writes exactly those bytes (checked against the sha256 first), counts the reprint and
records it as an event and an audit entry. Labels and stocktake reports are working lists, not
issued documents: they are drawn fresh each time.

The bytes live in the same database (issued_document_bytes), so that a backup and a restore
carry them with the register that names them."""

from __future__ import annotations

import dataclasses
import hashlib
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from archive_desk.db.models import Holder, IssuedDocument, IssuedDocumentBytes
from archive_desk.domain import clock
from archive_desk.services import audit
from archive_desk.services.context import Actor, AppContext
from archive_desk.services.errors import DocumentDamaged, NotFound

TITLES = {
    "transfer_request": "调档函",
    "intake_receipt": "接收回执",
    "missing_notice": "缺件告知承诺书",
    "return_letter": "退回函",
}


@dataclass(frozen=True)
class IssuedRow:
    id: int
    kind: str
    title: str
    ref: str
    holder_name: str
    issued_at: datetime
    issued_by: str
    reprints: int
    suffix: str


def find(session: Session, kind: str, source: str) -> IssuedDocument | None:
    """The document of this kind already issued from this record, if any."""
    return session.scalar(
        select(IssuedDocument).where(IssuedDocument.kind == kind, IssuedDocument.source == source)
    )


def reprinted(session: Session, actor: Actor | None, doc: IssuedDocument) -> bytes:
    """The stored bytes of `doc`, checked against its sha256; the reprint is counted, and
    recorded as an event and an audit entry in the caller's transaction."""
    content = session.scalar(
        select(IssuedDocumentBytes.content).where(IssuedDocumentBytes.document_id == doc.id)
    )
    if content is None or hashlib.sha256(content).hexdigest() != doc.sha256:
        raise DocumentDamaged(
            f"已出具的{TITLES.get(doc.kind, doc.kind)}“{doc.ref}”存档内容校验不符"
            "（sha256 不一致），可能已被改动或损坏：不能重印，也不会按现有数据重新生成。"
            "请联系管理员从备份恢复。"
        )
    doc.reprints += 1
    audit.event(
        session,
        actor,
        "document.reprinted",
        holder_id=doc.holder_id,
        document_id=doc.id,
        document_kind=doc.kind,
        ref=doc.ref,
        reprint=doc.reprints,
    )
    audit.record(
        session,
        actor,
        f"print.{doc.kind}",
        "holder",
        doc.holder_id,
        rows=1,
        ref=doc.ref,
        reprint=doc.reprints,
        document_id=doc.id,
    )
    return bytes(content)


def snapshot(value: Any) -> Any:
    """The fields a document was drawn from, as JSON (dates in ISO 8601)."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: snapshot(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, dict):
        return {str(k): snapshot(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [snapshot(v) for v in value]
    if isinstance(value, date | datetime):
        return clock.iso(value)
    return value


def keep(
    ctx: AppContext,
    kind: str,
    source: str,
    ref: str,
    holder_id: int,
    fields: dict[str, Any],
    out: Path,
) -> Path:
    """Store the document just drawn to `out` as issued. Should another desk have issued the
    same document meanwhile, theirs is the one kept and `out` is overwritten with its bytes."""
    content = Path(out).read_bytes()
    actor = ctx.actor
    try:
        with ctx.uow() as uow:
            s = uow.session
            doc = IssuedDocument(
                kind=kind,
                source=source,
                ref=ref,
                holder_id=holder_id,
                data=snapshot(fields),
                suffix=Path(out).suffix or ".pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                issued_by=actor.user_id if actor else None,
                issued_by_name=actor.username if actor else "",
                reprints=0,
            )
            s.add(doc)
            s.flush()
            s.add(IssuedDocumentBytes(document_id=doc.id, content=content))
            audit.event(
                s,
                actor,
                "document.issued",
                holder_id=holder_id,
                document_id=doc.id,
                document_kind=kind,
                ref=ref,
                sha256=doc.sha256,
            )
            audit.record(s, actor, "document.issue", "issued_document", doc.id, kind=kind, ref=ref)
            uow.commit()
        return Path(out)
    except IntegrityError:
        with ctx.uow() as uow:
            doc = find(uow.session, kind, source)
            if doc is None:
                raise
            Path(out).write_bytes(reprinted(uow.session, actor, doc))
            uow.commit()
        return Path(out)


def register(ctx: AppContext, limit: int = 500) -> list[IssuedRow]:
    """The issued-documents register, newest first (an audited read: it names holders)."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        rows = [
            IssuedRow(
                d.id,
                d.kind,
                TITLES.get(d.kind, d.kind),
                d.ref,
                name,
                d.issued_at,
                d.issued_by_name,
                d.reprints,
                d.suffix,
            )
            for d, name in s.execute(
                select(IssuedDocument, Holder.name)
                .join(Holder, Holder.id == IssuedDocument.holder_id)
                .order_by(IssuedDocument.id.desc())
                .limit(limit)
            )
        ]
        audit.read(s, actor, "issued.list", "issued_document", rows=len(rows), limit=limit)
        uow.commit()
    return rows


def reprint(ctx: AppContext, document_id: int, out: Path) -> Path:
    """Write an issued document's stored bytes to `out` (checked, counted, audited)."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        doc = uow.session.get(IssuedDocument, document_id)
        if doc is None:
            raise NotFound(f"没有编号为 {document_id} 的已出具文书")
        Path(out).write_bytes(reprinted(uow.session, actor, doc))
        uow.commit()  # a reprint not delivered is not counted
    return Path(out)
