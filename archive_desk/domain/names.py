"""Names as written, and the pinyin keys of Chinese names (computed when a name is written —
never per search).

A name is kept exactly as the person writes it: any CJK unified ideograph Python's `unicodedata`
knows (the basic block and Extensions A, B, C …, where many real names live), 〇, CJK
compatibility ideographs *as typed* (NFC/NFKC would turn them into other code points, so no
Unicode normalisation touches an ideograph), Latin letters, spaces and the middle dot. The dot
as input methods type it (• ・ ‧ ． ･) is stored as U+00B7; full-width letters and spaces
become half-width. Lengths count characters (code points), never UTF-16 units.

Surnames have their own readings (曾 zeng, 单 shan, 仇 qiu …) and compound surnames (欧阳, 司马 …)
are read as one; the given name is read by pypinyin as a phrase. pypinyin does not know every
rare name character (𠮷): a shipped table (resources/data/name_readings.csv) is loaded into it
at import, and the office's own readings (added by a supervisor, stored in the database) are
laid over both through `set_local_readings`.
"""

from __future__ import annotations

import csv
import re
import unicodedata
from functools import lru_cache

from pypinyin import Style, lazy_pinyin, load_single_dict
from pypinyin.contrib.tone_convert import to_normal

from archive_desk import paths

NAME_MAX = 30  # characters (code points)
MIDDLE_DOT = "\u00b7"
DOT_LOOKALIKES = "\u2022\u30fb\u2027\uff0e\uff65"  # • ・ ‧ ． ･ as input methods type the dot
_DOTS = str.maketrans(dict.fromkeys(DOT_LOOKALIKES, MIDDLE_DOT))
_FULL_WIDTH_LETTERS = str.maketrans(
    {c: c - 0xFEE0 for r in ((0xFF21, 0xFF3A), (0xFF41, 0xFF5A)) for c in range(r[0], r[1] + 1)}
)
_SPACED_DOT = re.compile(r" ?\u00b7 ?")
ALLOWED = "汉字、字母、空格和间隔号"


def is_ideograph(ch: str) -> bool:
    """A CJK unified ideograph of any block `unicodedata` knows, a compatibility ideograph,
    or 〇."""
    if ch == "\u3007":
        return True
    return unicodedata.name(ch, "").startswith(
        ("CJK UNIFIED IDEOGRAPH-", "CJK COMPATIBILITY IDEOGRAPH-")
    )


def is_compatibility_ideograph(ch: str) -> bool:
    return unicodedata.name(ch, "").startswith("CJK COMPATIBILITY IDEOGRAPH-")


def _is_letter(ch: str) -> bool:
    return unicodedata.category(ch).startswith("L") and "LATIN" in unicodedata.name(ch, "")


def normalise_name(text: str) -> str:
    """The name to store: spaces trimmed and single, full-width letters half-width, the dot's
    look-alikes as U+00B7 (without spaces round it). Ideographs are never touched."""
    text = " ".join(text.translate(_DOTS).translate(_FULL_WIDTH_LETTERS).split())
    return _SPACED_DOT.sub(MIDDLE_DOT, text)


def code_point(ch: str) -> str:
    return f"U+{ord(ch):04X}"


def check_name(name: str) -> str | None:
    """Why `name` (already normalised) cannot be a name, in Chinese; None when it can."""
    if len(name) > NAME_MAX:
        return f"不能超过{NAME_MAX}个字（现为{len(name)}个字）"
    for ch in name:
        if is_ideograph(ch) or _is_letter(ch) or ch in (" ", MIDDLE_DOT):
            continue
        category = unicodedata.category(ch)
        if category == "Co":
            return (
                f"含有私用区字符“{ch}”（{code_point(ch)}）：这种自造字只在造字的电脑上显示，"
                "无法交换和打印，请改用国家标准（GB 18030）中的汉字"
            )
        if category == "Cs":
            return f"含有不完整的字符（{code_point(ch)}），请重新输入姓名"
        return f"不能包含“{ch}”（{code_point(ch)}）：只能包含{ALLOWED}"
    if not any(is_ideograph(ch) or _is_letter(ch) for ch in name):
        return f"至少应有一个汉字或字母：只能包含{ALLOWED}"
    return None


def search_form(text: str) -> str:
    """A search entry as names are stored (the dot's look-alikes as U+00B7), without spaces."""
    return "".join(normalise_name(text).split())


def _load_shipped_readings() -> dict[str, str]:
    """The shipped table of rare name characters and their readings, loaded into pypinyin."""
    with open(paths.resource("data", "name_readings.csv"), encoding="utf-8", newline="") as fh:
        rows = {r["character"]: r["reading"] for r in csv.DictReader(fh)}
    load_single_dict({ord(c): r for c, r in rows.items()})
    return rows


SHIPPED_READINGS = _load_shipped_readings()
_local_readings: dict[str, str] = {}


def set_local_readings(readings: dict[str, str]) -> bool:
    """Lay the office's readings (character → pinyin) over pypinyin's; True if they changed."""
    if readings == _local_readings:
        return False
    _local_readings.clear()
    _local_readings.update(readings)
    syllables.cache_clear()
    _read.cache_clear()
    return True


def has_reading(ch: str) -> bool:
    """Whether a reading of `ch` is known (the office's, the shipped table's or pypinyin's)."""
    if ch in _local_readings:
        return True
    ch = unicodedata.normalize("NFC", ch) if is_compatibility_ideograph(ch) else ch
    return bool(_syllable(lazy_pinyin(ch, style=Style.NORMAL)[0]))


COMPOUND_SURNAMES = {
    "欧阳": "ou yang",
    "司马": "si ma",
    "上官": "shang guan",
    "诸葛": "zhu ge",
    "东方": "dong fang",
    "皇甫": "huang fu",
    "尉迟": "yu chi",
    "公孙": "gong sun",
    "慕容": "mu rong",
    "长孙": "zhang sun",
    "宇文": "yu wen",
    "司徒": "si tu",
    "夏侯": "xia hou",
    "令狐": "ling hu",
    "澹台": "tan tai",
    "轩辕": "xuan yuan",
    "端木": "duan mu",
    "西门": "xi men",
    "南宫": "nan gong",
    "独孤": "du gu",
}
SURNAME_READINGS = {
    "曾": "zeng",
    "单": "shan",
    "仇": "qiu",
    "区": "ou",
    "解": "xie",
    "查": "zha",
    "朴": "piao",
    "盖": "ge",
    "覃": "qin",
    "缪": "miao",
    "乐": "yue",
    "尉": "yu",
    "折": "she",
    "员": "yun",
    "万": "wan",
    "繁": "po",
    "召": "shao",
    "种": "chong",
    "翟": "zhai",
    "沈": "shen",
    "柏": "bai",
    "秘": "bi",
    "长": "chang",
    "重": "chong",
    "朝": "chao",
    "宓": "mi",
    "隗": "wei",
    "牟": "mou",
}


def split_surname(name: str) -> tuple[str, str]:
    if name[:2] in COMPOUND_SURNAMES:
        return name[:2], name[2:]
    return name[:1], name[1:]


@lru_cache(maxsize=65536)
def syllables(name: str) -> tuple[str, ...]:
    """The pinyin syllables of a name, surname first, lower case without tones. A character
    whose reading nobody knows gives no syllable (it is still found by the character itself)."""
    name = "".join(name.split())
    if not name:
        return ()
    surname, given = split_surname(name)
    if surname in COMPOUND_SURNAMES:
        head = tuple(COMPOUND_SURNAMES[surname].split())
    elif surname in SURNAME_READINGS and surname not in _local_readings:
        head = (SURNAME_READINGS[surname],)
    else:
        head = _read(surname)
    return (*head, *_read(given))


def _syllable(token: str) -> str:
    """A pinyin syllable in lower case, or '' for what is not one (an unknown character, ·)."""
    token = token.lower()
    return token if token.isascii() and token.isalpha() else ""


@lru_cache(maxsize=65536)
def _read(text: str) -> tuple[str, ...]:
    """The reading of a surname or given name: the office's readings first, then pypinyin's
    (with the shipped table) over each run of the other characters, read as a phrase.
    A compatibility ideograph is read as its unified twin (only for the reading)."""
    tokens: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if run:
            tokens.extend(lazy_pinyin("".join(run), style=Style.NORMAL))
            run.clear()

    for ch in text:
        if ch in _local_readings:
            flush()
            tokens.append(to_normal(_local_readings[ch]))
        else:
            run.append(unicodedata.normalize("NFC", ch) if is_compatibility_ideograph(ch) else ch)
    flush()
    return tuple(s for s in map(_syllable, tokens) if s)


def pinyin_full(name: str) -> str:
    """'曾小明' → 'zengxiaoming'."""
    return "".join(syllables(name))


def pinyin_initials(name: str) -> str:
    """'张伟' → 'zw'."""
    return "".join(s[0] for s in syllables(name) if s)


GRAM_MAX = 3


def grams(name: str) -> set[str]:
    """Every piece of 1 to 3 consecutive characters: '张伟明' → 张 伟 明 张伟 伟明 张伟明."""
    chars = "".join(name.split())
    return {chars[i : i + n] for n in range(1, GRAM_MAX + 1) for i in range(len(chars) - n + 1)}
