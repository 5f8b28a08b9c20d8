"""One registry of documents for the pages and `archive-desk print`."""

import subprocess
import sys

from archive_desk import cli
from archive_desk.services import printing


def test_the_cli_prints_exactly_the_registered_documents():
    sub = next(a for a in cli._parser()._actions if a.dest == "command")
    kind = next(a for a in sub.choices["print"]._actions if a.dest == "kind")
    assert set(kind.choices) == set(printing.KINDS)
    for k in printing.KINDS.values():
        assert k.help in sub.choices["print"].epilog and callable(k.make)


def test_listing_the_kinds_loads_no_database_or_renderer():
    code = (
        "import sys, archive_desk.cli as c; c._parser()\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'reportlab')]\n"
        "assert not bad, bad\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True)
