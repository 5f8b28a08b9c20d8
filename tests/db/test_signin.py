"""Sign-in that cannot be probed or turned against the office: unknown names cost as much as wrong
passwords, lockouts end, only an administrator unlocks an administrator, a limit of 0 means no
lockout, passwords have a minimum strength, and a deactivated or locked user's open session ends."""

from datetime import timedelta

import pytest
from sqlalchemy import update

from archive_desk.db.base import utcnow
from archive_desk.db.models import User
from archive_desk.services import holders, settings, users
from archive_desk.services.errors import AccountLocked, InvalidInput, LoginFailed, PermissionDenied
from tests.conftest import ADMIN_PASSWORD, USER_PASSWORD


class CountingHasher:
    """The real hasher, counting the password checks (the part that takes the time)."""

    def __init__(self, real):
        self.real, self.checked = real, []

    def verify(self, hash_, password):
        self.checked.append(hash_)
        return self.real.verify(hash_, password)

    def __getattr__(self, name):
        return getattr(self.real, name)


def test_an_unknown_name_costs_a_password_check_like_a_wrong_password(db, monkeypatch):
    """No timer in the test: the hash check is what takes the time (bench/login.py measures it)."""
    spy = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", spy)
    checks = spy.checked
    with pytest.raises(LoginFailed, match="用户名或密码错误"):
        users.login(db, "admin", "wrong-password")
    with pytest.raises(LoginFailed, match="用户名或密码错误"):
        users.login(db, "nobody", "wrong-password")
    assert len(checks) == 2 and all(h.startswith("$argon2id$") for h in checks)


def test_an_inactive_user_also_costs_a_password_check(db, admin, monkeypatch):
    users.create_user(admin, "leaver", USER_PASSWORD, "clerk")
    with admin.uow() as uow:
        uow.session.execute(update(User).where(User.username == "leaver").values(active=False))
        uow.commit()
    spy = CountingHasher(users._hasher)
    monkeypatch.setattr(users, "_hasher", spy)
    checks = spy.checked
    with pytest.raises(LoginFailed, match="用户名或密码错误"):
        users.login(db, "leaver", USER_PASSWORD)
    assert len(checks) == 1


def _lock(db, name: str) -> None:
    for _ in range(5):
        with pytest.raises(LoginFailed):
            users.login(db, name, "wrong-password")


def _locked_minutes_ago(db, name: str, minutes: int) -> None:
    with db.uow() as uow:
        uow.session.execute(
            update(User)
            .where(User.username == name)
            .values(locked_at=utcnow() - timedelta(minutes=minutes))
        )
        uow.commit()


def test_a_locked_account_unlocks_after_the_set_time(db, admin):
    assert settings.get_all(admin)["security.lockout_minutes"] == 15
    _lock(db, "admin")
    with pytest.raises(AccountLocked, match="15分钟"):
        users.login(db, "admin", ADMIN_PASSWORD)
    _locked_minutes_ago(db, "admin", 14)
    with pytest.raises(AccountLocked):
        users.login(db, "admin", ADMIN_PASSWORD)
    _locked_minutes_ago(db, "admin", 16)
    assert users.login(db, "admin", ADMIN_PASSWORD).username == "admin"
    # the count starts again: one wrong try after the lock ended does not lock again
    with pytest.raises(LoginFailed, match="再错4次"):
        users.login(db, "admin", "wrong-password")


def test_the_lockout_time_is_a_setting_of_at_least_one_minute(admin):
    settings.update_many(admin, {"security.lockout_minutes": "30"})
    assert settings.get_all(admin)["security.lockout_minutes"] == 30
    with pytest.raises(InvalidInput, match="锁定时长"):
        settings.update_many(admin, {"security.lockout_minutes": "0"})


def test_only_an_administrator_unlocks_an_administrator(db, admin, make_user):
    supervisor = make_user("supervisor")
    clerk = make_user("clerk")
    _lock(db, "admin")
    with pytest.raises(PermissionDenied, match="只有系统管理员"):
        users.unlock(supervisor, "admin")
    _lock(db, "clerk2")
    users.unlock(supervisor, "clerk2")  # a supervisor may unlock other staff
    assert users.login(db, "clerk2", USER_PASSWORD)
    with pytest.raises(PermissionDenied):
        users.unlock(clerk, "admin")


def test_a_lockout_limit_of_zero_means_no_lockout(db, admin):
    settings.update_many(admin, {"security.max_failed_logins": "0"})
    for _ in range(8):
        with pytest.raises(LoginFailed) as err:
            users.login(db, "admin", "wrong-password")
        assert not isinstance(err.value, AccountLocked) and "锁定" not in str(err.value)
    assert users.login(db, "admin", ADMIN_PASSWORD).username == "admin"


@pytest.mark.parametrize(
    "password, reason",
    [
        ("Short123", "至少10位"),
        ("Admin1234", "至少10位"),
        ("password123", "过于常见"),
        ("Qwerty123456", "过于常见"),
        ("abcdefghijk", "字母和数字"),
    ],
)
def test_passwords_have_a_minimum_strength(admin, password, reason):
    with pytest.raises(InvalidInput, match=reason):
        users.create_user(admin, "newbie", password, "clerk")
    with pytest.raises(InvalidInput, match=reason):
        users.change_password(admin, ADMIN_PASSWORD, password)


@pytest.mark.parametrize("how", ["deactivated", "locked"])
def test_an_open_session_ends_when_the_user_is_deactivated_or_locked(db, make_user, how):
    clerk = make_user("clerk")
    assert holders.count(clerk) == 0  # the session works
    if how == "locked":
        _lock(db, "clerk1")
    else:
        with db.uow() as uow:
            uow.session.execute(update(User).where(User.username == "clerk1").values(active=False))
            uow.commit()
    with pytest.raises(PermissionDenied, match="重新登录"):
        holders.count(clerk)
