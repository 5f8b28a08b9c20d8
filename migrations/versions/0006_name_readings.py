"""name readings

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-01

The office's own readings of rare name characters (a supervisor adds them in Settings); holders'
search keys are rewritten by the app when a reading is added, so there is nothing to backfill.
"""

from alembic import op
import sqlalchemy as sa


revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "name_readings",
        sa.Column(
            "character",
            sa.String(length=1).with_variant(sa.String(length=1, collation="C"), "postgresql"),
            nullable=False,
        ),
        sa.Column("reading", sa.String(length=12), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_by", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("character", name=op.f("pk_name_readings")),
    )


def downgrade() -> None:
    op.drop_table("name_readings")
