"""Intake documents from the record: each call reads what the document states, writes the PDF
and audits the printing (printing shows a holder's data)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from sqlalchemy import select

from archive_desk.db.models import Arrival, Event, File, Holder, TransferLetter
from archive_desk.documents import intake_letters
from archive_desk.documents.layout import Centre
from archive_desk.domain.files import FileStatus
from archive_desk.services import audit
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput, NotFound
from archive_desk.services.intake import find_letter, find_notice
from archive_desk.services.settings import read_all


def _audit(ctx: AppContext, s, kind: str, holder_id: int, ref: str) -> None:
    audit.read(s, ctx.actor, f"print.{kind}", "holder", holder_id, rows=1, ref=ref)


def _last_arrival(s, file_id: int) -> Arrival | None:
    return s.scalar(
        select(Arrival).where(Arrival.file_id == file_id).order_by(Arrival.id.desc()).limit(1)
    )


def transfer_request(ctx: AppContext, number: str, out: Path) -> Path:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        letter = find_letter(s, number)
        if letter.cancelled_at:
            raise InvalidInput("letter", f"调档函 {letter.number} 已作废，不能打印")
        h = s.get(Holder, letter.holder_id)
        centre = Centre.from_settings(read_all(s))
        _audit(ctx, s, "transfer_request", h.id, letter.number)
        uow.commit()
        return intake_letters.transfer_request(
            out,
            number=letter.number,
            holder_name=h.name,
            id_number=h.id_number,
            addressee=letter.addressee,
            issued=letter.issued_at.date(),
            valid_until=letter.valid_until,
            centre=centre,
        )


def intake_receipt(ctx: AppContext, file_number: str, out: Path) -> Path:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        f = s.scalar(select(File).where(File.file_number == file_number.strip().upper()))
        if f is None:
            raise NotFound(f"没有档案编号“{file_number}”")
        arrival = _last_arrival(s, f.id)
        if arrival is None:
            raise InvalidInput("file", f"档案 {f.file_number} 没有到档记录，无法出具回执")
        letter = s.get(TransferLetter, arrival.letter_id) if arrival.letter_id else None
        h = s.get(Holder, f.holder_id)
        centre = Centre.from_settings(read_all(s))
        _audit(ctx, s, "intake_receipt", h.id, f.file_number)
        uow.commit()
        return intake_letters.intake_receipt(
            out,
            file_number=f.file_number,
            holder_name=h.name,
            id_number=h.id_number,
            sender=arrival.sender,
            arrived=arrival.arrived_at.date(),
            material_count=arrival.material_count,
            originals=arrival.originals,
            copies=arrival.copies,
            letter_number=letter.number if letter else "",
            centre=centre,
            dated=date.today(),
        )


def missing_notice(ctx: AppContext, number: str, out: Path) -> Path:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        n = find_notice(s, number)
        h = s.get(Holder, s.get(File, n.file_id).holder_id)
        centre = Centre.from_settings(read_all(s))
        _audit(ctx, s, "missing_notice", h.id, n.number)
        uow.commit()
        return intake_letters.missing_notice(
            out,
            number=n.number,
            holder_name=h.name,
            id_number=h.id_number,
            items=n.items,
            deadline=n.deadline,
            commitment=n.commitment,
            issued=n.issued_at.date(),
            centre=centre,
        )


def return_letter(ctx: AppContext, ref: str, out: Path) -> Path:
    """REF: the file number, or the number of the 调档函 the file came for."""
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        f = s.scalar(select(File).where(File.file_number == ref.strip().upper()))
        letter = None
        if f is None:
            letter = s.scalar(select(TransferLetter).where(TransferLetter.number == ref.strip()))
            if letter is None:
                raise NotFound(f"没有档案编号或调档函“{ref}”")
            f = s.scalar(select(File).where(File.holder_id == letter.holder_id))
        if f is None or f.status != FileStatus.RETURNED_TO_SENDER:
            raise InvalidInput("file", "该档案未被退回原单位，不能打印退回函")
        arrival = _last_arrival(s, f.id)
        if letter is None and arrival and arrival.letter_id:
            letter = s.get(TransferLetter, arrival.letter_id)
        reason = s.scalar(
            select(Event.data)
            .where(Event.file_id == f.id, Event.kind == "file.returned_to_sender")
            .order_by(Event.id.desc())
            .limit(1)
        )["reason"]
        h = s.get(Holder, f.holder_id)
        centre = Centre.from_settings(read_all(s))
        _audit(ctx, s, "return_letter", h.id, ref)
        uow.commit()
        return intake_letters.return_letter(
            out,
            holder_name=h.name,
            id_number=h.id_number,
            sender=arrival.sender if arrival else "原存档机构",
            reason=reason,
            letter_number=letter.number if letter else "",
            centre=centre,
            dated=date.today(),
        )
