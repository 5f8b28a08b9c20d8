"""The storeroom: bulk locations, retire, occupancy, moves with preview, the move log, labels."""

import pytest
from pypdf import PdfReader
from sqlalchemy import text

from archive_desk.db.models import File
from archive_desk.domain.holder import HolderData
from archive_desk.domain.idcard import check_char
from archive_desk.services import holders, labels, storage
from archive_desk.services.errors import InvalidInput, PermissionDenied

SPEC = "库房1 区1 列1–2 面A/B 节1–2 层1–2 格1–3"


def _ids(n):
    for i in range(n):
        first17 = f"11010519800101{i:03d}"
        yield first17 + check_char(first17)


@pytest.fixture
def shelves(admin):
    plan = storage.plan_locations(admin, SPEC, capacity=2)
    storage.create_locations(admin, plan)
    return plan


@pytest.fixture
def files(admin, shelves):
    """Three received files, DA0000001–3, not yet on a shelf."""
    numbers = []
    for i, idn in enumerate(_ids(3), start=1):
        h = holders.create(admin, HolderData(name=f"存档{'甲乙丙'[i - 1]}", id_number=idn))
        with admin.uow() as uow:
            uow.session.add(File(holder_id=h.id, file_number=f"DA{i:07d}", status="received"))
            uow.commit()
        numbers.append(f"DA{i:07d}")
    return numbers


def test_bulk_creation_previews_then_creates_slots_with_names(admin):
    plan = storage.plan_locations(admin, SPEC, capacity=2)
    assert len(plan.new_codes) == 2 * 2 * 2 * 2 * 3 and plan.existing == 0
    assert plan.sample == [*plan.new_codes[:3], "…", plan.new_codes[-1]]
    assert plan.new_codes[0] == "K01-Q01-L001-A-J01-C01-G01"
    assert storage.create_locations(admin, plan) == 48
    again = storage.plan_locations(admin, SPEC, capacity=2)
    assert again.new_codes == [] and again.existing == 48
    slots = storage.occupancy(admin, "K01-Q01-L002-B")
    assert len(slots) == 12 and slots[0].name == "1号库房1区2列B面1节1层1格"


@pytest.mark.parametrize(
    "spec, reason",
    [
        ("库房1 区1 列1–2 面C 节1 层1 格1", "面C"),
        ("库房1 区1 列x 面A 节1 层1 格1", "列x"),
        ("库房1 区1 面A 节1 层1 格1", "列"),
        ("仓库1 区1 列1 面A 节1 层1 格1", "仓库1"),
    ],
)
def test_bad_spec_names_the_part(admin, spec, reason):
    with pytest.raises(InvalidInput, match=reason):
        storage.plan_locations(admin, spec, capacity=10)


def test_moves_preview_every_row_and_apply_all_or_nothing(admin, files):
    pairs = [
        (files[0], "K01-Q01-L001-A-J01-C01-G01"),
        (files[1], "K01-Q01-L001-A-J01-C01-G01"),
        (files[2], "K01-Q01-L001-A-J01-C01-G01"),
    ]
    plan = storage.plan_moves(admin, pairs, "入库")
    assert [r.error for r in plan[:2]] == ["", ""]
    assert "已满" in plan[2].error  # capacity 2
    with pytest.raises(InvalidInput, match="全部未移动"):
        storage.apply_moves(admin, pairs, "入库")
    assert storage.occupancy(admin, "K01-Q01-L001-A-J01-C01-G01")[0].files == 0
    G02 = "K01-Q01-L001-A-J01-C01-G02"
    pairs[2] = (files[2], G02)
    assert storage.apply_moves(admin, pairs, "入库") == 3
    assert [s.files for s in storage.occupancy(admin, "K01-Q01-L001-A-J01-C01")[:2]] == [2, 1]
    assert [(f.file_number, f.holder_name) for f in storage.files_in(admin, G02)] == [
        (files[2], "存档丙")
    ]
    assert [f.file_number for f in storage.files_under(admin, "K01-Q01-L001-A-J01-C01-")] == [
        files[0],
        files[1],
        files[2],
    ]  # the whole 节1层1 cell in one query


def test_move_log_is_append_only_and_filterable(admin, files):
    storage.apply_moves(admin, [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "入库")
    storage.apply_moves(admin, [(files[0], "K01-Q01-L002-B-J02-C02-G03")], "整理")
    log = storage.move_log(admin, file_number=files[0])
    assert [(m.reason, m.to_name) for m in log] == [
        ("整理", "1号库房1区2列B面2节2层3格"),
        ("入库", "1号库房1区1列A面1节1层1格"),
    ]
    assert log[0].from_name == "1号库房1区1列A面1节1层1格" and log[0].operator == "admin"
    assert [m.reason for m in storage.move_log(admin, reason="入库")] == ["入库"]
    assert len(storage.move_log(admin, code_prefix="K01-Q01-L002")) == 1
    with pytest.raises(Exception, match="append-only"), admin.engine.begin() as conn:
        conn.execute(text("DELETE FROM file_moves"))


def test_move_rules(admin, files, make_user):
    with pytest.raises(InvalidInput, match="原因"):
        storage.plan_moves(admin, [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "借出")
    rows = storage.plan_moves(
        admin,
        [
            (files[0], "K01-Q01-L001-A-J01-C01-G01"),
            ("DA9999999", "K01-Q01-L001-A-J01-C01-G01"),
            (files[1], "K01-Q01-L001-A"),
            (files[2], "K01-Q01-L001-A-J01-C01-G01"),
        ],
        "整理",
    )
    assert "不在库" in rows[0].error and "没有此档案编号" in rows[1].error
    assert "不是格位" in rows[2].error
    with pytest.raises(PermissionDenied):
        storage.apply_moves(make_user("clerk"), [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "入库")


def test_retire_only_when_empty(admin, files):
    storage.apply_moves(admin, [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "入库")
    with pytest.raises(InvalidInput, match="仍存放 1 份"):
        storage.retire_location(admin, "K01-Q01-L001")
    storage.retire_location(admin, "K01-Q01-L002")
    assert all(s.retired for s in storage.occupancy(admin, "K01-Q01-L002"))
    rows = storage.plan_moves(admin, [(files[0], "K01-Q01-L002-A-J01-C01-G01")], "移位")
    assert "已停用" in rows[0].error


def test_label_sheets_carry_barcodes_and_readable_text(admin, files, tmp_path):
    storage.apply_moves(admin, [(files[0], "K01-Q01-L001-A-J01-C01-G01")], "入库")
    out = labels.file_labels(admin, [files[0], files[1]], tmp_path / "f.pdf")
    text_ = PdfReader(out).pages[0].extract_text()
    assert "DA0000001" in text_ and "存档甲" in text_ and "1号库房1区1列A面1节1层1格" in text_
    assert "未上架" in text_  # DA0000002 is not on a shelf yet
    out = labels.slot_labels(admin, "K01-Q01-L001", tmp_path / "s.pdf")
    reader = PdfReader(out)
    assert len(reader.pages) == 1  # 24 slots fit one sheet
    page = reader.pages[0].extract_text()
    assert "K01-Q01-L001-A-J01-C01-G01" in page and "1号库房1区1列B面2节2层3格" in page
