"""What the Processing toolbox and command line show of CoordMap: search terms, help, help
pages that open offline, and enumerations given by name."""
import re
import zipfile
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
OURS = {"coordmap:join_4w", "coordmap:gaps_overlaps", "coordmap:export_maps",
        "coordmap:export_hapi_presence",
        "coordmap:model_4w_to_map_pack"}
# What IM officers type (issue 22): each must find every CoordMap algorithm.
TERMS = ("HXL", "P-code", "pcode", "5W", "4W", "3W", "OCHA", "humanitarian", "partner",
         "presence", "cluster")
LANGUAGES = ("fr", "es", "ar")


def _found(proxy):
    """Ids of the algorithms the toolbox tree shows under its current filter."""
    from qgis.core import QgsApplication  # noqa: F401 - (the model needs the running QGIS)
    from qgis.gui import QgsProcessingToolboxModel

    found, pending = set(), [proxy.index(row, 0) for row in range(proxy.rowCount())]
    while pending:
        index = pending.pop()
        algorithm_id = proxy.data(index, QgsProcessingToolboxModel.CustomRole.RoleAlgorithmId
                                  if hasattr(QgsProcessingToolboxModel, "CustomRole")
                                  else QgsProcessingToolboxModel.Roles.RoleAlgorithmId)
        if algorithm_id:
            found.add(algorithm_id)
        pending += [proxy.index(row, 0, index) for row in range(proxy.rowCount(index))]
    return found


@pytest.fixture
def toolbox(coordmap_plugin):
    from qgis.core import QgsApplication
    from qgis.gui import QgsProcessingToolboxProxyModel

    return QgsProcessingToolboxProxyModel(None, QgsApplication.processingRegistry())


@pytest.fixture
def translator_for(coordmap_plugin):
    """translator_for(language): CoordMap's translation installed until the test ends."""
    from qgis.PyQt.QtCore import QCoreApplication, QTranslator

    installed = []

    def install(language):
        translator = QTranslator()
        assert translator.load(str(ROOT / "i18n" / f"coordmap_{language}.qm")), \
            "i18n/*.qm missing: run `make i18n`"
        QCoreApplication.installTranslator(translator)
        installed.append(translator)

    yield install
    for translator in installed:
        QCoreApplication.removeTranslator(translator)


@pytest.mark.parametrize("term", TERMS)
def test_toolbox_search_finds_every_coordmap_algorithm(toolbox, term):
    toolbox.setFilterString(term)
    assert _found(toolbox) >= OURS, f"searching {term!r} found {_found(toolbox)}"


def test_toolbox_search_still_filters(toolbox):
    toolbox.setFilterString("gap overlap")
    found = _found(toolbox) & OURS
    assert "coordmap:gaps_overlaps" in found and "coordmap:join_4w" not in found
    toolbox.setFilterString("humanitarian zzz-no-such-word")
    assert not _found(toolbox) & OURS


def test_toolbox_search_in_the_user_language(toolbox, translator_for):
    translator_for("fr")
    toolbox.setFilterString("humanitaire partenaire")
    assert _found(toolbox) >= OURS
    toolbox.setFilterString("chevauchement")
    assert "coordmap:gaps_overlaps" in _found(toolbox)


def _algorithms(models=True):
    """CoordMap's algorithms (and the shipped models, whose help QGIS writes as HTML)."""
    from qgis.core import QgsApplication

    return [a for a in QgsApplication.processingRegistry().providerById("coordmap").algorithms()
            if models or not a.name().startswith("model_")]


def _shown_as_help(text):
    """What the algorithm dialog shows of a help text: QGIS writes each line as an HTML
    paragraph (QgsProcessingAlgorithmDialogBase::formatHelp)."""
    from qgis.PyQt.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml("".join(f"<p>{line}</p>" for line in text.split("\n")))
    return document.toPlainText()


def _words(text):
    return re.sub(r"\s+", " ", text).strip()


@pytest.mark.parametrize("language", ("en",) + LANGUAGES)
def test_help_shows_every_word_in_the_dialog(coordmap_plugin, translator_for, language):
    """A '<id>' in a help text is taken for an HTML tag and dropped ("Files are named ___")."""
    if language != "en":
        translator_for(language)
    for algorithm in _algorithms(models=False):
        for text in (algorithm.shortHelpString(), algorithm.shortDescription()):
            assert _words(_shown_as_help(text)) == _words(text), algorithm.id()


def test_search_texts_and_tags(coordmap_plugin):
    for algorithm in _algorithms():
        assert algorithm.shortDescription(), algorithm.id()
        assert {"HXL", "P-code", "5W", "OCHA", "humanitarian", "partner", "presence"} <= \
            set(algorithm.tags()), algorithm.id()


def _section(page, anchor):
    """The text of the help page's section ``anchor`` (up to the next h2)."""
    start = page.index(f'id="{anchor}"')
    end = page.find("<h2", start)
    return page[start:end if end > 0 else None]


def test_help_button_opens_the_shipped_page_at_the_algorithm(coordmap_plugin):
    from qgis.PyQt.QtCore import QUrl

    for algorithm in _algorithms():
        url = QUrl(algorithm.helpUrl())
        assert url.isLocalFile(), algorithm.helpUrl()  # offline: no web address
        page = Path(url.toLocalFile())
        assert page.is_file() and page.is_relative_to(ROOT / "resources" / "help")
        section = _section(page.read_text(encoding="utf-8"), url.fragment())
        assert url.fragment() == algorithm.name()
        if algorithm.name().startswith("model_"):
            continue
        for definition in algorithm.parameterDefinitions():  # every parameter is documented
            assert f"<code>{definition.name()}</code>" in section, definition.name()
            for name in definition.metadata().get("coordmap_names", []):
                assert f"<code>{name}</code>" in section, (algorithm.id(), name)


def test_the_zip_ships_the_help(coordmap_zip):
    with zipfile.ZipFile(coordmap_zip) as archive:
        assert "coordmap/resources/help/index.html" in archive.namelist()


# ---- enumerations by name -----------------------------------------------------------------

def test_enumerations_take_their_names_as_well_as_their_numbers(run_algorithm, tmp_path):
    from qgis.core import QgsVectorLayer

    periods = {}
    for label, value in (("number", 1), ("name", "month"), ("name in capitals", "Month")):
        result = run_algorithm("coordmap:join_4w", {
            "INPUT": str(SAMPLE / "xy_4w_2025.xlsx"), "ADMIN": str(SAMPLE / "xy_adm2.geojson"),
            "PERIOD": value, "ADMIN_LEVEL": "auto",
            "OUTPUT": str(tmp_path / f"{label}.gpkg"), "OUTPUT_ROWS": "TEMPORARY_OUTPUT",
            "OUTPUT_REPORT": ""})
        layer = QgsVectorLayer(result["OUTPUT"], label, "ogr")
        periods[label] = sorted({f["period"] for f in layer.getFeatures()})
    assert periods["number"] == periods["name"] == periods["name in capitals"]
    assert len(periods["number"]) > 1 and all(re.fullmatch(r"\d{4}-\d{2}", p)
                                              for p in periods["number"])


def test_an_unknown_name_is_refused_and_numbers_still_checked(coordmap_plugin):
    from qgis.core import QgsApplication, QgsProcessingContext

    algorithm = QgsApplication.processingRegistry().createAlgorithmById("coordmap:export_maps")
    context = QgsProcessingContext()
    base = {"PRESENCE": str(SAMPLE / "xy_adm2.geojson"), "OUTPUT_FOLDER": "/tmp/x"}
    assert algorithm.checkParameterValues({**base, "LANGUAGE": "fr", "FORMAT": "png"},
                                          context)[0]
    assert algorithm.checkParameterValues({**base, "LANGUAGE": 3}, context)[0]
    for wrong in ({"LANGUAGE": "klingon"}, {"LANGUAGE": 4}, {"FORMAT": "tiff"}):
        ok, message = algorithm.checkParameterValues({**base, **wrong}, context)
        assert not ok and next(iter(wrong)) in message, wrong
    assert algorithm.parameterAsEnum({"LANGUAGE": "AR"}, "LANGUAGE", context) == 3
    assert algorithm.parameterAsEnum({"LANGUAGE": 2}, "LANGUAGE", context) == 2


def test_the_shipped_model_takes_the_language_by_name(coordmap_plugin, tmp_path):
    from qgis.core import QgsApplication, QgsProcessing, QgsProcessingContext

    model = QgsApplication.processingRegistry().createAlgorithmById(
        "coordmap:model_4w_to_map_pack")
    base = {"table": str(SAMPLE / "xy_4w_2025.xlsx"), "boundaries": str(SAMPLE / "xy_adm2.geojson"),
            "export:OUTPUT_FOLDER": str(tmp_path)}
    base.update({definition.name(): QgsProcessing.TEMPORARY_OUTPUT
                 for definition in model.destinationParameterDefinitions()
                 if definition.name() not in base})
    context = QgsProcessingContext()
    assert model.checkParameterValues({**base, "language": "fr"}, context)[0]
    assert model.checkParameterValues({**base, "language": 1}, context)[0]
    assert not model.checkParameterValues({**base, "language": "klingon"}, context)[0]
