"""First run: the office creates its administrator, with a password it chooses (none is preset)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from archive_desk.ui.tasks import run_change


class FirstRunDialog(QDialog):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.created_username = ""
        self.setWindowTitle(self.tr("First run — create the administrator"))
        intro = QLabel(
            self.tr(
                "This database has no users yet. Create the administrator account; choose a password "
                "of at least 10 characters with letters and digits, not a common one. There is no "
                "default password."
            )
        )
        intro.setWordWrap(True)
        self.user = QLineEdit("admin")
        self.display = QLineEdit()
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.confirm = QLineEdit()
        self.confirm.setEchoMode(QLineEdit.EchoMode.Password)
        self.message = QLabel()
        self.message.setStyleSheet("color: #b00020;")
        self.message.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Display name"), self.display)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Repeat password"), self.confirm)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            self.tr("Create administrator")
        )
        self.buttons.accepted.connect(self._on_create)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.password.setFocus()

    def _on_create(self) -> None:
        if self.password.text() != self.confirm.text():
            self.message.setText(self.tr("The two passwords differ."))
            return
        name, display, pw = (
            self.user.text().strip(),
            self.display.text().strip(),
            self.password.text(),
        )

        def create(_control):
            from archive_desk.services import users

            return users.create_first_admin(self.ctx, name, pw, display)

        def done(info) -> None:
            self.created_username = info.username
            self.accept()

        def failed(exc: BaseException) -> None:
            from archive_desk.ui.errors import message_of

            self.message.setText(message_of(exc))

        run_change(self, create, done, failed)
