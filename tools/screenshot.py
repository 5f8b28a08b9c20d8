"""Developer aid: open the app on a database under a real display (e.g. Xvfb) and save
screenshots of the sign-in dialog and the main window pages.

    xvfb-run -s "-screen 0 1280x860x24" python tools/screenshot.py DB_URL USER PASSWORD OUTDIR
"""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from archive_desk.services import users
from archive_desk.services.context import open_database
from archive_desk.ui import i18n, prefs


def main() -> None:
    url, user, password, out = sys.argv[1:5]
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication(sys.argv)
    i18n.install(app, sys.argv[5] if len(sys.argv) > 5 else prefs.LANGUAGE.get())
    from archive_desk.ui.dialogs.login import LoginDialog
    from archive_desk.ui.main_window import MainWindow

    def wait(ms: int) -> None:
        QTimer.singleShot(ms, app.quit)
        app.exec()

    def shot(name: str, widget=None) -> None:
        wait(600)
        (widget or window).grab().save(str(out / f"{name}.png"))

    login = LoginDialog(url)
    window = None
    login.show()
    shot("01-login", login)
    login.close()
    ctx = open_database(url)
    window = MainWindow(ctx.as_user(users.login(ctx, user, password)))
    window.show()
    shot("02-home")
    window.nav.setCurrentRow(1)
    shot("03-holders")
    window.search_box.setText(sys.argv[6] if len(sys.argv) > 6 else "王伟")
    window.run_search()
    shot("04-search")
    window.holders.open_row(0)
    shot("05-holder")
    window.holders.detail.editors["phone"].setText("12345")
    window.holders.detail.editors["id_number"].setText("110105194912310021")
    window.holders.detail.save()
    shot("06-holder-errors")
    window.nav.setCurrentRow(window.stack.indexOf(window.intake))
    shot("06b-intake")
    window.nav.setCurrentRow(window.stack.indexOf(window.storeroom))
    window.storeroom.show_shelf("K01-Q01-L001")
    wait(800)
    window.storeroom._on_cell("A", 0, 0)
    shot("07-storeroom")
    window.nav.setCurrentRow(window.nav.count() - 1)
    shot("08-settings")
    window.close()


if __name__ == "__main__":
    main()
