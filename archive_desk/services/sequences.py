"""Number sequences that never hand out a number twice, also with several desks on PostgreSQL.

The counter row is created if missing (insert … on conflict do nothing) and then incremented with
UPDATE … RETURNING inside the caller's transaction: the row lock serialises concurrent desks, and
a rolled-back transaction gives its number back instead of leaving a duplicate.
"""

from __future__ import annotations

from sqlalchemy import update
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from archive_desk.db.models import NumberSequence


def next_value(session: Session, name: str, scope: str = "") -> int:
    dialect = session.get_bind().dialect.name
    ins = (postgresql if dialect == "postgresql" else sqlite).insert(NumberSequence)
    session.execute(ins.values(name=name, scope=scope, next_value=1).on_conflict_do_nothing())
    stmt = (
        update(NumberSequence)
        .where(NumberSequence.name == name, NumberSequence.scope == scope)
        .values(next_value=NumberSequence.next_value + 1)
        .returning(NumberSequence.next_value)
    )
    return session.execute(stmt).scalar_one() - 1


def peek(session: Session, name: str, scope: str = "") -> int:
    row = session.get(NumberSequence, (name, scope))
    return row.next_value if row else 1
