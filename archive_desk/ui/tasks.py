"""The one way to run work off the GUI thread (after Anki's QueryOp and Picard's run_task).

    run_task(parent, fn, on_success=…, on_failure=…, progress="正在载入…", cancellable=True)

`fn(control)` runs on a pool thread and opens its own database session through the services; it
may call `control.progress(done, total)` and check `control.cancelled`. The result or the error
comes back on the GUI thread. Every task is tracked so the window can cancel and wait on close.

    run_change(parent, fn, on_success=…, on_failure=…, kinds={…})

is the one way to run a *change* (Anki's CollectionOp): the same, and afterwards every page that
shows a kind of record the call committed is told to refresh (`ui.bus`). The kinds are read off
the transactions themselves (`services.changes`); `kinds` adds any the session cannot see (a
restore replaces the whole database: `changes.ALL`).

`fn` must not touch a widget: read every value on the GUI thread first and hand it plain values.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QRunnable, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget
from shiboken6 import isValid


class TaskCancelled(Exception):
    """Raised inside a task by `control.check()` once the user pressed Cancel."""


class TaskControl:
    def __init__(self, emitter: _Emitter):
        self._emitter = emitter
        self._cancel = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def check(self) -> None:
        if self._cancel.is_set():
            raise TaskCancelled()

    def progress(self, done: int, total: int) -> None:
        self._emitter.sig_progress.emit(done, total)


class _Emitter(QObject):
    sig_progress = Signal(int, int)
    """Work done so far and in all (total 0: unknown)."""
    sig_done = Signal(object)
    """The task's return value."""
    sig_failed = Signal(object, str)
    """The exception and its formatted traceback."""


class _Runnable(QRunnable):
    def __init__(self, fn: Callable[[TaskControl], Any], emitter: _Emitter, control: TaskControl):
        super().__init__()
        self.setAutoDelete(True)
        self._fn, self._emitter, self._control = fn, emitter, control

    def run(self) -> None:
        try:
            result = self._fn(self._control)
        except BaseException as exc:  # noqa: BLE001 - delivered to the GUI thread
            self._emitter.sig_failed.emit(exc, traceback.format_exc())
        else:
            self._emitter.sig_done.emit(result)


_running: set[_Emitter] = set()


def run_task(
    parent: QObject | None,
    fn: Callable[[TaskControl], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    progress: str | None = None,
    cancellable: bool = False,
    on_finish: Callable[[], None] | None = None,
) -> TaskControl:
    """Run `fn` in the background; call back on the GUI thread. Returns the task's control.

    `parent` owns the callbacks: once it is destroyed (a closed page) they are not called.
    `on_finish` runs on the GUI thread when the task ends in any way, even without its parent.
    """
    # Parented to the application: Python's garbage collector, which may run on a worker
    # thread, then never deletes the QObject; finish() deletes it on the GUI thread.
    emitter = _Emitter(QCoreApplication.instance())
    control = TaskControl(emitter)
    dialog = None
    if progress and isinstance(parent, QWidget):
        cancel = QCoreApplication.translate("tasks", "Cancel") if cancellable else ""
        dialog = QProgressDialog(progress, cancel, 0, 0, parent)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setMinimumDuration(400)
        if not cancellable:
            dialog.setCancelButton(None)
        dialog.canceled.connect(control.cancel)

        def show_progress(done: int, total: int) -> None:
            dialog.setMaximum(total)
            dialog.setValue(done)

        emitter.sig_progress.connect(show_progress)

    def finish() -> None:
        _running.discard(emitter)
        emitter.deleteLater()
        if dialog is not None:
            dialog.reset()
            dialog.deleteLater()
        if on_finish is not None:
            on_finish()

    def gone() -> bool:
        return parent is not None and not isValid(parent)

    def done(result: Any) -> None:
        finish()
        if gone():
            return
        if on_success:
            on_success(result)

    def failed(exc: BaseException, tb: str) -> None:
        finish()
        if isinstance(exc, TaskCancelled) or gone():
            return
        if on_failure:
            on_failure(exc)
        else:
            from archive_desk.ui.errors import show_error

            show_error(parent if isinstance(parent, QWidget) else None, exc, tb)

    emitter.sig_done.connect(done, Qt.ConnectionType.QueuedConnection)
    emitter.sig_failed.connect(failed, Qt.ConnectionType.QueuedConnection)
    emitter._control = control  # keep alive with the emitter
    _running.add(emitter)
    QThreadPool.globalInstance().start(_Runnable(fn, emitter, control))
    return control


def run_change(
    parent: QObject | None,
    fn: Callable[[TaskControl], Any],
    on_success: Callable[[Any], None] | None = None,
    on_failure: Callable[[BaseException], None] | None = None,
    *,
    kinds: Iterable[str] = (),
    progress: str | None = None,
    cancellable: bool = False,
) -> TaskControl:
    """Run a change in the background like `run_task`; when it ends, announce on the bus the
    kinds of record it committed (plus `kinds`) before the callbacks run — also after a failure
    or a cancel, for whatever was committed before it."""
    from archive_desk.services import changes
    from archive_desk.ui.bus import bus

    committed: set[str] = set()  # filled on the worker, read on the GUI thread after it ended

    def op(control: TaskControl) -> Any:
        with changes.recording(committed):
            return fn(control)

    def announce() -> None:
        changed = committed | set(kinds)
        if changed:
            bus().announce(changed, parent)

    return run_task(parent, op, on_success, on_failure, progress, cancellable, on_finish=announce)


def running() -> int:
    return len(_running)


def shutdown(timeout_ms: int = 30_000) -> bool:
    """Cancel every task and wait for the pool; True when all finished in time."""
    for emitter in list(_running):
        emitter._control.cancel()
    return QThreadPool.globalInstance().waitForDone(timeout_ms)
