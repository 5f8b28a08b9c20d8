"""A Monday morning after an update: six desks (six OS processes) start on one database at the
same moment. Schema changes run one desk at a time; the others find nothing left to do, or —
where they may not change the schema — refuse cleanly and change nothing."""

import json
import sqlite3

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import inspect, text

from archive_desk.db.migrate import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
)
from archive_desk.db.session import make_engine
from archive_desk.services import users
from archive_desk.services.context import open_database
from tests.conftest import ADMIN_PASSWORD
from tests.db.at_once import at_once

ENGINES = ["sqlite", "postgresql"]
DESKS = 6


def _parent_of_head() -> str:
    return ScriptDirectory.from_config(alembic_config()).get_revision(head_revision()).down_revision


def _older_database(url: str) -> str:
    """A set-up database (with its administrator) brought back one revision."""
    ctx = open_database(url, setup=True)
    users.create_first_admin(ctx, "admin", ADMIN_PASSWORD)
    ctx.engine.dispose()
    engine = make_engine(url)
    parent = _parent_of_head()
    downgrade(engine, url, parent)
    engine.dispose()
    return parent


def _upgrade_entries(url: str) -> list[dict]:
    engine = make_engine(url)
    with engine.connect() as conn:
        rows = conn.execute(
            text(
                "SELECT username, detail FROM audit_entries "
                "WHERE action = 'database.upgrade' ORDER BY id"
            )
        ).all()
    engine.dispose()
    return [{"username": u, **(json.loads(d) if isinstance(d, str) else d)} for u, d in rows]


def _fingerprint(url: str):
    """What a desk could have changed: revision, tables, and every row count."""
    engine = make_engine(url)
    with engine.connect() as conn:
        tables = sorted(inspect(conn).get_table_names())
        counts = {t: conn.execute(text(f'SELECT count(*) FROM "{t}"')).scalar() for t in tables}
    rev = current_revision(engine)
    engine.dispose()
    return rev, counts


def test_six_desks_open_a_new_sqlite_file_at_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    results = at_once("open", [(url,)] * DESKS)
    assert results == [("ok", "")] * DESKS
    engine = make_engine(url)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    done = _upgrade_entries(url)
    assert [(d["from"], d["to"]) for d in done] == [(None, head_revision())]  # one did the work
    assert list(tmp_path.glob("new.before-*")) == []  # a new file has nothing to back up


def test_six_desks_open_an_older_sqlite_file_at_once(tmp_path):
    url = f"sqlite:///{tmp_path / 'office.sqlite3'}"
    parent = _older_database(url)
    results = at_once("open", [(url,)] * DESKS)
    assert results == [("ok", "")] * DESKS
    engine = make_engine(url)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    done = [(d["from"], d["to"]) for d in _upgrade_entries(url)]
    assert done == [(None, head_revision()), (parent, head_revision())]
    copies = list(tmp_path.glob("office.before-*.sqlite3"))
    assert len(copies) == 1  # the desks that waited found nothing to do
    con = sqlite3.connect(copies[0])
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == (parent,)
    assert con.execute("SELECT username FROM users").fetchall() == [("admin",)]
    con.close()


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_six_init_at_once_make_one_administrator(fresh_url):
    runs = [
        (
            ["--db", fresh_url, "init", "--admin", f"boss{i}", "--password-stdin"],
            ADMIN_PASSWORD + "\n",
            {},
        )
        for i in range(DESKS)
    ]
    results = at_once("cli", runs)
    assert [r[0] for r in results] == [0] * DESKS, results
    assert all(r[2] == "" for r in results), results  # nothing on stderr: no traceback
    made = [r[1] for r in results if r[1].startswith("已创建数据库和初始管理员")]
    told = [r[1] for r in results if "数据库已经建立" in r[1]]
    assert len(made) == 1 and len(told) == DESKS - 1, results
    engine = make_engine(fresh_url)
    with engine.connect() as conn:
        names = conn.execute(text("SELECT username FROM users")).scalars().all()
    engine.dispose()
    assert len(names) == 1 and made[0] == f"已创建数据库和初始管理员 {names[0]}\n"


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_six_upgrade_db_at_once_one_does_it(fresh_url, tmp_path):
    parent = _older_database(fresh_url)
    backups = tmp_path / "backups"
    argv = [
        "--db",
        fresh_url,
        "--user",
        "admin",
        "upgrade-db",
        "--yes",
        "--backup-dir",
        str(backups),
    ]
    env = {"ARCHIVE_DESK_PASSWORD": ADMIN_PASSWORD}
    results = at_once("cli", [(argv, "", env)] * DESKS)
    assert [r[0] for r in results] == [0] * DESKS, results
    assert all(r[2] == "" for r in results), results
    did = [r[1] for r in results if "已把数据库结构从" in r[1]]
    waited = [r[1] for r in results if "已由另一台工作台升级" in r[1]]
    assert len(did) == 1 and len(waited) == DESKS - 1, results
    assert f"从 {parent} 升级到 {head_revision()}" in did[0]
    engine = make_engine(fresh_url)
    assert current_revision(engine) == head_revision()
    engine.dispose()
    files = list(backups.iterdir())
    assert len(files) == 1 and str(files[0]) in did[0]
    done = _upgrade_entries(fresh_url)
    assert [(d["username"], d["from"]) for d in done] == [("system", None), ("admin", parent)]


@pytest.mark.parametrize("fresh_url", ["postgresql"], indirect=True)
def test_six_desks_on_an_older_postgresql_database_refuse_and_change_nothing(fresh_url):
    parent = _older_database(fresh_url)
    before = _fingerprint(fresh_url)
    env = {"ARCHIVE_DESK_PASSWORD": ADMIN_PASSWORD}
    argv = ["--db", fresh_url, "--user", "admin", "search", "王"]
    results = at_once("cli", [(argv, "", env)] * DESKS)
    for code, out, err in results:
        assert code == 3 and out == "", (code, out, err)
        assert err.count("\n") == 1 and "Traceback" not in err
        assert f"数据库结构版本 {parent} 比本机程序" in err and "upgrade-db" in err
        assert "管理员" in err
    opened = at_once("open", [(fresh_url,)] * DESKS)
    assert {status for status, _ in opened} == {"refused"}
    assert _fingerprint(fresh_url) == before
