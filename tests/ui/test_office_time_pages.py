"""pytest-qt: at 07:30 Beijing time (23:30 UTC the day before), the move log, Home and the intake
lists show the office's wall clock, and Home's "due within a week" counts from the office's date."""

from datetime import date

from archive_desk.domain.holder import HolderData
from archive_desk.services import holders, intake, storage
from archive_desk.ui.dialogs.move_log import MoveLogDialog
from archive_desk.ui.pages.home import HomePage
from archive_desk.ui.pages.intake import IntakePage
from tests.db.test_storage import files, shelves  # noqa: F401  (fixtures)
from tests.ui.conftest import wait_tasks


def test_move_log_shows_office_time(qtbot, admin, files, zh, beijing_morning):  # noqa: F811
    storage.apply_moves(admin, [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "入库")
    dlg = MoveLogDialog(admin)
    qtbot.addWidget(dlg)
    wait_tasks(qtbot)
    assert dlg.table.item(0, 0).text() == "2026-12-02 07:30"


def test_home_and_intake_lists_show_office_time(qtbot, admin, zh, beijing_morning):
    h = holders.create(admin, HolderData(name="周芷若", id_number="11010519491231002X"))
    intake.issue_letter(admin, h.id, "青岛市人才服务中心")
    intake.record_arrival(
        admin,
        h.id,
        mode="机要",
        tracking_number="JY0001",
        sender="青岛市人才服务中心",
        seal_intact=True,
        material_count=8,
        checker="李档案",
    )
    # A week from the office's 2 December is 9 December (from UTC's 1 December it would be the 8th).
    week = intake.issue_notice(admin, h.id, ["转正定级表"], date(2026, 12, 9))
    intake.issue_notice(admin, h.id, ["学位证书复印件"], date(2026, 12, 10))

    home = HomePage(admin)
    qtbot.addWidget(home)
    wait_tasks(qtbot)
    arrivals = home.lists["arrivals"]
    assert arrivals.count() == 1 and "2026-12-02 07:30" in arrivals.item(0).text()
    notices = home.lists["notices"]
    assert notices.count() == 1 and week.number in notices.item(0).text()
    assert "2026-12-09" in notices.item(0).text()

    page = IntakePage(admin)
    qtbot.addWidget(page)
    wait_tasks(qtbot)
    assert page.to_accept.item(0, 2).text() == "2026-12-02 07:30"


def test_settings_page_offers_the_office_zone_and_says_what_empty_means(
    qtbot, admin, zh, beijing_morning
):
    from archive_desk.ui.pages.settings_page import SettingsPage

    page = SettingsPage(admin)
    qtbot.addWidget(page)
    wait_tasks(qtbot)
    edit = page.fields["office.time_zone"]
    assert edit.text() == "" and edit.placeholderText() == "Asia/Shanghai"
    edit.setText("Asia/Beijing")  # a common slip: no such zone
    page.save()
    wait_tasks(qtbot)
    assert "时区“Asia/Beijing”无效" in page.message.text()
