"""Roles (domain §13) and what each may do. Services check these; the UI only hides buttons."""

from __future__ import annotations

from enum import StrEnum


class Role(StrEnum):
    CLERK = "clerk"
    ARCHIVIST = "archivist"
    SUPERVISOR = "supervisor"
    ADMIN = "admin"


ROLE_LABELS = {
    Role.CLERK: "窗口经办",
    Role.ARCHIVIST: "档案管理员",
    Role.SUPERVISOR: "科室负责人",
    Role.ADMIN: "系统管理员",
}

ALL = frozenset(Role)
PERMISSIONS: dict[str, frozenset[Role]] = {
    "holder.view": ALL,
    "holder.edit": frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMIN}),
    "search": ALL,
    "settings.edit": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    "user.manage": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    "backup": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    "restore": frozenset({Role.ADMIN}),
    "database.upgrade": frozenset({Role.ADMIN}),
    "demo.load": frozenset({Role.ADMIN}),
    "audit.view": frozenset({Role.SUPERVISOR, Role.ADMIN}),
    "intake": frozenset({Role.CLERK, Role.SUPERVISOR, Role.ADMIN}),
    "storage.manage": frozenset({Role.ARCHIVIST, Role.SUPERVISOR, Role.ADMIN}),
    "storage.move": frozenset({Role.ARCHIVIST, Role.SUPERVISOR, Role.ADMIN}),
}


def allowed(role: str, action: str) -> bool:
    return Role(role) in PERMISSIONS[action]
