"""Print preview of a generated PDF: its pages rendered (pypdfium2), then print or save."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage, QPainter, QPixmap
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)


def render_pages(pdf: Path, scale: float = 1.3) -> list[QImage]:
    import pypdfium2 as pdfium

    doc = pdfium.PdfDocument(str(pdf))
    images = []
    for page in doc:
        pil = page.render(scale=scale).to_pil().convert("RGB")
        data = pil.tobytes("raw", "RGB")
        images.append(
            QImage(data, pil.width, pil.height, pil.width * 3, QImage.Format.Format_RGB888).copy()
        )
    doc.close()
    return images


class PdfPreviewDialog(QDialog):
    def __init__(self, pdf: Path, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.pdf = Path(pdf)
        self.setWindowTitle(title)
        self.resize(900, 1000)
        self.pages = render_pages(self.pdf)
        body = QWidget()
        column = QVBoxLayout(body)
        for image in self.pages:
            label = QLabel()
            label.setPixmap(QPixmap.fromImage(image))
            label.setAlignment(Qt.AlignmentFlag.AlignHCenter)
            label.setStyleSheet("background: white; border: 1px solid #bbb;")
            column.addWidget(label)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        print_button = QPushButton(self.tr("Print…"))
        print_button.clicked.connect(self._on_print)
        save = QPushButton(self.tr("Save as PDF…"))
        save.clicked.connect(self._on_save)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(QLabel(self.tr("{0} page(s)").format(len(self.pages))))
        buttons.addStretch()
        buttons.addWidget(save)
        buttons.addWidget(print_button)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(scroll)
        layout.addLayout(buttons)

    def _on_save(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save as PDF"), self.pdf.name, "PDF (*.pdf)"
        )
        if path:
            shutil.copyfile(self.pdf, path)

    def _on_print(self) -> None:
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        if QPrintDialog(printer, self).exec() != QDialog.DialogCode.Accepted:
            return
        hi = render_pages(self.pdf, scale=printer.resolution() / 72)
        painter = QPainter(printer)
        for i, image in enumerate(hi):
            if i:
                printer.newPage()
            rect = painter.viewport()
            size = image.size().scaled(rect.size(), Qt.AspectRatioMode.KeepAspectRatio)
            painter.drawImage(0, 0, image.scaled(size))
        painter.end()
