"""Translations are complete and the compiled forms match their .ui sources."""

import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from archive_desk import paths
from archive_desk.ui import build_forms

TS = paths.resource("i18n", "archive_desk_zh_CN.ts")


def _messages(ts: Path):
    root = ET.parse(ts).getroot()
    for ctx in root.iter("context"):
        for msg in ctx.iter("message"):
            yield ctx.findtext("name"), msg.findtext("source"), msg.find("translation")


def test_every_string_has_a_finished_chinese_translation():
    unfinished = [
        (c, s)
        for c, s, t in _messages(TS)
        if t is None
        or t.get("type") in ("unfinished", "obsolete", "vanished")
        or not (t.text or "").strip()
    ]
    assert not unfinished, unfinished


def test_no_string_in_the_code_is_missing_from_the_ts(tmp_path):
    fresh = tmp_path / "fresh.ts"
    sources = sorted(
        str(p) for p in (paths.root() / "archive_desk").rglob("*.py") if "/forms/" not in str(p)
    )
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    subprocess.run(
        [
            str(lupdate),
            "-no-obsolete",
            "-locations",
            "none",
            *sources,
            *map(str, build_forms.forms()),
            "-ts",
            str(fresh),
        ],
        check=True,
        capture_output=True,
    )
    in_code = {(c, s) for c, s, _ in _messages(fresh)}
    translated = {(c, s) for c, s, _ in _messages(TS)}
    assert in_code - translated == set(), "run `make lupdate` and translate the new strings"


def test_compiled_forms_are_up_to_date():
    for ui in build_forms.forms():
        committed = build_forms.OUT / f"ui_{ui.stem}.py"
        assert committed.read_text(encoding="utf-8") == build_forms.compile_form(ui), (
            f"{committed.name} is stale: run `make forms`"
        )


def test_chinese_is_the_default_and_english_selectable(qapp):
    from archive_desk.ui import i18n, prefs

    assert prefs.LANGUAGE.default == "zh_CN"
    assert i18n.install(qapp, "zh_CN")
    assert qapp.translate("MainWindow", "Holders") == "存档人"
    assert i18n.install(qapp, "en")
    assert qapp.translate("MainWindow", "Holders") == "Holders"
