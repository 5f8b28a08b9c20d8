"""Stocktake: scans classified at once, results per file, report, corrections as moves."""

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from archive_desk.services import stocktake, storage
from archive_desk.services.errors import InvalidInput
from tests.db.test_storage import files, shelves  # noqa: F401  (fixtures)

A1 = "K01-Q01-L001-A-J01-C01-G01"
A2 = "K01-Q01-L001-A-J01-C01-G02"
B1 = "K01-Q01-L002-A-J01-C01-G01"


@pytest.fixture
def shelved(admin, files):  # noqa: F811
    storage.apply_moves(admin, [(files[0], A1), (files[1], A1), (files[2], B1)], "入库")
    return files


def test_a_stocktake_from_scan_to_corrections(admin, shelved, tmp_path):
    st = stocktake.start(admin, "K01-Q01-L001")
    assert st.expected == 2 and st.prefix_name == "1号库房1区1列"
    assert stocktake.scan(admin, st.id, A1, shelved[0]).outcome == "相符"
    r = stocktake.scan(admin, st.id, A2, shelved[2].lower())  # recorded in 列2: not expected
    assert r.outcome == "多余" and "1号库房1区2列" in r.message
    with pytest.raises(InvalidInput, match="不是本次盘点范围"):
        stocktake.scan(admin, st.id, B1, shelved[0])
    rows = {r.file_number: r for r in stocktake.results(admin, st.id)}
    assert rows[shelved[0]].outcome == "相符"
    assert rows[shelved[1]].outcome == "缺失"
    assert rows[shelved[2]].outcome == "多余" and rows[shelved[2]].found_code == A2
    assert stocktake.corrections(admin, st.id) == [(shelved[2], A2)]
    with pytest.raises(InvalidInput, match="先结束"):
        stocktake.apply_corrections(admin, st.id)
    stocktake.finish(admin, st.id)
    with pytest.raises(InvalidInput, match="已结束"):
        stocktake.scan(admin, st.id, A1, shelved[1])
    xlsx = stocktake.report(admin, st.id, tmp_path / "r.xlsx")
    sheet = load_workbook(xlsx).active
    cells = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "缺失" in cells and shelved[1] in cells and "相符：1　缺失：1　错位：0　多余：1" in cells
    pdf = stocktake.report(admin, st.id, tmp_path / "r.pdf")
    page = PdfReader(pdf).pages[0].extract_text()
    assert "档案盘点报告" in page and shelved[2] in page and "1号库房1区1列A面1节1层2格" in page
    assert stocktake.apply_corrections(admin, st.id) == 1
    assert storage.files_in(admin, A2)[0].file_number == shelved[2]
    assert storage.move_log(admin, file_number=shelved[2])[0].reason == "盘点"
    with pytest.raises(InvalidInput, match="已经应用过"):
        stocktake.apply_corrections(admin, st.id)


def test_misplaced_inside_the_range(admin, shelved):
    st = stocktake.start(admin, "K01-Q01-L001")
    assert stocktake.scan(admin, st.id, A2, shelved[1]).outcome == "错位"
    rows = {r.file_number: r.outcome for r in stocktake.results(admin, st.id)}
    assert rows == {shelved[0]: "缺失", shelved[1]: "错位"}


def test_report_format_must_be_xlsx_or_pdf(admin, shelved, tmp_path):
    st = stocktake.start(admin, "K01-Q01-L001")
    with pytest.raises(InvalidInput, match=r"\.xlsx 或 \.pdf"):
        stocktake.report(admin, st.id, tmp_path / "r.csv")


def test_a_stocktake_number_too_large_for_an_integer_is_not_found(admin):
    from archive_desk.services.errors import NotFound

    for number in (2**63, 10**30, -1):
        with pytest.raises(NotFound, match="没有编号为"):
            stocktake.info(admin, number)
        with pytest.raises(NotFound, match="没有编号为"):
            stocktake.results(admin, number)
