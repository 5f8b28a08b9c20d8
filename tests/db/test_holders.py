from datetime import date

import pytest
from sqlalchemy import select, text

from archive_desk.db.models import Event
from archive_desk.domain.holder import HolderData, HolderInvalid, Relation
from archive_desk.services import audit, holders
from archive_desk.services.errors import PermissionDenied


def zhang() -> HolderData:
    return HolderData(
        name="张伟",
        id_number="11010519491231002x",
        phone="13812345678",
        education_code="21",
        relations=[Relation("李娜", "12")],
    )


def test_create_normalises_and_derives(admin):
    v = holders.create(admin, zhang())
    assert v.data.id_number == "11010519491231002X"
    assert v.data.birth_date == date(1949, 12, 31) and v.data.sex_code == "2"
    assert v.data.relations[0].name == "李娜"
    assert "毕业院校" in v.missing and 0 < v.completeness < 100


def test_invalid_input_names_each_field_and_saves_nothing(admin):
    bad = HolderData(name="", id_number="110105194912310021", phone="1")
    with pytest.raises(HolderInvalid) as err:
        holders.create(admin, bad)
    assert set(err.value.errors) == {"name", "id_number", "phone"}
    assert holders.count(admin) == 0


def test_duplicate_id_number_is_refused(admin):
    holders.create(admin, zhang())
    with pytest.raises(HolderInvalid, match="已登记"):
        holders.create(admin, HolderData(name="张三", id_number="11010519491231002X"))


def test_update_records_old_and_new_values_in_an_event(admin):
    v = holders.create(admin, zhang())
    d = v.data
    d.name, d.major = "张为", "法学"
    holders.update(admin, v.id, d, v.version)
    with admin.uow() as uow:
        changes = uow.session.scalar(select(Event.data).where(Event.kind == "holder.updated"))
    ev = type("E", (), {"data": changes})
    assert ev.data["changes"]["name"] == ["张伟", "张为"]
    assert ev.data["changes"]["major"] == ["", "法学"]


def test_every_view_is_audited(admin):
    v = holders.create(admin, zhang())
    holders.view(admin, v.id)
    holders.view(admin, v.id)
    views = [e for e in audit.entries(admin, "holder", v.id) if e.action == "holder.view"]
    assert len(views) == 2 and views[0].username == "admin"


def test_archivist_may_view_but_not_edit(admin, make_user):
    v = holders.create(admin, zhang())
    archivist = make_user("archivist")
    assert holders.view(archivist, v.id).data.name == "张伟"
    with pytest.raises(PermissionDenied):
        holders.update(archivist, v.id, v.data, v.version)


def test_event_log_and_audit_trail_are_append_only(admin):
    holders.create(admin, zhang())
    with pytest.raises(Exception, match="append-only"):
        with admin.engine.begin() as conn:
            conn.execute(text("UPDATE events SET kind = 'x'"))
    with pytest.raises(Exception, match="append-only"):
        with admin.engine.begin() as conn:
            conn.execute(text("DELETE FROM audit_entries"))


def test_keyset_pages_walk_all_holders(admin):
    for i, idn in enumerate(["11010519491231002X", "440524188001010014", "110105491231003"]):
        holders.create(admin, HolderData(name=f"王{'一二三'[i]}", id_number=idn))
    first = holders.page(admin, 0, 2)
    rest = holders.page(admin, first[-1].id, 2)
    assert [r.name for r in first + rest] == ["王一", "王二", "王三"]
    assert holders.page(admin, rest[-1].id, 2) == []


def test_office_can_list_holders_missing_required_items(admin):
    from archive_desk.services import settings

    full = holders.create(
        admin,
        HolderData(
            name="全员",
            id_number="11010519491231002X",
            ethnicity_code="01",
            hukou_location="北京",
            political_status_code="13",
            education_code="21",
            graduated_school="某大学",
            major="法学",
            work_start_date=date(1972, 7, 1),
            employer="某公司",
            phone="13800138000",
            address="某地",
        ),
    )
    gap = holders.create(admin, HolderData(name="缺项", id_number="440524188001010014"))
    listed = holders.incomplete(admin)
    assert [r.id for r, _ in listed] == [gap.id]
    assert "联系电话" in listed[0][1] and full.completeness == 100
    settings.update_many(admin, {"holder.required_fields": "name,id_number"})
    assert holders.incomplete(admin) == []  # the list follows the office's setting


def test_a_look_alike_id_number_cannot_register_the_same_person_twice(admin):
    holders.create(admin, zhang())
    twin = zhang()
    twin.id_number = "11010519491231002X".translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
    with pytest.raises(HolderInvalid) as err:
        holders.create(admin, twin)
    assert "id_number" in err.value.errors and "数字" in err.value.errors["id_number"]
    assert holders.count(admin) == 1
