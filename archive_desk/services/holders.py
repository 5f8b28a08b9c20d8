"""Holders: create, edit (field-by-field validation), view (audited), list by keyset pages."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import delete, func, insert, or_, select
from sqlalchemy.orm import Session

from archive_desk.db.base import utcnow
from archive_desk.db.models import File, Holder, HolderNameGram, HolderRelation, StorageLocation
from archive_desk.domain import clock, codes, names
from archive_desk.domain.files import status_label
from archive_desk.domain.holder import (
    FIELDS,
    HolderData,
    HolderInvalid,
    Relation,
    completeness,
    missing_required,
    normalise,
    shape_errors,
    validate,
)
from archive_desk.services import audit, locking, lookup, name_readings
from archive_desk.services.context import AppContext
from archive_desk.services.settings import required_fields

FIELD_NAMES = tuple(f.name for f in FIELDS)


@dataclass(frozen=True)
class HolderView:
    id: int
    data: HolderData
    file_number: str | None
    file_status: str | None
    location: str | None
    completeness: int
    missing: list[str]
    version: int  # what the caller hands back to `update` (optimistic locking)
    warnings: list[str] = field(default_factory=list)

    @property
    def status_label(self) -> str:
        return status_label(self.file_status)


@dataclass(frozen=True)
class HolderRow:
    """One line of the holder list."""

    id: int
    name: str
    sex: str
    birth_date: date | None
    id_number: str
    employer: str
    file_number: str | None
    status: str


def search_keys(name: str, id_number: str) -> dict[str, str]:
    return {
        "name_pinyin": names.pinyin_full(name),
        "name_initials": names.pinyin_initials(name),
        "id_rev": id_number[::-1],
    }


def write_grams(session: Session, holder_id: int, name: str, replace: bool = False) -> None:
    """The name's 1–3 character pieces for fragment search (derived data, rewritten whole)."""
    if replace:
        session.execute(delete(HolderNameGram).where(HolderNameGram.holder_id == holder_id))
    session.execute(
        insert(HolderNameGram), [{"gram": g, "holder_id": holder_id} for g in names.grams(name)]
    )


def _data_of(h: Holder) -> HolderData:
    d = HolderData(**{n: getattr(h, n) for n in FIELD_NAMES})
    d.relations = [Relation(r.name, r.relation_code, r.id_number) for r in h.relations]
    return d


def _check(session: Session, data: HolderData, holder_id: int | None) -> list[str]:
    if not isinstance(data, HolderData):
        raise HolderInvalid(shape_errors(data))
    data = normalise(data)
    errors, warnings = validate(data)
    if "id_number" not in errors:
        other = session.scalar(select(Holder).where(Holder.id_number == data.id_number))
        if other is not None and other.id != holder_id:
            errors["id_number"] = f"该身份证号码已登记（存档人：{other.name}）"
    if errors:
        raise HolderInvalid(errors)
    return warnings


def _view(session: Session, h: Holder, warnings: list[str] | None = None) -> HolderView:
    row = session.execute(
        select(File.file_number, File.status, StorageLocation.name)
        .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
        .where(File.holder_id == h.id)
    ).first()
    values = {n: getattr(h, n) for n in FIELD_NAMES}
    required = required_fields(session)
    return HolderView(
        id=h.id,
        data=_data_of(h),
        file_number=row[0] if row else None,
        file_status=row[1] if row else None,
        location=row[2] if row else None,
        completeness=completeness(values, required),
        missing=missing_required(values, required),
        version=h.version,
        warnings=warnings or [],
    )


def _set_relations(session: Session, h: Holder, relations: list[Relation]) -> None:
    for old in list(h.relations):
        session.delete(old)  # relation rows are a part of the holder record, versioned by events
    h.relations = [
        HolderRelation(name=r.name, relation_code=r.relation_code, id_number=r.id_number or "")
        for r in relations
    ]


def create(ctx: AppContext, data: HolderData) -> HolderView:
    actor = ctx.require("holder.edit")
    with ctx.uow() as uow:
        s = uow.session
        warnings = _check(s, data, None)
        name_readings.sync(s)  # the office's readings of rare characters, before the keys
        values = data.values()
        h = Holder(**values, **search_keys(data.name, data.id_number))
        s.add(h)
        _set_relations(s, h, data.relations)
        s.flush()
        write_grams(s, h.id, h.name)
        audit.event(s, actor, "holder.created", holder_id=h.id)
        audit.record(s, actor, "holder.create", "holder", h.id, name=h.name)
        uow.commit()
        return _view(s, h, warnings)


def update(ctx: AppContext, holder_id: int, data: HolderData, version: int) -> HolderView:
    """Save the whole form; the event keeps every changed field's old and new value.
    `version` is the one the form was loaded with: a save over a newer change is refused
    (Conflict, naming who changed the record and when) and nothing is written."""
    actor = ctx.require("holder.edit")
    with ctx.uow() as uow:
        s = uow.session
        h = lookup.holder(s, holder_id)
        locking.check(s, h, version, f"存档人“{h.name}”的记录", "holder", h.id)
        warnings = _check(s, data, holder_id)
        name_readings.sync(s)  # reads: before any field is set, so nothing flushes early
        changes = {}
        # Everything set before anything is flushed: one UPDATE of the holder, one version step.
        old_rel = [(r.name, r.relation_code, r.id_number) for r in h.relations]
        for name, value in data.values().items():
            old = getattr(h, name)
            if old != value:
                changes[name] = [_plain(old), _plain(value)]
                setattr(h, name, value)
        new_rel = [(r.name, r.relation_code, r.id_number or "") for r in data.relations]
        if old_rel != new_rel:
            changes["relations"] = [old_rel, new_rel]
            _set_relations(s, h, data.relations)
        if changes:
            for k, v in search_keys(h.name, h.id_number).items():
                setattr(h, k, v)
            h.updated_at = utcnow()
            if "name" in changes:
                write_grams(s, h.id, h.name, replace=True)
            audit.event(s, actor, "holder.updated", holder_id=h.id, changes=changes)
            audit.record(s, actor, "holder.update", "holder", h.id, fields=sorted(changes))
        uow.commit()
        return _view(s, h, warnings)


def _plain(v: object) -> object:
    return clock.iso(v) if isinstance(v, date) else v


def view(ctx: AppContext, holder_id: int) -> HolderView:
    """Open a holder's record. Every view is audited (domain §13)."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        h = lookup.holder(s, holder_id)
        result = _view(s, h)
        audit.read(s, actor, "holder.view", "holder", h.id, rows=1)
        uow.commit()
        return result


@dataclass(frozen=True)
class FileLine:
    """Where a holder's file stands: what the record page shows above the form."""

    file_number: str | None
    file_status: str | None
    location: str | None

    @property
    def status_label(self) -> str:
        return status_label(self.file_status)


def file_line(ctx: AppContext, holder_id: int) -> FileLine:
    """The file number, status and location of a holder's file (None when there is none), for a
    record page to follow changes made elsewhere without re-reading the record."""
    ctx.require("holder.view")
    with ctx.uow() as uow:
        row = uow.session.execute(
            select(File.file_number, File.status, StorageLocation.name)
            .outerjoin(StorageLocation, StorageLocation.id == File.location_id)
            .where(File.holder_id == holder_id)
        ).first()
    return FileLine(*row) if row else FileLine(None, None, None)


def count(ctx: AppContext) -> int:
    ctx.require("holder.view")
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(Holder))


def page(ctx: AppContext, after_id: int = 0, limit: int = 200) -> list[HolderRow]:
    """The next `limit` holders after `after_id`, by id (keyset paging: constant cost per page).
    Audited: a page shows names and ID numbers."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        rows = uow.session.execute(
            select(
                Holder.id,
                Holder.name,
                Holder.sex_code,
                Holder.birth_date,
                Holder.id_number,
                Holder.employer,
                File.file_number,
                File.status,
            )
            .outerjoin(File, File.holder_id == Holder.id)
            .where(Holder.id > after_id)
            .order_by(Holder.id)
            .limit(limit)
        ).all()
        audit.read(
            uow.session,
            actor,
            "holders.list",
            "holder",
            rows=len(rows),
            after_id=after_id,
            limit=limit,
        )
        uow.commit()
    return [
        HolderRow(
            r[0], r[1], codes.name_of(codes.SEX, r[2]), r[3], r[4], r[5], r[6], status_label(r[7])
        )
        for r in rows
    ]


def incomplete(
    ctx: AppContext, after_id: int = 0, limit: int = 200
) -> list[tuple[HolderRow, list[str]]]:
    """Holders missing any required item (应采必采), each with the labels of what is missing."""
    actor = ctx.require("holder.view")
    with ctx.uow() as uow:
        s = uow.session
        required = required_fields(s)
        columns = [getattr(Holder, n) for n in required if n in FIELD_NAMES]
        gaps = or_(
            *[
                c.is_(None) if c.type.python_type is date else (c == "") | c.is_(None)
                for c in columns
            ]
        )
        holders_ = s.scalars(
            select(Holder).where(Holder.id > after_id, gaps).order_by(Holder.id).limit(limit)
        ).all()
        out = []
        for h in holders_:
            values = {n: getattr(h, n) for n in FIELD_NAMES}
            row = HolderRow(
                h.id,
                h.name,
                codes.name_of(codes.SEX, h.sex_code),
                h.birth_date,
                h.id_number,
                h.employer,
                None,
                "",
            )
            out.append((row, missing_required(values, required)))
        audit.read(
            s,
            actor,
            "holders.incomplete.list",
            "holder",
            rows=len(out),
            after_id=after_id,
            limit=limit,
        )
        uow.commit()
        return out
