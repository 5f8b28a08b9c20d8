"""Opening the database: what may change on the way in, and one Chinese sentence for what stops it.

- The embedded SQLite file is this desk's own: opening it creates or upgrades the schema (after
  copying the file aside), one process at a time.
- A shared PostgreSQL database is never changed by merely opening it. An empty one is set up by
  `archive-desk init` (`setup=True`: creating a schema is setting up, not upgrading); an older one
  is upgraded on purpose by the administrator with `archive-desk upgrade-db`.
- A database upgraded by a newer build is refused before anything is written, and so is whatever
  is not a usable database (a file that is not SQLite, a folder that does not exist, a server
  that cannot be reached or refuses the user). `DatabaseUnavailable` carries the sentence; the
  CLI prints it and exits with DB_UNAVAILABLE, the sign-in dialog shows it as it is.
"""

from __future__ import annotations

import json
import sqlite3
import time
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, insert, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import (
    ArgumentError,
    DBAPIError,
    InterfaceError,
    NoSuchModuleError,
    OperationalError,
)

from archive_desk import __version__
from archive_desk.db import migrate
from archive_desk.db.base import utcnow
from archive_desk.db.models import AuditEntry
from archive_desk.db.session import make_engine, make_session_factory
from archive_desk.services.context import SYSTEM, Actor, AppContext
from archive_desk.services.errors import DatabaseUnavailable

UPGRADE_ACTION = "database.upgrade"
PG_CONNECT_TIMEOUT_S = 10
BUSY_RETRIES = 20
BUSY_PAUSE_S = 0.5


def shown_url(url: str) -> str:
    """The URL as a user may see it: the password replaced by ***."""
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def open_database(url: str, *, setup: bool = False) -> AppContext:
    """Connect; on SQLite bring the schema to head, on PostgreSQL check it is at head.

    `setup=True` (for `init`) also creates the schema in an empty PostgreSQL database.
    Raises DatabaseUnavailable when this build cannot use the database; nothing is written then.
    A brand-new SQLite file being created by several processes at once can answer "database is
    locked" before any busy wait applies (while it turns to WAL): such an attempt wrote nothing
    and is simply tried again, for up to BUSY_RETRIES × BUSY_PAUSE_S.
    """
    for attempt in range(BUSY_RETRIES):
        try:
            return _open_once(url, setup)
        except DatabaseUnavailable as exc:
            if not getattr(exc, "busy", False) or attempt == BUSY_RETRIES - 1:
                raise
            time.sleep(BUSY_PAUSE_S)
    raise AssertionError("unreachable")


def _open_once(url: str, setup: bool) -> AppContext:
    with unavailable_on_failure(url):
        engine = engine_for(url)
        try:
            if engine.dialect.name == "sqlite":
                migrate.run_upgrade(engine, url, on_changed=audit_schema_change(SYSTEM))
            elif setup:
                migrate.run_upgrade(
                    engine, url, existing=False, on_changed=audit_schema_change(SYSTEM)
                )
            else:
                migrate.check(engine)
        except BaseException as exc:
            if isinstance(exc, migrate.SchemaNewer):
                exc.upgraded_by = upgraded_by(engine)
            engine.dispose()
            raise
        return AppContext(url, engine, make_session_factory(engine))


@contextmanager
def unavailable_on_failure(url: str):
    """Turn what keeps the database from being used into DatabaseUnavailable (one sentence)."""
    try:
        yield
    except DatabaseUnavailable:
        raise
    except migrate.SchemaError as exc:
        raise DatabaseUnavailable(_unopenable(url, schema_problem(exc))) from None
    except (OperationalError, InterfaceError, sqlite3.Error, OSError) as exc:
        refusal = DatabaseUnavailable(_unopenable(url, connect_problem(url, exc)))
        refusal.busy = "database is locked" in str(exc)
        raise refusal from None
    except DBAPIError as exc:
        if "not a database" not in str(exc):
            raise  # not about reaching the database: a program error, reported as a crash
        raise DatabaseUnavailable(_unopenable(url, connect_problem(url, exc))) from None


def _unopenable(url: str, problem: str) -> str:
    return f"无法打开数据库 {shown_url(url)}：{problem}"


def engine_for(url: str, *, must_exist: bool = False) -> Engine:
    """An engine on a database that is there and reachable; nothing is written to it here.

    `must_exist`: a missing SQLite file is SchemaMissing instead of a new, empty database."""
    try:
        u = make_url(url)
        backend = u.get_backend_name()
    except ArgumentError:
        raise DatabaseUnavailable(
            _unopenable(
                url, "这不是有效的数据库地址（应为 sqlite:///文件路径 或 postgresql+psycopg://…）"
            )
        ) from None
    if backend not in ("sqlite", "postgresql"):
        raise DatabaseUnavailable(
            _unopenable(url, f"不支持 {backend} 数据库，只支持 SQLite 与 PostgreSQL")
        )
    sqlite = backend == "sqlite"
    if sqlite:
        _look_before_touching(url, must_exist)
    try:
        engine = make_engine(url, **({} if sqlite else _pg_connect_args()))
    except NoSuchModuleError:
        raise DatabaseUnavailable(_unopenable(url, "缺少该数据库的驱动程序")) from None
    if not sqlite:
        try:
            engine.connect().close()  # reach the server now, so its refusal is named here
        except BaseException:
            engine.dispose()
            raise
    return engine


def _pg_connect_args() -> dict:
    return {"connect_args": {"connect_timeout": PG_CONNECT_TIMEOUT_S}}


def _look_before_touching(url: str, must_exist: bool) -> None:
    """Read an existing SQLite file read-only first: a foreign or too new file is refused before
    the engine's pragmas (or anything else) could write to it."""
    path = migrate.sqlite_file(url)
    if path is None:
        return
    if path.is_dir():
        raise DatabaseUnavailable(_unopenable(url, "该路径是一个文件夹，不是数据库文件"))
    if not path.parent.is_dir():
        raise DatabaseUnavailable(_unopenable(url, f"文件夹 {path.parent} 不存在"))
    if not path.exists():
        if must_exist:
            raise migrate.SchemaMissing(None, migrate.head_revision())
        return  # a new database: created next
    uri = path.resolve().as_uri() + "?mode=ro"
    ro = create_engine("sqlite://", creator=lambda: sqlite3.connect(uri, uri=True))
    try:
        with ro.connect() as conn:
            try:
                conn.exec_driver_sql("SELECT count(*) FROM sqlite_master").scalar()
            except DBAPIError as exc:
                if isinstance(exc.orig, sqlite3.DatabaseError) and "not a database" in str(exc):
                    raise DatabaseUnavailable(
                        _unopenable(url, "该文件不是 SQLite 数据库")
                    ) from None
                raise
            try:
                migrate.classify(conn)
            except migrate.SchemaNewer as exc:
                exc.upgraded_by = _upgraded_by(conn)
                raise
    finally:
        ro.dispose()


def schema_problem(exc: migrate.SchemaError) -> str:
    if isinstance(exc, migrate.SchemaNewer):
        by = f"，由档案工作台 {exc.upgraded_by} 升级" if exc.upgraded_by else ""
        return (
            f"它已被较新版本的档案工作台升级（数据库结构版本 {exc.current}{by}；"
            f"本机程序 {__version__} 只认识到结构版本 {exc.head}），本机程序须先更新到新版本"
        )
    if isinstance(exc, migrate.SchemaOlder):
        return (
            f"数据库结构版本 {exc.current} 比本机程序（{__version__}，结构版本 {exc.head}）旧，"
            "须先升级数据库：请联系管理员备份后运行 archive-desk upgrade-db"
        )
    if isinstance(exc, migrate.SchemaMissing):
        return (
            "数据库是空的，尚未建立：请管理员先运行 archive-desk init --admin 用户名 "
            "--password-stdin 建立数据库和初始管理员"
        )
    if isinstance(exc, migrate.NotOurDatabase):
        names = "、".join(exc.tables[:5])
        return f"这不是档案工作台的数据库（其中已有别的表：{names}）"
    return str(exc)


def connect_problem(url: str, exc: BaseException) -> str:
    """What went wrong reaching the database, from the driver's (English) message."""
    raw = str(getattr(exc, "orig", None) or exc)
    low = raw.lower()
    try:
        u = make_url(url)
    except ArgumentError:
        u = None
    host = f"{(u and u.host) or 'localhost'}"
    where = f"{host}:{(u and u.port) or 5432}"
    user = (u and u.username) or ""
    dbname = (u and u.database) or ""
    if "not a database" in low:
        return "该文件不是 SQLite 数据库"
    if "database is locked" in low:
        return "数据库正被其他程序占用（可能正在升级），请稍后再试"
    if "unable to open database file" in low or "disk i/o error" in low:
        return "无法读写该数据库文件（路径不存在或没有权限）"
    if "readonly database" in low or "read-only" in low:
        return "该数据库文件是只读的，无法写入"
    if "failed to resolve host" in low or "could not translate host name" in low:
        return f"找不到数据库服务器 {host}（主机名无法解析）"
    if "connection refused" in low:
        return f"连接不上数据库服务器 {where}（服务器未运行、端口不对或被防火墙拦截）"
    if "timeout" in low or "timed out" in low:
        return f"连接数据库服务器 {where} 超时"
    if "password authentication failed" in low or "no password supplied" in low:
        return f"用户 {user} 的密码不对"
    if "role" in low and "does not exist" in low:
        return f"数据库服务器上没有用户 {user}"
    if "database" in low and "does not exist" in low:
        return f"数据库服务器上没有名为 {dbname} 的数据库"
    if "permission denied" in low or "pg_hba.conf" in low:
        return f"用户 {user} 无权连接该数据库"
    first = raw.strip().splitlines()[0] if raw.strip() else type(exc).__name__
    return f"连接失败（{first[:200]}）"


def upgraded_by(engine) -> str | None:
    try:
        with engine.connect() as conn:
            return _upgraded_by(conn)
    except Exception:  # noqa: BLE001 - only a nicer message depends on it
        return None


def _upgraded_by(conn: Connection) -> str | None:
    """The program version that last changed the schema, as its audit entry recorded it."""
    try:
        detail = conn.execute(
            text("SELECT detail FROM audit_entries WHERE action = :a ORDER BY id DESC LIMIT 1"),
            {"a": UPGRADE_ACTION},
        ).scalar()
    except Exception:  # noqa: BLE001 - a newer schema may not look like ours
        return None
    if isinstance(detail, str):
        try:
            detail = json.loads(detail)
        except ValueError:
            return None
    return detail.get("program") if isinstance(detail, dict) else None


def audit_schema_change(actor: Actor):
    """An `on_changed` for migrate.run_upgrade: the change is audited in its own transaction,
    with the program version, so an older desk can later say which version upgraded it."""

    def on_changed(conn: Connection, outcome: migrate.Outcome) -> None:
        conn.execute(
            insert(AuditEntry).values(
                at=utcnow(),
                user_id=actor.user_id,
                username=actor.username,
                action=UPGRADE_ACTION,
                entity="database",
                entity_id=None,
                detail={
                    "from": outcome.before,
                    "to": outcome.after,
                    "program": __version__,
                    "backup": Path(outcome.backup).name if outcome.backup else None,
                },
            )
        )

    return on_changed
