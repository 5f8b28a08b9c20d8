"""Stocktake: choose a range, scan a slot then the files found in it, see each result at once;
finish, print or export the report, and apply corrections as logged moves after confirming."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.ui.dialogs.moves import looks_like_slot
from archive_desk.ui.tasks import run_change, run_task

COLOURS = {"相符": "#1b5e20", "缺失": "#b00020", "错位": "#e65100", "多余": "#6a1b9a"}


class StocktakePage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.stocktake_id: int | None = None
        self.slot: str | None = None
        self.prefix = QLineEdit()
        self.prefix.setObjectName("stocktakePrefix")
        self.prefix.setPlaceholderText(self.tr("Location code prefix, e.g. K01-Q01-L004"))
        start = QPushButton(self.tr("Start stocktake"))
        start.clicked.connect(lambda: self.start(self.prefix.text()))
        self.status = QLabel(self.tr("No stocktake running."))
        self.scan = QLineEdit()
        self.scan.setObjectName("stocktakeScan")
        self.scan.setPlaceholderText(self.tr("Scan a slot label, then every file found there"))
        self.scan.setEnabled(False)
        self.scan.returnPressed.connect(self._on_scanned)
        self.log = QListWidget()
        self.log.setObjectName("scanLog")
        self.results = QTableWidget(0, 5)
        self.results.setHorizontalHeaderLabels(
            [
                self.tr("File number"),
                self.tr("Name"),
                self.tr("Result"),
                self.tr("Recorded at"),
                self.tr("Found at"),
            ]
        )
        self.results.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.buttons = {}
        bar = QHBoxLayout()
        for key, text, slot in (
            ("refresh", self.tr("Show results"), self.show_results),
            ("finish", self.tr("Finish"), self.finish),
            ("report", self.tr("Report…"), self.report),
            ("apply", self.tr("Apply corrections…"), self.confirm_apply),
        ):
            b = QPushButton(text)
            b.setEnabled(False)
            b.clicked.connect(slot)
            self.buttons[key] = b
            bar.addWidget(b)
        bar.addStretch()
        top = QHBoxLayout()
        top.addWidget(self.prefix, 1)
        top.addWidget(start)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.scan)
        layout.addWidget(self.log, 1)
        layout.addLayout(bar)
        layout.addWidget(self.results, 2)

    def start(self, prefix: str) -> None:
        self.prefix.setText(prefix)

        def work(_c):
            from archive_desk.services import stocktake

            return stocktake.start(self.ctx, prefix)

        def started(info) -> None:
            self.stocktake_id = info.id
            self.slot = None
            self.log.clear()
            self.results.setRowCount(0)
            self.status.setText(
                self.tr("Stocktake {0} of {1}: {2} file(s) expected.").format(
                    info.id, info.prefix_name, info.expected
                )
            )
            self.scan.setEnabled(True)
            self.scan.setFocus()
            for key in ("refresh", "finish", "report"):
                self.buttons[key].setEnabled(True)
            self.buttons["apply"].setEnabled(False)

        run_change(self, work, started, self._say_error)

    def _say_error(self, exc) -> None:
        from archive_desk.ui.errors import message_of

        self._log(message_of(exc), "#b00020")

    def _log(self, text: str, colour: str) -> None:
        item = QListWidgetItem(text)
        item.setForeground(QColor(colour))
        self.log.insertItem(0, item)

    def _on_scanned(self) -> None:
        code = self.scan.text().strip().upper()
        self.scan.clear()
        if not code or self.stocktake_id is None:
            return
        if looks_like_slot(code):
            self.slot = code
            self._log(self.tr("Slot {0}: scan its files.").format(code), "#333333")
            return
        if self.slot is None:
            self._log(self.tr("Scan the slot label first."), "#b00020")
            return
        sid, slot = self.stocktake_id, self.slot

        def work(_c):
            from archive_desk.services import stocktake

            return stocktake.scan(self.ctx, sid, slot, code)

        run_change(
            self,
            work,
            lambda r: self._log(
                f"{r.file_number}  {r.holder_name}  {r.message}", COLOURS[r.outcome]
            ),
            self._say_error,
        )

    def show_results(self) -> None:
        sid = self.stocktake_id

        def work(_c):
            from archive_desk.services import stocktake

            return stocktake.results(self.ctx, sid)

        def shown(rows) -> None:
            self.results.setRowCount(len(rows))
            for i, r in enumerate(rows):
                for j, v in enumerate(
                    (r.file_number, r.holder_name, r.outcome, r.recorded, r.found)
                ):
                    item = QTableWidgetItem(v)
                    if j == 2:
                        item.setForeground(QColor(COLOURS[r.outcome]))
                    self.results.setItem(i, j, item)

        run_task(self, work, shown)

    def finish(self) -> None:
        sid = self.stocktake_id

        def work(_c):
            from archive_desk.services import stocktake

            stocktake.finish(self.ctx, sid)

        def done(_r) -> None:
            self.scan.setEnabled(False)
            self.buttons["finish"].setEnabled(False)
            self.buttons["apply"].setEnabled(True)
            self.status.setText(self.status.text() + self.tr(" Finished."))
            self.show_results()

        run_change(self, work, done)

    def report(self, _checked=False, path: str | None = None) -> None:
        if path is None:
            path, _ = QFileDialog.getSaveFileName(
                self,
                self.tr("Stocktake report"),
                f"stocktake-{self.stocktake_id}.xlsx",
                "Excel (*.xlsx);;PDF (*.pdf)",
            )
        if not path:
            return
        sid = self.stocktake_id

        def work(_c):
            from archive_desk.services import stocktake

            return stocktake.report(self.ctx, sid, path)

        def done(out) -> None:
            if Path(out).suffix.lower() == ".pdf":
                from archive_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

                PdfPreviewDialog(out, self.tr("Stocktake report"), self).exec()
            else:
                self._log(self.tr("Report written to {0}").format(out), "#333333")

        run_task(self, work, done, self._say_error)

    def confirm_apply(self) -> None:
        sid = self.stocktake_id

        def work(_c):
            from archive_desk.services import stocktake

            return stocktake.corrections(self.ctx, sid)

        def ask(moves) -> None:
            if not moves:
                self._log(self.tr("Nothing to correct."), "#333333")
                return
            text = "\n".join(f"{f} → {slot}" for f, slot in moves[:20])
            if (
                QMessageBox.question(
                    self,
                    self.tr("Apply corrections"),
                    self.tr("Move {0} file(s) to where they were found?\n{1}").format(
                        len(moves), text
                    ),
                )
                == QMessageBox.StandardButton.Yes
            ):
                self.apply()

        run_task(self, work, ask)

    def apply(self) -> None:
        sid = self.stocktake_id

        def work(_c):
            from archive_desk.services import stocktake

            return stocktake.apply_corrections(self.ctx, sid)

        def done(n) -> None:
            self._log(self.tr("{0} correction(s) applied as moves.").format(n), "#1b5e20")
            self.buttons["apply"].setEnabled(False)
            self.show_results()

        run_change(self, work, done, self._say_error)
