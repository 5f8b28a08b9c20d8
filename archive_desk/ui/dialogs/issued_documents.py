"""The register of issued documents (issue 9), newest first; a reprint opens the print preview
of the very file first issued (services/issued_documents.py)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from archive_desk.domain import clock
from archive_desk.ui.tasks import run_task

ID = Qt.ItemDataRole.UserRole


class IssuedDocumentsDialog(QDialog):
    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Issued documents"))
        self.resize(900, 500)
        self.table = QTableWidget(0, 6)
        self.table.setObjectName("issuedDocuments")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Document"),
                self.tr("Number"),
                self.tr("Holder"),
                self.tr("Issued"),
                self.tr("Issued by"),
                self.tr("Reprints"),
            ]
        )
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.reprint_button = QPushButton(self.tr("Reprint…"))
        self.reprint_button.setObjectName("reprint")
        self.reprint_button.clicked.connect(self.reprint)
        bar = QHBoxLayout()
        bar.addStretch()
        bar.addWidget(self.reprint_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addLayout(bar)
        self.load()

    def load(self) -> None:
        def work(_c):
            from archive_desk.services import issued_documents

            return issued_documents.register(self.ctx)

        def shown(rows) -> None:
            self.table.setRowCount(len(rows))
            for i, d in enumerate(rows):
                values = (
                    d.title,
                    d.ref,
                    d.holder_name,
                    clock.format_time(d.issued_at),
                    d.issued_by,
                    str(d.reprints),
                )
                for j, v in enumerate(values):
                    item = QTableWidgetItem(v)
                    item.setData(ID, (d.id, d.suffix))
                    self.table.setItem(i, j, item)

        run_task(self, work, shown)

    def reprint(self) -> None:
        row = self.table.currentRow()
        if row < 0:
            return
        doc_id, suffix = self.table.item(row, 0).data(ID)
        out = Path(tempfile.mkdtemp()) / f"issued-{doc_id}{suffix}"

        def work(_c):
            from archive_desk.services import issued_documents

            return issued_documents.reprint(self.ctx, doc_id, out)

        def shown(path) -> None:
            from archive_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, self.tr("Print preview"), self).exec()
            self.load()  # the reprint is counted

        run_task(self, work, shown, progress=self.tr("Preparing the document…"))
