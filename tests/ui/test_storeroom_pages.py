"""pytest-qt tests of the storeroom page, the location and move dialogs, and the stocktake page."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from archive_desk.services import storage
from archive_desk.ui.dialogs.locations import BulkLocationsDialog
from archive_desk.ui.dialogs.move_log import MoveLogDialog
from archive_desk.ui.dialogs.moves import MoveDialog
from archive_desk.ui.dialogs.pdf_preview import PdfPreviewDialog
from archive_desk.ui.pages.stocktake import StocktakePage
from archive_desk.ui.pages.storeroom import StoreroomPage
from tests.db.test_storage import files, shelves  # noqa: F401  (fixtures)
from tests.ui.clicks import click, click_cell
from tests.ui.conftest import wait_tasks

A1 = "K01-Q01-L001-A-J01-C01-G01"


@pytest.fixture
def yes(monkeypatch):
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)


def test_bulk_dialog_previews_before_creating(qtbot, admin, zh, yes):
    dlg = BulkLocationsDialog(admin)
    qtbot.addWidget(dlg)
    assert not dlg.ok.isEnabled()
    dlg.spec.setText("库房2 区1 列1 面A 节1–2 层1 格1–3")
    dlg.capacity.setValue(5)
    dlg.preview()
    wait_tasks(qtbot)
    assert "将新建 6 个格位" in dlg.summary.text() and dlg.ok.isEnabled()
    assert storage.occupancy(admin, "K02") == []  # preview created nothing
    with qtbot.waitSignal(dlg.accepted):
        dlg.create()
    assert len(storage.occupancy(admin, "K02")) == 6


def test_bulk_dialog_shows_the_reason_for_a_bad_spec(qtbot, admin, zh):
    dlg = BulkLocationsDialog(admin)
    qtbot.addWidget(dlg)
    dlg.spec.setText("库房1 区1 列1 面C 节1 层1 格1")
    dlg.preview()
    wait_tasks(qtbot)
    assert "面C" in dlg.summary.text() and not dlg.ok.isEnabled()


def test_move_dialog_takes_scans_previews_and_moves(qtbot, admin, files, zh, yes):  # noqa: F811
    dlg = MoveDialog(admin)
    qtbot.addWidget(dlg)
    dlg.reason.setCurrentText("入库")
    for code in (files[0], A1, files[1], A1, files[2], A1):
        qtbot.keyClicks(dlg.scan, code)
        qtbot.keyClick(dlg.scan, Qt.Key.Key_Return)
    assert dlg.pairs == [(files[0], A1), (files[1], A1), (files[2], A1)]
    dlg.preview()
    wait_tasks(qtbot)
    assert "1 项有问题" in dlg.prompt.text() and not dlg.apply_button.isEnabled()
    assert "已满" in dlg.table.item(2, 4).text()
    dlg.pairs.pop()
    dlg.preview()
    wait_tasks(qtbot)
    assert dlg.apply_button.isEnabled()
    with qtbot.waitSignal(dlg.accepted):
        dlg.confirm()
    assert storage.occupancy(admin, A1)[0].files == 2


def test_storeroom_page_shows_the_shelf_grid_and_cell_files(qtbot, admin, files, zh):  # noqa: F811
    storage.apply_moves(admin, [(files[0], A1)], "入库")
    page = StoreroomPage(admin)
    qtbot.addWidget(page)
    wait_tasks(qtbot)
    assert page.tree.topLevelItem(0).text(0) == "1号库房"
    page.show_shelf("K01-Q01-L001")
    wait_tasks(qtbot)
    grid = page.grids["A"]
    assert grid.rowCount() == 2 and grid.columnCount() == 2
    assert grid.item(0, 0).text() == "1/6"  # 3 slots × capacity 2 in 节1层1
    assert "1 份档案" in page.caption.text()
    page._on_cell("A", 0, 0)
    wait_tasks(qtbot)
    assert files[0] in page.files.item(0).text()


def test_move_log_dialog_lists_moves(qtbot, admin, files, zh):  # noqa: F811
    storage.apply_moves(admin, [(files[0], A1)], "入库")
    dlg = MoveLogDialog(admin)
    qtbot.addWidget(dlg)
    wait_tasks(qtbot)
    assert dlg.table.rowCount() == 1 and dlg.table.item(0, 5).text() == "入库"


def test_stocktake_page_scans_and_applies(qtbot, admin, files, zh, yes, tmp_path):  # noqa: F811
    storage.apply_moves(admin, [(files[0], A1), (files[1], A1)], "入库")
    page = StocktakePage(admin)
    qtbot.addWidget(page)
    page.start("K01-Q01-L001")
    wait_tasks(qtbot)
    assert "应有档案 2 份" in page.status.text()
    for code in (files[1], "K01-Q01-L001-B-J01-C01-G01", files[0]):
        qtbot.keyClicks(page.scan, code)
        qtbot.keyClick(page.scan, Qt.Key.Key_Return)
        wait_tasks(qtbot)
    assert "请先扫描格位标签" in page.log.item(2).text()
    assert "错位" in page.log.item(0).text()
    page.finish()
    wait_tasks(qtbot)
    outcomes = {
        page.results.item(r, 0).text(): page.results.item(r, 2).text()
        for r in range(page.results.rowCount())
    }
    assert outcomes == {files[0]: "错位", files[1]: "缺失"}
    page.report(path=str(tmp_path / "r.xlsx"))
    wait_tasks(qtbot)
    assert (tmp_path / "r.xlsx").exists()
    page.confirm_apply()
    wait_tasks(qtbot)
    assert "已按移库记录更正 1 项" in page.log.item(0).text()


def test_pdf_preview_renders_every_page(qtbot, admin, shelves, tmp_path, zh):  # noqa: F811
    from archive_desk.services import labels

    out = labels.slot_labels(admin, "K01", tmp_path / "s.pdf")  # 48 slots: two sheets
    dlg = PdfPreviewDialog(out, "库位标签")
    qtbot.addWidget(dlg)
    assert len(dlg.pages) == 2 and dlg.pages[0].width() > 700


def test_file_labels_of_a_cell_and_retiring_an_empty_shelf(
    qtbot,
    admin,
    files,  # noqa: F811
    zh,
    yes,  # noqa: F811
    monkeypatch,
):
    shown = []
    monkeypatch.setattr(PdfPreviewDialog, "exec", lambda self: shown.append(self))
    storage.apply_moves(admin, [(files[0], A1)], "入库")
    page = StoreroomPage(admin)
    qtbot.addWidget(page)
    page.show()
    page.show_shelf("K01-Q01-L001")
    wait_tasks(qtbot)
    click_cell(qtbot, page.grids["A"], 0, 0)
    wait_tasks(qtbot)
    assert page.files.count() == 1
    click(qtbot, page.findChild(QPushButton, "file_labels"))
    wait_tasks(qtbot)
    assert shown and len(shown[0].pages) == 1
    item = page.tree.topLevelItem(0)
    page.tree.setCurrentItem(item)
    click(qtbot, page.findChild(QPushButton, "retire"))
    wait_tasks(qtbot)
    assert "仍存放 1 份档案" in page.caption.text()  # not empty: refused with the reason
