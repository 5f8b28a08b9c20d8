"""Shared layout for printed letters: A4, the CJK font, a centred title, body paragraphs,
the centre's signature and seal area, and a dashed cut line for stubs and second copies."""

from __future__ import annotations

from dataclasses import dataclass

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas

from archive_desk.documents.fonts import chain

LEFT, RIGHT = 25 * mm, A4[0] - 25 * mm
WIDTH = RIGHT - LEFT


@dataclass(frozen=True)
class Centre:
    name: str
    address: str
    post_code: str
    phone: str

    @classmethod
    def from_settings(cls, values: dict) -> Centre:
        return cls(
            str(values["centre.name"]),
            str(values["centre.address"]),
            str(values["centre.post_code"]),
            str(values["centre.phone"]),
        )


class Sheet:
    """A cursor over a canvas: write lines top-down, wrapping Chinese text by width. Every
    string goes through the font chain (a character the body font lacks is drawn in the next
    font that has it); the file is written only by `save`, so a refusal leaves no file."""

    def __init__(self, path, title: str):
        self.fonts = chain()
        self.font = self.fonts.primary
        self.c = canvas.Canvas(str(path), pagesize=A4)
        self.c.setTitle(title)
        self.y = A4[1] - 25 * mm

    def text(self, x: float, text: str, size: float, align: str = "left") -> None:
        self.fonts.draw(self.c, x, self.y, text, size, align)

    def title(self, text: str, size: float = 20) -> None:
        self.text(A4[0] / 2, text, size, "centre")
        self.y -= size * 1.2

    def right(self, text: str, size: float = 11) -> None:
        self.text(RIGHT, text, size, "right")
        self.y -= size * 1.8

    def wrap(self, text: str, size: float, width: float) -> list[str]:
        self.fonts.runs(text)  # refuse before measuring: every character needs a font
        lines, line, used = [], "", 0.0
        for ch in text:
            if ch == "\n":
                lines.append(line)
                line, used = "", 0.0
                continue
            w = self.c.stringWidth(ch, self.fonts.font_for(ch) or self.font, size)
            if used + w > width:
                lines.append(line)
                line, used = ch, w
            else:
                line, used = line + ch, used + w
        lines.append(line)
        return lines

    def para(self, text: str, size: float = 12, indent: bool = True, gap: float = 1.9) -> None:
        for line in self.wrap(("　　" if indent else "") + text, size, WIDTH):
            self.text(LEFT, line, size)
            self.y -= size * gap

    def space(self, mm_: float) -> None:
        self.y -= mm_ * mm

    def signature(self, centre: Centre, dated: str) -> None:
        """The centre's name and date at the right, with a seal circle guide."""
        self.space(6)
        self.text(RIGHT, f"{centre.name}（盖章）", 12, "right")
        self.c.setDash(2, 2)
        self.c.setStrokeGray(0.6)
        self.c.circle(RIGHT - 25 * mm, self.y + 2 * mm, 17 * mm)
        self.c.setDash()
        self.c.setStrokeGray(0)
        self.y -= 12 * 1.9
        self.text(RIGHT, dated, 12, "right")
        self.y -= 12 * 1.9

    def contact(self, centre: Centre) -> None:
        self.para(
            f"通讯地址：{centre.address}　邮政编码：{centre.post_code}　联系电话：{centre.phone}",
            size=10,
            indent=False,
        )

    def cut_line(self, label: str) -> None:
        self.space(4)
        self.c.setDash(4, 3)
        self.c.line(15 * mm, self.y, A4[0] - 15 * mm, self.y)
        self.c.setDash()
        self.fonts.draw(self.c, A4[0] / 2, self.y + 1.5 * mm, label, 8, "centre")
        self.space(10)

    def new_page(self) -> None:
        self.c.showPage()
        self.y = A4[1] - 25 * mm

    def save(self) -> None:
        self.c.save()


def chinese_date(d) -> str:
    return f"{d.year}年{d.month}月{d.day}日"
