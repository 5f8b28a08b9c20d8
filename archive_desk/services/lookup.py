"""Get a record or raise NotFound with a message that names what was looked for — the one helper
for "load it or say it is not there"."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.db.models import File, Holder, StorageLocation
from archive_desk.services.errors import NotFound

T = TypeVar("T")


def found(row: T | None, message: str) -> T:
    """`row`, or NotFound(message) when it is None."""
    if row is None:
        raise NotFound(message)
    return row


def by_id(s: Session, model: type[T], row_id: int, message: str) -> T:
    """The row with that id, or NotFound(message) — also for an id no database integer can hold
    (a typed or scanned number too large would otherwise fail in the driver)."""
    return found(s.get(model, row_id) if 0 < row_id < 2**63 else None, message)


def holder(s: Session, holder_id: int) -> Holder:
    return by_id(s, Holder, holder_id, f"没有编号为 {holder_id} 的存档人")


def file_by_number(s: Session, file_number: str) -> File:
    number = file_number.strip().upper()
    return found(
        s.scalar(select(File).where(File.file_number == number)), f"没有档案编号“{file_number}”"
    )


def location(s: Session, code: str) -> StorageLocation:
    return found(
        s.scalar(select(StorageLocation).where(StorageLocation.code == code.strip().upper())),
        f"没有库位“{code}”",
    )
