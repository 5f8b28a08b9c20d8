"""Every revision upgrades a database that holds data, not only an empty schema; the history
stays one straight line. Rows come from tests/db/revision_data.py (one entry per revision)."""

from pathlib import Path

import pytest
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, MetaData, Table, inspect, select

from archive_desk.db.migrate import alembic_config, current_revision, upgrade_to
from archive_desk.db.session import make_engine
from tests.db.revision_data import AFTER, SEEDS

ENGINES = ["sqlite", "postgresql"]
SCRIPT = ScriptDirectory.from_config(alembic_config())
ORDER = [r.revision for r in reversed(list(SCRIPT.walk_revisions()))]  # oldest first
WITH_PARENT = [r for r in ORDER if SCRIPT.get_revision(r).down_revision]


def _missing_seed(rev: str) -> str:
    path = "migrations/versions/" + Path(SCRIPT.get_revision(rev).path).name
    return (
        f"revision {rev} ({path}) has no data fixture: add SEEDS[{rev!r}] to "
        "tests/db/revision_data.py — a function inserting rows the way the app would at that "
        "revision (its new tables and columns), so that the revision after it is tested on a "
        "database holding them"
    )


def test_history_is_one_straight_line():
    assert len(SCRIPT.get_heads()) == 1, f"several heads: {SCRIPT.get_heads()}"
    assert len(SCRIPT.get_bases()) == 1, f"several bases: {SCRIPT.get_bases()}"
    for rev in SCRIPT.walk_revisions():
        assert not isinstance(rev.down_revision, (tuple, list)), f"{rev.revision} merges"
        assert not rev.branch_labels and not rev.dependencies, rev.revision
        assert len(rev.nextrev) <= 1, f"{rev.revision} branches into {sorted(rev.nextrev)}"
    assert len(ORDER) == len(set(ORDER)) == len(list(SCRIPT.walk_revisions()))


def test_every_revision_has_a_data_fixture():
    missing = [rev for rev in ORDER if rev not in SEEDS]
    assert not missing, "\n".join(_missing_seed(rev) for rev in missing)
    unknown = sorted(set(SEEDS) - set(ORDER)) + sorted(set(AFTER) - set(ORDER))
    assert not unknown, f"revision_data.py names revisions that do not exist: {unknown}"


def _snapshot(conn: Connection, only: dict[str, list[str]] | None = None):
    """{table: (columns, rows ordered by primary key)} for every table (or those in `only`)."""
    insp = inspect(conn)
    out = {}
    for name in sorted(only or insp.get_table_names()):
        if name == "alembic_version":
            continue
        table = Table(name, MetaData(), autoload_with=conn)
        cols = only[name] if only else [c.name for c in table.columns]
        order = [table.c[k] for k in insp.get_pk_constraint(name)["constrained_columns"]]
        rows = conn.execute(select(*[table.c[c] for c in cols]).order_by(*order)).all()
        out[name] = (cols, [tuple(r) for r in rows])
    return out


@pytest.mark.parametrize("rev", WITH_PARENT)
@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_revision_upgrades_a_database_holding_data(fresh_url, rev):
    engine = make_engine(fresh_url)
    parent = SCRIPT.get_revision(rev).down_revision
    for step in ORDER[: ORDER.index(parent) + 1]:
        if step not in SEEDS:
            pytest.fail(_missing_seed(step))
        upgrade_to(engine, fresh_url, step)
        with engine.begin() as conn:
            SEEDS[step](conn)
    with engine.connect() as conn:
        before = _snapshot(conn)
    assert all(rows for _cols, rows in before.values()), "a seeded table is empty"

    upgrade_to(engine, fresh_url, rev)
    assert current_revision(engine) == rev
    with engine.connect() as conn:
        after = _snapshot(conn, {name: cols for name, (cols, _rows) in before.items()})
        for name in before:
            assert after[name] == before[name], f"{rev} changed the rows of {name}"
        if engine.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        if rev in AFTER:
            AFTER[rev](conn)
    engine.dispose()
