"""A change made on one page shows on every page that shows what it changed: accepting a file at
the counter (by clicking) updates the holder list's status column and the storeroom grid, with
no refresh asked for."""

import pytest
from PySide6.QtWidgets import QApplication

from archive_desk.domain.holder import HolderData
from archive_desk.services import holders, intake, storage
from archive_desk.ui.dialogs import pdf_preview
from archive_desk.ui.dialogs.intake_dialogs import AcceptDialog
from archive_desk.ui.pages.holder_detail import HolderDetailPage
from archive_desk.ui.pages.holders import HoldersPage
from archive_desk.ui.pages.intake import IntakePage
from archive_desk.ui.pages.storeroom import StoreroomPage
from tests.ui.clicks import click, click_cell, click_ok_when_shown
from tests.ui.conftest import wait_tasks

STATUS = 6  # the holder list's status column


def _status_of(page: HoldersPage, holder_id: int) -> str:
    m = page.list_model
    row = next(r for r in range(m.rowCount()) if m.holder_id(r) == holder_id)
    return m.index(row, STATUS).data()


@pytest.fixture
def arrived(admin):
    storage.create_locations(
        admin, storage.plan_locations(admin, "库房1 区1 列1 面A 节1 层1 格1–2", capacity=3)
    )
    h = holders.create(admin, HolderData(name="周芷若", id_number="11010519491231002X"))
    intake.issue_letter(admin, h.id, "青岛市人才服务中心")
    intake.record_arrival(
        admin, h.id, mode="专人送取", sender="青岛市人才服务中心", seal_intact=True,
        material_count=12, checker="李",
    )  # fmt: skip
    return h


def test_accepting_at_the_counter_updates_the_holder_list_the_record_and_the_storeroom_grid(
    qtbot, admin, zh, arrived, monkeypatch
):
    monkeypatch.setattr(pdf_preview.PdfPreviewDialog, "exec", lambda self: 0)
    holders_page, storeroom, counter = HoldersPage(admin), StoreroomPage(admin), IntakePage(admin)
    record = HolderDetailPage(admin)  # the holder's record, open on another page
    for w in (holders_page, storeroom, counter, record):
        qtbot.addWidget(w)
    storeroom.show_shelf("K01-Q01-L001")
    record.open_holder(arrived.id)
    wait_tasks(qtbot)
    assert _status_of(holders_page, arrived.id) == "已接收待入库"
    assert "已接收待入库" in record.status.text()
    record.editors["phone"].setText("13800138000")  # being edited meanwhile
    assert storeroom.grids["A"].item(0, 0).text() == "0/6"

    counter.show()
    counter.tabs.setCurrentIndex(1)  # 已到档待接收
    click_cell(qtbot, counter.to_accept, 0, 0)
    wait_tasks(qtbot)
    assert counter.actions["accept"].isEnabled()
    click_ok_when_shown(qtbot, AcceptDialog)
    click(qtbot, counter.actions["accept"])
    wait_tasks(qtbot)

    assert QApplication.activeModalWidget() is None
    assert _status_of(holders_page, arrived.id) == "在库"
    assert storeroom.grids["A"].item(0, 0).text() == "1/6"
    assert "1 files" in storeroom.caption.text() or "1 份" in storeroom.caption.text()
    assert counter.to_accept.rowCount() == 0
    assert "在库 · 1号库房1区1列A面1节1层1格" in record.status.text()
    assert record.editors["phone"].text() == "13800138000"  # the clerk's edit is kept
