"""Font helpers for the printing tests: an Extension B font is needed to print 𠮷; without one
the test skips locally and fails under CI (.ci/run installs fonts-hanazono)."""

from __future__ import annotations

import os

import pytest
from pypdf import PdfReader

from archive_desk.documents import fonts


def require_ext_b() -> None:
    if fonts.chain().font_for("𠮷") is None:
        msg = "no Extension B font on this machine (apt-get install fonts-hanazono)"
        if os.environ.get("CI") == "true":
            pytest.fail(msg)
        pytest.skip(msg)


def without_ext_b() -> fonts.FontChain:
    """The chain of a machine with ordinary CJK fonts but no Extension B font."""
    ordinary = [f for f in fonts.CANDIDATES if "Ext" not in f.name and "Hana" not in f.name]
    chain = fonts.FontChain(ordinary)
    if not chain.files:
        pytest.skip("no CJK TrueType font on this machine")
    return chain


def embedded_chars(path) -> set[str]:
    """Every character whose glyph is embedded in the PDF: read from the ToUnicode map of each
    font that carries its own font file (FontFile2: embedded TrueType)."""
    out: set[str] = set()
    for page in PdfReader(path).pages:
        for font in page["/Resources"]["/Font"].values():
            font = font.get_object()
            desc = font.get("/FontDescriptor")
            if desc is None or "/FontFile2" not in desc.get_object() or "/ToUnicode" not in font:
                continue
            cmap = font["/ToUnicode"].get_object().get_data().decode("latin-1")
            for line in cmap.splitlines():
                parts = line.split()
                if len(parts) == 2 and parts[0].startswith("<") and len(parts[1]) in (6, 10):
                    out.add(bytes.fromhex(parts[1][1:-1]).decode("utf-16-be"))
    return out
