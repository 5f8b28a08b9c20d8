"""Restore must never destroy the live database: damaged backups (cut, bit-flipped, from a newer
version) are refused with the reason and the live data stays as it was; a new PC restores into
an empty database by the backup's own administrator; audit entries written after the backup
survive the restore. Real backup files of both engines are cut and flipped."""

import os
import re
import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, insert, text

from archive_desk.db.base import utcnow
from archive_desk.db.models import AuditEntry
from archive_desk.domain.holder import HolderData
from archive_desk.services import audit, backup, holders, restore, search, users
from archive_desk.services.context import open_database
from archive_desk.services.errors import InvalidInput, LoginFailed, PermissionDenied
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, pg_base_url

BEFORE = HolderData(name="备份前", id_number="11010519491231002X")
AFTER = HolderData(name="备份后", id_number="440524188001010014")


@pytest.fixture
def backed_up(admin, tmp_path):
    """A live database with a backup of it, and one more holder written after the backup."""
    if admin.dialect == "postgresql" and not shutil.which("pg_restore"):
        pytest.skip("pg_dump/pg_restore not installed")
    holders.create(admin, BEFORE)
    out = backup.backup(admin, tmp_path / "b.bak")
    holders.create(admin, AFTER)
    return out


def _names(ctx) -> list[str]:
    return sorted(r.name for r in holders.page(ctx, 0, 50))


def _forget(ctx, request, report) -> None:
    """PostgreSQL keeps the replaced database under a new name: drop it with the test databases."""
    if ctx.dialect == "postgresql" and report.safety_copy:
        request.getfixturevalue("pg_databases").made.append(report.safety_copy)


def _leftover_pg_databases() -> list[str]:
    eng = create_engine(pg_base_url())
    with eng.connect() as conn:
        names = conn.scalars(
            text("SELECT datname FROM pg_database WHERE datname LIKE '%\\_restoring\\_%'")
        ).all()
    eng.dispose()
    return names


def _live_is_as_it_was(admin, db) -> None:
    assert _names(admin) == ["备份前", "备份后"]
    assert users.login(db, "admin", ADMIN_PASSWORD).role == "admin"  # someone can still sign in


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
@pytest.mark.parametrize("cut", [0.2, 0.5, 0.8])
def test_truncated_pg_dump_leaves_the_live_database_as_it_was(db, admin, tmp_path, cut):
    if not shutil.which("pg_restore"):
        pytest.skip("pg_dump/pg_restore not installed")
    holders.create(admin, BEFORE)
    with admin.engine.begin() as conn:  # enough (incompressible) rows that every cut is in data
        conn.execute(
            insert(AuditEntry),
            [
                {
                    "at": utcnow(),
                    "username": "admin",
                    "action": "bulk",
                    "detail": {"x": os.urandom(40).hex()},
                }
                for _ in range(20000)
            ],
        )
    out = backup.backup(admin, tmp_path / "b.bak")
    holders.create(admin, AFTER)
    data = out.read_bytes()
    out.write_bytes(data[: int(len(data) * cut)])
    with pytest.raises(InvalidInput) as err:
        restore.restore(admin, out)
    _live_is_as_it_was(admin, db)
    assert "pg_restore" in str(err.value) and "当前数据库未改动" in str(err.value)
    assert _leftover_pg_databases() == []


def _flip(path, page: int, offset: int, bit: int) -> None:
    data = bytearray(path.read_bytes())
    size = int.from_bytes(data[16:18], "big")
    data[(page - 1) * size + offset] ^= bit
    path.write_bytes(bytes(data))


def _pages(path) -> int:
    data = path.read_bytes()
    return len(data) // int.from_bytes(data[16:18], "big")


def _damage(path, how: str) -> None:
    if how == "cut to 99.9 %":
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * 0.999)])
    elif how == "bit flipped: page type":
        _flip(path, 2, 0, 0x01)
    elif how == "bit flipped: cell count":
        _flip(path, _pages(path) // 2, 3, 0x04)
    elif how == "from a newer version":
        con = sqlite3.connect(path)
        with con:
            con.execute("UPDATE alembic_version SET version_num = '9999_from_the_future'")
        con.close()
    else:
        path.write_text("not a database at all", encoding="utf-8")


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
@pytest.mark.parametrize(
    "how, reason",
    [
        ("cut to 99.9 %", "已损坏"),
        ("bit flipped: page type", "已损坏"),
        ("bit flipped: cell count", "已损坏"),
        ("from a newer version", "9999_from_the_future.*更新版本"),
        ("not a database", "不是档案工作台的数据库备份"),
    ],
)
def test_damaged_sqlite_backup_is_refused_and_the_live_file_untouched(
    db, admin, backed_up, how, reason
):
    _damage(backed_up, how)
    with pytest.raises(Exception) as err:
        restore.restore(admin, backed_up)
    _live_is_as_it_was(admin, db)
    assert err.type is InvalidInput
    assert re.search(f"{reason}.*当前数据库未改动", str(err.value)), str(err.value)
    live = db.url.removeprefix("sqlite:///")
    con = sqlite3.connect(live)
    assert con.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
    con.close()
    assert not list(Path(live).parent.glob(".restore-candidate*"))  # no half-made copy left


@pytest.fixture
def empty_target(request, tmp_path, db):
    """A new PC: a database of the same engine that has the schema but no users."""
    if db.dialect == "sqlite":
        url = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    else:
        url = request.getfixturevalue("pg_databases").create()
    ctx = open_database(url, setup=True)  # as `restore` opens it
    yield ctx
    ctx.engine.dispose()


def test_restore_into_an_empty_database_signs_in_by_the_backups_admin(
    request, admin, make_user, backed_up, empty_target, tmp_path
):
    make_user("clerk")  # clerk1, made after the backup: not in it
    with pytest.raises(LoginFailed, match="备份中的用户"):
        restore.restore(empty_target, backed_up, sign_in=("admin", "wrong-password"))
    with pytest.raises(LoginFailed):
        restore.restore(empty_target, backed_up, sign_in=("clerk1", USER_PASSWORD))
    assert not restore.has_users(empty_target)
    with pytest.raises(PermissionDenied, match="已有用户"):  # a database with users: sign in there
        restore.restore(admin, backed_up, sign_in=("admin", ADMIN_PASSWORD))

    report = restore.restore(empty_target, backed_up, sign_in=("admin", ADMIN_PASSWORD))
    _forget(empty_target, request, report)
    assert report.users == 1 and report.holders == 1
    assert report.safety_copy is None  # the empty target had nothing worth keeping
    ctx = empty_target.as_user(users.login(empty_target, "admin", ADMIN_PASSWORD))
    assert _names(ctx) == ["备份前"]
    done = [e for e in audit.entries(ctx) if e.action == "restore"]
    assert done and done[0].username == "admin" and done[0].detail["file"] == "b.bak"


@pytest.mark.parametrize("db", ["sqlite"], indirect=True)
def test_cli_restore_into_a_new_file_as_the_backups_admin(
    db, backed_up, tmp_path, monkeypatch, capsys
):
    from archive_desk.cli import main

    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", ADMIN_PASSWORD)
    new = f"sqlite:///{tmp_path / 'new.sqlite3'}"
    code = main(["--db", new, "--user", "admin", "restore", str(backed_up)])
    out, err = capsys.readouterr()
    assert code == 0, err
    assert "已从 b.bak 恢复" in out
    code = main(["--db", new, "--user", "admin", "search", "备份前", "--json"])
    assert code == 0 and "备份前" in capsys.readouterr().out


def test_audit_entries_written_after_the_backup_are_kept(request, admin, backed_up):
    search.search(admin, "备份后查过")  # audited after the backup
    report = restore.restore(admin, backed_up)
    _forget(admin, request, report)
    assert _names(admin) == ["备份前"]  # the data is the backup's …
    entries = audit.entries(admin, limit=500)
    asked = [e for e in entries if e.action == "search" and e.detail.get("query") == "备份后查过"]
    assert len(asked) == 1 and asked[0].username == "admin"  # … the trail is not lost
    created_after = [e for e in entries if e.detail.get("kept_over_restore")]
    assert len(created_after) == report.audit_kept >= 2
    assert f"{report.audit_kept} 条审计记录已追加" in report.summary()
    done = [e for e in entries if e.action == "restore"]
    assert done[0].detail["audit_kept"] == report.audit_kept


@pytest.mark.parametrize("db", ["postgresql"], indirect=True)
def test_pg_backup_from_a_newer_version_is_refused(db, admin, backed_up, pg_databases, tmp_path):
    """Made as a newer version would: restored elsewhere, revision moved on, dumped again."""
    scratch = pg_databases.create()
    from sqlalchemy.engine import make_url

    name = make_url(scratch).database
    subprocess.run(
        ["pg_restore", "--no-owner", "-h", "127.0.0.1", "-U", "postgres", "-d", name, backed_up],
        check=True,
        capture_output=True,
    )
    eng = create_engine(scratch)
    with eng.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_from_the_future'"))
    eng.dispose()
    future = tmp_path / "future.bak"
    subprocess.run(
        ["pg_dump", "-Fc", "-f", future, "-h", "127.0.0.1", "-U", "postgres", name],
        check=True,
        capture_output=True,
    )
    with pytest.raises(InvalidInput, match="9999_from_the_future.*更新版本.*当前数据库未改动"):
        restore.restore(admin, future)
    _live_is_as_it_was(admin, db)
    assert _leftover_pg_databases() == []
