"""Backups that can be restored: SQLite via its online backup API, PostgreSQL via pg_dump."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import replace
from pathlib import Path

from sqlalchemy.engine import make_url

from archive_desk.db.migrate import backup_sqlite_file, sqlite_file, upgrade
from archive_desk.services import audit
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput, Unavailable


def _pg_args(url: str) -> tuple[list[str], dict[str, str]]:
    u = make_url(url)
    args = ["-h", u.host or "localhost", "-p", str(u.port or 5432), "-U", u.username or "postgres"]
    env = {"PGPASSWORD": u.password} if u.password else {}
    return args, env


def _tool(name: str) -> str:
    path = shutil.which(name)
    if not path:
        raise Unavailable(
            f"未找到 {name}：PostgreSQL 数据库的备份与恢复需要安装 PostgreSQL 客户端工具，"
            f"并把 {name} 加入 PATH"
        )
    return path


def backup(ctx: AppContext, out: Path) -> Path:
    """Write a full copy of the database to `out`; the backup itself is audited (and included)."""
    actor = ctx.require("backup")
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    if ctx.dialect != "sqlite":
        _tool("pg_dump")
    with ctx.uow() as uow:
        audit.record(uow.session, actor, "backup", "database", None, file=out.name)
        uow.commit()
    if ctx.dialect == "sqlite":
        raw = ctx.engine.raw_connection()
        try:
            dst = sqlite3.connect(out)
            with dst:
                raw.driver_connection.backup(dst)
            dst.close()
        finally:
            raw.close()
    else:
        import os

        args, env = _pg_args(ctx.url)
        done = subprocess.run(
            [_tool("pg_dump"), "-Fc", "-f", str(out), *args, make_url(ctx.url).database],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise Unavailable(f"pg_dump 备份失败：{done.stderr.strip()[:300]}")
    return out


def _check_sqlite_backup(path: Path) -> None:
    try:
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            con.execute("SELECT version_num FROM alembic_version").fetchone()
            con.execute("SELECT count(*) FROM holders").fetchone()
        finally:
            con.close()
    except sqlite3.DatabaseError:
        raise InvalidInput("file", f"{path.name} 不是档案工作台的数据库备份") from None


def restore(ctx: AppContext, source: Path) -> Path | None:
    """Replace the database with a backup, after copying the current one aside (returned).

    The restored database is then brought to the current schema, and the restore is audited
    in it, so the trail shows who put it back.
    """
    actor = ctx.require("restore")
    source = Path(source)
    if not source.is_file():
        raise InvalidInput("file", f"找不到备份文件：{source}")
    safety = None
    if ctx.dialect == "sqlite":
        _check_sqlite_backup(source)
        live = sqlite_file(ctx.url)
        if live and live.exists():
            safety = backup_sqlite_file(live, "before-restore")
        src = sqlite3.connect(source)
        raw = ctx.engine.raw_connection()
        try:
            with src:
                src.backup(raw.driver_connection)
        finally:
            raw.close()
            src.close()
        ctx.engine.dispose()
    else:
        import os

        args, env = _pg_args(ctx.url)
        ctx.engine.dispose()
        done = subprocess.run(
            [
                _tool("pg_restore"),
                "--clean",
                "--if-exists",
                "--no-owner",
                "-d",
                make_url(ctx.url).database,
                *args,
                str(source),
            ],
            env={**os.environ, **env},
            capture_output=True,
            text=True,
        )
        if done.returncode != 0:
            raise InvalidInput("file", f"{source.name} 无法恢复：{done.stderr.strip()[:300]}")
    upgrade(ctx.engine, ctx.url)
    with ctx.uow() as uow:  # the restored copy may not know this user's id: name only
        audit.record(
            uow.session,
            replace(actor, user_id=None),
            "restore",
            "database",
            None,
            file=source.name,
            safety_copy=safety.name if safety else None,
        )
        uow.commit()
    return safety
