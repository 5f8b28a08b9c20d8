"""File states and deposit types (domain §1, §3) with their Chinese names."""

from __future__ import annotations

from enum import StrEnum


class FileStatus(StrEnum):
    AWAITING_ARRIVAL = "awaiting_arrival"
    RECEIVED = "received"
    IN_STORAGE = "in_storage"
    ON_LOAN = "on_loan"
    TRANSFER_PENDING = "transfer_pending"
    TRANSFERRED = "transferred"
    RECEIPT_RETURNED = "receipt_returned"
    RETURNED_TO_SENDER = "returned_to_sender"


STATUS_LABELS = {
    FileStatus.AWAITING_ARRIVAL: "待到档",
    FileStatus.RECEIVED: "已接收待入库",
    FileStatus.IN_STORAGE: "在库",
    FileStatus.ON_LOAN: "借出",
    FileStatus.TRANSFER_PENDING: "待转出",
    FileStatus.TRANSFERRED: "已转出（待回执）",
    FileStatus.RECEIPT_RETURNED: "已转出（回执已退回）",
    FileStatus.RETURNED_TO_SENDER: "已退回原单位",
}


class DepositType(StrEnum):
    UNIT = "unit"
    PERSONAL = "personal"


DEPOSIT_LABELS = {DepositType.UNIT: "单位集体委托存档", DepositType.PERSONAL: "个人委托存档"}


def status_label(status: str | None) -> str:
    if not status:
        return "无档案"
    return STATUS_LABELS.get(FileStatus(status), status)
