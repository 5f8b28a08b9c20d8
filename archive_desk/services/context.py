"""How every service call runs: a context (database + acting user) and a unit of work.

`with ctx.uow() as uow: …; uow.commit()` — one transaction per call, rolled back unless committed,
so the business change, its event and its audit entry land together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta

from sqlalchemy import Engine, bindparam, select
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from archive_desk.db.base import utcnow
from archive_desk.db.models import SettingValue, User
from archive_desk.db.session import WRITE
from archive_desk.domain.roles import PERMISSIONS, ROLE_LABELS, Role
from archive_desk.services.errors import Conflict, PermissionDenied

STALE = "此记录刚被他人修改，您的修改未保存，请重新载入后再改。"


@dataclass(frozen=True)
class Actor:
    user_id: int | None
    username: str
    role: str

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[Role(self.role)]


SYSTEM = Actor(None, "system", Role.ADMIN)
LOCKOUT_MINUTES_KEY = "security.lockout_minutes"


def lock_active(locked_at: datetime | None, minutes: int) -> bool:
    """Whether a lock set at `locked_at` still holds after `minutes`."""
    if locked_at is None:
        return False
    at = locked_at if locked_at.tzinfo else locked_at.replace(tzinfo=UTC)
    return at + timedelta(minutes=minutes) > utcnow()


_SESSION_CHECK = select(
    User.username,
    User.role,
    User.active,
    User.locked_at,
    select(SettingValue.value)
    .where(SettingValue.key == LOCKOUT_MINUTES_KEY)
    .scalar_subquery()
    .label("lockout_minutes"),
).where(User.id == bindparam("user_id"))


def _check_session(conn, actor: Actor) -> None:
    """An open session of a user since deactivated, locked, removed or given another role ends
    at its next unit of work: one primary-key read in the transaction that opens anyway."""
    row = conn.execute(_SESSION_CHECK, {"user_id": actor.user_id}).first()
    if row is None or row.username != actor.username or not row.active:
        raise PermissionDenied("账号已停用或不存在，请重新登录")
    if lock_active(row.locked_at, int(row.lockout_minutes or 15)):
        raise PermissionDenied("账号已锁定，请重新登录")
    if row.role != actor.role:
        raise PermissionDenied("账号的角色已变更，请重新登录")


class UnitOfWork:
    """One transaction. On SQLite a writing one begins IMMEDIATE (it waits for the write lock on
    the busy timeout instead of failing half-way); `write=False` keeps a pure read out of it."""

    def __init__(
        self, factory: sessionmaker[Session], write: bool = True, actor: Actor | None = None
    ):
        self._factory = factory
        self._write = write
        self._actor = actor
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        try:
            # On SQLite a writing unit of work begins IMMEDIATE (db/session.py); a read does not.
            conn = self.session.connection(execution_options=WRITE if self._write else None)
            if self._actor is not None and self._actor.user_id is not None:
                _check_session(conn, self._actor)
        except BaseException:
            self.session.close()
            raise
        return self

    def commit(self) -> None:
        self.session.commit()

    def __exit__(self, exc_type, exc, tb) -> None:
        self.session.rollback()
        self.session.close()
        if isinstance(exc, StaleDataError):  # a version check in the UPDATE matched no row
            raise Conflict(STALE) from exc


@dataclass(frozen=True)
class AppContext:
    url: str
    engine: Engine
    factory: sessionmaker[Session]
    actor: Actor | None = None

    def uow(self, write: bool = True) -> UnitOfWork:
        """A unit of work; pass write=False for a call that only reads (and audits nothing)."""
        return UnitOfWork(self.factory, write, self.actor)

    def as_user(self, actor: Actor) -> AppContext:
        return replace(self, actor=actor)

    def require(self, action: str) -> Actor:
        """The acting user, if their role may do `action`; otherwise PermissionDenied."""
        if self.actor is None:
            raise PermissionDenied("请先登录")
        if Role(self.actor.role) not in PERMISSIONS[action]:
            raise PermissionDenied(f"当前角色（{self.actor.role_label}）无权执行此操作")
        return self.actor

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name


def open_database(url: str, *, setup: bool = False) -> AppContext:
    """Connect, ready to work: see services/database.py for what may change on the way in.

    SQLite: the schema is brought to head (an existing file is copied aside first). PostgreSQL:
    the schema must already be at head; `setup=True` (for `init`) also creates it in an empty
    database. Anything else raises DatabaseUnavailable with one Chinese sentence. The office's
    time zone is read once here.
    """
    from archive_desk.services.database import open_database as _open
    from archive_desk.services.settings import load_office_zone  # it imports this module

    ctx = _open(url, setup=setup)
    load_office_zone(ctx)
    return ctx
