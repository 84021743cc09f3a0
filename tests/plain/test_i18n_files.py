"""The translation sources (i18n/*.ts) match the code and are complete; the .qm are built.

A new or changed user-visible string fails here until it is translated in fr, es and ar:
``make translations`` then ``python3 tools/i18n.py todo`` lists what to do (see tools/i18n.py).
"""
import ast
import json
import re
import unicodedata
import xml.etree.ElementTree as ET
import zipfile
from collections import defaultdict
from pathlib import Path

import pytest

from coordmap.processing.analysis.clusters import ClusterVocabulary
from coordmap.processing.analysis.report import write_report

ROOT = Path(__file__).resolve().parents[2]
LANGUAGES = ("fr", "es", "ar")


@pytest.fixture(scope="module")
def tool():
    from coordmap.tools import i18n

    return i18n


@pytest.fixture(scope="module")
def extracted(tool):
    """{context: {source: [(file relative to i18n/, line)]}} pylupdate5 finds in the code now."""
    return tool._extracted()


def _entries(tool, language):
    return tool.messages(tool.ts_path(language))


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_file_parses_and_names_its_language(tool, language):
    root = ET.parse(tool.ts_path(language)).getroot()
    assert (root.tag, root.get("language")) == ("TS", language)


@pytest.mark.parametrize("language", LANGUAGES)
def test_every_entry_is_translated_and_none_is_obsolete(tool, language):
    left = [(context, source[:80], kind) for context, source, text, kind in
            _entries(tool, language) if kind or not text.strip()]
    assert not left, (f"{tool.ts_path(language).name}: unfinished/obsolete entries {left}; run "
                      "`python3 tools/i18n.py todo`, translate, `python3 tools/i18n.py apply`")


@pytest.mark.parametrize("language", LANGUAGES)
def test_ts_has_exactly_the_strings_of_the_code(tool, extracted, language):
    in_code = {(context, source) for context, sources in extracted.items() for source in sources}
    in_ts = {(context, source) for context, source, _, _ in _entries(tool, language)}
    assert in_code, "pylupdate5 found no string at all"
    missing = sorted(in_code - in_ts)
    extra = sorted(in_ts - in_code)
    assert not missing and not extra, (
        f"run `make translations`; not in the .ts: {missing[:10]}; no longer in the code: "
        f"{extra[:10]}")


def test_no_string_lands_in_the_default_context(extracted):
    # @default: a tr() pylupdate5 cannot tie to a context the code uses at run time.
    assert "@default" not in extracted, (
        "use self.tr in a class or QCoreApplication.translate('Context', '...'): "
        f"{list(extracted.get('@default', {}))}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_keep_the_placeholders(tool, language):
    wrong = [(source, text) for _, source, text, _ in _entries(tool, language)
             if tool.placeholders(text) != tool.placeholders(source)]
    assert not wrong, wrong[:5]


def test_placeholder_check_sees_format_fields_and_qt_markers(tool):
    assert tool.placeholders("Read {where}: {rows} rows, %1 {value!r}") == \
        sorted(["{where}", "{rows}", "%1", "{value!r}"])
    assert tool.placeholders("Lu {where} : {row} lignes") != tool.placeholders("{where} {rows}")


def test_arabic_translations_are_in_arabic_script(tool):
    def has_words(source):  # English words outside placeholders and the plugin's name
        return bool(set(re.findall("[A-Za-z]{3,}", tool.PLACEHOLDER.sub("", source)))
                    - {"CoordMap"})

    entries = [(source, text) for _, source, text, _ in _entries(tool, "ar") if has_words(source)]
    latin = [source for source, text in entries
             if not any(unicodedata.name(char, "").startswith("ARABIC") for char in text)]
    assert entries and not latin, latin


def _tr_calls(path):
    """(source, class the call is written in) of every self.tr("...") in a file."""
    calls = []

    def visit(node, enclosing):
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.ClassDef):
                visit(child, child.name)
                continue
            if isinstance(child, ast.Call) and isinstance(child.func, ast.Attribute) \
                    and child.func.attr == "tr" and isinstance(child.func.value, ast.Name) \
                    and child.func.value.id == "self" and child.args \
                    and isinstance(child.args[0], ast.Constant):
                calls.append((child.args[0].value, enclosing))
            visit(child, enclosing)

    tree = ast.parse(path.read_text(encoding="utf-8"))
    visit(tree, None)
    subclassed = {base.id for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
                  for base in node.bases if isinstance(base, ast.Name)}
    return calls, subclassed


def test_self_tr_contexts_are_the_ones_used_at_run_time(tool, extracted):
    """self.tr looks up under the class name (CoordMapAlgorithm.tr: type(self).__name__);
    pylupdate5 uses the last `class` line above the call. They must agree, and a class whose
    methods other classes inherit must not use self.tr (the subclass name would be used)."""
    by_file = defaultdict(set)
    for context, sources in extracted.items():
        for source, locations in sources.items():
            for filename, _ in locations:
                by_file[(Path(filename).as_posix().lstrip("./"), source)].add(context)
    all_subclassed = set()
    calls = {}
    for relative in tool.source_files():
        calls[relative], subclassed = _tr_calls(ROOT / relative)
        all_subclassed |= subclassed
    checked = 0
    for relative, found in calls.items():
        for source, enclosing in found:
            assert enclosing is not None, f"{relative}: self.tr({source!r}) outside a class"
            assert enclosing not in all_subclassed, \
                f"{relative}: {enclosing} is subclassed; self.tr({source!r}) in it would be " \
                "looked up under the subclass name: use QCoreApplication.translate"
            assert enclosing in by_file[(relative, source)], \
                f"{relative}: pylupdate5 files {source!r} under {by_file[(relative, source)]}, " \
                f"the code looks it up under {enclosing!r}"
            checked += 1
    assert checked > 20


@pytest.mark.parametrize("language", LANGUAGES)
def test_qm_files_are_built_from_the_current_ts(tool, language):
    ts_file = tool.ts_path(language)
    qm_file = ts_file.with_suffix(".qm")
    assert qm_file.is_file(), f"{qm_file.name} missing: run `make i18n`"
    assert qm_file.stat().st_mtime >= ts_file.stat().st_mtime, \
        f"{qm_file.name} is older than {ts_file.name}: run `make i18n`"
    assert qm_file.read_bytes()[:16] == bytes.fromhex("3cb86418caef9c95cd211cbf60a1bddd")


def test_the_zip_ships_the_qm_files_not_the_ts(coordmap_zip):
    names = set(zipfile.ZipFile(coordmap_zip).namelist())
    assert {f"coordmap/i18n/coordmap_{language}.qm" for language in LANGUAGES} <= names
    assert not [name for name in names if name.endswith(".ts")]


def test_qa_report_headings_go_through_the_translate_callable(tmp_path):
    import pandas as pd
    from openpyxl import load_workbook

    seen = []

    def translate(context, text):  # as a translation could: characters Excel refuses in titles
        seen.append(context)
        return f"{text}: [{text.upper()}]"

    path = write_report(tmp_path / "qa.xlsx", {"rows": 3},
                        pd.DataFrame({"category": ["unmatched"], "value": ["X"]}),
                        pd.DataFrame({"role": ["org"], "column": ["Partner"]}),
                        translate=translate)
    workbook = load_workbook(path, read_only=True)
    assert workbook.sheetnames == ["Summary   SUMMARY", "Issues   ISSUES", "Columns   COLUMNS"]
    notice, header, hxl, first = workbook["Issues   ISSUES"].iter_rows(max_row=4,
                                                                       values_only=True)
    assert notice[0].startswith("For the IM officer, not for publication") and \
        notice[0].endswith("]")
    assert (header[0], hxl[0], first[0]) == ("category: [CATEGORY]", "#meta+category",
                                             "unmatched")
    assert set(seen) == {"QaReport", "JoinSummary"}  # (the summary's labels: the join's)
    english = load_workbook(write_report(tmp_path / "en.xlsx", {}, pd.DataFrame(),
                                         pd.DataFrame()), read_only=True)
    assert english.sheetnames == ["Summary", "Issues", "Columns"]


def test_every_cluster_has_an_arabic_name():
    clusters = json.loads((ROOT / "resources" / "vocabulary" / "clusters.json")
                          .read_text(encoding="utf-8"))["clusters"]
    for code, spec in clusters.items():
        name = spec["names"].get("ar", "")
        assert name and all(unicodedata.name(char).startswith("ARABIC") or char == " "
                            for char in name), code
    assert ClusterVocabulary.load(language="ar").name("WSH") == \
        "المياه والصرف الصحي والنظافة الصحية"
