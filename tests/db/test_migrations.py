"""Migrations are product code: the migrated schema equals the models, every constraint is named,
and every revision walks down and up again — on SQLite and PostgreSQL."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import inspect

from archive_desk.db.base import Base
from archive_desk.db.migrate import (
    alembic_config,
    current_revision,
    downgrade,
    head_revision,
    include_name,
    upgrade,
)
from archive_desk.db.session import make_engine

ENGINES = ["sqlite", "postgresql"]


def _diff(engine):
    with engine.connect() as conn:
        mc = MigrationContext.configure(
            conn, opts={"compare_type": True, "include_name": include_name}
        )
        return compare_metadata(mc, Base.metadata)


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_migrated_schema_equals_models(fresh_url):
    engine = make_engine(fresh_url)
    upgrade(engine, fresh_url)
    assert _diff(engine) == []
    engine.dispose()


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_every_revision_walks_down_and_up(fresh_url):
    engine = make_engine(fresh_url)
    script = ScriptDirectory.from_config(alembic_config())
    revisions = [r.revision for r in script.walk_revisions()]  # head first
    upgrade(engine, fresh_url)
    for rev in revisions:
        down_to = script.get_revision(rev).down_revision or "base"
        downgrade(engine, fresh_url, down_to)
        assert current_revision(engine) == (None if down_to == "base" else down_to)
    assert inspect(engine).get_table_names() == ["alembic_version"]
    upgrade(engine, fresh_url)
    assert current_revision(engine) == head_revision()
    assert _diff(engine) == []
    engine.dispose()


@pytest.mark.parametrize("fresh_url", ENGINES, indirect=True)
def test_constraints_follow_the_naming_convention(fresh_url):
    engine = make_engine(fresh_url)
    upgrade(engine, fresh_url)
    insp = inspect(engine)
    for table in Base.metadata.sorted_tables:
        for fk in insp.get_foreign_keys(table.name):
            assert fk["name"] and fk["name"].startswith(f"fk_{table.name}_"), fk
        for ix in insp.get_indexes(table.name):
            assert ix["name"].startswith(("ix_", "uq_")), ix
        for uq in insp.get_unique_constraints(table.name):
            assert uq["name"].startswith(f"uq_{table.name}_"), uq
    engine.dispose()


def test_upgrading_an_existing_sqlite_file_backs_it_up_first(tmp_path):
    import sqlite3

    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    engine = make_engine(url)
    assert upgrade(engine, url) is None  # a new file: nothing to back up
    downgrade(engine, url, "0003")
    backup = upgrade(engine, url)
    assert backup is not None and backup.name.startswith("a.before-")
    con = sqlite3.connect(backup)
    assert con.execute("SELECT version_num FROM alembic_version").fetchone() == ("0003",)
    con.close()
    assert current_revision(engine) == head_revision()
    assert upgrade(engine, url) is None  # at head: no copy, nothing done
    assert len(list(tmp_path.glob("a.before-*.sqlite3"))) == 1
    engine.dispose()


def test_a_revision_this_build_does_not_know_is_refused_without_a_copy(tmp_path):
    from archive_desk.db.migrate import SchemaNewer

    url = f"sqlite:///{tmp_path / 'a.sqlite3'}"
    engine = make_engine(url)
    upgrade(engine, url)
    with engine.begin() as conn:  # pretend a file from a release this build does not know
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = '0000new'")
    with pytest.raises(SchemaNewer) as refused:
        upgrade(engine, url)
    assert (refused.value.current, refused.value.head) == ("0000new", head_revision())
    assert list(tmp_path.glob("a.before-*")) == []  # refused before any copy or write
    assert current_revision(engine) == "0000new"
    engine.dispose()
