"""A4 label sheets: file spine labels and slot labels, each a Code128 barcode of the code the
scanners read (file number or slot code) with the human-readable text beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode import code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from archive_desk.documents.fonts import FontChain, chain

COLUMNS, ROWS = 3, 8  # 70 × 37 mm labels, the common A4 sheet of 24
LABEL_W, LABEL_H = A4[0] / COLUMNS, A4[1] / ROWS


@dataclass(frozen=True)
class Label:
    code: str  # what the barcode holds
    title: str  # large line (file number or slot name)
    lines: tuple[str, ...] = ()


def _fit(fonts: FontChain, text: str, size: float, width: float) -> float:
    while size > 5 and fonts.width(text, size) > width:
        size -= 0.5
    return size


def write_sheet(labels: list[Label], out: Path, heading: str = "") -> Path:
    """Write labels onto as many A4 sheets as needed; returns the file written."""
    fonts = chain()
    for label in labels:  # refuse before drawing anything: a label never loses a character
        fonts.runs(label.title + "".join(label.lines[:3]))
    out = Path(out)
    c = canvas.Canvas(str(out), pagesize=A4)
    c.setTitle(heading or "labels")
    per_page = COLUMNS * ROWS
    for i, label in enumerate(labels):
        if i and i % per_page == 0:
            c.showPage()
        col, row = (i % per_page) % COLUMNS, (i % per_page) // COLUMNS
        x, y = col * LABEL_W, A4[1] - (row + 1) * LABEL_H
        pad = 4 * mm
        inner = LABEL_W - 2 * pad
        barcode = code128.Code128(
            label.code, barHeight=11 * mm, barWidth=0.3 * mm, humanReadable=False, quiet=False
        )
        scale = min(1.0, inner / barcode.width)
        c.saveState()
        c.translate(x + pad, y + LABEL_H - pad - 11 * mm)
        c.scale(scale, 1)
        barcode.drawOn(c, 0, 0)
        c.restoreState()
        size = _fit(fonts, label.title, 11, inner)
        fonts.draw(c, x + pad, y + LABEL_H - pad - 11 * mm - 5 * mm, label.title, size)
        for k, line in enumerate(label.lines[:3]):
            top = y + LABEL_H - pad - 11 * mm - 9.5 * mm - k * 3.6 * mm
            fonts.draw(c, x + pad, top, line, _fit(fonts, line, 8, inner))
        c.setStrokeGray(0.85)
        c.rect(x + 1, y + 1, LABEL_W - 2, LABEL_H - 2)
    if not labels:
        fonts.draw(c, 20 * mm, A4[1] - 30 * mm, "（没有要打印的标签）", 12)
    c.save()
    return out
