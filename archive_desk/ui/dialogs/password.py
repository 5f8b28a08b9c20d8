"""Change one's own password."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit

from archive_desk.ui.tasks import run_change


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Change password"))
        self.old, self.new, self.again = QLineEdit(), QLineEdit(), QLineEdit()
        for e in (self.old, self.new, self.again):
            e.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self._on_ok)
        buttons.rejected.connect(self.reject)
        form = QFormLayout(self)
        form.addRow(self.tr("Current password"), self.old)
        form.addRow(self.tr("New password"), self.new)
        form.addRow(self.tr("Repeat new password"), self.again)
        form.addRow(self.message)
        form.addRow(buttons)
        self.buttons = buttons

    def explain(self, text: str) -> None:
        """Say why the dialog is shown (a reset password must be changed first)."""
        self.message.setStyleSheet("")
        self.message.setText(text)

    def _on_ok(self) -> None:
        self.message.setStyleSheet("color: #b00020;")
        if self.new.text() != self.again.text():
            self.message.setText(self.tr("The two new passwords differ."))
            return
        old, new = self.old.text(), self.new.text()

        def change(_control):
            from archive_desk.services import users

            users.change_password(self.ctx, old, new)

        def failed(exc) -> None:
            from archive_desk.ui.errors import message_of

            self.message.setText(message_of(exc))

        run_change(self, change, lambda _r: self.accept(), failed)
