from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from archive_desk.domain.holder import HolderData, Relation
from archive_desk.services import audit, demo, holders
from archive_desk.ui.main_window import MainWindow
from tests.ui.conftest import wait_tasks


@pytest.fixture
def window(qtbot, admin, zh):
    demo.generate(admin, 1200, seed=5)
    w = MainWindow(admin)
    qtbot.addWidget(w)
    w.show()
    wait_tasks(qtbot)
    return w


def test_navigation_and_empty_pages_say_what_will_come(window):
    titles = [window.nav.item(i).text() for i in range(window.nav.count())]
    assert titles == [
        "首页",
        "存档人",
        "档案接收",
        "库房",
        "盘点",
        "审核队列",
        "台账",
        "统计",
        "设置",
        "用户",
    ]
    window.nav.setCurrentRow(5)
    assert (
        "审核"
        in window.stack.currentWidget().findChild(type(window.db_label), "placeholderText").text()
    )
    assert (
        "admin" in window.user_label.text()
        and "SQLite" in window.db_label.text()
        or "PostgreSQL" in window.db_label.text()
    )


def test_home_counts_holders(window, qtbot):
    qtbot.waitUntil(lambda: "1,200" in window.home.summary.text())


def test_holder_list_loads_pages_lazily(window, qtbot):
    window.nav.setCurrentRow(1)
    model = window.holders.model
    assert model.rowCount() == 500  # one page, not 1,200
    model.fetchMore()
    wait_tasks(qtbot)
    assert model.rowCount() == 1000
    qtbot.waitUntil(lambda: "1,200" in window.holders.caption.text())


def test_global_search_finds_and_opens_a_single_hit(window, qtbot, admin):
    target = holders.page(admin, 0, 1)[0]
    qtbot.keyClicks(window.search_box, target.id_number[-6:])
    qtbot.keyClick(window.search_box, Qt.Key.Key_Return)
    wait_tasks(qtbot)
    assert window.nav.currentRow() == 1
    qtbot.waitUntil(lambda: window.holders.detail.title.text() == target.name)
    views = [e for e in audit.entries(admin, "holder", target.id) if e.action == "holder.view"]
    assert views, "opening the record is audited"


def test_scanner_keystrokes_reach_the_search_box_from_anywhere(window, qtbot):
    window.nav.setFocus()
    for ch in "DA0000007\r":  # a scanner types into whatever has the focus, then Enter
        key = Qt.Key.Key_Return if ch == "\r" else ch
        qtbot.keyClick(QApplication.focusWidget(), key)
    assert window.search_box.text() == "DA0000007"
    wait_tasks(qtbot)
    qtbot.waitUntil(lambda: window.holders.detail.status.text().startswith("DA0000007"))


def test_search_with_many_hits_lists_them_ranked(window, qtbot):
    window.search_box.setText("王")
    window.run_search()
    wait_tasks(qtbot)
    model = window.holders.model
    assert model.rowCount() > 1
    assert all("王" in model.index(r, 0).data() for r in range(model.rowCount()))
    assert "检索“王”" in window.holders.caption.text()


def test_edit_holder_shows_field_errors_then_saves(window, qtbot, admin):
    h = holders.create(admin, HolderData(name="李雷", id_number="11010519491231002X"))
    page = window.holders
    page.open_holder(h.id)
    wait_tasks(qtbot)
    detail = page.detail
    detail.editors["phone"].setText("123")
    detail.editors["work_start_date"].setText("1970/01/01")
    detail.save()
    assert "年-月-日" in detail.errors["work_start_date"].text()
    detail.editors["work_start_date"].setText("1970-07-01")
    detail.editors["id_number"].setText("110105194912310021")
    detail.save()
    wait_tasks(qtbot)
    assert "校验码错误" in detail.errors["id_number"].text()
    assert "11位手机号" in detail.errors["phone"].text()
    assert holders.view(admin, h.id).data.phone == ""  # nothing saved
    detail.editors["id_number"].setText("11010519491231002X")
    detail.editors["phone"].setText("13800138000")
    detail._add_relation(Relation("韩梅梅", "12"))
    with qtbot.waitSignal(detail.sig_saved):
        detail.save_button.click()
    saved = holders.view(admin, h.id).data
    assert saved.phone == "13800138000" and saved.work_start_date == date(1970, 7, 1)
    assert [r.name for r in saved.relations] == ["韩梅梅"]
    assert not detail.errors["phone"].isVisible()


def test_new_holder_fills_birth_date_and_sex_from_id(window, qtbot, admin):
    page = window.holders
    page.new_holder()
    d = page.detail
    d.editors["name"].setText("新人")
    d.editors["id_number"].setText("11010519491231002x")
    qtbot.keyClick(d.editors["id_number"], Qt.Key.Key_Return)
    assert d.editors["id_number"].text() == "11010519491231002X"
    assert d.editors["birth_date"].text() == "1949-12-31"
    assert d.editors["sex_code"].currentData() == "2"
    with qtbot.waitSignal(d.sig_saved):
        d.save()
    assert d.title.text() == "新人"


def test_window_geometry_is_remembered_per_user(qtbot, admin, zh):
    w = MainWindow(admin)
    qtbot.addWidget(w)
    w.show()
    hint = w.minimumSizeHint()
    size = (hint.width() + 37, hint.height() + 23)  # a size the user chose, not the default
    w.resize(*size)
    qtbot.waitUntil(lambda: (w.width(), w.height()) == size)
    w.close()
    again = MainWindow(admin)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == size
