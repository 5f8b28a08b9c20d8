"""Clicking as a user does: buttons, table cells, and the OK of a modal dialog once it shows."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QTableWidget, QWidget


def click(qtbot, button: QWidget) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def click_cell(qtbot, table: QTableWidget, row: int, column: int) -> None:
    item = table.item(row, column)
    assert item is not None, f"no cell ({row}, {column}) to click"
    rect = table.visualItemRect(item)
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def click_ok_when_shown(qtbot, dialog_class, fill=lambda dialog: None) -> QTimer:
    """Once a modal `dialog_class` is up (its exec() runs a loop of its own), fill it in and click
    its OK button. Call before the click that opens the dialog."""
    timer = QTimer(QApplication.instance())  # kept alive by its parent until it fires
    polls = iter(range(500))  # give up after 10 s: the dialog never came

    def poll() -> None:
        dialog = QApplication.activeModalWidget()
        if next(polls, None) is None:
            timer.stop()
            timer.deleteLater()
        elif isinstance(dialog, dialog_class) and dialog.isVisible():
            timer.stop()
            timer.deleteLater()
            fill(dialog)
            click(qtbot, dialog.buttons.button(QDialogButtonBox.StandardButton.Ok))

    timer.timeout.connect(poll)
    timer.start(20)
    return timer
