"""Office time on both engines, at 07:30 Beijing time (23:30 UTC the day before) with the process
in Asia/Shanghai and the PostgreSQL server's own zone set elsewhere (conftest: PG_SERVER_ZONE):
instants come back as aware UTC, paper and lists carry the office's local date and time, "today"
is the office's, and machine output keeps the offset."""

import json
from datetime import UTC, date, datetime, timedelta

import pytest
from openpyxl import load_workbook
from sqlalchemy import create_engine, func, insert, select, text
from sqlalchemy.exc import StatementError

from archive_desk.cli import main
from archive_desk.db.models import AuditEntry, TransferLetter
from archive_desk.domain import clock
from archive_desk.services import intake, intake_documents, settings, stocktake, storage
from archive_desk.services.context import open_database
from archive_desk.services.errors import InvalidInput
from tests.conftest import ADMIN_PASSWORD, PG_SERVER_ZONE
from tests.db.test_intake import SPEC, holder, office, pdf_text  # noqa: F401  (fixtures)
from tests.db.test_storage import files, shelves  # noqa: F401  (fixtures)

LOCAL_DAY = date(2026, 12, 2)  # the office's date at 07:30 Beijing time; UTC still says 1 December


def _arrive(ctx, holder_id: int, letter_number: str) -> None:
    intake.record_arrival(
        ctx,
        holder_id,
        mode="EMS",
        tracking_number="EA123456789CN",
        sender="青岛市人才服务中心",
        seal_intact=True,
        material_count=12,
        checker="李档案",
        letter_number=letter_number,
    )


def test_timestamps_come_back_as_aware_utc_instants(office, holder, beijing_morning):  # noqa: F811
    letter = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
    assert letter.issued_at == beijing_morning and letter.issued_at.utcoffset() == timedelta(0)
    with office.uow() as uow:
        stored = uow.session.scalar(select(TransferLetter.issued_at))
        audited = uow.session.scalar(
            select(func.max(AuditEntry.at)).where(AuditEntry.action == "letter.issue")
        )
    assert stored.tzinfo is not None and stored == beijing_morning
    assert audited.utcoffset() == timedelta(0) and audited == beijing_morning


def test_an_aware_local_time_is_stored_as_its_instant_and_a_naive_one_refused(admin):
    beijing = datetime(2026, 12, 2, 7, 30, tzinfo=clock.zone_named("Asia/Shanghai"))
    row = {"username": "x", "action": "t.local", "entity": "", "detail": {}}
    with admin.uow() as uow:
        uow.session.execute(insert(AuditEntry).values(at=beijing, **row))
        uow.commit()
    with admin.uow() as uow:
        at = uow.session.scalar(select(AuditEntry.at).where(AuditEntry.action == "t.local"))
    assert at == datetime(2026, 12, 1, 23, 30, tzinfo=UTC) and at.utcoffset() == timedelta(0)
    with admin.uow() as uow, pytest.raises(StatementError, match="naive"):
        uow.session.execute(insert(AuditEntry).values(at=datetime(2026, 12, 2, 7, 30), **row))


def test_postgresql_sessions_are_utc_whatever_the_server_says(db):
    if db.dialect != "postgresql":
        pytest.skip("PostgreSQL only: SQLite keeps no session zone")
    plain = create_engine(db.url)
    try:
        with plain.connect() as conn:
            assert conn.scalar(text("SHOW TimeZone")) == PG_SERVER_ZONE  # the trap is set
    finally:
        plain.dispose()
    with db.engine.connect() as conn:
        assert conn.scalar(text("SHOW TimeZone")) == "UTC"


def test_a_letter_issued_before_eight_carries_the_local_date_on_paper(
    office,  # noqa: F811
    holder,  # noqa: F811
    beijing_morning,
    tmp_path,
):
    letter = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
    assert letter.valid_until == LOCAL_DAY + timedelta(days=30)
    text_ = pdf_text(intake_documents.transfer_request(office, letter.number, tmp_path / "l.pdf"))
    assert "发函日期：2026年12月2日" in text_ and "本函有效期至2027年1月1日" in text_
    assert "2026年12月1日" not in text_


def test_the_receipt_dates_the_arrival_and_itself_by_the_office_calendar(
    office,  # noqa: F811
    holder,  # noqa: F811
    beijing_morning,
    tmp_path,
):
    letter = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
    _arrive(office, holder.id, letter.number)
    done = intake.accept(office, holder.id, "personal", intake.suggest_slot(office))
    text_ = pdf_text(intake_documents.intake_receipt(office, done.file_number, tmp_path / "r.pdf"))
    assert "你处于2026年12月2日转来" in text_ and text_.count("2026年12月2日") == 2
    assert "2026年12月1日" not in text_


def test_new_year_at_the_office_numbers_letters_in_the_new_year(office, holder, tmp_path):  # noqa: F811
    with clock.fixed(datetime(2026, 12, 31, 23, 30, tzinfo=UTC)):
        clock.set_office_zone("Asia/Shanghai")
        try:
            letter = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
            pdf = intake_documents.transfer_request(office, letter.number, tmp_path / "l.pdf")
        finally:
            clock.forget_zone()
    assert "〔2027〕第0001号" in letter.number
    assert "发函日期：2027年1月1日" in pdf_text(pdf)


def test_due_today_and_overdue_are_judged_by_the_office_date(
    office,  # noqa: F811
    holder,  # noqa: F811
    beijing_morning,
):
    with clock.fixed(beijing_morning - timedelta(days=31)):  # 07:30 on 1 November in Beijing
        stale = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
    assert stale.valid_until == date(2026, 12, 1)
    # In UTC it is still 1 December, the letter's last valid day; at the office that day is over.
    assert [x.state for x in intake.open_letters(office)] == ["已过期"]
    _arrive(office, holder.id, stale.number)
    with clock.fixed(beijing_morning - timedelta(days=10)):
        late = intake.issue_notice(office, holder.id, ["转正定级表"], date(2026, 12, 1))
        due = intake.issue_notice(office, holder.id, ["学位证书复印件"], LOCAL_DAY)
    overdue = {n.number: n.overdue for n in intake.open_notices(office)}
    assert overdue == {late.number: True, due.number: False}
    with pytest.raises(InvalidInput, match="补交期限应晚于今天"):
        intake.issue_notice(office, holder.id, ["毕业生登记表"], LOCAL_DAY)


def test_stocktake_report_shows_office_time(admin, files, beijing_morning, tmp_path):  # noqa: F811
    storage.apply_moves(admin, [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "入库")
    st = stocktake.start(admin, "K01-Q01-L001")
    stocktake.finish(admin, st.id)
    sheet = load_workbook(stocktake.report(admin, st.id, tmp_path / "r.xlsx")).active
    sub = sheet["A2"].value
    assert "开始：2026-12-02 07:30" in sub and "结束：2026-12-02 07:30" in sub
    assert "12-01 23:30" not in sub


def test_audit_cli_json_carries_the_offset_and_people_read_local_time(
    admin, beijing_morning, monkeypatch, capsys
):
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", ADMIN_PASSWORD)
    argv = ["--db", admin.url, "--user", "admin", "audit", "--limit", "1"]
    assert main([*argv, "--json"]) == 0
    newest = json.loads(capsys.readouterr().out)[0]
    assert newest["at"] == "2026-12-02T07:30:00+08:00" and newest["user"] == "admin"
    assert main(argv) == 0
    assert capsys.readouterr().out.startswith("2026-12-02 07:30:00\tadmin\t")


def test_the_office_zone_is_a_setting_read_when_the_database_opens(admin, beijing_morning):
    with pytest.raises(InvalidInput, match="时区“Mars/Olympus”无效") as exc:
        settings.update_many(admin, {"office.time_zone": "Mars/Olympus"})
    assert exc.value.field == "office.time_zone"
    settings.update_many(admin, {"office.time_zone": "Europe/London"})  # UTC+0 in December
    assert clock.today() == date(2026, 12, 1)
    clock.forget_zone()  # another desk starting: the zone comes from the database
    ctx = open_database(admin.url)
    try:
        assert clock.format_time(clock.now()) == "2026-12-01 23:30"
        settings.update_many(admin, {"office.time_zone": ""})  # empty: the system's zone
        assert clock.today() == LOCAL_DAY
    finally:
        ctx.engine.dispose()
