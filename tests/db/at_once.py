"""Run the same thing in several separate OS processes released at the same moment.

Processes are spawned (a fresh interpreter each, like desks starting on several PCs); each
imports the program first and then waits at a barrier, so that the work itself starts together.
"""

from __future__ import annotations

import multiprocessing as mp
import queue as queue_mod

TIMEOUT_S = 300


def _cli(argv: list[str], stdin: str, env: dict[str, str]) -> tuple[int, str, str]:
    import contextlib
    import io
    import os
    import sys

    from archive_desk.cli import main

    os.environ.update(env)
    sys.stdin = io.StringIO(stdin)
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(argv)
    return code, out.getvalue(), err.getvalue()


def _open(url: str) -> tuple[str, str]:
    from archive_desk.services.context import open_database
    from archive_desk.services.errors import DatabaseUnavailable

    try:
        ctx = open_database(url)
    except DatabaseUnavailable as exc:
        return "refused", str(exc)
    ctx.engine.dispose()
    return "ok", ""


def _worker(barrier, results, index: int, kind: str, args: tuple) -> None:
    import traceback

    # Import everything the work needs before the barrier: the work starts together.
    import archive_desk.cli  # noqa: F401
    import archive_desk.services.database  # noqa: F401
    import archive_desk.services.schema_upgrade  # noqa: F401
    import archive_desk.services.users  # noqa: F401

    barrier.wait(timeout=TIMEOUT_S)
    try:
        results.put((index, (_cli if kind == "cli" else _open)(*args)))
    except BaseException:  # noqa: BLE001 - the test shows what the process printed
        results.put((index, ("exception", traceback.format_exc())))


def at_once(kind: str, args_per_process: list[tuple]) -> list:
    """kind "cli": args (argv, stdin, env) → (exit code, stdout, stderr);
    kind "open": args (url,) → ("ok" | "refused", message). Results in process order."""
    ctx = mp.get_context("spawn")
    n = len(args_per_process)
    barrier = ctx.Barrier(n)
    results = ctx.Queue()
    procs = [
        ctx.Process(target=_worker, args=(barrier, results, i, kind, args))
        for i, args in enumerate(args_per_process)
    ]
    for p in procs:
        p.start()
    got = {}
    try:
        for _ in range(n):
            index, value = results.get(timeout=TIMEOUT_S)
            got[index] = value
    except queue_mod.Empty:
        pass
    for p in procs:
        p.join(timeout=TIMEOUT_S)
        if p.is_alive():
            p.kill()
    missing = [i for i in range(n) if i not in got]
    assert not missing, (
        f"processes {missing} gave no result (exit codes {[p.exitcode for p in procs]})"
    )
    return [got[i] for i in range(n)]
