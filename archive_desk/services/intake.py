"""Intake (档案接收, domain §4): 调档函 → arrival check → 缺件告知承诺 → acceptance on a shelf.
Every step writes an event on the file; letters and notices are cancelled or fulfilled, never
deleted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta

from sqlalchemy import func, select

from archive_desk.db.base import utcnow
from archive_desk.db.models import (
    Arrival,
    File,
    Holder,
    MissingNotice,
    StorageLocation,
    TransferLetter,
    Unit,
)
from archive_desk.domain import clock, file_states
from archive_desk.domain.file_states import INTAKE_STEPS, Step, StepRefused
from archive_desk.domain.files import DepositType, FileStatus
from archive_desk.domain.roles import allowed
from archive_desk.services import audit, locking, lookup, storage
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput
from archive_desk.services.sequences import next_value
from archive_desk.services.settings import read_all

ARRIVAL_MODES = ("机要", "EMS", "专人送取")
DEFAULT_COMMITMENT = (
    "本人承诺在上述期限内补齐所缺材料，逾期未补齐的，愿意承担由此产生的一切后果，"
    "并配合存档机构办理相关手续。"
)


@dataclass(frozen=True)
class LetterView:
    id: int
    number: str
    holder_id: int
    holder_name: str
    id_number: str
    addressee: str
    issued_at: datetime
    valid_until: date
    arrived: bool
    cancelled: bool
    version: int = 1  # hand back to cancel_letter (optimistic locking)

    @property
    def expired(self) -> bool:
        return not self.arrived and not self.cancelled and self.valid_until < clock.today()

    @property
    def state(self) -> str:
        if self.cancelled:
            return "已作废"
        if self.arrived:
            return "已到档"
        return "已过期" if self.expired else "待到档"


@dataclass(frozen=True)
class NoticeView:
    id: int
    number: str
    file_id: int
    holder_id: int
    file_status: str
    holder_name: str
    id_number: str
    items: list[str]
    deadline: date
    commitment: str
    issued_at: datetime
    fulfilled: bool
    version: int = 1  # hand back to fulfil_notice (optimistic locking)

    @property
    def overdue(self) -> bool:
        return not self.fulfilled and self.deadline < clock.today()


@dataclass(frozen=True)
class Accepted:
    file_id: int
    file_number: str
    location_name: str


@dataclass(frozen=True)
class ArrivalToAccept:
    holder_id: int
    holder_name: str
    id_number: str
    arrived_at: datetime


@dataclass(frozen=True)
class IntakeSteps:
    """Which counter steps are open for a holder now: `closed` maps each closed step to the
    reason (Chinese); a step not in it is open."""

    holder_id: int
    holder_name: str
    status: str | None
    closed: dict[str, str]

    def is_open(self, step: str) -> bool:
        return step not in self.closed


def _letter_view(s, letter: TransferLetter) -> LetterView:
    h = s.get(Holder, letter.holder_id)
    return LetterView(
        letter.id,
        letter.number,
        h.id,
        h.name,
        h.id_number,
        letter.addressee,
        letter.issued_at,
        letter.valid_until,
        letter.arrived_at is not None,
        letter.cancelled_at is not None,
        letter.version,
    )


def _file_of(s, holder_id: int) -> File | None:
    return s.scalar(select(File).where(File.holder_id == holder_id))


def _check(f: File | None, step: Step) -> FileStatus | None:
    """The status after `step` (None: unchanged), or InvalidInput naming why it is refused."""
    try:
        return file_states.check(f.status if f else None, step)
    except StepRefused as exc:
        raise InvalidInput("file", exc.reason) from None


def steps_for(ctx: AppContext, holder_id: int) -> IntakeSteps:
    """Which intake steps the acting user may take for this holder now, from the file's current
    status (the same table the steps themselves check) and the user's role."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        name = lookup.holder(s, holder_id).name
        f = _file_of(s, holder_id)
        status = f.status if f else None
        audit.read(s, actor, "intake.steps.view", "holder", holder_id, rows=1)
        uow.commit()
    closed = {}
    for step in INTAKE_STEPS:
        if not allowed(actor.role, "intake"):
            closed[step.value] = f"当前角色（{actor.role_label}）无权办理档案接收"
        elif (reason := file_states.refusal(status, step)) is not None:
            closed[step.value] = reason
    return IntakeSteps(holder_id, name, status, closed)


def issue_letter(
    ctx: AppContext, holder_id: int, addressee: str, source: str = "counter"
) -> LetterView:
    """Number a 调档函 for a holder (per-year sequence, prefix from settings); the file record is
    opened as awaiting arrival."""
    actor = ctx.require("intake")
    addressee = addressee.strip()
    if not addressee:
        raise InvalidInput("addressee", "请填写原存档机构（调档函的收件单位）")
    with ctx.uow() as uow:
        s = uow.session
        lookup.holder(s, holder_id)
        f = _file_of(s, holder_id)
        new_status = _check(f, Step.LETTER)
        cfg = read_all(s)
        year = clock.today().year
        seq = next_value(s, "transfer_letter", str(year))
        number = f"{cfg['letters.transfer_request_prefix']}〔{year}〕第{seq:04d}号"
        letter = TransferLetter(
            number=number,
            holder_id=holder_id,
            addressee=addressee,
            source=source,
            issued_by=actor.user_id,
            valid_until=clock.today() + timedelta(days=int(cfg["letters.validity_days"])),
        )
        s.add(letter)
        if f is None:
            f = File(holder_id=holder_id, status=new_status)
            s.add(f)
        else:
            f.status, f.location_id = new_status, None
        s.flush()
        audit.event(
            s,
            actor,
            "letter.issued",
            holder_id=holder_id,
            file_id=f.id,
            number=number,
            addressee=addressee,
        )
        audit.record(s, actor, "letter.issue", "transfer_letter", letter.id, number=number)
        uow.commit()
        return _letter_view(s, letter)


def find_letter(s, number: str) -> TransferLetter:
    """The 调档函 with this number, or NotFound (for this module and intake_documents)."""
    return lookup.found(
        s.scalar(select(TransferLetter).where(TransferLetter.number == number.strip())),
        f"没有调档函“{number}”",
    )


def find_notice(s, number: str) -> MissingNotice:
    """The 缺件告知书 with this number, or NotFound."""
    return lookup.found(
        s.scalar(select(MissingNotice).where(MissingNotice.number == number.strip())),
        f"没有缺件告知书“{number}”",
    )


def letter(ctx: AppContext, number: str) -> LetterView:
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        view = _letter_view(uow.session, find_letter(uow.session, number))
        audit.read(uow.session, actor, "letter.view", "transfer_letter", view.id, rows=1)
        uow.commit()
        return view


def letters_of(ctx: AppContext, holder_id: int) -> list[str]:
    """The numbers of a holder's letters, oldest first."""
    ctx.require("holder.view")
    with ctx.uow() as uow:
        return list(
            uow.session.scalars(
                select(TransferLetter.number)
                .where(TransferLetter.holder_id == holder_id)
                .order_by(TransferLetter.id)
            )
        )


def cancel_letter(ctx: AppContext, number: str, reason: str, version: int | None = None) -> None:
    """`version`: the one the caller's list showed; a letter changed since is not cancelled."""
    actor = ctx.require("intake")
    if not reason.strip():
        raise InvalidInput("reason", "请填写作废原因")
    with ctx.uow() as uow:
        s = uow.session
        letter_ = find_letter(s, number)
        locking.check(
            s, letter_, version, f"调档函 {letter_.number}", "transfer_letter", letter_.id
        )
        if letter_.cancelled_at or letter_.arrived_at:
            raise InvalidInput("letter", "此调档函已作废或已到档，不能作废")
        letter_.cancelled_at, letter_.cancel_reason = utcnow(), reason.strip()
        audit.event(
            s,
            actor,
            "letter.cancelled",
            holder_id=letter_.holder_id,
            number=letter_.number,
            reason=reason.strip(),
        )
        audit.record(s, actor, "letter.cancel", "transfer_letter", letter_.id)
        uow.commit()


def open_letters(ctx: AppContext) -> list[LetterView]:
    """Letters still awaiting their file (expired ones flagged), oldest first."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        rows = s.scalars(
            select(TransferLetter)
            .where(TransferLetter.arrived_at.is_(None), TransferLetter.cancelled_at.is_(None))
            .order_by(TransferLetter.valid_until)
        ).all()
        out = [_letter_view(s, r) for r in rows]
        audit.read(s, actor, "letters.open.list", "transfer_letter", rows=len(out))
        uow.commit()
        return out


def refuse_self_carried(ctx: AppContext, holder_id: int, note: str = "") -> None:
    """A file brought by the holder in person is not accepted (domain §4.2): the refusal is
    recorded on the holder."""
    actor = ctx.require("intake")
    with ctx.uow() as uow:
        s = uow.session
        lookup.holder(s, holder_id)
        f = _file_of(s, holder_id)
        _check(f, Step.REFUSE)
        audit.event(
            s,
            actor,
            "arrival.refused",
            holder_id=holder_id,
            file_id=f.id if f else None,
            reason="本人自带档案，不予接收",
            note=note,
        )
        audit.record(s, actor, "arrival.refuse", "holder", holder_id)
        uow.commit()


def record_arrival(
    ctx: AppContext,
    holder_id: int,
    *,
    mode: str,
    sender: str,
    seal_intact: bool,
    material_count: int,
    checker: str,
    tracking_number: str = "",
    originals: int = 1,
    copies: int = 0,
    letter_number: str | None = None,
    note: str = "",
) -> int:
    """Record how the file came and what the check found; the file becomes received."""
    actor = ctx.require("intake")
    if mode not in ARRIVAL_MODES:
        raise InvalidInput(
            "mode", "档案只能通过机要通信、EMS或专人送取转递；本人自带的档案不予接收"
        )
    if mode in ("机要", "EMS") and not tracking_number.strip():
        raise InvalidInput("tracking_number", f"{mode}转递须填写运单号/机要编号")
    if not sender.strip():
        raise InvalidInput("sender", "请填写寄出单位")
    if not checker.strip():
        raise InvalidInput("checker", "请填写核对人")
    if material_count < 1:
        raise InvalidInput("material_count", "材料份数应大于0")
    if originals < 0 or copies < 0 or originals + copies < 1:
        raise InvalidInput("originals", "正本、副本卷数至少共1卷")
    with ctx.uow() as uow:
        s = uow.session
        f = _file_of(s, holder_id)
        new_status = _check(f, Step.ARRIVAL)
        letter_id = None
        if letter_number:
            letter_ = find_letter(s, letter_number)
            if letter_.holder_id != holder_id:
                raise InvalidInput("letter", f"调档函 {letter_.number} 不是为此存档人开具的")
            if letter_.cancelled_at:
                raise InvalidInput("letter", f"调档函 {letter_.number} 已作废")
            letter_.arrived_at = utcnow()
            letter_id = letter_.id
            audit.record(s, actor, "letter.arrived", "transfer_letter", letter_.id)
        arrival = Arrival(
            file_id=f.id,
            letter_id=letter_id,
            mode=mode,
            tracking_number=tracking_number.strip(),
            sender=sender.strip(),
            seal_intact=seal_intact,
            originals=originals,
            copies=copies,
            material_count=material_count,
            checker=checker.strip(),
            note=note.strip(),
            recorded_by=actor.user_id,
        )
        s.add(arrival)
        f.status, f.updated_at = new_status, utcnow()
        s.add(f)
        s.flush()
        audit.event(
            s,
            actor,
            "file.arrived",
            holder_id=holder_id,
            file_id=f.id,
            mode=mode,
            seal_intact=seal_intact,
            material_count=material_count,
        )
        audit.record(s, actor, "arrival.record", "file", f.id)
        uow.commit()
        return arrival.id


def arrivals_to_accept(ctx: AppContext) -> list[ArrivalToAccept]:
    """Files received but not yet accepted, with when they arrived."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        out = [
            ArrivalToAccept(*r)
            for r in uow.session.execute(
                select(Holder.id, Holder.name, Holder.id_number, func.max(Arrival.arrived_at))
                .join(File, File.holder_id == Holder.id)
                .join(Arrival, Arrival.file_id == File.id)
                .where(File.status == FileStatus.RECEIVED)
                .group_by(Holder.id, Holder.name, Holder.id_number)
            )
        ]
        audit.read(uow.session, actor, "arrivals.to_accept.list", "file", rows=len(out))
        uow.commit()
        return out


def _notice_view(s, n: MissingNotice) -> NoticeView:
    f = s.get(File, n.file_id)
    h = s.get(Holder, f.holder_id)
    return NoticeView(
        n.id,
        n.number,
        f.id,
        h.id,
        f.status,
        h.name,
        h.id_number,
        list(n.items),
        n.deadline,
        n.commitment,
        n.issued_at,
        n.fulfilled_at is not None,
        n.version,
    )


def issue_notice(
    ctx: AppContext,
    holder_id: int,
    items: list[str],
    deadline: date,
    commitment: str = DEFAULT_COMMITMENT,
) -> NoticeView:
    """缺件告知承诺: the file is accepted all the same (容缺受理)."""
    actor = ctx.require("intake")
    items = [i.strip() for i in items if i.strip()]
    if not items:
        raise InvalidInput("items", "请列出所缺材料")
    if deadline <= clock.today():
        raise InvalidInput("deadline", "补交期限应晚于今天")
    with ctx.uow() as uow:
        s = uow.session
        f = _file_of(s, holder_id)
        _check(f, Step.NOTICE)
        year = clock.today().year
        number = f"缺件〔{year}〕第{next_value(s, 'missing_notice', str(year)):04d}号"
        notice = MissingNotice(
            number=number,
            file_id=f.id,
            items=items,
            deadline=deadline,
            commitment=commitment.strip() or DEFAULT_COMMITMENT,
            issued_by=actor.user_id,
        )
        s.add(notice)
        s.flush()
        audit.event(
            s,
            actor,
            "notice.issued",
            holder_id=holder_id,
            file_id=f.id,
            number=number,
            items=items,
            deadline=clock.iso(deadline),
        )
        audit.record(s, actor, "notice.issue", "missing_notice", notice.id)
        uow.commit()
        return _notice_view(s, notice)


def notice(ctx: AppContext, number: str) -> NoticeView:
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        view = _notice_view(uow.session, find_notice(uow.session, number))
        audit.read(uow.session, actor, "notice.view", "missing_notice", view.id, rows=1)
        uow.commit()
        return view


def fulfil_notice(ctx: AppContext, number: str, version: int | None = None) -> None:
    actor = ctx.require("intake")
    with ctx.uow() as uow:
        s = uow.session
        n = find_notice(s, number)
        locking.check(s, n, version, f"缺件告知书 {n.number}", "missing_notice", n.id)
        if n.fulfilled_at:
            raise InvalidInput("notice", "此告知书的材料已补齐")
        n.fulfilled_at = utcnow()
        audit.event(s, actor, "notice.fulfilled", file_id=n.file_id, number=n.number)
        audit.record(s, actor, "notice.fulfil", "missing_notice", n.id)
        uow.commit()


def open_notices(ctx: AppContext) -> list[NoticeView]:
    """Notices not yet fulfilled, by deadline (overdue ones flagged)."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        out = [
            _notice_view(s, n)
            for n in s.scalars(
                select(MissingNotice)
                .where(MissingNotice.fulfilled_at.is_(None))
                .order_by(MissingNotice.deadline)
            )
        ]
        audit.read(s, actor, "notices.open.list", "missing_notice", rows=len(out))
        uow.commit()
        return out


def return_to_sender(ctx: AppContext, holder_id: int, reason: str) -> int:
    """An essential item is missing: the file goes back to the sender (recorded; a return letter
    is printed). Returns the file id."""
    actor = ctx.require("intake")
    if not reason.strip():
        raise InvalidInput("reason", "请填写退回原因（所缺的重要材料）")
    with ctx.uow() as uow:
        s = uow.session
        f = _file_of(s, holder_id)
        f.status, f.updated_at = _check(f, Step.RETURN), utcnow()
        audit.event(
            s,
            actor,
            "file.returned_to_sender",
            holder_id=holder_id,
            file_id=f.id,
            reason=reason.strip(),
        )
        audit.record(s, actor, "file.return", "file", f.id)
        uow.commit()
        return f.id


def suggest_slot(ctx: AppContext, unit_id: int | None = None) -> str | None:
    """A free slot: the first after the unit's files if it has any, else the first free one."""
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        start = ""
        if unit_id:
            start = (
                s.scalar(
                    select(func.max(StorageLocation.code))
                    .join(File, File.location_id == StorageLocation.id)
                    .where(File.unit_id == unit_id)
                )
                or ""
            )
        held = (
            select(File.location_id, func.count().label("n"))
            .where(File.location_id.is_not(None))
            .group_by(File.location_id)
            .subquery()
        )
        q = (
            select(StorageLocation.code)
            .outerjoin(held, held.c.location_id == StorageLocation.id)
            .where(
                StorageLocation.level == "slot",
                StorageLocation.retired_at.is_(None),
                func.coalesce(held.c.n, 0) < StorageLocation.capacity,
            )
            .order_by(StorageLocation.code)
            .limit(1)
        )
        return s.scalar(q.where(StorageLocation.code >= start)) or s.scalar(q)


def accept(
    ctx: AppContext, holder_id: int, deposit_type: str, slot_code: str, unit_id: int | None = None
) -> Accepted:
    """Give the file its number, deposit type and shelf: status becomes in storage."""
    actor = ctx.require("intake")
    if deposit_type not in set(DepositType):
        raise InvalidInput("deposit_type", "存档类型应为单位集体委托或个人委托")
    if deposit_type == DepositType.UNIT and not unit_id:
        raise InvalidInput("unit", "单位集体委托存档须选择存档单位")
    with ctx.uow() as uow:
        s = uow.session
        f = _file_of(s, holder_id)
        _check(f, Step.ACCEPT)  # the shelving move below sets the status
        if unit_id:
            lookup.found(s.get(Unit, unit_id), f"没有编号为 {unit_id} 的单位")
        if f.file_number is None:
            pattern = str(read_all(s)["files.number_pattern"])
            seq = next_value(s, "file_number")
            try:
                f.file_number = pattern.format(seq=seq, year=clock.today().year)
            except (KeyError, ValueError, IndexError):
                raise InvalidInput(
                    "files.number_pattern", f"档案编号格式“{pattern}”无效，请在设置中修改"
                ) from None
        f.deposit_type = deposit_type
        f.unit_id = unit_id if deposit_type == DepositType.UNIT else None
        s.flush()
        storage.apply_moves_in(s, actor, [(f.file_number, slot_code)], "入库", note="接收入库")
        location = s.get(StorageLocation, f.location_id)
        audit.event(
            s,
            actor,
            "file.accepted",
            holder_id=holder_id,
            file_id=f.id,
            file_number=f.file_number,
            deposit_type=deposit_type,
            location=location.code,
        )
        audit.record(s, actor, "file.accept", "file", f.id, file_number=f.file_number)
        uow.commit()
        return Accepted(f.id, f.file_number, location.name)
