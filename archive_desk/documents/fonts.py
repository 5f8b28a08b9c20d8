"""The CJK font for PDFs. reportlab embeds TrueType outlines only (Noto CJK's CFF fails), so:
the system's SimSun/FangSong first, then a Linux CJK TrueType font, and reportlab's
STSong-Light (not embedded: the viewer supplies it) as the last resort."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

CANDIDATES = (
    ("SimSun", "C:/Windows/Fonts/simsun.ttc", 0),
    ("FangSong", "C:/Windows/Fonts/simfang.ttf", None),
    ("SimSun", "/usr/share/fonts/truetype/simsun/simsun.ttc", 0),
    ("WenQuanYiZenHei", "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc", 0),
    ("DroidSansFallback", "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf", None),
    ("WenQuanYiZenHei", "/System/Library/Fonts/STHeiti Light.ttc", 0),
)
FALLBACK = "STSong-Light"


@cache
def cjk_font() -> str:
    """Register and return the name of the best CJK font found on this machine."""
    for name, path, index in CANDIDATES:
        if Path(path).is_file():
            try:
                font = (
                    TTFont(name, path, subfontIndex=index)
                    if index is not None
                    else TTFont(name, path)
                )
            except Exception:  # noqa: BLE001 - a broken or CFF font: try the next one
                continue
            pdfmetrics.registerFont(font)
            return name
    pdfmetrics.registerFont(UnicodeCIDFont(FALLBACK))
    return FALLBACK
