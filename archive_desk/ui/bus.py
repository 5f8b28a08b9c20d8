"""One app-wide channel: after any change, pages that show the data refresh (like Anki's
operation_did_execute)."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal


class Bus(QObject):
    sig_data_changed = Signal(str)
    """Something of this kind changed ("holders", "settings", …)."""


_bus: Bus | None = None


def bus() -> Bus:
    global _bus
    if _bus is None:
        _bus = Bus()
    return _bus
