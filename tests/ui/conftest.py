"""Qt tests: an isolated settings scope per test, the Chinese translation installed, and a guard
that fails any test in which a widget was read off the GUI thread."""

import threading

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDateTimeEdit,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QTextEdit,
)

from archive_desk.ui import i18n, prefs, tasks


@pytest.fixture(autouse=True)
def isolated_settings(tmp_path, qapp):
    QSettings.setPath(QSettings.Format.NativeFormat, QSettings.Scope.UserScope, str(tmp_path))
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(tmp_path))
    qapp.setOrganizationName(prefs.ORG)
    qapp.setApplicationName(prefs.APP)
    QSettings(prefs.ORG, prefs.APP).clear()
    yield
    tasks.shutdown()


WIDGET_READS = {
    QLineEdit: ("text",),
    QComboBox: ("currentText", "currentData", "currentIndex"),
    QPlainTextEdit: ("toPlainText",),
    QTextEdit: ("toPlainText",),
    QSpinBox: ("value",),
    QAbstractButton: ("isChecked",),
    QDateTimeEdit: ("date", "dateTime"),
}


@pytest.fixture(autouse=True)
def widgets_read_on_gui_thread_only(monkeypatch):
    """Reading a widget from a worker thread is undefined behaviour in Qt (random crashes on
    real desktops): record every such read and fail the test."""
    off_thread: list[str] = []

    def guard(cls, name):
        original = getattr(cls, name)

        def read(self, *args, **kwargs):
            if threading.current_thread() is not threading.main_thread():
                off_thread.append(f"{cls.__name__}.{name}")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(cls, name, read)

    for cls, names in WIDGET_READS.items():
        for name in names:
            guard(cls, name)
    yield
    assert not off_thread, f"widgets read off the GUI thread: {sorted(set(off_thread))}"


@pytest.fixture
def zh(qapp):
    assert i18n.install(qapp, "zh_CN"), "run `make i18n` to build the .qm"
    yield
    i18n.install(qapp, "en")


def wait_tasks(qtbot, timeout=10_000):
    """Wait until every background task has delivered its result on the GUI thread."""
    qtbot.waitUntil(lambda: tasks.running() == 0, timeout=timeout)


@pytest.fixture(scope="session", autouse=True)
def orderly_qt_teardown(qapp):
    """At the end, finish background work and Qt's pending deletions while the application is
    still alive, so that no wrapper outlives its QObject into interpreter shutdown."""
    yield
    import gc

    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    tasks.shutdown()
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    QCoreApplication.processEvents()
    gc.collect()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
