"""Moving files: scan a file, then its new slot (scanner or keyboard); preview; confirm."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from archive_desk.domain.locations import MOVE_REASONS
from archive_desk.ui.tasks import run_change, run_task


def looks_like_slot(code: str) -> bool:
    """Slot codes read K01-Q01-…; file numbers never contain '-Q'."""
    return code.upper().startswith("K") and "-Q" in code.upper()


class MoveDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.pairs: list[tuple[str, str]] = []
        self._pending_file: str | None = None
        self.setWindowTitle(self.tr("Move files"))
        self.resize(760, 480)
        self.reason = QComboBox()
        self.reason.addItems(MOVE_REASONS)
        self.scan = QLineEdit()
        self.scan.setObjectName("moveScan")
        self.scan.setPlaceholderText(self.tr("Scan a file, then the slot it goes to"))
        self.scan.returnPressed.connect(self._on_scanned)
        self.prompt = QLabel(self.tr("Scan a file number."))
        self.table = QTableWidget(0, 5)
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("File number"),
                self.tr("Name"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Problem"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.preview_button = QPushButton(self.tr("Preview"))
        self.preview_button.clicked.connect(self.preview)
        self.apply_button = QPushButton(self.tr("Move"))
        self.apply_button.setEnabled(False)
        self.apply_button.clicked.connect(self.confirm)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Reason")))
        top.addWidget(self.reason)
        top.addWidget(self.scan, 1)
        buttons = QHBoxLayout()
        buttons.addStretch()
        buttons.addWidget(self.preview_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.prompt)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.reason.currentIndexChanged.connect(lambda: self.apply_button.setEnabled(False))

    def _on_scanned(self) -> None:
        code = self.scan.text().strip().upper()
        self.scan.clear()
        if not code:
            return
        if looks_like_slot(code):
            if self._pending_file is None:
                self.prompt.setText(self.tr("Scan the file first, then the slot."))
                return
            self.add(self._pending_file, code)
            self._pending_file = None
            self.prompt.setText(self.tr("Scan the next file, or preview."))
        else:
            self._pending_file = code
            self.prompt.setText(self.tr("File {0}: now scan the slot.").format(code))

    def add(self, file_number: str, slot: str) -> None:
        self.pairs.append((file_number, slot))
        self.apply_button.setEnabled(False)
        row = self.table.rowCount()
        self.table.insertRow(row)
        for col, value in enumerate((file_number, "", "", slot, "")):
            self.table.setItem(row, col, QTableWidgetItem(value))

    def preview(self) -> None:
        pairs, reason = list(self.pairs), self.reason.currentText()

        def work(_c):
            from archive_desk.services import storage

            return storage.plan_moves(self.ctx, pairs, reason)

        run_task(self, work, self._show_plan)

    def _show_plan(self, plan) -> None:
        self.table.setRowCount(0)
        for r in plan:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, value in enumerate(
                (r.file_number, r.holder_name, r.from_name, r.to_name or r.to_code, r.error)
            ):
                self.table.setItem(row, col, QTableWidgetItem(value))
        bad = sum(1 for r in plan if r.error)
        self.prompt.setText(
            self.tr("{0} move(s), {1} with problems.").format(len(plan), bad)
            if bad
            else self.tr("{0} move(s) ready.").format(len(plan))
        )
        self.apply_button.setEnabled(bool(plan) and not bad)

    def confirm(self) -> None:
        if (
            QMessageBox.question(
                self,
                self.tr("Move files"),
                self.tr("Move {0} file(s) now ({1})?").format(
                    len(self.pairs), self.reason.currentText()
                ),
            )
            == QMessageBox.StandardButton.Yes
        ):
            self.apply()

    def apply(self) -> None:
        pairs, reason = list(self.pairs), self.reason.currentText()

        def work(_c):
            from archive_desk.services import storage

            return storage.apply_moves(self.ctx, pairs, reason)

        run_change(self, work, lambda _n: self.accept())
