"""Label sheets for files (spine labels) and storage slots, as A4 PDFs."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from archive_desk.db.models import File, Holder, StorageLocation
from archive_desk.documents.labels import Label, write_sheet
from archive_desk.domain.locations import prefix_range
from archive_desk.services import audit
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput, NotFound, refuses_unprintable


@refuses_unprintable
def file_labels(ctx: AppContext, file_numbers: list[str], out: Path) -> Path:
    """Spine labels: barcode of the file number, with the holder's name and the location."""
    actor = ctx.require("holder.view")
    wanted = [n.strip().upper() for n in file_numbers if n.strip()]
    if not wanted:
        raise InvalidInput("file_numbers", "请至少给出一个档案编号")
    with ctx.uow() as uow:
        s = uow.session
        rows = {
            r[0]: r
            for r in s.execute(
                select(File.file_number, Holder.name, StorageLocation.name, File.id)
                .join(Holder, Holder.id == File.holder_id)
                .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
                .where(File.file_number.in_(wanted))
            )
        }
        missing = [n for n in wanted if n not in rows]
        if missing:
            raise NotFound(f"没有这些档案编号：{'、'.join(missing[:10])}")
        labels = [Label(n, f"{n}  {rows[n][1]}", (rows[n][2] or "未上架",)) for n in wanted]
        audit.read(s, actor, "print.file_labels", "file", rows=len(wanted), files=wanted[:100])
        uow.commit()
    return write_sheet(labels, out, "档案标签")


@refuses_unprintable
def slot_labels(ctx: AppContext, code_prefix: str, out: Path) -> Path:
    """Labels for every active slot under a code prefix (e.g. one 列 or one 面)."""
    actor = ctx.require("holder.view")
    lo, hi = prefix_range(code_prefix.strip().upper())
    with ctx.uow() as uow:
        rows = uow.session.execute(
            select(StorageLocation.code, StorageLocation.name, StorageLocation.capacity)
            .where(
                StorageLocation.level == "slot",
                StorageLocation.code >= lo,
                StorageLocation.code < hi,
                StorageLocation.retired_at.is_(None),
            )
            .order_by(StorageLocation.code)
        ).all()
        if not rows:
            raise NotFound(f"“{code_prefix}”下没有在用的格位")
        audit.read(
            uow.session, actor, "print.slot_labels", "location", rows=len(rows), prefix=code_prefix
        )
        uow.commit()
    return write_sheet(
        [Label(code, name, (code, f"容量 {cap} 份")) for code, name, cap in rows], out, "库位标签"
    )
