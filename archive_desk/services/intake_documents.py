"""Intake documents from the record: each reads what its document states, then the shared steps
run — load the holder, read the centre's letterhead, audit the printing (printing shows a
holder's data), commit, and render the PDF outside the transaction.

These are official documents, kept as issued (services/issued_documents.py): the first print
stores its bytes; every later print of the same document (the same letter, arrival, notice or
return) writes exactly those bytes, whatever has changed in the record since."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.db.models import Arrival, Event, File, TransferLetter
from archive_desk.documents import intake_letters
from archive_desk.documents.layout import Centre
from archive_desk.domain import clock
from archive_desk.domain.files import FileStatus
from archive_desk.services import audit, issued_documents, lookup
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput, refuses_unprintable
from archive_desk.services.intake import find_letter, find_notice
from archive_desk.services.settings import read_all

Loaded = tuple[int, str, str, dict[str, Any]]
"""What a document states: the holder it is about, the reference audited, the record it is
drawn from (one issued document per record: "letter 12", "arrival 7"…), the other fields."""


def _print(
    ctx: AppContext,
    kind: str,
    out: Path,
    render: Callable[..., Path],
    load: Callable[[Session], Loaded],
) -> Path:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        holder_id, ref, source, fields = load(s)
        kept = issued_documents.find(s, kind, source)
        if kept is not None:
            content = issued_documents.reprinted(s, ctx.actor, kept)
            Path(out).write_bytes(content)  # a reprint not delivered is not counted
            uow.commit()
            return Path(out)
        h = lookup.holder(s, holder_id)
        fields |= {
            "holder_name": h.name,
            "id_number": h.id_number,
            "centre": Centre.from_settings(read_all(s)),
        }
        audit.read(s, ctx.actor, f"print.{kind}", "holder", holder_id, rows=1, ref=ref)
        uow.commit()
    render(out, **fields)
    return issued_documents.keep(ctx, kind, source, ref, holder_id, fields, out)


def _last_arrival(s, file_id: int) -> Arrival | None:
    return s.scalar(
        select(Arrival).where(Arrival.file_id == file_id).order_by(Arrival.id.desc()).limit(1)
    )


@refuses_unprintable
def transfer_request(ctx: AppContext, number: str, out: Path) -> Path:
    def load(s) -> Loaded:
        letter = find_letter(s, number)
        if letter.cancelled_at:
            raise InvalidInput("letter", f"调档函 {letter.number} 已作废，不能打印")
        return (
            letter.holder_id,
            letter.number,
            f"letter {letter.id}",
            {
                "number": letter.number,
                "addressee": letter.addressee,
                "issued": clock.local_date(letter.issued_at),
                "valid_until": letter.valid_until,
            },
        )

    return _print(ctx, "transfer_request", out, intake_letters.transfer_request, load)


@refuses_unprintable
def intake_receipt(ctx: AppContext, file_number: str, out: Path) -> Path:
    def load(s) -> Loaded:
        f = lookup.file_by_number(s, file_number)
        arrival = _last_arrival(s, f.id)
        if arrival is None:
            raise InvalidInput("file", f"档案 {f.file_number} 没有到档记录，无法出具回执")
        letter = s.get(TransferLetter, arrival.letter_id) if arrival.letter_id else None
        return (
            f.holder_id,
            f.file_number,
            f"arrival {arrival.id}",
            {
                "file_number": f.file_number,
                "sender": arrival.sender,
                "arrived": clock.local_date(arrival.arrived_at),
                "material_count": arrival.material_count,
                "originals": arrival.originals,
                "copies": arrival.copies,
                "letter_number": letter.number if letter else "",
                "dated": clock.today(),
            },
        )

    return _print(ctx, "intake_receipt", out, intake_letters.intake_receipt, load)


@refuses_unprintable
def missing_notice(ctx: AppContext, number: str, out: Path) -> Path:
    def load(s) -> Loaded:
        n = find_notice(s, number)
        return (
            s.get(File, n.file_id).holder_id,
            n.number,
            f"notice {n.id}",
            {
                "number": n.number,
                "items": list(n.items),
                "deadline": n.deadline,
                "commitment": n.commitment,
                "issued": clock.local_date(n.issued_at),
            },
        )

    return _print(ctx, "missing_notice", out, intake_letters.missing_notice, load)


@refuses_unprintable
def return_letter(ctx: AppContext, ref: str, out: Path) -> Path:
    """REF: the file number, or the number of the 调档函 the file came for."""

    def load(s) -> Loaded:
        f = s.scalar(select(File).where(File.file_number == ref.strip().upper()))
        letter = None
        if f is None:
            letter = lookup.found(
                s.scalar(select(TransferLetter).where(TransferLetter.number == ref.strip())),
                f"没有档案编号或调档函“{ref}”",
            )
            f = s.scalar(select(File).where(File.holder_id == letter.holder_id))
        if f is None or f.status != FileStatus.RETURNED_TO_SENDER:
            raise InvalidInput("file", "该档案未被退回原单位，不能打印退回函")
        arrival = _last_arrival(s, f.id)
        if letter is None and arrival and arrival.letter_id:
            letter = s.get(TransferLetter, arrival.letter_id)
        returned = s.execute(
            select(Event.id, Event.data)
            .where(Event.file_id == f.id, Event.kind == "file.returned_to_sender")
            .order_by(Event.id.desc())
            .limit(1)
        ).one()
        reason = returned.data["reason"]
        return (
            f.holder_id,
            f.file_number or (letter.number if letter else ref.strip()),
            f"return {returned.id}",
            {
                "sender": arrival.sender if arrival else "原存档机构",
                "reason": reason,
                "letter_number": letter.number if letter else "",
                "dated": clock.today(),
            },
        )

    return _print(ctx, "return_letter", out, intake_letters.return_letter, load)
