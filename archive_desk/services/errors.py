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


class DocumentDamaged(ServiceError):
    """An issued document's stored bytes no longer match their sha256: it is not reprinted, and
    never silently drawn again from today's data."""


class Unprintable(ServiceError):
    """A document would drop a character no font on this machine has: it is not produced. The
    message names the character and the font to install."""

    def __init__(self, message: str, chars: list[str]):
        super().__init__(message)
        self.chars = chars


def refuses_unprintable(fn):
    """Turn the documents layer's refusal into the service error callers show."""
    import functools

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        from archive_desk.documents.fonts import Unprintable as NoGlyph

        try:
            return fn(*args, **kwargs)
        except NoGlyph as exc:
            raise Unprintable(str(exc), exc.chars) from None

    return wrapper


class Conflict(ServiceError):
    """Somebody else saved the record after the caller loaded it: nothing was written; the
    caller should reload and edit again. `changed_by`/`changed_at` say who and when, if known."""

    def __init__(self, message: str, changed_by: str = "", changed_at=None):
        super().__init__(message)
        self.changed_by = changed_by
        self.changed_at = changed_at


class DatabaseUnavailable(ServiceError):
    """The database cannot be opened or used by this build (the CLI exits with DB_UNAVAILABLE).

    The message is one sentence naming the database (password hidden) and the reason."""


class AlreadySetUp(PermissionDenied):
    """`init` found an administrator already there (another desk set the database up first)."""
