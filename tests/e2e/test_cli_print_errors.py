"""`print … --out` to a place that cannot take the file is a Chinese error with exit 2, never a
traceback or the crash code; so is a numeric reference too large for an integer."""

import io
import os
from pathlib import Path

import pytest

from archive_desk import exit_codes
from archive_desk.cli import main

PASSWORD = "Desk-Admin-2026"

DOCUMENTS = [
    ("file-label", "DA0000001", "x.pdf"),
    ("slot-labels", "K01", "x.pdf"),
    ("stocktake-report", "1", "x.xlsx"),
    ("stocktake-report", "1", "x.pdf"),
]


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory):
    """One demo database for the module (20 files, shelves, a finished stocktake)."""
    url = f"sqlite:///{tmp_path_factory.mktemp('print') / 'p.sqlite3'}"
    stdin, os.environ["ARCHIVE_DESK_PASSWORD"] = io.StringIO(PASSWORD + "\n"), PASSWORD
    real = os.sys.stdin
    try:
        os.sys.stdin = stdin
        assert main(["--db", url, "init", "--admin", "boss", "--password-stdin"]) == 0
        assert main(["--db", url, "--user", "boss", "demo-data", "--files", "20"]) == 0
    finally:
        os.sys.stdin = real
        del os.environ["ARCHIVE_DESK_PASSWORD"]
    return url


@pytest.fixture
def print_doc(demo_db, monkeypatch, capsys, tmp_path):
    monkeypatch.setenv("ARCHIVE_DESK_PASSWORD", PASSWORD)
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))  # crash logs stay in the test
    capsys.readouterr()

    def run(kind: str, ref: str, out: Path | str):
        code = main(["--db", demo_db, "--user", "boss", "print", kind, ref, "--out", str(out)])
        _, err = capsys.readouterr()
        return code, err

    return run


def _unwritable(tmp_path: Path) -> Path:
    """A folder this process may not write to: read-only for a normal user; for root, /sys."""
    ro = tmp_path / "read-only"
    ro.mkdir()
    ro.chmod(0o555)
    try:
        (ro / "probe").touch()
    except OSError:
        return ro
    (ro / "probe").unlink()
    try:
        open("/sys/archive-desk-probe.pdf", "wb").close()
    except OSError:
        return Path("/sys")
    pytest.skip("no unwritable folder on this machine")


@pytest.mark.parametrize("kind, ref, name", DOCUMENTS)
@pytest.mark.parametrize("where", ["missing folder", "a folder", "unwritable", "full device"])
def test_print_to_a_bad_place_is_a_clean_error(print_doc, tmp_path, kind, ref, name, where):
    if where == "missing folder":
        out = tmp_path / "no-such-folder" / name
    elif where == "a folder":
        out = tmp_path
    elif where == "unwritable":
        out = _unwritable(tmp_path) / name
    else:
        if not Path("/dev/full").exists():
            pytest.skip("no /dev/full")
        out = Path("/dev/full")
        if kind == "stocktake-report":  # the format comes from the suffix: a link names it
            out = tmp_path / name
            out.symlink_to("/dev/full")
    code, err = print_doc(kind, ref, out)
    assert code == exit_codes.ERROR, err
    assert err.startswith("错误：") and "Traceback" not in err and "Error" not in err
    assert "--out" in err or "文件夹" in err or "磁盘" in err or "写入" in err


def test_a_numeric_reference_too_large_is_not_found(print_doc, tmp_path):
    code, err = print_doc("stocktake-report", "9" * 30, tmp_path / "r.xlsx")
    assert code == exit_codes.ERROR and "没有编号为" in err
