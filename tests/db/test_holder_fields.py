"""Holder fields from any caller (issue 8, clean errors): a value of the wrong type, a NUL
character or an over-long value is refused with the field named — never a TypeError or a
database error — and nothing is saved, on both engines."""

from datetime import date, datetime

import pytest

from archive_desk.domain.holder import HolderData, Relation
from archive_desk.services import holders
from archive_desk.services.errors import HolderInvalid

ID = "11010519491231002X"


def _data(**changes) -> HolderData:
    d = HolderData(name="张伟", id_number=ID, phone="13812345678")
    for k, v in changes.items():
        setattr(d, k, v)
    return d


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", 123),
        ("name", None),
        ("major", 3.5),
        ("employer", ["某公司"]),
        ("sex_code", 1),
        ("id_number", 110105194912310021),
        ("birth_date", "1949-12-31"),
        ("work_start_date", datetime(1970, 7, 1, 8, 0)),
        ("address", b"\xe5\x9c\xb0\xe5\x9d\x80"),
        ("phone", True),
    ],
)
def test_a_value_of_the_wrong_type_names_the_field(admin, field, value):
    with pytest.raises(HolderInvalid) as err:
        holders.create(admin, _data(**{field: value}))
    assert field in err.value.errors
    assert holders.count(admin) == 0


@pytest.mark.parametrize(
    "field,value",
    [
        ("name", "张\x00伟"),
        ("major", "法学\x00"),
        ("address", "\x00北京市"),
        ("id_number", "11010519491231002\x00"),
    ],
)
def test_a_nul_character_is_refused_with_the_field_named(admin, field, value):
    with pytest.raises(HolderInvalid) as err:
        holders.create(admin, _data(**{field: value}))
    assert field in err.value.errors
    assert holders.count(admin) == 0


@pytest.mark.parametrize(
    "field,value",
    [("address", "北" * 201), ("major", "法" * 101), ("phone", "1" * 31), ("sex_code", "12")],
)
def test_an_over_long_value_is_refused_with_the_field_named(admin, field, value):
    with pytest.raises(HolderInvalid) as err:
        holders.create(admin, _data(**{field: value}))
    assert field in err.value.errors


@pytest.mark.parametrize(
    "relation",
    [
        Relation("李" * 31, "12"),
        Relation("李\x00娜", "12"),
        Relation(None, "12"),
        Relation("李娜", 12),
        Relation("李娜", "12", 110105194912310021),
        ("李娜", "12"),
    ],
)
def test_a_bad_family_member_is_refused_with_its_row_named(admin, relation):
    with pytest.raises(HolderInvalid) as err:
        holders.create(admin, _data(relations=[relation]))
    assert "relations.1" in err.value.errors
    assert holders.count(admin) == 0


def test_an_update_with_bad_values_changes_nothing(admin):
    v = holders.create(admin, _data())
    v.data.major, v.data.birth_date = "法学\x00", "1949-12-31"
    with pytest.raises(HolderInvalid) as err:
        holders.update(admin, v.id, v.data, v.version)
    assert set(err.value.errors) >= {"major", "birth_date"}
    assert holders.view(admin, v.id).data.major == ""


def test_something_other_than_holder_data_is_a_clean_error(admin):
    with pytest.raises(HolderInvalid, match="存档人信息"):
        holders.create(admin, {"name": "张伟", "id_number": ID})
    assert holders.create(admin, _data()).data.birth_date == date(1949, 12, 31)
