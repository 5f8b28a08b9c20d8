"""Home: today's worklists. Intake, loans and transfers add their lists here as they arrive."""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QVBoxLayout, QWidget

from archive_desk.ui.bus import bus
from archive_desk.ui.tasks import run_task


class HomePage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        hello = QLabel(self.tr("Welcome, {0} ({1})").format(ctx.actor.username,
                                                           ctx.actor.role_label))
        hello.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.summary = QLabel(self.tr("Counting holders…"))
        self.summary.setObjectName("homeSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(hello)
        layout.addWidget(self.summary)
        for title, text in (
            (self.tr("Transfer request letters awaiting arrival"),
             self.tr("Open and expired 调档函 will be listed here once intake is in use.")),
            (self.tr("Arrivals to check"),
             self.tr("Files that arrived and still need their check will be listed here.")),
            (self.tr("Missing-materials notices due"),
             self.tr("Open 缺件告知承诺 notices and their deadlines will be listed here.")),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            label = QLabel(text)
            label.setWordWrap(True)
            label.setStyleSheet("color: #666;")
            inner.addWidget(label)
            layout.addWidget(box)
        layout.addStretch()
        bus().sig_data_changed.connect(self._on_bus_data_changed)
        self.refresh()

    def _on_bus_data_changed(self, what: str) -> None:
        if what == "holders":
            self.refresh()

    def refresh(self) -> None:
        def count(_control):
            from archive_desk.services import holders

            return holders.count(self.ctx)

        run_task(self, count,
                 lambda n: self.summary.setText(self.tr("Holders on record: {0:,}").format(n)),
                 lambda exc: self.summary.setText(str(exc)))
