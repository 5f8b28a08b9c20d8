"""pytest-qt: the register of issued documents, opened from the intake page, lists an issued
调档函 and reprints it through the print preview as the very file first issued."""

import dataclasses

from PySide6.QtWidgets import QPushButton

from archive_desk.domain.holder import HolderData
from archive_desk.services import holders, intake, intake_documents
from archive_desk.ui.dialogs import issued_documents
from tests.ui.clicks import click, click_cell
from tests.ui.conftest import wait_tasks
from tests.ui.test_intake_page import page  # noqa: F401


def test_the_register_lists_an_issued_letter_and_reprints_it(
    qtbot,
    admin,
    page,  # noqa: F811
    tmp_path,
    monkeypatch,
):
    h = holders.create(admin, HolderData(name="周芷若", id_number="11010519491231002X"))
    letter = intake.issue_letter(admin, h.id, "青岛市人才服务中心")
    first = intake_documents.transfer_request(admin, letter.number, tmp_path / "l.pdf")
    view = holders.view(admin, h.id)
    holders.update(admin, h.id, dataclasses.replace(view.data, name="周若"), view.version)

    opened = []
    monkeypatch.setattr(
        issued_documents.IssuedDocumentsDialog, "exec", lambda self: opened.append(self)
    )
    click(qtbot, page.findChild(QPushButton, "issuedDocuments"))
    (dlg,) = opened
    qtbot.addWidget(dlg)
    wait_tasks(qtbot)
    table = dlg.table
    assert table.rowCount() == 1
    row = [table.item(0, c).text() for c in range(table.columnCount())]
    assert row[0] == "调档函" and row[1] == letter.number
    assert row[2] == "周若" and row[4] == "admin" and row[5] == "0"

    click_cell(qtbot, table, 0, 1)
    click(qtbot, dlg.reprint_button)
    wait_tasks(qtbot)
    (preview,) = page.previews
    assert preview.pdf.read_bytes() == first.read_bytes()
    wait_tasks(qtbot)
    assert table.item(0, 5).text() == "1"
