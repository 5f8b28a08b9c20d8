"""Compile forms/*.ui into archive_desk/ui/forms/ui_*.py with pyside6-uic (`make forms`).

The output is committed and never edited by hand; a test fails when it is stale.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from archive_desk import paths

OUT = Path(__file__).resolve().parent / "forms"
HEADER = "# GENERATED from forms/{name} by `make forms` (pyside6-uic) — do not edit.\n"


def uic_binary() -> str:
    return str(Path(sys.executable).with_name("pyside6-uic"))


def compile_form(ui: Path) -> str:
    out = subprocess.run(
        [uic_binary(), "--from-imports", str(ui)], check=True, capture_output=True, text=True
    ).stdout
    body = "\n".join(line for line in out.splitlines() if not line.startswith("## Created by"))
    return HEADER.format(name=ui.name) + body + "\n"


def forms() -> list[Path]:
    return sorted((paths.root() / "forms").glob("*.ui"))


def main() -> None:
    OUT.mkdir(exist_ok=True)
    (OUT / "__init__.py").touch()
    for ui in forms():
        (OUT / f"ui_{ui.stem}.py").write_text(compile_form(ui), encoding="utf-8")


if __name__ == "__main__":
    main()
