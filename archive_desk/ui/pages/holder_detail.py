"""A holder's record: view and edit field by field, with each field's own validation message."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain import clock, codes
from archive_desk.domain.holder import FIELDS, HolderData, Relation
from archive_desk.domain.idcard import InvalidId, parse_id
from archive_desk.services import changes
from archive_desk.ui.bus import bus
from archive_desk.ui.tasks import run_change, run_task

ERROR_STYLE = "color: #b00020; font-size: 11px;"


class HolderDetailPage(QWidget):
    sig_saved = Signal(int)
    """The holder with this id was saved."""
    sig_back = Signal()
    """The user asked to return to the list."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.holder_id: int | None = None
        self.version: int | None = None  # as loaded: saving over a newer change is refused
        self.editors: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self._build()
        bus().watch(self, {changes.FILES, changes.LOCATIONS}, self._on_bus_changed)

    # ----- layout -------------------------------------------------------------------------
    def _build(self) -> None:
        self.title = QLabel()
        self.title.setStyleSheet("font-size: 18px; font-weight: bold;")
        self.status = QLabel()
        self.complete = QProgressBar()
        self.complete.setFormat(self.tr("Complete: %p%"))
        self.complete.setMaximumWidth(220)
        self.missing = QLabel()
        self.missing.setWordWrap(True)
        self.missing.setStyleSheet("color: #8a6d00;")
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        grid = QGridLayout()
        for i, spec in enumerate(FIELDS):
            row, col = divmod(i, 2)
            editor = self._editor(spec)
            self.editors[spec.name] = editor
            err = QLabel()
            err.setStyleSheet(ERROR_STYLE)
            err.setObjectName(f"error_{spec.name}")
            err.hide()
            self.errors[spec.name] = err
            label = QLabel(self._label(spec))
            label.setBuddy(editor)
            box = QVBoxLayout()
            box.setSpacing(1)
            box.addWidget(editor)
            box.addWidget(err)
            grid.addWidget(label, row, col * 2)
            grid.addLayout(box, row, col * 2 + 1)
        self.editors["id_number"].editingFinished.connect(self._on_id_number_edited)
        self.relations = QTableWidget(0, 3)
        self.relations.setHorizontalHeaderLabels(
            [self.tr("Name"), self.tr("Relation"), self.tr("ID number")]
        )
        self.relations.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.relations.setMinimumHeight(120)
        self.relations_error = QLabel()
        self.relations_error.setStyleSheet(ERROR_STYLE)
        add_rel = QPushButton(self.tr("Add family member"))
        add_rel.clicked.connect(lambda: self._add_relation(Relation("", "")))
        drop_rel = QPushButton(self.tr("Remove selected member"))
        drop_rel.clicked.connect(self._remove_relation)
        rel_buttons = QHBoxLayout()
        rel_buttons.addWidget(add_rel)
        rel_buttons.addWidget(drop_rel)
        rel_buttons.addStretch()

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addLayout(grid)
        body_layout.addWidget(QLabel(self.tr("Family relations")))
        body_layout.addWidget(self.relations)
        body_layout.addWidget(self.relations_error)
        body_layout.addLayout(rel_buttons)
        body_layout.addStretch()
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)

        self.save_button = QPushButton(self.tr("Save (Ctrl+S)"))
        self.save_button.setObjectName("saveHolder")
        self.save_button.clicked.connect(self.save)
        back = QPushButton(self.tr("Back to list"))
        back.clicked.connect(self.sig_back.emit)
        QShortcut(QKeySequence.StandardKey.Save, self, self.save)
        top = QHBoxLayout()
        top.addWidget(self.title)
        top.addWidget(self.status)
        top.addStretch()
        top.addWidget(self.complete)
        top.addWidget(back)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.missing)
        layout.addWidget(self.notice)
        layout.addWidget(scroll)

    def _label(self, spec) -> str:
        return spec.label  # the standard's Chinese names of the items, in both languages

    def _editor(self, spec) -> QWidget:
        if spec.kind.startswith("code:"):
            combo = QComboBox()
            combo.addItem("", "")
            for code, name in codes.table(spec.kind[5:]).items():
                combo.addItem(f"{code} {name}", code)
            combo.setObjectName(f"field_{spec.name}")
            return combo
        edit = QLineEdit()
        edit.setObjectName(f"field_{spec.name}")
        if spec.kind == "date":
            edit.setPlaceholderText("YYYY-MM-DD")
            edit.setInputMask("")
        elif spec.kind == "id":
            edit.setPlaceholderText(self.tr("18 digits (old 15-digit numbers are upgraded)"))
        return edit

    # ----- data in and out --------------------------------------------------------------
    def new_holder(self) -> None:
        self.holder_id = None
        self.version = None
        self._fill(HolderData())
        self.title.setText(self.tr("New holder"))
        self.status.setText("")
        self.complete.setValue(0)
        self.missing.setText("")
        self.notice.setText("")
        self.editors["name"].setFocus()

    def show_view(self, view) -> None:
        """Show a HolderView from the service."""
        self.holder_id = view.id
        self.version = view.version
        self._fill(view.data)
        self.title.setText(view.data.name)
        self._show_file_line(view)
        self.complete.setValue(view.completeness)
        self.missing.setText(
            self.tr("Missing required items: {0}").format("、".join(view.missing))
            if view.missing
            else ""
        )
        self.notice.setText("；".join(view.warnings))

    def _show_file_line(self, line) -> None:
        """File number · status · location, from a HolderView or a FileLine."""
        self.status.setText(
            f"{line.file_number or self.tr('no file number')} · {line.status_label}"
            + (f" · {line.location}" if line.location else "")
        )

    def _on_bus_changed(self, _changes) -> None:
        """A file was accepted, moved or sent elsewhere: follow its status line; the form, which
        the clerk may be editing, is left as it is."""
        holder_id = self.holder_id
        if holder_id is None:
            return

        def load(_control):
            from archive_desk.services import holders

            return holders.file_line(self.ctx, holder_id)

        def shown(line) -> None:
            if self.holder_id == holder_id:
                self._show_file_line(line)

        run_task(self, load, shown, lambda exc: None)

    def open_holder(self, holder_id: int) -> None:
        def load(_control):
            from archive_desk.services import holders

            return holders.view(self.ctx, holder_id)

        run_task(self, load, self.show_view)

    def _fill(self, data: HolderData) -> None:
        self._clear_errors()
        for spec in FIELDS:
            value = getattr(data, spec.name)
            editor = self.editors[spec.name]
            if isinstance(editor, QComboBox):
                editor.setCurrentIndex(max(0, editor.findData(value or "")))
            elif isinstance(value, date):
                editor.setText(clock.format_date(value))
            else:
                editor.setText(value or "")
        self.relations.setRowCount(0)
        for rel in data.relations:
            self._add_relation(rel)

    def _add_relation(self, rel: Relation) -> None:
        row = self.relations.rowCount()
        self.relations.insertRow(row)
        self.relations.setItem(row, 0, QTableWidgetItem(rel.name))
        combo = QComboBox()
        for code, name in codes.table(codes.RELATION).items():
            combo.addItem(name, code)
        combo.setCurrentIndex(max(0, combo.findData(rel.relation_code)))
        self.relations.setCellWidget(row, 1, combo)
        self.relations.setItem(row, 2, QTableWidgetItem(rel.id_number))

    def _remove_relation(self) -> None:
        row = self.relations.currentRow()
        if row >= 0:
            self.relations.removeRow(row)

    def collect(self) -> tuple[HolderData, dict[str, str]]:
        """The form as HolderData, plus errors found before asking the service (date format)."""
        data, errors = HolderData(), {}
        for spec in FIELDS:
            editor = self.editors[spec.name]
            if isinstance(editor, QComboBox):
                setattr(data, spec.name, editor.currentData() or "")
            elif spec.kind == "date":
                text = editor.text().strip()
                try:
                    setattr(data, spec.name, date.fromisoformat(text) if text else None)
                except ValueError:
                    errors[spec.name] = self.tr("Enter the date as YYYY-MM-DD, e.g. 1990-01-31")
            else:
                setattr(data, spec.name, editor.text())
        for row in range(self.relations.rowCount()):
            name = self.relations.item(row, 0)
            idn = self.relations.item(row, 2)
            data.relations.append(
                Relation(
                    name.text().strip() if name else "",
                    self.relations.cellWidget(row, 1).currentData(),
                    idn.text().strip() if idn else "",
                )
            )
        return data, errors

    # ----- validation and saving --------------------------------------------------------
    def _clear_errors(self) -> None:
        for label in self.errors.values():
            label.hide()
            label.setText("")
        self.relations_error.setText("")

    def show_errors(self, errors: dict[str, str]) -> None:
        self._clear_errors()
        rel = []
        for field_name, message in errors.items():
            if field_name in self.errors:
                self.errors[field_name].setText(message)
                self.errors[field_name].show()
            else:
                rel.append(message)
        self.relations_error.setText("；".join(rel))
        first = next((f for f in self.editors if f in errors), None)
        if first:
            self.editors[first].setFocus()

    def _on_id_number_edited(self) -> None:
        edit = self.editors["id_number"]
        if not edit.text().strip():
            return
        try:
            parsed = parse_id(edit.text())
        except InvalidId as exc:
            self.errors["id_number"].setText(exc.reason)
            self.errors["id_number"].show()
            return
        self.errors["id_number"].hide()
        edit.setText(parsed.number)
        if not self.editors["birth_date"].text().strip():
            self.editors["birth_date"].setText(clock.format_date(parsed.birth_date))
        sex = self.editors["sex_code"]
        if not sex.currentData():
            sex.setCurrentIndex(sex.findData(parsed.sex_code))

    def save(self) -> None:
        data, errors = self.collect()
        if errors:
            self.show_errors(errors)
            return
        holder_id, version = self.holder_id, self.version
        self.save_button.setEnabled(False)

        def write(_control):
            from archive_desk.services import holders

            if holder_id is None:
                return holders.create(self.ctx, data)
            return holders.update(self.ctx, holder_id, data, version)

        def saved(view) -> None:
            self.save_button.setEnabled(True)
            self.show_view(view)
            self.notice.setText(
                self.tr("Saved.") + ("  " + "；".join(view.warnings) if view.warnings else "")
            )
            self.sig_saved.emit(view.id)

        def failed(exc: BaseException) -> None:
            self.save_button.setEnabled(True)
            from archive_desk.services.errors import Conflict, HolderInvalid

            if isinstance(exc, HolderInvalid):
                self.show_errors(exc.errors)
                self.notice.setText(self.tr("Not saved: please correct the marked fields."))
            elif isinstance(exc, Conflict):
                self.notice.setText(str(exc))
                self._offer_reload(str(exc))
            else:
                from archive_desk.ui.errors import message_of

                self.notice.setText(message_of(exc))

        run_change(self, write, saved, failed)

    def _offer_reload(self, message: str) -> None:
        """Somebody else saved this holder meanwhile: show who and when, and offer to load their
        version (the typed changes are then lost; keeping the form lets the clerk copy them)."""
        box = QMessageBox(self)
        box.setObjectName("conflictBox")
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(self.tr("Changed by someone else"))
        box.setText(message)
        reload_button = box.addButton(self.tr("Reload"), QMessageBox.ButtonRole.AcceptRole)
        reload_button.setObjectName("reloadHolder")
        box.addButton(self.tr("Keep my form"), QMessageBox.ButtonRole.RejectRole)
        box.exec()
        if box.clickedButton() is reload_button and self.holder_id is not None:
            self.open_holder(self.holder_id)
