"""The move log, newest first, filtered by file number, location prefix and reason."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from archive_desk.domain import clock
from archive_desk.domain.locations import REASONS
from archive_desk.ui.tasks import run_task


class MoveLogDialog(QDialog):
    def __init__(self, ctx, prefix: str | None = None, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Move log"))
        self.resize(900, 500)
        self.file_number = QLineEdit()
        self.file_number.setPlaceholderText(self.tr("File number"))
        self.prefix = QLineEdit(prefix or "")
        self.prefix.setPlaceholderText(self.tr("Destination code prefix"))
        self.reason = QComboBox()
        self.reason.addItem(self.tr("All reasons"), "")
        for r in REASONS:
            self.reason.addItem(r, r)
        go = QPushButton(self.tr("Filter"))
        go.clicked.connect(self.load)
        self.table = QTableWidget(0, 7)
        self.table.setObjectName("moveLog")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Time"),
                self.tr("File number"),
                self.tr("Name"),
                self.tr("From"),
                self.tr("To"),
                self.tr("Reason"),
                self.tr("Operator"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        bar = QHBoxLayout()
        for w in (self.file_number, self.prefix, self.reason, go):
            bar.addWidget(w)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.table)
        self.load()

    def load(self) -> None:
        args = (
            self.file_number.text() or None,
            self.prefix.text() or None,
            self.reason.currentData() or None,
        )

        def work(_c):
            from archive_desk.services import storage

            return storage.move_log(self.ctx, *args)

        def shown(rows) -> None:
            self.table.setRowCount(len(rows))
            for i, m in enumerate(rows):
                values = (
                    clock.format_time(m.at),
                    m.file_number,
                    m.holder_name,
                    m.from_name,
                    m.to_name,
                    m.reason,
                    m.operator,
                )
                for j, v in enumerate(values):
                    self.table.setItem(i, j, QTableWidgetItem(v))

        run_task(self, work, shown)
