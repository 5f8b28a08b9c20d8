"""This desk's own preferences (QSettings), each key declared once with its type and default.
Office-wide settings that documents depend on live in the database instead (domain.settings)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

from PySide6.QtCore import QSettings

T = TypeVar("T")
ORG, APP = "ArchiveDesk", "ArchiveDesk"


@dataclass(frozen=True)
class Pref(Generic[T]):
    key: str
    kind: type
    default: T

    def get(self, settings: QSettings | None = None) -> T:
        s = settings or QSettings(ORG, APP)
        return s.value(self.key, self.default, type=self.kind)

    def set(self, value: T, settings: QSettings | None = None) -> None:
        (settings or QSettings(ORG, APP)).setValue(self.key, value)


LANGUAGE = Pref("ui/language", str, "zh_CN")
LAST_USER = Pref("login/last_user", str, "")
LANGUAGES = {"zh_CN": "简体中文", "en": "English"}


def window_key(username: str, what: str) -> str:
    """Window geometry and state are remembered per user."""
    return f"window/{username}/{what}"
