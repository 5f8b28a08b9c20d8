"""optimistic locking; TRUNCATE refused on the append-only logs

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-01

Every record two desks can edit gets a `version` (existing rows start at 1), checked and bumped
by SQLAlchemy's version_id_col: a save over somebody else's newer change is refused instead of
silently putting the old values back.

On PostgreSQL `TRUNCATE events` / `TRUNCATE audit_entries` went past the row triggers of 0001
(TRUNCATE fires no row triggers): statement triggers refuse it now. SQLite has no TRUNCATE.
"""

from alembic import op
import sqlalchemy as sa


revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

VERSIONED = (
    "users",
    "holders",
    "holder_relations",
    "holder_education",
    "holder_work",
    "units",
    "storage_locations",
    "files",
    "file_custodians",
    "settings",
    "stocktakes",
    "transfer_letters",
    "missing_notices",
)
APPEND_ONLY = ("events", "audit_entries")


def upgrade() -> None:
    for table in VERSIONED:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("version", sa.Integer(), server_default="1", nullable=False)
            )
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:  # append_only() is the trigger function made by 0001
            op.execute(
                f"CREATE TRIGGER {table}_no_truncate BEFORE TRUNCATE ON {table} "
                "FOR EACH STATEMENT EXECUTE FUNCTION append_only()"
            )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in APPEND_ONLY:
            op.execute(f"DROP TRIGGER {table}_no_truncate ON {table}")
    for table in reversed(VERSIONED):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("version")
