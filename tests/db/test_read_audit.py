"""Every read of personal data is audited (issue 8, domain §13): each service call that returns
names or ID numbers leaves exactly one audit entry saying what was asked and how many rows came
back — on both engines."""

import inspect
import typing

import pytest
from sqlalchemy import func, select

from archive_desk.db.models import AuditEntry, File, MissingNotice, StorageLocation, TransferLetter
from archive_desk.domain.holder import HolderData
from archive_desk.services import (
    audit,
    demo,
    holders,
    intake,
    intake_documents,
    issued_documents,
    labels,
    search,
    stocktake,
    storage,
    units,
    users,
)


@pytest.fixture
def office(admin):
    demo.generate(admin, 400, seed=3)
    arrived = holders.create(admin, HolderData(name="到档人", id_number="11010519491231002X"))
    intake.issue_letter(admin, arrived.id, "某县人才中心")
    intake.record_arrival(
        admin,
        arrived.id,
        mode="专人送取",
        sender="某县人才中心",
        seal_intact=True,
        material_count=3,
        checker="李四",
    )
    with admin.uow() as uow:
        s = uow.session
        refs = {
            "letter": s.scalar(select(TransferLetter.number).limit(1)),
            "notice": s.scalar(select(MissingNotice.number).limit(1)),
            "file": s.scalar(select(File.file_number).where(File.location_id.is_not(None))),
        }
        refs["slot"] = s.scalar(
            select(StorageLocation.code)
            .join(File, File.location_id == StorageLocation.id)
            .where(File.file_number == refs["file"])
        )
    import tempfile
    from pathlib import Path

    out = Path(tempfile.mkdtemp()) / "letter.pdf"
    intake_documents.transfer_request(admin, refs["letter"], out)  # kept as issued
    return admin, refs


# (name, call, rows it returns) — every service read that returns names or ID numbers.
READS = {
    "holders.page": lambda c, r: holders.page(c, 0, 50),
    "holders.incomplete": lambda c, r: holders.incomplete(c, 0, 50),
    "holders.view": lambda c, r: [holders.view(c, 1)],
    "search.search": lambda c, r: search.search(c, "王"),
    "intake.letter": lambda c, r: [intake.letter(c, r["letter"])],
    "intake.open_letters": lambda c, r: intake.open_letters(c),
    "intake.arrivals_to_accept": lambda c, r: intake.arrivals_to_accept(c),
    "intake.notice": lambda c, r: [intake.notice(c, r["notice"])],
    "intake.open_notices": lambda c, r: intake.open_notices(c),
    "intake.steps_for": lambda c, r: [intake.steps_for(c, 1)],
    "storage.files_in": lambda c, r: storage.files_in(c, r["slot"]),
    "storage.files_under": lambda c, r: storage.files_under(c, r["slot"][:4]),
    "storage.plan_moves": lambda c, r: storage.plan_moves(c, [(r["file"], r["slot"])], "整理"),
    "storage.move_log": lambda c, r: storage.move_log(c),
    "stocktake.results": lambda c, r: stocktake.results(c, 1),
    "audit.entries": lambda c, r: audit.entries(c, limit=30),
    "issued_documents.register": lambda c, r: issued_documents.register(c),
    "users.list_users": lambda c, r: users.list_users(c),
}


def _audit_count(ctx) -> int:
    with ctx.uow() as uow:
        return uow.session.scalar(select(func.count()).select_from(AuditEntry))


def _last(ctx):
    with ctx.uow() as uow:
        return uow.session.execute(
            select(AuditEntry.action, AuditEntry.username, AuditEntry.detail)
            .order_by(AuditEntry.id.desc())
            .limit(1)
        ).one()


@pytest.mark.parametrize("name", sorted(READS))
def test_each_read_of_personal_data_leaves_one_audit_entry(office, name):
    ctx, refs = office
    before = _audit_count(ctx)
    rows = READS[name](ctx, refs)
    assert rows, f"{name}: the demo data should give it something to return"
    assert _audit_count(ctx) == before + 1, name
    entry = _last(ctx)
    assert audit.is_read(entry.action) and entry.username == "admin"
    if name not in ("holders.view", "search.search"):
        assert entry.detail["rows"] == len(rows)


def test_what_was_asked_is_recorded(office):
    ctx, refs = office
    storage.move_log(ctx, file_number=refs["file"])
    assert _last(ctx).detail["file_number"] == refs["file"]
    holders.page(ctx, 10, 20)
    detail = _last(ctx).detail
    assert detail["after_id"] == 10 and detail["limit"] == 20 and detail["rows"] == 20


# Services whose return values carry names or ID numbers, and are not reads.
WRITES = {
    "holders.create",
    "holders.update",
    "intake.issue_letter",
    "intake.issue_notice",
    "stocktake.scan",  # recorded as a scan of that file, by that user
}
PERSONAL_FIELDS = {"holder_name", "id_number"}
# Returns whose names/ID numbers hide in plain tuples (the dataclass check cannot see them).
TUPLE_READS = {
    "intake.arrivals_to_accept",
    "storage.files_in",
    "storage.files_under",
    "holders.incomplete",
}


def _personal(annotation) -> bool:
    for arg in typing.get_args(annotation) or (annotation,):
        if typing.get_args(arg) and _personal(arg):
            return True
        fields = getattr(arg, "__dataclass_fields__", {})
        if PERSONAL_FIELDS & set(fields) or (
            "data" in fields and getattr(arg, "__name__", "") == "HolderView"
        ):
            return True
    return False


def test_the_list_of_reads_covers_every_service_returning_personal_data():
    modules = [
        audit,
        holders,
        intake,
        issued_documents,
        labels,
        search,
        stocktake,
        storage,
        units,
        users,
    ]
    found = set()
    for module in modules:
        for fname, fn in inspect.getmembers(module, inspect.isfunction):
            if fn.__module__ != module.__name__ or fname.startswith("_"):
                continue
            params = list(inspect.signature(fn).parameters)
            if not params or params[0] != "ctx":
                continue  # helpers inside a caller's transaction
            hints = typing.get_type_hints(fn)
            if _personal(hints.get("return")):
                found.add(f"{module.__name__.rsplit('.', 1)[1]}.{fname}")
    assert found - WRITES - set(READS) == set()
    assert set(READS) >= TUPLE_READS


def test_audited_reads_do_not_fail_while_another_desk_saves(admin):
    """Pages read (and audit) while other work saves: on SQLite a read transaction that then
    writes its audit entry must not fail with 'database is locked'."""
    import threading

    for i in range(20):
        holders.create(admin, HolderData(name="王芳", id_number=_id(i)))
    errors: list[BaseException] = []

    def reader():
        try:
            for _ in range(40):
                holders.page(admin, 0, 20)
                intake.open_letters(admin)
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    def writer():
        try:
            for i in range(20, 60):
                holders.create(admin, HolderData(name="李娜", id_number=_id(i)))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=reader), threading.Thread(target=writer)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert holders.count(admin) == 60


def _id(i: int) -> str:
    from archive_desk.domain.idcard import check_char

    first17 = f"11010519800101{i:03d}"
    return first17 + check_char(first17)
