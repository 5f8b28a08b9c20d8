"""Restore a backup without ever putting the live database at risk.

The backup is first made into a separate candidate database (a copy of the SQLite file beside the
live one, or a new PostgreSQL database), and checked there: it opens, SQLite's integrity check
passes (PostgreSQL: `pg_restore` finished without error), its Alembic revision is one this version
knows, the core tables are there and it has users. Only then is it brought to the current schema,
the audit entries the live database gained after the backup are appended to it, the restore itself
is audited in it, and it replaces the live database: SQLite through the online backup API (one
transaction: the live file is either wholly the old or wholly the new), PostgreSQL by renaming the
databases (the old one is kept under a new name). Any refusal leaves the live database untouched.

A new PC restores into a missing or empty database: there are no users to sign in against, so the
operator's name and password are checked against the users in the backup (an administrator).
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import time
import uuid
from dataclasses import dataclass
from pathlib import Path

from alembic import command
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, create_engine, func, insert, inspect, select, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from archive_desk.db.migrate import (
    alembic_config,
    backup_sqlite_file,
    current_revision,
    sqlite_file,
)
from archive_desk.db.models import AuditEntry, Holder, User
from archive_desk.db.session import make_engine
from archive_desk.domain import clock
from archive_desk.domain.roles import PERMISSIONS, Role
from archive_desk.services import audit
from archive_desk.services.backup import _pg_args, _tool
from archive_desk.services.context import Actor, AppContext
from archive_desk.services.errors import (
    InvalidInput,
    LoginFailed,
    PermissionDenied,
    Unavailable,
)

REQUIRED_TABLES = frozenset({"alembic_version", "users", "holders", "events", "audit_entries"})
UNTOUCHED = "当前数据库未改动"


@dataclass(frozen=True)
class RestoreReport:
    source: str
    revision: str  # the backup's schema revision (before it was brought to head)
    holders: int
    users: int
    audit_kept: int  # audit entries written after the backup, appended to the restored database
    safety_copy: str | None  # file (SQLite) or database (PostgreSQL) holding the one replaced

    def summary(self) -> str:
        lines = [
            f"已从 {self.source} 恢复（结构版本 {self.revision}；存档人 {self.holders:,} 人，"
            f"用户 {self.users} 个）"
        ]
        if self.safety_copy:
            lines.append(f"恢复前的数据库已另存为 {self.safety_copy}")
        if self.audit_kept:
            lines.append(f"备份之后的 {self.audit_kept} 条审计记录已追加到恢复后的数据库")
        else:
            lines.append("备份之后没有新的审计记录需要保留")
        return "\n".join(lines)


def _refuse(source: Path, reason: str) -> InvalidInput:
    return InvalidInput("file", f"{source.name} 无法恢复：{reason}；{UNTOUCHED}")


def has_users(ctx: AppContext) -> bool:
    """False for a missing, empty or freshly created database (restore then signs in by the
    backup's users)."""
    try:
        with ctx.engine.connect() as conn:
            return bool(conn.scalar(select(func.count()).select_from(User)))
    except DBAPIError:
        return False


def restore(ctx: AppContext, source: Path, sign_in: tuple[str, str] | None = None) -> RestoreReport:
    """Replace the database with the backup in `source`, or refuse and change nothing.

    `sign_in` (name, password) is for a target without users: they are checked against the
    backup's users instead of the signed-in actor.
    """
    source = Path(source)
    if sign_in is None:
        actor = ctx.require("restore")
    elif has_users(ctx):
        raise PermissionDenied("目标数据库已有用户：请以其中的管理员身份登录后再恢复")
    else:
        actor = None
    if not source.is_file():
        raise InvalidInput("file", f"找不到备份文件：{source}")
    if ctx.dialect == "sqlite":
        return _restore_sqlite(ctx, source, actor, sign_in)
    return _restore_pg(ctx, source, actor, sign_in)


# --- checks on the candidate, common to both engines -------------------------------------------


def _known_revisions() -> set[str]:
    return {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}


def _verify(engine: Engine, source: Path) -> tuple[str, int, int]:
    """Revision, holders, users of a candidate, or InvalidInput naming what is wrong."""
    try:
        missing = REQUIRED_TABLES - set(inspect(engine).get_table_names())
        if missing:
            raise _refuse(
                source,
                "不是档案工作台的数据库备份（缺少数据表 " + "、".join(sorted(missing)) + "）",
            )
        revision = current_revision(engine)
        if revision is None:
            raise _refuse(source, "不是档案工作台的数据库备份（没有结构版本）")
        if revision not in _known_revisions():
            raise _refuse(
                source,
                f"备份的结构版本 {revision} 来自更新版本的档案工作台，本版本无法使用；"
                "请先升级档案工作台",
            )
        with engine.connect() as conn:
            holders = conn.scalar(select(func.count()).select_from(Holder))
            users = conn.scalar(select(func.count()).select_from(User))
    except SQLAlchemyError as exc:
        raise _refuse(source, f"读取备份时出错（{_first_line(exc)}）") from None
    if not users:
        raise _refuse(source, "备份中没有用户，恢复后将无人能够登录")
    return revision, holders, users


def _upgrade(engine: Engine, url: str, source: Path) -> None:
    cfg = alembic_config(url)
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except SQLAlchemyError as exc:
        raise _refuse(source, f"无法升级到当前结构（{_first_line(exc)}）") from None


def _authenticate(engine: Engine, username: str, password: str) -> Actor:
    """Check name and password against the users in the backup (restore into an empty target)."""
    from archive_desk.services.users import verify_password

    with engine.connect() as conn:
        row = conn.execute(
            select(User.id, User.username, User.role, User.password_hash, User.active).where(
                User.username == username
            )
        ).first()
    if row is None or not row.active or not verify_password(row.password_hash, password):
        raise LoginFailed("用户名或密码错误（目标数据库为空，按备份中的用户核对）")
    if Role(row.role) not in PERMISSIONS["restore"]:
        raise PermissionDenied("只有备份中的系统管理员可以把它恢复到新数据库")
    return Actor(row.id, row.username, row.role)


def _carry_audit(live: Engine, candidate: Engine) -> int:
    """Append the live database's audit entries newer than the backup's newest to the candidate."""
    with candidate.connect() as conn:
        newest = conn.scalar(select(func.max(AuditEntry.at)))
        ids = dict(conn.execute(select(User.username, User.id)).all())
    q = select(
        AuditEntry.at,
        AuditEntry.username,
        AuditEntry.action,
        AuditEntry.entity,
        AuditEntry.entity_id,
        AuditEntry.detail,
    ).order_by(AuditEntry.id)
    if newest is not None:
        q = q.where(AuditEntry.at > newest)
    try:
        with live.connect() as conn:
            rows = conn.execute(q).all()
    except DBAPIError:  # the live database is empty or not one of ours: nothing to keep
        return 0
    if rows:
        with candidate.begin() as conn:
            conn.execute(
                insert(AuditEntry),
                [
                    {
                        "at": r.at,
                        "user_id": ids.get(r.username),
                        "username": r.username,
                        "action": r.action,
                        "entity": r.entity,
                        "entity_id": r.entity_id,
                        "detail": {**(r.detail or {}), "kept_over_restore": True},
                    }
                    for r in rows
                ],
            )
    return len(rows)


def _check(
    engine: Engine, url: str, source: Path, actor: Actor | None, sign_in: tuple[str, str] | None
) -> tuple[str, int, int, Actor]:
    """Verify and upgrade the candidate, and find who restores: revision, holders, users, actor."""
    revision, holders, users = _verify(engine, source)
    _upgrade(engine, url, source)
    if sign_in is not None:
        actor = _authenticate(engine, *sign_in)
    return revision, holders, users, actor


def _finish(
    ctx: AppContext, engine: Engine, source: Path, actor: Actor, revision: str, safety: str | None
) -> int:
    """Carry the live audit entries over and audit the restore, in the candidate; returns how
    many entries were kept."""
    kept = _carry_audit(ctx.engine, engine)
    with _session(engine) as s:  # the restored copy may know this user by another id
        user_id = s.scalar(select(User.id).where(User.username == actor.username))
        audit.record(
            s,
            Actor(user_id, actor.username, actor.role),
            "restore",
            "database",
            None,
            file=source.name,
            revision=revision,
            audit_kept=kept,
            safety_copy=safety,
        )
        s.commit()
    return kept


def _session(engine: Engine):
    from sqlalchemy.orm import Session

    return Session(engine)


def _first_line(exc: BaseException) -> str:
    text_ = str(getattr(exc, "orig", None) or exc).strip()
    return (text_.splitlines() or [type(exc).__name__])[0][:200]


# --- SQLite ---------------------------------------------------------------------------------------


def _check_length(source: Path, header: bytes) -> None:
    """A cut file: its length must be whole pages, as many as the header records."""
    page = int.from_bytes(header[16:18], "big")
    page = 65536 if page == 1 else page
    size = source.stat().st_size
    pages = int.from_bytes(header[28:32], "big")
    counter_valid = header[24:28] == header[92:96]
    if page < 512 or size % page or (counter_valid and pages and pages * page != size):
        expected = f"应为 {pages * page:,} 字节" if counter_valid and pages else "不是整页"
        raise _refuse(source, f"文件已损坏（不完整：{size:,} 字节，{expected}）")


def _sqlite_candidate(source: Path, candidate: Path) -> None:
    """Copy the backup beside the live file and run SQLite's own checks on the copy."""
    with source.open("rb") as fh:
        header = fh.read(100)
    if len(header) < 100 or not header.startswith(b"SQLite format 3\x00"):
        raise _refuse(source, "不是档案工作台的数据库备份（不是 SQLite 数据库文件）")
    _check_length(source, header)
    try:
        src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
        dst = sqlite3.connect(candidate)
        try:
            with dst:
                src.backup(dst)
        finally:
            src.close()
            dst.close()
        con = sqlite3.connect(candidate)
        try:
            problems = [r[0] for r in con.execute("PRAGMA integrity_check(5)")]
        finally:
            con.close()
    except sqlite3.DatabaseError as exc:
        raise _refuse(source, f"文件已损坏（{exc}）") from None
    if problems != ["ok"]:
        first = problems[0].replace("*** in database main ***", "").strip().splitlines()
        raise _refuse(source, f"文件已损坏（完整性检查未通过：{(first or ['?'])[0][:120]}）")


def _restore_sqlite(ctx, source: Path, actor, sign_in) -> RestoreReport:
    live = sqlite_file(ctx.url)
    folder = live.parent if live else Path(os.getcwd())
    stamp = clock.file_stamp()
    candidate = folder / f".restore-candidate-{stamp}-{uuid.uuid4().hex[:6]}.sqlite3"
    url = f"sqlite:///{candidate}"
    engine = None
    try:
        _sqlite_candidate(source, candidate)
        engine = make_engine(url)
        revision, holders, users, actor = _check(engine, url, source, actor, sign_in)
        safety = None
        if live and live.exists() and sign_in is None:  # an empty target has nothing to keep
            safety = backup_sqlite_file(live, "before-restore")
        kept = _finish(ctx, engine, source, actor, revision, safety.name if safety else None)
        engine.dispose()
        # One backup-API step is one write transaction on the live file: all of it or nothing.
        src = sqlite3.connect(candidate)
        raw = ctx.engine.raw_connection()
        try:
            with src:
                src.backup(raw.driver_connection)
        finally:
            raw.close()
            src.close()
        ctx.engine.dispose()
    finally:
        if engine is not None:
            engine.dispose()
        for leftover in (candidate, *candidate.parent.glob(candidate.name + "-*")):
            leftover.unlink(missing_ok=True)
    return RestoreReport(
        source.name, revision, holders, users, kept, str(safety) if safety else None
    )


# --- PostgreSQL -----------------------------------------------------------------------------------


def _maintenance(url: str) -> Engine:
    """A connection to the server outside the live database (needed to create and rename)."""
    u = make_url(url)
    for name in ("postgres", "template1"):
        engine = create_engine(
            u.set(database=name).render_as_string(hide_password=False),
            isolation_level="AUTOCOMMIT",
        )
        try:
            with engine.connect():
                return engine
        except DBAPIError:
            engine.dispose()
    raise Unavailable(
        "无法连接 PostgreSQL 服务器的维护数据库（postgres 或 template1），不能安全恢复"
    )


def _q(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def _restore_pg(ctx, source: Path, actor, sign_in) -> RestoreReport:
    pg_restore = _tool("pg_restore")
    live_url = make_url(ctx.url)
    live = live_url.database
    stamp = clock.file_stamp().replace("-", "")
    temp = f"{live[:36]}_restoring_{uuid.uuid4().hex[:8]}"
    safety = f"{live[:40]}_before_restore_{stamp}"
    maint = _maintenance(ctx.url)
    try:
        try:
            with maint.connect() as conn:
                conn.execute(text(f"CREATE DATABASE {_q(temp)} TEMPLATE template0"))
        except DBAPIError as exc:
            raise Unavailable(
                f"无法建立用于核对备份的临时数据库（{_first_line(exc)}）；{UNTOUCHED}"
            ) from None
        swapped = False
        try:
            args, env = _pg_args(ctx.url)
            done = subprocess.run(
                [
                    pg_restore,
                    "--no-owner",
                    "--exit-on-error",
                    "--single-transaction",
                    "-d",
                    temp,
                    *args,
                    str(source),
                ],
                env={**os.environ, **env},
                capture_output=True,
                text=True,
            )
            if done.returncode != 0:
                raise _refuse(source, f"pg_restore 报错：{done.stderr.strip()[:300]}")
            url = live_url.set(database=temp).render_as_string(hide_password=False)
            engine = make_engine(url)
            try:
                revision, holders, users, actor = _check(engine, url, source, actor, sign_in)
                kept = _finish(ctx, engine, source, actor, revision, safety)
            finally:
                engine.dispose()
            _swap(ctx, maint, live, temp, safety)
            swapped = True
            if sign_in is not None:  # the replaced database was empty: nothing to keep
                with maint.connect() as conn:
                    conn.execute(text(f"DROP DATABASE IF EXISTS {_q(safety)} WITH (FORCE)"))
                safety = None
        finally:
            if not swapped:
                with maint.connect() as conn:
                    conn.execute(text(f"DROP DATABASE IF EXISTS {_q(temp)} WITH (FORCE)"))
    finally:
        maint.dispose()
    return RestoreReport(source.name, revision, holders, users, kept, safety)


def _swap(ctx, maint: Engine, live: str, temp: str, safety: str) -> None:
    """Rename live → safety, then temp → live. Other desks' connections to the live database are
    closed (their next call reconnects to the restored one)."""
    ctx.engine.dispose()
    with maint.connect() as conn:
        for attempt in range(10):
            conn.execute(
                text(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = :n AND pid <> pg_backend_pid()"
                ),
                {"n": live},
            )
            try:
                conn.execute(text(f"ALTER DATABASE {_q(live)} RENAME TO {_q(safety)}"))
                break
            except DBAPIError as exc:
                if attempt == 9:
                    raise Unavailable(
                        f"其他工作站仍连接着数据库，无法切换（{_first_line(exc)}）；{UNTOUCHED}"
                    ) from None
                time.sleep(0.3)
        try:
            conn.execute(text(f"ALTER DATABASE {_q(temp)} RENAME TO {_q(live)}"))
        except DBAPIError as exc:
            conn.execute(text(f"ALTER DATABASE {_q(safety)} RENAME TO {_q(live)}"))
            raise Unavailable(
                f"无法切换到恢复后的数据库（{_first_line(exc)}）；{UNTOUCHED}"
            ) from None
