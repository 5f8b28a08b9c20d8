"""Search benchmark: p50/p95 of each search kind through the search service, next to the raw
indexed SQL for the same lookup measured in the same run, plus time from process start to the
sign-in dialog on screen.

    python bench/search.py [--files 1000000] [--db URL] [--samples 200]

The demo database is kept under bench/.data/ and reused by later runs with the same --files.
Targets (2-core machine): exact lookups ≤ 2 ms p95; 1–3 character fragments and pinyin initials
≤ 10 ms p95; start ≤ 0.5 s.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

from sqlalchemy import text

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from archive_desk.services import demo, search, users  # noqa: E402
from archive_desk.services.context import open_database  # noqa: E402

PASSWORD = "Bench1234"


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


def prepare(url: str, files: int):
    ctx = open_database(url, setup=True)
    if users.needs_first_admin(ctx):
        users.create_first_admin(ctx, "bench", PASSWORD)
    ctx = ctx.as_user(users.login(ctx, "bench", PASSWORD))
    with ctx.uow() as uow:
        have = uow.session.execute(text("SELECT count(*) FROM holders")).scalar()
    if have == 0:
        t = time.perf_counter()
        print(f"loading {files:,} demo files …", flush=True)
        demo.generate(ctx, files, seed=1)
        print(f"loaded in {time.perf_counter() - t:.0f} s", flush=True)
    elif have != files:
        raise SystemExit(f"{url} holds {have:,} holders, not {files:,}: use another --db")
    return ctx


def samples(ctx, n: int, seed: int = 7) -> dict[str, list[str]]:
    rng = random.Random(seed)
    with ctx.uow() as uow:
        top = uow.session.execute(text("SELECT max(id) FROM holders")).scalar()
        ids = [rng.randint(1, top) for _ in range(n)]
        rows = uow.session.execute(
            text(
                "SELECT h.name, h.id_number, h.name_initials, f.file_number FROM holders h "
                f"JOIN files f ON f.holder_id = h.id WHERE h.id IN ({','.join(map(str, ids))})"
            )
        ).all()
    names = [r[0] for r in rows]
    return {
        "id_full": [r[1] for r in rows],
        "file_number": [r[3] for r in rows if r[3]],
        "barcode": [r[3] for r in rows if r[3]],
        "id_last6": [r[1][-6:] for r in rows],
        "name_1char": [rng.choice(nm[1:] or nm) for nm in names],
        "name_2char": [nm[:2] if rng.random() < 0.5 else nm[-2:] for nm in names],
        "name_3char": [nm[:3] for nm in names if len(nm) >= 3],
        "pinyin_initials": [r[2] for r in rows],
    }


RAW = {  # the plain indexed query behind each kind, with :q bound (same SQL on both engines)
    "id_full": "SELECT id FROM holders WHERE id_number = :q",
    "file_number": "SELECT holder_id FROM files WHERE file_number = :q",
    "barcode": "SELECT holder_id FROM files WHERE file_number = :q",
    "id_last6": "SELECT id FROM holders WHERE id_rev >= :q AND id_rev < :hi LIMIT 50",
    "name_gram": "SELECT holder_id FROM holder_name_grams WHERE gram = :q LIMIT 50",
    "pinyin_initials": "SELECT id FROM holders WHERE name_initials >= :q AND "
    "name_initials < :hi LIMIT 50",
}


def raw_params(kind: str, q: str) -> tuple[str, dict]:
    sql = RAW
    if kind.startswith("name_"):
        return sql["name_gram"], {"q": q}
    if kind == "id_last6":
        r = q[::-1]
        return sql[kind], {"q": r, "hi": r[:-1] + chr(ord(r[-1]) + 1)}
    if kind == "pinyin_initials":
        return sql[kind], {"q": q, "hi": q[:-1] + chr(ord(q[-1]) + 1)}
    return sql[kind], {"q": q}


def measure(ctx, queries: dict[str, list[str]]) -> list[tuple]:
    rows = []
    raw_conn = ctx.engine.connect()
    for kind, qs in queries.items():
        for q in qs[:10]:  # warm caches the same way for both
            search.search(ctx, q)
        svc, raw = [], []
        for i, q in enumerate(qs):
            sql, params = raw_params(kind, q)
            # alternate which goes first, so neither always finds the other's pages cached
            for which in (0, 1) if i % 2 else (1, 0):
                t = time.perf_counter()
                if which == 0:
                    search.search(ctx, q)
                else:
                    raw_conn.execute(text(sql), params).all()
                (svc if which == 0 else raw).append((time.perf_counter() - t) * 1000)
        rows.append(
            (
                kind,
                len(qs),
                statistics.median(svc),
                pct(svc, 95),
                statistics.median(raw),
                pct(raw, 95),
            )
        )
    raw_conn.close()
    return rows


def startup(url: str, runs: int = 5) -> list[float]:
    env = {**os.environ, "ARCHIVE_DESK_STARTUP_PROBE": "1", "QT_QPA_PLATFORM": "offscreen"}
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "archive_desk", "--db", url],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
        )
        for line in proc.stdout:
            if line.strip() == "login-shown":
                times.append(time.perf_counter() - t)
                break
        proc.wait()
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=1_000_000)
    ap.add_argument("--db", help="database URL (default: bench/.data/bench-N.sqlite3)")
    ap.add_argument("--samples", type=int, default=200)
    args = ap.parse_args()
    data = ROOT / "bench" / ".data"
    data.mkdir(parents=True, exist_ok=True)
    url = args.db or f"sqlite:///{data / f'bench-{args.files}.sqlite3'}"
    ctx = prepare(url, args.files)
    rows = measure(ctx, samples(ctx, args.samples))
    print(f"\n{ctx.dialect}, {args.files:,} files, {args.samples} sampled holders")
    print(
        f"{'kind':<16}{'n':>5}{'svc p50':>10}{'svc p95':>10}{'raw p50':>10}{'raw p95':>10}"
        f"{'p95 ratio':>11}"
    )
    for kind, n, s50, s95, r50, r95 in rows:
        print(
            f"{kind:<16}{n:>5}{s50:>9.2f}ms{s95:>8.2f}ms{r50:>8.3f}ms{r95:>8.3f}ms"
            f"{s95 / max(r95, 1e-6):>10.1f}x"
        )
    times = startup(url)
    print(
        f"\nstart → sign-in dialog shown: median {statistics.median(times):.3f} s, "
        f"max {max(times):.3f} s over {len(times)} runs"
    )


if __name__ == "__main__":
    main()
