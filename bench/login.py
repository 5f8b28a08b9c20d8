"""Sign-in timing: an unknown user name must cost what a wrong password for a real one costs, so
names cannot be probed by timing. Prints the median of each over 20 tries on a fresh SQLite file.

    python bench/login.py [--tries 20]
"""

from __future__ import annotations

import argparse
import contextlib
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_desk.services import settings, users  # noqa: E402
from archive_desk.services.context import open_database  # noqa: E402
from archive_desk.services.errors import LoginFailed  # noqa: E402


def _median_ms(ctx, name: str, password: str, tries: int) -> float:
    times = []
    for _ in range(tries):
        start = time.perf_counter()
        with contextlib.suppress(LoginFailed):
            users.login(ctx, name, password)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--tries", type=int, default=20)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        ctx = open_database(f"sqlite:///{Path(tmp) / 'login.sqlite3'}")
        users.create_first_admin(ctx, "admin", "Bench-admin-2026")
        admin = ctx.as_user(users.login(ctx, "admin", "Bench-admin-2026"))
        settings.update_many(admin, {"security.max_failed_logins": "0"})  # never lock in the run
        wrong = _median_ms(ctx, "admin", "wrong-password", args.tries)
        unknown = _median_ms(ctx, "nobody", "wrong-password", args.tries)
        right = _median_ms(ctx, "admin", "Bench-admin-2026", args.tries)
        ctx.engine.dispose()
    print(f"wrong password  {wrong:7.1f} ms (median of {args.tries})")
    print(f"unknown name    {unknown:7.1f} ms")
    print(f"right password  {right:7.1f} ms")


if __name__ == "__main__":
    main()
