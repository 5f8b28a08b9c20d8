import shutil

import pytest

from archive_desk.services import backup, demo, holders, restore, search, settings
from archive_desk.services.errors import InvalidInput, PermissionDenied, Unavailable


def test_settings_have_defaults_and_are_stored_in_the_database(admin):
    values = settings.get_all(admin)
    assert values["letters.validity_days"] == 30 and values["loans.period_days"] == 7
    settings.update_many(
        admin, {"centre.name": "烟台市某县人才服务中心", "loans.period_days": "10"}
    )
    values = settings.get_all(admin)
    assert values["centre.name"] == "烟台市某县人才服务中心" and values["loans.period_days"] == 10


def test_bad_setting_value_names_the_setting_and_changes_nothing(admin, make_user):
    with pytest.raises(InvalidInput, match="借阅期限"):
        settings.update_many(admin, {"centre.name": "新名称", "loans.period_days": "七天"})
    assert settings.get_all(admin)["centre.name"] != "新名称"
    with pytest.raises(PermissionDenied):
        settings.update_many(make_user("clerk"), {"centre.name": "x"})


def test_demo_data_is_deterministic_and_searchable(admin):
    made = demo.generate(admin, 300, seed=7)
    assert made["holders"] == 300
    first = holders.page(admin, 0, 5)
    assert all(len(r.id_number) == 18 for r in first)
    hit = search.search(admin, first[0].id_number)[0]
    assert hit.name == first[0].name
    stored = [h for h in search.search(admin, "DA0000001")]
    assert stored and stored[0].location and "号库房" in stored[0].location
    with pytest.raises(InvalidInput, match="空数据库"):
        demo.generate(admin, 10, seed=7)


def test_demo_data_has_records_in_every_state(admin):
    from archive_desk.services import intake, stocktake, storage

    demo.generate(admin, 600, seed=3)
    letters = intake.open_letters(admin)
    assert letters and any(x.expired for x in letters) and any(not x.expired for x in letters)
    notices = intake.open_notices(admin)
    assert notices and any(n.overdue for n in notices)
    first = search.search(admin, "DA0000001")[0]
    assert storage.move_log(admin, file_number="DA0000001")[0].reason == "入库"
    outcomes = {r.outcome for r in stocktake.results(admin, 1)}
    assert outcomes == {"相符", "缺失"} and stocktake.info(admin, 1).finished_at
    assert first.location


def test_same_seed_same_names(tmp_path, sqlite_template):
    from archive_desk.services import users
    from archive_desk.services.context import open_database
    from tests.conftest import ADMIN_PASSWORD

    got = []
    for i in range(2):
        path = tmp_path / f"{i}.sqlite3"
        shutil.copy(sqlite_template, path)
        ctx = open_database(f"sqlite:///{path}")
        ctx = ctx.as_user(users.login(ctx, "admin", ADMIN_PASSWORD))
        demo.generate(ctx, 50, seed=3)
        got.append([(r.name, r.id_number) for r in holders.page(ctx, 0, 50)])
        ctx.engine.dispose()
    assert got[0] == got[1]


def test_backup_and_restore_round_trip(admin, tmp_path, request):
    from archive_desk.domain.holder import HolderData

    if admin.dialect == "postgresql" and not (
        shutil.which("pg_dump") and shutil.which("pg_restore")
    ):
        with pytest.raises(Unavailable, match="pg_dump"):
            backup.backup(admin, tmp_path / "x.dump")
        return
    holders.create(admin, HolderData(name="备份前", id_number="11010519491231002X"))
    out = backup.backup(admin, tmp_path / "b.bak")
    assert out.stat().st_size > 0
    holders.create(admin, HolderData(name="备份后", id_number="440524188001010014"))
    report = restore.restore(admin, out)
    if admin.dialect == "postgresql":  # the replaced database, kept under a new name
        request.getfixturevalue("pg_databases").made.append(report.safety_copy)
    assert [r.name for r in holders.page(admin, 0, 10)] == ["备份前"]


def test_restore_refuses_a_file_that_is_not_a_backup(admin, tmp_path):
    if admin.dialect == "postgresql" and not shutil.which("pg_restore"):
        return  # covered by the Unavailable branch of the round trip
    junk = tmp_path / "junk.bak"
    junk.write_text("not a database")
    with pytest.raises(InvalidInput, match="不是档案工作台的数据库备份|无法恢复"):
        restore.restore(admin, junk)
