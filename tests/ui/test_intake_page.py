"""pytest-qt: the counter intake page from a new holder to a file on its shelf, and Home."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QPushButton

from archive_desk.domain.holder import HolderData
from archive_desk.services import demo, holders, intake, search, storage
from archive_desk.ui.dialogs import intake_dialogs, pdf_preview
from archive_desk.ui.pages.home import HomePage
from archive_desk.ui.pages.intake import IntakePage
from tests.ui.clicks import click, click_cell, click_ok_when_shown
from tests.ui.conftest import wait_tasks


@pytest.fixture
def page(qtbot, admin, zh, monkeypatch):
    storage.create_locations(
        admin, storage.plan_locations(admin, "库房1 区1 列1 面A 节1 层1 格1–2", capacity=3)
    )
    shown = []
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "exec", lambda self: shown.append(self))
    p = IntakePage(admin)
    p.previews = shown
    qtbot.addWidget(p)
    p.show()
    wait_tasks(qtbot)
    return p


def test_counter_intake_from_letter_to_shelf(qtbot, admin, page):
    h = holders.create(admin, HolderData(name="周芷若", id_number="11010519491231002X"))
    page.find.setText("周芷若")  # typed through an input method; QTest types ASCII only
    qtbot.keyClick(page.find, Qt.Key.Key_Return)
    wait_tasks(qtbot)
    assert page.chosen.text() == "存档人：周芷若"
    assert page.actions["letter"].isEnabled() and not page.actions["accept"].isEnabled()
    assert "只有已到档并核对的档案才能接收入库" in page.actions["accept"].toolTip()

    click_ok_when_shown(
        qtbot,
        intake_dialogs.IssueLetterDialog,
        lambda d: d.addressee.setText("青岛市人才服务中心"),
    )
    click(qtbot, page.actions["letter"])
    wait_tasks(qtbot)
    assert page.previews and page.letters.rowCount() == 1
    assert "第0001号" in page.letters.item(0, 0).text()
    assert page.actions["arrival"].isEnabled()  # the steps followed the new status

    def arrival(d):
        d.mode.setCurrentText("EMS")
        qtbot.keyClicks(d.tracking, "EA1CN")
        d.sender.setText("青岛市人才服务中心")
        d.materials.setValue(20)

    click_ok_when_shown(qtbot, intake_dialogs.ArrivalDialog, arrival)
    click(qtbot, page.actions["arrival"])
    wait_tasks(qtbot)
    assert page.letters.rowCount() == 0 and page.to_accept.rowCount() == 1
    assert page.actions["accept"].isEnabled() and not page.actions["arrival"].isEnabled()

    click_ok_when_shown(qtbot, intake_dialogs.AcceptDialog)  # suggested slot, personal
    click(qtbot, page.actions["accept"])
    wait_tasks(qtbot)
    hit = search.search(admin, "周芷若")[0]
    assert hit.status == "in_storage" and hit.location == "1号库房1区1列A面1节1层1格"
    assert page.to_accept.rowCount() == 0
    assert len(page.previews) == 2  # the 调档函 and the 回执 were previewed
    assert h.id == hit.holder_id


def test_arrival_dialog_keeps_bad_input_with_the_reason(qtbot, admin, page):
    h = holders.create(admin, HolderData(name="张无忌", id_number="440524188001010014"))
    intake.issue_letter(admin, h.id, "原单位")
    dlg = intake_dialogs.ArrivalDialog(admin, h.id, "张无忌")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.mode.setCurrentText("EMS")
    dlg.sender.setText("原单位")
    dlg.materials.setValue(3)
    click(qtbot, dlg.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_tasks(qtbot)
    assert "运单号" in dlg.message.text() and dlg.result() == 0
    assert dlg.sender.text() == "原单位"  # nothing lost


def test_after_a_step_the_lists_highlight_no_other_holder(qtbot, admin, page):
    a = holders.create(admin, HolderData(name="杨逍", id_number="11010519491231002X"))
    b = holders.create(admin, HolderData(name="范遥", id_number="110105194912310038"))
    for h in (a, b):
        intake.issue_letter(admin, h.id, "原单位")
    page.refresh()
    wait_tasks(qtbot)
    click_cell(qtbot, page.letters, 0, 1)  # 杨逍, first in the list
    wait_tasks(qtbot)

    def arrival(d):
        d.mode.setCurrentText("专人送取")
        d.sender.setText("原单位")
        d.materials.setValue(5)

    click_ok_when_shown(qtbot, intake_dialogs.ArrivalDialog, arrival)
    click(qtbot, page.actions["arrival"])
    wait_tasks(qtbot)
    assert page.letters.rowCount() == 1 and page.letters.item(0, 1).text() == "范遥"
    assert page.letters.selectedItems() == [] and page.chosen.text() == "存档人：杨逍"
    assert page.actions["accept"].isEnabled()  # still 杨逍's steps: his file has arrived


def test_refusal_of_a_self_carried_file_is_recorded(qtbot, admin, page, monkeypatch):
    h = holders.create(admin, HolderData(name="殷离", id_number="110105194912310038"))
    page.choose(h.id, "殷离")
    wait_tasks(qtbot)
    monkeypatch.setattr(QInputDialog, "getText", lambda *a, **k: ("本人持档", True))
    click(qtbot, page.actions["refuse"])
    wait_tasks(qtbot)
    assert page.chosen.text() == "已记录拒收：殷离。"
    from sqlalchemy import select

    from archive_desk.db.models import Event

    with admin.uow() as uow:
        kinds = list(uow.session.scalars(select(Event.kind).where(Event.holder_id == h.id)))
    assert "arrival.refused" in kinds


def test_home_lists_todays_work(qtbot, admin, zh):
    demo.generate(admin, 300, seed=2)
    home = HomePage(admin)
    qtbot.addWidget(home)
    wait_tasks(qtbot)
    letters = home.lists["letters"]
    assert letters.count() > 0 and "人才函字" in letters.item(0).text()
    assert any("已过期" in letters.item(i).text() for i in range(letters.count()))
    assert "（" in home.boxes["notices"].title()


def test_notice_from_the_page_appears_in_the_list_and_closes(qtbot, admin, page, monkeypatch):
    h = holders.create(admin, HolderData(name="小昭", id_number="11010519491231002X"))
    intake.issue_letter(admin, h.id, "原单位")
    intake.record_arrival(
        admin,
        h.id,
        mode="专人送取",
        sender="原单位",
        seal_intact=True,
        material_count=8,
        checker="李",
    )
    page.refresh()  # recorded behind the page's back, as by another workstation
    wait_tasks(qtbot)
    page.tabs.setCurrentIndex(1)
    click_cell(qtbot, page.to_accept, 0, 0)  # the arrived file, chosen from the list
    wait_tasks(qtbot)
    assert page.chosen.text() == "存档人：小昭" and page.actions["notice"].isEnabled()
    click_ok_when_shown(
        qtbot,
        intake_dialogs.NoticeDialog,
        lambda d: d.items.setPlainText("学位证书复印件\n转正定级表"),
    )
    click(qtbot, page.actions["notice"])
    wait_tasks(qtbot)
    assert page.notices.rowCount() == 1
    assert page.notices.item(0, 2).text() == "学位证书复印件、转正定级表"
    assert page.previews  # the notice went to print preview
    page.tabs.setCurrentIndex(2)
    click_cell(qtbot, page.notices, 0, 0)
    click(qtbot, page.findChild(QPushButton, "fulfilNotice"))
    wait_tasks(qtbot)
    assert page.notices.rowCount() == 0 and intake.open_notices(admin) == []
