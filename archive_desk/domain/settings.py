"""Every office setting that documents and rules depend on, declared once with type and default.

Values live in the database (table `settings`) so they are migrated and backed up with the data;
a key missing there reads as its default here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from archive_desk.domain import clock
from archive_desk.domain.holder import DEFAULT_REQUIRED


@dataclass(frozen=True)
class Setting:
    key: str
    label: str
    kind: type
    default: object
    check: Callable[[str], object] | None = None  # raises ValueError (Chinese) on a bad text
    minimum: int = 0  # for int settings


SETTINGS: tuple[Setting, ...] = (
    Setting("centre.name", "存档机构名称", str, "某某县公共就业和人才服务中心"),
    Setting("centre.address", "通讯地址", str, "某某县人民路1号"),
    Setting("centre.post_code", "邮政编码", str, "000000"),
    Setting("centre.phone", "联系电话", str, "0000-0000000"),
    Setting("letters.transfer_request_prefix", "调档函字号", str, "人才函字"),
    Setting("letters.transfer_notice_prefix", "转递通知单字号", str, "人才转字"),
    Setting("letters.validity_days", "调档函有效期（天）", int, 30),
    Setting("files.number_pattern", "档案编号格式", str, "DA{seq:07d}"),
    Setting("loans.period_days", "借阅期限（天）", int, 7),
    Setting("loans.min_readers", "查阅人数下限", int, 2),
    Setting("intake.service_days", "接收办结时限（工作日）", int, 2),
    Setting("transfer.deadline_working_days", "转出办结时限（工作日）", int, 15),
    Setting("transfer.receipt_chase_days", "回执催问期限（天）", int, 30),
    Setting("holder.required_fields", "必采信息项", str, ",".join(DEFAULT_REQUIRED)),
    Setting("security.max_failed_logins", "登录失败锁定次数（0 = 不锁定）", int, 5),
    Setting("security.lockout_minutes", "账号锁定时长（分钟）", int, 15, minimum=1),
    # Empty: the system's zone (Asia/Shanghai where it has none). Dates on documents follow it.
    Setting("office.time_zone", "办公时区（空为本机时区）", str, "", clock.zone_named),
)
BY_KEY = {s.key: s for s in SETTINGS}


def parse(key: str, text: str) -> object:
    """Turn the stored text into the declared type; raises ValueError with a Chinese reason."""
    spec = BY_KEY[key]
    if spec.kind is int:
        try:
            value = int(text)
        except ValueError:
            raise ValueError(f"{spec.label}应为整数，收到“{text}”") from None
        if value < 0:
            raise ValueError(f"{spec.label}不能为负数")
        if value < spec.minimum:
            raise ValueError(f"{spec.label}至少为{spec.minimum}")
        return value
    if spec.check is not None and text.strip():
        spec.check(text)
    return text
