"""The corpus cases marked ``qgis`` (tests/corpus/cases.py) through processing.run.

A case that must fail raises a QgsProcessingException with the declared message and leaves no
output behind (nothing written half-way); a case that must run writes every input row to the
rows output with the declared statuses. Boundary layers without a CRS exist only in QGIS, so
they are tried here: as a shapefile that lost its .prj, in lon/lat (WGS 84 assumed, and said)
and projected (refused, with what to do).
"""
import re
from collections import Counter
from pathlib import Path

import pytest

from coordmap.tests.corpus import cases
from coordmap.tests.helpers import data_rows, features

pytestmark = pytest.mark.qgis

QGIS_CASES = [case for case in cases.CASES if case.qgis]


def join_params(folder, table, admin, case=None):
    params = {"INPUT": str(table), "ADMIN": str(admin),
              "OUTPUT": str(folder / "out_presence.gpkg"),
              "OUTPUT_ROWS": str(folder / "out_rows.gpkg"),
              "OUTPUT_REPORT": str(folder / "out_qa.xlsx")}
    if case is not None and case.mapping:
        params["MAPPING"] = ";".join(f"{role}={column}" for role, column in case.mapping.items())
    if case is not None and case.sheet:
        params["SHEET"] = case.sheet
    if case is not None and case.period != "all":
        params["PERIOD"] = case.period
    if case is not None and case.admin_fields:
        params["ADMIN_PCODE_FIELD"] = case.admin_fields["pcode_field"]
        params["ADMIN_NAME_FIELD"] = case.admin_fields["name_field"]
    if case is not None and case.default_year:
        params["DEFAULT_YEAR"] = case.default_year
    return params


def rows_of(path):
    return [row["status"] for row in data_rows(path)]


def test_a_representative_subset_is_marked():
    kinds = {type(case.expected) for case in QGIS_CASES}
    assert len(QGIS_CASES) >= 15 and kinds == {cases.Fails, cases.Kept}


@pytest.mark.timeout(120)
@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.name, marks=[pytest.mark.slow] if case.slow else [])
    for case in QGIS_CASES])
def test_case_through_processing(case, run_algorithm, tmp_path):
    from qgis.core import QgsProcessingException

    inputs, outputs = tmp_path / "in", tmp_path / "out"
    inputs.mkdir()
    outputs.mkdir()
    table = inputs / case.file_name
    case.write(table)
    admin = cases.make.write_geojson(inputs / f"admin_for_{Path(case.file_name).stem}.geojson",
                                     case.layer())
    params = join_params(outputs, table, admin, case)
    if isinstance(case.expected, cases.Fails):
        with pytest.raises(QgsProcessingException) as caught:
            run_algorithm("coordmap:join_4w", params)
        message = str(caught.value)
        for pattern in case.expected.patterns:
            assert re.search(pattern, message, re.DOTALL), (pattern, message[:1000])
        assert list(outputs.iterdir()) == [], "nothing written half-way"
        return
    result = run_algorithm("coordmap:join_4w", params)
    statuses = Counter(rows_of(result["OUTPUT_ROWS"]))
    assert dict(statuses) == case.expected.statuses
    assert Path(result["OUTPUT_REPORT"]).is_file()


# ---- boundary layers without a CRS ----------------------------------------------------------
def shapefile_without_prj(folder, layer, offset=(0.0, 0.0)):
    """The corpus districts as a shapefile whose .prj went missing (moved by e-mail alone)."""
    from osgeo import ogr

    records, geometries = layer
    path = folder / "districts_no_prj.shp"
    source = ogr.GetDriverByName("ESRI Shapefile").CreateDataSource(str(path))
    target = source.CreateLayer("districts_no_prj", None, ogr.wkbPolygon)  # no spatial ref
    for name in records[0]:
        target.CreateField(ogr.FieldDefn(name, ogr.OFTString))
    for record, geometry in zip(records, geometries):
        feature = ogr.Feature(target.GetLayerDefn())
        for name, value in record.items():
            feature.SetField(name, value)
        moved = [(x + offset[0], y + offset[1]) for x, y in geometry.exterior.coords]
        ring = ogr.Geometry(ogr.wkbLinearRing)
        for x, y in moved:
            ring.AddPoint_2D(x, y)
        polygon = ogr.Geometry(ogr.wkbPolygon)
        polygon.AddGeometry(ring)
        feature.SetGeometry(polygon)
        target.CreateFeature(feature)
    source = None  # flush
    assert not path.with_suffix(".prj").exists()
    return path


def four_rows_csv(folder):
    path = folder / "four_rows.csv"
    cases.make.csv_file(cases.EACH_DISTRICT)(path)
    return path


def test_lon_lat_boundaries_without_crs_are_taken_as_wgs84_and_the_report_says_so(
        run_algorithm, tmp_path):
    from openpyxl import load_workbook

    admin = shapefile_without_prj(tmp_path, cases.make.boundaries())
    result = run_algorithm("coordmap:join_4w",
                           join_params(tmp_path, four_rows_csv(tmp_path), admin))
    assert Counter(rows_of(result["OUTPUT_ROWS"])) == {"used": 4}
    issues = load_workbook(result["OUTPUT_REPORT"])["Issues"]
    reasons = [line[7].value for line in issues.iter_rows(min_row=3)]
    assert any("declares no CRS" in str(reason) and "EPSG:4326" in str(reason)
               for reason in reasons), reasons


def test_projected_boundaries_without_crs_are_refused_by_name(run_algorithm, tmp_path):
    from qgis.core import QgsProcessingException

    admin = shapefile_without_prj(tmp_path, cases.make.boundaries(), offset=(500000, 900000))
    outputs = tmp_path / "out"
    outputs.mkdir()
    with pytest.raises(QgsProcessingException,
                       match=r"districts_no_prj: the boundary layer has no CRS .*Assign "):
        run_algorithm("coordmap:join_4w", join_params(outputs, four_rows_csv(tmp_path), admin))
    assert list(outputs.iterdir()) == []


# ---- a GeoPackage of several admin levels, given without a layer name --------------------
def geopackage_of_levels(folder):
    """The corpus country as admin 1, 2 and 3 layers of one GeoPackage (admin 1 first)."""
    from osgeo import ogr, osr
    from shapely.geometry import box

    wgs84 = osr.SpatialReference()
    wgs84.ImportFromEPSG(4326)
    wgs84.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
    districts = cases.make.DISTRICTS
    levels = {
        "adm1": [({"ADM1_PCODE": p1, "ADM1_EN": n1}, box(2 * i, 0, 2 * i + 2, 1))
                 for i, (p1, n1) in enumerate(dict.fromkeys((d[2], d[3]) for d in districts))],
        "adm2": [({"ADM1_PCODE": p1, "ADM2_PCODE": p, "ADM2_EN": n}, box(x, 0, x + 1, 1))
                 for p, n, p1, _, x in districts],
        "adm3": [({"ADM2_PCODE": p, "ADM3_PCODE": f"{p}0{half}", "ADM3_EN": f"{n} {half}"},
                  box(x + (half - 1) / 2, 0, x + half / 2, 1))
                 for p, n, _, _, x in districts for half in (1, 2)],
    }
    path = folder / "admin_levels.gpkg"
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    for name, level_features in levels.items():
        layer = source.CreateLayer(name, wgs84, ogr.wkbPolygon)
        for field in level_features[0][0]:
            layer.CreateField(ogr.FieldDefn(field, ogr.OFTString))
        for record, geometry in level_features:
            feature = ogr.Feature(layer.GetLayerDefn())
            for field, value in record.items():
                feature.SetField(field, value)
            feature.SetGeometry(ogr.CreateGeometryFromWkt(geometry.wkt))
            layer.CreateFeature(feature)
    source = None  # flush
    return path


def test_the_geopackage_layer_whose_pcodes_the_table_uses_is_chosen_and_said(
        run_algorithm, tmp_path):
    from openpyxl import load_workbook

    admin = geopackage_of_levels(tmp_path)
    result = run_algorithm("coordmap:join_4w",
                           join_params(tmp_path, four_rows_csv(tmp_path), admin))
    assert Counter(rows_of(result["OUTPUT_ROWS"])) == {"used": 4}
    assert sorted(row["pcode"] for row in features(result["OUTPUT"])) == [
        "XY0101", "XY0102", "XY0201", "XY0202"]
    issues = load_workbook(result["OUTPUT_REPORT"])["Issues"]
    reasons = [str(line[7].value) for line in issues.iter_rows(min_row=3)]
    assert any(re.search(r'layer "adm2" of admin_levels\.gpkg used: 4 of the table\'s 4 '
                         r'P-codes are in it \(other layers: "adm1" 0, "adm3" 0\)', reason)
               for reason in reasons), reasons


def test_a_geopackage_whose_layers_the_table_does_not_tell_apart_stops_and_asks(
        run_algorithm, tmp_path):
    from qgis.core import QgsProcessingException

    admin = geopackage_of_levels(tmp_path)
    table = tmp_path / "names_only.csv"
    cases.make.csv_file([cases.row(pcode=None, name="Alpha")])(table)
    outputs = tmp_path / "out"
    outputs.mkdir()
    with pytest.raises(QgsProcessingException,
                       match=r"admin_levels\.gpkg: the file has 3 layers \(\"adm1\", \"adm2\", "
                             r"\"adm3\"\) and the table's P-codes do not tell which one to use: "
                             r"give the layer \(e\.g\. admin_levels\.gpkg\|layername="):
        run_algorithm("coordmap:join_4w", join_params(outputs, table, admin))
    assert list(outputs.iterdir()) == []


# ---- the organisation list: written, reviewed, given back ----------------------------------
def test_the_organisation_list_is_written_reviewed_and_decides_next_round(
        run_algorithm, tmp_path):
    import csv

    table = tmp_path / "organisations.csv"
    cases.make.csv_file(cases.ORGANISATION_ROWS, header=cases.ORGANISATION_HEADER)(table)
    admin = cases.make.write_geojson(tmp_path / "admin.geojson", cases.make.boundaries())
    first = tmp_path / "first"
    first.mkdir()
    params = {**join_params(first, table, admin),
              "OUTPUT_ORGANISATIONS": str(first / "organisations.csv")}
    result = run_algorithm("coordmap:join_4w", params)
    listed = result["OUTPUT_ORGANISATIONS"]
    lines = Path(listed).read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# CoordMap organisation list")
    rows = list(csv.DictReader(lines[1:]))
    partner_of = {row["spelling"]: row["partner"] for row in rows}
    assert partner_of["NRC"] == partner_of["Norwegian Refugee Council"]
    assert partner_of["Save the Children International"] == partner_of["Save the Children"]
    assert partner_of["Save the Child"] == "Save the Child"  # no merge on a similarity
    assert [f["partners"] for f in features(result["OUTPUT"])] == [4]
    # the reviewer knows "Save the Child" is a typo of Save the Children
    for row in rows:
        if row["spelling"] == "Save the Child":
            row["partner"] = partner_of["Save the Children"]
    reviewed = tmp_path / "reviewed.csv"
    with open(reviewed, "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    second = tmp_path / "second"
    second.mkdir()
    result = run_algorithm("coordmap:join_4w",
                           {**join_params(second, table, admin), "ORGANISATIONS": str(reviewed)})
    assert [f["partners"] for f in features(result["OUTPUT"])] == [3]
