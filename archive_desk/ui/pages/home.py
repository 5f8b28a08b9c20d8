"""Home: today's worklists — open and expired 调档函, arrived files to accept, 缺件告知 due."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGroupBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout, QWidget

from archive_desk.domain import clock
from archive_desk.services import changes
from archive_desk.ui.bus import bus
from archive_desk.ui.tasks import run_task

RED = QColor("#b00020")


class HomePage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        hello = QLabel(
            self.tr("Welcome, {0} ({1})").format(ctx.actor.username, ctx.actor.role_label)
        )
        hello.setStyleSheet("font-size: 20px; font-weight: bold;")
        self.summary = QLabel(self.tr("Counting holders…"))
        self.summary.setObjectName("homeSummary")
        layout = QVBoxLayout(self)
        layout.addWidget(hello)
        layout.addWidget(self.summary)
        self.lists: dict[str, QListWidget] = {}
        self.boxes: dict[str, QGroupBox] = {}
        for key, title in (
            ("letters", self.tr("Transfer request letters awaiting arrival")),
            ("arrivals", self.tr("Arrivals to check")),
            ("notices", self.tr("Missing-materials notices due")),
        ):
            box = QGroupBox(title)
            inner = QVBoxLayout(box)
            lst = QListWidget()
            lst.setObjectName(f"home_{key}")
            inner.addWidget(lst)
            layout.addWidget(box)
            self.lists[key], self.boxes[key] = lst, box
        bus().watch(
            self,
            {changes.HOLDERS, changes.LETTERS, changes.ARRIVALS, changes.NOTICES, changes.FILES},
            lambda _c: self.refresh(),
        )
        self.refresh()

    def refresh(self) -> None:
        def count(_control):
            from archive_desk.services import holders, intake

            return (
                holders.count(self.ctx),
                intake.open_letters(self.ctx),
                intake.arrivals_to_accept(self.ctx),
                intake.open_notices(self.ctx),
            )

        run_task(self, count, self._show, lambda exc: self.summary.setText(str(exc)))

    def _show(self, result) -> None:
        n, letters, arrivals, notices = result
        self.summary.setText(self.tr("Holders on record: {0:,}").format(n))
        soon = clock.today() + timedelta(days=7)
        rows = {
            "letters": [
                (
                    f"{x.number}  {x.holder_name}  → {x.addressee}  "
                    + self.tr("valid until {0}").format(clock.format_date(x.valid_until))
                    + (self.tr("  (expired)") if x.expired else ""),
                    x.expired,
                )
                for x in letters
            ],
            "arrivals": [
                (
                    f"{a.holder_name}  {a.id_number}  "
                    + self.tr("arrived {0}").format(clock.format_time(a.arrived_at)),
                    False,
                )
                for a in arrivals
            ],
            "notices": [
                (
                    f"{x.number}  {x.holder_name}  {'、'.join(x.items)}  "
                    + self.tr("due {0}").format(clock.format_date(x.deadline))
                    + (self.tr("  (overdue)") if x.overdue else ""),
                    x.overdue,
                )
                for x in notices
                if x.deadline <= soon
            ],
        }
        for key, items in rows.items():
            lst = self.lists[key]
            lst.clear()
            for text, late in items:
                item = QListWidgetItem(text)
                if late:
                    item.setForeground(RED)
                lst.addItem(item)
            if not items:
                lst.addItem(self.tr("Nothing here today."))
            title = self.boxes[key].title().split("（")[0]
            self.boxes[key].setTitle(f"{title}（{len(items)}）")
