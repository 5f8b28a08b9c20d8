"""A page whose capability comes in a later release: it says what will be here."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class PlaceholderPage(QWidget):
    def __init__(self, title: str, text: str, parent: QWidget | None = None):
        super().__init__(parent)
        heading = QLabel(title)
        heading.setStyleSheet("font-size: 20px; font-weight: bold;")
        body = QLabel(text)
        body.setWordWrap(True)
        body.setStyleSheet("color: #444; font-size: 14px;")
        body.setObjectName("placeholderText")
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(body)
        layout.addStretch()
        layout.setAlignment(Qt.AlignmentFlag.AlignTop)
