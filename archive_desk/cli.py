"""archive-desk: the GUI (no command) and the headless commands operators script.

Global options come before the command: --db URL (else $ARCHIVE_DESK_DB, else the default file)
and --user NAME (password from $ARCHIVE_DESK_PASSWORD, or asked on a terminal). Every command that
reads holders or changes data runs as that user and is audited.
"""

from __future__ import annotations

import argparse
import getpass
import json
import os
import sys
from pathlib import Path

from archive_desk import exit_codes
from archive_desk.services import printing

EXIT_ERROR = exit_codes.ERROR


class UsageError(Exception):
    """The command line lacks something; the message says what."""


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="archive-desk", description="档案工作台 ArchiveDesk")
    p.add_argument("--db", metavar="URL", help="数据库地址（默认：用户数据目录下的 SQLite 文件）")
    p.add_argument(
        "--user", metavar="NAME", help="以该用户身份执行（密码取自 ARCHIVE_DESK_PASSWORD）"
    )
    sub = p.add_subparsers(dest="command")
    sub.add_parser("gui", help="启动图形界面（默认）")
    init = sub.add_parser(
        "init", help="建立数据库（空库建表）并创建初始管理员；SQLite 文件同时升级到本版结构"
    )
    init.add_argument("--admin", metavar="NAME")
    init.add_argument("--password-stdin", action="store_true", help="从标准输入读取管理员密码")
    upg = sub.add_parser(
        "upgrade-db", help="管理员升级数据库结构：先备份并校验，列出升级步骤，确认后升级"
    )
    upg.add_argument("--yes", action="store_true", help="不再询问，直接升级（供脚本使用）")
    upg.add_argument(
        "--backup-dir", type=Path, metavar="DIR", help="备份存放的文件夹（默认：用户数据目录）"
    )
    demo = sub.add_parser("demo-data", help="载入演示数据（仅空数据库）")
    demo.add_argument("--files", type=int, required=True)
    demo.add_argument("--seed", type=int, default=1)
    chk = sub.add_parser("check-id", help="校验身份证号码")
    chk.add_argument("numbers", nargs="+", metavar="NUMBER")
    chk.add_argument("--json", action="store_true")
    chn = sub.add_parser("check-name", help="校验姓名（生僻字、间隔号、能否打印），无需数据库")
    chn.add_argument("names", nargs="+", metavar="NAME")
    chn.add_argument("--json", action="store_true")
    srch = sub.add_parser("search", help="检索存档人")
    srch.add_argument("text")
    srch.add_argument("--json", action="store_true")
    srch.add_argument("--limit", type=int, default=50)
    aud = sub.add_parser("audit", help="查看审计记录（最新在前；时间为办公时区）")
    aud.add_argument("--limit", type=int, default=50)
    aud.add_argument("--json", action="store_true", help="ISO 8601 时间，带时区偏移")
    bak = sub.add_parser("backup", help="备份数据库")
    bak.add_argument("--out", required=True, type=Path)
    rst = sub.add_parser(
        "restore", help="从备份恢复数据库（先核对备份，再自动备份当前库；空库按备份中的用户登录）"
    )
    rst.add_argument("file", type=Path)
    prn = sub.add_parser(
        "print",
        help="打印文书到文件：" + "、".join(k.key for k in printing.KINDS.values()),
        epilog="；".join(f"{k.key}：{k.help}" for k in printing.KINDS.values()),
    )
    prn.add_argument("kind", choices=sorted(printing.KINDS))
    prn.add_argument("ref", help="档案编号 / 库位编码前缀 / 盘点编号")
    prn.add_argument("--out", required=True, type=Path)
    return p


def _err(message: str) -> int:
    print(f"错误：{message}", file=sys.stderr)
    return EXIT_ERROR


def _context(args, setup: bool = False):
    from archive_desk.config import resolve_db_url
    from archive_desk.services.context import open_database

    return open_database(resolve_db_url(args.db), setup=setup)


def _password(args) -> str:
    """--user's password, from the environment or a prompt."""
    if not args.user:
        raise UsageError("此命令需要 --user 指定操作员")
    password = os.environ.get("ARCHIVE_DESK_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise UsageError("请设置 ARCHIVE_DESK_PASSWORD，或在终端中运行以输入密码")
        password = getpass.getpass(f"{args.user} 的密码：")
    return password


def _signed_in(args):
    """Open the database as --user; the password comes from the environment or a prompt."""
    from archive_desk.services import users

    password = _password(args)
    ctx = _context(args)
    return ctx.as_user(users.login(ctx, args.user, password))


def cmd_init(args) -> int:
    """Set up: create the schema of an empty database and the first administrator. Run at once
    from several desks, one creates them and the others say the database is already set up."""
    from archive_desk.config import resolve_db_url
    from archive_desk.services import users
    from archive_desk.services.context import open_database
    from archive_desk.services.errors import AlreadySetUp

    ctx = open_database(resolve_db_url(args.db), setup=True)
    if users.needs_first_admin(ctx):
        if not args.admin:
            return _err("新数据库需要 --admin NAME 与 --password-stdin 创建初始管理员")
        if not args.password_stdin:
            return _err("请用 --password-stdin 从标准输入提供管理员密码")
        password = sys.stdin.readline().rstrip("\r\n")
        try:
            users.create_first_admin(ctx, args.admin, password)
        except AlreadySetUp:
            print(f"数据库已经建立，已有管理员（另一台工作台刚刚建立），未再创建 {args.admin}")
            return exit_codes.OK
        print(f"已创建数据库和初始管理员 {args.admin}")
    elif args.admin:
        print(f"数据库已经建立，已有管理员，未再创建 {args.admin}")
    else:
        print("数据库已经建立，已是最新结构")
    return exit_codes.OK


def cmd_upgrade_db(args) -> int:
    """The administrator upgrades the schema on purpose: plan, confirm, backup, upgrade."""
    from archive_desk.config import resolve_db_url
    from archive_desk.services import schema_upgrade
    from archive_desk.services.database import shown_url

    url = resolve_db_url(args.db)
    if not args.user:
        raise UsageError("此命令需要 --user 指定系统管理员")
    plan = schema_upgrade.plan(url)
    if not plan.steps:
        print(f"数据库已是最新结构（{plan.head}），无需升级")
        return exit_codes.OK
    password = os.environ.get("ARCHIVE_DESK_PASSWORD")
    if password is None:
        if not sys.stdin.isatty():
            raise UsageError("请设置 ARCHIVE_DESK_PASSWORD，或在终端中运行以输入密码")
        password = getpass.getpass(f"{args.user} 的密码：")
    actor = schema_upgrade.administrator(url, args.user, password)
    print(f"数据库 {shown_url(url)} 的结构版本为 {plan.current}，将升级到 {plan.head}，依次应用：")
    for step in plan.steps:
        print(f"  {step.revision}  {step.title}")
    if not args.yes:
        if not sys.stdin.isatty():
            raise UsageError("非交互运行时请加 --yes 确认升级")
        if input("先备份再升级，继续吗？[y/N] ").strip().lower() not in ("y", "yes", "是"):
            return _err("已取消，数据库未改动")
    outcome = schema_upgrade.apply(url, actor, args.backup_dir)
    if not outcome.steps:
        print(f"数据库已由另一台工作台升级到最新结构（{outcome.after}），无需再升级")
        return exit_codes.OK
    print(f"已备份到 {outcome.backup}（已校验可读回）")
    print(f"已把数据库结构从 {outcome.before} 升级到 {outcome.after}")
    return exit_codes.OK


def cmd_demo(args) -> int:
    from archive_desk.services import demo

    ctx = _signed_in(args)

    def progress(done: int, total: int) -> None:
        print(f"\r已生成 {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    made = demo.generate(ctx, args.files, args.seed, progress)
    print(file=sys.stderr)
    print(json.dumps(made, ensure_ascii=False))
    return 0


def cmd_check_id(args) -> int:
    from archive_desk.domain import clock, codes
    from archive_desk.domain.idcard import InvalidId, parse_id

    results, bad = [], 0
    for raw in args.numbers:
        try:
            p = parse_id(raw)
        except InvalidId as exc:
            bad += 1
            results.append({"input": raw, "valid": False, "reason": exc.reason})
            continue
        region = codes.region(p.region_code)
        results.append(
            {
                "input": raw,
                "valid": True,
                "number": p.number,
                "birth_date": clock.iso(p.birth_date),
                "sex": p.sex_name,
                "sex_code": p.sex_code,
                "region_code": p.region_code,
                "region": region.full_name if region else None,
                "warning": None if region else f"地址码 {p.region_code} 不在行政区划代码表中",
                "upgraded_from": p.upgraded_from,
                "permit": p.permit_kind,
            }
        )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for r in results:
            if r["valid"]:
                extra = f"  （{r['warning']}）" if r["warning"] else ""
                print(
                    f"{r['input']}: 有效 {r['number']} 出生 {r['birth_date']} {r['sex']} "
                    f"{r['region'] or r['region_code']}{extra}"
                )
            else:
                print(f"{r['input']}: 无效：{r['reason']}")
    return 1 if bad else 0


def cmd_check_name(args) -> int:
    """Per name: valid or the reason, the initials it is found by, and the characters no
    document font on this machine can print (for the counter, and for support)."""
    from archive_desk.documents.fonts import unprintable
    from archive_desk.domain import names

    results = []
    for raw in args.names:
        name = names.normalise_name(raw)
        reason = names.check_name(name) if name else "姓名不能为空"
        results.append(
            {
                "input": raw,
                "name": name,
                "valid": reason is None,
                "reason": reason,
                "pinyin_initials": names.pinyin_initials(name),
                "unprintable": unprintable(name),
            }
        )
    if args.json:
        print(json.dumps(results, ensure_ascii=False, indent=2))
    else:
        for r in results:
            state = "有效" if r["valid"] else f"无效：{r['reason']}"
            print(f"{r['input']}: {state}　拼音首字母 {r['pinyin_initials'] or '-'}")
            if r["unprintable"]:
                chars = "、".join(f"{c}（U+{ord(c):04X}）" for c in r["unprintable"])
                print(f"  本机字体无法打印：{chars}")
    return exit_codes.INVALID if any(not r["valid"] for r in results) else exit_codes.OK


def cmd_search(args) -> int:
    from archive_desk.services import search

    hits = search.search(_signed_in(args), args.text, args.limit)
    if args.json:
        print(json.dumps([h.as_json() for h in hits], ensure_ascii=False, indent=2))
    else:
        for h in hits:
            print(
                f"{h.name}\t{h.id_number}\t{h.file_number or '-'}\t{h.status_label}"
                f"\t{h.location or ''}"
            )
    return 0


def cmd_audit(args) -> int:
    from archive_desk.domain import clock
    from archive_desk.services import audit

    if args.limit < 1:
        raise UsageError("--limit 应为正整数")
    rows = audit.entries(_signed_in(args), limit=args.limit)
    if args.json:
        out = [
            {
                "at": clock.iso(r.at),
                "user": r.username,
                "action": r.action,
                "entity": r.entity,
                "entity_id": r.entity_id,
                "detail": r.detail,
            }
            for r in rows
        ]
        print(json.dumps(out, ensure_ascii=False, indent=2))
    else:
        for r in rows:
            target = r.entity if r.entity_id is None else f"{r.entity}#{r.entity_id}"
            print(f"{clock.format_time(r.at, seconds=True)}\t{r.username}\t{r.action}\t{target}")
    return 0


def cmd_backup(args) -> int:
    from archive_desk.services import backup

    out = backup.backup(_signed_in(args), args.out)
    print(f"已备份到 {out}")
    return 0


def cmd_restore(args) -> int:
    """Into a database with users: as --user signed in there. Into a missing or empty one (a new
    PC): --user and the password are checked against the users in the backup."""
    from archive_desk.services import restore, users

    password = _password(args)
    ctx = _context(args, setup=True)  # a new PC's empty PostgreSQL database is set up to restore
    if restore.has_users(ctx):
        report = restore.restore(ctx.as_user(users.login(ctx, args.user, password)), args.file)
    else:
        report = restore.restore(ctx, args.file, sign_in=(args.user, password))
    print(report.summary())
    return 0


def cmd_print(args) -> int:
    """The same documents as the pages' print previews (services/printing.py)."""
    from archive_desk.services import output

    ctx = _signed_in(args)
    output.check_out(args.out)  # before anything is rendered or audited
    out = printing.KINDS[args.kind].make(ctx, args.ref, args.out)
    print(f"已生成 {out}")
    return 0


COMMANDS = {
    "init": cmd_init,
    "upgrade-db": cmd_upgrade_db,
    "demo-data": cmd_demo,
    "check-id": cmd_check_id,
    "check-name": cmd_check_name,
    "search": cmd_search,
    "audit": cmd_audit,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "print": cmd_print,
}


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command in (None, "gui"):
        from archive_desk.app import run

        return run(args.db)
    from archive_desk.services.errors import DatabaseUnavailable, ServiceError

    try:
        return COMMANDS[args.command](args)
    except DatabaseUnavailable as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return exit_codes.DB_UNAVAILABLE
    except (ServiceError, UsageError) as exc:
        return _err(str(exc))
    except KeyboardInterrupt:
        return _err("已取消")
    except OSError as exc:  # a file that cannot be written: full disk, no permission, …
        from archive_desk.services.output import os_error_message

        return _err(os_error_message(exc))
    except Exception as exc:  # noqa: BLE001 - a crash gets its own exit code, never 1
        return _crash(exc)


def _crash(exc: BaseException) -> int:
    """Report an unexpected error in one Chinese line; the traceback goes to the log file."""
    import traceback

    from archive_desk.paths import log_dir

    log = log_dir() / "cli-crash.log"
    try:
        log.parent.mkdir(parents=True, exist_ok=True)
        with log.open("a", encoding="utf-8") as fh:
            fh.write(traceback.format_exc() + "\n")
        where = f"；详情见 {log}"
    except OSError:
        where = ""
    print(f"内部错误：{type(exc).__name__}: {exc}{where}", file=sys.stderr)
    return exit_codes.CRASH
