"""Which database: the embedded SQLite file by default, or a URL (e.g. a shared PostgreSQL)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_data_path

ENV_DB = "ARCHIVE_DESK_DB"
APP_NAME = "ArchiveDesk"


def default_sqlite_path() -> Path:
    return user_data_path(APP_NAME, appauthor=False) / "archive_desk.sqlite3"


def resolve_db_url(cli_url: str | None = None) -> str:
    """--db URL, else $ARCHIVE_DESK_DB, else the SQLite file under the user data folder.

    A plain file path (no `scheme://`), as a clerk would type it, names a SQLite file."""
    url = cli_url or os.environ.get(ENV_DB)
    if url and "://" not in url:
        return f"sqlite:///{Path(url).expanduser().absolute()}"
    if url:
        return url
    path = default_sqlite_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    return f"sqlite:///{path}"


def describe(url: str) -> str:
    """A short, password-free description for the status bar."""
    from sqlalchemy.engine import make_url

    u = make_url(url)
    if u.get_backend_name() == "sqlite":
        return f"SQLite：{u.database}"
    return f"PostgreSQL：{u.host or 'localhost'}:{u.port or 5432}/{u.database}"
