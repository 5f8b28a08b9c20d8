"""Text into Word documents without losing a character: each run carries the East Asian font
of the font chain that has its glyphs (SimSun, then SimSun-ExtB for Extension B, …), set in all
four `w:rFonts` slots so that Word does not substitute a font without the glyph."""

from __future__ import annotations

from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from archive_desk.documents.fonts import chain


def set_font(run: Run, name: str) -> None:
    """Name `name` for every script of the run, East Asian included (python-docx's
    `run.font.name` sets only the Latin slots)."""
    run.font.name = name
    rpr = run._element.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for slot in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(slot), name)
    fonts.set(qn("w:hint"), "eastAsia")


def add_text(paragraph: Paragraph, text: str, size: float | None = None) -> list[Run]:
    """Append `text` to `paragraph` as runs, one per font of the chain; refuses (Unprintable)
    before adding anything when a character has no font."""
    runs = []
    for font, piece in chain().runs(text):
        run = paragraph.add_run(piece)
        set_font(run, font)
        if size:
            run.font.size = Pt(size)
        runs.append(run)
    return runs
