"""Users: an administrator lists accounts, creates one with a role, resets a password (changed
at the next sign-in), locks/unlocks, changes a role, disables (never deletes: the audit stays).
Shown only to roles that manage users; the services refuse everyone else anyway."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain.roles import ROLE_LABELS, Role
from archive_desk.ui.tasks import run_change, run_task


def _roles() -> QComboBox:
    box = QComboBox()
    for role in Role:
        box.addItem(ROLE_LABELS[role], str(role))
    return box


class UsersPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.users: list = []  # UserInfo as listed: their versions go back with each edit
        self.table = QTableWidget(0, 4)
        self.table.setObjectName("usersTable")
        self.table.setHorizontalHeaderLabels(
            [self.tr("User name"), self.tr("Name"), self.tr("Role"), self.tr("State")]
        )
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)

        create = QGroupBox(self.tr("New user"))
        form = QFormLayout(create)
        self.new_username, self.new_display = QLineEdit(), QLineEdit()
        self.new_password = QLineEdit()
        self.new_password.setEchoMode(QLineEdit.EchoMode.Password)
        self.new_role = _roles()
        self.create_button = QPushButton(self.tr("Create user"))
        self.create_button.clicked.connect(self.create_user)
        form.addRow(self.tr("User name"), self.new_username)
        form.addRow(self.tr("Name"), self.new_display)
        form.addRow(self.tr("Role"), self.new_role)
        form.addRow(self.tr("Initial password"), self.new_password)
        form.addRow(self.create_button)

        chosen = QGroupBox(self.tr("Selected user"))
        actions = QFormLayout(chosen)
        self.reset_password_edit = QLineEdit()
        self.reset_password_edit.setEchoMode(QLineEdit.EchoMode.Password)
        self.reset_button = QPushButton(self.tr("Reset password"))
        self.reset_button.clicked.connect(self.reset_password)
        row = QHBoxLayout()
        row.addWidget(self.reset_password_edit, 1)
        row.addWidget(self.reset_button)
        actions.addRow(self.tr("New password (changed at next sign-in)"), row)
        self.role = _roles()
        self.role_button = QPushButton(self.tr("Change role"))
        self.role_button.clicked.connect(self.change_role)
        row = QHBoxLayout()
        row.addWidget(self.role, 1)
        row.addWidget(self.role_button)
        actions.addRow(self.tr("Role"), row)
        self.lock_button = QPushButton(self.tr("Lock"))
        self.lock_button.clicked.connect(lambda: self._act("lock"))
        self.unlock_button = QPushButton(self.tr("Unlock"))
        self.unlock_button.clicked.connect(lambda: self._act("unlock"))
        self.disable_button = QPushButton(self.tr("Disable…"))
        self.disable_button.clicked.connect(self.disable)
        row = QHBoxLayout()
        for b in (self.lock_button, self.unlock_button, self.disable_button):
            row.addWidget(b)
        row.addStretch()
        actions.addRow(row)

        self.message = QLabel()
        self.message.setObjectName("usersMessage")
        self.message.setWordWrap(True)
        side = QVBoxLayout()
        side.addWidget(create)
        side.addWidget(chosen)
        side.addWidget(self.message)
        side.addStretch()
        layout = QHBoxLayout(self)
        layout.addWidget(self.table, 3)
        layout.addLayout(side, 2)
        self.table.itemSelectionChanged.connect(self._on_selected)
        self._on_selected()
        self.load()

    # --- reading -----------------------------------------------------------------------------
    def load(self, keep: str | None = None) -> None:
        def read(_control):
            from archive_desk.services import users

            return users.list_users(self.ctx)

        run_task(self, read, lambda found: self._show(found, keep), self._failed)

    def _state(self, u) -> str:
        if not u.active:
            return self.tr("Disabled")
        parts = [self.tr("Locked") if u.locked else self.tr("Active")]
        if u.must_change_password:
            parts.append(self.tr("must change password"))
        return "，".join(parts)

    def _show(self, found: list, keep: str | None) -> None:
        self.users = found
        self.table.setRowCount(len(found))
        for r, u in enumerate(found):
            for c, text in enumerate((u.username, u.display_name, u.role_label, self._state(u))):
                self.table.setItem(r, c, QTableWidgetItem(text))
            if u.username == keep:
                self.table.selectRow(r)
        self._on_selected()

    def selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.users[rows[0].row()] if rows else None

    def _on_selected(self) -> None:
        u = self.selected()
        for b in (self.reset_button, self.role_button, self.disable_button):
            b.setEnabled(u is not None and u.active)
        self.lock_button.setEnabled(u is not None and u.active and not u.locked)
        self.unlock_button.setEnabled(u is not None and u.active and u.locked)
        if u is not None:
            self.role.setCurrentIndex(self.role.findData(u.role))

    # --- changing ----------------------------------------------------------------------------
    def _run(self, work, done_text: str, keep: str | None) -> None:
        def change(_control):
            from archive_desk.services import users

            return work(users)

        def done(_result) -> None:
            self._say(done_text)
            self.load(keep)

        def failed(exc: BaseException) -> None:
            self._failed(exc)
            self.load(keep)  # a conflict: show the record as it now is

        run_change(self, change, done, failed)

    def create_user(self) -> None:
        name, display = self.new_username.text().strip(), self.new_display.text().strip()
        password, role = self.new_password.text(), self.new_role.currentData()
        self.new_password.clear()
        self._run(
            lambda users: users.create_user(self.ctx, name, password, role, display),
            self.tr("User {0} created.").format(name),
            name,
        )

    def reset_password(self) -> None:
        u, password = self.selected(), self.reset_password_edit.text()
        self.reset_password_edit.clear()
        self._run(
            lambda users: users.reset_password(self.ctx, u.username, password, u.version),
            self.tr("Password of {0} reset: it must be changed at the next sign-in.").format(
                u.username
            ),
            u.username,
        )

    def change_role(self) -> None:
        u, role = self.selected(), self.role.currentData()
        self._run(
            lambda users: users.change_role(self.ctx, u.username, role, u.version),
            self.tr("Role of {0} changed.").format(u.username),
            u.username,
        )

    def _act(self, what: str) -> None:
        u = self.selected()
        texts = {"lock": self.tr("{0} locked."), "unlock": self.tr("{0} unlocked.")}
        self._run(
            lambda users: getattr(users, what)(self.ctx, u.username, u.version),
            texts[what].format(u.username),
            u.username,
        )

    def disable(self) -> None:
        u = self.selected()
        answer = QMessageBox.question(
            self,
            self.tr("Disable user"),
            self.tr(
                "Disable {0}? They can no longer sign in; the account and its audit trail are kept."
            ).format(u.username),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        self._run(
            lambda users: users.disable(self.ctx, u.username, u.version),
            self.tr("{0} disabled.").format(u.username),
            u.username,
        )

    def _say(self, text: str, error: bool = False) -> None:
        self.message.setStyleSheet("color: #b00020;" if error else "")
        self.message.setText(text)

    def _failed(self, exc: BaseException) -> None:
        from archive_desk.ui.errors import message_of

        self._say(message_of(exc), error=True)
