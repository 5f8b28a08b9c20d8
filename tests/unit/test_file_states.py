"""The one table of file statuses and steps, walked pair by pair against the rules of domain §3–5
written out here as the counter staff state them."""

import pytest

from archive_desk.domain.file_states import TRANSITIONS, Step, StepRefused, check, refusal
from archive_desk.domain.files import FileStatus as S

NONE = None
# Which steps each status allows (the rest must be refused with a reason).
ALLOWED = {
    NONE: {Step.LETTER, Step.REFUSE},
    S.AWAITING_ARRIVAL: {Step.LETTER, Step.ARRIVAL, Step.REFUSE},
    S.RECEIVED: {Step.REFUSE, Step.NOTICE, Step.ACCEPT, Step.RETURN, Step.SHELVE},
    S.IN_STORAGE: {Step.REFUSE, Step.NOTICE, Step.SHELVE, Step.MOVE},
    S.ON_LOAN: {Step.REFUSE},
    S.TRANSFER_PENDING: {Step.REFUSE},
    S.TRANSFERRED: {Step.LETTER, Step.REFUSE},
    S.RECEIPT_RETURNED: {Step.LETTER, Step.REFUSE},
    S.RETURNED_TO_SENDER: {Step.LETTER, Step.REFUSE},
}
AFTER = {
    Step.LETTER: S.AWAITING_ARRIVAL,
    Step.ARRIVAL: S.RECEIVED,
    Step.ACCEPT: S.IN_STORAGE,
    Step.RETURN: S.RETURNED_TO_SENDER,
    Step.SHELVE: S.IN_STORAGE,
}


def test_every_status_is_in_the_walk():
    assert set(ALLOWED) == {None, *S} and set(TRANSITIONS) == set(Step)


@pytest.mark.parametrize("status", list(ALLOWED), ids=lambda s: s or "no_file")
@pytest.mark.parametrize("step", list(Step))
def test_each_status_and_step(status, step):
    reason = refusal(status, step)
    if step in ALLOWED[status]:
        assert reason is None
        assert check(status, step) == AFTER.get(step)
    else:
        assert reason and "当前：" in reason  # says why, and what the status is now
        with pytest.raises(StepRefused) as exc:
            check(status, step)
        assert exc.value.reason == reason and exc.value.step == step


def test_reasons_name_the_current_status_in_chinese():
    assert refusal(S.IN_STORAGE, Step.LETTER).endswith("当前：在库")
    assert "无需调档" in refusal(S.IN_STORAGE, Step.LETTER)
    assert refusal(None, Step.ACCEPT).endswith("当前：无档案")
    assert refusal("on_loan", Step.MOVE) == "档案不在库，不能移动；当前：借出"
