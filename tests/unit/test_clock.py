"""domain/clock.py: the office's zone, business today, local formatting, a clock tests can fix."""

from datetime import UTC, date, datetime, time, timedelta

import pytest

from archive_desk.domain import clock
from archive_desk.domain import settings as catalog
from tests.conftest import BEIJING_MORNING, _set_process_zone


@pytest.fixture
def process_zone():
    """Set the process's TZ for one test; the office zone is resolved again afterwards."""
    import os

    before = os.environ.get("TZ")
    yield _set_process_zone
    _set_process_zone(before)


def test_an_instant_reads_as_office_time(beijing_morning):
    assert clock.office_zone().key == "Asia/Shanghai"
    assert clock.now() == BEIJING_MORNING and clock.today() == date(2026, 12, 2)
    assert clock.local_date(BEIJING_MORNING) == date(2026, 12, 2)
    assert clock.format_time(BEIJING_MORNING) == "2026-12-02 07:30"
    assert clock.format_time(BEIJING_MORNING, seconds=True) == "2026-12-02 07:30:00"
    assert clock.format_date(BEIJING_MORNING) == "2026-12-02"
    assert clock.iso(BEIJING_MORNING) == "2026-12-02T07:30:00+08:00"
    assert clock.format_date(date(2027, 1, 1)) == clock.iso(date(2027, 1, 1)) == "2027-01-01"
    assert clock.at_local(date(2026, 12, 2), time(7, 30)) == BEIJING_MORNING


def test_a_naive_datetime_is_not_an_instant(beijing_morning):
    for call in (clock.local, clock.local_date, clock.format_time, clock.iso):
        with pytest.raises(clock.NaiveTime):
            call(datetime(2026, 12, 2, 7, 30))
    with pytest.raises(clock.NaiveTime):
        clock.fixed(datetime(2026, 12, 2, 7, 30)).__enter__()


def test_the_zone_follows_the_system_and_falls_back_to_beijing(process_zone, monkeypatch):
    process_zone("Europe/Berlin")
    assert clock.office_zone().key == "Europe/Berlin"
    clock.set_office_zone("America/Chicago")  # the office setting wins over the system
    assert clock.local(datetime(2026, 7, 1, 12, tzinfo=UTC)).hour == 7  # summer time there
    monkeypatch.setattr(clock, "system_zone_name", lambda: None)
    assert clock.set_office_zone("").key == "Asia/Shanghai"  # a system without a zone


def test_the_zone_is_read_once(process_zone):
    process_zone("Europe/Berlin")
    first = clock.office_zone()
    import os

    os.environ["TZ"] = "Asia/Tokyo"  # changed behind the module's back: not re-read
    assert clock.office_zone() is first


def test_fixed_clock_restores_the_real_one():
    with clock.fixed(BEIJING_MORNING):
        assert clock.now() == BEIJING_MORNING
    assert abs(clock.now() - datetime.now(UTC)) < timedelta(minutes=1)


def test_the_setting_refuses_an_unknown_zone():
    assert catalog.BY_KEY["office.time_zone"].default == ""
    assert catalog.parse("office.time_zone", "Asia/Shanghai") == "Asia/Shanghai"
    assert catalog.parse("office.time_zone", "") == ""
    with pytest.raises(ValueError, match="时区“Asia/Beijing”无效"):
        catalog.parse("office.time_zone", "Asia/Beijing")
