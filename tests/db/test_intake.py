"""Intake from 调档函 to a file on its shelf, with every document read back from the PDF."""

from datetime import timedelta

import pytest
from pypdf import PdfReader
from sqlalchemy import select

from archive_desk.db.models import Event, Unit
from archive_desk.domain import clock
from archive_desk.domain.holder import HolderData
from archive_desk.services import holders, intake, intake_documents, search, settings, storage
from archive_desk.services.errors import InvalidInput, PermissionDenied

SPEC = "库房1 区1 列1 面A 节1 层1 格1–3"


def pdf_text(path) -> str:
    return "".join(p.extract_text() for p in PdfReader(path).pages).replace("\n", "")


@pytest.fixture
def office(admin):
    settings.update_many(
        admin,
        {
            "centre.name": "某某县公共就业和人才服务中心",
            "centre.address": "某某县人民路1号",
            "centre.post_code": "264000",
            "centre.phone": "0535-1234567",
        },
    )
    storage.create_locations(admin, storage.plan_locations(admin, SPEC, capacity=5))
    with admin.uow() as uow:
        uow.session.add(Unit(name="烟台海丰科技有限公司", credit_code="91370600MA0000001X"))
        uow.commit()
    return admin


@pytest.fixture
def holder(office):
    return holders.create(
        office, HolderData(name="赵敏", id_number="11010519491231002X", phone="13800138000")
    )


def test_walk_through_new_holder_to_a_file_on_its_shelf(office, holder, tmp_path):
    letter = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
    year = clock.today().year
    assert letter.number == f"人才函字〔{year}〕第0001号" and letter.state == "待到档"
    assert letter.valid_until == clock.today() + timedelta(days=30)
    assert [l_.number for l_ in intake.open_letters(office)] == [letter.number]
    text = pdf_text(intake_documents.transfer_request(office, letter.number, tmp_path / "l.pdf"))
    for part in (
        letter.number,
        "青岛市人才服务中心",
        "赵敏",
        "11010519491231002X",
        "某某县公共就业和人才服务中心",
        "某某县人民路1号",
        "264000",
        "0535-1234567",
        "调档函存根",
        "同意调出",
        "暂不同意调出",
        f"{letter.valid_until.year}年",
    ):
        assert part in text, part

    intake.refuse_self_carried(office, holder.id, "本人持档前来")
    with pytest.raises(InvalidInput, match="机要通信、EMS或专人送取"):
        intake.record_arrival(
            office,
            holder.id,
            mode="本人自带",
            sender="x",
            seal_intact=True,
            material_count=3,
            checker="李",
        )
    with pytest.raises(InvalidInput, match="运单号"):
        intake.record_arrival(
            office,
            holder.id,
            mode="EMS",
            sender="青岛市人才服务中心",
            seal_intact=True,
            material_count=3,
            checker="李",
        )
    intake.record_arrival(
        office,
        holder.id,
        mode="EMS",
        tracking_number="EA123456789CN",
        sender="青岛市人才服务中心",
        seal_intact=True,
        originals=1,
        copies=1,
        material_count=36,
        checker="李档案",
        letter_number=letter.number,
    )
    assert intake.open_letters(office) == []
    assert [a.holder_name for a in intake.arrivals_to_accept(office)] == ["赵敏"]

    notice = intake.issue_notice(
        office, holder.id, ["学位证书复印件", "转正定级表"], clock.today() + timedelta(days=30)
    )
    assert notice.number == f"缺件〔{year}〕第0001号" and not notice.overdue
    text = pdf_text(intake_documents.missing_notice(office, notice.number, tmp_path / "n.pdf"))
    for part in (
        "学位证书复印件",
        "转正定级表",
        "赵敏",
        notice.number,
        "第一联",
        "第二联",
        "容缺受理",
        "存档人（签字）",
        "本人承诺",
    ):
        assert part in text, part

    slot = intake.suggest_slot(office)
    assert slot == "K01-Q01-L001-A-J01-C01-G01"
    done = intake.accept(office, holder.id, "unit", slot, unit_id=1)
    assert done.file_number == "DA0000001" and done.location_name == "1号库房1区1列A面1节1层1格"
    hit = search.search(office, "DA0000001")[0]
    assert hit.status == "in_storage" and hit.location == done.location_name
    text = pdf_text(intake_documents.intake_receipt(office, "DA0000001", tmp_path / "r.pdf"))
    for part in (
        "青岛市人才服务中心",
        "赵敏",
        "11010519491231002X",
        "正本1卷",
        "副本1卷",
        "材料36份",
        letter.number,
        "DA0000001",
        "已全部收到",
    ):
        assert part in text, part
    with office.uow() as uow:
        kinds = list(
            uow.session.scalars(
                select(Event.kind).where(Event.holder_id == holder.id).order_by(Event.id)
            )
        )
    assert kinds == [
        "holder.created",
        "letter.issued",
        "document.issued",  # the 调档函 as printed, kept (issued_documents)
        "arrival.refused",
        "file.arrived",
        "notice.issued",
        "document.issued",
        "file.moved",
        "file.accepted",
        "document.issued",
    ]
    assert storage.move_log(office, file_number="DA0000001")[0].reason == "入库"
    intake.fulfil_notice(office, notice.number)
    assert intake.open_notices(office) == []


def test_expired_and_cancelled_letters(office, holder):
    settings.update_many(office, {"letters.validity_days": "0"})
    letter = intake.issue_letter(office, holder.id, "原单位")
    assert letter.valid_until == clock.today() and not letter.expired  # expires after today
    intake.cancel_letter(office, letter.number, "申请人撤回")
    assert intake.letter(office, letter.number).state == "已作废"
    with pytest.raises(InvalidInput, match="已作废"):
        intake.cancel_letter(office, letter.number, "again")
    with pytest.raises(InvalidInput, match="已作废"):
        intake_documents.transfer_request(office, letter.number, "x.pdf")
    second = intake.issue_letter(office, holder.id, "原单位")
    assert second.number.endswith("第0002号")  # numbers are never reused


def test_return_to_sender_with_its_letter(office, holder, tmp_path):
    letter = intake.issue_letter(office, holder.id, "青岛市人才服务中心")
    intake.record_arrival(
        office,
        holder.id,
        mode="机要",
        tracking_number="JY-0001",
        sender="青岛市人才服务中心",
        seal_intact=False,
        material_count=5,
        checker="李档案",
        letter_number=letter.number,
    )
    intake.return_to_sender(office, holder.id, "缺少干部履历表")
    text = pdf_text(intake_documents.return_letter(office, letter.number, tmp_path / "b.pdf"))
    for part in (
        "青岛市人才服务中心",
        "赵敏",
        "11010519491231002X",
        "缺少干部履历表",
        letter.number,
        "退回",
    ):
        assert part in text, part
    with pytest.raises(InvalidInput, match="已到档并核对"):
        intake.accept(office, holder.id, "personal", "K01-Q01-L001-A-J01-C01-G01")


def test_acceptance_rules(office, holder, make_user):
    intake.issue_letter(office, holder.id, "原单位")
    intake.record_arrival(
        office,
        holder.id,
        mode="专人送取",
        sender="原单位",
        seal_intact=True,
        material_count=10,
        checker="李",
    )
    with pytest.raises(InvalidInput, match="须选择存档单位"):
        intake.accept(office, holder.id, "unit", "K01-Q01-L001-A-J01-C01-G01")
    with pytest.raises(InvalidInput, match="全部未移动"):
        intake.accept(office, holder.id, "personal", "K01-Q01-L001-A")
    with pytest.raises(PermissionDenied):
        intake.accept(make_user("archivist"), holder.id, "personal", "K01-Q01-L001-A-J01-C01-G01")
    done = intake.accept(office, holder.id, "personal", "K01-Q01-L001-A-J01-C01-G02")
    assert done.file_number == "DA0000001"  # the failed attempts gave their number back
    with pytest.raises(InvalidInput, match="无需调档"):
        intake.issue_letter(office, holder.id, "原单位")
