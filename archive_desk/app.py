"""Start the GUI: translators, the sign-in dialog at once, then the main window."""

from __future__ import annotations

import os
import sys


def run(db_url: str | None = None) -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from archive_desk.ui import i18n, prefs, tasks
    from archive_desk.ui.dialogs.login import LoginDialog

    app = QApplication.instance() or QApplication(sys.argv)
    app.setOrganizationName(prefs.ORG)
    app.setApplicationName(prefs.APP)
    i18n.install(app, prefs.LANGUAGE.get())

    from archive_desk.config import resolve_db_url

    login = LoginDialog(resolve_db_url(db_url))
    if os.environ.get("ARCHIVE_DESK_STARTUP_PROBE"):
        # bench/search.py: report the moment the sign-in dialog is on screen, then leave.
        login.show()
        QTimer.singleShot(
            0, lambda: (print("login-shown", flush=True), tasks.shutdown(), app.exit(0))
        )
        return app.exec()

    def on_ready(first_run: bool) -> None:
        if first_run:
            from archive_desk.ui.dialogs.first_run import FirstRunDialog

            dlg = FirstRunDialog(login.ctx, login)
            if dlg.exec():
                login.ui.userEdit.setText(dlg.created_username)
                login.ui.passwordEdit.setFocus()

    login.sig_database_ready.connect(on_ready)
    if not login.exec():
        tasks.shutdown()
        return 0
    from archive_desk.ui.main_window import MainWindow

    window = MainWindow(login.ctx.as_user(login.actor))
    window.show()
    code = app.exec()
    tasks.shutdown()
    return code
