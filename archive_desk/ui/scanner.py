"""USB barcode scanners type like a keyboard and end with Enter. When the focus is not in a text
field, printable keystrokes go to the global search box, so a scan works from anywhere."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTableWidget,
    QTextEdit,
)

TEXT_WIDGETS = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QTableWidget)


class ScannerRedirect(QObject):
    def __init__(self, search_box: QLineEdit, window):
        super().__init__(window)
        self.search_box = search_box
        self.window = window

    def eventFilter(self, obj, event) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not self.window.isActiveWindow():
            return False
        focus = QApplication.focusWidget()
        if isinstance(focus, TEXT_WIDGETS) or (isinstance(focus, QComboBox) and focus.isEditable()):
            return False
        text = event.text()
        if len(text) == 1 and text.isprintable() and not event.modifiers() & ~_SHIFT:
            self.search_box.setFocus()
            self.search_box.clear()
            self.search_box.insert(text)
            return True
        return False


from PySide6.QtCore import Qt  # noqa: E402

_SHIFT = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.KeypadModifier
