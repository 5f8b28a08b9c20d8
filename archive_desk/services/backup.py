"""Backups that can be restored (services/restore.py): SQLite via its online backup API,
PostgreSQL via pg_dump."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

from sqlalchemy.engine import make_url

from archive_desk.services import audit
from archive_desk.services.context import AppContext
from archive_desk.services.errors import Unavailable


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
