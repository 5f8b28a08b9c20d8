"""The background helper: results and errors arrive on the GUI thread; cancel stops the work."""

import threading
import time

import pytest
from PySide6.QtWidgets import QWidget

from archive_desk.ui import tasks
from tests.ui.conftest import wait_tasks


def test_result_arrives_on_the_gui_thread(qtbot):
    got = {}

    def work(control):
        control.progress(1, 2)
        return threading.get_ident()

    def done(worker_thread):
        got["worker"], got["callback"] = worker_thread, threading.get_ident()

    tasks.run_task(None, work, done)
    wait_tasks(qtbot)
    assert got["worker"] != got["callback"] == threading.main_thread().ident


def test_error_goes_to_the_failure_callback(qtbot):
    errors = []
    tasks.run_task(None, lambda c: 1 / 0, lambda r: None, errors.append)
    wait_tasks(qtbot)
    assert isinstance(errors[0], ZeroDivisionError)


def test_cancel_stops_a_long_task_without_calling_back(qtbot):
    called = []

    def long(control):
        for _ in range(500):
            control.check()
            time.sleep(0.01)
        return "finished"

    control = tasks.run_task(None, long, called.append, called.append)
    control.cancel()
    wait_tasks(qtbot)
    assert called == []


def test_callbacks_of_a_closed_page_are_dropped(qtbot):
    page = QWidget()
    called = []
    tasks.run_task(page, lambda c: time.sleep(0.1) or 1, called.append)
    page.deleteLater()
    qtbot.waitUntil(lambda: tasks.running() == 0)
    assert called == []


@pytest.fixture
def seen():
    """Every change announced on the bus during the test."""
    from archive_desk.ui.bus import bus

    announced = []
    bus().sig_changed.connect(announced.append)
    yield announced
    bus().sig_changed.disconnect(announced.append)


def test_a_change_announces_the_kinds_of_record_it_committed(qtbot, admin, seen):
    from archive_desk.domain.holder import HolderData
    from archive_desk.services import holders, intake

    page = QWidget()
    h = []
    tasks.run_change(
        page,
        lambda c: holders.create(admin, HolderData(name="宋青书", id_number="110105194912310038")),
        h.append,
    )
    wait_tasks(qtbot)
    assert seen[-1].kinds == {"holders"} and seen[-1].source is page
    tasks.run_change(None, lambda c: intake.issue_letter(admin, h[0].id, "原单位"))
    wait_tasks(qtbot)
    assert seen[-1].kinds == {"letters", "files"}  # a file record opened, awaiting arrival


def test_a_refused_change_announces_nothing_and_kinds_can_be_added(qtbot, admin, seen):
    from archive_desk.services import intake

    errors = []
    tasks.run_change(
        None, lambda c: intake.cancel_letter(admin, "无此函", "错开"), None, errors.append
    )
    wait_tasks(qtbot)
    assert errors and seen == []  # nothing was committed
    tasks.run_change(None, lambda c: None, kinds={"*"})
    wait_tasks(qtbot)
    assert seen[-1].touches({"locations"})  # e.g. a restore: every page refreshes
