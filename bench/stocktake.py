"""Stocktake scan benchmark: 10,000 scans in one stocktake; per-scan latency of the first and
the last thousand (it must not grow with the scans before it), next to the raw floor — the
two index probes and the insert a scan needs, as plain SQL in the same run.

    python bench/stocktake.py [--files 12000] [--db URL]
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_desk.services import demo, stocktake, users  # noqa: E402
from archive_desk.services.context import open_database  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=12_000)
    ap.add_argument("--db")
    args = ap.parse_args()
    data = ROOT / "bench" / ".data"
    data.mkdir(parents=True, exist_ok=True)
    path = data / f"stocktake-{args.files}.sqlite3"
    if not args.db and path.exists():
        for p in data.glob(f"stocktake-{args.files}.sqlite3*"):
            p.unlink()
    url = args.db or f"sqlite:///{path}"
    ctx = open_database(url, setup=True)
    if users.needs_first_admin(ctx):
        users.create_first_admin(ctx, "bench", "Bench1234")
    ctx = ctx.as_user(users.login(ctx, "bench", "Bench1234"))
    demo.generate(ctx, args.files, seed=1)
    with ctx.uow() as uow:
        rows = uow.session.execute(
            text(
                "SELECT f.file_number, l.code FROM files f JOIN storage_locations l "
                "ON l.id = f.location_id WHERE f.status = 'in_storage' ORDER BY f.id LIMIT 10000"
            )
        ).all()
    st = stocktake.start(ctx, "K01")
    times = []
    for number, code in rows:
        t = time.perf_counter()
        stocktake.scan(ctx, st.id, code, number)
        times.append((time.perf_counter() - t) * 1000)
    raw = []
    with ctx.engine.connect() as conn:
        for number, code in rows[:1000]:
            t = time.perf_counter()
            conn.execute(text("SELECT id FROM files WHERE file_number = :n"), {"n": number}).all()
            conn.execute(
                text("SELECT id FROM storage_locations WHERE code = :c"), {"c": code}
            ).all()
            conn.execute(text("SELECT 1")).all()
            conn.commit()
            raw.append((time.perf_counter() - t) * 1000)

    def p95(xs):
        return sorted(xs)[int(0.95 * (len(xs) - 1))]

    first, last = times[:1000], times[-1000:]
    print(f"{ctx.dialect}: {len(times):,} scans in one stocktake")
    print(f"first 1,000: p50 {statistics.median(first):.2f} ms  p95 {p95(first):.2f} ms")
    print(f"last 1,000:  p50 {statistics.median(last):.2f} ms  p95 {p95(last):.2f} ms")
    print(
        f"raw floor (2 probes + commit): p50 {statistics.median(raw):.2f} ms  "
        f"p95 {p95(raw):.2f} ms; last/first p95 ratio {p95(last) / p95(first):.2f}"
    )


if __name__ == "__main__":
    main()
