"""Every document the app prints, registered once: the pages' print previews and the CLI's
`archive-desk print KIND REF --out FILE` take the same entries, so a new document is added in one
place. Each entry's `make(ctx, ref, out)` is an explicit function; it imports its service only when
called, so that building the command line (which lists the kinds) stays fast.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from archive_desk.services.context import AppContext


@dataclass(frozen=True)
class DocumentKind:
    key: str
    """The name on the command line, and the stem of a preview file."""
    title: str
    ref: str
    """What REF is for this document."""
    make: Callable[[AppContext, str, Path], Path]
    suffixes: tuple[str, ...] = (".pdf",)

    @property
    def help(self) -> str:
        return f"{self.title}（REF：{self.ref}）"


def _transfer_request(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import intake_documents

    return intake_documents.transfer_request(ctx, ref, out)


def _intake_receipt(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import intake_documents

    return intake_documents.intake_receipt(ctx, ref, out)


def _missing_notice(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import intake_documents

    return intake_documents.missing_notice(ctx, ref, out)


def _return_letter(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import intake_documents

    return intake_documents.return_letter(ctx, ref, out)


def _file_labels(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import labels

    return labels.file_labels(ctx, ref.split(","), out)


def _slot_labels(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import labels

    return labels.slot_labels(ctx, ref, out)


def _stocktake_report(ctx: AppContext, ref: str, out: Path) -> Path:
    from archive_desk.services import stocktake
    from archive_desk.services.errors import InvalidInput

    if not ref.strip().isdigit():
        raise InvalidInput("ref", "盘点编号应为数字")
    return stocktake.report(ctx, int(ref), out)


TRANSFER_REQUEST = DocumentKind("transfer-request", "调档函", "调档函编号", _transfer_request)
INTAKE_RECEIPT = DocumentKind("intake-receipt", "接收回执", "档案编号", _intake_receipt)
MISSING_NOTICE = DocumentKind("missing-notice", "缺件告知承诺书", "告知书编号", _missing_notice)
RETURN_LETTER = DocumentKind("return-letter", "退回函", "档案编号或调档函编号", _return_letter)
FILE_LABELS = DocumentKind("file-label", "档案标签", "档案编号，可用逗号分隔多个", _file_labels)
SLOT_LABELS = DocumentKind("slot-labels", "库位标签", "库位编码前缀", _slot_labels)
STOCKTAKE_REPORT = DocumentKind(
    "stocktake-report", "盘点报告", "盘点编号；.xlsx 或 .pdf", _stocktake_report, (".xlsx", ".pdf")
)

KINDS: dict[str, DocumentKind] = {
    k.key: k
    for k in (
        TRANSFER_REQUEST,
        INTAKE_RECEIPT,
        MISSING_NOTICE,
        RETURN_LETTER,
        FILE_LABELS,
        SLOT_LABELS,
        STOCKTAKE_REPORT,
    )
}
