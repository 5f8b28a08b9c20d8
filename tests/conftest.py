"""Test configuration: offscreen Qt, an isolated settings scope, and a fresh database per test on
both engines. PostgreSQL comes from $ARCHIVE_DESK_TEST_PG (default: the local server); when it is
unreachable its tests skip — except under CI=true, where they fail."""

from __future__ import annotations

import os
import shutil
import time
import uuid
from datetime import UTC, datetime

os.environ["QT_QPA_PLATFORM"] = "offscreen"  # set here, never by hand
os.environ.pop("ARCHIVE_DESK_DB", None)

import pytest  # noqa: E402
from sqlalchemy import create_engine, text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402

from archive_desk.db.base import Base  # noqa: E402
from archive_desk.db.migrate import upgrade  # noqa: E402
from archive_desk.db.session import make_engine, make_session_factory  # noqa: E402
from archive_desk.domain import clock  # noqa: E402
from archive_desk.services import users  # noqa: E402
from archive_desk.services.context import AppContext, open_database  # noqa: E402

DEFAULT_PG = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
ADMIN_PASSWORD = "Desk-Admin-2026"
USER_PASSWORD = "Clerk-Desk-2026"  # for users made by make_user
ENGINES = ["sqlite", "postgresql"]
# The test databases' server-side zone: anything but UTC or Beijing, so that a session relying on
# the server's TimeZone shows in every PostgreSQL test (the app sets UTC on its own sessions).
PG_SERVER_ZONE = "America/New_York"
BEIJING_MORNING = datetime(2026, 12, 1, 23, 30, tzinfo=UTC)  # 07:30 on 2 December in Beijing


def pg_base_url() -> str:
    return os.environ.get("ARCHIVE_DESK_TEST_PG") or DEFAULT_PG


def require_pg() -> str:
    """The base URL, or skip (fail under CI) when the server cannot be reached."""
    url = pg_base_url()
    try:
        eng = create_engine(url, connect_args={"connect_timeout": 3})
        with eng.connect() as conn:
            conn.execute(text("SELECT 1"))
        eng.dispose()
    except Exception as exc:  # noqa: BLE001
        msg = f"PostgreSQL not reachable at {make_url(url).render_as_string()}: {exc}"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)
    return url


class PgDatabases:
    """Creates throw-away databases on the test server and drops them at the end."""

    def __init__(self, base: str):
        self.base = make_url(base)
        self.admin = create_engine(base, isolation_level="AUTOCOMMIT")
        self.made: list[str] = []

    def create(self) -> str:
        name = f"archive_desk_t_{uuid.uuid4().hex[:10]}"
        with self.admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
            conn.execute(text(f"ALTER DATABASE \"{name}\" SET timezone TO '{PG_SERVER_ZONE}'"))
        self.made.append(name)
        return self.base.set(database=name).render_as_string(hide_password=False)

    def drop_all(self) -> None:
        with self.admin.connect() as conn:
            for name in self.made:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        self.admin.dispose()


def _set_process_zone(name: str | None) -> None:
    if name is None:
        os.environ.pop("TZ", None)
    else:
        os.environ["TZ"] = name
    time.tzset()
    clock.forget_zone()


@pytest.fixture
def beijing_morning():
    """The desk as the office lives it: the process in Asia/Shanghai (the office zone follows the
    system's), and the clock fixed at 07:30 Beijing time, which is 23:30 UTC the day before."""
    before = os.environ.get("TZ")
    _set_process_zone("Asia/Shanghai")
    try:
        with clock.fixed(BEIJING_MORNING):
            yield BEIJING_MORNING
    finally:
        _set_process_zone(before)


@pytest.fixture(scope="session")
def pg_databases():
    dbs = PgDatabases(require_pg())
    yield dbs
    dbs.drop_all()


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory):
    path = tmp_path_factory.mktemp("template") / "template.sqlite3"
    url = f"sqlite:///{path}"
    ctx = open_database(url)
    users.create_first_admin(ctx, "admin", ADMIN_PASSWORD, "管理员")
    ctx.engine.dispose()
    return path


@pytest.fixture(scope="session")
def pg_template(pg_databases):
    """One migrated PostgreSQL database per session; each test gets it emptied."""
    url = pg_databases.create()
    ctx = open_database(url, setup=True)  # a desk never creates a shared schema; init does
    yield ctx
    ctx.engine.dispose()


def _reset_pg(ctx: AppContext) -> None:
    tables = ", ".join(t.name for t in Base.metadata.sorted_tables)
    with ctx.engine.begin() as conn:
        # The append-only logs refuse TRUNCATE (triggers of revision 0005); tests alone empty
        # them, with this session's triggers off (replica role) for this transaction only.
        conn.execute(text("SET LOCAL session_replication_role = replica"))
        conn.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    users.create_first_admin(ctx, "admin", ADMIN_PASSWORD, "管理员")


@pytest.fixture(params=ENGINES)
def db(request, tmp_path) -> AppContext:
    """A fresh, migrated database with one admin (password ADMIN_PASSWORD); no one signed in."""
    if request.param == "sqlite":
        path = tmp_path / "archive.sqlite3"
        shutil.copy(request.getfixturevalue("sqlite_template"), path)
        url = f"sqlite:///{path}"
        engine = make_engine(url)
        ctx = AppContext(url, engine, make_session_factory(engine))
        yield ctx
        engine.dispose()
    else:
        ctx = request.getfixturevalue("pg_template")
        _reset_pg(ctx)
        yield ctx


@pytest.fixture
def admin(db) -> AppContext:
    return db.as_user(users.login(db, "admin", ADMIN_PASSWORD))


@pytest.fixture
def make_user(admin):
    """make_user(role) → a context signed in as a new user with that role."""
    made = {}

    def make(role: str) -> AppContext:
        name = f"{role}{len(made) + 1}"
        users.create_user(admin, name, USER_PASSWORD, role)
        made[name] = role
        return admin.as_user(users.login(admin, name, USER_PASSWORD))

    return make


@pytest.fixture
def fresh_url(request, tmp_path):
    """An empty (unmigrated) database URL on the engine named by the test's `engine` param."""
    engine = request.param if hasattr(request, "param") else "sqlite"
    if engine == "sqlite":
        return f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    return request.getfixturevalue("pg_databases").create()


__all__ = ["upgrade"]
