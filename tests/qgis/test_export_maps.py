"""coordmap:export_maps through processing.run: the Somalia real data and the sample country.

PDFs are read back with pypdf (pages) and pdftotext (texts); one page is rasterised with pdftoppm
and compared with tests/reference/map_pack_sample_wsh.png (made from the bundled sample country,
so it does not depend on ../shared). Regenerate the reference after a deliberate design change:

    COORDMAP_UPDATE_REFERENCE=1 .venv/bin/pytest tests/qgis/test_export_maps.py -k reference
"""
import datetime as dt
import os
import re
import shutil
import subprocess
import unicodedata
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from pypdf import PdfReader

from coordmap.processing.analysis.org_types import short_name
from coordmap.tests.helpers import features

pytestmark = pytest.mark.qgis

REFERENCE = Path(__file__).resolve().parents[1] / "reference" / "map_pack_sample_wsh.png"
REFERENCE_DPI = 40
REFERENCE_FONT = "Noto Sans"
# Mean absolute difference per channel (0-255) allowed against the reference: the creation date
# and font hinting change a few pixels; a missing layer, legend or text block changes far more.
TOLERANCE = 2.0
TODAY = dt.date.today().strftime("%Y%m%d")
SOMALIA = "som/som_3w_jan_apr_2025.xlsx"
# The 13 cluster labels of the Somalia file and the IASC/HDX codes they stand for (by hand,
# from resources/vocabulary/clusters.json aliases).
SOMALIA_CLUSTERS = {
    "Nutrition": "NUT", "Child Protection": "PRO-CPN", "GBV": "PRO-GBV", "WASH": "WSH",
    "Food Security": "FSC", "Education": "EDU", "Health": "HEA", "Protection": "PRO",
    "MPCA": "MPC", "CCCM": "CCM", "HLP": "PRO-HLP", "Shelter and NFIs": "SHL",
    "Explosive Hazards": "PRO-MIN",
}
DISCLAIMERS = {
    "en": "The boundaries and names shown and the designations used on this map do not imply "
          "official endorsement or acceptance by the United Nations.",
    "fr": "Les frontières et les noms indiqués et les désignations employées sur cette carte "
          "n'impliquent pas reconnaissance ou acceptation officielle par l'Organisation des "
          "Nations Unies.",
    "es": "Los límites y los nombres que figuran en este mapa, así como las designaciones "
          "empleadas, no implican su apoyo o aceptación oficial por las Naciones Unidas.",
}
LEGEND_FIXED = ["Partners per unit", "No data (no 4W report)", "0 (no partner reported)"]
CLASS_LABEL = re.compile(r"(\d+)(?:-(\d+)|(\+))?")
MAX_PAGE_BYTES = 2_000_000
PROTECTED = {"PRO-GBV", "PRO-CPN"}
PROTECTED_LEGEND_CLASSES = ["Partners per unit", "No data (no 4W report)",
                            "0 (no partner reported)", "<5", "5+"]
# <id>_<short-name>_<paper>_<yyyymmdd>: groups cluster, period, paper, date, extension
FILE_NAME = re.compile(r"COORDMAP-([A-Z0-9-]+?)-(ALL|\d{4}-\d{2}(?:-\d{4}-\d{2})?)"
                       r"_3W-[A-Za-z0-9-]+_(A4L|A4P|A3L)_(\d{8})\.(pdf|png|svg)")


def pdf_text(path, page=None):
    """pdftotext output with ligatures undone and white space collapsed (lines wrap anywhere)."""
    pages = [] if page is None else ["-f", str(page), "-l", str(page)]
    out = subprocess.run(["pdftotext", *pages, str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    return " ".join(unicodedata.normalize("NFKC", out).split())


def pdf_lines(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return [" ".join(part.split()) for line in out.splitlines()
            for part in re.split(r"\s{3,}", line) if part.strip()]


def legend_classes(lines):
    """The legend's classes of partners per unit as (low, high or None), read from pdftotext:
    the labels after "0 (no partner reported)" (map labels in between are names)."""
    start = lines.index("0 (no partner reported)") + 1
    classes = []
    for part in lines[start:]:
        if part.startswith(("Need reported", "Overlapping", "Partner and activity")) or \
                "partners," in part or "partner," in part:
            break
        found = CLASS_LABEL.fullmatch(part)
        if found:
            low = int(found.group(1))
            classes.append((low, None if found.group(3) else int(found.group(2) or low)))
    return classes


def class_shares(classes, counts):
    """Share of ``counts`` (positive) in each class; every count in exactly one."""
    shares = []
    for low, high in classes:
        shares.append(sum(low <= c and (high is None or c <= high) for c in counts) / len(counts))
    assert abs(sum(shares) - 1) < 1e-9, (classes, sorted(counts))
    return shares


def without_marks(text):
    return "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))


def run_export(presence, folder, **extra):
    from qgis import processing

    return processing.run("coordmap:export_maps",
                          {"PRESENCE": str(presence), "OUTPUT_FOLDER": str(folder), **extra})


def written(result):
    return [Path(p) for p in result["OUTPUT_FILES"].split(";") if p]


@pytest.fixture(scope="module")
def somalia(coordmap_plugin, real_data, tmp_path_factory):
    """Somalia presence, whole table and per month (join_4w on the real 3W file), joined
    without data protection: the export must protect GBV and child protection by itself."""
    from qgis import processing

    folder = tmp_path_factory.mktemp("somalia")
    outputs = {}
    for key, period in (("all", 0), ("month", 1)):
        outputs[key] = processing.run("coordmap:join_4w", {
            "INPUT": str(real_data / SOMALIA),
            "ADMIN": str(real_data / "som/som_adm2_2023.geojson"),
            "PERIOD": period, "DEFAULT_YEAR": 2025, "PROTECT_SENSITIVE": False,
            "OUTPUT": str(folder / f"som_presence_{key}.gpkg"),
            "OUTPUT_ROWS": str(folder / f"som_rows_{key}.gpkg"),
        })["OUTPUT"]
        outputs[f"{key}_rows"] = folder / f"som_rows_{key}.gpkg"
    return outputs


@pytest.fixture(scope="module")
def somalia_table(real_data):
    return pd.read_excel(real_data / SOMALIA, engine="calamine")


@pytest.fixture(scope="module")
def sample(coordmap_plugin, sample_dir, tmp_path_factory):
    """Sample-country presence by month, and gaps/overlap units when that algorithm exists."""
    from qgis import processing
    from qgis.core import QgsApplication

    folder = tmp_path_factory.mktemp("sample")
    join = processing.run("coordmap:join_4w", {
        "INPUT": str(sample_dir / "xy_4w_2025.xlsx"), "ADMIN": str(sample_dir / "xy_adm2.geojson"),
        "PERIOD": 1, "OUTPUT": str(folder / "xy_presence.gpkg"),
        "OUTPUT_ROWS": str(folder / "xy_rows.gpkg")})
    result = {"presence": join["OUTPUT"]}
    if QgsApplication.processingRegistry().algorithmById("coordmap:gaps_overlaps"):
        gaps = processing.run("coordmap:gaps_overlaps", {
            "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
            "NEEDS": str(sample_dir / "xy_needs.csv"),
            "OUTPUT_GAPS": str(folder / "xy_gaps.gpkg"),
            "OUTPUT_OVERLAPS": str(folder / "xy_overlaps.gpkg"),
            "OUTPUT_OVERLAP_UNITS": str(folder / "xy_overlap_units.gpkg"),
            "OUTPUT_CHANGES": str(folder / "xy_changes.gpkg")})
        result.update(gaps=gaps["OUTPUT_GAPS"], overlaps=gaps["OUTPUT_OVERLAP_UNITS"])
    return result


# Somalia: every cluster ------------------------------------------------------------------------

def test_somalia_every_cluster_to_pdf(somalia, somalia_table, output_dir):
    result = run_export(somalia["all"], output_dir)
    files = written(result)
    names = {FILE_NAME.fullmatch(path.name) for path in files}
    assert None not in names, [p.name for p in files]
    assert sorted(match.group(1) for match in names) == sorted(SOMALIA_CLUSTERS.values())
    assert {match.group(3) for match in names} == {"A4L"}
    assert {match.group(4) for match in names} == {TODAY}
    assert sorted(p.name for p in output_dir.glob("*.pdf")) == sorted(p.name for p in files)
    region = somalia_table["RegionPcode"].astype(str).str.strip()
    split = region.str.match(r"^SO\d\d$") & \
        (somalia_table["DistrictPcode"].astype(str).str.strip().str[:4] != region)
    placed = somalia_table[~split]  # (13 rows name a district outside their region: unmatched)
    rows_per_code = placed["Cluster"].map(SOMALIA_CLUSTERS).value_counts()
    partner_counts = {}
    for feature in features(somalia["all"]):
        if feature["unit_specified"] and feature["partners"]:
            partner_counts.setdefault(feature["cluster"], []).append(feature["partners"])
    for path in files:
        code = FILE_NAME.fullmatch(path.name).group(1)
        assert len(PdfReader(path).pages) == 1
        text = pdf_text(path)
        name = cluster_name_en(code)
        # the country from the P-codes' ISO code, in the map's language
        assert f"Somalia – {name}: operational presence" in text
        # Month names without a year + DEFAULT_YEAR 2025: the whole table spans Jan-Apr 2025.
        assert f"{name} | Admin level 2 | January - April 2025" in text
        assert "As of 30 April 2025" in text
        assert DISCLAIMERS["en"] in text
        assert "Hatched grey areas: no data" in text
        # publishable sources: the partners' reports, never the join's own files
        assert "Sources: partners' 4W reports" in text
        assert ".gpkg" not in text
        assert path.stat().st_size <= MAX_PAGE_BYTES, (path.name, path.stat().st_size)
        assert f"Map ID: COORDMAP-{code}-2025-01-2025-04" in text
        lines = pdf_lines(path)
        assert all(label in lines for label in LEGEND_FIXED), (code, lines)
        classes = legend_classes(lines)
        if code in PROTECTED:  # data protection: no class, caption or number tells < 5
            assert classes == [(5, None)] and "<5" in lines, (code, lines)
            assert "Partner and activity numbers withheld (protected data)" in text
            assert "activities reported" not in text
            continue
        assert "<5" not in lines
        # classes fitted to the data: none holds more than half the units with partners
        counts = partner_counts[code]
        assert classes[0][0] == 1 and classes[-1][1] is None
        assert min(len(set(counts)), 2) <= len(classes) <= 5, (code, classes)
        shares = class_shares(classes, counts)
        largest = classes[shares.index(max(shares))]
        # (only a single count held by most units fills a class alone: 1 partner in most)
        assert max(shares) <= 0.5 or largest[0] == largest[1] or len(set(counts)) == 1, \
            (code, classes, sorted(counts))
        # Activities are the 4W rows of the cluster placed: every Somalia row carries a district
        # or region P-code, so all of them but the 13 are on the map or in the admin-1 bucket.
        assert f"{rows_per_code[code]} activities reported" in text


def test_somalia_geography_side_panel_and_comparable_classes(somalia, real_data, output_dir):
    boundaries = real_data / "som/som_adm2_2023.geojson"
    files = written(run_export(somalia["all"], output_dir, CLUSTERS="WSH,HEA",
                               ADMIN=str(boundaries), ROWS=str(somalia["all_rows"]),
                               COMPARABLE=True))
    regions = {feature["adm1_name"] for feature in features(boundaries)}
    legends = []
    for path in files:
        text, lines = pdf_text(path), pdf_lines(path)
        # admin-1 outlines named on the map, and charted in the side panel
        assert sum(region in lines for region in regions) >= len(regions) // 2, lines
        assert "Partners per admin 1" in text
        # the table's "Organization Type" column: partners by type
        assert "Partners by organisation type" in text
        assert re.search(r"International NGO \d+", text) and re.search(r"National NGO \d+", text)
        # the boundaries are a source, by file name
        assert "Sources: partners' 4W reports, som_adm2_2023.geojson" in text
        assert path.stat().st_size <= MAX_PAGE_BYTES
        legends.append(legend_classes(lines))
    # comparable maps: the same classes on both clusters' maps
    assert legends[0] == legends[1] and len(legends[0]) >= 2


def test_somalia_range_of_months_is_one_map(somalia, output_dir):
    files = written(run_export(somalia["month"], output_dir, CLUSTERS="WSH",
                               PERIODS="2025-02,2025-03", COMBINE_PERIODS=True))
    assert len(files) == 1
    text = pdf_text(files[0])
    assert "February - March 2025" in text and "As of 31 March 2025" in text
    wsh = {name.strip() for feature in features(somalia["month"])
           if feature["cluster"] == "WSH" and feature["period"] in ("2025-02", "2025-03")
           for name in (feature["partner_list"] or "").split(";") if name.strip()}
    assert re.search(rf"\b{len(wsh)} partners,", text), (len(wsh), text[:600])


def test_arabic_page_is_mirrored(somalia, output_dir):
    from qgis.core import QgsLayoutItemMap, QgsProject
    from qgis.PyQt.QtCore import Qt

    project = QgsProject.instance()
    before = {layout.name() for layout in project.layoutManager().layouts()}
    files = written(run_export(somalia["all"], output_dir, CLUSTERS="EDU", LANGUAGE=3,
                               ADD_LAYOUTS=True))
    (layout,) = [layout for layout in project.layoutManager().layouts()
                 if layout.name() not in before]
    try:
        # the country, in Arabic (pdftotext moves the shadda: compared without marks)
        assert "الصومال" in without_marks(pdf_text(files[0]))
        assert layout.customProperty("coordmap_mirrored")
        main_map, legend = layout.itemById("main_map"), layout.itemById("legend")
        assert isinstance(main_map, QgsLayoutItemMap)
        # the side panel left of the map, the legend's swatches right of their labels
        assert legend.pos().x() < main_map.pos().x()
        assert legend.symbolAlignment() == Qt.AlignmentFlag.AlignRight
        # the scale bar in the map's bottom right corner, within the map
        scalebar, right = layout.itemById("scalebar"), main_map.pos().x() + main_map.rect().width()
        assert right - 20 < scalebar.pos().x() + scalebar.rect().width() <= right
    finally:
        for layer in layout.itemById("main_map").layers():
            project.removeMapLayer(layer.id())
        project.layoutManager().removeLayout(layout)


def cluster_name_en(code):
    from coordmap.processing.analysis.clusters import ClusterVocabulary

    return ClusterVocabulary.load().name(code, "en")


def test_somalia_periods_and_single_pdf(somalia, output_dir):
    months = run_export(somalia["month"], output_dir / "months", CLUSTERS="WSH")
    # The file has January to April (Month column, year given as DEFAULT_YEAR).
    assert sorted(FILE_NAME.fullmatch(p.name).group(2) for p in written(months)) == \
        ["2025-01", "2025-02", "2025-03", "2025-04"]
    february = written(run_export(somalia["month"], output_dir / "february", CLUSTERS="wsh",
                                  PERIODS="2025-02"))
    assert len(february) == 1
    text = pdf_text(february[0])
    assert "Admin level 2 | February 2025" in text and "As of 28 February 2025" in text
    single = written(run_export(somalia["month"], output_dir / "single", CLUSTERS="WSH,EDU",
                                SINGLE_PDF=True, TEMPLATE=2))
    assert [p.name for p in single] == [f"COORDMAP-MAPPACK_3W-map-pack_A3L_{TODAY}.pdf"]
    reader = PdfReader(single[0])
    assert len(reader.pages) == 8  # 2 clusters x 4 months
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (420, 297)
    assert "Education: operational presence" in pdf_text(single[0], page=1)
    assert "Water, Sanitation and Hygiene: operational presence" in pdf_text(single[0], page=8)


@pytest.mark.parametrize("language, index, title", [
    ("fr", 1, "Eau, hygiène et assainissement : présence opérationnelle"),
    ("es", 2, "Agua, saneamiento e higiene: presencia operacional"),
])
def test_somalia_translated(somalia, output_dir, language, index, title):
    files = written(run_export(somalia["all"], output_dir, CLUSTERS="WSH", LANGUAGE=index,
                               TEMPLATE=1, TITLE="", PRODUCER="OCHA IM"))
    text = pdf_text(files[0])
    assert DISCLAIMERS[language] in text
    assert title in text
    assert "A4P" in files[0].name
    reader = PdfReader(files[0])
    width, height = (float(v) * 25.4 / 72 for v in reader.pages[0].mediabox[2:])
    assert (round(width), round(height)) == (210, 297)


def test_overrides_and_partner_table(somalia, output_dir):
    files = written(run_export(somalia["all"], output_dir, CLUSTERS="WSH,PRO-GBV",
                               TITLE="Who does what where", SOURCE="OCHA Somalia 3W, COD-AB",
                               PRODUCER="IM unit (im@example.org)", PARTNER_TABLE=True))
    by_code = {FILE_NAME.fullmatch(p.name).group(1): p for p in files}
    for path in files:
        text = pdf_text(path)
        assert "Who does what where" in text
        assert "Sources: OCHA Somalia 3W, COD-AB" in text
        assert "Produced by: IM unit (im@example.org)" in text
        assert len(PdfReader(path).pages) >= 2
    names = {code: set() for code in by_code}
    for feature in features(somalia["all"]):
        if feature["cluster"] in names and feature["unit_specified"]:
            names[feature["cluster"]].update(n.strip() for n in feature["partner_list"].split(";"))
    wsh_table = pdf_text(by_code["WSH"]).split("Partners per unit: ")[1]
    # acronyms where the name gives one: "Action Against Hunger (ACF)" prints "ACF"
    short = {short_name(name) for name in names["WSH"]}
    assert sum(name in wsh_table for name in short) == len(short)
    assert "Action Against Hunger (ACF)" not in wsh_table
    gbv_table = pdf_text(by_code["PRO-GBV"]).split("Partners per unit: ")[1]
    # GBV is a sensitive cluster: names never, counts only from 5 (else "<5").
    assert "withheld (protected data)" in gbv_table
    assert re.search(r"\b[1-4]\b", re.sub(r"[A-Z]{2}\d+", "", gbv_table)) is None
    only_gbv = names["PRO-GBV"] - names["WSH"]
    assert only_gbv and not any(name in gbv_table for name in only_gbv)


def test_png_and_svg(somalia, output_dir):
    from qgis.PyQt.QtGui import QImage

    png = written(run_export(somalia["all"], output_dir, CLUSTERS="EDU", FORMAT=1))
    assert [p.suffix for p in png] == [".png"]
    image = QImage(str(png[0]))
    # A4 landscape at 150 dpi: 297 x 210 mm / 25.4 * 150 = 1754 x 1240 (QGIS may round down).
    assert abs(image.width() - 1754) <= 1 and abs(image.height() - 1240) <= 1
    svg = written(run_export(somalia["all"], output_dir, CLUSTERS="EDU", FORMAT=2))
    assert [p.suffix for p in svg] == [".svg"]
    content = svg[0].read_text(encoding="utf-8")
    assert content.lstrip().startswith("<?xml") and "<svg" in content
    assert "Education: operational presence" in content


def test_add_layouts_makes_editable_layouts(somalia, output_dir):
    from qgis.core import QgsLayoutItemLabel, QgsLayoutItemLegend, QgsLayoutItemMap, QgsProject

    project = QgsProject.instance()
    before = {layout.name() for layout in project.layoutManager().layouts()}
    files = written(run_export(somalia["all"], output_dir, CLUSTERS="EDU,HEA", ADD_LAYOUTS=True))
    added = [layout for layout in project.layoutManager().layouts()
             if layout.name() not in before]
    try:
        assert sorted(layout.name() for layout in added) == sorted(p.stem for p in files)
        for layout in added:
            title = layout.itemById("title")
            assert isinstance(title, QgsLayoutItemLabel)
            assert title.text().endswith(": operational presence")
            main = layout.itemById("main_map")
            assert isinstance(main, QgsLayoutItemMap)
            assert main.layers() and all(project.mapLayer(layer.id()) is not None
                                         for layer in main.layers())
            assert isinstance(layout.itemById("legend"), QgsLayoutItemLegend)
    finally:
        for layout in added:
            for layer in layout.itemById("main_map").layers():
                project.removeMapLayer(layer.id())
            project.layoutManager().removeLayout(layout)


def test_not_a_presence_layer_is_refused_by_name(coordmap_plugin, sample_dir, output_dir):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=r"xy_adm2: no field pcode, cluster, partners"):
        run_export(sample_dir / "xy_adm2.geojson", output_dir)
    assert not any(output_dir.iterdir())


def test_unknown_cluster_is_refused(somalia, output_dir):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="no feature for clusters XYZ"):
        run_export(somalia["all"], output_dir, CLUSTERS="XYZ")


def test_cancel_raises_and_writes_nothing(somalia, output_dir):
    from qgis.core import QgsProcessingException, QgsProcessingFeedback

    class CancelAfterFirstMap(QgsProcessingFeedback):
        def setProgress(self, progress):  # noqa: N802 (QGIS API name)
            super().setProgress(progress)
            if progress > 0:
                self.cancel()

    from qgis import processing

    with pytest.raises(QgsProcessingException, match="Cancelled"):
        processing.run("coordmap:export_maps", {"PRESENCE": str(somalia["all"]),
                                                "OUTPUT_FOLDER": str(output_dir)},
                       feedback=CancelAfterFirstMap())
    assert list(output_dir.iterdir()) == []


# Sample country: gaps/overlaps and the reference image ------------------------------------------

def test_sample_with_gaps_and_overlaps(sample, output_dir):
    if "gaps" not in sample:
        pytest.skip("coordmap:gaps_overlaps is not registered in this build")
    files = written(run_export(sample["presence"], output_dir, GAPS=sample["gaps"],
                               OVERLAPS=sample["overlaps"], CLUSTERS="WSH", PERIODS="2025-03"))
    lines = pdf_lines(files[0])
    assert "Need reported, no partner" in lines
    assert "Overlapping activities (2+ partners)" in lines
    # the sources never name the join's own files
    assert "Sources: partners' 4W reports" in pdf_text(files[0])
    assert ".gpkg" not in pdf_text(files[0])


def test_pdf_maps_are_geospatial_pdfs_of_the_main_map(sample, output_dir):
    """Coordinates of the main map, as QGIS's own PDF export gives them (read back by GDAL)."""
    from osgeo import gdal
    from qgis.core import QgsVectorLayer

    files = written(run_export(sample["presence"], output_dir, CLUSTERS="WSH",
                               PERIODS="2025-03"))
    gdal.SetConfigOption("GDAL_PDF_DPI", "300")
    try:
        dataset = gdal.Open(str(files[0]))
        west, size_x, _, north, _, size_y = dataset.GetGeoTransform()
        width, height = dataset.RasterXSize, dataset.RasterYSize
        assert "4326" in dataset.GetProjection()
    finally:
        gdal.SetConfigOption("GDAL_PDF_DPI", None)
    east, south = west + width * size_x, north + height * size_y
    extent = QgsVectorLayer(sample["presence"], "presence", "ogr").extent()
    # the page spans more than the map: the units lie within its coordinates
    assert west < extent.xMinimum() < extent.xMaximum() < east
    assert south < extent.yMinimum() < extent.yMaximum() < north


def test_reference_image(sample, output_dir, monkeypatch):
    from qgis.PyQt.QtGui import QFontDatabase

    from coordmap.processing.algorithms import layouts

    # The export takes the first installed family of its list: the reference is drawn in one
    # family, whatever else a machine has (make setup installs it).
    assert REFERENCE_FONT in QFontDatabase().families(), \
        f"{REFERENCE_FONT} is not installed (Debian: fonts-noto-core, make setup installs it)"
    monkeypatch.setattr(layouts, "LATIN_FONTS", (REFERENCE_FONT,))
    files = written(run_export(sample["presence"], output_dir, CLUSTERS="WSH",
                               PERIODS="2025-03"))
    prefix = output_dir / "page"
    subprocess.run(["pdftoppm", "-r", str(REFERENCE_DPI), "-png", "-singlefile",
                    str(files[0]), str(prefix)], check=True, capture_output=True)
    page = Path(f"{prefix}.png")
    if os.environ.get("COORDMAP_UPDATE_REFERENCE"):
        REFERENCE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(page, REFERENCE)
    got, expected = pixels(page), pixels(REFERENCE)
    assert got.shape == expected.shape
    difference = np.abs(got.astype(int) - expected.astype(int)).mean()
    assert difference < TOLERANCE, f"mean pixel difference {difference:.2f} (see {page})"
    # and the comparison can fail: a blank page is far from the reference
    assert np.abs(np.full_like(got, 255).astype(int) - expected.astype(int)).mean() > 5 * TOLERANCE


def pixels(path):
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path)).convertToFormat(QImage.Format.Format_RGB888)
    buffer = image.constBits()
    buffer.setsize(image.sizeInBytes())
    rows = np.frombuffer(buffer, np.uint8).reshape(image.height(), image.bytesPerLine())
    return rows[:, :image.width() * 3].copy()


# Toolbox, models and the command line -------------------------------------------------------------

CONTRACT_PARAMETERS = ("PRESENCE", "GAPS", "OVERLAPS", "CLUSTERS", "PERIODS", "TEMPLATE",
                       "LANGUAGE", "TITLE", "SOURCE", "PRODUCER", "OUTPUT_FOLDER", "FORMAT",
                       "SINGLE_PDF", "ADD_LAYOUTS", "PARTNER_TABLE")


def test_parameters_follow_the_contract_and_run_on_the_main_thread(coordmap_plugin):
    from qgis.core import QgsApplication, QgsProcessingAlgorithm

    algorithm = QgsApplication.processingRegistry().algorithmById("coordmap:export_maps")
    names = [definition.name() for definition in algorithm.parameterDefinitions()]
    assert set(CONTRACT_PARAMETERS) <= set(names)
    optional = {definition.name() for definition in algorithm.parameterDefinitions()
                if definition.flags() & definition.FlagOptional}
    assert {"PRESENCE", "OUTPUT_FOLDER"}.isdisjoint(optional)
    assert {"GAPS", "OVERLAPS", "CLUSTERS", "PERIODS", "TITLE", "SOURCE", "PRODUCER"} <= optional
    assert algorithm.parameterDefinition("LANGUAGE").options()[:1] == ["English"]
    assert len(algorithm.parameterDefinition("LANGUAGE").options()) == 4
    assert {output.name() for output in algorithm.outputDefinitions()} == \
        {"OUTPUT_FOLDER", "OUTPUT_FILES"}
    # layouts are rendered and added to the project on the main thread
    assert algorithm.flags() & QgsProcessingAlgorithm.Flag.FlagNoThreading


def test_qgis_process_exports_from_the_installed_zip(sample, qgis_profile_tool, coordmap_zip,
                                                     tmp_path_factory, output_dir):
    import json

    binary = "/usr/bin/qgis_process.bin"
    if not os.access(binary, os.X_OK):
        pytest.skip("qgis_process.bin is not installed")
    base = tmp_path_factory.mktemp("qgis-process-export")
    qgis_profile_tool.make_profile(base, coordmap_zip)
    env = qgis_profile_tool.qgis_env(base, QT_QPA_PLATFORM="offscreen")
    result = subprocess.run(
        [binary, "--json", "run", "coordmap:export_maps", "--",
         f"PRESENCE={sample['presence']}", "CLUSTERS=WSH,EDU", "PERIODS=2025-03",
         "LANGUAGE=2", f"OUTPUT_FOLDER={output_dir}"],
        env=env, cwd=base, capture_output=True, text=True, timeout=300, check=False)
    assert result.returncode == 0, result.stderr[-3000:]
    files = [Path(p) for p in json.loads(result.stdout)["results"]["OUTPUT_FILES"].split(";")]
    assert sorted(FILE_NAME.fullmatch(p.name).group(1) for p in files) == ["EDU", "WSH"]
    assert all(DISCLAIMERS["es"] in pdf_text(path) for path in files)


def test_fonts_fall_back_to_an_installed_family(coordmap_plugin):
    from qgis.PyQt.QtGui import QFontDatabase

    from coordmap.processing.algorithms import layouts

    installed = set(QFontDatabase().families())
    for language in ("en", "ar"):
        assert layouts.font_family(language) in installed
    # Arabic needs a family with Arabic glyphs: one of the Arabic list when any is installed
    if installed & set(layouts.ARABIC_FONTS):
        assert layouts.font_family("ar") in layouts.ARABIC_FONTS


def test_user_cluster_styles_override_the_defaults(coordmap_plugin, tmp_path):
    from coordmap.processing.algorithms import map_layers

    icon = tmp_path / "mine.svg"
    icon.write_text('<svg xmlns="http://www.w3.org/2000/svg" width="8" height="8"/>')
    custom = tmp_path / "styles.json"
    custom.write_text('{"clusters": {"EDU": {"colour": "#123456", "icon": "mine.svg"}}}')
    styles = map_layers.cluster_styles(custom)
    assert styles["EDU"][0].name() == "#123456" and styles["EDU"][1] == str(icon)
    assert styles["HEA"] == map_layers.cluster_styles()["HEA"]  # the others keep the defaults
    assert all(Path(path).is_file() for _, path in map_layers.cluster_styles().values())


def test_dialogs_open_on_the_parameters_a_first_run_needs(coordmap_plugin):
    from qgis.core import QgsApplication, QgsProcessingParameterDefinition

    registry = QgsApplication.processingRegistry()
    advanced_flag = QgsProcessingParameterDefinition.Flag.FlagAdvanced

    def shown(algorithm_id):
        return [p.name() for p in registry.algorithmById(algorithm_id).parameterDefinitions()
                if not p.flags() & advanced_flag and not p.isDestination()]

    join = shown("coordmap:join_4w")
    assert {"INPUT", "ADMIN", "ADMIN_LEVEL", "PERIOD", "DEFAULT_YEAR"} <= set(join)
    assert not {"MAPPING", "CROSSWALK", "SHEET", "SMALL_COUNT"} & set(join)
    assert len(join) <= 8, join
    export = shown("coordmap:export_maps")
    assert "COMPARABLE" not in export and "ADMIN" in export
    gaps = registry.algorithmById("coordmap:gaps_overlaps")
    if gaps is not None:  # "0.00", not "0.000000"
        ten_k = gaps.parameterDefinition("PARTNERS_PER_10K")
        assert ten_k.metadata()["widget_wrapper"]["decimals"] == 2
