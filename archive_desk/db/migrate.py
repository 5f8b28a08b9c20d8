"""Alembic owns the schema; this module decides when it may change, and lets one desk at a time.

Several desks may open the same database at the same moment (a Monday morning after an update).
Every change of schema therefore runs under a lock taken *before* the current revision is read:
on PostgreSQL a transaction-level advisory lock, on SQLite a write transaction begun IMMEDIATE
with a long busy wait. A desk that waited reads the revision again and usually finds nothing to
do. Reading the revision never writes, so a database this build cannot use is left untouched:
- a revision this build does not know → `SchemaNewer` (a newer program upgraded it);
- an older revision where upgrading is not allowed here → `SchemaOlder`;
- no schema at all where creating it is not allowed here → `SchemaMissing`;
- tables but no revision → `NotOurDatabase`.
Before upgrading an existing SQLite file we copy it aside.
"""

from __future__ import annotations

import functools
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, create_engine, event, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.pool import NullPool

from archive_desk import paths
from archive_desk.domain import clock

# Objects that live beside the models on purpose: none at present.
UNMODELLED_PREFIXES: tuple[str, ...] = ()

# pg_advisory_xact_lock key for schema changes ("ArchiveD" in ASCII; any fixed bigint would do).
SCHEMA_LOCK_KEY = 0x4172636869766544
SQLITE_LOCK_WAIT_S = 300  # a waiting desk waits this long for another desk's upgrade


class SchemaError(Exception):
    """The database's schema does not fit this build; nothing was written."""

    def __init__(self, current: str | None, head: str, tables: tuple[str, ...] = ()):
        super().__init__(f"database at {current or 'no revision'}, this build at {head}")
        self.current = current
        self.head = head
        self.tables = tables
        self.upgraded_by: str | None = None  # the program version that did it, when known


class SchemaNewer(SchemaError):
    """The revision is unknown here: a newer build upgraded the database."""


class SchemaOlder(SchemaError):
    """The database is behind this build and may not be upgraded by merely opening it."""


class SchemaMissing(SchemaError):
    """The database is empty and may not be set up here."""


class NotOurDatabase(SchemaError):
    """The database holds tables but no Alembic revision: it belongs to something else."""


@dataclass(frozen=True)
class Step:
    revision: str
    title: str


@dataclass
class Outcome:
    """What an upgrade did: nothing (`steps` empty: already at head, maybe after waiting)."""

    before: str | None
    after: str
    steps: list[Step] = field(default_factory=list)
    backup: Path | None = None


def alembic_config(url: str | None = None) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(paths.migrations_dir()))
    if url:
        cfg.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return cfg


@functools.cache
def _script() -> ScriptDirectory:
    """Loaded once: reading the revision files costs ~10 ms a time, and they do not change."""
    return ScriptDirectory.from_config(alembic_config())


def head_revision() -> str:
    return _script().get_current_head()


def known(revision: str | None) -> bool:
    if revision is None:
        return True
    try:
        return _script().get_revision(revision) is not None
    except Exception:  # noqa: BLE001 - alembic raises several kinds for an unknown id
        return False


def pending_steps(current: str | None) -> list[Step]:
    """The revisions an upgrade from `current` to head applies, oldest first."""
    script = _script()
    revs = script.iterate_revisions("heads", current or "base")
    return [Step(r.revision, (r.doc or "").strip()) for r in reversed(list(revs))]


def revision_of(conn: Connection) -> str | None:
    return MigrationContext.configure(conn).get_current_revision()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return revision_of(conn)


def _foreign_tables(conn: Connection) -> tuple[str, ...]:
    return tuple(t for t in inspect(conn).get_table_names() if t != "alembic_version")


def classify(conn: Connection) -> str | None:
    """The revision if this build can work with it (head or older); else a SchemaError.

    The tables are read before the revision: outside a transaction another desk may commit the
    schema between the two reads, and in this order that desk's tables are never seen without
    its revision (which would look like someone else's database)."""
    tables = _foreign_tables(conn)
    current = revision_of(conn)
    head = head_revision()
    if not known(current):
        raise SchemaNewer(current, head)
    if current is None and tables:
        raise NotOurDatabase(None, head, tables)
    return current


def check(engine: Engine) -> None:
    """Raise the SchemaError that keeps this build from using the database as it is."""
    with engine.connect() as conn:
        current = classify(conn)
    head = head_revision()
    if current is None:
        raise SchemaMissing(None, head)
    if current != head:
        raise SchemaOlder(current, head)


def sqlite_file(url: str) -> Path | None:
    u = make_url(url)
    if u.get_backend_name() == "sqlite" and u.database and u.database != ":memory:":
        return Path(u.database)
    return None


def backup_sqlite_file(path: Path, label: str) -> Path:
    """Copy a live SQLite file with the online backup API (safe while WAL is in use)."""
    stamp = clock.file_stamp()
    target = path.with_name(f"{path.stem}.{label}-{stamp}{path.suffix}")
    n = 1
    while target.exists():  # two upgrades in the same second must not share a copy
        n += 1
        target = path.with_name(f"{path.stem}.{label}-{stamp}-{n}{path.suffix}")
    copy_sqlite(path, target)
    return target


def copy_sqlite(path: Path, target: Path) -> None:
    """The online backup API (consistent while other desks write), into one standalone file."""
    src = sqlite3.connect(path)
    dst = sqlite3.connect(target)
    with dst:
        src.backup(dst)
    dst.execute("PRAGMA journal_mode=DELETE")  # no -wal/-shm beside the copy when it is read
    src.close()
    dst.close()


def _sqlite_upgrade_engine(url: str) -> Engine:
    """A private engine whose transactions begin IMMEDIATE: the write lock comes first, with a
    busy wait, so the revision read next cannot be overtaken. Foreign keys are off while tables
    are rebuilt (SQLite's own advice for schema changes); they are checked before commit."""
    engine = create_engine(url, poolclass=NullPool, connect_args={"timeout": SQLITE_LOCK_WAIT_S})

    @event.listens_for(engine, "connect")
    def _connect(dbapi_conn, _record) -> None:
        dbapi_conn.isolation_level = None
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=OFF")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_LOCK_WAIT_S * 1000}")
        cur.close()

    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


BackupFn = Callable[[str | None], Path | None]
"""Called under the lock with the current revision, before anything changes; returns the copy."""
ChangedFn = Callable[[Connection, Outcome], None]
"""Called in the upgrade's own transaction after the schema reached head (e.g. to audit it)."""


def run_upgrade(
    engine: Engine,
    url: str,
    *,
    existing: bool = True,
    backup: BackupFn | None = None,
    on_changed: ChangedFn | None = None,
) -> Outcome:
    """Bring the database to head under the schema lock.

    `existing=False` only sets up an empty database and refuses an older one (SchemaOlder).
    `backup` defaults to copying an existing SQLite file beside itself.
    """
    sqlite = engine.dialect.name == "sqlite"
    if backup is None:
        path = sqlite_file(url) if sqlite else None

        def backup(current: str | None) -> Path | None:
            if path and path.exists() and current is not None:
                return backup_sqlite_file(path, f"before-{head_revision()}")
            return None

    with engine.connect() as conn:  # fast path: nothing to do needs no lock
        current = classify(conn)
    head = head_revision()
    if current == head:
        return Outcome(current, head)
    if current is not None and not existing:
        raise SchemaOlder(current, head)

    lock_engine = _sqlite_upgrade_engine(url) if sqlite else engine
    try:
        with lock_engine.begin() as conn:
            if not sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": SCHEMA_LOCK_KEY})
            current = classify(conn)  # again: another desk may have done it while we waited
            if current == head:
                return Outcome(current, head)
            if current is not None and not existing:
                raise SchemaOlder(current, head)
            outcome = Outcome(current, head, pending_steps(current))
            outcome.backup = backup(current)
            cfg = alembic_config(url)
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
            if sqlite:
                broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                if broken:
                    raise RuntimeError(f"upgrade left broken references: {broken[:5]}")
            if on_changed:
                on_changed(conn, outcome)
            return outcome
    finally:
        if lock_engine is not engine:
            lock_engine.dispose()


def upgrade(engine: Engine, url: str) -> Path | None:
    """Bring the database to head; back up an existing SQLite file first. Returns the backup."""
    return run_upgrade(engine, url).backup


def upgrade_to(engine: Engine, url: str, revision: str) -> None:
    """One step at a time, for tests and tools: no lock, no copy, no audit entry."""
    _step(engine, url, command.upgrade, revision)


def downgrade(engine: Engine, url: str, revision: str) -> None:
    _step(engine, url, command.downgrade, revision)


def _step(engine: Engine, url: str, run, revision: str) -> None:
    sqlite = engine.dialect.name == "sqlite"
    step_engine = _sqlite_upgrade_engine(url) if sqlite else engine  # as run_upgrade does
    cfg = alembic_config(url)
    try:
        with step_engine.begin() as conn:
            cfg.attributes["connection"] = conn
            run(cfg, revision)
    finally:
        if step_engine is not engine:
            step_engine.dispose()


def include_name(name, type_, parent_names) -> bool:
    """Leave the engine-specific search objects out of autogenerate comparisons."""
    return not (name and UNMODELLED_PREFIXES and name.startswith(UNMODELLED_PREFIXES))


if (
    __name__ == "__main__"
):  # python -m archive_desk.db.migrate "message": new autogenerated revision
    import sys

    from archive_desk.config import resolve_db_url

    cfg = alembic_config(resolve_db_url())
    command.revision(cfg, message=sys.argv[1], autogenerate=True)
