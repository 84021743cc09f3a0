"""HXL and HDX through processing.run: the HAPI operational presence export read back in HAPI's
schema, and the HXL hashtags of every tabular output (CSV, XLSX, GeoPackage metadata)."""
import csv
import datetime as dt
import sqlite3

import pytest
from openpyxl import load_workbook

from coordmap.processing.analysis.hapi import HAPI_FIELDS, read_operational_presence
from coordmap.processing.analysis.hxl import FIELD_TAGS, is_hxl_row
from coordmap.processing.analysis.join import ROW_FIELDS
from coordmap.tests.helpers import run_join

pytestmark = pytest.mark.qgis


def csv_head(path, rows=3):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        reader = csv.reader(handle)
        return [next(reader) for _ in range(rows)]


def assert_tagged(header, tags):
    """The row under the header is its HXL row, each field with the mapping's tag."""
    assert is_hxl_row(tags), tags
    for field, tag in zip(header, tags):
        assert tag == FIELD_TAGS.get(field, ""), (field, tag)


@pytest.fixture(scope="module")
def sample_join(coordmap_plugin, tmp_path_factory, sample_dir):
    from qgis import processing

    folder = tmp_path_factory.mktemp("hdx_join")
    result = processing.run("coordmap:join_4w", {
        "INPUT": str(sample_dir / "xy_4w_2025.xlsx"), "ADMIN": str(sample_dir / "xy_adm3.geojson"),
        "PERIOD": "month", "OUTPUT": str(folder / "presence.gpkg"),
        "OUTPUT_ROWS": str(folder / "rows.csv"), "OUTPUT_REPORT": str(folder / "qa.xlsx"),
        "OUTPUT_CROSSWALK": str(folder / "crosswalk.csv")})
    return folder, result


# HAPI operational presence ------------------------------------------------------------------------

def test_hapi_export_of_the_sample_reads_back_in_hapi_schema(run_algorithm, sample_join,
                                                             sample_dir, output_dir):
    folder, _ = sample_join
    result = run_algorithm("coordmap:export_hapi_presence", {
        "ROWS": str(folder / "rows.csv"), "ADMIN": str(sample_dir / "xy_adm3.geojson"),
        "COUNTRY": "", "OUTPUT": str(output_dir / "operational_presence.csv")})
    table = read_operational_presence(result["OUTPUT"])
    assert list(table.columns) == HAPI_FIELDS
    assert len(table) > 100
    # Admin 3 rows count in their admin 2 unit; every row has admin 1 and a reference period.
    assert set(table["admin_level"]) <= {1, 2}
    assert table["admin1_code"].notna().all() and table["admin1_name"].notna().all()
    at_admin2 = table[table["admin_level"] == 2]
    assert at_admin2["admin2_code"].str.fullmatch(r"XY\d{4}").all()
    assert (table["reference_period_start"] <= table["reference_period_end"]).all()
    assert {d.year for d in table["reference_period_start"]} == {2025}
    assert all(isinstance(d, dt.date) for d in table["reference_period_end"])
    # One row per organisation x sector x unit x period
    keys = table[["org_name", "sector_code", "admin1_code", "admin2_code",
                  "reference_period_start"]].astype(str)
    assert not keys.duplicated().any()
    # Types the sample writes in full get HDX's codes; sensitive clusters name nobody.
    named = table[table["org_name"].notna()]
    assert set(named["org_type_code"]) == {"437", "447", "435", "441", "445"}
    sensitive = table[table["sector_code"].isin(["PRO-GBV", "PRO-CPN"])]
    assert len(sensitive) and sensitive["org_name"].isna().all()
    assert not table["sector_code"].isin(["MPC", "CSS"]).any()


def test_hapi_export_as_xlsx_and_over_an_input_is_refused(run_algorithm, sample_join, sample_dir,
                                                          output_dir):
    folder, _ = sample_join
    result = run_algorithm("coordmap:export_hapi_presence", {
        "ROWS": str(folder / "rows.csv"), "ADMIN": str(sample_dir / "xy_adm3.geojson"),
        "PROTECT_SENSITIVE": False, "OUTPUT": str(output_dir / "operational_presence.xlsx")})
    table = read_operational_presence(result["OUTPUT"])
    assert table[table["sector_code"] == "PRO-GBV"]["org_name"].notna().all()
    from qgis.core import QgsProcessingException
    with pytest.raises(QgsProcessingException, match="never written over an input"):
        run_algorithm("coordmap:export_hapi_presence", {
            "ROWS": str(folder / "rows.csv"), "ADMIN": str(sample_dir / "xy_adm3.geojson"),
            "OUTPUT": str(folder / "rows.csv")})


def test_hapi_export_of_real_tables(run_algorithm, real_data, output_dir):
    """A real 3W (admin 1 and 2 codes, organisation types written as NNGO/INGO/UN) exported and
    read back; the country comes from the ISO prefix of its P-codes."""
    boundaries = real_data / "som" / "som_adm2_2023.geojson"
    joined = run_join(run_algorithm, output_dir, real_data / "som" / "som_3w_jan_apr_2025.xlsx",
                      boundaries, OUTPUT_ROWS=str(output_dir / "rows.gpkg"), PERIOD="month",
                      DEFAULT_YEAR=2025)
    result = run_algorithm("coordmap:export_hapi_presence", {
        "ROWS": joined["OUTPUT_ROWS"], "ADMIN": str(boundaries),
        "OUTPUT": str(output_dir / "som_operational_presence.csv")})
    table = read_operational_presence(result["OUTPUT"])
    assert len(table) > 1000
    assert set(table["location_code"]) == {"SOM"}
    assert set(table["admin_level"]) <= {1, 2}
    assert table["admin2_code"].dropna().str.fullmatch(r"SO\d{4}").all()
    named = table[table["org_name"].notna()]
    assert set(named["org_type_code"].dropna()) >= {"437", "441", "447", "435"}
    assert named["org_type_code"].notna().mean() > 0.95
    assert table["reference_period_start"].notna().all()


# HXL hashtags on every output -----------------------------------------------------------------

def test_join_outputs_carry_hxl_rows(sample_join):
    folder, result = sample_join
    header, tags, notice = csv_head(result["OUTPUT_ROWS"])
    assert header[:len(ROW_FIELDS)] == ROW_FIELDS
    assert_tagged(header, tags)
    assert tags[header.index("organisation_acronym")] == "#org+acronym"
    assert tags[header.index("reached")] == "#reached"
    assert notice[1] == "notice", "the HXL row goes between the header and the data"
    comment, header, tags = csv_head(result["OUTPUT_CROSSWALK"])
    assert comment[0].startswith("# CoordMap crosswalk")
    assert_tagged(header, tags)
    # The QA report had its HXL rows: left as it was (notice, heading, tags)
    sheet = load_workbook(result["OUTPUT_REPORT"], read_only=True).worksheets[1]
    first = list(sheet.iter_rows(max_row=4, values_only=True))
    assert is_hxl_row(first[2]) and not is_hxl_row(first[3])
    # GeoPackage: the tags are the columns' names in the schema extension
    with sqlite3.connect(result["OUTPUT"]) as connection:
        described = dict(connection.execute(
            "SELECT column_name, name FROM gpkg_data_columns WHERE table_name = 'presence'"))
    assert described["pcode"] == "#loc+code" and described["cluster"] == "#sector+code"
    assert described["partners"] == "#org+num"


def test_a_tagged_rows_csv_still_feeds_the_gaps(run_algorithm, sample_join, output_dir):
    folder, result = sample_join
    gaps = run_algorithm("coordmap:gaps_overlaps", {
        "PRESENCE": result["OUTPUT"], "ROWS": result["OUTPUT_ROWS"],
        "OUTPUT_GAPS": str(output_dir / "gaps.xlsx"),
        "OUTPUT_OVERLAPS": str(output_dir / "overlaps.csv"),
        "OUTPUT_OVERLAP_UNITS": str(output_dir / "overlap_units.gpkg"),
        "OUTPUT_CHANGES": str(output_dir / "changes.csv")})
    header, tags, first = csv_head(gaps["OUTPUT_OVERLAPS"])
    assert_tagged(header, tags)
    assert first[header.index("pcode")].startswith("XY"), "data after the HXL row"
    header, tags, _ = csv_head(gaps["OUTPUT_CHANGES"])
    assert_tagged(header, tags)
    rows = list(load_workbook(gaps["OUTPUT_GAPS"], read_only=True).active.iter_rows(
        max_row=3, values_only=True))
    assert_tagged([str(c) for c in rows[0]], ["" if c is None else c for c in rows[1]])
    assert str(rows[2][0]).startswith("XY")
    assert rows[1][rows[0].index("gap_status")] == "#status+gap"
