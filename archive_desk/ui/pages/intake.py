"""Counter intake: find the holder, then each step of domain §4 — issue the 调档函, record the
arrival (or refuse a self-carried file), 缺件告知, accept onto a shelf or return to sender —
with the awaiting-arrival, to-accept and notices lists. Every document opens in a preview."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain import clock
from archive_desk.services import changes, printing
from archive_desk.ui.bus import bus
from archive_desk.ui.tasks import run_change, run_task

HID = Qt.ItemDataRole.UserRole
VERSION = Qt.ItemDataRole.UserRole + 1  # the row's record version, handed back when changing it


def _table(headers: list[str]) -> QTableWidget:
    t = QTableWidget(0, len(headers))
    t.setHorizontalHeaderLabels(headers)
    t.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    t.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
    t.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    return t


class IntakePage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.holder: tuple[int, str] | None = None
        self.find = QLineEdit()
        self.find.setObjectName("intakeFind")
        self.find.setPlaceholderText(self.tr("Holder: name, ID number or file number"))
        self.find.returnPressed.connect(self.search)
        self.hits = QListWidget()
        self.hits.setMaximumHeight(110)
        self.hits.currentItemChanged.connect(self._on_hit)
        new_holder = QPushButton(self.tr("New holder…"))
        new_holder.clicked.connect(self._on_new_holder)
        find_row = QHBoxLayout()
        find_row.addWidget(self.find, 1)
        find_row.addWidget(new_holder)
        issued = QPushButton(self.tr("Issued documents…"))
        issued.setObjectName("issuedDocuments")
        issued.clicked.connect(self._on_issued)
        find_row.addWidget(issued)
        self.chosen = QLabel(self.tr("No holder chosen."))
        self.chosen.setStyleSheet("font-weight: bold;")
        self.actions: dict[str, QPushButton] = {}
        bar = QHBoxLayout()
        for key, text in (
            ("letter", self.tr("Issue 调档函…")),
            ("arrival", self.tr("Arrival…")),
            ("refuse", self.tr("Refuse self-carried file…")),
            ("notice", self.tr("缺件告知…")),
            ("accept", self.tr("Accept…")),
            ("return", self.tr("Return to sender…")),
        ):
            b = QPushButton(text)
            b.setEnabled(False)
            b.clicked.connect(getattr(self, f"_on_{key}"))
            self.actions[key] = b
            bar.addWidget(b)
        bar.addStretch()
        self.letters = _table(
            [
                self.tr("Letter number"),
                self.tr("Name"),
                self.tr("Addressee"),
                self.tr("Valid until"),
                self.tr("State"),
            ]
        )
        self.to_accept = _table([self.tr("Name"), self.tr("ID number"), self.tr("Arrived")])
        self.notices = _table(
            [
                self.tr("Notice number"),
                self.tr("Name"),
                self.tr("Missing items"),
                self.tr("Deadline"),
            ]
        )
        for table in (self.letters, self.to_accept, self.notices):
            table.itemSelectionChanged.connect(lambda t=table: self._on_row_chosen(t))
        letter_buttons = QHBoxLayout()
        for name, text, slot in (
            ("printLetter", self.tr("Print letter…"), self._on_print_letter),
            ("cancelLetter", self.tr("Cancel letter…"), self._on_cancel_letter),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            letter_buttons.addWidget(b)
        letter_buttons.addStretch()
        notice_buttons = QHBoxLayout()
        for name, text, slot in (
            ("printNotice", self.tr("Print notice…"), self._on_print_notice),
            ("fulfilNotice", self.tr("Materials supplied"), self._on_fulfil),
        ):
            b = QPushButton(text)
            b.setObjectName(name)
            b.clicked.connect(slot)
            notice_buttons.addWidget(b)
        notice_buttons.addStretch()
        self.tabs = QTabWidget()
        for widget, buttons, title in (
            (self.letters, letter_buttons, self.tr("Awaiting arrival")),
            (self.to_accept, None, self.tr("Arrived, to accept")),
            (self.notices, notice_buttons, self.tr("Open notices")),
        ):
            holder = QWidget()
            lay = QVBoxLayout(holder)
            lay.addWidget(widget)
            if buttons:
                lay.addLayout(buttons)
            self.tabs.addTab(holder, title)
        layout = QVBoxLayout(self)
        layout.addLayout(find_row)
        layout.addWidget(self.hits)
        layout.addWidget(self.chosen)
        layout.addLayout(bar)
        layout.addWidget(self.tabs, 1)
        bus().watch(
            self,
            {changes.LETTERS, changes.ARRIVALS, changes.NOTICES, changes.FILES, changes.HOLDERS},
            self._on_bus_changed,
        )
        self.refresh()

    # ----- choosing the holder ----------------------------------------------------------
    def search(self) -> None:
        text = self.find.text().strip()
        if not text:
            return

        def work(_c):
            from archive_desk.services import search

            return search.search(self.ctx, text, 20)

        def shown(hits) -> None:
            self.hits.clear()
            for h in hits:
                item = QListWidgetItem(
                    f"{h.name}  {h.id_number}  {h.file_number or ''}  {h.status_label}"
                )
                item.setData(HID, (h.holder_id, h.name))
                self.hits.addItem(item)
            if len(hits) == 1:
                self.hits.setCurrentRow(0)

        run_task(self, work, shown)

    def choose(self, holder_id: int, name: str) -> None:
        """Make this holder the one the steps act on; the service says which steps are open
        (from the file's status now) and why the others are closed (shown as tooltips)."""
        self.holder = (holder_id, name)
        self.chosen.setText(self.tr("Holder: {0}").format(name))
        for button in self.actions.values():
            button.setEnabled(False)

        def work(_c):
            from archive_desk.services import intake

            return intake.steps_for(self.ctx, holder_id)

        run_task(self, work, self._show_steps)

    def _show_steps(self, steps) -> None:
        if self.holder is None or self.holder[0] != steps.holder_id:
            return  # another holder was chosen meanwhile
        for key, button in self.actions.items():
            button.setEnabled(steps.is_open(key))
            button.setToolTip(steps.closed.get(key, ""))

    def _on_new_holder(self) -> None:
        """Enter a new holder (same form and checks as the Holders page), then continue."""
        from PySide6.QtWidgets import QDialog

        from archive_desk.ui.pages.holder_detail import HolderDetailPage

        dialog = QDialog(self)
        dialog.setWindowTitle(self.tr("New holder"))
        dialog.resize(1000, 700)
        form = HolderDetailPage(self.ctx, dialog)
        form.new_holder()
        QVBoxLayout(dialog).addWidget(form)
        form.sig_back.connect(dialog.reject)
        saved: list[int] = []
        form.sig_saved.connect(lambda hid: (saved.append(hid), dialog.accept()))
        if dialog.exec() and saved:
            self.choose(saved[0], form.title.text())

    def _on_hit(self, item, _prev) -> None:
        if item is not None:
            self.choose(*item.data(HID))

    def _on_row_chosen(self, table: QTableWidget) -> None:
        row = table.currentRow()
        if row >= 0 and table.item(row, 0) is not None:
            data = table.item(row, 0).data(HID)
            if data:
                self.choose(*data)

    # ----- steps ------------------------------------------------------------------------
    def _run_dialog(self, dialog, then=None) -> None:
        if dialog.exec() and then:
            then(dialog.result_value)

    def _on_letter(self) -> None:
        from archive_desk.ui.dialogs.intake_dialogs import IssueLetterDialog

        hid, name = self.holder
        self._run_dialog(
            IssueLetterDialog(self.ctx, hid, name, self),
            lambda letter: self.preview(printing.TRANSFER_REQUEST, letter.number),
        )

    def _on_arrival(self) -> None:
        from archive_desk.ui.dialogs.intake_dialogs import ArrivalDialog

        hid, name = self.holder
        letter = next(
            (
                self.letters.item(r, 0).text()
                for r in range(self.letters.rowCount())
                if self.letters.item(r, 0).data(HID)[0] == hid
            ),
            "",
        )
        self._run_dialog(ArrivalDialog(self.ctx, hid, name, letter, self))

    def _on_refuse(self) -> None:
        hid, name = self.holder
        note, ok = QInputDialog.getText(
            self,
            self.tr("Refuse self-carried file"),
            self.tr("Files are accepted only by 机要, EMS or 专人送取. Note for the record:"),
        )
        if ok:
            from archive_desk.services import intake

            self._call(
                lambda c: intake.refuse_self_carried(self.ctx, hid, note),
                self.tr("Refusal recorded for {0}.").format(name),
            )

    def _on_notice(self) -> None:
        from archive_desk.ui.dialogs.intake_dialogs import NoticeDialog

        hid, name = self.holder
        self._run_dialog(
            NoticeDialog(self.ctx, hid, name, self),
            lambda n: self.preview(printing.MISSING_NOTICE, n.number),
        )

    def _on_accept(self) -> None:
        hid, name = self.holder

        def prepare(_c):
            from archive_desk.services import intake, units

            return units.list_units(self.ctx), intake.suggest_slot(self.ctx)

        def ask(result) -> None:
            from archive_desk.ui.dialogs.intake_dialogs import AcceptDialog

            unit_list, slot = result
            self._run_dialog(
                AcceptDialog(self.ctx, hid, name, unit_list, slot, self),
                lambda acc: self.preview(printing.INTAKE_RECEIPT, acc.file_number),
            )

        run_task(self, prepare, ask)

    def _on_return(self) -> None:
        hid, name = self.holder
        reason, ok = QInputDialog.getText(
            self, self.tr("Return to sender"), self.tr("Essential item missing:")
        )
        if not ok or not reason.strip():
            return
        if (
            QMessageBox.question(
                self,
                self.tr("Return to sender"),
                self.tr(
                    "Return the file of {0} to its sender? This is recorded and cannot be undone "
                    "here."
                ).format(name),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return

        def work(_c):
            from archive_desk.services import intake

            intake.return_to_sender(self.ctx, hid, reason)
            return intake.letters_of(self.ctx, hid)

        def done(letters) -> None:
            if letters:
                self.preview(printing.RETURN_LETTER, letters[-1])

        run_change(self, work, done)

    def _call(self, fn, ok_text: str) -> None:
        run_change(self, fn, lambda _r: self.chosen.setText(ok_text))

    # ----- lists ------------------------------------------------------------------------
    def refresh(self) -> None:
        def work(_c):
            from archive_desk.services import intake

            return (
                intake.open_letters(self.ctx),
                intake.arrivals_to_accept(self.ctx),
                intake.open_notices(self.ctx),
            )

        run_task(self, work, self._show_lists)

    def _fill(self, table: QTableWidget, rows: list[tuple], holder_data: list, red: list[bool]):
        # A refill after a change moves other holders into the selected row: drop the selection
        # (quietly, the chosen holder stays chosen) rather than highlight someone else.
        table.blockSignals(True)
        table.clearSelection()
        table.setCurrentItem(None)
        table.blockSignals(False)
        table.setRowCount(len(rows))
        for i, values in enumerate(rows):
            for j, v in enumerate(values):
                item = QTableWidgetItem(str(v))
                if red[i]:
                    item.setForeground(QColor("#b00020"))
                table.setItem(i, j, item)
            table.item(i, 0).setData(HID, holder_data[i])

    def _show_lists(self, lists) -> None:
        letters, arrivals, notices = lists
        self._fill(
            self.letters,
            [
                (x.number, x.holder_name, x.addressee, clock.format_date(x.valid_until), x.state)
                for x in letters
            ],
            [(x.holder_id, x.holder_name) for x in letters],
            [x.expired for x in letters],
        )
        self._fill(
            self.to_accept,
            [(a.holder_name, a.id_number, clock.format_time(a.arrived_at)) for a in arrivals],
            [(a.holder_id, a.holder_name) for a in arrivals],
            [False] * len(arrivals),
        )
        self._fill(
            self.notices,
            [
                (n.number, n.holder_name, "、".join(n.items), clock.format_date(n.deadline))
                for n in notices
            ],
            [(n.holder_id, n.holder_name) for n in notices],
            [n.overdue for n in notices],
        )
        for table, records in ((self.letters, letters), (self.notices, notices)):
            for i, record in enumerate(records):
                table.item(i, 0).setData(VERSION, record.version)
        self.tabs.setTabText(0, self.tr("Awaiting arrival ({0})").format(len(letters)))
        self.tabs.setTabText(1, self.tr("Arrived, to accept ({0})").format(len(arrivals)))
        self.tabs.setTabText(2, self.tr("Open notices ({0})").format(len(notices)))

    def _selected(self, table: QTableWidget) -> str | None:
        row = table.currentRow()
        return table.item(row, 0).text() if row >= 0 and table.item(row, 0) else None

    def _on_print_letter(self) -> None:
        number = self._selected(self.letters)
        if number:
            self.preview(printing.TRANSFER_REQUEST, number)

    def _on_cancel_letter(self) -> None:
        number = self._selected(self.letters)
        if not number:
            return
        version = self.letters.item(self.letters.currentRow(), 0).data(VERSION)
        reason, ok = QInputDialog.getText(
            self, self.tr("Cancel letter"), self.tr("Why is {0} cancelled?").format(number)
        )
        if ok and reason.strip():
            from archive_desk.services import intake

            self._call(
                lambda c: intake.cancel_letter(self.ctx, number, reason, version),
                self.tr("Letter {0} cancelled.").format(number),
            )

    def _on_print_notice(self) -> None:
        number = self._selected(self.notices)
        if number:
            self.preview(printing.MISSING_NOTICE, number)

    def _on_fulfil(self) -> None:
        number = self._selected(self.notices)
        if number:
            from archive_desk.services import intake

            version = self.notices.item(self.notices.currentRow(), 0).data(VERSION)
            self._call(
                lambda c: intake.fulfil_notice(self.ctx, number, version),
                self.tr("Notice {0} closed.").format(number),
            )

    def _on_issued(self) -> None:
        from archive_desk.ui.dialogs.issued_documents import IssuedDocumentsDialog

        IssuedDocumentsDialog(self.ctx, self).exec()

    def preview(self, kind: printing.DocumentKind, ref: str) -> None:
        """Make the document (audited as a print) and open it in the print preview."""
        out = Path(tempfile.mkdtemp()) / f"{kind.key}.pdf"

        def shown(path) -> None:
            from archive_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, self.tr("Print preview"), self).exec()

        run_task(
            self,
            lambda _c: kind.make(self.ctx, ref, out),
            shown,
            progress=self.tr("Preparing the document…"),
        )

    def _on_bus_changed(self, _changes) -> None:
        self.refresh()
        if self.holder is not None:
            self.choose(*self.holder)  # its file may have moved on to another status
