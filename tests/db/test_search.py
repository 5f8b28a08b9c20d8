import pytest
from sqlalchemy import update

from archive_desk.db.models import File
from archive_desk.domain.holder import HolderData
from archive_desk.services import audit, holders, search

PEOPLE = [
    ("王", "11010519491231002X"),
    ("王伟", "440524188001010014"),
    ("张伟", "110105194912310038"),
    ("张伟明", "110105198001010011"),
    ("曾小明", "110105199001010019"),
    ("欧阳小伟", "110105200001010010"),
]


@pytest.fixture
def people(admin):
    ids = {}
    for name, idn in PEOPLE:
        from archive_desk.domain.idcard import check_char

        idn = idn[:17] + check_char(idn[:17])
        ids[name] = holders.create(admin, HolderData(name=name, id_number=idn)).id
    with admin.uow() as uow:
        uow.session.add(File(holder_id=ids["张伟"], file_number="DA0000042", status="in_storage"))
        uow.commit()
    return ids


def names(hits):
    return [h.name for h in hits]


def test_one_character_fragment_finds_every_name_holding_it(admin, people):
    assert set(names(search.search(admin, "伟"))) == {"王伟", "张伟", "张伟明", "欧阳小伟"}


def test_exact_name_ranks_before_prefix_before_fragment(admin, people):
    assert names(search.search(admin, "张伟")) == ["张伟", "张伟明"]
    assert names(search.search(admin, "王"))[0] == "王"
    assert names(search.search(admin, "王"))[1] == "王伟"


def test_three_character_fragment(admin, people):
    assert names(search.search(admin, "小伟")) == ["欧阳小伟"]
    assert names(search.search(admin, "伟明")) == ["张伟明"]
    assert names(search.search(admin, "阳小伟")) == ["欧阳小伟"]


def test_pinyin_initials_and_full(admin, people):
    assert names(search.search(admin, "zw"))[0] == "张伟"
    assert set(names(search.search(admin, "zw"))) == {"张伟", "张伟明"}
    assert names(search.search(admin, "zengx")) == ["曾小明"]
    assert names(search.search(admin, "ZXM")) == ["曾小明"]
    assert names(search.search(admin, "oyxw")) == ["欧阳小伟"]


def test_id_number_full_15_digit_and_tail(admin, people):
    assert names(search.search(admin, "11010519491231002x")) == ["王"]
    assert names(search.search(admin, "110105491231002")) == ["王"]
    assert names(search.search(admin, "1002X")) == ["王"]
    assert names(search.search(admin, "0014")) == ["王伟"]


def test_file_number_and_scanned_barcode(admin, people):
    hits = search.search(admin, "DA0000042")
    assert names(hits) == ["张伟"] and hits[0].file_number == "DA0000042"
    assert names(search.search(admin, "da0000042")) == ["张伟"]


def test_location_only_for_files_in_storage(admin, people):
    hit = search.search(admin, "DA0000042")[0]
    assert hit.status == "in_storage" and hit.location is None  # no slot yet
    with admin.uow() as uow:
        uow.session.execute(update(File).values(status="on_loan"))
        uow.commit()
    assert search.search(admin, "DA0000042")[0].status_label == "借出"


def test_nothing_found_and_blank(admin, people):
    assert search.search(admin, "赵") == []
    assert search.search(admin, "   ") == []
    assert search.search(admin, '"*') == []


def test_searches_are_audited(admin, people):
    search.search(admin, "伟")
    entry = [e for e in audit.entries(admin, "holder") if e.action == "search"][0]
    assert entry.detail == {"query": "伟", "rows": 4}


def test_renamed_holder_is_found_by_new_name_only(admin, people):
    v = holders.view(admin, people["曾小明"])
    v.data.name = "曾晓明"
    holders.update(admin, v.id, v.data, v.version)
    assert names(search.search(admin, "晓")) == ["曾晓明"]
    assert search.search(admin, "小明") == []
