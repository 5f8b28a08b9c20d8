"""The administrator's user services: reset (changed at next sign-in), lock/unlock, role, disable;
refused to roles without user management, and edits checked against the version listed."""

import pytest
from sqlalchemy import func, select

from archive_desk.db.models import AuditEntry, User
from archive_desk.services import users
from archive_desk.services.errors import (
    AccountLocked,
    Conflict,
    InvalidInput,
    LoginFailed,
    PermissionDenied,
)
from tests.conftest import USER_PASSWORD

NEW = "Reset-Desk-2026"


def _user(ctx, name):
    return next(u for u in users.list_users(ctx) if u.username == name)


def test_reset_password_must_be_changed_at_next_sign_in(admin):
    users.create_user(admin, "wang", USER_PASSWORD, "clerk", "王窗口")
    users.reset_password(admin, "wang", NEW, _user(admin, "wang").version)
    assert _user(admin, "wang").must_change_password
    with pytest.raises(LoginFailed):
        users.login(admin, "wang", USER_PASSWORD)
    wang = admin.as_user(users.login(admin, "wang", NEW))
    assert users.must_change_password(wang)
    users.change_password(wang, NEW, "Mine-Again-2026")
    assert not users.must_change_password(wang)
    assert not _user(admin, "wang").must_change_password


def test_admin_lock_holds_until_unlocked(admin):
    users.create_user(admin, "li", USER_PASSWORD, "archivist")
    users.lock(admin, "li", _user(admin, "li").version)
    assert _user(admin, "li").locked
    with pytest.raises(AccountLocked, match="管理员锁定"):
        users.login(admin, "li", USER_PASSWORD)
    users.unlock(admin, "li", _user(admin, "li").version)
    assert users.login(admin, "li", USER_PASSWORD).username == "li"


def test_change_role_and_disable_keep_the_audit_trail(admin):
    users.create_user(admin, "zhao", USER_PASSWORD, "clerk")
    zhao = admin.as_user(users.login(admin, "zhao", USER_PASSWORD))
    users.change_role(admin, "zhao", "supervisor", _user(admin, "zhao").version)
    assert _user(admin, "zhao").role == "supervisor"
    with pytest.raises(PermissionDenied, match="角色已变更"):  # the open session ends
        users.must_change_password(zhao)
    users.disable(admin, "zhao", _user(admin, "zhao").version)
    assert not _user(admin, "zhao").active  # still listed: never deleted
    with pytest.raises(LoginFailed):
        users.login(admin, "zhao", USER_PASSWORD)
    with admin.uow() as uow:
        uid = uow.session.scalar(select(User.id).where(User.username == "zhao"))
        kept = uow.session.scalar(
            select(func.count()).select_from(AuditEntry).where(AuditEntry.user_id == uid)
        )
    assert kept >= 1  # their own sign-in is still on record


@pytest.mark.parametrize("role", ["clerk", "archivist"])
def test_roles_without_user_management_are_refused(make_user, admin, role):
    users.create_user(admin, "target", USER_PASSWORD, "clerk")
    v = _user(admin, "target").version
    ctx = make_user(role)
    calls = [
        lambda: users.list_users(ctx),
        lambda: users.create_user(ctx, "another", USER_PASSWORD, "clerk"),
        lambda: users.reset_password(ctx, "target", NEW, v),
        lambda: users.lock(ctx, "target", v),
        lambda: users.unlock(ctx, "target", v),
        lambda: users.change_role(ctx, "target", "admin", v),
        lambda: users.disable(ctx, "target", v),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied, match="无权"):
            call()
    assert _user(admin, "target").active and not _user(admin, "target").locked


def test_a_supervisor_cannot_touch_administrators_nor_make_one(make_user, admin):
    sup = make_user("supervisor")
    users.create_user(admin, "clerkx", USER_PASSWORD, "clerk")
    v = _user(admin, "admin").version
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        users.reset_password(sup, "admin", NEW, v)
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        users.disable(sup, "admin", v)
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        users.change_role(sup, "clerkx", "admin", _user(admin, "clerkx").version)


def test_no_one_disables_locks_or_demotes_themselves(admin):
    v = _user(admin, "admin").version
    with pytest.raises(InvalidInput, match="自己"):
        users.disable(admin, "admin", v)
    with pytest.raises(InvalidInput, match="自己"):
        users.lock(admin, "admin", v)
    with pytest.raises(InvalidInput, match="自己"):
        users.change_role(admin, "admin", "clerk", v)


def test_an_edit_over_a_newer_version_is_a_conflict_naming_who(admin):
    users.create_user(admin, "sun", USER_PASSWORD, "clerk")
    listed = _user(admin, "sun").version
    users.change_role(admin, "sun", "archivist", listed)
    with pytest.raises(Conflict, match="已被.*admin.*修改"):
        users.disable(admin, "sun", listed)
    assert _user(admin, "sun").active


def test_reset_password_is_checked_for_strength(admin):
    users.create_user(admin, "qian", USER_PASSWORD, "clerk")
    with pytest.raises(InvalidInput, match="至少10位"):
        users.reset_password(admin, "qian", "short1", _user(admin, "qian").version)
