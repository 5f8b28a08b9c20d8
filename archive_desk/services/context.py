"""How every service call runs: a context (database + acting user) and a unit of work.

`with ctx.uow() as uow: …; uow.commit()` — one transaction per call, rolled back unless committed,
so the business change, its event and its audit entry land together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from archive_desk.db.migrate import upgrade
from archive_desk.db.session import READ_ONLY, make_engine, make_session_factory
from archive_desk.domain.roles import PERMISSIONS, ROLE_LABELS, Role
from archive_desk.services.errors import PermissionDenied


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
    """One transaction. On SQLite a writing one begins IMMEDIATE (it waits for the write lock on
    the busy timeout instead of failing half-way); `write=False` keeps a pure read out of it."""

    def __init__(self, factory: sessionmaker[Session], write: bool = True):
        self._factory = factory
        self._write = write
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
        if not self._write:
            self.session.connection(execution_options={READ_ONLY: True})
        return self

    def commit(self) -> None:
        self.session.commit()

    def __exit__(self, *exc) -> None:
        self.session.rollback()
        self.session.close()


@dataclass(frozen=True)
class AppContext:
    url: str
    engine: Engine
    factory: sessionmaker[Session]
    actor: Actor | None = None

    def uow(self, write: bool = True) -> UnitOfWork:
        """A unit of work; pass write=False for a call that only reads (and audits nothing)."""
        return UnitOfWork(self.factory, write)

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
