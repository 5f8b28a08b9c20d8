"""The main window: a thin shell of navigation, global search, menus and status bar."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from archive_desk.config import describe
from archive_desk.domain.roles import allowed
from archive_desk.ui import prefs, tasks
from archive_desk.ui.pages.holders import HoldersPage
from archive_desk.ui.pages.home import HomePage
from archive_desk.ui.pages.intake import IntakePage
from archive_desk.ui.pages.placeholder import PlaceholderPage
from archive_desk.ui.pages.settings_page import SettingsPage
from archive_desk.ui.pages.stocktake import StocktakePage
from archive_desk.ui.pages.storeroom import StoreroomPage
from archive_desk.ui.pages.users_page import UsersPage
from archive_desk.ui.scanner import ScannerRedirect


class MainWindow(QMainWindow):
    def __init__(self, ctx):
        super().__init__()
        self.ctx = ctx
        self.setWindowTitle(self.tr("ArchiveDesk — {0}").format(ctx.actor.username))
        self.resize(1200, 780)
        self.home = HomePage(ctx)
        self.holders = HoldersPage(ctx)
        self.intake = IntakePage(ctx)
        self.storeroom = StoreroomPage(ctx)
        self.stocktake = StocktakePage(ctx)
        self.storeroom.sig_start_stocktake.connect(self._on_storeroom_start_stocktake)
        self.pages: list[tuple[str, QWidget]] = [
            (self.tr("Home"), self.home),
            (self.tr("Holders"), self.holders),
            (self.tr("Intake"), self.intake),
            (self.tr("Storeroom"), self.storeroom),
            (self.tr("Stocktake"), self.stocktake),
            (
                self.tr("Review queue"),
                PlaceholderPage(
                    self.tr("Review queue"),
                    self.tr(
                        "Applications pulled from the provincial portal will wait here for review."
                    ),
                ),
            ),
            (
                self.tr("Registers"),
                PlaceholderPage(
                    self.tr("Registers"),
                    self.tr(
                        "Intake, transfer-out, loan, certificate and agreement registers, printable and "
                        "exportable to Excel, will be here."
                    ),
                ),
            ),
            (
                self.tr("Statistics"),
                PlaceholderPage(
                    self.tr("Statistics"),
                    self.tr(
                        "Files by status, deposit type and unit, monthly flows and overdue lists will be "
                        "here."
                    ),
                ),
            ),
            (self.tr("Settings"), SettingsPage(ctx)),
        ]
        if allowed(ctx.actor.role, "user.manage"):  # a clerk never sees it
            self.pages.append((self.tr("Users"), UsersPage(ctx)))
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(150)
        self.nav.setStyleSheet(
            "QListWidget { font-size: 15px; } QListWidget::item { padding: 8px; }"
        )
        self.stack = QStackedWidget()
        for title, page in self.pages:
            self.nav.addItem(title)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self._build_search()
        self._build_menus()
        self._build_status()
        self.nav.setCurrentRow(0)
        self.scanner = ScannerRedirect(self.search_box, self)
        QApplication.instance().installEventFilter(self.scanner)
        self._restore_state()

    def _build_search(self) -> None:
        bar = QToolBar(self.tr("Search"))
        bar.setObjectName("searchBar")
        bar.setMovable(False)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("globalSearch")
        self.search_box.setClearButtonEnabled(True)
        self.search_box.setPlaceholderText(
            self.tr("Search: name, pinyin (zw), ID number or its last digits, file number, scan…")
        )
        self.search_box.setMinimumWidth(480)
        self.search_box.returnPressed.connect(self.run_search)
        bar.addWidget(QLabel(self.tr("Search ")))
        bar.addWidget(self.search_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self._action(
            file_menu, self.tr("&New holder…"), QKeySequence.StandardKey.New, self._on_new_holder
        )
        backup = self._action(file_menu, self.tr("&Back up database…"), None, self._on_backup)
        backup.setEnabled(allowed(self.ctx.actor.role, "backup"))
        file_menu.addSeparator()
        self._action(file_menu, self.tr("&Quit"), QKeySequence.StandardKey.Quit, self.close)
        go = self.menuBar().addMenu(self.tr("&Go"))
        self._action(go, self.tr("Search box"), QKeySequence("Ctrl+F"), self._focus_search)
        for i, (title, _page) in enumerate(self.pages):
            self._action(
                go,
                title,
                QKeySequence(f"Ctrl+{i + 1}") if i < 9 else None,
                lambda checked=False, i=i: self.nav.setCurrentRow(i),
            )
        account = self.menuBar().addMenu(self.tr("&Account"))
        self._action(account, self.tr("Change &password…"), None, self._on_change_password)
        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self._action(help_menu, self.tr("&About ArchiveDesk"), None, self._on_about)

    def _action(self, menu, text, shortcut, slot) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        action.triggered.connect(slot)
        menu.addAction(action)
        return action

    def _build_status(self) -> None:
        self.db_label = QLabel(describe(self.ctx.url))
        self.user_label = QLabel(
            self.tr("User: {0} ({1})").format(self.ctx.actor.username, self.ctx.actor.role_label)
        )
        self.statusBar().addWidget(self.db_label)
        self.statusBar().addPermanentWidget(self.user_label)

    # ----- actions ----------------------------------------------------------------------
    def run_search(self) -> None:
        text = self.search_box.text().strip()
        if not text:
            return
        self.nav.setCurrentRow(1)
        self.holders.search(text)
        self.search_box.selectAll()

    def _on_storeroom_start_stocktake(self, prefix: str) -> None:
        self.nav.setCurrentRow(self.stack.indexOf(self.stocktake))
        self.stocktake.start(prefix)

    def _focus_search(self) -> None:
        self.search_box.setFocus()
        self.search_box.selectAll()

    def _on_new_holder(self) -> None:
        self.nav.setCurrentRow(1)
        self.holders.new_holder()

    def _on_backup(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Back up database"), "archive-desk-backup.bak"
        )
        if not path:
            return

        def work(_control):
            from archive_desk.services import backup

            return backup.backup(self.ctx, path)

        tasks.run_task(
            self,
            work,
            lambda out: self.statusBar().showMessage(self.tr("Backed up to {0}").format(out), 8000),
            progress=self.tr("Backing up…"),
        )

    def _on_change_password(self) -> None:
        from archive_desk.ui.dialogs.password import ChangePasswordDialog

        if ChangePasswordDialog(self.ctx, self).exec():
            self.statusBar().showMessage(self.tr("Password changed."), 5000)

    def _on_about(self) -> None:
        from archive_desk import __version__

        QMessageBox.about(
            self,
            self.tr("About ArchiveDesk"),
            self.tr("ArchiveDesk {0}\nPersonnel files of floating personnel.").format(__version__),
        )

    # ----- window state -----------------------------------------------------------------
    def _restore_state(self) -> None:
        s = QSettings(prefs.ORG, prefs.APP)
        geometry = s.value(prefs.window_key(self.ctx.actor.username, "geometry"))
        state = s.value(prefs.window_key(self.ctx.actor.username, "state"))
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def closeEvent(self, event) -> None:  # noqa: N802
        s = QSettings(prefs.ORG, prefs.APP)
        s.setValue(prefs.window_key(self.ctx.actor.username, "geometry"), self.saveGeometry())
        s.setValue(prefs.window_key(self.ctx.actor.username, "state"), self.saveState())
        QApplication.instance().removeEventFilter(self.scanner)
        tasks.shutdown()
        super().closeEvent(event)
