"""Pinyin keys of Chinese names, computed when a name is written — never per search.

Surnames have their own readings (曾 zeng, 单 shan, 仇 qiu …) and compound surnames (欧阳, 司马 …)
are read as one; the given name is read by pypinyin as a phrase.
"""

from __future__ import annotations

from functools import lru_cache

from pypinyin import Style, lazy_pinyin

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
    """The pinyin syllables of a name, surname first, lower case without tones."""
    name = "".join(name.split())
    if not name:
        return ()
    surname, given = split_surname(name)
    if surname in COMPOUND_SURNAMES:
        head = tuple(COMPOUND_SURNAMES[surname].split())
    elif surname in SURNAME_READINGS:
        head = (SURNAME_READINGS[surname],)
    else:
        head = _read(surname)
    return tuple(s.lower() for s in (*head, *_read(given)))


@lru_cache(maxsize=65536)
def _read(text: str) -> tuple[str, ...]:
    """pypinyin's reading of a surname or given name; given names repeat, so cache them too."""
    return tuple(lazy_pinyin(text, style=Style.NORMAL)) if text else ()


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
