"""Settings: this desk's language, and the office settings that documents depend on."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from archive_desk.domain import clock
from archive_desk.domain import settings as catalog
from archive_desk.domain.roles import allowed
from archive_desk.ui import prefs
from archive_desk.ui.pages.name_readings_box import NameReadingsBox
from archive_desk.ui.tasks import run_change, run_task


class SettingsPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.versions: dict[str, int] | None = None  # as loaded: a newer change is not overwritten
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        for code, name in prefs.LANGUAGES.items():
            self.language.addItem(name, code)
        self.language.setCurrentIndex(self.language.findData(prefs.LANGUAGE.get()))
        self.language.currentIndexChanged.connect(self._on_language_changed)
        desk = QGroupBox(self.tr("This desk"))
        desk_form = QFormLayout(desk)
        desk_form.addRow(self.tr("Language (after restart)"), self.language)

        office = QGroupBox(self.tr("Office settings (stored in the database)"))
        form = QFormLayout(office)
        self.fields: dict[str, QLineEdit] = {}
        for spec in catalog.SETTINGS:
            edit = QLineEdit()
            edit.setObjectName(f"setting_{spec.key}")
            if spec.key == "office.time_zone":  # what an empty value stands for on this desk
                edit.setPlaceholderText(clock.system_zone_name() or clock.FALLBACK_ZONE)
            self.fields[spec.key] = edit
            form.addRow(spec.label, edit)
        self.message = QLabel()
        self.message.setWordWrap(True)
        self.save_button = QPushButton(self.tr("Save office settings"))
        self.save_button.clicked.connect(self.save)
        editable = allowed(ctx.actor.role, "settings.edit")
        for edit in self.fields.values():
            edit.setReadOnly(not editable)
        self.save_button.setEnabled(editable)
        form.addRow(self.message)
        form.addRow(self.save_button)
        self.readings = NameReadingsBox(ctx)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.addWidget(desk)
        layout.addWidget(office)
        layout.addWidget(self.readings)
        layout.addStretch()
        scroll = QScrollArea()  # the page grows with the office's settings; the window need not
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)
        self.load()

    def load(self) -> None:
        def read(_control):
            from archive_desk.services import settings

            return settings.load(self.ctx)

        def show(view) -> None:
            self.versions = view.versions
            for key, edit in self.fields.items():
                edit.setText(str(view.values[key]))

        run_task(self, read, show)

    def _on_language_changed(self) -> None:
        prefs.LANGUAGE.set(self.language.currentData())
        QMessageBox.information(
            self, self.tr("Language"), self.tr("The new language is used from the next start.")
        )

    def save(self) -> None:
        values = {k: e.text() for k, e in self.fields.items()}
        versions = self.versions

        def write(_control):
            from archive_desk.services import settings

            settings.update_many(self.ctx, values, versions)

        def done(_r) -> None:
            self.message.setStyleSheet("color: #1b5e20;")
            self.message.setText(self.tr("Saved."))
            self.load()  # the new versions

        def failed(exc) -> None:
            from archive_desk.ui.errors import message_of

            self.message.setStyleSheet("color: #b00020;")
            self.message.setText(message_of(exc))

        run_change(self, write, done, failed)
