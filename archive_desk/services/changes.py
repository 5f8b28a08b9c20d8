"""Which kinds of record a service call changed, read off what its transactions committed.

A page that shows holders, files or locations must refresh after any change to them, wherever
it was made. Hand-typed topics ("intake", "locations") drift from what a call really changed —
accepting a file changed the holder list's status column and the storeroom grid, and neither
heard of it. So the kinds come from the session itself: every row flushed, and every bulk
INSERT/UPDATE/DELETE executed, is noted by table; on commit the notes go to the recorder of the
calling thread (`recording()`, used by `ui.tasks.run_change`); a rollback drops them. Outside a
recorder (the CLI, tests calling services) nothing is noted.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import chain

from sqlalchemy import event
from sqlalchemy.orm import Session

HOLDERS = "holders"
FILES = "files"
LOCATIONS = "locations"
MOVES = "moves"
LETTERS = "letters"
ARRIVALS = "arrivals"
NOTICES = "notices"
STOCKTAKES = "stocktakes"
UNITS = "units"
SETTINGS = "settings"
USERS = "users"
ALL = "*"
"""Everything may have changed (a restore): every page refreshes."""

KIND_OF_TABLE = {
    "holders": HOLDERS,
    "holder_name_grams": HOLDERS,
    "holder_relations": HOLDERS,
    "holder_education": HOLDERS,
    "holder_work": HOLDERS,
    "files": FILES,
    "file_custodians": FILES,
    "storage_locations": LOCATIONS,
    "file_moves": MOVES,
    "transfer_letters": LETTERS,
    "arrivals": ARRIVALS,
    "missing_notices": NOTICES,
    "stocktakes": STOCKTAKES,
    "stocktake_scans": STOCKTAKES,
    "units": UNITS,
    "settings": SETTINGS,
    "name_readings": SETTINGS,
    "users": USERS,
}
"""Tables not listed (events, audit_entries, number_sequences) are bookkeeping no page lists."""

_PENDING = "archive_desk.changed_kinds"
_recorder: ContextVar[set[str] | None] = ContextVar("archive_desk_changes", default=None)


@contextmanager
def recording(into: set[str] | None = None) -> Iterator[set[str]]:
    """Collect the kinds of record committed in this thread while the block runs."""
    kinds = set() if into is None else into
    token = _recorder.set(kinds)
    try:
        yield kinds
    finally:
        _recorder.reset(token)


def _note(session: Session, tables: Iterable[str | None]) -> None:
    if _recorder.get() is None:
        return
    kinds = {KIND_OF_TABLE[t] for t in tables if t in KIND_OF_TABLE}
    if kinds:
        session.info.setdefault(_PENDING, set()).update(kinds)


@event.listens_for(Session, "after_flush")
def _after_flush(session: Session, _flush_context) -> None:
    touched = chain(
        session.new, session.deleted, (o for o in session.dirty if session.is_modified(o))
    )
    _note(session, (getattr(getattr(o, "__table__", None), "name", None) for o in touched))


@event.listens_for(Session, "do_orm_execute")
def _on_execute(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        _note(state.session, [getattr(table, "name", None)])


@event.listens_for(Session, "after_commit")
def _after_commit(session: Session) -> None:
    pending = session.info.pop(_PENDING, None)
    recorder = _recorder.get()
    if pending and recorder is not None:
        recorder.update(pending)


@event.listens_for(Session, "after_rollback")
def _after_rollback(session: Session) -> None:
    session.info.pop(_PENDING, None)
