from datetime import date

from archive_desk.domain.holder import (
    DEFAULT_REQUIRED,
    HolderData,
    Relation,
    completeness,
    missing_required,
    normalise,
    validate,
)

TODAY = date(2026, 11, 23)


def test_birth_date_and_sex_are_filled_from_the_id_number():
    d = normalise(HolderData(name="张三", id_number="11010519491231002x"))
    assert d.id_number == "11010519491231002X"
    assert d.birth_date == date(1949, 12, 31)
    assert d.sex_code == "2"


def test_entered_birth_date_and_sex_must_agree_with_the_id_number():
    d = HolderData(
        name="张三", id_number="11010519491231002X", sex_code="1", birth_date=date(1950, 1, 1)
    )
    errors, _ = validate(d, today=TODAY)
    assert "应为女" in errors["sex_code"]
    assert "1949-12-31" in errors["birth_date"]


def test_each_bad_field_gets_its_own_message():
    d = HolderData(
        name="张3",
        id_number="110105194912310021",
        phone="12345",
        ethnicity_code="77",
        work_start_date=date(2030, 1, 1),
    )
    errors, _ = validate(d, today=TODAY)
    assert set(errors) >= {"name", "id_number", "phone", "ethnicity_code", "work_start_date"}
    assert "校验码" in errors["id_number"]


def test_unknown_region_code_is_a_warning_not_an_error():
    d = normalise(HolderData(name="李四", id_number="440524188001010014"))
    errors, warnings = validate(d, today=TODAY)
    assert errors == {}
    assert any("440524" in w for w in warnings)


def test_relations_are_checked():
    d = HolderData(
        name="王五",
        id_number="11010519491231002X",
        relations=[Relation("", "10"), Relation("赵六", "12", "110105194912310021")],
    )
    errors, _ = validate(d, today=TODAY)
    assert "姓名不能为空" in errors["relations.1"]
    assert "校验码" in errors["relations.2"]


def test_completeness_lists_missing_required_items():
    values = HolderData(name="王五", id_number="11010519491231002X", phone="13812345678").values()
    missing = missing_required(values, DEFAULT_REQUIRED)
    assert "联系电话" not in missing and "毕业院校" in missing
    assert completeness(values, DEFAULT_REQUIRED) == round(100 * 3 / 14)
