"""Names as written: rare characters in every CJK block, the middle dot's look-alikes,
compatibility ideographs kept as typed, private-use characters refused with their reason."""

import csv
import unicodedata

import pytest
from pypinyin import Style, lazy_pinyin

from archive_desk import paths
from archive_desk.domain import names
from archive_desk.domain.holder import HolderData, normalise, validate

COMPAT = "金\uf9dc"  # 隆 as the compatibility ideograph U+F9DC (NFC makes it U+9686)
RARE = ["王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘", COMPAT]


def _check(name: str) -> dict[str, str]:
    data = normalise(HolderData(name=name, id_number="11010519491231002X"))
    return validate(data)[0]


@pytest.mark.parametrize("name", RARE + ["阿卜杜拉·艾力", "〇〇七", "Anna Li", "李〇"])
def test_rare_character_names_are_accepted(name):
    assert "name" not in _check(name)


@pytest.mark.parametrize(
    "ch",
    [
        "\u4e00",
        "\u3400",
        "\U00020000",
        "\U0002a700",
        "\U0002b740",
        "\U0002b820",
        "\U0002ceb0",
        "\U00030000",
        "\U00031350",
    ],
)
def test_every_extension_unicodedata_knows_is_a_name_character(ch):
    if not unicodedata.name(ch, ""):
        pytest.skip(
            f"U+{ord(ch):X} is newer than this Python's Unicode {unicodedata.unidata_version}"
        )
    assert names.check_name("王" + ch) is None


def test_compatibility_ideograph_is_kept_as_typed():
    data = normalise(HolderData(name=COMPAT))
    assert data.name == COMPAT and data.name != unicodedata.normalize("NFC", COMPAT)
    assert names.pinyin_initials(COMPAT) == "jl"  # read as its unified twin


@pytest.mark.parametrize("dot", ["\u2022", "\u30fb", "\u2027", "\uff0e", "\uff65", "\u00b7"])
def test_middle_dot_look_alikes_are_stored_as_the_middle_dot(dot):
    data = normalise(HolderData(name=f"阿卜杜拉{dot}艾力"))
    assert data.name == "阿卜杜拉·艾力"
    assert "name" not in validate(data)[0]
    assert names.search_form(f"拉 {dot}艾") == "拉·艾"


def test_full_width_letters_and_spaces_are_made_half_width():
    assert names.normalise_name("ＡＮＮＡ　ｌｉ") == "ANNA li"


def test_private_use_character_is_refused_naming_it():
    errors = _check("王\ue000明")
    assert "U+E000" in errors["name"] and "私用区" in errors["name"]
    assert "\ue000" in errors["name"]


def test_other_characters_are_refused_naming_them():
    assert "“!”（U+0021）" in _check("王!")["name"]
    assert "间隔号" in _check("·")["name"]


def test_length_counts_characters_not_utf16_units():
    thirty = "𠮷" * 30  # 60 UTF-16 units
    assert "name" not in _check(thirty)
    assert "30个字" in _check(thirty + "𠮷")["name"]


def test_family_member_names_follow_the_same_rules():
    from archive_desk.domain.holder import Relation

    data = normalise(HolderData(name="王𠮷", relations=[Relation("王\ue001", "10")]))
    assert "U+E001" in validate(data)[0]["relations.1"]


@pytest.mark.parametrize(
    "name, initials, full",
    [
        ("王𠮷", "wj", "wangji"),
        ("张𪚥", "zz", "zhangzhe"),
        ("刘䶮", "ly", "liuyan"),
        ("陈㛃", "cj", "chenjie"),
        ("丁龘", "dd", "dingda"),
        ("阿卜杜拉·艾力", "abdlal", "abodulaaili"),
    ],
)
def test_rare_characters_have_initials(name, initials, full):
    assert names.pinyin_initials(name) == initials
    assert names.pinyin_full(name) == full


def test_shipped_table_covers_what_pypinyin_lacks():
    with open(paths.resource("data", "name_readings.csv"), encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    assert {"character": "𠮷", "reading": "jí"}.items() <= rows[0].items()
    for r in rows:
        assert len(r["character"]) == 1 and names.is_ideograph(r["character"])
    # pypinyin itself has no reading for 𠮷: the table is what gives it one
    from pypinyin.constants import PINYIN_DICT

    assert PINYIN_DICT[0x20BB7] == "jí"
    assert lazy_pinyin("𠮷", style=Style.NORMAL) == ["ji"]


def test_unknown_reading_gives_no_stray_key():
    assert names.pinyin_initials("王𠇔") == "w"  # no reading known: nothing invented
    assert not names.has_reading("𠇔") and names.has_reading("𠮷")


def test_local_readings_lay_over_pypinyin():
    try:
        assert names.set_local_readings({"𠇔": "zhōu"})
        assert names.pinyin_initials("王𠇔") == "wz"
    finally:
        names.set_local_readings({})
    assert names.pinyin_initials("王𠇔") == "w"
