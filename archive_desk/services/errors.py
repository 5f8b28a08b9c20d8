"""Errors a service raises for the caller to show; every message is Chinese and names the cause."""

from __future__ import annotations

from archive_desk.domain.holder import HolderInvalid  # noqa: F401  (re-exported for callers)


class ServiceError(Exception):
    """Base: `str(exc)` is a message fit for the user."""


class PermissionDenied(ServiceError):
    pass


class NotFound(ServiceError):
    pass


class LoginFailed(ServiceError):
    pass


class AccountLocked(LoginFailed):
    pass


class InvalidInput(ServiceError):
    """Bad value for one named field."""

    def __init__(self, field: str, message: str):
        super().__init__(message)
        self.field = field


class Unavailable(ServiceError):
    """The action cannot run on this installation (e.g. pg_dump not on PATH)."""


class DatabaseUnavailable(ServiceError):
    """The database cannot be opened or used by this build (the CLI exits with DB_UNAVAILABLE).

    The message is one sentence naming the database (password hidden) and the reason."""


class AlreadySetUp(PermissionDenied):
    """`init` found an administrator already there (another desk set the database up first)."""
