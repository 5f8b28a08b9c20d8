"""A4 label sheets: file spine labels and slot labels, each a Code128 barcode of the code the
scanners read (file number or slot code) with the human-readable text beside it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from reportlab.graphics.barcode import code128
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from archive_desk.documents.fonts import cjk_font

COLUMNS, ROWS = 3, 8  # 70 × 37 mm labels, the common A4 sheet of 24
LABEL_W, LABEL_H = A4[0] / COLUMNS, A4[1] / ROWS


@dataclass(frozen=True)
class Label:
    code: str  # what the barcode holds
    title: str  # large line (file number or slot name)
    lines: tuple[str, ...] = ()


def _fit(c: canvas.Canvas, text: str, font: str, size: float, width: float) -> float:
    while size > 5 and c.stringWidth(text, font, size) > width:
        size -= 0.5
    return size


def write_sheet(labels: list[Label], out: Path, heading: str = "") -> Path:
    """Write labels onto as many A4 sheets as needed; returns the file written."""
    font = cjk_font()
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
        size = _fit(c, label.title, font, 11, inner)
        c.setFont(font, size)
        c.drawString(x + pad, y + LABEL_H - pad - 11 * mm - 5 * mm, label.title)
        c.setFont(font, 8)
        for k, line in enumerate(label.lines[:3]):
            c.setFont(font, _fit(c, line, font, 8, inner))
            c.drawString(x + pad, y + LABEL_H - pad - 11 * mm - 9.5 * mm - k * 3.6 * mm, line)
        c.setStrokeGray(0.85)
        c.rect(x + 1, y + 1, LABEL_W - 2, LABEL_H - 2)
    if not labels:
        c.setFont(font, 12)
        c.drawString(20 * mm, A4[1] - 30 * mm, "（没有要打印的标签）")
    c.save()
    return out
