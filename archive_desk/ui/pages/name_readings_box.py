"""Settings → readings of rare name characters: the office's table, and (for a supervisor) a
character and its pinyin to add, or a selected row to remove. Each change rewrites the search
keys of the holders whose names hold the character."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain.roles import allowed
from archive_desk.ui.tasks import run_change, run_task


class NameReadingsBox(QGroupBox):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.setTitle(self.tr("Readings of rare name characters"))
        self.ctx = ctx
        self.table = QTableWidget(0, 3)
        self.table.setObjectName("nameReadings")
        self.table.setHorizontalHeaderLabels(
            [self.tr("Character"), self.tr("Reading"), self.tr("Added by")]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setMaximumHeight(160)
        self.character = QLineEdit()
        self.character.setObjectName("readingCharacter")
        self.character.setPlaceholderText(self.tr("Character, e.g. 𠮷"))
        self.reading = QLineEdit()
        self.reading.setObjectName("readingPinyin")
        self.reading.setPlaceholderText(self.tr("Pinyin, e.g. jí or ji2"))
        self.add_button = QPushButton(self.tr("Add reading"))
        self.add_button.clicked.connect(self.add)
        self.remove_button = QPushButton(self.tr("Remove selected"))
        self.remove_button.clicked.connect(self.remove)
        self.message = QLabel()
        self.message.setWordWrap(True)
        editable = allowed(ctx.actor.role, "settings.edit")
        for w in (self.character, self.reading, self.add_button, self.remove_button):
            w.setEnabled(editable)
        row = QHBoxLayout()
        for w in (self.character, self.reading, self.add_button, self.remove_button):
            row.addWidget(w)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Characters are found by themselves always; add a reading so that a name is "
                "also found by its pinyin initials."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(self.message)
        self.load()

    def load(self) -> None:
        def read(_control):
            from archive_desk.services import name_readings

            return name_readings.list_all(self.ctx)

        run_task(self, read, self._show)

    def _show(self, readings) -> None:
        self.table.setRowCount(0)
        for r in readings:
            row = self.table.rowCount()
            self.table.insertRow(row)
            for col, text in enumerate((r.character, r.reading, r.updated_by)):
                self.table.setItem(row, col, QTableWidgetItem(text))

    def _run(self, fn, done_text: str) -> None:
        def done(count: int) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(done_text.format(count))
            self.load()

        def failed(exc) -> None:
            from archive_desk.ui.errors import message_of

            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(message_of(exc))

        run_change(self, lambda _c: fn(), done, failed)

    def add(self) -> None:
        character, reading = self.character.text(), self.reading.text()

        def write():
            from archive_desk.services import name_readings

            return name_readings.set_reading(self.ctx, character, reading)

        self._run(write, self.tr("Saved; search keys of {0} holder(s) rewritten."))

    def remove(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        character = self.table.item(row, 0).text()

        def write():
            from archive_desk.services import name_readings

            return name_readings.remove(self.ctx, character)

        self._run(write, self.tr("Removed; search keys of {0} holder(s) rewritten."))
