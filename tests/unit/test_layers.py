"""Imports point down: the core never imports Qt, and the screens never touch the database.

Every module under domain/ db/ services/ documents/ sync/ (found on disk, not listed by hand) is
imported in a fresh interpreter, which must still be free of PySide6 after each import; domain/
must also stay free of SQLAlchemy. Every module under ui/ is read for its imports: none may name
sqlalchemy or archive_desk.db (a page calls services and gets dataclasses back).
"""

import ast
import subprocess
import sys
from pathlib import Path

import pytest

import archive_desk

PACKAGE = Path(archive_desk.__file__).parent
CORE = ["domain", "db", "services", "documents", "sync"]


def modules_under(*folders: str) -> list[str]:
    found = []
    for folder in folders:
        for path in sorted((PACKAGE / folder).rglob("*.py")):
            parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
            if parts[-1] == "__init__":
                parts = parts[:-1]
            found.append(".".join(parts))
    return found


CHECK = """
import importlib, sys
forbidden = sys.argv[1].split(",")
for name in sys.argv[2:]:
    importlib.import_module(name)
    bad = sorted(m for m in sys.modules if m.split(".")[0] in forbidden)
    if bad:
        sys.exit(f"importing {name} loaded {bad[:5]}")
"""


def test_every_core_folder_is_found():
    found = modules_under(*CORE)
    for module in ("services.changes", "services.intake_documents", "documents.intake_letters"):
        assert f"archive_desk.{module}" in found
    assert len(found) > 30


@pytest.mark.parametrize("folder", CORE)
def test_core_imports_no_qt(folder):
    modules = modules_under(folder) + (["archive_desk.cli"] if folder == "services" else [])
    if not modules:
        pytest.skip(f"no {folder}/ yet")
    forbidden = "PySide6,shiboken6" + (",sqlalchemy" if folder == "domain" else "")
    done = subprocess.run(
        [sys.executable, "-c", CHECK, forbidden, *modules], capture_output=True, text=True
    )
    assert done.returncode == 0, done.stderr[-2000:]


def _imports(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_ui_never_imports_the_database():
    offenders = {}
    for path in sorted((PACKAGE / "ui").rglob("*.py")):
        bad = sorted(
            n
            for n in _imports(path)
            if n.split(".")[0] == "sqlalchemy"
            or n == "archive_desk.db"
            or n.startswith("archive_desk.db.")
        )
        if bad:
            offenders[str(path.relative_to(PACKAGE))] = bad
    assert offenders == {}
