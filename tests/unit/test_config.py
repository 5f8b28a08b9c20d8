"""Which database a desk opens: a URL as given, a plain path as a SQLite file."""

from pathlib import Path

from archive_desk.config import resolve_db_url


def test_a_plain_path_names_a_sqlite_file(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert resolve_db_url("office.sqlite3") == f"sqlite:///{tmp_path / 'office.sqlite3'}"
    assert resolve_db_url(str(tmp_path / "a b.sqlite3")) == f"sqlite:///{tmp_path / 'a b.sqlite3'}"


def test_a_url_is_kept_as_given():
    url = "postgresql+psycopg://desk@db.example:5432/archive"
    assert resolve_db_url(url) == url
    assert resolve_db_url("sqlite:///x.sqlite3") == "sqlite:///x.sqlite3"


def test_the_cli_opens_a_plain_path_and_names_a_missing_folder(tmp_path, monkeypatch):
    from archive_desk import cli

    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", "unused")
    missing = tmp_path / "no-such-folder" / "office.sqlite3"
    assert cli.main(["--db", str(missing), "--user", "admin", "search", "王"]) == 3
    assert not Path(missing).parent.exists()
