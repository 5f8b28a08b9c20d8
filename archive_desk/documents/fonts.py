"""The fonts of printed documents: a chain of embeddable TrueType fonts, chosen per character, so
that a document never drops a character of a name.

reportlab embeds TrueType outlines only (Noto CJK's CFF outlines fail). No single font has every
ideograph: SimSun stops at Extension A (Windows keeps Extension B in SimSun-ExtB), WenQuanYi Zen
Hei likewise; Extension B and later need a font such as SimSun-ExtB or HanaMinB (Debian's
`fonts-hanazono`). Each character is drawn with the first font of the chain that has its glyph;
when none has it the document is not produced (`Unprintable` names the character and the font to
install) — a blank in a name on a 调档函 is worse than no letter.

reportlab (5.1) writes a ToUnicode entry of a character beyond U+FFFF as an odd-length hex string,
which viewers reject (copying the name out of the PDF loses the character): `_to_unicode_cmap`
writes it as the UTF-16 pair the PDF reference asks for.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from pathlib import Path

from reportlab.pdfbase import pdfmetrics, ttfonts
from reportlab.pdfbase.ttfonts import TTFont


@dataclass(frozen=True)
class FontFile:
    name: str  # the family name Word knows, and the name registered with reportlab
    path: str
    index: int = 0  # the face within a .ttc collection


_WIN = os.environ.get("WINDIR", "C:/Windows").replace("\\", "/") + "/Fonts/"
WINDOWS = (
    FontFile("SimSun", _WIN + "simsun.ttc"),
    FontFile("SimSun-ExtB", _WIN + "simsunb.ttf"),
    FontFile("SimSun-ExtG", _WIN + "SimsunExtG.ttf"),
    FontFile("FangSong", _WIN + "simfang.ttf"),
    FontFile("SimHei", _WIN + "simhei.ttf"),
    FontFile("Microsoft YaHei", _WIN + "msyh.ttc"),
    FontFile("MingLiU-ExtB", _WIN + "mingliub.ttc"),
)
_LINUX = "/usr/share/fonts/truetype/"
LINUX = (
    FontFile("SimSun", _LINUX + "simsun/simsun.ttc"),
    FontFile("WenQuanYi Zen Hei", _LINUX + "wqy/wqy-zenhei.ttc"),
    FontFile("WenQuanYi Micro Hei", _LINUX + "wqy/wqy-microhei.ttc"),
    FontFile("AR PL UMing CN", _LINUX + "arphic/uming.ttc"),
    FontFile("Droid Sans Fallback", _LINUX + "droid/DroidSansFallbackFull.ttf"),
    FontFile("HanaMinA", _LINUX + "hanazono/HanaMinA.ttf"),
    FontFile("HanaMinB", _LINUX + "hanazono/HanaMinB.ttf"),
)
MAC = (FontFile("STHeiti", "/System/Library/Fonts/STHeiti Light.ttc"),)
CANDIDATES = WINDOWS + LINUX + MAC

if sys.platform == "win32":
    INSTALL_HINT = "请安装“SimSun-ExtB”（宋体-ExtB，Windows 的“简体中文补充字体”功能）"
else:
    INSTALL_HINT = (
        "请安装 Extension B 字体 HanaMinB（Debian/Ubuntu：apt-get install fonts-hanazono）"
    )


class Unprintable(ValueError):
    """Some characters have a glyph in no font of the chain: the document is not produced."""

    def __init__(self, chars: list[str]):
        self.chars = chars
        if not chars:
            super().__init__(
                "本机没有可嵌入 PDF 的中文 TrueType 字体，文书未生成。"
                "请安装宋体（SimSun）或文泉驿正黑（apt-get install fonts-wqy-zenhei）后重试"
            )
            return
        shown = "、".join(f"“{c}”（U+{ord(c):04X}）" for c in chars)
        super().__init__(f"本机没有能打印{shown}的字体，文书未生成。{INSTALL_HINT}后重试")


class FontChain:
    """The fonts present on this machine, in order; each loaded (and registered with reportlab)
    only when a character needs it — an Extension B font costs half a second to read."""

    def __init__(self, candidates: tuple[FontFile, ...] | list[FontFile]):
        self.files = [f for f in candidates if Path(f.path).is_file()]
        self._faces: dict[int, set[int] | None] = {}
        self._by_char: dict[str, str | None] = {}

    def _cmap(self, i: int) -> set[int] | None:
        if i not in self._faces:
            f = self.files[i]
            try:
                font = TTFont(f.name, f.path, subfontIndex=f.index)
            except Exception:  # noqa: BLE001 - a broken or CFF-outline font: skip it
                self._faces[i] = None
            else:
                pdfmetrics.registerFont(font)
                self._faces[i] = set(font.face.charToGlyph)
        return self._faces[i]

    def font_for(self, ch: str) -> str | None:
        """The first font of the chain with a glyph for `ch`, or None."""
        if ch not in self._by_char:
            self._by_char[ch] = next(
                (
                    f.name
                    for i, f in enumerate(self.files)
                    if (cmap := self._cmap(i)) is not None and ord(ch) in cmap
                ),
                None,
            )
        return self._by_char[ch]

    @property
    def primary(self) -> str:
        """The font of everything the first font can print (the body font)."""
        for i, f in enumerate(self.files):
            if self._cmap(i) is not None:
                return f.name
        raise Unprintable([])

    def missing(self, text: str) -> list[str]:
        """The characters of `text` no font of the chain can print, each once, in order."""
        out: list[str] = []
        for ch in text:
            if not ch.isspace() and self.font_for(ch) is None and ch not in out:
                out.append(ch)
        return out

    def runs(self, text: str) -> list[tuple[str, str]]:
        """`text` cut into (font, piece) runs; Unprintable if any character has no font."""
        bad = self.missing(text)
        if bad:
            raise Unprintable(bad)
        primary = self.primary
        out: list[tuple[str, str]] = []
        for ch in text:
            font = primary if ch.isspace() else self.font_for(ch)
            if out and out[-1][0] == font:
                out[-1] = (font, out[-1][1] + ch)
            else:
                out.append((font, ch))
        return out

    def width(self, text: str, size: float) -> float:
        return sum(pdfmetrics.stringWidth(t, f, size) for f, t in self.runs(text))

    def draw(self, c, x: float, y: float, text: str, size: float, align: str = "left") -> float:
        """Draw `text` on canvas `c`, each run in its font; align left, centre or right of x.
        Returns the width drawn."""
        runs = self.runs(text)
        width = sum(pdfmetrics.stringWidth(t, f, size) for f, t in runs)
        x -= {"left": 0, "centre": width / 2, "right": width}[align]
        for font, piece in runs:
            c.setFont(font, size)
            c.drawString(x, y, piece)
            x += pdfmetrics.stringWidth(piece, font, size)
        return width

    def markup(self, text: str) -> str:
        """`text` as platypus Paragraph markup: XML-escaped, runs beyond the body font wrapped
        in <font face=…> (a Paragraph of the body font then prints every character)."""
        from xml.sax.saxutils import escape

        primary = self.primary
        return "".join(
            escape(t) if f == primary else f'<font face="{f}">{escape(t)}</font>'
            for f, t in self.runs(text)
        )


_active: FontChain | None = None


def chain() -> FontChain:
    """This machine's chain (tests may set `_active` to a restricted one)."""
    global _active
    if _active is None:
        _active = FontChain(CANDIDATES)
    return _active


def cjk_font() -> str:
    """The body font (the first of the chain); text drawn with it alone has no fallback."""
    return chain().primary


def unprintable(text: str) -> list[str]:
    return chain().missing(text)


def _to_unicode_cmap(fontname: str, subset) -> str:
    lines = ttfonts_make_cmap(fontname, subset).split("\n")
    return "\n".join(_utf16_line(line) for line in lines)


def _utf16_line(line: str) -> str:
    """'<05> <20BB7>' → '<05> <D842DFB7>' (only lines whose code point is beyond U+FFFF)."""
    parts = line.split(" ")
    if len(parts) == 2 and parts[1].startswith("<") and len(parts[1]) > 6:
        cp = int(parts[1][1:-1], 16)
        return f"{parts[0]} <{chr(cp).encode('utf-16-be').hex().upper()}>"
    return line


ttfonts_make_cmap = ttfonts.makeToUnicodeCMap
ttfonts.makeToUnicodeCMap = _to_unicode_cmap
