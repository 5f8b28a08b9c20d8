"""The core never imports Qt: importing it must leave PySide6 out of sys.modules."""

import subprocess
import sys

CORE = [
    "archive_desk.domain.holder",
    "archive_desk.domain.idcard",
    "archive_desk.db.models",
    "archive_desk.db.migrate",
    "archive_desk.services.search",
    "archive_desk.services.users",
    "archive_desk.services.holders",
    "archive_desk.services.backup",
    "archive_desk.services.database",
    "archive_desk.services.schema_upgrade",
    "archive_desk.services.demo",
    "archive_desk.cli",
]


def test_core_imports_no_qt():
    code = (
        "import sys\n"
        + "".join(f"import {m}\n" for m in CORE)
        + ("bad = [m for m in sys.modules if m.startswith('PySide6')]\nassert not bad, bad\n")
    )
    subprocess.run([sys.executable, "-c", code], check=True)
