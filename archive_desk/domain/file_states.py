"""Which step may be taken on a file in which status (domain §3, §4, §5): the one table.

Services check a step with `refusal(status, step)` before they change a file (and raise the
reason), and the intake page asks the same table, through `services.intake.steps_for`, which
buttons to enable — so the page and the services cannot drift apart again. `None` stands for a
holder who has no file record yet.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from archive_desk.domain.files import FileStatus, status_label


class Step(StrEnum):
    LETTER = "letter"  # 开具调档函
    ARRIVAL = "arrival"  # 登记到档（核对）
    REFUSE = "refuse"  # 本人自带档案：登记拒收
    NOTICE = "notice"  # 缺件告知承诺
    ACCEPT = "accept"  # 接收入库
    RETURN = "return"  # 退回原单位
    SHELVE = "shelve"  # 入库（放上格位）
    MOVE = "move"  # 在库档案移位、整理


@dataclass(frozen=True)
class Transition:
    """A step: the statuses it may start from, the status it leaves (None: unchanged), and the
    rule in words for the refusal."""

    name: str
    allowed_from: frozenset[FileStatus | None]
    to: FileStatus | None
    rule: str


S = FileStatus
NOT_HERE = frozenset({None, S.TRANSFERRED, S.RECEIPT_RETURNED, S.RETURNED_TO_SENDER})

TRANSITIONS: dict[Step, Transition] = {
    # Re-issuing while awaiting arrival is allowed: the first letter may have expired or been
    # cancelled (the page refused it before, the service allowed it).
    Step.LETTER: Transition(
        "开具调档函",
        NOT_HERE | {S.AWAITING_ARRIVAL},
        S.AWAITING_ARRIVAL,
        "档案已在本中心，无需调档（只有尚无档案、待到档、已转出或已退回原单位的存档人才能开具调档函）",
    ),
    Step.ARRIVAL: Transition(
        "登记到档",
        frozenset({S.AWAITING_ARRIVAL}),
        S.RECEIVED,
        "只有待到档的档案才能登记到档（请先开具调档函）",
    ),
    # A refusal records that a self-carried file was turned away; it changes no file.
    Step.REFUSE: Transition("登记拒收", frozenset({None, *S}), None, ""),
    Step.NOTICE: Transition(
        "开具缺件告知承诺书",
        frozenset({S.RECEIVED, S.IN_STORAGE}),
        None,
        "只有已到档的档案才能开具缺件告知承诺书",
    ),
    Step.ACCEPT: Transition(
        "接收入库",
        frozenset({S.RECEIVED}),
        S.IN_STORAGE,
        "只有已到档并核对的档案才能接收入库",
    ),
    Step.RETURN: Transition(
        "退回原单位",
        frozenset({S.RECEIVED}),
        S.RETURNED_TO_SENDER,
        "只有已到档、尚未入库的档案才能退回原单位",
    ),
    Step.SHELVE: Transition(
        "入库",
        frozenset({S.RECEIVED, S.IN_STORAGE}),
        S.IN_STORAGE,
        "只有已接收的档案才能入库",
    ),
    Step.MOVE: Transition("移位", frozenset({S.IN_STORAGE}), None, "档案不在库，不能移动"),
}

INTAKE_STEPS = (Step.LETTER, Step.ARRIVAL, Step.REFUSE, Step.NOTICE, Step.ACCEPT, Step.RETURN)


class StepRefused(Exception):
    """The step is not allowed from the file's status; `reason` says why, in Chinese."""

    def __init__(self, step: Step, reason: str):
        super().__init__(reason)
        self.step, self.reason = step, reason


def _status(status: str | None) -> FileStatus | None:
    return FileStatus(status) if status else None


def refusal(status: str | None, step: Step) -> str | None:
    """None when `step` may be taken on a file in `status`, else the reason (Chinese), which
    names the current status."""
    t = TRANSITIONS[step]
    if _status(status) in t.allowed_from:
        return None
    return f"{t.rule}；当前：{status_label(status)}"


def check(status: str | None, step: Step) -> FileStatus | None:
    """The status the file takes after `step` (None: unchanged), or StepRefused."""
    reason = refusal(status, step)
    if reason is not None:
        raise StepRefused(step, reason)
    return TRANSITIONS[step].to
