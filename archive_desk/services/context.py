"""How every service call runs: a context (database + acting user) and a unit of work.

`with ctx.uow() as uow: …; uow.commit()` — one transaction per call, rolled back unless committed,
so the business change, its event and its audit entry land together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from archive_desk.db.migrate import upgrade
from archive_desk.db.session import WRITE, make_engine, make_session_factory
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


class UnitOfWork:
    def __init__(self, factory: sessionmaker[Session]):
        self._factory = factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        if self.session.get_bind().dialect.name == "sqlite":
            self.session.connection(execution_options=WRITE)  # BEGIN IMMEDIATE (db.session)
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

    def uow(self) -> UnitOfWork:
        return UnitOfWork(self.factory)

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


def open_database(url: str, migrate: bool = True) -> AppContext:
    """Connect, and bring the schema to head first (backing up an existing SQLite file)."""
    engine = make_engine(url)
    if migrate:
        upgrade(engine, url)
    return AppContext(url, engine, make_session_factory(engine))
