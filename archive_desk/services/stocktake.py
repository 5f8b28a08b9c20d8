"""Stocktake (盘点, domain §5): expected = files recorded in the range and in storage; found =
files scanned there. Each file comes out 相符 / 缺失 / 错位 / 多余; corrections are moves."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from archive_desk.db.base import utcnow
from archive_desk.db.models import File, Holder, Stocktake, StocktakeScan, StorageLocation
from archive_desk.domain.files import FileStatus
from archive_desk.domain.locations import prefix_range
from archive_desk.services import audit, locking, lookup, storage
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput

MATCH, MISSING, MISPLACED, EXTRA = "相符", "缺失", "错位", "多余"


@dataclass(frozen=True)
class StocktakeInfo:
    id: int
    prefix: str
    prefix_name: str
    started_at: datetime
    finished_at: datetime | None
    applied_at: datetime | None
    expected: int
    scanned: int
    version: int = 1  # hand back to finish / apply_corrections (optimistic locking)


@dataclass(frozen=True)
class ScanResult:
    file_number: str
    holder_name: str
    outcome: str  # what this scan means right now
    message: str


@dataclass(frozen=True)
class ResultRow:
    file_number: str
    holder_name: str
    outcome: str
    recorded: str  # recorded location name
    found: str  # where it was scanned
    found_code: str


def _stocktake(s, stocktake_id: int) -> Stocktake:
    return lookup.by_id(s, Stocktake, stocktake_id, f"没有编号为 {stocktake_id} 的盘点")


def start(ctx: AppContext, code_prefix: str) -> StocktakeInfo:
    actor = ctx.require("storage.manage")
    prefix = code_prefix.strip().upper()
    with ctx.uow() as uow:
        s = uow.session
        lookup.location(s, prefix)
        st = Stocktake(prefix=prefix, started_by=actor.user_id)
        s.add(st)
        s.flush()
        audit.record(s, actor, "stocktake.start", "stocktake", st.id, prefix=prefix)
        uow.commit()
        return _info(s, st)


def _expected(s, prefix: str) -> dict[int, tuple]:
    lo, hi = prefix_range(prefix)
    return {
        r[0]: r
        for r in s.execute(
            select(File.id, File.file_number, Holder.name, StorageLocation.id, StorageLocation.name)
            .join(Holder, Holder.id == File.holder_id)
            .join(StorageLocation, StorageLocation.id == File.location_id)
            .where(
                File.status == FileStatus.IN_STORAGE,
                StorageLocation.code >= lo,
                StorageLocation.code < hi,
            )
        )
    }


def _info(s, st: Stocktake) -> StocktakeInfo:
    loc = s.scalar(select(StorageLocation.name).where(StorageLocation.code == st.prefix))
    scanned = len(
        {
            r
            for r in s.scalars(
                select(StocktakeScan.file_id).where(StocktakeScan.stocktake_id == st.id)
            )
        }
    )
    return StocktakeInfo(
        st.id,
        st.prefix,
        loc or st.prefix,
        st.started_at,
        st.finished_at,
        st.applied_at,
        len(_expected(s, st.prefix)),
        scanned,
        st.version,
    )


def info(ctx: AppContext, stocktake_id: int) -> StocktakeInfo:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        st = _stocktake(uow.session, stocktake_id)
        return _info(uow.session, st)


def scan(ctx: AppContext, stocktake_id: int, slot_code: str, file_number: str) -> ScanResult:
    """Record one scan (file found in slot); answers at once what it means. Two index probes
    and one insert: constant time however many files were scanned before."""
    actor = ctx.require("storage.manage")
    with ctx.uow() as uow:
        s = uow.session
        st = _stocktake(s, stocktake_id)
        if st.finished_at is not None:
            raise InvalidInput("stocktake", "此盘点已结束，不能再扫描")
        slot = s.scalar(
            select(StorageLocation).where(StorageLocation.code == slot_code.strip().upper())
        )
        lo, hi = prefix_range(st.prefix)
        if slot is None or slot.level != "slot" or not lo <= slot.code < hi:
            raise InvalidInput("slot", f"“{slot_code}”不是本次盘点范围内的格位")
        f = lookup.file_by_number(s, file_number)
        s.add(
            StocktakeScan(
                stocktake_id=st.id, file_id=f.id, location_id=slot.id, user_id=actor.user_id
            )
        )
        uow.commit()
        name = s.get(Holder, f.holder_id).name
        if f.status == FileStatus.IN_STORAGE and f.location_id == slot.id:
            return ScanResult(f.file_number, name, MATCH, "相符")
        recorded = s.get(StorageLocation, f.location_id) if f.location_id else None
        if f.status == FileStatus.IN_STORAGE and recorded and lo <= recorded.code < hi:
            return ScanResult(f.file_number, name, MISPLACED, f"错位：登记在{recorded.name}")
        where = recorded.name if recorded else "未在库"
        return ScanResult(f.file_number, name, EXTRA, f"多余：登记在{where}")


def results(ctx: AppContext, stocktake_id: int) -> list[ResultRow]:
    """One row per file expected or found, by outcome then file number (audited)."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        st = _stocktake(s, stocktake_id)
        expected = _expected(s, st.prefix)
        found: dict[int, tuple] = {}
        for file_id, loc_id, code, loc_name in s.execute(
            select(
                StocktakeScan.file_id,
                StorageLocation.id,
                StorageLocation.code,
                StorageLocation.name,
            )
            .join(StorageLocation, StorageLocation.id == StocktakeScan.location_id)
            .where(StocktakeScan.stocktake_id == st.id)
            .order_by(StocktakeScan.id)
        ):
            found[file_id] = (loc_id, code, loc_name)  # the last scan of a file counts
        rows = []
        for file_id, (_, number, name, loc_id, loc_name) in expected.items():
            if file_id not in found:
                rows.append(ResultRow(number, name, MISSING, loc_name, "", ""))
            elif found[file_id][0] == loc_id:
                rows.append(ResultRow(number, name, MATCH, loc_name, loc_name, found[file_id][1]))
            else:
                rows.append(
                    ResultRow(
                        number, name, MISPLACED, loc_name, found[file_id][2], found[file_id][1]
                    )
                )
        extra = [i for i in found if i not in expected]
        if extra:
            for file_id, number, name, loc_name in s.execute(
                select(File.id, File.file_number, Holder.name, StorageLocation.name)
                .join(Holder, Holder.id == File.holder_id)
                .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
                .where(File.id.in_(extra))
            ):
                rows.append(
                    ResultRow(
                        number,
                        name,
                        EXTRA,
                        loc_name or "未在库",
                        found[file_id][2],
                        found[file_id][1],
                    )
                )
        audit.read(s, actor, "stocktake.results.list", "stocktake", st.id, rows=len(rows))
        uow.commit()
    order = {MISSING: 0, MISPLACED: 1, EXTRA: 2, MATCH: 3}
    return sorted(rows, key=lambda r: (order[r.outcome], r.file_number))


def finish(ctx: AppContext, stocktake_id: int, version: int | None = None) -> None:
    actor = ctx.require("storage.manage")
    with ctx.uow() as uow:
        st = _stocktake(uow.session, stocktake_id)
        locking.check(uow.session, st, version, f"盘点{st.id}", "stocktake", st.id)
        if st.finished_at is None:
            st.finished_at = utcnow()
            audit.record(uow.session, actor, "stocktake.finish", "stocktake", st.id)
            uow.commit()


def corrections(ctx: AppContext, stocktake_id: int) -> list[tuple[str, str]]:
    """The moves that would make the record match the shelves: (file number, found slot)."""
    return [
        (r.file_number, r.found_code)
        for r in results(ctx, stocktake_id)
        if r.outcome in (MISPLACED, EXTRA) and r.found_code and r.recorded != "未在库"
    ]


def apply_corrections(ctx: AppContext, stocktake_id: int, version: int | None = None) -> int:
    """Apply the corrections as logged moves (reason 盘点), all or none; once per stocktake."""
    actor = ctx.require("storage.move")
    moves = corrections(ctx, stocktake_id)
    with ctx.uow() as uow:
        st = _stocktake(uow.session, stocktake_id)
        locking.check(uow.session, st, version, f"盘点{st.id}", "stocktake", st.id)
        if st.finished_at is None:
            raise InvalidInput("stocktake", "请先结束盘点，再应用更正")
        if st.applied_at is not None:
            raise InvalidInput("stocktake", "此盘点的更正已经应用过")
        count = (
            storage.apply_moves_in(
                uow.session, actor, moves, "盘点", f"盘点{stocktake_id}", stocktake_id
            )
            if moves
            else 0
        )
        st.applied_at = utcnow()
        audit.record(uow.session, actor, "stocktake.apply", "stocktake", st.id, moves=count)
        uow.commit()
    return count


def report(ctx: AppContext, stocktake_id: int, out) -> object:
    """Write the report (.xlsx or .pdf by the extension)."""
    from archive_desk.documents import stocktake_report
    from archive_desk.services.settings import get_all

    rows = results(ctx, stocktake_id)
    st = info(ctx, stocktake_id)
    try:
        return stocktake_report.write(st, rows, str(get_all(ctx)["centre.name"]), out)
    except ValueError as exc:
        raise InvalidInput("out", str(exc)) from None
