"""Official documents are kept as issued (issue 9): a reprint is the very file first printed,
whatever changed in the record since; damaged bytes are refused, never drawn again; each reprint
is recorded; the register lists them — on both engines."""

import dataclasses
import hashlib

import pytest
from sqlalchemy import select, update

from archive_desk.db.models import AuditEntry, Event, IssuedDocument, IssuedDocumentBytes
from archive_desk.domain.holder import HolderData
from archive_desk.domain.idcard import check_char
from archive_desk.services import holders, intake, intake_documents, issued_documents, printing
from archive_desk.services.errors import DocumentDamaged
from tests.db.test_intake import holder, office, pdf_text  # noqa: F401


def _letter(office, holder):  # noqa: F811
    return intake.issue_letter(office, holder.id, "青岛市人才服务中心")


def _rename(ctx, holder_id: int, name: str) -> None:
    view = holders.view(ctx, holder_id)
    holders.update(ctx, holder_id, dataclasses.replace(view.data, name=name), view.version)


def test_a_reprint_after_the_holder_is_renamed_is_the_file_first_issued(
    office,  # noqa: F811
    holder,  # noqa: F811
    tmp_path,
):
    letter = _letter(office, holder)
    first = intake_documents.transfer_request(office, letter.number, tmp_path / "1.pdf")
    assert "赵敏同志" in pdf_text(first)
    _rename(office, holder.id, "赵明")
    # the same registry the previews and `archive-desk print` use
    again = printing.TRANSFER_REQUEST.make(office, letter.number, tmp_path / "2.pdf")
    assert again.read_bytes() == first.read_bytes()
    assert "赵敏同志" in pdf_text(again) and "赵明" not in pdf_text(again)
    with office.uow() as uow:
        doc = uow.session.scalar(select(IssuedDocument))
        assert doc.reprints == 1 and doc.ref == letter.number
        assert doc.sha256 == hashlib.sha256(first.read_bytes()).hexdigest()
        assert doc.data["holder_name"] == "赵敏" and doc.data["addressee"] == "青岛市人才服务中心"


def test_each_document_of_intake_is_kept_once_per_record(office, holder, tmp_path):  # noqa: F811
    letter = _letter(office, holder)
    intake.record_arrival(
        office,
        holder.id,
        mode="机要",
        tracking_number="JY-0001",
        sender="青岛市人才服务中心",
        seal_intact=False,
        material_count=5,
        checker="李档案",
        letter_number=letter.number,
    )
    intake.return_to_sender(office, holder.id, "缺少干部履历表")
    first = intake_documents.return_letter(office, letter.number, tmp_path / "a.pdf")
    again = intake_documents.return_letter(office, letter.number, tmp_path / "b.pdf")
    assert again.read_bytes() == first.read_bytes()
    other = _letter(office, holders.create(office, HolderData(name="周芷若", id_number=_ID2)))
    intake_documents.transfer_request(office, other.number, tmp_path / "c.pdf")
    rows = issued_documents.register(office)
    assert [(r.title, r.holder_name, r.reprints) for r in rows] == [
        ("调档函", "周芷若", 0),
        ("退回函", "赵敏", 1),
    ]
    assert rows[1].ref == letter.number and rows[0].issued_by == "admin"


def test_damaged_stored_bytes_are_refused_not_drawn_again(office, holder, tmp_path):  # noqa: F811
    letter = _letter(office, holder)
    intake_documents.transfer_request(office, letter.number, tmp_path / "1.pdf")
    with office.uow() as uow:
        uow.session.execute(update(IssuedDocumentBytes).values(content=b"%PDF-1.4 tampered"))
        uow.commit()
    with pytest.raises(DocumentDamaged, match="校验不符"):
        intake_documents.transfer_request(office, letter.number, tmp_path / "2.pdf")
    assert not (tmp_path / "2.pdf").exists()
    with pytest.raises(DocumentDamaged, match=letter.number):
        issued_documents.reprint(office, issued_documents.register(office)[0].id, tmp_path / "3")


def test_a_reprint_is_an_event_and_an_audit_entry(office, holder, tmp_path):  # noqa: F811
    letter = _letter(office, holder)
    intake_documents.transfer_request(office, letter.number, tmp_path / "1.pdf")
    doc_id = issued_documents.register(office)[0].id
    issued_documents.reprint(office, doc_id, tmp_path / "2.pdf")
    printing.TRANSFER_REQUEST.make(office, letter.number, tmp_path / "3.pdf")
    with office.uow() as uow:
        s = uow.session
        events = s.execute(
            select(Event.kind, Event.holder_id, Event.data)
            .where(Event.kind.like("document.%"))
            .order_by(Event.id)
        ).all()
        reprints = s.execute(
            select(AuditEntry.username, AuditEntry.detail)
            .where(AuditEntry.action == "print.transfer_request")
            .order_by(AuditEntry.id)
        ).all()
    assert [(e.kind, e.holder_id) for e in events] == [
        ("document.issued", holder.id),
        ("document.reprinted", holder.id),
        ("document.reprinted", holder.id),
    ]
    assert [e.data["reprint"] for e in events[1:]] == [1, 2]
    assert [r.detail.get("reprint") for r in reprints] == [None, 1, 2]
    assert {r.username for r in reprints} == {"admin"}
    assert issued_documents.register(office)[0].reprints == 2


def test_working_lists_are_not_kept(office, holder, tmp_path):  # noqa: F811
    """Labels are drawn fresh each time: they are working lists, not issued documents."""
    from archive_desk.services import labels

    labels.slot_labels(office, "K01", tmp_path / "s.pdf")
    assert issued_documents.register(office) == []


_ID2 = "11010519800101001" + check_char("11010519800101001")


def test_two_desks_issuing_at_once_keep_one_document(office, holder, tmp_path, monkeypatch):  # noqa: F811
    """The second desk drew its own file before the first stored theirs: the first one kept is
    the document, and the second desk's file is overwritten with it."""
    letter = _letter(office, holder)
    first = intake_documents.transfer_request(office, letter.number, tmp_path / "1.pdf")
    real, calls = issued_documents.find, []

    def not_yet_seen(s, kind, source):
        calls.append(kind)
        return None if len(calls) == 1 else real(s, kind, source)

    monkeypatch.setattr(issued_documents, "find", not_yet_seen)
    late = intake_documents.transfer_request(office, letter.number, tmp_path / "2.pdf")
    assert late.read_bytes() == first.read_bytes()
    assert [(r.ref, r.reprints) for r in issued_documents.register(office)] == [(letter.number, 1)]
