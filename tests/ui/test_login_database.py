"""The sign-in dialog and a database it cannot use: the same Chinese sentence as the CLI, and no
way to sign in."""

import pytest
from PySide6.QtWidgets import QDialogButtonBox

from archive_desk.services import users
from archive_desk.services.context import open_database
from archive_desk.services.errors import DatabaseUnavailable
from archive_desk.ui.dialogs.login import LoginDialog
from tests.conftest import ADMIN_PASSWORD
from tests.ui.conftest import wait_tasks


def _cli_sentence(url: str) -> str:
    with pytest.raises(DatabaseUnavailable) as refused:
        open_database(url)
    return str(refused.value)


def _newer_file(path) -> str:
    url = f"sqlite:///{path}"
    ctx = open_database(url)
    users.create_first_admin(ctx, "admin", ADMIN_PASSWORD)
    with ctx.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0999'")
    ctx.engine.dispose()
    return url


@pytest.mark.parametrize("kind", ["random bytes", "newer version", "missing folder"])
def test_sign_in_names_the_database_and_the_reason(qtbot, tmp_path, zh, kind):
    if kind == "random bytes":
        (tmp_path / "x.sqlite3").write_bytes(b"\x13\x37" * 3000)
        url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
        reason = "该文件不是 SQLite 数据库"
    elif kind == "newer version":
        url = _newer_file(tmp_path / "x.sqlite3")
        reason = "已被较新版本的档案工作台升级"
    else:
        url = f"sqlite:///{tmp_path / 'gone' / 'x.sqlite3'}"
        reason = "不存在"
    dlg = LoginDialog(url)
    qtbot.addWidget(dlg)
    wait_tasks(qtbot)
    shown = dlg.ui.messageLabel.text()
    assert shown == _cli_sentence(url)  # the CLI prints exactly this after 错误：
    assert shown.startswith(f"无法打开数据库 {url}：") and reason in shown
    assert not dlg.ui.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled()
    assert dlg.ctx is None
