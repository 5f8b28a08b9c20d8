"""A file the desk cannot write (full disk, no permission) is explained, not an 'unexpected error'."""

import errno

from archive_desk.ui.errors import message_of


def test_a_full_disk_or_missing_permission_is_explained_in_chinese(qapp):
    assert message_of(OSError(errno.ENOSPC, "No space left on device")) == "无法写入文件：磁盘已满"
    denied = PermissionError(errno.EACCES, "Permission denied", "/srv/x.pdf")
    assert message_of(denied) == "无法写入“/srv/x.pdf”：没有写入权限"
