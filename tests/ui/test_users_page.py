"""The Users page, by clicks: an administrator creates, resets, locks/unlocks, changes a role and
disables; a clerk never sees it; a reset password is changed before the main window opens."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox

from archive_desk.services import users
from archive_desk.ui.dialogs.login import LoginDialog
from archive_desk.ui.dialogs.password import ChangePasswordDialog
from archive_desk.ui.main_window import MainWindow
from archive_desk.ui.pages.users_page import UsersPage
from tests.conftest import USER_PASSWORD
from tests.ui.clicks import click, click_cell, click_ok_when_shown
from tests.ui.conftest import wait_tasks

RESET = "Reset-Desk-2026"


def _info(admin, name):
    return next(u for u in users.list_users(admin) if u.username == name)


def _row(page, name) -> int:
    return next(r for r in range(page.table.rowCount()) if page.table.item(r, 0).text() == name)


@pytest.fixture
def page(qtbot, admin, zh):
    p = UsersPage(admin)
    qtbot.addWidget(p)
    p.show()
    wait_tasks(qtbot)
    return p


def test_an_administrator_manages_a_user_by_clicking(qtbot, page, admin, monkeypatch):
    page.new_username.setText("wangxm")
    page.new_display.setText("王小明")
    page.new_role.setCurrentIndex(page.new_role.findData("archivist"))
    page.new_password.setText(USER_PASSWORD)
    click(qtbot, page.create_button)
    wait_tasks(qtbot)
    assert "已创建" in page.message.text()
    r = _row(page, "wangxm")
    assert page.table.item(r, 1).text() == "王小明" and page.table.item(r, 2).text() == "档案管理员"

    click_cell(qtbot, page.table, _row(page, "wangxm"), 0)
    page.reset_password_edit.setText(RESET)
    click(qtbot, page.reset_button)
    wait_tasks(qtbot)
    assert "下次登录" in page.message.text()
    assert "须改密码" in page.table.item(_row(page, "wangxm"), 3).text()
    assert _info(admin, "wangxm").must_change_password

    click_cell(qtbot, page.table, _row(page, "wangxm"), 0)
    click(qtbot, page.lock_button)
    wait_tasks(qtbot)
    assert "已锁定" in page.table.item(_row(page, "wangxm"), 3).text()
    assert _info(admin, "wangxm").locked
    click_cell(qtbot, page.table, _row(page, "wangxm"), 0)
    click(qtbot, page.unlock_button)
    wait_tasks(qtbot)
    assert not _info(admin, "wangxm").locked

    click_cell(qtbot, page.table, _row(page, "wangxm"), 0)
    page.role.setCurrentIndex(page.role.findData("clerk"))
    click(qtbot, page.role_button)
    wait_tasks(qtbot)
    assert page.table.item(_row(page, "wangxm"), 2).text() == "窗口经办"

    asked = []

    def confirm(*args, **kwargs):
        asked.append(args[2])
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", confirm)
    click_cell(qtbot, page.table, _row(page, "wangxm"), 0)
    click(qtbot, page.disable_button)
    wait_tasks(qtbot)
    assert "停用" in asked[0] and "审计" in asked[0]
    assert page.table.item(_row(page, "wangxm"), 3).text() == "已停用"  # still listed
    assert not _info(admin, "wangxm").active


def test_disabling_asks_first_and_no_keeps_the_account(qtbot, page, admin, monkeypatch):
    users.create_user(admin, "keepme", USER_PASSWORD, "clerk")
    page.load()
    wait_tasks(qtbot)
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.No)
    click_cell(qtbot, page.table, _row(page, "keepme"), 0)
    click(qtbot, page.disable_button)
    wait_tasks(qtbot)
    assert _info(admin, "keepme").active


def test_an_edit_over_a_newer_change_shows_the_conflict(qtbot, page, admin):
    users.create_user(admin, "sunli", USER_PASSWORD, "clerk")
    page.load()
    wait_tasks(qtbot)
    click_cell(qtbot, page.table, _row(page, "sunli"), 0)
    users.lock(admin, "sunli", _info(admin, "sunli").version)  # another desk, meanwhile
    page.role.setCurrentIndex(page.role.findData("archivist"))
    click(qtbot, page.role_button)
    wait_tasks(qtbot)
    assert "已被" in page.message.text() and "重新载入" in page.message.text()
    assert _info(admin, "sunli").role == "clerk"
    assert "已锁定" in page.table.item(_row(page, "sunli"), 3).text()  # reloaded


@pytest.mark.parametrize("role", ["clerk", "archivist"])
def test_a_clerk_never_sees_the_users_page(qtbot, make_user, zh, role):
    clerk = make_user(role)
    w = MainWindow(clerk)
    qtbot.addWidget(w)
    wait_tasks(qtbot)
    titles = [w.nav.item(i).text() for i in range(w.nav.count())]
    assert "用户" not in titles and "设置" in titles
    menu_texts = [a.text() for m in w.menuBar().actions() for a in m.menu().actions()]
    assert "用户" not in menu_texts
    assert not w.findChildren(UsersPage)


def _sign_in(qtbot, dlg, user, password):
    dlg.ui.userEdit.setText(user)
    dlg.ui.passwordEdit.setText(password)
    click(qtbot, dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Ok))


def test_a_reset_password_is_changed_before_the_main_window(qtbot, db, admin, zh):
    users.create_user(admin, "zhaoq", USER_PASSWORD, "clerk")
    users.reset_password(admin, "zhaoq", RESET, _info(admin, "zhaoq").version)
    dlg = LoginDialog(db.url)
    qtbot.addWidget(dlg)
    qtbot.waitSignal(dlg.sig_database_ready).wait()
    shown = []

    def fill(d):
        shown.append(d.message.text())
        d.old.setText(RESET)
        d.new.setText("Own-Choice-2026")
        d.again.setText("Own-Choice-2026")

    click_ok_when_shown(qtbot, ChangePasswordDialog, fill)
    with qtbot.waitSignal(dlg.accepted, timeout=20_000):
        _sign_in(qtbot, dlg, "zhaoq", RESET)
    assert "重置" in shown[0]
    assert dlg.actor.username == "zhaoq"
    assert not _info(admin, "zhaoq").must_change_password
    assert users.login(admin, "zhaoq", "Own-Choice-2026").username == "zhaoq"


def test_cancelling_the_forced_change_does_not_sign_in(qtbot, db, admin, zh, monkeypatch):
    users.create_user(admin, "qianq", USER_PASSWORD, "clerk")
    users.reset_password(admin, "qianq", RESET, _info(admin, "qianq").version)
    monkeypatch.setattr(ChangePasswordDialog, "exec", lambda self: 0)
    dlg = LoginDialog(db.url)
    qtbot.addWidget(dlg)
    qtbot.waitSignal(dlg.sig_database_ready).wait()
    _sign_in(qtbot, dlg, "qianq", RESET)
    wait_tasks(qtbot)
    assert dlg.result() == 0 and dlg.actor is None
    assert "修改" in dlg.ui.messageLabel.text()
    assert _info(admin, "qianq").must_change_password
