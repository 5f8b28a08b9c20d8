"""No silent lost update (issue 8): a save over somebody else's newer change is refused with who
and when, and nothing is overwritten — on both engines."""

from datetime import UTC, datetime

import pytest
from alembic import command
from sqlalchemy import text

from archive_desk.db.migrate import alembic_config, upgrade
from archive_desk.db.models import Holder
from archive_desk.db.session import make_engine
from archive_desk.domain.holder import HolderData
from archive_desk.services import holders, settings
from archive_desk.services.errors import Conflict


def _holder(admin) -> int:
    return holders.create(
        admin, HolderData(name="张伟", id_number="11010519491231002X", phone="13812345678")
    ).id


def test_second_save_of_a_holder_loaded_before_the_first_is_refused(admin, make_user):
    holder_id = _holder(admin)
    desk1, desk2 = make_user("clerk"), make_user("clerk")
    form1, form2 = holders.view(desk1, holder_id), holders.view(desk2, holder_id)
    form1.data.major = "法学"
    holders.update(desk1, holder_id, form1.data, form1.version)
    form2.data.phone = "13900000000"
    with pytest.raises(Conflict) as err:
        holders.update(desk2, holder_id, form2.data, form2.version)
    assert "clerk1" in str(err.value) and "修改" in str(err.value) and "重新载入" in str(err.value)
    assert err.value.changed_by == "clerk1" and err.value.changed_at is not None
    now = holders.view(admin, holder_id)
    assert now.data.major == "法学" and now.data.phone == "13812345678"
    # after reloading, the second desk saves normally
    again = holders.view(desk2, holder_id)
    again.data.phone = "13900000000"
    saved = holders.update(desk2, holder_id, again.data, again.version)
    assert saved.data.major == "法学" and saved.data.phone == "13900000000"
    assert saved.version == again.version + 1


def test_family_members_of_a_stale_form_do_not_replace_newer_ones(admin):
    holder_id = _holder(admin)
    form1, form2 = holders.view(admin, holder_id), holders.view(admin, holder_id)
    from archive_desk.domain.holder import Relation

    form1.data.relations = [Relation("李娜", "10")]
    holders.update(admin, holder_id, form1.data, form1.version)
    with pytest.raises(Conflict):
        holders.update(admin, holder_id, form2.data, form2.version)
    assert [r.name for r in holders.view(admin, holder_id).data.relations] == ["李娜"]


def test_an_update_racing_a_commit_is_refused_by_the_version_column(admin, make_user):
    """Between a service's read and its write another desk commits: the UPDATE carries the
    version it read, matches no row and fails as a Conflict (SQLite serialises its writers, so
    a stale reader cannot write there at all)."""
    if admin.dialect == "sqlite":
        pytest.skip("SQLite has one writer at a time; the stale snapshot cannot write")
    holder_id = _holder(admin)
    with pytest.raises(Conflict, match="刚被他人修改"):
        with admin.uow() as uow:
            h = uow.session.get(Holder, holder_id)
            other = holders.view(admin, holder_id)
            other.data.major = "历史学"
            holders.update(admin, holder_id, other.data, other.version)
            h.major = "法学"
            uow.commit()
    assert holders.view(admin, holder_id).data.major == "历史学"


@pytest.mark.parametrize("fresh_url", ["sqlite", "postgresql"], indirect=True)
def test_rows_from_before_the_upgrade_get_version_one(fresh_url):
    engine = make_engine(fresh_url)
    downgrade_to = "0004"
    cfg = alembic_config(fresh_url)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, downgrade_to)
    with engine.begin() as conn:
        conn.execute(
            text(
                "INSERT INTO holders (name, sex_code, ethnicity_code, id_number, hukou_location,"
                " political_status_code, education_code, graduated_school, major, employer, phone,"
                " address, professional_title, native_place, former_employer,"
                " marital_status_code, name_pinyin, name_initials, id_rev, created_at, updated_at)"
                " VALUES ('王芳', '', '', '110105194912310021', '', '', '', '', '', '', '', '', '',"
                " '', '', '', 'wangfang', 'wf', '120013219491501011', :t, :t)"
            ),
            {"t": datetime(2026, 1, 1, tzinfo=UTC)},
        )
    upgrade(engine, fresh_url)
    with engine.connect() as conn:
        assert conn.scalar(text("SELECT version FROM holders")) == 1
    engine.dispose()


def test_settings_saved_over_a_newer_change_are_refused(admin, make_user):
    other = make_user("supervisor")
    page1, page2 = settings.load(admin), settings.load(other)
    values1 = {k: str(v) for k, v in page1.values.items()}
    values1["centre.name"] = "甲县人才服务中心"
    settings.update_many(admin, values1, page1.versions)
    values2 = {k: str(v) for k, v in page2.values.items()}
    values2["loans.period_days"] = "10"
    with pytest.raises(Conflict, match="存档机构名称.*admin"):
        settings.update_many(other, values2, page2.versions)
    now = settings.get_all(admin)
    assert now["centre.name"] == "甲县人才服务中心" and now["loans.period_days"] == 7


def test_a_letter_changed_since_the_list_was_loaded_is_not_cancelled(admin, make_user):
    from archive_desk.services import intake

    holder_id = _holder(admin)
    issued = intake.issue_letter(admin, holder_id, "青岛市人才服务中心")
    seen = intake.open_letters(admin)[0]
    other = make_user("clerk")
    intake.record_arrival(
        other,
        holder_id,
        mode="专人送取",
        sender="青岛市人才服务中心",
        seal_intact=True,
        material_count=3,
        checker="李四",
        letter_number=issued.number,
    )
    with pytest.raises(Conflict, match=f"调档函 {issued.number}已被clerk1于"):
        intake.cancel_letter(admin, seen.number, "申请人撤回", seen.version)
    assert intake.letter(admin, issued.number).state == "已到档"


def test_a_notice_fulfilled_meanwhile_names_who_did_it(admin, make_user):
    from datetime import date, timedelta

    from archive_desk.services import intake

    holder_id = _holder(admin)
    intake.issue_letter(admin, holder_id, "青岛市人才服务中心")
    intake.record_arrival(
        admin,
        holder_id,
        mode="专人送取",
        sender="青岛市人才服务中心",
        seal_intact=True,
        material_count=3,
        checker="李四",
    )
    notice = intake.issue_notice(admin, holder_id, ["学历证明"], date.today() + timedelta(days=30))
    other = make_user("clerk")
    intake.fulfil_notice(other, notice.number, notice.version)
    with pytest.raises(Conflict, match="clerk1"):
        intake.fulfil_notice(admin, notice.number, notice.version)


def test_a_location_and_a_stocktake_changed_meanwhile_are_refused(admin, make_user):
    from archive_desk.services import stocktake, storage

    storage.create_locations(
        admin, storage.plan_locations(admin, "库房1 区1 列1 面A 节1 层1 格1–2", 2)
    )
    slot = storage.occupancy(admin, "K01-Q01-L001")[0]
    other = make_user("archivist")
    st = stocktake.start(admin, "K01-Q01-L001")
    stocktake.finish(other, st.id, st.version)
    with pytest.raises(Conflict, match="archivist1"):
        stocktake.finish(admin, st.id, st.version)
    storage.retire_location(other, slot.code, slot.version)
    with pytest.raises(Conflict, match="archivist1"):
        storage.retire_location(admin, slot.code, slot.version)
