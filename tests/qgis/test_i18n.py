"""CoordMap in French, Spanish and Arabic: QGIS started in each locale, plugin loaded as QGIS does.

The locale must be set before the plugin loads, so each locale runs in its own QGIS process (a
throw-away profile with locale/userLocale + locale/overrideFlag) that prints what a user sees as
JSON. English is run too: the expected text of every translated string is the .ts translation of
the English one *under the context the code looks it up in at run time* (the algorithm's class
name), so a context that pylupdate5 and the code disagree on fails here.
"""
import json
import os
import re
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

import pytest

from coordmap.processing.analysis.report import NOT_FOR_PUBLICATION
from coordmap.tests.helpers import finished_translations

ROOT = Path(__file__).resolve().parents[2]
PLUGINS_DIR = ROOT / "build" / "plugins"
LOCALES = {"fr": "fr_FR", "es": "es_ES", "ar": "ar_SA"}
MAP_LANGUAGES = ("en", "fr", "es", "ar")  # export_maps LANGUAGE enum order (the contract)
MODEL_CLASS = "ShippedModel"  # processing/models.py: graphical models shipped as algorithms

PROBE = r'''
import json, os, sys
from pathlib import Path
from unittest import mock

locale, plugins_dir, out_dir, export_language = sys.argv[1:5]
from qgis.core import QgsApplication, QgsSettings

app = QgsApplication([], True)
app.initQgis()  # picks the profile's settings file: write the locale after it
settings = QgsSettings()
settings.setValue("locale/userLocale", locale)
settings.setValue("locale/overrideFlag", locale != "en")
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
import qgis.utils
from qgis import processing

qgis.utils.plugin_paths.insert(0, plugins_dir)
sys.path.insert(0, plugins_dir)  # as QGIS puts its plugin folders on sys.path
assert qgis.utils.loadPlugin("coordmap") and qgis.utils.startProcessingPlugin("coordmap")
plugin = qgis.utils.plugins["coordmap"]
provider = QgsApplication.processingRegistry().providerById("coordmap")
found = {"qgis_locale": QgsApplication.locale(), "translator": plugin.translator is not None,
         "provider": provider.longName(), "algorithms": {}}
for alg in provider.algorithms():
    found["algorithms"][alg.id()] = {
        "class": type(alg).__name__, "name": alg.displayName(), "group": alg.group(),
        "help": alg.shortHelpString(),
        "parameters": {p.name(): p.description() for p in alg.parameterDefinitions()},
        "options": {p.name(): p.options() for p in alg.parameterDefinitions()
                    if p.type() == "enum"}}

# The dock and actions, with a stand-in iface around a real main window.
from qgis.gui import QgisInterface
from qgis.PyQt.QtWidgets import QAbstractButton, QDockWidget, QLabel, QMainWindow
iface = mock.Mock(spec=QgisInterface)
window = QMainWindow()
iface.mainWindow.return_value = window
iface.addToolBar.side_effect = window.addToolBar
plugin.iface = iface
plugin.initGui()
dock = window.findChild(QDockWidget, "CoordMapDock")
found["dock"] = None if dock is None else {
    "title": dock.windowTitle(), "direction": int(dock.layoutDirection()),
    "texts": [w.text() for w in dock.findChildren(QLabel) + dock.findChildren(QAbstractButton)
              if w.text()]}
found["actions"] = [a.text() for a in plugin.actions]

# The join with a QA report, then (if it is there) a French or Spanish map export.
sample = Path(plugins_dir) / "coordmap" / "resources" / "sample"
out = Path(out_dir)
result = processing.run("coordmap:join_4w", {
    "INPUT": str(sample / "xy_4w_2025.xlsx"), "ADMIN": str(sample / "xy_adm2.geojson"),
    "OUTPUT": str(out / "presence.gpkg"), "OUTPUT_ROWS": str(out / "rows.gpkg"),
    "OUTPUT_REPORT": str(out / "qa_report.xlsx")})
from qgis.core import QgsVectorLayer
found["reasons"] = sorted({f["reason"] for f in QgsVectorLayer(result["OUTPUT_ROWS"], "rows",
                                                               "ogr").getFeatures()
                           if f["status"] in ("used", "skipped")})
presence = QgsVectorLayer(result["OUTPUT"], "presence", "ogr")
found["cluster_names"] = sorted({(f["cluster"], f["cluster_name"]) for f in presence.getFeatures()})
found["report"] = result.get("OUTPUT_REPORT")
# Input errors of the analysis, as the user reads them
found["errors"] = {}
for key, algorithm, parameters in (
        ("sheet", "coordmap:join_4w", {
            "INPUT": str(sample / "xy_4w_2025.xlsx"), "SHEET": "Nope",
            "ADMIN": str(sample / "xy_adm2.geojson"), "OUTPUT": "TEMPORARY_OUTPUT",
            "OUTPUT_ROWS": "TEMPORARY_OUTPUT"}),
        ("bands", "coordmap:gaps_overlaps", {
            "PRESENCE": result["OUTPUT"], "COVERAGE_BANDS": "a,b",
            "OUTPUT_GAPS": "TEMPORARY_OUTPUT", "OUTPUT_OVERLAPS": "TEMPORARY_OUTPUT",
            "OUTPUT_CHANGES": "TEMPORARY_OUTPUT"})):
    try:
        processing.run(algorithm, parameters)
    except Exception as error:  # QgsProcessingException: its message is what the user reads
        found["errors"][key] = str(error)
if export_language and QgsApplication.processingRegistry().algorithmById("coordmap:export_maps"):
    export = processing.run("coordmap:export_maps", {
        "PRESENCE": result["OUTPUT"], "LANGUAGE": int(export_language),
        "OUTPUT_FOLDER": str(out / "maps"), "FORMAT": 0, "SINGLE_PDF": True})
    found["export_files"] = export.get("OUTPUT_FILES")
print("PROBE-JSON " + json.dumps(found), flush=True)
os._exit(0)  # what was to be seen is printed; QGIS's teardown of a stand-in GUI can crash
'''


@pytest.fixture(scope="module")
def translations():
    """{language: {(context, source): translation}} from the .ts files (finished entries)."""
    return {language: finished_translations(language) for language in LOCALES}


@pytest.fixture(scope="module")
def probe(tmp_path_factory):
    """probe(language) -> what QGIS in that locale shows (one QGIS process per language)."""
    for language in LOCALES:
        assert (ROOT / "i18n" / f"coordmap_{language}.qm").is_file(), \
            "i18n/*.qm are missing: run `make i18n` (make test does it through `make package`)"
    results = {}

    def run(language):
        if language not in results:
            work = tmp_path_factory.mktemp(f"i18n-{language}")
            (work / "out").mkdir()
            export = str(MAP_LANGUAGES.index(language)) if language in ("fr", "es") else ""
            env = dict(os.environ, QGIS_CUSTOM_CONFIG_PATH=str(work / "profile"),
                       QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")
            completed = subprocess.run(
                [sys.executable, "-c", PROBE, LOCALES.get(language, language),
                 str(PLUGINS_DIR), str(work / "out"), export],
                capture_output=True, text=True, timeout=600, env=env, cwd=work, check=False)
            lines = [line for line in completed.stdout.splitlines()
                     if line.startswith("PROBE-JSON ")]
            assert completed.returncode == 0 and lines, (
                f"QGIS in {language} failed:\n{completed.stdout[-3000:]}\n"
                f"{completed.stderr[-3000:]}")
            results[language] = json.loads(lines[0][len("PROBE-JSON "):])
        return results[language]

    return run


def _expect(table, context, english):
    assert (context, english) in table, \
        f"{english!r} is not translated under the context {context!r} the code looks it up in"
    return table[(context, english)]


# Parameters every algorithm gets from the base class, under its translation context.
BASE_CLASS_PARAMETERS = ("PROTECT_SENSITIVE", "SENSITIVE_CLUSTERS", "SMALL_COUNT")


@pytest.mark.parametrize("language", list(LOCALES))
def test_algorithm_names_help_and_parameters_are_translated(probe, translations, language):
    english, shown, table = probe("en"), probe(language), translations[language]
    assert shown["translator"] and shown["qgis_locale"].startswith(language)
    assert not english["translator"]
    assert shown["provider"] == _expect(table, "CoordMapProvider", english["provider"])
    assert set(shown["algorithms"]) == set(english["algorithms"]) and english["algorithms"]
    for algorithm_id, source in english["algorithms"].items():
        seen, context = shown["algorithms"][algorithm_id], source["class"]
        assert seen["name"] == _expect(table, context, source["name"]), algorithm_id
        assert seen["name"] != source["name"], algorithm_id
        group_context = "CoordMapAlgorithm" if context != MODEL_CLASS else context
        assert seen["group"] == _expect(table, group_context, source["group"])
        if context == MODEL_CLASS:
            continue  # a shipped model's help and parameters come untranslated from its file
        if source["help"]:
            assert seen["help"] == _expect(table, context, source["help"]), algorithm_id
        for name, description in source["parameters"].items():
            where = "CoordMapAlgorithm" if name in BASE_CLASS_PARAMETERS else context
            assert seen["parameters"][name] == _expect(table, where, description), \
                f"{algorithm_id} {name}"
        for name, options in source["options"].items():
            # Options such as admin levels "1".."4" are not words: only those in the .ts change.
            assert seen["options"][name] == [table.get((context, option), option)
                                             for option in options], f"{algorithm_id} {name}"


@pytest.mark.parametrize("language", list(LOCALES))
def test_dock_and_actions_are_translated_and_arabic_reads_right_to_left(probe, translations,
                                                                        language):
    english, shown, table = probe("en"), probe(language), translations[language]
    if english["dock"] is None:
        pytest.fail("no QDockWidget named CoordMapDock after initGui")
    by_source = {source: text for (_, source), text in table.items()}
    assert shown["dock"]["title"] == by_source[english["dock"]["title"]]
    assert shown["dock"]["texts"] == [by_source.get(text, text)
                                      for text in english["dock"]["texts"]]
    translated = [text for text in english["dock"]["texts"] if by_source.get(text, text) != text]
    assert translated, "no dock text changed language"
    assert shown["actions"] == [_expect(table, "CoordMapPlugin", text)
                                for text in english["actions"]]
    right_to_left = 1  # Qt.LayoutDirection.RightToLeft
    assert (shown["dock"]["direction"] == right_to_left) == (language == "ar")


@pytest.mark.parametrize("language", list(LOCALES))
def test_qa_report_headings_and_cluster_names_in_the_language(probe, translations, language):
    from openpyxl import load_workbook

    shown, table = probe(language), translations[language]
    workbook = load_workbook(shown["report"], read_only=True)
    assert workbook.sheetnames == [_expect(table, "QaReport", title)
                                   for title in ("Summary", "Issues", "Columns")]
    issues = workbook.worksheets[1]
    notice, header, hxl = [list(row) for row in issues.iter_rows(min_row=1, max_row=3,
                                                                  values_only=True)]
    assert notice[0] == _expect(table, "QaReport", NOT_FOR_PUBLICATION)
    assert header[0] == _expect(table, "QaReport", "category")
    assert hxl[0] == "#meta+category"  # the HXL row is an API: never translated
    clusters = json.loads((ROOT / "resources" / "vocabulary" / "clusters.json")
                          .read_text(encoding="utf-8"))["clusters"]
    known = [(code, name) for code, name in shown["cluster_names"] if code in clusters]
    assert known
    for code, name in known:
        assert name == clusters[code]["names"][language], code


@pytest.mark.parametrize("language", ["fr", "es"])
def test_map_export_prints_the_translated_disclaimer(probe, language):
    shown = probe(language)
    if "export_files" not in shown:
        pytest.skip("coordmap:export_maps is not registered yet")
    if shutil.which("pdftotext") is None:
        pytest.fail("pdftotext is missing (make system-packages installs poppler-utils)")
    marginalia = json.loads((ROOT / "resources" / "templates" / "marginalia.json")
                            .read_text(encoding="utf-8"))["languages"]
    files = [Path(path) for path in re.split(r"[;\n,]\s*", str(shown["export_files"]))
             if path.strip().lower().endswith(".pdf")]
    assert files, shown["export_files"]
    def plain(text):  # NFKC: pdftotext keeps the font's "ﬁ" ligature as one character
        return " ".join(unicodedata.normalize("NFKC", text).split())

    text = plain(subprocess.run(["pdftotext", str(files[0]), "-"], capture_output=True,
                                text=True, check=True).stdout)
    disclaimer = plain(marginalia[language]["disclaimer"])
    assert disclaimer != plain(marginalia["en"]["disclaimer"])
    assert disclaimer in text, text[:2000]


@pytest.mark.parametrize("language", ["fr", "ar"])
def test_input_errors_and_the_join_summary_in_the_language(probe, translations, language):
    """Errors of the analysis (InputError templates) reach the user translated, values in place;
    the QA report's summary labels too."""
    from openpyxl import load_workbook

    shown, table = probe(language), translations[language]
    sheet = _expect(table, "InputError", '{file}: no sheet "{sheet}"; available sheets: {sheets}')
    assert shown["errors"]["sheet"] == sheet.format(file="xy_4w_2025.xlsx", sheet="Nope",
                                                    sheets='"4W"')
    bands = _expect(table, "InputError", "coverage bands {bands!r}: give numbers separated by "
                                         "commas, e.g. 0.25,0.5,0.75")
    assert shown["errors"]["bands"] == bands.format(bands="a,b")
    assert shown["errors"]["sheet"] != probe("en")["errors"]["sheet"]
    summary = load_workbook(shown["report"], read_only=True).worksheets[0]
    labels = [row[0] for row in summary.iter_rows(min_row=4, values_only=True)]
    for label in ("rows below the header", "rows used", "rows unmatched"):
        assert _expect(table, "JoinSummary", label) in labels
    rate = _expect(table, "JoinSummary", "match rate admin {level}").format(level=2)
    assert rate in labels
    # The rows' reasons: clause by clause
    # (the sample's admin 3 codes, finer than these admin 2 boundaries, count at admin 2)
    counted = _expect(table, "RowReason", "counted at admin {level} {pcode}").format(
        level=2, pcode="XY0101")
    finer = _expect(table, "RowReason", "admin {level} code {code} is finer than the "
                                        "boundaries").format(level=3, code="'010104'")
    assert f"{finer}; {counted}" in shown["reasons"], shown["reasons"][:3]
    assert _expect(table, "RowReason", "title row above the header") in shown["reasons"]
