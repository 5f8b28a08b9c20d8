"""Intake dialogs: issue a 调档函, record an arrival, accept a file, issue a 缺件告知.

Each dialog reads its widgets on the GUI thread (`request()`) and hands the worker a call with
plain values only: a widget read from a worker thread is undefined behaviour in Qt.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from functools import partial

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
)

from archive_desk.domain import clock
from archive_desk.services import intake
from archive_desk.ui.tasks import run_change


class _ServiceDialog(QDialog):
    """A form whose OK runs one service call in the background; errors stay in the dialog."""

    def __init__(self, ctx, title: str, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.result_value = None
        self.setWindowTitle(title)
        self.form = QFormLayout(self)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.submit)
        self.buttons.rejected.connect(self.reject)

    def finish_form(self) -> None:
        self.form.addRow(self.message)
        self.form.addRow(self.buttons)

    def request(self) -> Callable[[], object]:
        """The service call with the values in the form, read now (on the GUI thread)."""
        raise NotImplementedError

    def submit(self) -> None:
        call = self.request()

        def done(value) -> None:
            self.result_value = value
            self.accept()

        def failed(exc) -> None:
            from archive_desk.ui.errors import message_of

            self.message.setText(message_of(exc))

        run_change(self, lambda _control: call(), done, failed)


class IssueLetterDialog(_ServiceDialog):
    def __init__(self, ctx, holder_id: int, holder_name: str, parent=None):
        super().__init__(
            ctx,
            QCoreApplication.translate("IntakeDialogs", "Issue a transfer request letter"),
            parent,
        )
        self.holder_id = holder_id
        self.addressee = QLineEdit()
        self.addressee.setObjectName("addressee")
        self.form.addRow(self.tr("Holder"), QLabel(holder_name))
        self.form.addRow(self.tr("Current custodian (addressee)"), self.addressee)
        self.finish_form()

    def request(self):
        return partial(intake.issue_letter, self.ctx, self.holder_id, self.addressee.text())


class ArrivalDialog(_ServiceDialog):
    def __init__(self, ctx, holder_id: int, holder_name: str, letter_number: str = "", parent=None):
        super().__init__(
            ctx, QCoreApplication.translate("IntakeDialogs", "Record an arrival"), parent
        )
        self.holder_id = holder_id
        self.mode = QComboBox()
        self.mode.addItems(["机要", "EMS", "专人送取"])
        self.tracking = QLineEdit()
        self.sender = QLineEdit()
        self.letter = QLineEdit(letter_number)
        self.letter.setPlaceholderText(self.tr("Scan or type the letter number"))
        self.seal = QCheckBox(self.tr("Envelope and seal intact"))
        self.seal.setChecked(True)
        self.originals, self.copies, self.materials = QSpinBox(), QSpinBox(), QSpinBox()
        self.originals.setValue(1)
        self.materials.setRange(0, 999)
        self.checker = QLineEdit(ctx.actor.username)
        self.note = QLineEdit()
        for label, w in (
            (self.tr("Holder"), QLabel(holder_name)),
            (self.tr("Came by"), self.mode),
            (self.tr("Tracking number"), self.tracking),
            (self.tr("Sender"), self.sender),
            (self.tr("Letter number"), self.letter),
            ("", self.seal),
            (self.tr("Volumes (originals)"), self.originals),
            (self.tr("Volumes (copies)"), self.copies),
            (self.tr("Materials"), self.materials),
            (self.tr("Checker"), self.checker),
            (self.tr("Note"), self.note),
        ):
            self.form.addRow(label, w)
        hint = QLabel(
            self.tr(
                "A file brought by the holder in person is not accepted: use "
                "“Refuse self-carried file” instead."
            )
        )
        hint.setWordWrap(True)
        self.form.addRow(hint)
        self.finish_form()

    def request(self):
        return partial(
            intake.record_arrival,
            self.ctx,
            self.holder_id,
            mode=self.mode.currentText(),
            tracking_number=self.tracking.text(),
            sender=self.sender.text(),
            seal_intact=self.seal.isChecked(),
            originals=self.originals.value(),
            copies=self.copies.value(),
            material_count=self.materials.value(),
            checker=self.checker.text(),
            letter_number=self.letter.text().strip() or None,
            note=self.note.text(),
        )


class AcceptDialog(_ServiceDialog):
    def __init__(
        self,
        ctx,
        holder_id: int,
        holder_name: str,
        units: list[tuple[int, str]],
        suggested_slot: str | None,
        parent=None,
    ):
        super().__init__(
            ctx, QCoreApplication.translate("IntakeDialogs", "Accept the file"), parent
        )
        self.holder_id = holder_id
        self.deposit = QComboBox()
        self.deposit.addItem("个人委托存档", "personal")
        self.deposit.addItem("单位集体委托存档", "unit")
        self.unit = QComboBox()
        self.unit.addItem("", None)
        for uid, name in units:
            self.unit.addItem(name, uid)
        self.slot = QLineEdit(suggested_slot or "")
        self.slot.setObjectName("acceptSlot")
        self.slot.setPlaceholderText(self.tr("Scan the slot label or type its code"))
        self.form.addRow(self.tr("Holder"), QLabel(holder_name))
        self.form.addRow(self.tr("Deposit type"), self.deposit)
        self.form.addRow(self.tr("Unit"), self.unit)
        self.form.addRow(self.tr("Slot (suggested: the nearest free one)"), self.slot)
        self.finish_form()

    def request(self):
        return partial(
            intake.accept,
            self.ctx,
            self.holder_id,
            self.deposit.currentData(),
            self.slot.text(),
            self.unit.currentData(),
        )


class NoticeDialog(_ServiceDialog):
    def __init__(self, ctx, holder_id: int, holder_name: str, parent=None):
        super().__init__(
            ctx, QCoreApplication.translate("IntakeDialogs", "Missing-materials notice"), parent
        )
        self.holder_id = holder_id
        self.items = QPlainTextEdit()
        self.items.setPlaceholderText(self.tr("One missing item per line"))
        due = clock.today() + timedelta(days=30)  # the office's date, not this PC's
        self.deadline = QDateEdit(QDate(due.year, due.month, due.day))
        self.deadline.setCalendarPopup(True)
        self.commitment = QPlainTextEdit()
        self.commitment.setPlainText(intake.DEFAULT_COMMITMENT)
        self.form.addRow(self.tr("Holder"), QLabel(holder_name))
        self.form.addRow(self.tr("Missing items"), self.items)
        self.form.addRow(self.tr("Deadline"), self.deadline)
        self.form.addRow(self.tr("Commitment"), self.commitment)
        self.finish_form()

    def request(self):
        d = self.deadline.date()
        return partial(
            intake.issue_notice,
            self.ctx,
            self.holder_id,
            self.items.toPlainText().splitlines(),
            date(d.year(), d.month(), d.day()),
            self.commitment.toPlainText(),
        )
