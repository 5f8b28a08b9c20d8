import pytest

from archive_desk.domain import codes, names


@pytest.mark.parametrize(
    "name, full, initials",
    [
        ("张伟", "zhangwei", "zw"),
        ("曾小明", "zengxiaoming", "zxm"),
        ("单田芳", "shantianfang", "stf"),
        ("仇英", "qiuying", "qy"),
        ("区志强", "ouzhiqiang", "ozq"),
        ("解晓东", "xiexiaodong", "xxd"),
        ("查良镛", "zhaliangyong", "zly"),
        ("朴树", "piaoshu", "ps"),
        ("欧阳锋", "ouyangfeng", "oyf"),
        ("司马光", "simaguang", "smg"),
    ],
)
def test_surnames_are_read_as_surnames(name, full, initials):
    assert names.pinyin_full(name) == full
    assert names.pinyin_initials(name) == initials


def test_grams_are_every_piece_of_one_to_three_characters():
    assert names.grams("张伟明") == {"张", "伟", "明", "张伟", "伟明", "张伟明"}
    assert names.grams("王 伟") == {"王", "伟", "王伟"}
    assert "欧阳小" in names.grams("欧阳小伟") and "欧阳小伟" not in names.grams("欧阳小伟")


def test_code_tables_hold_the_standard_values():
    assert codes.name_of(codes.SEX, "2") == "女"
    assert len([c for c in codes.table(codes.ETHNICITY) if int(c) <= 56]) == 56
    assert codes.name_of(codes.ETHNICITY, "56") == "基诺族"
    assert codes.name_of(codes.POLITICAL, "13") == "群众"
    assert codes.name_of(codes.EDUCATION, "21") == "大学本科毕业"
    assert "20" not in codes.table(codes.EDUCATION)  # x0 codes are headers, not stored values
    assert codes.name_of(codes.MARITAL, "40") == "离婚"


def test_county_codes_carry_names_and_retirement():
    assert codes.region("110105").full_name == "北京市朝阳区"
    assert codes.region("110103").valid_to  # 崇文区, retired 2010
    assert codes.region("999999") is None
    assert len(codes.regions()) > 3000
