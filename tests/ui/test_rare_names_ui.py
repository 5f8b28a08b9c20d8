"""Rare-character names on screen: typed through an input method into the name field, edited
without splitting a surrogate pair, saved, listed, found and shown; readings added in Settings."""

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage, QInputMethodEvent
from PySide6.QtWidgets import QLabel

from archive_desk.domain import names
from archive_desk.domain.holder import HolderData
from archive_desk.services import holders
from archive_desk.ui.main_window import MainWindow
from tests.fonts_support import require_ext_b
from tests.ui.conftest import wait_tasks


@pytest.fixture
def window(qtbot, admin, zh):
    for i, name in enumerate(["王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘", "金\uf9dc"]):
        first = f"11010519900101{i:03d}"
        from archive_desk.domain.idcard import check_char

        holders.create(admin, HolderData(name=name, id_number=first + check_char(first)))
    w = MainWindow(admin)
    qtbot.addWidget(w)
    w.show()
    wait_tasks(qtbot)
    yield w
    names.set_local_readings({})


def _type(widget, text: str) -> None:
    """What a Chinese input method does: commit the chosen characters in one event."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QCoreApplication.sendEvent(widget, event)


def test_name_typed_edited_and_saved_keeps_surrogate_pairs_whole(window, qtbot, admin):
    page = window.holders
    page.new_holder()
    d = page.detail
    edit = d.editors["name"]
    _type(edit, "王𠮷明")
    assert edit.text() == "王𠮷明"
    qtbot.keyClick(edit, Qt.Key.Key_Left)  # before 明
    qtbot.keyClick(edit, Qt.Key.Key_Left)  # over 𠮷 in one step, never into its middle
    assert edit.cursorPosition() == 1
    qtbot.keyClick(edit, Qt.Key.Key_Delete)  # deletes the whole 𠮷
    assert edit.text() == "王明"
    _type(edit, "𪚥")
    assert edit.text() == "王𪚥明"
    qtbot.keyClick(edit, Qt.Key.Key_End)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)
    qtbot.keyClick(edit, Qt.Key.Key_Backspace)  # the pair goes in one press
    assert edit.text() == "王"
    _type(edit, "𠮷")
    d.editors["id_number"].setText("11010519491231002X")
    with qtbot.waitSignal(d.sig_saved):
        d.save_button.click()
    assert d.title.text() == "王𠮷"
    assert holders.view(admin, d.holder_id).data.name == "王𠮷"


def test_private_use_character_is_refused_on_the_form(window, qtbot):
    page = window.holders
    page.new_holder()
    d = page.detail
    _type(d.editors["name"], "王\ue000")
    d.editors["id_number"].setText("11010519491231002X")
    d.save()
    wait_tasks(qtbot)
    assert "U+E000" in d.errors["name"].text() and "私用区" in d.errors["name"].text()


@pytest.mark.parametrize(
    "query, name",
    [
        ("𠮷", "王𠮷"),
        ("wj", "王𠮷"),
        ("𪚥", "张𪚥"),
        ("cj", "陈㛃"),
        ("龘", "丁龘"),
        ("\uf9dc", "金\uf9dc"),
    ],
)
def test_search_lists_and_opens_rare_names(window, qtbot, query, name):
    window.search_box.setText(query)
    window.run_search()
    wait_tasks(qtbot)
    model = window.holders.model
    shown = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert name in shown
    qtbot.waitUntil(lambda: window.holders.detail.title.text() == name or len(shown) > 1)


def test_holder_list_shows_rare_names(window, qtbot):
    window.nav.setCurrentRow(1)
    wait_tasks(qtbot)
    model = window.holders.model
    shown = {model.index(r, 0).data() for r in range(model.rowCount())}
    assert {"王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘", "金\uf9dc"} <= shown


def _drawn(text: str) -> QImage:
    label = QLabel(text)
    label.resize(60, 40)
    image = QImage(60, 40, QImage.Format.Format_ARGB32)
    image.fill(0xFFFFFFFF)
    label.render(image)
    return image


@pytest.mark.parametrize("ch", ["𠮷", "𪚥", "䶮", "㛃", "龘", "\uf9dc"])
def test_qt_draws_a_glyph_not_a_box(qtbot, ch):
    require_ext_b()
    box = _drawn("\U0002fffd")  # a non-character: what Qt draws when no font has the glyph
    assert _drawn(ch) != box and _drawn(ch) != _drawn("")


def test_supervisor_adds_a_reading_in_settings(window, qtbot, admin):
    holders.create(admin, HolderData(name="周𠇔", id_number="11010519491231002X"))
    window.nav.setCurrentRow(8)
    box = window.stack.currentWidget().readings
    box.character.setText("𠇔")
    box.reading.setText("zhou1")
    box.add_button.click()
    wait_tasks(qtbot)
    assert "1" in box.message.text()
    qtbot.waitUntil(lambda: box.table.rowCount() == 1)
    assert box.table.item(0, 1).text() == "zhōu"
    window.search_box.setText("zz")
    window.run_search()
    wait_tasks(qtbot)
    model = window.holders.model
    assert "周𠇔" in [model.index(r, 0).data() for r in range(model.rowCount())]
