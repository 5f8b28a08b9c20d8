"""Realistic, deterministic demo data (generated, never real people): holders with valid ID
numbers from real county codes, units, a storeroom, and files in storage on its shelves.

Rows go in with bulk Core inserts of dicts in one transaction: all or nothing, and a million
files load in minutes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable
from datetime import date, time, timedelta

from sqlalchemy import func, select, text

from archive_desk.db.models import (
    File,
    FileMove,
    Holder,
    HolderNameGram,
    MissingNotice,
    NumberSequence,
    Stocktake,
    StocktakeScan,
    StorageLocation,
    TransferLetter,
    Unit,
)
from archive_desk.domain import clock, codes
from archive_desk.domain.idcard import check_char
from archive_desk.domain.locations import Part, code_of, name_of
from archive_desk.domain.names import grams
from archive_desk.services import audit
from archive_desk.services.context import AppContext
from archive_desk.services.errors import InvalidInput
from archive_desk.services.holders import search_keys

SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾"
    "毛郝龚邵万钱严覃武戴莫孔向汤单仇查解区朴"
)
COMPOUND = ("欧阳", "司马", "上官", "诸葛", "东方")
GIVEN = (
    "伟芳娜秀英敏静丽强磊军洋勇艳杰娟涛明超兰霞平刚桂英华玉萍红娥玲芬燕彬鑫波宇浩凯健俊帆帅旭宁"
    "龙林欣佳雪梅琳晨辉建国志文斌海峰春晓亮飞云鹏婷颖慧娇倩瑞博涵子轩梓睿雨泽思怡诗琪嘉"
)
SCHOOLS = (
    "山东大学",
    "烟台大学",
    "鲁东大学",
    "青岛大学",
    "山东师范大学",
    "中国海洋大学",
    "济南大学",
    "山东工商学院",
    "烟台职业学院",
    "山东农业大学",
)
MAJORS = (
    "汉语言文学",
    "会计学",
    "计算机科学与技术",
    "机械设计制造及其自动化",
    "市场营销",
    "法学",
    "英语",
    "土木工程",
    "护理学",
    "电子信息工程",
    "",
)
UNIT_WORDS = (
    "海丰",
    "鲁信",
    "东方",
    "华源",
    "瑞达",
    "恒通",
    "金港",
    "新海",
    "宏远",
    "蓝天",
    "福山",
    "芝罘",
    "牟平",
    "蓬莱",
    "龙口",
)
UNIT_KINDS = (
    "科技有限公司",
    "贸易有限公司",
    "建筑工程有限公司",
    "食品有限公司",
    "物流有限公司",
    "会计师事务所",
    "医疗器械有限公司",
    "教育咨询有限公司",
)
CHUNK = 20_000


def _counties() -> list[str]:
    return [c for c, r in codes.regions().items() if not c.endswith("00") and not r.valid_to]


def _id_number(rng: random.Random, counties: list[str], born: date, male: bool) -> str:
    seq = rng.randrange(0, 999) // 2 * 2 + (1 if male else 0)
    first17 = f"{rng.choice(counties)}{born:%Y%m%d}{seq:03d}"
    return first17 + check_char(first17)


def _name(rng: random.Random) -> str:
    surname = rng.choice(COMPOUND) if rng.random() < 0.01 else rng.choice(SURNAMES)
    n = 1 if rng.random() < 0.35 else 2
    return surname + "".join(rng.choice(GIVEN) for _ in range(n))


def _slots(n_slots: int) -> list[dict]:
    """Location rows (parents first) for at least n_slots slots: 6 层 × 10 格 a 节, 5 节 a 面."""
    rows: list[dict] = []
    by_code: dict[str, int] = {}

    def node(parts: list[Part], capacity: int = 0) -> None:
        code = code_of(parts)
        if code in by_code:
            return
        by_code[code] = len(rows) + 1
        parent = by_code.get(code_of(parts[:-1])) if len(parts) > 1 else None
        rows.append(
            {
                "id": len(rows) + 1,
                "parent_id": parent,
                "level": parts[-1].level,
                "number": parts[-1].number,
                "code": code,
                "name": name_of(parts),
                "capacity": capacity,
            }
        )

    made, row = 0, 0
    while made < n_slots:
        zone, col = divmod(row, 20)
        row += 1
        base = [Part("warehouse", "1"), Part("zone", str(zone + 1)), Part("row", str(col + 1))]
        for side in "AB":
            for j in range(1, 6):
                for c in range(1, 7):
                    for g in range(1, 11):
                        parts = base + [
                            Part("side", side),
                            Part("section", str(j)),
                            Part("layer", str(c)),
                            Part("slot", str(g)),
                        ]
                        for k in range(1, len(parts)):
                            node(parts[:k])
                        node(parts, capacity=40)
                        made += 1
    return rows


def _business_states(s, actor, rng: random.Random, files: int, slot_ids: list[int]) -> None:
    """Records in every state intake and the storeroom add: an 入库 move for each file on a
    shelf, open and expired 调档函 for files awaiting arrival, open (some overdue) 缺件告知,
    and a finished stocktake of the first 列 with its scans."""
    when = clock.now() - timedelta(days=400)
    on_shelf = s.execute(select(File.id, File.location_id).where(File.status == "in_storage")).all()
    for i in range(0, len(on_shelf), CHUNK):
        s.execute(
            FileMove.__table__.insert(),
            [
                {
                    "at": when,
                    "file_id": fid,
                    "from_location_id": None,
                    "to_location_id": loc,
                    "reason": "入库",
                    "user_id": actor.user_id,
                    "note": "演示数据",
                }
                for fid, loc in on_shelf[i : i + CHUNK]
            ],
        )
    year = clock.today().year
    awaiting = s.execute(
        select(File.id, File.holder_id)
        .where(File.status == "awaiting_arrival")
        .order_by(File.id)
        .limit(60)
    ).all()
    letters = []
    for n, (_fid, hid) in enumerate(awaiting, start=1):
        issued = clock.today() - timedelta(days=rng.randrange(1, 60))
        letters.append(
            {
                "id": n,
                "number": f"人才函字〔{year}〕第{n:04d}号",
                "holder_id": hid,
                "addressee": rng.choice(
                    (
                        "青岛市人才服务中心",
                        "济南市人才服务中心",
                        "某某大学学生处",
                        "潍坊市公共就业和人才服务中心",
                    )
                ),
                "source": "counter",
                "issued_at": clock.at_local(issued, time(9)),
                "valid_until": issued + timedelta(days=30),
                "issued_by": actor.user_id,
                "cancel_reason": "",
            }
        )
    if letters:
        s.execute(TransferLetter.__table__.insert(), letters)
        s.merge(
            NumberSequence(name="transfer_letter", scope=str(year), next_value=len(letters) + 1)
        )
    notices = []
    for n, (fid, _loc) in enumerate(on_shelf[:30], start=1):
        deadline = clock.today() + timedelta(days=rng.randrange(-20, 40))
        notices.append(
            {
                "id": n,
                "number": f"缺件〔{year}〕第{n:04d}号",
                "file_id": fid,
                "items": [
                    rng.choice(("学位证书复印件", "转正定级表", "毕业生登记表", "劳动合同解除证明"))
                ],
                "deadline": deadline,
                "commitment": "本人承诺按期补齐所缺材料。",
                "issued_at": clock.at_local(deadline - timedelta(days=30), time(10)),
                "issued_by": actor.user_id,
            }
        )
    if notices:
        s.execute(MissingNotice.__table__.insert(), notices)
        s.merge(NumberSequence(name="missing_notice", scope=str(year), next_value=len(notices) + 1))
    first_row = s.execute(
        select(File.id, File.location_id)
        .join(StorageLocation, StorageLocation.id == File.location_id)
        .where(StorageLocation.code < "K01-Q01-L002", File.status == "in_storage")
    ).all()
    if first_row:
        s.execute(
            Stocktake.__table__.insert(),
            [
                {
                    "id": 1,
                    "prefix": "K01-Q01-L001",
                    "started_at": when + timedelta(days=300),
                    "started_by": actor.user_id,
                    "finished_at": when + timedelta(days=300, hours=3),
                }
            ],
        )
        found = first_row[:-2] if len(first_row) > 2 else first_row  # two come out 缺失
        s.execute(
            StocktakeScan.__table__.insert(),
            [
                {
                    "stocktake_id": 1,
                    "at": when + timedelta(days=300, hours=1),
                    "file_id": fid,
                    "location_id": loc,
                    "user_id": actor.user_id,
                }
                for fid, loc in found
            ],
        )


def generate(
    ctx: AppContext, files: int, seed: int = 1, progress: Callable[[int, int], None] | None = None
) -> dict[str, int]:
    """Fill an empty database with `files` holders and their files. Same seed, same data."""
    actor = ctx.require("demo.load")
    if files < 1 or files > 5_000_000:
        raise InvalidInput("files", "档案数量应在 1 到 5,000,000 之间")
    rng = random.Random(seed)
    counties = _counties()
    today = clock.today()
    with ctx.uow() as uow:
        s = uow.session
        if s.scalar(select(func.count()).select_from(Holder)):
            raise InvalidInput("database", "演示数据只能载入空数据库（已有存档人记录）")
        units = [
            {
                "id": i + 1,
                "name": f"烟台{w}{k}",
                "credit_code": f"91370600MA{i:07d}X",
                "address": f"烟台市芝罘区{w}路{i + 1}号",
                "phone": f"0535-6{i:06d}",
                "contact": _name(rng),
            }
            for i, (w, k) in enumerate((w, k) for k in UNIT_KINDS for w in UNIT_WORDS)
        ]
        s.execute(Unit.__table__.insert(), units)
        slots = _slots(math.ceil(files * 1.1 / 40))
        for i in range(0, len(slots), CHUNK):
            s.execute(StorageLocation.__table__.insert(), slots[i : i + CHUNK])
        slot_ids = [r["id"] for r in slots if r["level"] == "slot"]
        seen: set[str] = set()
        stored = 0
        for start in range(0, files, CHUNK):
            holders, file_rows, gram_rows = [], [], []
            for hid in range(start + 1, min(start + CHUNK, files) + 1):
                male = rng.random() < 0.5
                born = date(1960, 1, 1) + timedelta(days=rng.randrange(0, 16000))
                idn = _id_number(rng, counties, born, male)
                while idn in seen:
                    idn = _id_number(rng, counties, born, male)
                seen.add(idn)
                name = _name(rng)
                gram_rows += [{"gram": g, "holder_id": hid} for g in grams(name)]
                work = born + timedelta(days=365 * 22 + rng.randrange(0, 1500))
                complete = rng.random() > 0.1
                holders.append(
                    {
                        "id": hid,
                        "name": name,
                        "sex_code": "1" if male else "2",
                        "birth_date": born,
                        "ethnicity_code": "01"
                        if rng.random() < 0.92
                        else rng.choice(("03", "11", "02")),
                        "id_number": idn,
                        "hukou_location": codes.regions()[idn[:6]].full_name,
                        "political_status_code": rng.choice(("13", "13", "03", "01", "01", "02")),
                        "education_code": rng.choice(("21", "21", "31", "31", "14", "61", "11")),
                        "graduated_school": rng.choice(SCHOOLS),
                        "major": rng.choice(MAJORS),
                        "work_start_date": work if work < today else None,
                        "employer": rng.choice(units)["name"],
                        "phone": f"1{rng.choice('3578')}{rng.randrange(10**9):09d}"
                        if complete
                        else "",
                        "address": f"烟台市{rng.choice(UNIT_WORDS)}小区{rng.randrange(1, 40)}号楼",
                        "party_join_date": None,
                        "professional_title": "",
                        "native_place": "",
                        "former_employer": "",
                        "marital_status_code": rng.choice(("10", "20")),
                        **search_keys(name, idn),
                    }
                )
                r = rng.random()
                status = (
                    "in_storage" if r < 0.9 else "awaiting_arrival" if r < 0.95 else "transferred"
                )
                unit = rng.random() < 0.6
                numbered = status != "awaiting_arrival"
                if numbered:
                    stored += 1
                file_rows.append(
                    {
                        "id": hid,
                        "holder_id": hid,
                        "status": status,
                        "file_number": f"DA{stored:07d}" if numbered else None,
                        "deposit_type": "unit" if unit else "personal",
                        "unit_id": rng.choice(units)["id"] if unit else None,
                        "location_id": slot_ids[(stored - 1) // 36]
                        if status == "in_storage"
                        else None,
                    }
                )
            s.execute(Holder.__table__.insert(), holders)
            s.execute(File.__table__.insert(), file_rows)
            s.execute(HolderNameGram.__table__.insert(), gram_rows)
            if progress:
                progress(min(start + CHUNK, files), files)
        s.merge(NumberSequence(name="file_number", scope="", next_value=stored + 1))
        _business_states(s, actor, rng, files, slot_ids)
        if ctx.dialect == "postgresql":
            for table in (
                "units",
                "storage_locations",
                "holders",
                "files",
                "file_moves",
                "transfer_letters",
                "missing_notices",
                "stocktakes",
                "stocktake_scans",
            ):
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), "
                        f"(SELECT max(id) FROM {table}))"
                    )
                )
        audit.record(s, actor, "demo.load", "database", None, files=files, seed=seed)
        uow.commit()
    # Fresh statistics (and on PostgreSQL a visibility map, so index-only scans stay index-only),
    # so the planner serves searches from the indexes at once.
    with ctx.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("VACUUM ANALYZE" if ctx.dialect == "postgresql" else "ANALYZE")
    return {"holders": files, "files": files, "units": len(units), "slots": len(slot_ids)}
