"""issued documents

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-02

Official documents kept as first issued (issue 9): the register row with the data snapshot and
sha256, and the bytes in a table of their own in the same database (backed up and restored with
it). Documents printed before this revision were not kept; their next print is their first.
"""

from alembic import op
import sqlalchemy as sa


revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")


def upgrade() -> None:
    op.create_table(
        "issued_documents",
        sa.Column("id", ID, nullable=False),
        sa.Column("kind", sa.String(length=40), nullable=False),
        sa.Column("source", sa.String(length=80), nullable=False),
        sa.Column("ref", sa.String(length=60), nullable=False),
        sa.Column("holder_id", ID, nullable=False),
        sa.Column("data", sa.JSON(), nullable=False),
        sa.Column("suffix", sa.String(length=10), nullable=False),
        sa.Column("size", sa.BigInteger(), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("issued_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("issued_by", ID, nullable=True),
        sa.Column("issued_by_name", sa.String(length=40), nullable=False),
        sa.Column("reprints", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["holder_id"], ["holders.id"], name=op.f("fk_issued_documents_holder_id_holders")
        ),
        sa.ForeignKeyConstraint(
            ["issued_by"], ["users.id"], name=op.f("fk_issued_documents_issued_by_users")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_issued_documents")),
        sa.UniqueConstraint("kind", "source", name=op.f("uq_issued_documents_kind_source")),
    )
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_issued_documents_holder_id"), ["holder_id"])
        batch_op.create_index(batch_op.f("ix_issued_documents_issued_at"), ["issued_at"])
        batch_op.create_index(batch_op.f("ix_issued_documents_ref"), ["ref"])
    op.create_table(
        "issued_document_bytes",
        sa.Column("document_id", ID, nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["issued_documents.id"],
            name=op.f("fk_issued_document_bytes_document_id_issued_documents"),
        ),
        sa.PrimaryKeyConstraint("document_id", name=op.f("pk_issued_document_bytes")),
    )


def downgrade() -> None:
    op.drop_table("issued_document_bytes")
    with op.batch_alter_table("issued_documents", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_issued_documents_ref"))
        batch_op.drop_index(batch_op.f("ix_issued_documents_issued_at"))
        batch_op.drop_index(batch_op.f("ix_issued_documents_holder_id"))
    op.drop_table("issued_documents")
