"""The CLI forms operators script, run in-process against fresh databases on both engines."""

import io
import json

import pytest

from archive_desk.cli import main

ENGINES = ["sqlite", "postgresql"]
PASSWORD = "Desk-Admin-2026"


@pytest.fixture
def cli(monkeypatch, capsys):
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", PASSWORD)

    def run(*argv, stdin: str | None = None):
        if stdin is not None:
            monkeypatch.setattr("sys.stdin", io.StringIO(stdin))
        code = main(list(argv))
        out, err = capsys.readouterr()
        return code, out, err

    return run


def test_check_id_reports_and_exits_1_on_any_invalid(cli):
    code, out, _ = cli("check-id", "11010519491231002x", "110105491231002", "--json")
    assert code == 0
    first, second = json.loads(out)
    assert first["number"] == "11010519491231002X" and first["sex"] == "女"
    assert first["birth_date"] == "1949-12-31" and first["region"] == "北京市朝阳区"
    assert second["upgraded_from"] == "110105491231002"
    code, out, _ = cli("check-id", "11010519491231002X", "110105194912310021")
    assert code == 1
    assert "校验码错误" in out


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_init_demo_search_on_a_fresh_database(cli, fresh_url):
    code, out, _ = cli(
        "--db", fresh_url, "init", "--admin", "boss", "--password-stdin", stdin=PASSWORD + "\n"
    )
    assert code == 0 and "boss" in out
    code, out, _ = cli("--db", fresh_url, "init")
    assert code == 0 and "最新" in out  # idempotent
    code, out, _ = cli(
        "--db", fresh_url, "--user", "boss", "demo-data", "--files", "400", "--seed", "9"
    )
    assert code == 0 and json.loads(out)["files"] == 400
    code, out, _ = cli("--db", fresh_url, "--user", "boss", "search", "DA0000003", "--json")
    hits = json.loads(out)
    assert code == 0 and len(hits) == 1
    assert set(hits[0]) >= {"name", "id_number", "file_number", "status", "location"}
    assert hits[0]["file_number"] == "DA0000003" and "号库房" in hits[0]["location"]
    code, out, _ = cli("--db", fresh_url, "--user", "boss", "search", hits[0]["name"], "--json")
    assert json.loads(out)[0]["name"] == hits[0]["name"]


def test_wrong_password_and_missing_user_are_clear_errors(cli, tmp_path, monkeypatch):
    url = f"sqlite:///{tmp_path / 'x.sqlite3'}"
    cli("--db", url, "init", "--admin", "boss", "--password-stdin", stdin=PASSWORD + "\n")
    code, _, err = cli("--db", url, "search", "王")
    assert code == 2 and "--user" in err
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", "nope")
    code, _, err = cli("--db", url, "--user", "boss", "search", "王")
    assert code == 2 and "用户名或密码错误" in err


def test_new_database_without_admin_is_refused(cli, tmp_path):
    code, _, err = cli("--db", f"sqlite:///{tmp_path / 'y.sqlite3'}", "init")
    assert code == 2 and "--admin" in err


def test_backup_and_restore_by_cli(cli, tmp_path):
    url = f"sqlite:///{tmp_path / 'z.sqlite3'}"
    cli("--db", url, "init", "--admin", "boss", "--password-stdin", stdin=PASSWORD + "\n")
    cli("--db", url, "--user", "boss", "demo-data", "--files", "20")
    code, out, _ = cli("--db", url, "--user", "boss", "backup", "--out", str(tmp_path / "b.bak"))
    assert code == 0 and (tmp_path / "b.bak").stat().st_size > 0
    code, out, _ = cli("--db", url, "--user", "boss", "restore", str(tmp_path / "b.bak"))
    assert code == 0 and "已从" in out
    code, out, _ = cli("--db", url, "--user", "boss", "search", "DA0000001", "--json")
    assert len(json.loads(out)) == 1


def test_reads_by_cli_are_attributed_and_audited(cli, tmp_path):
    from archive_desk.services import audit, users
    from archive_desk.services.context import open_database

    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    cli("--db", url, "init", "--admin", "boss", "--password-stdin", stdin=PASSWORD + "\n")
    cli("--db", url, "--user", "boss", "search", "王")
    ctx = open_database(url)
    ctx = ctx.as_user(users.login(ctx, "boss", PASSWORD))
    searches = [e for e in audit.entries(ctx) if e.action == "search"]
    assert searches[0].username == "boss" and searches[0].detail["query"] == "王"


def test_check_name_reports_each_name_and_exits_1_on_any_invalid(cli):
    code, out, _ = cli("check-name", "王𠮷", "阿卜杜拉•艾力", "刘䶮", "--json")
    assert code == 0
    wj, dot, ly = json.loads(out)
    assert set(wj) >= {"input", "valid", "reason", "pinyin_initials", "unprintable"}
    assert wj["valid"] is True and wj["reason"] is None and wj["pinyin_initials"] == "wj"
    assert dot["input"] == "阿卜杜拉•艾力" and dot["name"] == "阿卜杜拉·艾力" and dot["valid"]
    assert ly["pinyin_initials"] == "ly" and ly["unprintable"] == []
    code, out, _ = cli("check-name", "王𠮷", "王\ue000")
    assert code == 1
    assert "私用区" in out and "U+E000" in out


def test_check_name_lists_what_this_machine_cannot_print(cli, monkeypatch):
    from archive_desk.documents import fonts
    from tests.fonts_support import without_ext_b

    monkeypatch.setattr(fonts, "_active", without_ext_b())
    code, out, _ = cli("check-name", "张𪚥", "--json")
    assert code == 0
    assert json.loads(out)[0]["unprintable"] == ["𪚥"]
    code, out, _ = cli("check-name", "张𪚥")
    assert "无法打印：𪚥（U+2A6A5）" in out


def test_check_id_refuses_look_alike_digits_without_a_traceback(cli):
    bold = "11010519491231002X".translate(str.maketrans("0123456789", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗"))
    code, out, err = cli("check-id", "1101051949123100²X", bold, "--json")
    assert code == 1 and "Traceback" not in err and "内部错误" not in err
    results = json.loads(out)
    assert [r["valid"] for r in results] == [False, False]
    assert all("数字" in r["reason"] for r in results)
