"""Office settings stored in the database (declared in domain.settings)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from archive_desk.db.base import utcnow
from archive_desk.db.models import SettingValue
from archive_desk.domain import clock
from archive_desk.domain import settings as catalog
from archive_desk.services import audit, locking
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput


def read_all(session: Session) -> dict[str, object]:
    stored = {r.key: r.value for r in session.scalars(select(SettingValue))}
    out: dict[str, object] = {}
    for spec in catalog.SETTINGS:
        text = stored.get(spec.key)
        out[spec.key] = spec.default if text is None else catalog.parse(spec.key, text)
    return out


@dataclass(frozen=True)
class SettingsView:
    """The settings as a page loads them: values, and each stored row's version (0: not stored),
    handed back to `update_many` so a save over another desk's newer change is refused."""

    values: dict[str, object]
    versions: dict[str, int]


def load(ctx: AppContext) -> SettingsView:
    with ctx.uow() as uow:
        versions = {
            k: v for k, v in uow.session.execute(select(SettingValue.key, SettingValue.version))
        }
        return SettingsView(read_all(uow.session), versions)


def get_all(ctx: AppContext) -> dict[str, object]:
    with ctx.uow(write=False) as uow:
        return read_all(uow.session)


def required_fields(session: Session) -> tuple[str, ...]:
    text = str(read_all(session)["holder.required_fields"])
    return tuple(f for f in (p.strip() for p in text.split(",")) if f)


def load_office_zone(ctx: AppContext) -> None:
    """Read the office's time zone once (when the database is opened) and give it to the clock."""
    with ctx.uow(write=False) as uow:
        clock.set_office_zone(str(read_all(uow.session)["office.time_zone"]))


def update_many(
    ctx: AppContext, values: dict[str, str], versions: dict[str, int] | None = None
) -> None:
    """Validate every value first; store all or nothing; audit the change with old and new.
    `versions` (from `load`): any key changed by someone else since refuses the whole save."""
    actor = ctx.require("settings.edit")
    parsed = {}
    for key, text in values.items():
        if key not in catalog.BY_KEY:
            raise InvalidInput(key, f"未知的设置项：{key}")
        try:
            parsed[key] = catalog.parse(key, str(text).strip())
        except ValueError as exc:
            raise InvalidInput(key, str(exc)) from None
    with ctx.uow() as uow:
        old = read_all(uow.session)
        for key, value in parsed.items():
            row = uow.session.get(SettingValue, key)
            if versions is not None and (row.version if row else 0) != versions.get(key, 0):
                label = catalog.BY_KEY[key].label
                raise locking.conflict(uow.session, f"设置项“{label}”", "settings", None)
            if row is None:
                uow.session.add(SettingValue(key=key, value=str(value), updated_by=actor.username))
            elif row.value != str(value):  # unchanged rows keep their version
                row.value, row.updated_at, row.updated_by = str(value), utcnow(), actor.username
        changes = {k: [old[k], v] for k, v in parsed.items() if old[k] != v}
        audit.record(uow.session, actor, "settings.update", "settings", None, changes=changes)
        uow.commit()
    if "office.time_zone" in parsed:
        clock.set_office_zone(str(parsed["office.time_zone"]))
