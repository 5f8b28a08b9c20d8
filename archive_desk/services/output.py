"""Where a document goes: check the `--out` path before anything is rendered, and turn the
operating system's refusal to write (no folder, a folder, no permission, a full disk) into a
Chinese reason the operator can act on, instead of a traceback."""

from __future__ import annotations

import errno
import os
from pathlib import Path

from archive_desk.services.errors import InvalidInput


def check_out(out: Path | str) -> Path:
    """The output path, if a file can be written there; else InvalidInput naming the reason."""
    out = Path(out)
    if str(out).strip() == "" or out.name in ("", ".", ".."):
        raise InvalidInput("out", f"输出路径“{out}”不是文件名：--out 应给出要写入的文件")
    if out.is_dir():
        raise InvalidInput("out", f"“{out}”是一个文件夹：--out 应给出要写入的文件名")
    folder = out.parent
    if not folder.exists():
        raise InvalidInput("out", f"文件夹“{folder}”不存在：请先建立它，或换一个 --out 路径")
    if not folder.is_dir():
        raise InvalidInput("out", f"“{folder}”不是文件夹：无法在其中写入 {out.name}")
    if not os.access(folder, os.W_OK | os.X_OK) or (out.exists() and not os.access(out, os.W_OK)):
        raise InvalidInput("out", f"没有写入“{out}”的权限：请换一个 --out 路径")
    return out


_REASONS = {
    errno.ENOENT: "文件夹不存在",
    errno.EISDIR: "这是一个文件夹，不是文件名",
    errno.ENOTDIR: "路径中有一段不是文件夹",
    errno.EACCES: "没有写入权限",
    errno.EPERM: "没有写入权限",
    errno.EROFS: "磁盘是只读的",
    errno.ENOSPC: "磁盘已满",
    errno.EDQUOT: "磁盘配额已用完",
    errno.ENAMETOOLONG: "文件名太长",
}


def os_error_message(exc: OSError) -> str:
    """One Chinese line for an OSError met while writing a file."""
    reason = _REASONS.get(exc.errno or 0, exc.strerror or "系统拒绝写入")
    where = f"“{exc.filename}”" if exc.filename else "文件"
    return f"无法写入{where}：{reason}"
