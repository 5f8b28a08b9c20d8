"""Bulk creation of storage locations: type the spec, see what will be made, then confirm."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
)

from archive_desk.ui.tasks import run_change, run_task

DEFAULT_SPEC = "库房1 区1 列1–20 面A/B 节1–5 层1–6 格1–10"


class BulkLocationsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.plan = None
        self.setWindowTitle(self.tr("Create storage locations"))
        self.spec = QLineEdit(DEFAULT_SPEC)
        self.spec.setMinimumWidth(420)
        self.capacity = QSpinBox()
        self.capacity.setRange(1, 500)
        self.capacity.setValue(40)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.summary = QLabel(self.tr("Preview first: nothing is created until you confirm."))
        self.summary.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setText(self.tr("Create"))
        self.ok.setEnabled(False)
        self.buttons.accepted.connect(self.create)
        self.buttons.rejected.connect(self.reject)
        self.spec.textChanged.connect(lambda: self.ok.setEnabled(False))
        self.capacity.valueChanged.connect(lambda: self.ok.setEnabled(False))
        form = QFormLayout()
        form.addRow(self.tr("Locations"), self.spec)
        form.addRow(self.tr("Capacity per slot"), self.capacity)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.preview_button)
        layout.addWidget(self.summary)
        layout.addWidget(self.buttons)

    def preview(self) -> None:
        spec, cap = self.spec.text(), self.capacity.value()

        def work(_c):
            from archive_desk.services import storage

            return storage.plan_locations(self.ctx, spec, cap)

        def shown(plan) -> None:
            self.plan = plan
            sample = "、".join(plan.sample)
            self.summary.setStyleSheet("")
            self.summary.setText(
                self.tr(
                    "{0} new slot(s) will be created ({1} already exist), capacity {2} each: {3}"
                ).format(len(plan.new_codes), plan.existing, plan.capacity, sample)
            )
            self.ok.setEnabled(bool(plan.new_codes))

        def failed(exc) -> None:
            from archive_desk.ui.errors import message_of

            self.summary.setStyleSheet("color: #b00020;")
            self.summary.setText(message_of(exc))

        run_task(self, work, shown, failed)

    def create(self) -> None:
        if self.plan is None:
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Create storage locations"),
                self.tr("Create {0} slot(s)?").format(len(self.plan.new_codes)),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return
        self.apply()

    def apply(self) -> None:
        plan = self.plan

        def work(_c):
            from archive_desk.services import storage

            return storage.create_locations(self.ctx, plan)

        run_change(self, work, lambda _made: self.accept(), progress=self.tr("Creating locations…"))
