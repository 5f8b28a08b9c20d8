"""`archive-desk print` of an official document twice writes the same file: the second is the
document as first issued, not drawn again (issue 9)."""

from sqlalchemy import create_engine, text

from archive_desk import exit_codes
from tests.e2e.test_cli_print_errors import demo_db, print_doc  # noqa: F401


def test_printing_a_letter_twice_writes_the_same_file(demo_db, print_doc, tmp_path):  # noqa: F811
    engine = create_engine(demo_db)
    with engine.connect() as conn:
        number = conn.scalar(
            text("SELECT number FROM transfer_letters WHERE cancelled_at IS NULL LIMIT 1")
        )
    engine.dispose()
    first, second = tmp_path / "1.pdf", tmp_path / "2.pdf"
    assert print_doc("transfer-request", number, first) == (exit_codes.OK, "")
    assert print_doc("transfer-request", number, second) == (exit_codes.OK, "")
    assert first.read_bytes() == second.read_bytes() and first.read_bytes().startswith(b"%PDF")
