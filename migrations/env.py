"""Alembic environment: programmatic config, batch mode on SQLite, connection may be handed in."""

from __future__ import annotations

from alembic import context

from archive_desk.db import models  # noqa: F401  (registers the tables)
from archive_desk.db.base import Base, UTCDateTime
from archive_desk.db.migrate import include_name
from archive_desk.db.session import make_engine

config = context.config
target_metadata = Base.metadata


def render_item(type_, obj, autogen_context):
    """Revisions spell our timestamp type as the column it is, so they never import the app."""
    if type_ == "type" and isinstance(obj, UTCDateTime):
        return "sa.DateTime(timezone=True)"
    return False


def _configure(connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=connection.dialect.name == "sqlite",
        include_name=include_name,
        compare_type=True,
        render_item=render_item,
    )


def run_offline() -> None:
    context.configure(
        url=config.get_main_option("sqlalchemy.url"),
        target_metadata=target_metadata,
        literal_binds=True,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def run_online() -> None:
    connection = config.attributes.get("connection")
    if connection is not None:
        _configure(connection)
        with context.begin_transaction():
            context.run_migrations()
        return
    engine = make_engine(config.get_main_option("sqlalchemy.url"))
    with engine.begin() as conn:
        _configure(conn)
        with context.begin_transaction():
            context.run_migrations()


if context.is_offline_mode():
    run_offline()
else:
    run_online()
