"""Sign-in. Shown at once; the database is opened in the background meanwhile (an embedded SQLite
file is upgraded then; a database this build cannot use is named with the reason, in Chinese)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from archive_desk.ui import prefs
from archive_desk.ui.forms.ui_login import Ui_LoginDialog
from archive_desk.ui.tasks import run_task


class LoginDialog(QDialog):
    sig_database_ready = Signal(bool)
    """The database is open; True when it has no user yet (first run)."""

    def __init__(self, db_url: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.ui = Ui_LoginDialog()
        self.ui.setupUi(self)
        self.ui.titleLabel.setText(self.tr("ArchiveDesk — personnel files"))
        self.ui.titleLabel.setStyleSheet("font-size: 18px; font-weight: bold; padding: 8px;")
        self.db_url = db_url
        self.ctx = None  # AppContext once open
        self.actor = None  # the signed-in user after accept()
        self._ok = self.ui.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self._ok.setText(self.tr("Sign in"))
        self._ok.setEnabled(False)
        self.ui.buttons.accepted.connect(self._on_sign_in)
        self.ui.buttons.rejected.connect(self.reject)
        self.ui.userEdit.setText(prefs.LAST_USER.get())
        self._say(self.tr("Opening the database…"))
        run_task(self, self._open, self._on_opened, self._on_open_failed)

    def _say(self, text: str, error: bool = False) -> None:
        self.ui.messageLabel.setStyleSheet("color: #b00020;" if error else "color: #555;")
        self.ui.messageLabel.setText(text)

    def _open(self, _control):
        from archive_desk.config import describe
        from archive_desk.services import users
        from archive_desk.services.context import open_database

        ctx = open_database(self.db_url)
        return ctx, users.needs_first_admin(ctx), describe(self.db_url)

    def _on_opened(self, result) -> None:
        self.ctx, first_run, where = result
        text = self.tr("Database: {0}").format(where)
        metrics = self.ui.databaseLabel.fontMetrics()
        self.ui.databaseLabel.setText(
            metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, self.width() - 30)
        )
        self.ui.databaseLabel.setToolTip(text)
        self.ui.databaseLabel.setStyleSheet("color: #777; font-size: 11px;")
        self._ok.setEnabled(True)
        self._say("")
        (self.ui.passwordEdit if self.ui.userEdit.text() else self.ui.userEdit).setFocus()
        self.sig_database_ready.emit(first_run)

    def _on_open_failed(self, exc: BaseException) -> None:
        from archive_desk.services.errors import DatabaseUnavailable

        if isinstance(exc, DatabaseUnavailable):  # the sentence the CLI prints, as it is
            self._say(str(exc), error=True)
        else:
            self._say(self.tr("The database cannot be opened: {0}").format(exc), error=True)

    def _on_sign_in(self) -> None:
        user, password = self.ui.userEdit.text().strip(), self.ui.passwordEdit.text()
        if not user or not password:
            self._say(self.tr("Enter your user name and password."), error=True)
            return
        self._ok.setEnabled(False)
        self._say(self.tr("Signing in…"))

        def login(_control):
            from archive_desk.services import users

            actor = users.login(self.ctx, user, password)
            return actor, users.must_change_password(self.ctx.as_user(actor))

        run_task(self, login, self._on_signed_in, self._on_sign_in_failed)

    def _on_signed_in(self, signed_in) -> None:
        actor, must_change = signed_in
        if must_change and not self._change_reset_password(actor):
            self._ok.setEnabled(True)
            self.ui.passwordEdit.clear()
            self._say(self.tr("Change the reset password before you start work."), error=True)
            return
        self.actor = actor
        prefs.LAST_USER.set(actor.username)
        self.accept()

    def _change_reset_password(self, actor) -> bool:
        """A password an administrator reset is changed before the main window opens."""
        from archive_desk.ui.dialogs.password import ChangePasswordDialog

        dlg = ChangePasswordDialog(self.ctx.as_user(actor), self)
        dlg.explain(self.tr("An administrator reset your password: choose a new one to continue."))
        return bool(dlg.exec())

    def _on_sign_in_failed(self, exc: BaseException) -> None:
        from archive_desk.ui.errors import message_of

        self._ok.setEnabled(True)
        self.ui.passwordEdit.clear()
        self.ui.passwordEdit.setFocus()
        self._say(message_of(exc), error=True)
