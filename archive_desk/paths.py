"""Find bundled resources both in a source checkout and in a frozen (PyInstaller) build."""

from __future__ import annotations

import sys
from pathlib import Path


def root() -> Path:
    """The folder that holds `resources/` and `migrations/`."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parent.parent


def resource(*parts: str) -> Path:
    return root().joinpath("resources", *parts)


def migrations_dir() -> Path:
    return root() / "migrations"


def log_dir() -> Path:
    """Where the program writes its logs (the user's log folder, per platformdirs)."""
    from platformdirs import user_log_path

    return user_log_path("ArchiveDesk", appauthor=False)
