"""`archive-desk upgrade-db`: the administrator upgrades a shared database on purpose.

An office updates one desk, lets its administrator run `upgrade-db` there, then updates the other
desks (README). The steps: see what would change (`plan`), check the administrator (`administrator`
reads the users table directly, so it works on the older schema and writes nothing before the
backup), then `apply`: under the schema lock, read the revision again (another desk may have done
it meanwhile: then nothing happens), take a backup, verify that it can be read back, upgrade in
one transaction and audit it in the same transaction.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import text
from sqlalchemy.engine import make_url

from archive_desk.config import APP_NAME
from archive_desk.db import migrate
from archive_desk.db.session import make_session_factory
from archive_desk.domain import clock
from archive_desk.domain.roles import ROLE_LABELS, Role
from archive_desk.services import backup as backups
from archive_desk.services.context import Actor, AppContext
from archive_desk.services.database import (
    audit_schema_change,
    engine_for,
    unavailable_on_failure,
    upgraded_by,
)
from archive_desk.services.errors import AccountLocked, LoginFailed, PermissionDenied, Unavailable


@dataclass(frozen=True)
class Plan:
    current: str | None
    head: str
    steps: list[migrate.Step]


def default_backup_dir() -> Path:
    from platformdirs import user_data_path

    return user_data_path(APP_NAME, appauthor=False) / "backups"


def plan(url: str) -> Plan:
    """What an upgrade would apply; DatabaseUnavailable when the database cannot be upgraded
    here at all (unreachable, empty, foreign, or newer than this build)."""
    with unavailable_on_failure(url):
        engine = engine_for(url, must_exist=True)
        try:
            with engine.connect() as conn:
                current = migrate.classify(conn)
            if current is None:
                raise migrate.SchemaMissing(None, migrate.head_revision())
        except migrate.SchemaNewer as exc:
            exc.upgraded_by = upgraded_by(engine)
            raise
        finally:
            engine.dispose()
    return Plan(current, migrate.head_revision(), migrate.pending_steps(current))


def administrator(url: str, username: str, password: str) -> Actor:
    """The signed-in administrator, checked without the ORM (whose models are at head)."""
    with unavailable_on_failure(url):
        engine = engine_for(url, must_exist=True)
        try:
            with engine.connect() as conn:
                row = conn.execute(
                    text(
                        "SELECT id, username, password_hash, role, active, locked_at "
                        "FROM users WHERE username = :u"
                    ),
                    {"u": username},
                ).first()
        finally:
            engine.dispose()
    if row is None or not row.active:
        raise LoginFailed("用户名或密码错误")
    try:
        PasswordHasher().verify(row.password_hash, password)
    except (VerificationError, InvalidHashError):
        raise LoginFailed("用户名或密码错误") from None
    if row.locked_at is not None:
        raise AccountLocked("账号已锁定，请联系管理员解锁")
    if row.role != Role.ADMIN:
        raise PermissionDenied(
            f"只有系统管理员可以升级数据库（{username} 是{ROLE_LABELS[Role(row.role)]}）"
        )
    return Actor(row.id, row.username, row.role)


def apply(url: str, actor: Actor, backup_dir: Path | None = None) -> migrate.Outcome:
    """Back up, verify, upgrade — or nothing, when the database is already at head."""
    with unavailable_on_failure(url):
        engine = engine_for(url, must_exist=True)
        ctx = AppContext(url, engine, make_session_factory(engine), actor)
        ctx.require("database.upgrade")
        head = migrate.head_revision()

        def take_backup(current: str | None) -> Path:
            try:
                if engine.dialect.name == "sqlite":
                    return _sqlite_copy(migrate.sqlite_file(url), backup_dir, head, current)
                stamp = clock.file_stamp()
                folder = Path(backup_dir or default_backup_dir())
                out = folder / f"{make_url(url).database}.before-{head}-{stamp}.dump"
                backups.backup(ctx, out)
                _verify_pg_dump(out)
                return out
            except (OSError, sqlite3.Error) as exc:  # the backup's fault, not the database's
                raise Unavailable(f"无法写入备份（{exc}），未升级数据库") from None

        try:
            return migrate.run_upgrade(
                engine, url, backup=take_backup, on_changed=audit_schema_change(actor)
            )
        finally:
            engine.dispose()


def _sqlite_copy(live: Path, folder: Path | None, head: str, current: str | None) -> Path:
    if folder is None:
        out = migrate.backup_sqlite_file(live, f"before-{head}")
    else:
        stamp = clock.file_stamp()
        out = Path(folder) / f"{live.stem}.before-{head}-{stamp}{live.suffix}"
        out.parent.mkdir(parents=True, exist_ok=True)
        migrate.copy_sqlite(live, out)
    _verify_sqlite_copy(out, current)
    return out


def _verify_sqlite_copy(path: Path, revision: str | None) -> None:
    try:
        con = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        try:
            ok = con.execute("PRAGMA quick_check").fetchone()[0]
            found = con.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            con.close()
    except sqlite3.Error as exc:
        raise Unavailable(f"备份 {path} 校验失败（{exc}），未升级数据库") from None
    if ok != "ok" or (found[0] if found else None) != revision:
        raise Unavailable(f"备份 {path} 校验失败（{ok}），未升级数据库")


def _verify_pg_dump(path: Path) -> None:
    """pg_restore can read the archive back and it holds the schema revision table."""
    tool = shutil.which("pg_restore")
    if not tool:
        raise Unavailable("未找到 pg_restore：校验备份需要 PostgreSQL 客户端工具，未升级数据库")
    done = subprocess.run([tool, "--list", str(path)], capture_output=True, text=True)
    if done.returncode != 0 or "alembic_version" not in done.stdout:
        why = done.stderr.strip()[:300] or "备份中没有数据库结构版本表"
        raise Unavailable(f"备份 {path} 校验失败（{why}），未升级数据库")
