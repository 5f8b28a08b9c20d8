"""Storeroom: the location tree, a shelf's occupancy (节 × 层 per 面, coloured by fill), files
in a cell, and the actions: create locations, move files, print labels, the move log."""

from __future__ import annotations

import tempfile
from collections import defaultdict
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from archive_desk.services import changes, printing
from archive_desk.ui.bus import bus
from archive_desk.ui.tasks import run_change, run_task

CODE = Qt.ItemDataRole.UserRole
VERSION = Qt.ItemDataRole.UserRole + 1  # the location's version as listed (optimistic locking)


def fill_colour(files: int, capacity: int) -> QColor:
    if capacity <= 0:
        return QColor("#eeeeee")
    ratio = files / capacity
    if ratio == 0:
        return QColor("#f4f4f4")
    if ratio < 0.5:
        return QColor("#c8e6c9")
    if ratio < 0.9:
        return QColor("#fff59d")
    return QColor("#ef9a9a")


class StoreroomPage(QWidget):
    sig_start_stocktake = Signal(str)
    """The user asked for a stocktake of this location code prefix."""

    def __init__(self, ctx, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.current_row_code: str | None = None
        self.slots_by_cell: dict[tuple[str, int, int], list] = {}
        self.tree = QTreeWidget()
        self.tree.setObjectName("locationTree")
        self.tree.setHeaderLabels([self.tr("Location")])
        self.tree.itemExpanded.connect(self._on_tree_expanded)
        self.tree.currentItemChanged.connect(self._on_tree_current)
        self.caption = QLabel(self.tr("Choose a shelf (列) on the left."))
        self.caption.setStyleSheet("font-weight: bold;")
        self.grids: dict[str, QTableWidget] = {}
        grids = QHBoxLayout()
        for side in "AB":
            grid = QTableWidget(0, 0)
            grid.setObjectName(f"grid{side}")
            grid.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
            grid.cellClicked.connect(lambda r, c, side=side: self._on_cell(side, r, c))
            box = QVBoxLayout()
            box.addWidget(QLabel(self.tr("Side {0}").format(side)))
            box.addWidget(grid)
            grids.addLayout(box)
            self.grids[side] = grid
        self.files = QListWidget()
        self.files.setObjectName("cellFiles")
        actions = QGridLayout()  # two rows, so the page fits a small screen
        for i, (text, slot) in enumerate(
            (
                (self.tr("Create locations…"), self._on_create),
                (self.tr("Move files…"), self._on_move),
                (self.tr("Print slot labels…"), self._on_labels),
                (self.tr("Print file labels of the cell…"), self._on_file_labels),
                (self.tr("Retire location…"), self._on_retire),
                (self.tr("Stocktake this shelf…"), self._on_stocktake),
                (self.tr("Move log"), self._on_log),
            )
        ):
            button = QPushButton(text)
            button.setObjectName(slot.__name__.removeprefix("_on_"))
            button.clicked.connect(slot)
            actions.addWidget(button, i // 4, i % 4)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.addLayout(actions)
        rl.addWidget(self.caption)
        rl.addLayout(grids, 3)
        rl.addWidget(QLabel(self.tr("Files in the chosen cell")))
        rl.addWidget(self.files, 1)
        split = QSplitter()
        split.addWidget(self.tree)
        split.addWidget(right)
        split.setSizes([220, 800])
        layout = QVBoxLayout(self)
        layout.addWidget(split)
        bus().watch(self, {changes.LOCATIONS, changes.FILES, changes.MOVES}, self._on_bus_changed)
        self.reload_tree()

    # ----- tree -------------------------------------------------------------------------
    def reload_tree(self) -> None:
        self.tree.clear()
        self._load_children(None, None)

    def _load_children(self, item: QTreeWidgetItem | None, code: str | None) -> None:
        def work(_c):
            from archive_desk.services import storage

            return storage.children(self.ctx, code)

        def shown(rows) -> None:
            for r in rows:
                child = QTreeWidgetItem([r.name.split("库房")[-1] if item else r.name])
                if r.retired:
                    child.setText(0, child.text(0) + self.tr(" (retired)"))
                child.setData(0, CODE, r.code)
                child.setData(0, VERSION, r.version)
                if r.code.count("-") < 2:  # down to 列; a shelf opens in the grid
                    child.setChildIndicatorPolicy(
                        QTreeWidgetItem.ChildIndicatorPolicy.ShowIndicator
                    )
                (item.addChild(child) if item else self.tree.addTopLevelItem(child))

        run_task(self, work, shown)

    def _on_tree_expanded(self, item: QTreeWidgetItem) -> None:
        if item.childCount() == 0:
            self._load_children(item, item.data(0, CODE))

    def _on_tree_current(self, item, _previous) -> None:
        if item is not None and item.data(0, CODE).count("-") == 2:
            self.show_shelf(item.data(0, CODE))

    # ----- shelf grid -------------------------------------------------------------------
    def show_shelf(self, row_code: str) -> None:
        self.current_row_code = row_code

        def work(_c):
            from archive_desk.services import storage

            return storage.occupancy(self.ctx, row_code)

        run_task(self, work, self._fill_grids)

    def _fill_grids(self, slots) -> None:
        self.slots_by_cell = defaultdict(list)
        for s in slots:
            parts = s.code.split("-")  # K01 Q01 L004 A J02 C03 G05
            self.slots_by_cell[(parts[3], int(parts[4][1:]), int(parts[5][1:]))].append(s)
        files = sum(s.files for s in slots)
        cap = sum(s.capacity for s in slots if not s.retired)
        name = slots[0].name.split("面")[0][:-1] if slots else self.current_row_code
        self.caption.setText(
            self.tr("{0}: {1} files in {2} slots (capacity {3})").format(
                name, files, len(slots), cap
            )
        )
        for side, grid in self.grids.items():
            cells = {k: v for k, v in self.slots_by_cell.items() if k[0] == side}
            sections = sorted({k[1] for k in cells})
            layers = sorted({k[2] for k in cells})
            grid.setRowCount(len(layers))
            grid.setColumnCount(len(sections))
            grid.setHorizontalHeaderLabels([self.tr("Section {0}").format(j) for j in sections])
            grid.setVerticalHeaderLabels([self.tr("Layer {0}").format(c) for c in layers])
            grid.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            for r, c_ in enumerate(layers):
                for c, j in enumerate(sections):
                    group = cells.get((side, j, c_), [])
                    n = sum(s.files for s in group)
                    capacity = sum(s.capacity for s in group if not s.retired)
                    item = QTableWidgetItem(f"{n}/{capacity}")
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                    item.setBackground(fill_colour(n, capacity))
                    grid.setItem(r, c, item)

    def _on_cell(self, side: str, row: int, col: int) -> None:
        sections = sorted({k[1] for k in self.slots_by_cell if k[0] == side})
        layers = sorted({k[2] for k in self.slots_by_cell if k[0] == side})
        if row >= len(layers) or col >= len(sections):
            return  # the shelf is still loading
        section, layer = sections[col], layers[row]
        slots = self.slots_by_cell.get((side, section, layer), [])
        if not slots:
            return
        cell = slots[0].code.rsplit("-", 1)[0] + "-"  # K01-Q01-L001-A-J01-C01-: the 节×层 cell

        def work(_c):
            from archive_desk.services import storage

            return storage.files_under(self.ctx, cell)

        def shown(result) -> None:
            self.files.clear()
            self.cell_files = [f.file_number for f in result]
            for f in result:
                self.files.addItem(f"{f.slot_code[-3:]}  {f.file_number}  {f.holder_name}")
            if self.files.count() == 0:
                self.files.addItem(self.tr("(empty)"))

        run_task(self, work, shown)

    # ----- actions ----------------------------------------------------------------------
    def _on_create(self) -> None:
        from archive_desk.ui.dialogs.locations import BulkLocationsDialog

        BulkLocationsDialog(self.ctx, self).exec()

    def _on_move(self) -> None:
        from archive_desk.ui.dialogs.moves import MoveDialog

        MoveDialog(self.ctx, self).exec()

    def _on_labels(self) -> None:
        if not self.current_row_code:
            self.caption.setText(self.tr("Choose a shelf (列) first."))
            return
        self._preview_labels(printing.SLOT_LABELS, self.current_row_code, self.tr("Slot labels"))

    def _on_file_labels(self) -> None:
        numbers = getattr(self, "cell_files", [])
        if not numbers:
            self.caption.setText(self.tr("Click a cell with files first."))
            return
        self._preview_labels(printing.FILE_LABELS, ",".join(numbers), self.tr("File labels"))

    def _preview_labels(self, kind: printing.DocumentKind, ref: str, title: str) -> None:
        out = Path(tempfile.mkdtemp()) / f"{kind.key}.pdf"

        def show(path) -> None:
            from archive_desk.ui.dialogs.pdf_preview import PdfPreviewDialog

            PdfPreviewDialog(path, title, self).exec()

        run_task(
            self,
            lambda _c: kind.make(self.ctx, ref, out),
            show,
            progress=self.tr("Preparing labels…"),
        )

    def _on_retire(self) -> None:
        item = self.tree.currentItem()
        if item is None:
            self.caption.setText(self.tr("Choose a location in the tree first."))
            return
        code, version = item.data(0, CODE), item.data(0, VERSION)
        from PySide6.QtWidgets import QMessageBox

        if (
            QMessageBox.question(
                self,
                self.tr("Retire location"),
                self.tr(
                    "Retire {0} and everything under it? Only an empty location can be retired."
                ).format(code),
            )
            != QMessageBox.StandardButton.Yes
        ):
            return

        def work(_c):
            from archive_desk.services import storage

            storage.retire_location(self.ctx, code, version)

        def failed(exc) -> None:
            from archive_desk.ui.errors import message_of

            self.caption.setText(message_of(exc))

        run_change(self, work, None, failed)

    def _on_stocktake(self) -> None:
        if not self.current_row_code:
            self.caption.setText(self.tr("Choose a shelf (列) first."))
            return
        self.sig_start_stocktake.emit(self.current_row_code)

    def _on_log(self) -> None:
        from archive_desk.ui.dialogs.move_log import MoveLogDialog

        MoveLogDialog(self.ctx, self.current_row_code, self).exec()

    def _on_bus_changed(self, changed) -> None:
        """New or retired locations rebuild the tree; any change refills the shown shelf (a file
        accepted onto it, moved, or a stocktake correction)."""
        if changed.touches({changes.LOCATIONS}):
            self.reload_tree()
        if self.current_row_code:
            self.show_shelf(self.current_row_code)
