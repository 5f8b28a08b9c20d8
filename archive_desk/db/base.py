"""Declarative base with a naming convention, so every constraint has a name migrations can use;
and the one timestamp type: an aware UTC instant on every engine."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import DateTime, MetaData
from sqlalchemy.orm import DeclarativeBase
from sqlalchemy.types import TypeDecorator

from archive_desk.domain import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def utcnow() -> datetime:
    """Now, as the database stores it (aware UTC), from the clock tests can fix."""
    return clock.now()


class UTCDateTime(TypeDecorator):
    """`timestamptz` on PostgreSQL, text on SQLite; written as UTC, read back aware in UTC.

    SQLite keeps no zone, so without this it hands back naive datetimes that pages printed as if
    they were local time (eight hours behind in Beijing). A naive value written is refused: it
    cannot say which instant it means. Showing an instant is `domain/clock.py`'s job.
    """

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if not isinstance(value, datetime):
            raise TypeError(f"a timestamp needs a datetime, not {type(value).__name__}")
        return clock.utc(value)  # a naive datetime raises NaiveTime

    def process_result_value(self, value, dialect):
        if value is None:
            return None
        if value.tzinfo is None:  # SQLite: what was written was UTC
            return value.replace(tzinfo=UTC)
        return clock.utc(value)
