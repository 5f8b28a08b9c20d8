"""The CLI and a database it cannot use: one Chinese sentence naming the database (password
hidden) and the reason, exit code 3 (DB_UNAVAILABLE), no traceback and nothing written. And
`upgrade-db`, the administrator's deliberate upgrade of a shared database."""

import hashlib
import io
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from archive_desk import __version__, exit_codes
from archive_desk.cli import main
from archive_desk.db.migrate import current_revision, downgrade, head_revision
from archive_desk.db.session import make_engine
from archive_desk.services import users
from archive_desk.services.context import open_database
from archive_desk.services.database import connect_problem
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD, require_pg

ENGINES = ["sqlite", "postgresql"]
FUTURE = "0999"


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", ADMIN_PASSWORD)

    def run(*argv, stdin: str = ""):
        monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def _refused(result, url_shown: str, *fragments: str) -> str:
    code, out, err = result
    assert code == exit_codes.DB_UNAVAILABLE == 3, result
    assert out == "" and "Traceback" not in err, result
    assert err.startswith(f"错误：无法打开数据库 {url_shown}：") and err.count("\n") == 1, err
    for fragment in fragments:
        assert fragment in err, (fragment, err)
    return err


def _set_up(url: str) -> None:
    ctx = open_database(url, setup=True)
    users.create_first_admin(ctx, "admin", ADMIN_PASSWORD)
    ctx.engine.dispose()


def _set_revision(url: str, revision: str) -> None:
    engine = make_engine(url)
    with engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": revision})
    engine.dispose()


@pytest.mark.parametrize(
    ("name", "make", "problem"),
    [
        ("random.sqlite3", lambda p: p.write_bytes(bytes(range(256)) * 40), "不是 SQLite 数据库"),
        ("notes.txt", lambda p: p.write_text("会议记录：周一开会\n" * 50), "不是 SQLite 数据库"),
        ("no-such-folder/archive.sqlite3", lambda p: None, "no-such-folder 不存在"),
        ("a-folder", lambda p: p.mkdir(), "是一个文件夹"),
    ],
)
def test_a_file_that_is_not_a_database_is_refused_in_one_sentence(
    cli, tmp_path, name, make, problem
):
    path = tmp_path / name
    make(path)
    before = path.read_bytes() if path.is_file() else None
    url = f"sqlite:///{path}"
    for argv in (["search", "王"], ["init", "--admin", "boss", "--password-stdin"]):
        _refused(cli("--db", url, "--user", "admin", *argv, stdin=ADMIN_PASSWORD), url, problem)
    if before is not None:
        assert path.read_bytes() == before
    assert not (tmp_path / "no-such-folder").exists()


def test_postgresql_that_cannot_be_reached_is_named_with_the_password_hidden(cli):
    base = make_url(require_pg())
    wrong_port = base.set(port=1, password="s3cret").render_as_string(hide_password=False)
    err = _refused(
        cli("--db", wrong_port, "--user", "admin", "search", "王"),
        base.set(port=1, password="s3cret").render_as_string(hide_password=True),
        "连接不上数据库服务器",
        ":1",
    )
    assert "s3cret" not in err and "***" in err
    wrong_host = base.set(host="no-such-host.invalid").render_as_string(hide_password=False)
    _refused(cli("--db", wrong_host, "init"), wrong_host, "找不到数据库服务器 no-such-host.invalid")
    wrong_db = base.set(database="no_such_archive").render_as_string(hide_password=False)
    _refused(cli("--db", wrong_db, "init"), wrong_db, "没有名为 no_such_archive 的数据库")
    wrong_user = base.set(username="no_such_clerk").render_as_string(hide_password=False)
    _refused(cli("--db", wrong_user, "init"), wrong_user, "没有用户 no_such_clerk")


def test_a_wrong_postgresql_password_is_named():
    # The test server trusts local connections, so the driver's message is given here.
    exc = Exception(
        'connection failed: connection to server at "10.0.0.5", port 5432 failed: '
        'FATAL:  password authentication failed for user "desk"'
    )
    url = "postgresql+psycopg://desk:oops@10.0.0.5/archive"
    assert connect_problem(url, exc) == "用户 desk 的密码不对"


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_a_database_from_a_newer_version_is_refused_and_left_as_it_is(cli, fresh_url):
    _set_up(fresh_url)
    _set_revision(fresh_url, FUTURE)
    path = make_url(fresh_url).database if fresh_url.startswith("sqlite") else None
    if path:
        files_before = sorted(p.name for p in Path(path).parent.iterdir())
        bytes_before = hashlib.sha256(Path(path).read_bytes()).hexdigest()
    shown = make_url(fresh_url).render_as_string(hide_password=True)
    for argv in (
        ["--user", "admin", "search", "王"],
        ["init", "--admin", "boss", "--password-stdin"],
        ["--user", "admin", "upgrade-db", "--yes"],
        ["--user", "admin", "backup", "--out", "never.bak"],
    ):
        err = _refused(cli("--db", fresh_url, *argv, stdin=ADMIN_PASSWORD), shown)
        assert "已被较新版本的档案工作台升级" in err
        assert f"数据库结构版本 {FUTURE}" in err and f"本机程序 {__version__}" in err
        assert f"结构版本 {head_revision()}" in err and "须先更新" in err
    if path:
        assert hashlib.sha256(Path(path).read_bytes()).hexdigest() == bytes_before
        after = sorted(p.name for p in Path(path).parent.iterdir())
        # SQLite's own companions of a WAL file may appear; the log stays empty: nothing written
        assert [n for n in after if not n.endswith(("-wal", "-shm"))] == files_before
        wal = Path(path + "-wal")
        assert not wal.exists() or wal.stat().st_size == 0
    engine = make_engine(fresh_url)
    assert current_revision(engine) == FUTURE
    engine.dispose()


def test_a_newer_database_names_the_version_that_upgraded_it(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    _set_up(url)
    engine = make_engine(url)
    with engine.begin() as conn:  # as a newer build's upgrade would have left it
        conn.exec_driver_sql(
            "INSERT INTO audit_entries (at, username, action, entity, detail) VALUES "
            "('2027-01-01 00:00:00', 'admin', 'database.upgrade', 'database', "
            f'\'{{"from": "{head_revision()}", "to": "{FUTURE}", "program": "9.1.0"}}\')'
        )
        conn.exec_driver_sql(f"UPDATE alembic_version SET version_num = '{FUTURE}'")
    engine.dispose()
    err = _refused(cli("--db", url, "--user", "admin", "search", "王"), url)
    assert f"数据库结构版本 {FUTURE}，由档案工作台 9.1.0 升级" in err


@pytest.mark.parametrize("fresh_url", ["postgresql"], indirect=True)
def test_postgresql_desks_do_not_set_up_or_upgrade_by_opening(cli, fresh_url):
    _refused(
        cli("--db", fresh_url, "--user", "admin", "search", "王"), fresh_url, "archive-desk init"
    )
    engine = make_engine(fresh_url)
    assert current_revision(engine) is None  # still empty
    engine.dispose()
    _set_up(fresh_url)
    engine = make_engine(fresh_url)
    downgrade(engine, fresh_url, "0003")
    for argv in (["--user", "admin", "search", "王"], ["init"]):
        _refused(cli("--db", fresh_url, *argv), fresh_url, "结构版本 0003 比本机程序", "upgrade-db")
    assert current_revision(engine) == "0003"
    engine.dispose()


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_upgrade_db_asks_an_administrator_backs_up_then_upgrades(cli, fresh_url, tmp_path):
    _set_up(fresh_url)
    ctx = open_database(fresh_url)
    admin = ctx.as_user(users.login(ctx, "admin", ADMIN_PASSWORD))
    users.create_user(admin, "clerk1", USER_PASSWORD, "clerk")
    ctx.engine.dispose()
    engine = make_engine(fresh_url)
    downgrade(engine, fresh_url, "0002")
    backups = tmp_path / "backups"
    argv = ["--db", fresh_url, "upgrade-db", "--backup-dir", str(backups)]

    code, _, err = cli(*argv)
    assert code == 2 and "--user" in err
    code, out, err = cli("--db", fresh_url, "--user", "admin", *argv[2:])  # not a terminal
    assert code == 2 and "--yes" in err
    assert "0003  name grams" in out and "0004  intake letters arrivals notices" in out
    assert current_revision(engine) == "0002" and not backups.exists()

    code, out, err = cli("--db", fresh_url, "--user", "admin", *argv[2:], "--yes")
    assert code == 0 and err == "", err
    made = list(backups.iterdir())
    assert len(made) == 1 and f"已备份到 {made[0]}（已校验可读回）" in out
    assert f"已把数据库结构从 0002 升级到 {head_revision()}" in out
    assert current_revision(engine) == head_revision()
    if fresh_url.startswith("sqlite"):
        con = sqlite3.connect(made[0])
        assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0002",)
        con.close()
    else:
        listing = subprocess.run(["pg_restore", "--list", str(made[0])], capture_output=True)
        assert listing.returncode == 0 and b"holder_name_grams" not in listing.stdout

    code, out, _ = cli("--db", fresh_url, "--user", "admin", *argv[2:], "--yes")
    assert code == 0 and "无需升级" in out and len(list(backups.iterdir())) == 1
    engine.dispose()


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_upgrade_db_is_for_the_administrator_only(cli, fresh_url, monkeypatch, tmp_path):
    _set_up(fresh_url)
    ctx = open_database(fresh_url)
    admin = ctx.as_user(users.login(ctx, "admin", ADMIN_PASSWORD))
    users.create_user(admin, "boss2", USER_PASSWORD, "supervisor")
    ctx.engine.dispose()
    engine = make_engine(fresh_url)
    downgrade(engine, fresh_url, "0003")
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", USER_PASSWORD)
    args = ["--db", fresh_url, "--user", "boss2", "upgrade-db", "--yes"]
    code, _, err = cli(*args, "--backup-dir", str(tmp_path / "b"))
    assert code == 2 and "只有系统管理员可以升级数据库" in err and "科室负责人" in err
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", "wrong")
    code, _, err = cli("--db", fresh_url, "--user", "admin", "upgrade-db", "--yes")
    assert code == 2 and "用户名或密码错误" in err
    assert current_revision(engine) == "0003" and not (tmp_path / "b").exists()
    engine.dispose()


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_upgrade_db_on_an_empty_database_points_to_init(cli, fresh_url):
    result = cli("--db", fresh_url, "--user", "admin", "upgrade-db", "--yes")
    _refused(result, fresh_url, "archive-desk init")
    if fresh_url.startswith("sqlite"):
        assert not Path(make_url(fresh_url).database).exists()  # not created by asking


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_no_upgrade_without_a_backup(cli, fresh_url, tmp_path):
    _set_up(fresh_url)
    engine = make_engine(fresh_url)
    downgrade(engine, fresh_url, "0003")
    (tmp_path / "a-file").write_text("not a folder")
    nowhere = tmp_path / "a-file" / "backups"
    code, _, err = cli(
        "--db", fresh_url, "--user", "admin", "upgrade-db", "--yes", "--backup-dir", str(nowhere)
    )
    assert code == 2 and "无法写入备份" in err and "未升级数据库" in err
    assert current_revision(engine) == "0003"
    engine.dispose()


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("fresh_url", ["sqlite"], indirect=True)
def test_upgrade_db_on_a_terminal_asks_and_no_changes_nothing(fresh_url, monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", ADMIN_PASSWORD)
    _set_up(fresh_url)
    engine = make_engine(fresh_url)
    downgrade(engine, fresh_url, "0003")
    asked = []
    monkeypatch.setattr("builtins.input", lambda prompt: asked.append(prompt) or answer)
    monkeypatch.setattr("sys.stdin", _Terminal())
    argv = ["--db", fresh_url, "--user", "admin", "upgrade-db"]
    answer = "n"
    assert main(argv) == 2
    assert "已取消，数据库未改动" in capsys.readouterr().err
    assert current_revision(engine) == "0003" and asked == ["先备份再升级，继续吗？[y/N] "]
    answer = "y"
    assert main(argv) == 0
    assert "已把数据库结构从 0003" in capsys.readouterr().out
    assert current_revision(engine) == head_revision()
    engine.dispose()
