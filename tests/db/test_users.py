import pytest

from archive_desk.services import audit, users
from archive_desk.services.errors import AccountLocked, InvalidInput, LoginFailed, PermissionDenied
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD


def test_first_admin_only_once_and_no_default_password(db):
    assert not users.needs_first_admin(db)
    with pytest.raises(PermissionDenied):
        users.create_first_admin(db, "other", "Another-one-2026")


@pytest.mark.parametrize("fresh_url", ["sqlite"], indirect=True)
def test_first_run_needs_an_admin_with_a_strong_password(fresh_url):
    from archive_desk.services.context import open_database

    ctx = open_database(fresh_url)
    assert users.needs_first_admin(ctx)
    with pytest.raises(InvalidInput, match="至少10位"):
        users.create_first_admin(ctx, "admin", "short1")
    with pytest.raises(InvalidInput, match="字母和数字"):
        users.create_first_admin(ctx, "admin", "onlyletters")
    with pytest.raises(InvalidInput, match="过于常见"):
        users.create_first_admin(ctx, "admin", "Admin123456")
    users.create_first_admin(ctx, "admin", "Good-desk-1234")
    assert users.login(ctx, "admin", "Good-desk-1234").role == "admin"


def test_password_is_stored_as_argon2id(db):
    from sqlalchemy import select

    from archive_desk.db.models import User

    with db.uow() as uow:
        h = uow.session.scalar(select(User.password_hash).where(User.username == "admin"))
    assert h.startswith("$argon2id$") and ADMIN_PASSWORD not in h


def test_five_failures_lock_the_account_until_unlocked(db, admin):
    users.create_user(admin, "admin2", USER_PASSWORD, "admin")
    other = db.as_user(users.login(db, "admin2", USER_PASSWORD))
    for i in range(4):
        with pytest.raises(LoginFailed, match=f"再错{4 - i}次"):
            users.login(db, "admin", "wrong")
    with pytest.raises(AccountLocked):
        users.login(db, "admin", "wrong")
    with pytest.raises(AccountLocked):  # even the right password is refused now
        users.login(db, "admin", ADMIN_PASSWORD)
    users.unlock(other, "admin")  # another administrator (the locked one's session has ended)
    assert users.login(db, "admin", ADMIN_PASSWORD).username == "admin"
    actions = [e.action for e in audit.entries(other, entity="user")]
    assert actions.count("login.failed") == 5 and "user.unlock" in actions


def test_password_change(db, admin):
    with pytest.raises(InvalidInput, match="原密码不正确"):
        users.change_password(admin, "nope", "New-pass-2026")
    users.change_password(admin, ADMIN_PASSWORD, "New-pass-2026")
    with pytest.raises(LoginFailed):
        users.login(db, "admin", ADMIN_PASSWORD)
    assert users.login(db, "admin", "New-pass-2026")


def test_roles_limit_what_a_user_may_do(make_user):
    clerk = make_user("clerk")
    supervisor = make_user("supervisor")
    with pytest.raises(PermissionDenied, match="窗口经办"):
        users.create_user(clerk, "x1", USER_PASSWORD, "clerk")
    with pytest.raises(PermissionDenied):
        users.create_user(supervisor, "x2", USER_PASSWORD, "admin")
    users.create_user(supervisor, "x3", USER_PASSWORD, "archivist")
    assert {u.username for u in users.list_users(supervisor)} >= {"admin", "x3"}
