"""Two desks, one holder: the later save is refused, the page says who changed the record and
offers to reload it (issue 8, no silent lost update)."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton

from archive_desk.domain.holder import HolderData
from archive_desk.services import holders
from archive_desk.ui.pages.holder_detail import HolderDetailPage
from tests.ui.conftest import wait_tasks


def test_save_over_a_newer_change_is_refused_and_the_page_reloads(
    qtbot, admin, make_user, zh, monkeypatch
):
    made = holders.create(
        admin, HolderData(name="张伟", id_number="11010519491231002X", phone="13812345678")
    )
    page = HolderDetailPage(admin)
    qtbot.addWidget(page)
    page.show()
    page.open_holder(made.id)
    wait_tasks(qtbot)

    other_desk = make_user("clerk")
    theirs = holders.view(other_desk, made.id)
    theirs.data.major = "法学"
    holders.update(other_desk, made.id, theirs.data, theirs.version)

    shown = []

    def answer_reload(box: QMessageBox) -> int:
        shown.append(box.text())
        box.findChild(QPushButton, "reloadHolder").click()
        return 0

    monkeypatch.setattr(QMessageBox, "exec", answer_reload)
    page.editors["phone"].clear()
    qtbot.keyClicks(page.editors["phone"], "13900000000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot)
    qtbot.waitUntil(lambda: page.editors["major"].text() == "法学")

    assert shown and "clerk1" in shown[0] and "重新载入" in shown[0]
    stored = holders.view(admin, made.id).data
    assert stored.phone == "13812345678" and stored.major == "法学"  # nothing overwritten
    assert page.editors["phone"].text() == "13812345678"  # their version, reloaded

    page.editors["phone"].clear()
    qtbot.keyClicks(page.editors["phone"], "13900000000")
    qtbot.mouseClick(page.save_button, Qt.MouseButton.LeftButton)
    wait_tasks(qtbot)
    stored = holders.view(admin, made.id).data
    assert stored.phone == "13900000000" and stored.major == "法学"
