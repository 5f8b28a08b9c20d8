"""Printing never drops a character: per-character font fallback in PDFs (read back with pypdf,
the glyphs found in the embedded fonts), Word runs with their East Asian font, and a clear
refusal — no file — on a machine without a font for the character."""

import pytest
from docx import Document
from docx.oxml.ns import qn
from pypdf import PdfReader

from archive_desk.documents import fonts, intake_letters, labels
from archive_desk.documents.docx_text import add_text
from archive_desk.documents.layout import Centre, Sheet
from tests.fonts_support import embedded_chars, require_ext_b, without_ext_b

COMPAT = "金\uf9dc"
NAMES = ["王𠮷", "张𪚥", "刘䶮", "陈㛃", "丁龘", COMPAT, "阿卜杜拉·艾力"]
CENTRE = Centre("某某县人才服务中心", "某某县人民路1号", "264000", "0535-1234567")


@pytest.fixture
def no_ext_b(monkeypatch):
    monkeypatch.setattr(fonts, "_active", without_ext_b())


def _letter(path, name):
    from datetime import date

    return intake_letters.transfer_request(
        path,
        number="人才函字〔2026〕第0001号",
        holder_name=name,
        id_number="11010519491231002X",
        addressee="青岛市人才服务中心",
        issued=date(2026, 12, 1),
        valid_until=date(2026, 12, 31),
        centre=CENTRE,
    )


@pytest.mark.parametrize("name", NAMES)
def test_letter_prints_every_character_of_the_name(tmp_path, name):
    require_ext_b()
    pdf = _letter(tmp_path / "l.pdf", name)
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert f"{name}同志" in text.replace("\n", "")
    assert set(name) - {"·"} <= embedded_chars(pdf)


def test_extension_b_characters_come_from_a_second_font(tmp_path):
    require_ext_b()
    chain = fonts.chain()
    assert chain.font_for("𠮷") != chain.primary or chain.font_for("王") == chain.font_for("𠮷")
    assert chain.missing("王𠮷张𪚥刘䶮陈㛃龘" + COMPAT) == []


def test_without_an_extension_b_font_the_letter_is_refused_not_blank(tmp_path, no_ext_b):
    out = tmp_path / "l.pdf"
    with pytest.raises(fonts.Unprintable) as exc:
        _letter(out, "王𠮷")
    assert "𠮷" in str(exc.value) and "U+20BB7" in str(exc.value)
    assert "fonts-hanazono" in str(exc.value) or "SimSun-ExtB" in str(exc.value)
    assert exc.value.chars == ["𠮷"]
    assert not out.exists()
    _letter(out, "刘䶮")  # Extension A is in the ordinary fonts: printed
    assert out.exists()


def test_labels_are_refused_too_without_the_font(tmp_path, no_ext_b):
    out = tmp_path / "labels.pdf"
    with pytest.raises(fonts.Unprintable):
        labels.write_sheet([labels.Label("DA0000001", "DA0000001", ("张𪚥",))], out)
    assert not out.exists()


def test_label_prints_a_rare_name(tmp_path):
    require_ext_b()
    out = labels.write_sheet(
        [labels.Label("DA0000001", "DA0000001", ("张𪚥",))], tmp_path / "l.pdf"
    )
    assert {"张", "𪚥"} <= embedded_chars(out)


def test_a_sheet_wraps_and_centres_mixed_fonts(tmp_path):
    require_ext_b()
    s = Sheet(tmp_path / "s.pdf", "t")
    s.title("王𠮷")
    s.para("王𠮷" * 40)
    s.save()
    text = PdfReader(tmp_path / "s.pdf").pages[0].extract_text().replace("\n", "")
    assert text.count("王𠮷") == 41


def test_word_runs_carry_the_east_asian_font_of_each_character(tmp_path):
    require_ext_b()
    doc = Document()
    p = doc.add_paragraph()
    add_text(p, "姓名：王𠮷")
    doc.save(tmp_path / "d.docx")
    again = Document(tmp_path / "d.docx").paragraphs[0]
    assert again.text == "姓名：王𠮷"
    chain = fonts.chain()
    by_text = {
        r.text: r._element.rPr.find(qn("w:rFonts")).get(qn("w:eastAsia")) for r in again.runs
    }
    assert by_text["𠮷"] == chain.font_for("𠮷")
    assert by_text["姓名：王"] == chain.font_for("王")


def test_word_text_is_refused_without_the_font(no_ext_b):
    p = Document().add_paragraph()
    with pytest.raises(fonts.Unprintable):
        add_text(p, "王𠮷")
    assert p.text == ""


def test_unprintable_lists_each_missing_character_once(no_ext_b):
    assert fonts.unprintable("王𠮷𠮷张𪚥") == ["𠮷", "𪚥"]


def _stocktake(tmp_path, suffix, name="王𠮷"):
    from datetime import datetime

    from archive_desk.documents import stocktake_report
    from archive_desk.services.stocktake import ResultRow, StocktakeInfo

    info = StocktakeInfo(1, "K01", "1号库房", datetime(2026, 12, 1, 9), None, None, 1, 1)
    rows = [ResultRow("DA0000001", name, "相符", "1号库房1区", "1号库房1区", "K01")]
    return stocktake_report.write(info, rows, "某某县人才服务中心", tmp_path / f"r{suffix}")


def test_excel_keeps_the_name_as_is(tmp_path):
    from openpyxl import load_workbook

    cells = [c for r in load_workbook(_stocktake(tmp_path, ".xlsx")).active.values for c in r]
    assert "王𠮷" in cells


def test_stocktake_pdf_prints_the_rare_name_in_its_table(tmp_path):
    require_ext_b()
    pdf = _stocktake(tmp_path, ".pdf", "张𪚥")
    assert "张𪚥" in PdfReader(pdf).pages[0].extract_text()
    assert "𪚥" in embedded_chars(pdf)


def test_stocktake_pdf_is_refused_without_the_font(tmp_path, no_ext_b):
    with pytest.raises(fonts.Unprintable):
        _stocktake(tmp_path, ".pdf", "张𪚥")
    assert not (tmp_path / "r.pdf").exists()
