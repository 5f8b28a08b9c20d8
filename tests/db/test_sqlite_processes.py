"""Several processes on one SQLite file (GUI and CLI together, two desks on one PC): mixed reads
and writes at once must all succeed. Deferred transactions that read and then write fail at once
with "database is locked" whatever the busy timeout; write transactions begin IMMEDIATE."""

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.conftest import ADMIN_PASSWORD

PROCESSES = 4
ROUNDS = 25
DESKS = "东南西北"
DAYS = "子丑寅卯辰巳午未申酉戌亥甲乙丙丁戊己庚辛壬癸金木水"
ROOT = Path(__file__).resolve().parents[2]


def work(url: str, worker: int, go: str) -> None:
    """One desk: wait for the start signal, then mix reads and writes; print the failures."""
    import time

    from archive_desk.db.session import make_engine, make_session_factory
    from archive_desk.domain.holder import HolderData
    from archive_desk.domain.idcard import check_char
    from archive_desk.services import holders, search, settings, users
    from archive_desk.services.context import AppContext

    engine = make_engine(url)
    ctx = AppContext(url, engine, make_session_factory(engine))
    while not Path(go).exists():
        time.sleep(0.01)
    failures = []
    try:
        ctx = ctx.as_user(users.login(ctx, "admin", ADMIN_PASSWORD))
    except Exception as exc:  # noqa: BLE001
        print(json.dumps([f"login: {type(exc).__name__}: {exc}"[:200]], ensure_ascii=False))
        return
    for i in range(ROUNDS):
        first17 = f"1101051980{worker + 1:02d}{i + 1:02d}{i % 10}0{worker}"
        number = first17 + check_char(first17)
        steps = [
            (holders.create, HolderData(name=f"并发{DESKS[worker]}{DAYS[i]}", id_number=number)),
            (search.search, "并发"),
            (holders.page, 0, 50),
            (settings.update_many, {"centre.phone": f"0000-{worker}{i:06d}"}),
            (holders.count,),
        ]
        for fn, *args in steps:
            try:
                fn(ctx, *args)
            except Exception as exc:  # noqa: BLE001 - every failure is what we count
                failures.append(f"{type(exc).__name__}: {exc}"[:200])
    engine.dispose()
    print(json.dumps(failures, ensure_ascii=False))


def test_four_processes_on_one_file_never_fail(sqlite_template, tmp_path):
    path = tmp_path / "shared.sqlite3"
    shutil.copy(sqlite_template, path)
    url = f"sqlite:///{path}"
    go = tmp_path / "go"
    procs = [
        subprocess.Popen(
            [
                sys.executable,
                "-c",
                "import sys; from tests.db.test_sqlite_processes import work; "
                "work(sys.argv[1], int(sys.argv[2]), sys.argv[3])",
                url,
                str(n),
                str(go),
            ],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(PROCESSES)
    ]
    go.touch()
    failures = []
    for p in procs:
        out, err = p.communicate(timeout=600)
        assert p.returncode == 0, err
        failures += json.loads(out.strip().splitlines()[-1])
    assert failures == [], (
        f"{len(failures)} of {PROCESSES * ROUNDS * 5} calls failed: {failures[:5]}"
    )

    from archive_desk.db.session import make_engine, make_session_factory
    from archive_desk.services import holders, users
    from archive_desk.services.context import AppContext

    engine = make_engine(url)
    ctx = AppContext(url, engine, make_session_factory(engine))
    ctx = ctx.as_user(users.login(ctx, "admin", ADMIN_PASSWORD))
    assert holders.count(ctx) == PROCESSES * ROUNDS
    engine.dispose()
