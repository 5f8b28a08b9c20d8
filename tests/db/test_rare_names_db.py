"""Rare-character names registered and found on both engines: by the character, by a fragment,
by initials; the middle dot's look-alikes find each other."""

import pytest

from archive_desk.domain.holder import HolderData, HolderInvalid
from archive_desk.domain.idcard import check_char
from archive_desk.services import holders, search

COMPAT = "金\uf9dc"  # 隆 as the compatibility ideograph U+F9DC
PEOPLE = ["王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘", COMPAT, "阿卜杜拉•艾力"]


def _id(n: int) -> str:
    first = f"11010519900101{n:03d}"
    return first + check_char(first)


@pytest.fixture
def people(admin):
    return {
        name: holders.create(admin, HolderData(name=name, id_number=_id(i))).id
        for i, name in enumerate(PEOPLE)
    }


def found(ctx, query):
    return [h.name for h in search.search(ctx, query)]


def test_rare_names_are_stored_exactly_as_typed(admin, people):
    assert holders.view(admin, people["王𠮷"]).data.name == "王𠮷"
    assert holders.view(admin, people[COMPAT]).data.name == COMPAT  # not NFC's U+9686
    assert holders.view(admin, people["阿卜杜拉•艾力"]).data.name == "阿卜杜拉·艾力"


@pytest.mark.parametrize("name", ["王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘", COMPAT])
def test_found_by_whole_name_and_by_the_rare_character_alone(admin, people, name):
    assert found(admin, name)[0] == name
    assert found(admin, name[-1]) == [name]


@pytest.mark.parametrize(
    "initials, name",
    [
        ("wj", "王𠮷"),
        ("zz", "张𪚥"),
        ("ly", "刘䶮"),
        ("cj", "陈㛃"),
        ("dd", "丁龘"),
        ("jl", COMPAT),
    ],
)
def test_found_by_initials(admin, people, initials, name):
    assert name in found(admin, initials)


@pytest.mark.parametrize("dot", ["\u2022", "\u30fb", "\u2027", "\uff0e", "\uff65", "\u00b7"])
def test_any_form_of_the_middle_dot_finds_the_name(admin, people, dot):
    assert found(admin, f"阿卜杜拉{dot}艾力") == ["阿卜杜拉·艾力"]
    assert found(admin, f"拉{dot}艾") == ["阿卜杜拉·艾力"]


def test_private_use_character_is_refused_and_nothing_saved(admin):
    with pytest.raises(HolderInvalid) as exc:
        holders.create(admin, HolderData(name="王\ue000", id_number=_id(99)))
    assert "U+E000" in str(exc.value)
    assert holders.count(admin) == 0


def test_renaming_to_a_rare_name_rewrites_its_search_keys(admin):
    h = holders.create(admin, HolderData(name="王吉", id_number=_id(50)))
    holders.update(admin, h.id, HolderData(name="王𠮷", id_number=_id(50)), h.version)
    assert found(admin, "𠮷") == ["王𠮷"]
    assert found(admin, "wj") == ["王𠮷"]
    assert found(admin, "吉") == []


def test_transfer_letter_for_a_rare_name_prints_or_is_refused(admin, people, tmp_path, monkeypatch):
    from pypdf import PdfReader

    from archive_desk.documents import fonts
    from archive_desk.services import intake, intake_documents
    from archive_desk.services.errors import Unprintable
    from tests.fonts_support import embedded_chars, require_ext_b, without_ext_b

    require_ext_b()
    letter = intake.issue_letter(admin, people["张𪚥"], "青岛市人才服务中心")
    pdf = intake_documents.transfer_request(admin, letter.number, tmp_path / "l.pdf")
    assert "张𪚥同志" in PdfReader(pdf).pages[0].extract_text().replace("\n", "")
    assert "𪚥" in embedded_chars(pdf)
    monkeypatch.setattr(fonts, "_active", without_ext_b())
    # the issued letter reprints as kept; a new one cannot be drawn without the font
    again = intake_documents.transfer_request(admin, letter.number, tmp_path / "again.pdf")
    assert again.read_bytes() == pdf.read_bytes()
    second = intake.issue_letter(admin, people["张𪚥"], "烟台市人才服务中心")
    with pytest.raises(Unprintable, match="𪚥"):
        intake_documents.transfer_request(admin, second.number, tmp_path / "new.pdf")
    assert not (tmp_path / "new.pdf").exists()


@pytest.fixture
def clean_readings():
    from archive_desk.domain import names

    yield
    names.set_local_readings({})


def test_supervisor_adds_a_reading_and_holders_are_found_by_it(admin, people, clean_readings):
    from archive_desk.services import audit, name_readings

    h = holders.create(admin, HolderData(name="周𠇔", id_number=_id(60))).id
    assert found(admin, "𠇔") == ["周𠇔"]  # by the character, with no reading known
    assert "周𠇔" not in found(admin, "zz")
    assert name_readings.set_reading(admin, "𠇔", "zhou1") == 1
    assert "周𠇔" in found(admin, "zz")
    assert found(admin, "zhouzhou") == ["周𠇔"]
    [r] = name_readings.list_all(admin)
    assert (r.character, r.reading, r.updated_by) == ("𠇔", "zhōu", "admin")
    entry = audit.entries(admin, entity="name_reading")[0]
    assert entry.action == "name_reading.set"
    assert entry.detail == {"character": "𠇔", "old": None, "new": "zhōu", "holders": 1}
    name_readings.remove(admin, "𠇔")
    assert "周𠇔" not in found(admin, "zz")
    assert holders.view(admin, h).data.name == "周𠇔"


def test_a_new_holder_gets_the_office_reading(admin, clean_readings):
    from archive_desk.domain import names
    from archive_desk.services import name_readings

    name_readings.set_reading(admin, "𠇔", "zhōu")
    names.set_local_readings({})  # as on another workstation that has not read the table yet
    holders.create(admin, HolderData(name="周𠇔", id_number=_id(61)))
    assert found(admin, "zz") == ["周𠇔"]


def test_readings_are_checked_and_only_supervisors_may_add_them(admin, make_user, clean_readings):
    from archive_desk.services import name_readings
    from archive_desk.services.errors import InvalidInput, PermissionDenied

    with pytest.raises(InvalidInput, match="一个汉字"):
        name_readings.set_reading(admin, "ab", "ji")
    with pytest.raises(InvalidInput, match="拼音音节"):
        name_readings.set_reading(admin, "𠇔", "zhou zhou")
    with pytest.raises(PermissionDenied):
        name_readings.set_reading(make_user("clerk"), "𠇔", "zhōu")
    name_readings.set_reading(make_user("supervisor"), "𠇔", "zhōu")


def test_demo_data_holds_rare_names(admin):
    from archive_desk.services import demo

    demo.generate(admin, 400, seed=2)
    for name in ("王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘"):
        assert found(admin, name)[0] == name
