"""The storeroom (domain §5): locations, occupancy, moves and the move log."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session, aliased

from archive_desk.db.base import utcnow
from archive_desk.db.models import File, FileMove, Holder, StorageLocation, User
from archive_desk.domain import file_states
from archive_desk.domain.file_states import Step
from archive_desk.domain.locations import (
    MOVE_REASONS,
    BulkSpec,
    SpecInvalid,
    code_of,
    name_of,
    parse_bulk,
    prefix_range,
)
from archive_desk.services import audit, locking, lookup
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput


@dataclass(frozen=True)
class LocationPlan:
    """What a bulk creation would do: new slots and how many already exist."""

    spec: BulkSpec
    new_codes: list[str]
    existing: int
    capacity: int

    @property
    def sample(self) -> list[str]:
        """A few codes to show: all when four or fewer, else the first three, …, the last."""
        codes = self.new_codes
        return codes if len(codes) <= 4 else [*codes[:3], "…", codes[-1]]


@dataclass(frozen=True)
class SlotInfo:
    id: int
    code: str
    name: str
    capacity: int
    files: int
    retired: bool
    version: int = 1  # hand back to retire_location (optimistic locking)


@dataclass(frozen=True)
class MovePlanRow:
    file_number: str
    holder_name: str
    from_name: str
    to_code: str
    to_name: str
    error: str


@dataclass(frozen=True)
class ShelvedFile:
    """A file kept in a slot."""

    slot_code: str
    file_number: str
    holder_name: str


@dataclass(frozen=True)
class MoveRow:
    at: datetime
    file_number: str
    holder_name: str
    from_name: str
    to_name: str
    reason: str
    operator: str


def _slot_spec(text: str) -> BulkSpec:
    try:
        return parse_bulk(text)
    except SpecInvalid as exc:
        raise InvalidInput("spec", str(exc)) from None


def plan_locations(ctx: AppContext, spec_text: str, capacity: int) -> LocationPlan:
    """Preview a bulk creation: which slots are new (existing ones are left as they are)."""
    ctx.require("storage.manage")
    spec = _slot_spec(spec_text)
    if not 1 <= capacity <= 500:
        raise InvalidInput("capacity", "每格容量应在 1 到 500 之间")
    if spec.slot_count > 50_000:
        raise InvalidInput("spec", f"一次最多建 50,000 格，此规格为 {spec.slot_count:,} 格")
    codes = [code_of(parts) for parts in spec.slot_parts()]
    with ctx.uow() as uow:
        lo, hi = prefix_range(codes[0].split("-L")[0])
        have = set(
            uow.session.scalars(
                select(StorageLocation.code).where(
                    StorageLocation.code >= lo, StorageLocation.code < hi
                )
            )
        )
    new = [c for c in codes if c not in have]
    return LocationPlan(spec, new, len(codes) - len(new), capacity)


def create_locations(ctx: AppContext, plan: LocationPlan) -> int:
    """Create the planned slots and their parents in one transaction; returns slots made."""
    actor = ctx.require("storage.manage")
    new = set(plan.new_codes)
    with ctx.uow() as uow:
        s = uow.session
        known: dict[str, int] = {}
        made = 0
        for parts in plan.spec.slot_parts():
            if code_of(parts) not in new:
                continue
            parent_id = None
            for depth in range(1, len(parts) + 1):
                code = code_of(parts[:depth])
                if code not in known:
                    row = s.scalar(select(StorageLocation).where(StorageLocation.code == code))
                    if row is None:
                        last = depth == len(parts)
                        row = StorageLocation(
                            parent_id=parent_id,
                            level=parts[depth - 1].level,
                            number=parts[depth - 1].number,
                            code=code,
                            name=name_of(parts[:depth]),
                            capacity=plan.capacity if last else 0,
                        )
                        s.add(row)
                        s.flush()
                        made += last
                    known[code] = row.id
                parent_id = known[code]
        audit.record(
            s,
            actor,
            "location.bulk_create",
            "location",
            None,
            slots=made,
            first=plan.new_codes[0] if plan.new_codes else None,
            last=plan.new_codes[-1] if plan.new_codes else None,
        )
        uow.commit()
        return made


def _files_under(s: Session, code: str) -> int:
    lo, hi = prefix_range(code)
    return s.scalar(
        select(func.count())
        .select_from(File)
        .join(StorageLocation, StorageLocation.id == File.location_id)
        .where(StorageLocation.code >= lo, StorageLocation.code < hi)
    )


def retire_location(ctx: AppContext, code: str, version: int | None = None) -> None:
    """Retire a location and everything under it — only when no file is kept there."""
    actor = ctx.require("storage.manage")
    with ctx.uow() as uow:
        s = uow.session
        loc = lookup.location(s, code)
        locking.check(s, loc, version, loc.name, "location", loc.id)
        held = _files_under(s, loc.code)
        if held:
            raise InvalidInput("location", f"{loc.name}仍存放 {held} 份档案，不能停用")
        lo, hi = prefix_range(loc.code)
        for row in s.scalars(
            select(StorageLocation).where(
                StorageLocation.code >= lo,
                StorageLocation.code < hi,
                StorageLocation.retired_at.is_(None),
            )
        ):
            row.retired_at = utcnow()
        audit.record(s, actor, "location.retire", "location", loc.id, code=loc.code)
        uow.commit()


def children(ctx: AppContext, code: str | None = None) -> list[SlotInfo]:
    """The locations directly under `code` (the warehouses when None). `files` is left 0 here:
    counting a whole warehouse is a large join; occupancy() counts one 列 at a time."""
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        parent = lookup.location(s, code).id if code else None
        rows = s.scalars(
            select(StorageLocation)
            .where(
                StorageLocation.parent_id.is_(parent)
                if parent is None
                else StorageLocation.parent_id == parent
            )
            .order_by(StorageLocation.code)
        ).all()
        return [
            SlotInfo(r.id, r.code, r.name, r.capacity, 0, r.retired_at is not None, r.version)
            for r in rows
        ]


def occupancy(ctx: AppContext, code_prefix: str) -> list[SlotInfo]:
    """Every slot under a prefix (e.g. one 列) with its capacity and the files in it."""
    ctx.require("holder.view")
    lo, hi = prefix_range(code_prefix.strip().upper())
    with ctx.uow() as uow:
        rows = uow.session.execute(
            select(
                StorageLocation.id,
                StorageLocation.code,
                StorageLocation.name,
                StorageLocation.capacity,
                func.count(File.id),
                StorageLocation.retired_at,
                StorageLocation.version,
            )
            .outerjoin(File, File.location_id == StorageLocation.id)
            .where(
                StorageLocation.level == "slot",
                StorageLocation.code >= lo,
                StorageLocation.code < hi,
            )
            .group_by(StorageLocation.id)
            .order_by(StorageLocation.code)
        ).all()
    return [SlotInfo(r[0], r[1], r[2], r[3], r[4], r[5] is not None, r[6]) for r in rows]


def files_in(ctx: AppContext, slot_code: str) -> list[ShelvedFile]:
    """The files kept in one slot."""
    ctx.require("holder.view")
    with ctx.uow() as uow:
        code = lookup.location(uow.session, slot_code).code
    return files_under(ctx, code)


def files_under(ctx: AppContext, code_prefix: str) -> list[ShelvedFile]:
    """Every file kept under a prefix, in one query (a slot, or a 节×层 cell of the shelf
    grid). Audited: it lists holders' names."""
    actor = ctx.require("holder.view")
    lo, hi = prefix_range(code_prefix.strip().upper())
    with ctx.uow() as uow:
        out = [
            ShelvedFile(*r)
            for r in uow.session.execute(
                select(StorageLocation.code, File.file_number, Holder.name)
                .join(File, File.location_id == StorageLocation.id)
                .join(Holder, Holder.id == File.holder_id)
                .where(StorageLocation.code >= lo, StorageLocation.code < hi)
                .order_by(StorageLocation.code, File.file_number)
            )
        ]
        audit.read(
            uow.session, actor, "location.files.list", "location", rows=len(out), prefix=code_prefix
        )
        uow.commit()
        return out


def _step(reason: str) -> Step:
    """入库 puts a received file on a shelf; every other reason moves a file already there."""
    return Step.SHELVE if reason == "入库" else Step.MOVE


def _plan(
    s: Session, pairs: list[tuple[str, str]], reason: str
) -> list[tuple[MovePlanRow, File | None, StorageLocation | None]]:
    """Each move checked, with the file and slot it loaded (so applying needs no second look)."""
    out = []
    incoming: dict[int, int] = {}
    for file_number, slot_code in pairs:
        file_number, slot_code = file_number.strip().upper(), slot_code.strip().upper()
        f = s.scalar(select(File).where(File.file_number == file_number))
        loc = s.scalar(select(StorageLocation).where(StorageLocation.code == slot_code))
        name = s.get(Holder, f.holder_id).name if f else ""
        cur = s.get(StorageLocation, f.location_id).name if f and f.location_id else ""
        error = ""
        if f is None:
            error = "没有此档案编号"
        elif loc is None:
            error = f"没有库位 {slot_code}"
        elif loc.level != "slot":
            error = f"{loc.name}不是格位，档案只能放入格"
        elif loc.retired_at is not None:
            error = f"{loc.name}已停用"
        elif refused := file_states.refusal(f.status, _step(reason)):
            error = refused
        elif f.location_id == loc.id:
            error = "已在该库位"
        else:
            held = s.scalar(
                select(func.count()).select_from(File).where(File.location_id == loc.id)
            ) + incoming.get(loc.id, 0)
            if held >= loc.capacity:
                error = f"{loc.name}已满（容量 {loc.capacity}）"
            else:
                incoming[loc.id] = incoming.get(loc.id, 0) + 1
        out.append(
            (MovePlanRow(file_number, name, cur, slot_code, loc.name if loc else "", error), f, loc)
        )
    return out


def plan_moves(ctx: AppContext, pairs: list[tuple[str, str]], reason: str) -> list[MovePlanRow]:
    """Preview moves of (file number, slot code): each row says where from and to, or why not."""
    actor = ctx.require("storage.move")
    if reason not in MOVE_REASONS:
        raise InvalidInput("reason", f"移库原因应为：{'、'.join(MOVE_REASONS)}")
    with ctx.uow() as uow:
        out = [row for row, _f, _loc in _plan(uow.session, pairs, reason)]
        audit.read(uow.session, actor, "moves.plan.list", "file", rows=len(out), reason=reason)
        uow.commit()
        return out


def apply_moves(ctx: AppContext, pairs: list[tuple[str, str]], reason: str, note: str = "") -> int:
    """Apply all moves or none: any row with an error refuses the whole batch."""
    actor = ctx.require("storage.move")
    if reason not in MOVE_REASONS:
        raise InvalidInput("reason", f"移库原因应为：{'、'.join(MOVE_REASONS)}")
    with ctx.uow() as uow:
        count = apply_moves_in(uow.session, actor, pairs, reason, note)
        uow.commit()
        return count


def apply_moves_in(
    s: Session,
    actor,
    pairs: list[tuple[str, str]],
    reason: str,
    note: str = "",
    stocktake_id: int | None = None,
) -> int:
    """The moves inside the caller's transaction (for services that move as part of more)."""
    plan = _plan(s, pairs, reason)
    bad = [f"{r.file_number}：{r.error}" for r, _f, _loc in plan if r.error]
    if bad:
        raise InvalidInput("moves", "以下移动无法执行，全部未移动：" + "；".join(bad[:10]))
    for _row, f, loc in plan:
        s.add(
            FileMove(
                file_id=f.id,
                from_location_id=f.location_id,
                to_location_id=loc.id,
                reason=reason,
                user_id=actor.user_id,
                note=note,
                stocktake_id=stocktake_id,
            )
        )
        audit.event(
            s, actor, "file.moved", file_id=f.id, holder_id=f.holder_id, to=loc.code, reason=reason
        )
        f.location_id, f.updated_at = loc.id, utcnow()
        f.status = file_states.check(f.status, _step(reason)) or f.status
    audit.record(s, actor, "file.move", "file", None, count=len(plan), reason=reason)
    return len(plan)


def move_log(
    ctx: AppContext,
    file_number: str | None = None,
    code_prefix: str | None = None,
    reason: str | None = None,
    limit: int = 500,
) -> list[MoveRow]:
    """The move log, newest first, filtered by file, destination prefix or reason (audited)."""
    actor = ctx.require("holder.view")
    src, dst = aliased(StorageLocation), aliased(StorageLocation)
    q = (
        select(
            FileMove.at,
            File.file_number,
            Holder.name,
            src.name,
            dst.name,
            FileMove.reason,
            User.username,
        )
        .join(File, File.id == FileMove.file_id)
        .join(Holder, Holder.id == File.holder_id)
        .outerjoin(src, src.id == FileMove.from_location_id)
        .outerjoin(dst, dst.id == FileMove.to_location_id)
        .outerjoin(User, User.id == FileMove.user_id)
        .order_by(FileMove.id.desc())
        .limit(limit)
    )
    if file_number:
        q = q.where(File.file_number == file_number.strip().upper())
    if code_prefix:
        lo, hi = prefix_range(code_prefix.strip().upper())
        q = q.where(dst.code >= lo, dst.code < hi)
    if reason:
        q = q.where(FileMove.reason == reason)
    with ctx.uow() as uow:
        out = [
            MoveRow(r[0], r[1], r[2], r[3] or "", r[4] or "", r[5], r[6] or "")
            for r in uow.session.execute(q)
        ]
        audit.read(
            uow.session,
            actor,
            "moves.list",
            "file",
            rows=len(out),
            file_number=file_number,
            code_prefix=code_prefix,
            reason=reason,
        )
        uow.commit()
        return out
