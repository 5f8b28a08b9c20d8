"""The office's readings of rare name characters: a supervisor adds (character, reading) in
Settings when pypinyin and the shipped table do not know a character (or read it wrongly for a
name). Each change is audited and rewrites the search keys of the holders whose names hold the
character (found through the name pieces table: one index probe), so they are found by initials
from then on. Every workstation lays the table over pypinyin before it writes a name (`sync`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from pypinyin.contrib.tone_convert import to_tone
from sqlalchemy import select, update
from sqlalchemy.orm import Session

from archive_desk.db.base import utcnow
from archive_desk.db.models import Holder, HolderNameGram, NameReading
from archive_desk.domain import names
from archive_desk.services import audit
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput, NotFound

_SYLLABLE = re.compile(r"^[a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüêńňǹḿ]{1,6}[1-5]?$")


@dataclass(frozen=True)
class Reading:
    character: str
    reading: str
    updated_by: str
    updated_at: datetime


def sync(session: Session) -> None:
    """Lay this database's readings over pypinyin (cheap: a handful of rows)."""
    names.set_local_readings(
        {c: r for c, r in session.execute(select(NameReading.character, NameReading.reading))}
    )


def list_all(ctx: AppContext) -> list[Reading]:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        rows = uow.session.scalars(select(NameReading).order_by(NameReading.character)).all()
        return [Reading(r.character, r.reading, r.updated_by, r.updated_at) for r in rows]


def check(character: str, reading: str) -> tuple[str, str]:
    """The character and its reading as stored (tone marks, lower case), or InvalidInput."""
    character = character.strip()
    if len(character) != 1 or not names.is_ideograph(character):
        raise InvalidInput("character", "生僻字：请填一个汉字")
    text = reading.strip().lower().replace("v", "ü")
    if not _SYLLABLE.match(text):
        raise InvalidInput("reading", f"读音：“{reading.strip()}”不是一个拼音音节（如 jí 或 ji2）")
    return character, to_tone(text) if text[-1].isdigit() else text


def _rebuild(session: Session, character: str) -> int:
    """Rewrite the pinyin keys of every holder whose name holds `character`."""
    holders = session.execute(
        select(Holder.id, Holder.name).where(
            Holder.id.in_(select(HolderNameGram.holder_id).where(HolderNameGram.gram == character))
        )
    ).all()
    for holder_id, name in holders:
        session.execute(
            update(Holder)
            .where(Holder.id == holder_id)
            .values(name_pinyin=names.pinyin_full(name), name_initials=names.pinyin_initials(name))
        )
    return len(holders)


def set_reading(ctx: AppContext, character: str, reading: str) -> int:
    """Add or change a reading; returns how many holders' search keys were rewritten."""
    actor = ctx.require("settings.edit")
    character, reading = check(character, reading)
    with ctx.uow() as uow:
        s = uow.session
        row = s.get(NameReading, character)
        old = row.reading if row else None
        if row is None:
            s.add(NameReading(character=character, reading=reading, updated_by=actor.username))
        else:
            row.reading, row.updated_at, row.updated_by = reading, utcnow(), actor.username
        s.flush()
        sync(s)
        rebuilt = _rebuild(s, character)
        audit.record(
            s,
            actor,
            "name_reading.set",
            "name_reading",
            None,
            character=character,
            old=old,
            new=reading,
            holders=rebuilt,
        )
        uow.commit()
        return rebuilt


def remove(ctx: AppContext, character: str) -> int:
    """Drop the office's reading (pypinyin's or the shipped one applies again)."""
    actor = ctx.require("settings.edit")
    with ctx.uow() as uow:
        s = uow.session
        row = s.get(NameReading, character)
        if row is None:
            raise NotFound(f"没有“{character}”的读音")
        old = row.reading
        s.delete(row)
        s.flush()
        sync(s)
        rebuilt = _rebuild(s, character)
        audit.record(
            s,
            actor,
            "name_reading.remove",
            "name_reading",
            None,
            character=character,
            old=old,
            holders=rebuilt,
        )
        uow.commit()
        return rebuilt
