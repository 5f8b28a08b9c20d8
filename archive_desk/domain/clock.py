"""Office time: the one place that knows what time and what day it is at the office.

The database holds aware UTC instants (`db/base.py: UTCDateTime`). A person reads local time, and
a business date (the date on a letter, a due date, "today" for an overdue list, the year of a
sequence) is the office's local date — never `date.today()` on one desk and a UTC `.date()` on
another. So every instant shown or turned into a date goes through this module:

- `now()` — the current instant (aware, UTC). Tests fix it with `fixed(...)`.
- `today()` — the business date at the office.
- `utc(instant)` — the same instant in UTC (what `db/base.py: UTCDateTime` writes).
- `local(instant)`, `local_date(instant)` — an instant on the office's wall clock / calendar.
- `at_local(day, time)` — the instant a local wall-clock time stands for (demo data, imports).
- `format_time`, `format_date` — what pages, lists, exports and printed documents show.
- `iso(value)` — ISO 8601 for JSON, with the office's offset (`2026-12-02T06:41:43+08:00`).

The office's zone is the setting `office.time_zone` (declared in `domain/settings.py`); empty means
the system's zone, and `Asia/Shanghai` where the system has none. It is resolved once and kept.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, timezone, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

FALLBACK_ZONE = "Asia/Shanghai"

_zone: tzinfo | None = None
_source: Callable[[], datetime] = lambda: datetime.now(UTC)  # noqa: E731


class NaiveTime(ValueError):
    """A datetime without a zone reached a place that only takes instants."""


def zone_named(name: str) -> tzinfo:
    """The zone called `name` (IANA, e.g. Asia/Shanghai); ValueError with a Chinese reason."""
    try:
        return ZoneInfo(name.strip())
    except (ZoneInfoNotFoundError, ValueError):
        raise ValueError(f"时区“{name}”无效：应为时区名称，如 Asia/Shanghai") from None


def system_zone_name() -> str | None:
    """The IANA name of this computer's zone (Windows included), or None when it has none."""
    try:
        import tzlocal

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return tzlocal.get_localzone_name() or None
    except Exception:  # noqa: BLE001 - an unreadable system zone is "no zone"
        return None


def _resolve(name: str | None) -> tzinfo:
    for candidate in (name, system_zone_name(), FALLBACK_ZONE):
        if candidate and candidate.strip():
            try:
                return zone_named(candidate)
            except ValueError:
                continue
    # No time-zone database at all: China has kept UTC+8 without summer time since 1991.
    return timezone(timedelta(hours=8), FALLBACK_ZONE)


def set_office_zone(name: str | None) -> tzinfo:
    """Use the zone called `name`; empty or None: the system's zone (else Asia/Shanghai)."""
    global _zone
    _zone = _resolve(name)
    return _zone


def office_zone() -> tzinfo:
    """The office's zone, resolved on first use and kept."""
    return _zone if _zone is not None else set_office_zone(None)


def forget_zone() -> None:
    """Resolve the zone again at next use, re-reading the system's (tests change TZ)."""
    global _zone
    _zone = None
    try:
        import tzlocal

        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            tzlocal.reload_localzone()
    except Exception:  # noqa: BLE001
        pass


def now() -> datetime:
    """The current instant, aware, in UTC (what the database stores)."""
    return _source().astimezone(UTC)


def today() -> date:
    """The business date: today on the office's calendar."""
    return local_date(now())


@contextmanager
def fixed(at: datetime) -> Iterator[datetime]:
    """Within the block, `now()` is `at` (aware). For tests and reproducible demo data."""
    global _source
    if at.tzinfo is None:
        raise NaiveTime("fixed() needs an aware datetime")
    before = _source
    _source = lambda: at  # noqa: E731
    try:
        yield at
    finally:
        _source = before


def _instant(value: datetime) -> datetime:
    if value.tzinfo is None or value.utcoffset() is None:
        raise NaiveTime(f"a naive datetime ({value!r}) is not an instant: give it a zone")
    return value


def utc(instant: datetime) -> datetime:
    """The instant in UTC, as the database keeps it (a naive datetime is refused)."""
    return _instant(instant).astimezone(UTC)


def local(instant: datetime) -> datetime:
    """The instant on the office's wall clock (aware, office zone)."""
    return _instant(instant).astimezone(office_zone())


def local_date(instant: datetime) -> date:
    """The office's calendar date of an instant (what a document dated by it says)."""
    return local(instant).date()


def at_local(day: date, at: time = time(0)) -> datetime:
    """The instant (UTC) at which the office's clock shows `at` on `day`."""
    return datetime.combine(day, at, office_zone()).astimezone(UTC)


def format_time(instant: datetime, seconds: bool = False) -> str:
    """`2026-12-02 07:30` in office time: lists, pages, exports and printed tables."""
    return local(instant).strftime("%Y-%m-%d %H:%M:%S" if seconds else "%Y-%m-%d %H:%M")


def format_date(value: date | datetime) -> str:
    """`2026-12-02`: a business date as it is, an instant as its office date."""
    if isinstance(value, datetime):
        value = local_date(value)
    return value.strftime("%Y-%m-%d")


def file_stamp() -> str:
    """`20261202-073000`: the office's clock now, for the names of backup and restore files."""
    return local(now()).strftime("%Y%m%d-%H%M%S")


def iso(value: date | datetime) -> str:
    """ISO 8601 for machine output: an instant with the office's offset
    (`2026-12-02T06:41:43+08:00`), a date as `2026-12-02`."""
    if isinstance(value, datetime):
        return local(value).isoformat(timespec="seconds")
    return value.isoformat()
