"""The core tables. Business history is append-only (events, audit_entries); current state lives
on holders/files and is only ever changed together with an event that says why."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    String,
    Text,
    UniqueConstraint,
    false,
)
from sqlalchemy.orm import Mapped, declared_attr, mapped_column, relationship

from archive_desk.db.base import Base, UTCDateTime, utcnow

BigId = BigInteger().with_variant(Integer, "sqlite")  # SQLite rowid aliases must be INTEGER
TS = UTCDateTime()  # aware UTC instants on both engines (db/base.py)


def ordered_text(n: int) -> String:
    """Text searched by prefix ranges: byte order ("C") on PostgreSQL whatever the database
    locale, so that a prefix is one contiguous index range (SQLite compares bytes already)."""
    return String(n).with_variant(String(n, collation="C"), "postgresql")


class Versioned:
    """Optimistic locking for a record two desks can edit: SQLAlchemy adds `AND version = :v`
    to every UPDATE/DELETE and bumps the number, so a save over a change committed meanwhile
    matches no row and fails (StaleDataError → services.errors.Conflict) instead of silently
    putting old values back. Services also compare the version the caller loaded."""

    version: Mapped[int] = mapped_column(Integer, server_default="1")

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.__table__.c.version}


class User(Versioned, Base):
    __tablename__ = "users"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    username: Mapped[str] = mapped_column(String(40), unique=True)
    display_name: Mapped[str] = mapped_column(String(40))
    password_hash: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(20))
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    failed_logins: Mapped[int] = mapped_column(Integer, default=0)
    locked_at: Mapped[datetime | None] = mapped_column(TS)
    created_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    password_changed_at: Mapped[datetime | None] = mapped_column(TS)
    # Set when an administrator resets the password: the user changes it at the next sign-in.
    must_change_password: Mapped[bool] = mapped_column(
        Boolean, default=False, server_default=false()
    )
    __table_args__ = (
        CheckConstraint("role IN ('clerk','archivist','supervisor','admin')", name="role"),
    )


class Holder(Versioned, Base):
    __tablename__ = "holders"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(ordered_text(30), index=True)
    sex_code: Mapped[str] = mapped_column(String(1), default="")
    birth_date: Mapped[date | None] = mapped_column(Date)
    ethnicity_code: Mapped[str] = mapped_column(String(2), default="")
    id_number: Mapped[str] = mapped_column(String(18), unique=True)
    hukou_location: Mapped[str] = mapped_column(String(100), default="")
    political_status_code: Mapped[str] = mapped_column(String(2), default="")
    education_code: Mapped[str] = mapped_column(String(2), default="")
    graduated_school: Mapped[str] = mapped_column(String(100), default="")
    major: Mapped[str] = mapped_column(String(100), default="")
    work_start_date: Mapped[date | None] = mapped_column(Date)
    employer: Mapped[str] = mapped_column(String(100), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    address: Mapped[str] = mapped_column(String(200), default="")
    party_join_date: Mapped[date | None] = mapped_column(Date)
    professional_title: Mapped[str] = mapped_column(String(100), default="")
    native_place: Mapped[str] = mapped_column(String(100), default="")
    former_employer: Mapped[str] = mapped_column(String(100), default="")
    marital_status_code: Mapped[str] = mapped_column(String(2), default="")
    # Search keys, written with the name (domain.names): never computed per search.
    name_pinyin: Mapped[str] = mapped_column(ordered_text(120), index=True)
    name_initials: Mapped[str] = mapped_column(ordered_text(30), index=True)
    id_rev: Mapped[str] = mapped_column(
        ordered_text(18), index=True
    )  # reversed: last digits search
    created_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TS, default=utcnow)

    relations: Mapped[list[HolderRelation]] = relationship(
        back_populates="holder", order_by="HolderRelation.id"
    )


class HolderNameGram(Base):
    """Every 1-, 2- and 3-character piece of each holder's name: a name fragment is one index
    range here, however common its characters (full-text and trigram indexes are slow or blind
    for the 1–2 character fragments most searches are). Derived from `holders.name`."""

    __tablename__ = "holder_name_grams"
    gram: Mapped[str] = mapped_column(ordered_text(3), primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), primary_key=True, index=True)
    __table_args__ = {"sqlite_with_rowid": False}


class HolderRelation(Versioned, Base):
    """Family relations: needed for the rule that nobody consults a relative's file (§7)."""

    __tablename__ = "holder_relations"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), index=True)
    name: Mapped[str] = mapped_column(String(30))
    relation_code: Mapped[str] = mapped_column(String(2))
    id_number: Mapped[str] = mapped_column(String(18), default="", index=True)
    holder: Mapped[Holder] = relationship(back_populates="relations")


class HolderEducation(Versioned, Base):
    __tablename__ = "holder_education"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    school: Mapped[str] = mapped_column(String(100))
    major: Mapped[str] = mapped_column(String(100), default="")
    education_code: Mapped[str] = mapped_column(String(2), default="")
    degree: Mapped[str] = mapped_column(String(40), default="")


class HolderWork(Versioned, Base):
    __tablename__ = "holder_work"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), index=True)
    start_date: Mapped[date | None] = mapped_column(Date)
    end_date: Mapped[date | None] = mapped_column(Date)
    unit: Mapped[str] = mapped_column(String(100))
    post: Mapped[str] = mapped_column(String(100), default="")


class Unit(Versioned, Base):
    """An employer that deposits its staff's files (unit collective deposit)."""

    __tablename__ = "units"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    credit_code: Mapped[str | None] = mapped_column(String(18), unique=True)
    address: Mapped[str] = mapped_column(String(200), default="")
    phone: Mapped[str] = mapped_column(String(30), default="")
    contact: Mapped[str] = mapped_column(String(30), default="")


class StorageLocation(Versioned, Base):
    """One node of 库房 → 区 → 列 → 面 → 节 → 层 → 格; files sit in 格 (slot) nodes."""

    __tablename__ = "storage_locations"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    parent_id: Mapped[int | None] = mapped_column(ForeignKey("storage_locations.id"), index=True)
    level: Mapped[str] = mapped_column(String(10))
    number: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(40), unique=True)
    name: Mapped[str] = mapped_column(String(60))
    capacity: Mapped[int] = mapped_column(Integer, default=0)
    retired_at: Mapped[datetime | None] = mapped_column(TS)


class File(Versioned, Base):
    __tablename__ = "files"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), unique=True)
    file_number: Mapped[str | None] = mapped_column(String(20), unique=True)
    status: Mapped[str] = mapped_column(String(20), index=True)
    deposit_type: Mapped[str] = mapped_column(String(10), default="personal")
    unit_id: Mapped[int | None] = mapped_column(ForeignKey("units.id"), index=True)
    location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_locations.id"), index=True)
    created_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    __table_args__ = (
        CheckConstraint("deposit_type IN ('unit','personal')", name="deposit_type"),
        CheckConstraint(
            "status IN ('awaiting_arrival','received','in_storage','on_loan','transfer_pending',"
            "'transferred','receipt_returned','returned_to_sender')",
            name="status",
        ),
    )


class FileCustodian(Versioned, Base):
    """Who kept the file before us and since when (custodian history)."""

    __tablename__ = "file_custodians"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id"), index=True)
    custodian: Mapped[str] = mapped_column(String(100))
    since: Mapped[date | None] = mapped_column(Date)
    until: Mapped[date | None] = mapped_column(Date)
    note: Mapped[str] = mapped_column(String(200), default="")


class Event(Base):
    """The append-only business log: every transition of a file or holder (domain §3)."""

    __tablename__ = "events"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(TS, default=utcnow, index=True)
    kind: Mapped[str] = mapped_column(String(40), index=True)
    holder_id: Mapped[int | None] = mapped_column(ForeignKey("holders.id"), index=True)
    file_id: Mapped[int | None] = mapped_column(ForeignKey("files.id"), index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("events.id"))
    data: Mapped[dict] = mapped_column(JSON, default=dict)


class AuditEntry(Base):
    """Who did or saw what, when (domain §13). Append-only."""

    __tablename__ = "audit_entries"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(TS, default=utcnow, index=True)
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"), index=True)
    username: Mapped[str] = mapped_column(String(40))
    action: Mapped[str] = mapped_column(String(40))
    entity: Mapped[str] = mapped_column(String(40), default="")
    entity_id: Mapped[int | None] = mapped_column(BigInteger)
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    __table_args__ = (Index("ix_audit_entries_entity", "entity", "entity_id"),)


class SettingValue(Versioned, Base):
    __tablename__ = "settings"
    key: Mapped[str] = mapped_column(String(60), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(40), default="")


class NameReading(Base):
    """The office's own reading of a rare name character, added by a supervisor (Settings):
    laid over pypinyin and the shipped table when search keys are written (domain.names)."""

    __tablename__ = "name_readings"
    character: Mapped[str] = mapped_column(ordered_text(1), primary_key=True)
    reading: Mapped[str] = mapped_column(String(12))
    updated_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(40), default="")


class NumberSequence(Base):
    """Counters that never hand out a number twice (file numbers; letter numbers per year)."""

    __tablename__ = "number_sequences"
    name: Mapped[str] = mapped_column(String(40), primary_key=True)
    scope: Mapped[str] = mapped_column(String(10), primary_key=True)
    next_value: Mapped[int] = mapped_column(BigInteger)


class FileMove(Base):
    """The storeroom move log (domain §5): append-only, one row a move."""

    __tablename__ = "file_moves"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    at: Mapped[datetime] = mapped_column(TS, default=utcnow, index=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id"), index=True)
    from_location_id: Mapped[int | None] = mapped_column(ForeignKey("storage_locations.id"))
    to_location_id: Mapped[int | None] = mapped_column(
        ForeignKey("storage_locations.id"), index=True
    )
    reason: Mapped[str] = mapped_column(String(10))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    stocktake_id: Mapped[int | None] = mapped_column(ForeignKey("stocktakes.id"))


class Stocktake(Versioned, Base):
    """A stocktake (盘点) of the locations under one code prefix."""

    __tablename__ = "stocktakes"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    prefix: Mapped[str] = mapped_column(String(40))
    started_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    started_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    finished_at: Mapped[datetime | None] = mapped_column(TS)
    applied_at: Mapped[datetime | None] = mapped_column(TS)


class StocktakeScan(Base):
    """One scan during a stocktake: this file was found in this slot. Append-only."""

    __tablename__ = "stocktake_scans"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    stocktake_id: Mapped[int] = mapped_column(ForeignKey("stocktakes.id"), index=True)
    at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id"))
    location_id: Mapped[int] = mapped_column(ForeignKey("storage_locations.id"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id"))


class TransferLetter(Versioned, Base):
    """A 调档函 issued to the current custodian (domain §4.1); cancelled, never deleted."""

    __tablename__ = "transfer_letters"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), index=True)
    addressee: Mapped[str] = mapped_column(String(100))
    source: Mapped[str] = mapped_column(String(10), default="counter")
    issued_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    valid_until: Mapped[date] = mapped_column(Date, index=True)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    arrived_at: Mapped[datetime | None] = mapped_column(TS)
    cancelled_at: Mapped[datetime | None] = mapped_column(TS)
    cancel_reason: Mapped[str] = mapped_column(String(200), default="")


class Arrival(Base):
    """A file's arrival and its check on receipt (domain §4.2–3). Append-only."""

    __tablename__ = "arrivals"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id"), index=True)
    letter_id: Mapped[int | None] = mapped_column(ForeignKey("transfer_letters.id"))
    arrived_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    mode: Mapped[str] = mapped_column(String(10))
    tracking_number: Mapped[str] = mapped_column(String(40), default="")
    sender: Mapped[str] = mapped_column(String(100))
    seal_intact: Mapped[bool] = mapped_column(Boolean)
    originals: Mapped[int] = mapped_column(Integer, default=1)
    copies: Mapped[int] = mapped_column(Integer, default=0)
    material_count: Mapped[int] = mapped_column(Integer)
    checker: Mapped[str] = mapped_column(String(40))
    note: Mapped[str] = mapped_column(String(200), default="")
    recorded_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    __table_args__ = (CheckConstraint("mode IN ('机要','EMS','专人送取')", name="mode"),)


class MissingNotice(Versioned, Base):
    """缺件告知承诺 (domain §4.4): the file is accepted, the holder commits to supply items."""

    __tablename__ = "missing_notices"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    number: Mapped[str] = mapped_column(String(40), unique=True)
    file_id: Mapped[int] = mapped_column(ForeignKey("files.id"), index=True)
    items: Mapped[list] = mapped_column(JSON)
    deadline: Mapped[date] = mapped_column(Date, index=True)
    commitment: Mapped[str] = mapped_column(Text)
    issued_at: Mapped[datetime] = mapped_column(TS, default=utcnow)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    fulfilled_at: Mapped[datetime | None] = mapped_column(TS)


class IssuedDocument(Base):
    """An official document as first issued (issue 9): what it is, the data it was drawn from
    and the sha256 of its bytes. A reprint writes exactly those bytes (kept beside it in
    issued_document_bytes) and counts here; each reprint is also an event and an audit entry."""

    __tablename__ = "issued_documents"
    id: Mapped[int] = mapped_column(BigId, primary_key=True)
    kind: Mapped[str] = mapped_column(String(40))
    source: Mapped[str] = mapped_column(String(80))
    """The record it was drawn from (e.g. "letter 12", "arrival 7"): one document per source."""
    ref: Mapped[str] = mapped_column(String(60), index=True)
    holder_id: Mapped[int] = mapped_column(ForeignKey("holders.id"), index=True)
    data: Mapped[dict] = mapped_column(JSON)
    suffix: Mapped[str] = mapped_column(String(10), default=".pdf")
    size: Mapped[int] = mapped_column(BigInteger)
    sha256: Mapped[str] = mapped_column(String(64))
    issued_at: Mapped[datetime] = mapped_column(TS, default=utcnow, index=True)
    issued_by: Mapped[int | None] = mapped_column(ForeignKey("users.id"))
    issued_by_name: Mapped[str] = mapped_column(String(40))
    reprints: Mapped[int] = mapped_column(Integer, default=0)
    __table_args__ = (UniqueConstraint("kind", "source", name="uq_issued_documents_kind_source"),)


class IssuedDocumentBytes(Base):
    """The bytes of an issued document, in the same database so that a backup holds them."""

    __tablename__ = "issued_document_bytes"
    document_id: Mapped[int] = mapped_column(ForeignKey("issued_documents.id"), primary_key=True)
    content: Mapped[bytes] = mapped_column(LargeBinary)
