"""One app-wide channel: after any change, every page that shows the kinds of record it changed
refreshes (Anki's operation_did_execute). Changes are announced by `ui.tasks.run_change` with the
kinds the service call really committed (`services.changes`); pages `watch` the kinds they show.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal, Slot

from archive_desk.services.changes import ALL


@dataclass(frozen=True)
class Changes:
    """What one change touched: kinds of record (`services.changes`), and who made it."""

    kinds: frozenset[str]
    source: object | None = None

    def touches(self, kinds: Iterable[str]) -> bool:
        return ALL in self.kinds or not self.kinds.isdisjoint(kinds)


class Bus(QObject):
    sig_changed = Signal(object)
    """A change went through; carries its `Changes`."""

    def announce(self, kinds: Iterable[str], source: object | None = None) -> None:
        self.sig_changed.emit(Changes(frozenset(kinds), source))

    def watch(
        self, owner: QObject, kinds: Iterable[str], refresh: Callable[[Changes], None]
    ) -> None:
        """Call `refresh(changes)` whenever a change touches one of `kinds`, for as long as
        `owner` lives (the connection goes with a child object of the owner)."""
        self.sig_changed.connect(_Watcher(owner, frozenset(kinds), refresh).on_changed)


class _Watcher(QObject):
    def __init__(self, owner: QObject, kinds: frozenset[str], refresh):
        super().__init__(owner)
        self._kinds, self._refresh = kinds, refresh

    @Slot(object)
    def on_changed(self, changes: Changes) -> None:
        if changes.touches(self._kinds):
            self._refresh(changes)


_bus: Bus | None = None


def bus() -> Bus:
    global _bus
    if _bus is None:
        _bus = Bus()
    return _bus
