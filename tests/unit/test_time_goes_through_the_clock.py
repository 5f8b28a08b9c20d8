"""No module formats an instant, turns it into a date, or asks what time or day it is except
through `archive_desk/domain/clock.py` — otherwise a page shows UTC or a letter carries
yesterday's date. An AST scan of the package, with a short allow-list of what is not an instant."""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGE = ROOT / "archive_desk"
CLOCK = "archive_desk/domain/clock.py"

# Formatting or converting a datetime / date: shown to people, or a business date.
FORMATTING = {"strftime", "isoformat", "astimezone", "timetuple", "utctimetuple"}
# Reading the time or the day anywhere else than the clock (or building a naive instant).
READING = {
    ("date", "today"),
    ("datetime", "now"),
    ("datetime", "utcnow"),
    ("datetime", "today"),
    ("datetime", "combine"),
    ("datetime", "fromtimestamp"),
    ("datetime", "utcfromtimestamp"),
    ("time", "localtime"),
    ("time", "gmtime"),
    ("time", "strftime"),
    ("time", "ctime"),
    ("QDate", "currentDate"),
    ("QDateTime", "currentDateTime"),
    ("QDateTime", "currentDateTimeUtc"),
}

# (file, expression): each is not an instant from the database, and says why.
ALLOWED = {
    # QDateEdit.date(): the date a clerk picked, a QDate.
    ("archive_desk/ui/dialogs/intake_dialogs.py", "self.deadline.date()"),
    # The birth-date digits inside a generated demo ID number.
    ("archive_desk/services/demo.py", "{born:%Y%m%d}"),
}


def findings(source: str) -> list[str]:
    """Every expression in `source` that formats or reads time outside the clock."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            attr, owner = node.func.attr, node.func.value
            if attr in FORMATTING or (attr in ("date", "time") and not node.args):
                if not (attr == "time" and isinstance(owner, ast.Name) and owner.id == "time"):
                    found.append(ast.unparse(node))
            elif isinstance(owner, ast.Name) and (owner.id, attr) in READING:
                found.append(ast.unparse(node))
        elif isinstance(node, ast.FormattedValue) and node.format_spec is not None:
            spec = "".join(
                v.value
                for v in node.format_spec.values
                if isinstance(v, ast.Constant) and isinstance(v.value, str)
            )
            if "%" in spec:
                found.append(f"{{{ast.unparse(node.value)}:{spec}}}")
        elif isinstance(node, ast.Constant) and re.search(r"\{[^{}]*:%", str(node.value)):
            found.append(repr(node.value))  # "{0:%Y-%m-%d}".format(...)
    return found


def test_the_scan_catches_each_way_of_showing_time_raw():
    sample = (
        "a = row.at.strftime('%H:%M')\n"
        "b = letter.issued_at.date()\n"
        "c = f'{info.started_at:%Y-%m-%d %H:%M}'\n"
        "d = date.today()\n"
        "e = datetime.now(UTC).isoformat()\n"
        "f = '{0:%Y-%m-%d}'.format(x)\n"
        "g = QDate.currentDate()\n"
        "h = datetime.combine(day, time(9))\n"
    )
    assert len(findings(sample)) == 9  # e counts twice: now() and isoformat()
    assert findings("t = time.time()\nok = clock.format_time(row.at)\n") == []


def test_no_module_formats_time_outside_the_clock():
    bad, seen = [], set()
    for path in sorted(PACKAGE.rglob("*.py")):
        rel = path.relative_to(ROOT).as_posix()
        if rel == CLOCK or "/ui/forms/" in rel:
            continue
        for expr in findings(path.read_text(encoding="utf-8")):
            if (rel, expr) in ALLOWED:
                seen.add((rel, expr))
            else:
                bad.append(f"{rel}: {expr}")
    assert not bad, "use archive_desk.domain.clock instead:\n" + "\n".join(bad)
    assert seen == ALLOWED, f"stale allow-list entries: {sorted(ALLOWED - seen)}"
