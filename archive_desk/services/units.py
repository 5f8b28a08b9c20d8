"""Units (employers that deposit their staff's files)."""

from __future__ import annotations

from sqlalchemy import select

from archive_desk.db.models import Unit
from archive_desk.services.context import AppContext


def list_units(ctx: AppContext) -> list[tuple[int, str]]:
    ctx.require("holder.view")
    with ctx.uow() as uow:
        return [
            tuple(r) for r in uow.session.execute(select(Unit.id, Unit.name).order_by(Unit.name))
        ]
