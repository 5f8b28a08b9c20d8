"""Rows as a real office would hold them, one entry per schema revision.

`SEEDS[rev](conn)` inserts rows into the tables as they are at revision `rev` (and only there:
write what that revision added — new tables, new columns, new kinds of row). The test in
test_revision_upgrades.py walks a fresh database up one revision at a time, seeding at each, and
checks that the next revision keeps every row and value it found. `AFTER[rev](conn)` (optional)
checks what revision `rev` itself should have done to the old rows (a backfill, a default).

A NEW REVISION NEEDS AN ENTRY IN SEEDS (a test fails naming it otherwise): the revision after
yours is tested on a database holding your rows. Seeds write with Core against the *reflected*
tables, never the ORM models (those are at head, and head moves on).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime

from sqlalchemy import Connection, MetaData, Table, select

AT = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)


def put(conn: Connection, table: str, **values) -> int | None:
    """Insert one row into `table` as it is now; returns its new id (if it has one)."""
    t = Table(table, MetaData(), autoload_with=conn)
    result = conn.execute(t.insert().values(**values))
    key = result.inserted_primary_key
    return key[0] if key and len(key) == 1 else None


def ids(conn: Connection, table: str) -> list[int]:
    t = Table(table, MetaData(), autoload_with=conn)
    return list(conn.scalars(select(t.c.id).order_by(t.c.id)))


def _holder(conn: Connection, name: str, pinyin: str, initials: str, id_number: str) -> int:
    return put(
        conn,
        "holders",
        name=name,
        sex_code="1",
        birth_date=date(1990, 3, 7),
        ethnicity_code="01",
        id_number=id_number,
        hukou_location="河北省石家庄市长安区",
        political_status_code="13",
        education_code="21",
        graduated_school="河北师范大学",
        major="汉语言文学",
        work_start_date=date(2012, 7, 1),
        employer="石家庄市某公司",
        phone="13800000000",
        address="长安区建设北大街1号",
        party_join_date=None,
        professional_title="",
        native_place="河北石家庄",
        former_employer="",
        marital_status_code="20",
        name_pinyin=pinyin,
        name_initials=initials,
        id_rev=id_number[::-1],
        created_at=AT,
        updated_at=AT,
    )


def seed_0001(conn: Connection) -> None:
    """Core tables: users, holders with their history, units, storeroom, files, events, audit."""
    admin = put(
        conn,
        "users",
        username="admin",
        display_name="管理员",
        password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        role="admin",
        active=True,
        failed_logins=0,
        locked_at=None,
        created_at=AT,
        password_changed_at=AT,
    )
    put(
        conn,
        "users",
        username="clerk1",
        display_name="窗口一",
        password_hash="$argon2id$v=19$m=65536,t=3,p=4$c2FsdA$aGFzaA",
        role="clerk",
        active=True,
        failed_logins=2,
        locked_at=None,
        created_at=AT,
        password_changed_at=None,
    )
    wang = _holder(conn, "王伟", "wangwei", "ww", "13010219900307001X")
    ouyang = _holder(conn, "欧阳晓明", "ouyangxiaoming", "oyxm", "130102199003070028")
    unit = put(
        conn,
        "units",
        name="石家庄市某公司",
        credit_code="91130100MA0000000X",
        address="长安区",
        phone="0311-0000000",
        contact="李四",
    )
    room = put(
        conn,
        "storage_locations",
        parent_id=None,
        level="room",
        number="01",
        code="K01",
        name="1号库房",
        capacity=0,
    )
    slot = put(
        conn,
        "storage_locations",
        parent_id=room,
        level="slot",
        number="001",
        code="K01-L001",
        name="1号格",
        capacity=20,
    )
    f1 = put(
        conn,
        "files",
        holder_id=wang,
        file_number="DA0000001",
        status="in_storage",
        deposit_type="unit",
        unit_id=unit,
        location_id=slot,
        created_at=AT,
        updated_at=AT,
    )
    put(
        conn,
        "files",
        holder_id=ouyang,
        file_number=None,
        status="awaiting_arrival",
        deposit_type="personal",
        unit_id=None,
        location_id=None,
        created_at=AT,
        updated_at=AT,
    )
    put(
        conn,
        "holder_education",
        holder_id=wang,
        start_date=date(2008, 9, 1),
        end_date=date(2012, 6, 30),
        school="河北师范大学",
        major="汉语言文学",
        education_code="21",
        degree="学士",
    )
    put(
        conn,
        "holder_relations",
        holder_id=wang,
        name="王大伟",
        relation_code="51",
        id_number="130102196501010011",
    )
    put(
        conn,
        "holder_work",
        holder_id=wang,
        start_date=date(2012, 7, 1),
        end_date=None,
        unit="石家庄市某公司",
        post="职员",
    )
    put(
        conn,
        "file_custodians",
        file_id=f1,
        custodian="石家庄市人才中心",
        since=date(2012, 7, 1),
        until=None,
        note="",
    )
    put(
        conn,
        "events",
        at=AT,
        kind="file.received",
        holder_id=wang,
        file_id=f1,
        user_id=admin,
        reverses_id=None,
        data={"说明": "接收"},
    )
    put(
        conn,
        "audit_entries",
        at=AT,
        user_id=admin,
        username="admin",
        action="holder.view",
        entity="holder",
        entity_id=wang,
        detail={"fields": ["name"]},
    )
    put(
        conn,
        "settings",
        key="centre.name",
        value="某县人才服务中心",
        updated_at=AT,
        updated_by="admin",
    )
    put(conn, "number_sequences", name="file_number", scope="", next_value=2)


def seed_0002(conn: Connection) -> None:
    """Stocktakes and the move log."""
    admin = ids(conn, "users")[0]
    f1 = ids(conn, "files")[0]
    room, slot = ids(conn, "storage_locations")[:2]
    take = put(
        conn,
        "stocktakes",
        prefix="K01",
        started_at=AT,
        started_by=admin,
        finished_at=AT,
        applied_at=None,
    )
    put(
        conn,
        "file_moves",
        at=AT,
        file_id=f1,
        from_location_id=None,
        to_location_id=slot,
        reason="入库",
        user_id=admin,
        note="",
        stocktake_id=None,
    )
    put(
        conn,
        "stocktake_scans",
        stocktake_id=take,
        at=AT,
        file_id=f1,
        location_id=slot,
        user_id=admin,
    )


def seed_0003(conn: Connection) -> None:
    """Name grams: a holder added at 0003 comes with its grams, as the app writes them."""
    zhang = _holder(conn, "张三", "zhangsan", "zs", "130102199003070036")
    for gram in ("张", "三", "张三"):
        put(conn, "holder_name_grams", gram=gram, holder_id=zhang)


def after_0003(conn: Connection) -> None:
    """0003 backfills the grams of the holders it found."""
    t = Table("holder_name_grams", MetaData(), autoload_with=conn)
    grams = set(conn.scalars(select(t.c.gram)))
    assert {"王", "伟", "王伟", "欧", "阳晓明"} <= grams, grams


def seed_0004(conn: Connection) -> None:
    """Intake: transfer letters, arrivals, missing-material notices."""
    admin = ids(conn, "users")[0]
    holder = ids(conn, "holders")[1]
    file_id = ids(conn, "files")[1]
    letter = put(
        conn,
        "transfer_letters",
        number="调2026-0001",
        holder_id=holder,
        addressee="某市人才中心",
        source="personal",
        issued_at=AT,
        valid_until=date(2026, 6, 2),
        issued_by=admin,
        arrived_at=AT,
        cancelled_at=None,
        cancel_reason="",
    )
    put(
        conn,
        "arrivals",
        file_id=file_id,
        letter_id=letter,
        arrived_at=AT,
        mode="机要",
        tracking_number="JY123",
        sender="某市人才中心",
        seal_intact=True,
        originals=12,
        copies=3,
        material_count=15,
        checker="李四",
        note="",
        recorded_by=admin,
    )
    put(
        conn,
        "missing_notices",
        number="缺2026-0001",
        file_id=file_id,
        items=["学籍档案"],
        deadline=date(2026, 4, 2),
        commitment="本人承诺补齐",
        issued_at=AT,
        issued_by=admin,
        fulfilled_at=None,
    )


def seed_0005(conn: Connection) -> None:
    """Optimistic locking: a holder saved twice since the upgrade carries version 3."""
    zhao = _holder(conn, "赵六", "zhaoliu", "zl", "11010519800101003X")
    t = Table("holders", MetaData(), autoload_with=conn)
    conn.execute(t.update().where(t.c.id == zhao).values(version=3))


def after_0005(conn: Connection) -> None:
    """0005 gives every row that was there before it version 1."""
    for table in ("holders", "files", "storage_locations", "transfer_letters", "missing_notices"):
        t = Table(table, MetaData(), autoload_with=conn)
        versions = set(conn.scalars(select(t.c.version)))
        assert versions == {1}, (table, versions)


def seed_0006(conn: Connection) -> None:
    """An office's own reading of a rare name character, and a holder whose name holds it."""
    put(conn, "name_readings", character="𠮷", reading="jí", updated_at=AT, updated_by="admin")
    _holder(conn, "王𠮷", "wangji", "wj", "110105199001010017")


def seed_0007(conn: Connection) -> None:
    """A 调档函 kept as issued, reprinted once, with its bytes."""
    holder = _holder(conn, "钱七", "qianqi", "qq", "110105199001010033")
    doc = put(
        conn,
        "issued_documents",
        kind="transfer_request",
        source="letter 1",
        ref="调2026-0001",
        holder_id=holder,
        data={"number": "调2026-0001", "holder_name": "钱七"},
        suffix=".pdf",
        size=9,
        sha256="0" * 64,
        issued_at=AT,
        issued_by=None,
        issued_by_name="admin",
        reprints=1,
    )
    put(conn, "issued_document_bytes", document_id=doc, content=b"%PDF-1.4\n")


def seed_0008(conn: Connection) -> None:
    """Password reset: a clerk whose password an administrator has just reset."""
    put(
        conn,
        "users",
        username="reset_clerk",
        display_name="重置",
        password_hash="x",
        role="clerk",
        active=True,
        failed_logins=0,
        created_at=AT,
        must_change_password=True,
    )


def after_0008(conn: Connection) -> None:
    """0008 leaves every user who was there before it free of the forced change."""
    t = Table("users", MetaData(), autoload_with=conn)
    rows = dict(conn.execute(select(t.c.username, t.c.must_change_password)).all())
    assert rows and not any(rows.values()), rows


SEEDS: dict[str, Callable[[Connection], None]] = {
    "0001": seed_0001,
    "0002": seed_0002,
    "0003": seed_0003,
    "0004": seed_0004,
    "0005": seed_0005,
    "0006": seed_0006,
    "0007": seed_0007,
    "0008": seed_0008,
}

AFTER: dict[str, Callable[[Connection], None]] = {
    "0003": after_0003,
    "0005": after_0005,
    "0008": after_0008,
}
