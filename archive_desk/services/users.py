"""Users: argon2id hashes, a first admin chosen at first run, lockout, password change, roles."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select, text

from archive_desk.db.base import utcnow
from archive_desk.db.models import SettingValue, User
from archive_desk.domain import settings as catalog
from archive_desk.domain.roles import ROLE_LABELS, Role
from archive_desk.services import audit, locking
from archive_desk.services.context import SYSTEM, Actor, AppContext, lock_active
from archive_desk.services.errors import (
    AccountLocked,
    AlreadySetUp,
    InvalidInput,
    LoginFailed,
    NotFound,
    PermissionDenied,
)
from archive_desk.services.settings import read_all

_hasher = PasswordHasher()  # argon2id with the library's current recommended parameters
# An administrator's lock: far enough ahead that no lockout minutes run it out.
_FOREVER = datetime(9999, 1, 1, tzinfo=UTC)
_USERNAME = re.compile(r"^[A-Za-z0-9_.\-\u4e00-\u9fff]{2,40}$")


@dataclass(frozen=True)
class UserInfo:
    id: int
    username: str
    display_name: str
    role: str
    active: bool
    locked: bool
    version: int = 1  # hand back with an edit (optimistic locking)
    must_change_password: bool = False

    @property
    def role_label(self) -> str:
        return ROLE_LABELS[Role(self.role)]


def _info(u: User) -> UserInfo:
    return UserInfo(
        u.id,
        u.username,
        u.display_name,
        u.role,
        u.active,
        u.locked_at is not None,
        u.version,
        bool(u.must_change_password),
    )


MIN_PASSWORD_LENGTH = 10
# The passwords tried first by anyone guessing (lower case; compared case-insensitively).
COMMON_PASSWORDS = frozenset(
    [
        "password123",
        "password1234",
        "passw0rd123",
        "p@ssw0rd123",
        "qwerty1234",
        "qwerty12345",
        "qwerty123456",
        "qwertyuiop1",
        "1qaz2wsx3edc",
        "1q2w3e4r5t6y",
        "q1w2e3r4t5y6",
        "zxcvbnm123",
        "asdfghjkl123",
        "abc1234567",
        "abc123456789",
        "abcd123456",
        "abcd1234567",
        "a123456789",
        "aa123456789",
        "123456789a",
        "1234567890a",
        "123456789abc",
        "admin12345",
        "admin123456",
        "admin1234567",
        "administrator1",
        "root123456",
        "test123456",
        "user123456",
        "welcome123",
        "letmein123",
        "iloveyou123",
        "woaini1314",
        "woaini520",
        "woaini1314520",
        "dangan123456",
        "archive123",
        "archive1234",
    ]
)


@cache
def _dummy_hash() -> str:
    """A hash to check unknown names against, so they take as long as a wrong password."""
    return _hasher.hash("no such user: the time of a real check")


def _locked_until(user: User, minutes: int) -> datetime:
    at = user.locked_at if user.locked_at.tzinfo else user.locked_at.replace(tzinfo=UTC)
    return at + timedelta(minutes=minutes)


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return _hasher.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def check_password_strength(password: str) -> None:
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput("password", f"密码至少{MIN_PASSWORD_LENGTH}位")
    if password.lower() in COMMON_PASSWORDS:
        raise InvalidInput("password", "密码过于常见，容易被猜中，请换一个")
    if not (re.search(r"[A-Za-z]", password) and re.search(r"\d", password)):
        raise InvalidInput("password", "密码须同时包含字母和数字")


def _check_username(username: str) -> None:
    if not _USERNAME.match(username):
        raise InvalidInput("username", "用户名应为2–40位字母、数字、汉字或 _ . -")


def needs_first_admin(ctx: AppContext) -> bool:
    with ctx.uow(write=False) as uow:
        return uow.session.scalar(select(func.count()).select_from(User)) == 0


def create_first_admin(
    ctx: AppContext, username: str, password: str, display_name: str = ""
) -> UserInfo:
    """Only on a database without users; also stores the default settings so they are backed up."""
    _check_username(username)
    check_password_strength(password)
    password_hash = _hasher.hash(password)  # slow on purpose: before the lock, not under it
    with ctx.uow() as uow:
        s = uow.session
        _first_admin_lock(s)
        if s.scalar(select(func.count()).select_from(User)):
            raise AlreadySetUp("数据库已经建立，已有管理员，不能再创建初始管理员")
        user = User(
            username=username,
            display_name=display_name or username,
            password_hash=password_hash,
            role=Role.ADMIN,
            password_changed_at=utcnow(),
        )
        s.add(user)
        s.flush()
        present = set(s.scalars(select(SettingValue.key)))
        for spec in catalog.SETTINGS:
            if spec.key not in present:
                s.add(SettingValue(key=spec.key, value=str(spec.default), updated_by=username))
        audit.record(s, SYSTEM, "user.create_first_admin", "user", user.id, username=username)
        uow.commit()
        return _info(user)


FIRST_ADMIN_LOCK_KEY = 0x4172636841646D6E  # "ArchAdmn": pg_advisory_xact_lock key


def _first_admin_lock(s) -> None:
    """Desks setting up at once create one administrator: the check that no user exists and the
    insert run one desk at a time (PostgreSQL: an advisory lock; SQLite: the write lock the unit
    of work took when it began IMMEDIATE, with the busy wait)."""
    if s.get_bind().dialect.name == "postgresql":
        s.execute(text("SELECT pg_advisory_xact_lock(:k)"), {"k": FIRST_ADMIN_LOCK_KEY})


def login(ctx: AppContext, username: str, password: str) -> Actor:
    """Check the password; after the configured number of failures (default 5; 0 = never) lock
    the account for the configured minutes (default 15) or until an administrator unlocks it.

    An unknown or deactivated name is checked against a dummy hash: it takes as long as a wrong
    password, so names cannot be probed by timing."""
    with ctx.uow() as uow:
        s = uow.session
        cfg = read_all(s)
        limit = int(cfg["security.max_failed_logins"])
        minutes = int(cfg["security.lockout_minutes"])
        user = s.scalar(select(User).where(User.username == username))
        if user is None or not user.active:
            verify_password(user.password_hash if user else _dummy_hash(), password)
            audit.record(s, None, "login.failed", "user", None, username=username)
            uow.commit()
            raise LoginFailed("用户名或密码错误")
        if user.locked_at is not None:
            if lock_active(user.locked_at, minutes):
                left = _locked_until(user, minutes) - utcnow()
                audit.record(s, None, "login.refused_locked", "user", user.id, username=username)
                uow.commit()
                if left > timedelta(days=365):
                    raise AccountLocked("账号已被管理员锁定，请联系管理员解锁")
                raise AccountLocked(
                    f"账号已锁定，{math.ceil(left.total_seconds() / 60)}分钟后自动解锁，"
                    "或请管理员解锁"
                )
            user.locked_at, user.failed_logins = None, 0  # the lock has run out: start afresh
        try:
            _hasher.verify(user.password_hash, password)
        except (VerificationError, InvalidHashError):
            user.failed_logins += 1
            left = limit - user.failed_logins
            if limit and left <= 0:
                user.locked_at = utcnow()
            audit.record(
                s,
                None,
                "login.failed",
                "user",
                user.id,
                username=username,
                failures=user.failed_logins,
            )
            uow.commit()
            if not limit:
                raise LoginFailed("用户名或密码错误") from None
            if left <= 0:
                raise AccountLocked(
                    f"连续{limit}次密码错误，账号已锁定，{minutes}分钟后自动解锁，或请管理员解锁"
                ) from None
            raise LoginFailed(f"用户名或密码错误（再错{left}次将锁定账号）") from None
        if _hasher.check_needs_rehash(user.password_hash):
            user.password_hash = _hasher.hash(password)
        user.failed_logins = 0
        actor = Actor(user.id, user.username, user.role)
        audit.record(s, actor, "login", "user", user.id)
        uow.commit()
        return actor


def change_password(ctx: AppContext, old_password: str, new_password: str) -> None:
    actor = ctx.require("holder.view")  # any signed-in user, for their own account
    check_password_strength(new_password)
    if old_password == new_password:
        raise InvalidInput("password", "新密码不能与原密码相同")
    with ctx.uow() as uow:
        user = uow.session.get(User, actor.user_id)
        try:
            _hasher.verify(user.password_hash, old_password)
        except (VerificationError, InvalidHashError):
            raise InvalidInput("old_password", "原密码不正确") from None
        user.password_hash = _hasher.hash(new_password)
        user.password_changed_at = utcnow()
        user.must_change_password = False
        audit.record(uow.session, actor, "user.change_password", "user", user.id)
        uow.commit()


def create_user(
    ctx: AppContext, username: str, password: str, role: str, display_name: str = ""
) -> UserInfo:
    actor = ctx.require("user.manage")
    _check_username(username)
    check_password_strength(password)
    if role not in set(Role):
        raise InvalidInput("role", f"未知角色：{role}")
    if role == Role.ADMIN and actor.role != Role.ADMIN:
        raise PermissionDenied("只有系统管理员可以创建管理员账号")
    with ctx.uow() as uow:
        s = uow.session
        if s.scalar(select(User.id).where(User.username == username)):
            raise InvalidInput("username", f"用户名“{username}”已存在")
        user = User(
            username=username,
            display_name=display_name or username,
            role=role,
            password_hash=_hasher.hash(password),
            password_changed_at=utcnow(),
        )
        s.add(user)
        s.flush()
        audit.record(s, actor, "user.create", "user", user.id, username=username, role=role)
        uow.commit()
        return _info(user)


def _managed(s, actor: Actor, username: str, version: int | None, what: str) -> User:
    """The user an administrator acts on, at the version the caller listed; an administrator's
    account only by an administrator."""
    user = s.scalar(select(User).where(User.username == username))
    if user is None:
        raise NotFound(f"没有用户“{username}”")
    if user.role == Role.ADMIN and actor.role != Role.ADMIN:
        raise PermissionDenied(f"只有系统管理员可以{what}管理员账号")
    locking.check(s, user, version, f"用户“{username}”", "user", user.id)
    return user


def unlock(ctx: AppContext, username: str, version: int | None = None) -> None:
    actor = ctx.require("user.manage")
    with ctx.uow() as uow:
        user = _managed(uow.session, actor, username, version, "解锁")
        user.locked_at, user.failed_logins = None, 0
        audit.record(uow.session, actor, "user.unlock", "user", user.id)
        uow.commit()


def lock(ctx: AppContext, username: str, version: int | None = None) -> None:
    """Lock an account until an administrator unlocks it (the lock does not run out)."""
    actor = ctx.require("user.manage")
    if username == actor.username:
        raise InvalidInput("username", "不能锁定自己的账号")
    with ctx.uow() as uow:
        user = _managed(uow.session, actor, username, version, "锁定")
        user.locked_at = _FOREVER
        audit.record(uow.session, actor, "user.lock", "user", user.id)
        uow.commit()


def reset_password(ctx: AppContext, username: str, password: str, version: int | None) -> None:
    """Give a user a new password that they must change at their next sign-in."""
    actor = ctx.require("user.manage")
    check_password_strength(password)
    password_hash = _hasher.hash(password)
    with ctx.uow() as uow:
        user = _managed(uow.session, actor, username, version, "重置密码的")
        user.password_hash = password_hash
        user.password_changed_at = utcnow()
        user.must_change_password = True
        user.locked_at, user.failed_logins = None, 0
        audit.record(uow.session, actor, "user.reset_password", "user", user.id)
        uow.commit()


def change_role(ctx: AppContext, username: str, role: str, version: int | None) -> None:
    actor = ctx.require("user.manage")
    if role not in set(Role):
        raise InvalidInput("role", f"未知角色：{role}")
    if role == Role.ADMIN and actor.role != Role.ADMIN:
        raise PermissionDenied("只有系统管理员可以授予管理员角色")
    if username == actor.username:
        raise InvalidInput("role", "不能更改自己的角色")
    with ctx.uow() as uow:
        user = _managed(uow.session, actor, username, version, "更改角色的")
        old, user.role = user.role, role
        audit.record(uow.session, actor, "user.change_role", "user", user.id, old=old, new=role)
        uow.commit()


def disable(ctx: AppContext, username: str, version: int | None) -> None:
    """The account can no longer sign in; it is never deleted, so its audit trail stays whole."""
    actor = ctx.require("user.manage")
    if username == actor.username:
        raise InvalidInput("username", "不能停用自己的账号")
    with ctx.uow() as uow:
        user = _managed(uow.session, actor, username, version, "停用")
        user.active = False
        audit.record(uow.session, actor, "user.disable", "user", user.id)
        uow.commit()


def must_change_password(ctx: AppContext) -> bool:
    """Whether the signed-in user's password was reset and must be changed before work."""
    actor = ctx.require("holder.view")
    with ctx.uow(write=False) as uow:
        user = uow.session.get(User, actor.user_id)
        return bool(user and user.must_change_password)


def list_users(ctx: AppContext) -> list[UserInfo]:
    """Every account, disabled ones too; names are personal data, so the read is audited."""
    actor = ctx.require("user.manage")
    with ctx.uow() as uow:  # writes its audit entry
        found = [_info(u) for u in uow.session.scalars(select(User).order_by(User.username))]
        audit.read(uow.session, actor, "user.list", "user", rows=len(found))
        uow.commit()
        return found
