"""Engines and sessions. SQLite gets WAL, foreign keys and a busy timeout on every connection."""

from __future__ import annotations

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA busy_timeout=10000")
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA cache_size=-32768")  # 32 MiB: keeps the search indexes' hot pages
    cur.execute("PRAGMA mmap_size=268435456")
    cur.close()


WRITE = {"archive_desk_write": True}
"""Execution options of a connection whose transaction will write (a service's unit of work)."""


def _sqlite_begin(conn) -> None:
    # A deferred transaction that reads and then writes fails at once ("database is locked")
    # when another connection wrote in between, whatever the busy timeout; every service call
    # writes (its change, or the audit entry of what it read), so its unit of work takes the
    # write lock at BEGIN, waiting its turn. Other connections (raw reads) stay deferred.
    immediate = conn.get_execution_options().get("archive_desk_write")
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


def make_engine(url: str, **kw) -> Engine:
    if url.startswith("sqlite"):
        engine = create_engine(url, **kw)
        event.listen(engine, "connect", _sqlite_pragmas)
        # Let SQLAlchemy, not pysqlite, begin transactions, so "BEGIN IMMEDIATE" works for writers.
        event.listen(engine, "connect", lambda c, _r: setattr(c, "isolation_level", None))
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # Every session in UTC, whatever the server's TimeZone: timestamptz values come back as UTC
    # instants and SQL date arithmetic on the server is the same from every desk.
    connect_args = dict(kw.pop("connect_args", {}))
    connect_args["options"] = f"{connect_args.get('options', '')} -c TimeZone=UTC".strip()
    # No pre-ping: it costs a round trip per unit of work; recycle idle connections instead.
    return create_engine(url, pool_recycle=1800, connect_args=connect_args, **kw)


def make_session_factory(engine: Engine) -> sessionmaker[Session]:
    return sessionmaker(engine, expire_on_commit=False)


def is_sqlite(engine: Engine) -> bool:
    return engine.dialect.name == "sqlite"
