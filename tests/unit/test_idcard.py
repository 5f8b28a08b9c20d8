from datetime import date

import pytest

from archive_desk.domain.idcard import InvalidId, check_char, parse_id, upgrade_15


@pytest.mark.parametrize(
    "raw, number, born, sex",
    [
        ("11010519491231002X", "11010519491231002X", date(1949, 12, 31), "2"),
        ("440524188001010014", "440524188001010014", date(1880, 1, 1), "1"),
        ("11010519491231002x", "11010519491231002X", date(1949, 12, 31), "2"),
        ("１１０１０５１９４９１２３１００２ｘ", "11010519491231002X", date(1949, 12, 31), "2"),
        (" 110105 19491231 002X ", "11010519491231002X", date(1949, 12, 31), "2"),
    ],
)
def test_valid_numbers_are_normalised_with_birth_date_and_sex(raw, number, born, sex):
    p = parse_id(raw, today=date(2026, 11, 23))
    assert (p.number, p.birth_date, p.sex_code) == (number, born, sex)
    assert p.region_code == number[:6]


def test_fifteen_digit_number_is_upgraded():
    assert upgrade_15("110105491231002") == "11010519491231002X"
    p = parse_id("110105491231002")
    assert p.number == "11010519491231002X"
    assert p.upgraded_from == "110105491231002"


def test_check_character_follows_gb11643():
    assert check_char("11010519491231002") == "X"
    assert check_char("44052418800101001") == "4"


@pytest.mark.parametrize(
    "raw, reason_part",
    [
        ("110105194912310021", "校验码错误"),
        ("11010519490231002X", "不是有效日期"),
        ("11010519491331002X", "不是有效日期"),
        ("1101051949123100", "应为18位"),
        ("11010519491231002Y", "第18位"),
        ("1101051949A231002X", "前17位"),
        ("", "为空"),
        ("11010520991231002X", "晚于今天"),
    ],
)
def test_invalid_numbers_say_why(raw, reason_part):
    with pytest.raises(InvalidId) as err:
        parse_id(raw, today=date(2026, 11, 23))
    assert reason_part in err.value.reason


def test_residence_permits_use_the_same_algorithm():
    first17 = "81000019900101001"
    p = parse_id(first17 + check_char(first17))
    assert p.permit_kind == "香港居民居住证"
    assert p.sex_code == "1"


ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")
MATH_BOLD = str.maketrans("0123456789", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗")


@pytest.mark.parametrize(
    "raw",
    [
        "11010519491231002X".translate(ARABIC_INDIC),
        "11010519491231002X".translate(MATH_BOLD),
        "110105194912310" + "٢" + "2X",  # one Arabic-Indic digit among ASCII ones
        "1101051949123100²X",  # superscript two
        "11010519491231002²",
        "110105491231002".translate(ARABIC_INDIC),  # an old 15-digit number
        "１１０１０５１９４９１２３１００２ｘ".replace("１", "①"),
    ],
)
def test_only_ascii_digits_count_as_digits(raw):
    """Python's isdigit()/int() accept these; an ID number does not (a second holder could be
    registered for a person under a look-alike number, and ² used to crash)."""
    with pytest.raises(InvalidId) as err:
        parse_id(raw, today=date(2026, 11, 23))
    assert "只能" in err.value.reason and "0" in err.value.reason


def test_full_width_digits_are_still_normalised():
    assert parse_id("１１０１０５４９１２３１００２").number == "11010519491231002X"
