"""Showing errors: a service's own message as it is; anything else as an unexpected error."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

log = logging.getLogger(__name__)


def message_of(exc: BaseException) -> str:
    from archive_desk.services.errors import HolderInvalid, ServiceError

    if isinstance(exc, (ServiceError, HolderInvalid)):
        return str(exc)
    if isinstance(exc, OSError):  # a document or backup that cannot be written: say why
        from archive_desk.services.output import os_error_message

        return os_error_message(exc)
    return QCoreApplication.translate("errors", "Unexpected error: {0}").format(exc)


def show_error(parent: QWidget | None, exc: BaseException, tb: str = "") -> None:
    if tb:
        log.error("task failed\n%s", tb)
    QMessageBox.warning(
        parent, QCoreApplication.translate("errors", "ArchiveDesk"), message_of(exc)
    )
