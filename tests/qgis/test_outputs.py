"""Outputs written in bulk (geopackage.py) and one feature at a time (the sink): through
processing.run, every destination holds the same lines, values, types and polygons both ways;
a GeoPackage unit layer stores each polygon once and is opened, filtered and loaded as a
table is."""
import sqlite3
from pathlib import Path

import pytest

from coordmap.processing.algorithms import geopackage
from coordmap.tests.helpers import data_rows, output_layer

pytestmark = pytest.mark.qgis

DESTINATIONS = ("gpkg", "memory", "shp", "csv", "xlsx")


def destination(folder, name, kind):
    return "memory:" if kind == "memory" else str(folder / f"{name}.{kind}")


def layer_of(output):
    """A vector output as a layer: a memory layer as processing.run hands it back, else the
    written file opened fresh (a table written as a shapefile is its .dbf alone)."""
    if not isinstance(output, str):
        return output
    path = Path(output.split("|")[0])
    if path.suffix == ".shp" and not path.exists():
        output = str(path.with_suffix(".dbf"))
    return output_layer(output)


def lines(output):
    """(field names and types, [(attributes, geometry as WKT)]) of a vector output."""
    from coordmap.processing.algorithms.qgis_io import plain_value

    layer = layer_of(output)
    fields = [(field.name(), field.type()) for field in layer.fields() if field.name() != "fid"]
    names = [name for name, _ in fields]
    content = [([plain_value(feature[name]) for name in names],
                 feature.geometry().asWkt() if feature.hasGeometry() else None)
                for feature in layer.getFeatures()]
    return fields, content


def run_both_ways(run, folder, monkeypatch):
    """``run(folder)`` with the bulk path on, then off (every output by the sink)."""
    bulk = run(folder / "bulk")
    monkeypatch.setattr(geopackage, "ENABLED", False)
    plain = run(folder / "plain")
    monkeypatch.setattr(geopackage, "ENABLED", True)
    return bulk, plain


@pytest.fixture
def sample_join(run_algorithm, sample_dir):
    def run(folder, kind="gpkg", **extra):
        folder.mkdir(parents=True, exist_ok=True)
        return run_algorithm("coordmap:join_4w", {
            "INPUT": str(sample_dir / "xy_4w_2025.xlsx"),
            "ADMIN": str(sample_dir / "xy_adm2.geojson"),
            "OUTPUT": destination(folder, "presence", kind),
            "OUTPUT_ROWS": destination(folder, "rows", kind),
            "OUTPUT_REPORT": str(folder / "qa.xlsx"), **extra})
    return run


@pytest.mark.parametrize("kind", DESTINATIONS)
def test_join_outputs_are_the_same_written_in_bulk_or_by_the_sink(sample_join, tmp_path,
                                                                  monkeypatch, kind):
    bulk, plain = run_both_ways(lambda folder: sample_join(folder, kind), tmp_path, monkeypatch)
    for key in ("OUTPUT", "OUTPUT_ROWS"):
        bulk_fields, bulk_lines = lines(bulk[key])
        plain_fields, plain_lines = lines(plain[key])
        assert bulk_fields == plain_fields, key
        assert len(bulk_lines) > 100 and bulk_lines == plain_lines, key
    rows = bulk["OUTPUT_ROWS"]
    if kind == "gpkg":
        data_rows(rows)  # the notice line first
        spatial = [geometry for _, geometry in lines(bulk["OUTPUT"])[1]]
        assert all(geometry and geometry.startswith("MultiPolygon") for geometry in spatial)


def test_missing_values_bound_as_nan_are_stored_as_null(sample_join, tmp_path):
    """The bulk path binds a missing value as NaN (cheaper than None for Python's sqlite3):
    SQLite must store it as NULL, in text and number columns alike."""
    path = sample_join(tmp_path)["OUTPUT_ROWS"].split("|")[0]
    with sqlite3.connect(path) as connection:
        table, = connection.execute("SELECT table_name FROM gpkg_contents").fetchone()
        columns = [row[1] for row in connection.execute(f'PRAGMA table_info("{table}")')]
        kinds = {column: {kind for kind, in connection.execute(
            f'SELECT DISTINCT typeof("{column}") FROM "{table}"')} for column in columns}
        blank, = connection.execute(f'SELECT count(*) FROM "{table}" WHERE suggestion IS NULL '
                                    "AND reached IS NULL").fetchone()
    assert blank > 0 and "null" in kinds["suggestion"] and "null" in kinds["reached"]
    assert {column for column, found in kinds.items() if "real" in found} <= {
        "match_score", "targeted", "reached"}


def test_a_geopackage_unit_layer_stores_each_polygon_once(sample_join, tmp_path, monkeypatch):
    bulk, plain = run_both_ways(sample_join, tmp_path, monkeypatch)
    path = Path(bulk["OUTPUT"].split("|")[0])
    assert geopackage.units_table(str(path)) == "presence_units"
    with sqlite3.connect(path) as connection:
        units, = connection.execute("SELECT count(*) FROM presence_units").fetchone()
        distinct, lines_ = connection.execute(
            "SELECT count(DISTINCT pcode), count(*) FROM presence_attributes").fetchone()
    assert units == distinct < lines_  # several lines (clusters, periods) per unit
    assert path.stat().st_size < Path(plain["OUTPUT"].split("|")[0]).stat().st_size
    assert geopackage.units_table(bulk["OUTPUT_ROWS"].split("|")[0]) is None  # a plain table


def test_a_unit_layer_filters_like_a_table(sample_join, tmp_path, monkeypatch):
    """Subset strings (the panel, the map pack) and rectangles (the map canvas) select the
    same lines on the unit layer as on the table the sink writes."""
    from qgis.core import QgsFeatureRequest, QgsFeatureSource, QgsRectangle

    bulk, plain = run_both_ways(sample_join, tmp_path, monkeypatch)
    unit_layer, table = output_layer(bulk["OUTPUT"]), output_layer(plain["OUTPUT"])
    assert unit_layer.hasSpatialIndex() == QgsFeatureSource.SpatialIndexPresence.SpatialIndexPresent
    assert unit_layer.extent() == table.extent()
    extent = table.extent()
    corner = QgsRectangle(extent.xMinimum(), extent.yMinimum(), extent.center().x(),
                          extent.center().y())
    selected = 0
    for cluster in sorted(table.uniqueValues(table.fields().indexOf("cluster"))):
        subset = f"\"cluster\" = '{cluster}' AND \"partners\" >= 1"
        found = []
        for layer in (unit_layer, table):
            layer.setSubsetString(subset)
            request = QgsFeatureRequest().setFilterRect(corner)
            found.append((layer.featureCount(),
                          sorted(f["pcode"] + f["period"] for f in layer.getFeatures(request))))
        assert found[0] == found[1], cluster
        selected += len(found[0][1])
    assert selected > 0


def test_a_unit_layer_loads_as_processing_loads_an_output(sample_join, tmp_path):
    """The call Processing makes to load an output after running opens the unit layer."""
    from qgis.core import QgsProcessingContext, QgsProcessingUtils, QgsWkbTypes

    result = sample_join(tmp_path)
    context = QgsProcessingContext()
    presence, rows = (QgsProcessingUtils.mapLayerFromString(result[key], context)
                      for key in ("OUTPUT", "OUTPUT_ROWS"))
    assert presence.isValid()
    assert presence.geometryType() == QgsWkbTypes.GeometryType.PolygonGeometry
    assert presence.featureCount() > 100 and "cluster" in presence.fields().names()
    assert rows.isValid() and rows.featureCount() > presence.featureCount()


@pytest.mark.parametrize("kind", ("gpkg", "csv"))
def test_gaps_outputs_are_the_same_written_in_bulk_or_by_the_sink(
        run_algorithm, sample_join, sample_dir, tmp_path, monkeypatch, kind):
    join = sample_join(tmp_path / "join")

    def gaps(folder):
        folder.mkdir()
        return run_algorithm("coordmap:gaps_overlaps", {
            "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
            "NEEDS": str(sample_dir / "xy_needs.csv"),
            "ADMIN": str(sample_dir / "xy_adm2.geojson"),
            **{key: destination(folder, key.lower(), kind) for key in (
                "OUTPUT_GAPS", "OUTPUT_OVERLAPS", "OUTPUT_OVERLAP_UNITS", "OUTPUT_CHANGES")}})

    bulk, plain = run_both_ways(gaps, tmp_path, monkeypatch)
    for key in ("OUTPUT_GAPS", "OUTPUT_OVERLAPS", "OUTPUT_OVERLAP_UNITS", "OUTPUT_CHANGES"):
        assert lines(bulk[key]) == lines(plain[key]), key
    assert lines(bulk["OUTPUT_GAPS"])[1]
    if kind == "gpkg":
        assert geopackage.units_table(bulk["OUTPUT_GAPS"].split("|")[0]) == "output_gaps_units"


def test_a_join_written_twice_to_the_same_file_is_replaced(sample_join, tmp_path):
    """An existing unit layer file is overwritten as a table file is (the staged move)."""
    first = sample_join(tmp_path / "out")
    again = sample_join(tmp_path / "out", PERIOD=1)
    assert first["OUTPUT"] == again["OUTPUT"]
    assert output_layer(again["OUTPUT"]).featureCount() > 0
    with sqlite3.connect(again["OUTPUT"].split("|")[0]) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT table_name FROM gpkg_contents ORDER BY table_name")]
    assert tables == ["presence", "presence_attributes", "presence_units"]


def test_lines_read_from_a_geopackage_are_what_qgis_reads(sample_join, tmp_path):
    """gaps_overlaps reads a whole GeoPackage layer with SQLite: the same names and values."""
    from coordmap.processing.algorithms.qgis_io import layer_records

    result = sample_join(tmp_path)
    for key, layer in (("OUTPUT", "presence"), ("OUTPUT_ROWS", "rows")):
        path = result[key].split("|")[0]
        names, records = geopackage.read_lines(path, layer)
        expected_names, expected = layer_records(output_layer(result[key]))
        assert names == expected_names and len(records) > 100
        assert [list(record) for record in records] == expected, key


def test_a_layer_added_to_a_database_twice_is_written_by_the_sink(sample_join, tmp_path):
    """A GeoPackage that holds other layers (an ogr: URI) is Processing's to write: the layer
    is a plain table, which a second run overwrites."""
    database = sample_join(tmp_path / "first")["OUTPUT"].split("|")[0]
    uri = f"ogr:dbname='{database}' table=\"again\" (geom)"
    counts = [output_layer(sample_join(tmp_path / f"run{number}", OUTPUT=uri)["OUTPUT"]
                           ).featureCount() for number in range(2)]
    assert counts[0] == counts[1] > 100
    assert geopackage.units_table(database, "again") is None
    assert geopackage.units_table(database) == "presence_units"  # the first run's, kept


def test_temporary_outputs_are_geopackage_unit_layers(run_algorithm, sample_dir):
    """The toolbox's default ("Create temporary layer") is a GeoPackage in Processing's
    temporary folder, written in bulk, not a memory layer; a memory layer is still written
    where one is asked for."""
    result = run_algorithm("coordmap:join_4w", {
        "INPUT": str(sample_dir / "xy_4w_2025.xlsx"), "ADMIN": str(sample_dir / "xy_adm2.geojson"),
        "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ROWS": "memory:rows",
        "OUTPUT_REPORT": "TEMPORARY_OUTPUT"})
    presence = result["OUTPUT"]
    source = presence if isinstance(presence, str) else presence.source()
    assert geopackage.units_table(source.split("|")[0]) == "OUTPUT_units"
    assert layer_of(presence).featureCount() > 100
    assert result["OUTPUT_ROWS"].providerType() == "memory"
