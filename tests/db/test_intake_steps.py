"""Every (status, intake step) pair through the services: what `steps_for` tells the page is
what the step itself then does — refuse with that reason, or go ahead."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from archive_desk.db.models import File
from archive_desk.domain import clock
from archive_desk.domain.file_states import INTAKE_STEPS, Step, refusal
from archive_desk.domain.files import FileStatus
from archive_desk.domain.holder import HolderData
from archive_desk.domain.idcard import check_char
from archive_desk.services import holders, intake, storage
from archive_desk.services.errors import InvalidInput

STATUSES = [None, *FileStatus]


def _id(n: int) -> str:
    first17 = f"11010519800101{n:03d}"
    return first17 + check_char(first17)


def _holder_with(admin, n: int, status):
    h = holders.create(admin, HolderData(name=f"测试{chr(0x4E00 + n)}", id_number=_id(n)))
    if status is not None:
        with admin.uow() as uow:
            uow.session.add(File(holder_id=h.id, status=status))
            uow.commit()
    return h.id


def _take(admin, step: Step, hid: int):
    match step:
        case Step.LETTER:
            return intake.issue_letter(admin, hid, "原单位")
        case Step.ARRIVAL:
            return intake.record_arrival(
                admin, hid, mode="专人送取", sender="原单位", seal_intact=True,
                material_count=3, checker="李",
            )  # fmt: skip
        case Step.REFUSE:
            return intake.refuse_self_carried(admin, hid)
        case Step.NOTICE:
            return intake.issue_notice(admin, hid, ["学历证明"], clock.today() + timedelta(30))
        case Step.ACCEPT:
            return intake.accept(admin, hid, "personal", "K01-Q01-L001-A-J01-C01-G01")
        case Step.RETURN:
            return intake.return_to_sender(admin, hid, "缺少重要材料")


def _status(admin, hid):
    with admin.uow() as uow:
        return uow.session.scalar(select(File.status).where(File.holder_id == hid))


@pytest.mark.parametrize("step", INTAKE_STEPS)
def test_page_and_services_agree_on_every_status(admin, step):
    storage.create_locations(
        admin, storage.plan_locations(admin, "库房1 区1 列1 面A 节1 层1 格1", capacity=50)
    )
    for n, status in enumerate(STATUSES):
        hid = _holder_with(admin, n, status)
        shown = intake.steps_for(admin, hid)
        reason = refusal(status, step)
        assert shown.status == status
        assert shown.closed.get(step.value) == reason, (status, step)
        if reason is None:
            _take(admin, step, hid)
        else:
            with pytest.raises(InvalidInput) as exc:
                _take(admin, step, hid)
            assert str(exc.value) == reason
            assert _status(admin, hid) == status  # nothing changed


def test_a_role_without_intake_sees_every_step_closed(admin, make_user):
    hid = _holder_with(admin, 1, None)
    archivist = make_user("archivist")
    steps = intake.steps_for(archivist, hid)
    assert set(steps.closed) == {s.value for s in INTAKE_STEPS}
    assert "无权办理档案接收" in steps.closed["letter"]
