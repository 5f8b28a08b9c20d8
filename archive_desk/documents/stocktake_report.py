"""The stocktake report: Excel (openpyxl) or PDF (reportlab), chosen by the file's extension."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from archive_desk.documents.fonts import chain
from archive_desk.domain import clock

HEADERS = ("序号", "档案编号", "姓名", "盘点结果", "登记库位", "实际库位")


def _title(info, centre: str) -> tuple[str, str]:
    return (
        f"{centre}档案盘点报告",
        f"盘点编号：{info.id}　范围：{info.prefix_name}（{info.prefix}）　"
        f"开始：{clock.format_time(info.started_at)}　"
        f"结束：{clock.format_time(info.finished_at)}"
        if info.finished_at
        else f"盘点编号：{info.id}　范围：{info.prefix_name}（{info.prefix}）　进行中",
    )


def _summary(rows) -> str:
    counts = Counter(r.outcome for r in rows)
    return "　".join(f"{k}：{counts.get(k, 0)}" for k in ("相符", "缺失", "错位", "多余"))


def write(info, rows, centre: str, out: Path) -> Path:
    out = Path(out)
    suffix = out.suffix.lower()
    if suffix == ".xlsx":
        return _xlsx(info, rows, centre, out)
    if suffix == ".pdf":
        return _pdf(info, rows, centre, out)
    raise ValueError(f"不支持的报告格式“{out.suffix}”：请用 .xlsx 或 .pdf")


def _xlsx(info, rows, centre: str, out: Path) -> Path:
    wb = Workbook()
    ws = wb.active
    ws.title = "盘点结果"
    title, sub = _title(info, centre)
    ws.append([title])
    ws["A1"].font = Font(size=14, bold=True)
    ws.append([sub])
    ws.append([_summary(rows)])
    ws.append(list(HEADERS))
    for cell in ws[4]:
        cell.font = Font(bold=True)
        cell.alignment = Alignment(horizontal="center")
    for i, r in enumerate(rows, start=1):
        ws.append([i, r.file_number, r.holder_name, r.outcome, r.recorded, r.found])
    for col, width in zip("ABCDEF", (6, 14, 12, 10, 34, 34), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = "A5"
    buf = io.BytesIO()  # built in memory: a full disk fails the one write, no half-closed zip
    wb.save(buf)
    Path(out).write_bytes(buf.getvalue())
    return out


def _pdf(info, rows, centre: str, out: Path) -> Path:
    fonts = chain()
    font = fonts.primary
    title_style = ParagraphStyle("t", fontName=font, fontSize=16, leading=22, alignment=1)
    body = ParagraphStyle("b", fontName=font, fontSize=9, leading=13)
    cell = ParagraphStyle("c", fontName=font, fontSize=8, leading=10)
    title, sub = _title(info, centre)

    def text(value) -> Paragraph:  # a name may need a font beyond the body font
        return Paragraph(fonts.markup(str(value or "")), cell)

    data = [list(HEADERS)] + [
        [
            str(i),
            text(r.file_number),
            text(r.holder_name),
            r.outcome,
            text(r.recorded),
            text(r.found),
        ]
        for i, r in enumerate(rows, start=1)
    ]
    table = Table(
        data, colWidths=[10 * mm, 24 * mm, 20 * mm, 16 * mm, 55 * mm, 55 * mm], repeatRows=1
    )
    style = [
        ("FONT", (0, 0), (-1, -1), font, 8),
        ("GRID", (0, 0), (-1, -1), 0.4, colors.grey),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#e8e8e8")),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
    ]
    for i, r in enumerate(rows, start=1):
        if r.outcome != "相符":
            style.append(("TEXTCOLOR", (3, i), (3, i), colors.HexColor("#b00020")))
    table.setStyle(TableStyle(style))
    doc = SimpleDocTemplate(
        str(out),
        pagesize=A4,
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=15 * mm,
        bottomMargin=15 * mm,
        title=title,
    )
    doc.build(
        [
            Paragraph(fonts.markup(title), title_style),
            Spacer(1, 3 * mm),
            Paragraph(fonts.markup(sub), body),
            Paragraph(_summary(rows), body),
            Spacer(1, 4 * mm),
            table,
            Spacer(1, 10 * mm),
            Paragraph("盘点人（签字）：　　　　　　　　复核人（签字）：", body),
        ]
    )
    return out
