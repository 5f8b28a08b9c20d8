"""Qt models of holder lists. The full list never holds all rows: it fetches keyset pages in the
background as the view scrolls (canFetchMore/fetchMore), so a million holders cost one page."""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from archive_desk.domain import clock
from archive_desk.ui.tasks import run_task

PAGE = 500


class _HolderColumns(QAbstractTableModel):
    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("Sex"),
            self.tr("Date of birth"),
            self.tr("ID number"),
            self.tr("Employer"),
            self.tr("File number"),
            self.tr("Status"),
        ]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 7

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):  # noqa: N802
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers()[section]
        return None


class HolderListModel(_HolderColumns):
    """All holders by id, loaded a page at a time."""

    sig_loaded = Signal(int)
    """Rows now loaded."""

    def __init__(self, ctx, parent=None):
        super().__init__(parent)
        self.ctx = ctx
        self._rows: list = []
        self._exhausted = False
        self._loading = False

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: QModelIndex | QPersistentModelIndex, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        r = self._rows[index.row()]
        values = (
            r.name,
            r.sex,
            clock.format_date(r.birth_date) if r.birth_date else "",
            r.id_number,
            r.employer,
            r.file_number or "",
            r.status,
        )
        return values[index.column()]

    def holder_id(self, row: int) -> int:
        return self._rows[row].id

    def canFetchMore(self, parent=QModelIndex()) -> bool:  # noqa: N802
        return not parent.isValid() and not self._exhausted and not self._loading

    def fetchMore(self, parent=QModelIndex()) -> None:  # noqa: N802
        if not self.canFetchMore(parent):
            return
        self._loading = True
        after = self._rows[-1].id if self._rows else 0
        generation = id(self._rows)

        def load(_control):
            from archive_desk.services import holders

            return holders.page(self.ctx, after, PAGE)

        def loaded(rows) -> None:
            self._loading = False
            if generation != id(self._rows):
                return  # reset meanwhile
            if len(rows) < PAGE:
                self._exhausted = True
            if rows:
                first = len(self._rows)
                self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
                self._rows.extend(rows)
                self.endInsertRows()
            self.sig_loaded.emit(len(self._rows))

        def failed(exc) -> None:
            self._loading = False
            self._exhausted = True
            from archive_desk.ui.errors import show_error

            show_error(None, exc)

        run_task(self, load, loaded, failed)

    def refresh(self) -> None:
        """Re-read the rows loaded so far (a status may have changed) and any new ones after
        them, in the background; the view keeps its place and selection when the loaded rows are
        still the same holders."""
        wanted = max(len(self._rows), PAGE)

        def load(_control):
            from archive_desk.services import holders

            return holders.page(self.ctx, 0, wanted)

        def loaded(rows) -> None:
            old = self._rows
            self._loading = False  # a page still loading went to the old list: it is dropped
            if [r.id for r in rows[: len(old)]] != [r.id for r in old]:
                self.beginResetModel()
                self._rows = list(rows)
                self.endResetModel()
            else:
                self._rows = list(rows[: len(old)])
                if old:
                    self.dataChanged.emit(
                        self.index(0, 0), self.index(len(old) - 1, self.columnCount() - 1)
                    )
                if len(rows) > len(old):
                    self.beginInsertRows(QModelIndex(), len(old), len(rows) - 1)
                    self._rows.extend(rows[len(old) :])
                    self.endInsertRows()
            self._exhausted = len(rows) < wanted
            self.sig_loaded.emit(len(self._rows))

        run_task(self, load, loaded, lambda exc: None)

    def reload(self) -> None:
        self.beginResetModel()
        self._rows = []
        self._exhausted = False
        self._loading = False
        self.endResetModel()
        self.fetchMore()


class SearchResultsModel(_HolderColumns):
    """The ranked hits of one search."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self._hits: list = []

    def set_hits(self, hits: list) -> None:
        self.beginResetModel()
        self._hits = list(hits)
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._hits)

    def headers(self) -> list[str]:
        return [
            self.tr("Name"),
            self.tr("ID number"),
            self.tr("File number"),
            self.tr("Status"),
            self.tr("Location"),
            "",
            "",
        ]

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role != Qt.ItemDataRole.DisplayRole or not index.isValid():
            return None
        h = self._hits[index.row()]
        return (h.name, h.id_number, h.file_number or "", h.status_label, h.location or "")[
            index.column()
        ]

    def holder_id(self, row: int) -> int:
        return self._hits[row].holder_id
