from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from archive_desk.ui import prefs
from archive_desk.ui.dialogs.first_run import FirstRunDialog
from archive_desk.ui.dialogs.login import LoginDialog
from tests.conftest import ADMIN_PASSWORD
from tests.ui.clicks import click
from tests.ui.conftest import wait_tasks


def _sign_in(qtbot, dlg, user, password):
    dlg.ui.userEdit.setText(user)
    dlg.ui.passwordEdit.setText(password)
    qtbot.mouseClick(
        dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    wait_tasks(qtbot)


def test_login_opens_the_database_then_signs_in(qtbot, db, zh):
    dlg = LoginDialog(db.url)
    qtbot.addWidget(dlg)
    ok = dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.text() == "登录"
    with qtbot.waitSignal(dlg.sig_database_ready) as ready:
        pass
    assert ready.args == [False]
    assert ok.isEnabled()
    assert "数据库" in dlg.ui.databaseLabel.text()
    with qtbot.waitSignal(dlg.accepted):
        _sign_in(qtbot, dlg, "admin", ADMIN_PASSWORD)
    assert dlg.actor.username == "admin"
    assert prefs.LAST_USER.get() == "admin"


def test_wrong_password_says_so_and_counts_down(qtbot, db, zh):
    dlg = LoginDialog(db.url)
    qtbot.addWidget(dlg)
    qtbot.waitSignal(dlg.sig_database_ready).wait()
    _sign_in(qtbot, dlg, "admin", "wrong")
    assert "用户名或密码错误" in dlg.ui.messageLabel.text()
    assert "再错4次" in dlg.ui.messageLabel.text()
    assert dlg.ui.passwordEdit.text() == "" and dlg.result() == 0


def test_empty_fields_are_refused_without_asking_the_database(qtbot, db, zh):
    dlg = LoginDialog(db.url)
    qtbot.addWidget(dlg)
    qtbot.waitSignal(dlg.sig_database_ready).wait()
    dlg.ui.userEdit.clear()
    click(qtbot, dlg._ok)
    assert dlg.ui.messageLabel.text() == "请输入用户名和密码。"


def test_first_run_creates_the_administrator(qtbot, tmp_path, zh):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    dlg = LoginDialog(url)
    qtbot.addWidget(dlg)
    with qtbot.waitSignal(dlg.sig_database_ready) as ready:
        pass
    assert ready.args == [True]
    first = FirstRunDialog(dlg.ctx)
    qtbot.addWidget(first)
    first.user.setText("zhangsan")
    first.password.setText("weak")
    first.confirm.setText("weak")
    click(qtbot, first.buttons.button(QDialogButtonBox.StandardButton.Ok))
    wait_tasks(qtbot)
    assert "至少10位" in first.message.text()
    first.password.setText("Strong-desk-123")
    first.confirm.setText("Strong-desk-124")
    click(qtbot, first.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert first.message.text() == "两次输入的密码不一致。"
    first.confirm.setText("Strong-desk-123")
    with qtbot.waitSignal(first.accepted):
        click(qtbot, first.buttons.button(QDialogButtonBox.StandardButton.Ok))
    assert first.created_username == "zhangsan"
    with qtbot.waitSignal(dlg.accepted):
        _sign_in(qtbot, dlg, "zhangsan", "Strong-desk-123")
