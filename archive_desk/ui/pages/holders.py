"""Holders: the full list (lazy), search results, and the record page."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from archive_desk.services import changes
from archive_desk.ui.bus import bus
from archive_desk.ui.models.holder_table import HolderListModel, SearchResultsModel
from archive_desk.ui.pages.holder_detail import HolderDetailPage
from archive_desk.ui.tasks import run_task


class HoldersPage(QWidget):
    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.list_model = HolderListModel(ctx, self)
        self.results_model = SearchResultsModel(self)
        self.table = QTableView()
        self.table.setObjectName("holderTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(24)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda index: self.open_row(index.row()))
        self.table.activated.connect(lambda index: self.open_row(index.row()))
        self.caption = QLabel()
        self.caption.setObjectName("holdersCaption")
        show_all = QPushButton(self.tr("All holders"))
        show_all.clicked.connect(self.show_all)
        new = QPushButton(self.tr("New holder…"))
        new.clicked.connect(self.new_holder)
        bar = QHBoxLayout()
        bar.addWidget(self.caption)
        bar.addStretch()
        bar.addWidget(show_all)
        bar.addWidget(new)
        list_page = QWidget()
        lay = QVBoxLayout(list_page)
        lay.addLayout(bar)
        lay.addWidget(self.table)
        self.detail = HolderDetailPage(ctx)
        self.detail.sig_back.connect(lambda: self.stack.setCurrentIndex(0))
        self.stack = QStackedWidget()
        self.stack.addWidget(list_page)
        self.stack.addWidget(self.detail)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.list_model.sig_loaded.connect(self._on_list_loaded)
        bus().watch(self, {changes.HOLDERS, changes.FILES}, self._on_bus_changed)
        self._search_text = ""
        self._total: int | None = None
        self.show_all()

    @property
    def model(self):
        return self.table.model()

    def _set_model(self, model, widths: tuple[int, ...]) -> None:
        self.table.setModel(model)
        for column, width in enumerate(widths):
            self.table.setColumnWidth(column, width)

    def show_all(self) -> None:
        self._set_model(self.list_model, (90, 50, 100, 180, 240, 100))
        self.stack.setCurrentIndex(0)
        self._search_text = ""
        self.list_model.reload()
        self._count()

    def _count(self) -> None:
        def count(_control):
            from archive_desk.services import holders

            return holders.count(self.ctx)

        run_task(self, count, self._on_counted, lambda exc: None)

    def _on_counted(self, total: int) -> None:
        self._total = total
        self._on_list_loaded(self.list_model.rowCount())

    def _on_list_loaded(self, loaded: int) -> None:
        if self.table.model() is self.list_model:
            total = f"{self._total:,}" if self._total is not None else "…"
            self.caption.setText(self.tr("All holders: {0} (loaded {1})").format(total, loaded))

    def search(self, text: str, open_single: bool = True) -> None:
        text = text.strip()
        self._search_text = text
        if not text:
            self.show_all()
            return

        def find(_control):
            from archive_desk.services import search

            return search.search(self.ctx, text)

        def found(hits) -> None:
            self.results_model.set_hits(hits)
            self._set_model(self.results_model, (100, 180, 100, 120))
            self.stack.setCurrentIndex(0)
            self.caption.setText(self.tr("Search “{0}”: {1} found").format(text, len(hits)))
            if len(hits) == 1 and open_single:
                self.open_row(0)

        run_task(self, find, found)

    def open_row(self, row: int) -> None:
        self.open_holder(self.table.model().holder_id(row))

    def open_holder(self, holder_id: int) -> None:
        self.stack.setCurrentIndex(1)
        self.detail.open_holder(holder_id)

    def new_holder(self) -> None:
        self.stack.setCurrentIndex(1)
        self.detail.new_holder()

    def _on_bus_changed(self, _changes) -> None:
        """A holder or a file changed somewhere: re-read what is shown (the status column too),
        keeping the view where it is."""
        if self.table.model() is self.list_model:
            self.list_model.refresh()
            self._count()
        elif self._search_text:
            self.search(self._search_text, open_single=False)
