"""How every service call runs: a context (database + acting user) and a unit of work.

`with ctx.uow() as uow: …; uow.commit()` — one transaction per call, rolled back unless committed,
so the business change, its event and its audit entry land together or not at all.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

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
    def __init__(self, factory: sessionmaker[Session]):
        self._factory = factory
        self.session: Session

    def __enter__(self) -> UnitOfWork:
        self.session = self._factory()
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


def open_database(url: str, *, setup: bool = False) -> AppContext:
    """Connect, ready to work: see services/database.py for what may change on the way in.

    SQLite: the schema is brought to head (an existing file is copied aside first). PostgreSQL:
    the schema must already be at head; `setup=True` (for `init`) also creates it in an empty
    database. Anything else raises DatabaseUnavailable with one Chinese sentence.
    """
    from archive_desk.services.database import open_database as _open

    return _open(url, setup=setup)
