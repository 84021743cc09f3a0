"""coordmap:join_4w through processing.run: sample country and the real OCHA files."""
import csv
import json

import pytest
from openpyxl import load_workbook

from coordmap.processing.analysis.join import STATUSES
from coordmap.tests.helpers import data_rows, features, output_layer, run_join

pytestmark = pytest.mark.qgis


def status_counts(rows):
    counts = {status: 0 for status in STATUSES}
    for row in rows:
        counts[row["status"]] += 1
    return counts


def report_sheet(path, sheet):
    rows = list(load_workbook(path, read_only=True)[sheet].iter_rows(values_only=True))
    notice, header, hxl, body = rows[0], rows[1], rows[2], rows[3:]
    assert notice[0].startswith("For the IM officer, not for publication")
    assert all(tag is None or tag.startswith("#") for tag in hxl), "third row is the HXL row"
    return [dict(zip(header, row)) for row in body]


# Sample country ---------------------------------------------------------------------------------

def test_sample_join_accounts_for_every_row(run_algorithm, output_dir, sample_dir):
    result = run_join(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx",
                      sample_dir / "xy_adm3.geojson", PERIOD=1)
    rows = data_rows(result["OUTPUT_ROWS"])
    # resources/sample/README.md: 3,600 data rows, 5 blank rows in the middle, 3 blank rows
    # and a Total row at the end -> every one of them is in the rows output.
    matched = [r for r in rows if r["match_method"] is not None]
    assert len(matched) == 3600
    counts = status_counts(rows)
    assert sum(counts.values()) == len(rows)
    assert len({r["source_row"] for r in rows}) == len(rows), "one output row per input row"
    # The 10 rows with the unknown admin-2 code XY9999 keep a valid admin-1 code: they count at
    # admin 1, and say why.
    unknown = [r for r in rows if r["Admin2 Pcode"] == "XY9999"]
    assert len(unknown) == 10
    assert all(r["status"] == "rolled_up" and r["admin_level"] == 1 for r in unknown)
    assert all("XY9999" in r["reason"] and "not in the boundaries" in r["reason"] for r in unknown)
    assert counts["skipped"] == len(rows) - 3600

    presence = features(result["OUTPUT"])
    layer = output_layer(result["OUTPUT"])
    assert layer.geometryType() == 2  # polygons
    periods = {p["period"] for p in presence}
    assert periods == {f"2025-{m:02d}" for m in range(1, 13)}
    # GBV and child protection are protected: fewer than 5 partners is a blank count
    assert all(p["partners"] >= 1 if p["partners"] is not None else p["protected"]
               for p in presence)
    assert {p["cluster"] for p in presence} >= {"HEA", "WSH", "FSC", "EDU"}
    assert not any(p["cluster"] in ("Santé", "Abris") for p in presence), "French names mapped"

    issues = report_sheet(result["OUTPUT_REPORT"], "Issues")
    categories = {i["category"] for i in issues}
    assert {"rolled_up", "irregular_pcode", "skipped_row"} <= categories


def test_bad_mapping_names_the_file_and_column(run_algorithm, output_dir, sample_dir):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=r"xy_4w_2025\.xlsx.*No Such Column"):
        run_join(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx",
                 sample_dir / "xy_adm3.geojson", MAPPING="org=No Such Column")
    assert not (output_dir / "presence.gpkg").exists(), "nothing written half-way"


def test_missing_sheet_lists_the_sheets(run_algorithm, output_dir, sample_dir):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match="4W"):
        run_join(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx",
                 sample_dir / "xy_adm3.geojson", SHEET="March")


def test_mapping_profile_and_crosswalk_round_trip(run_algorithm, output_dir, sample_dir):
    first = run_join(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx",
                     sample_dir / "xy_adm3.geojson",
                     OUTPUT_MAPPING=str(output_dir / "mapping.json"),
                     OUTPUT_CROSSWALK=str(output_dir / "crosswalk.csv"))
    profile = json.loads((output_dir / "mapping.json").read_text(encoding="utf-8"))
    assert profile["org"] and profile["cluster"]
    second = run_join(run_algorithm, output_dir / "..", sample_dir / "xy_4w_2025.xlsx",
                      sample_dir / "xy_adm3.geojson", MAPPING=str(output_dir / "mapping.json"),
                      OUTPUT=str(output_dir / "presence2.gpkg"),
                      OUTPUT_ROWS=str(output_dir / "rows2.gpkg"),
                      OUTPUT_REPORT=str(output_dir / "qa2.csv"))
    first_rows = data_rows(first["OUTPUT_ROWS"])
    second_rows = data_rows(second["OUTPUT_ROWS"])
    assert status_counts(first_rows) == status_counts(second_rows)
    with open(output_dir / "crosswalk.csv", encoding="utf-8-sig") as handle:
        lines = [line for line in handle if not line.startswith("#")]
    suggestions = list(csv.DictReader(lines))
    assert {"raw_value", "level", "parent", "pcode"} <= set(suggestions[0])
    assert any(s["raw_value"] == "XY9999" and s["rows"] == "10" for s in suggestions)


# Real OCHA files --------------------------------------------------------------------------------

def test_somalia_banadir_subdistricts_count_at_admin1(run_algorithm, output_dir, real_data):
    result = run_join(run_algorithm, output_dir, real_data / "som/som_3w_jan_apr_2025.xlsx",
                      real_data / "som/som_adm2_2023.geojson")
    rows = data_rows(result["OUTPUT_ROWS"])
    counts = status_counts(rows)
    # README: 4,146 rows; 581 use the 16 Banadir sub-district codes SO2202-SO2217, absent from
    # the boundaries (Banadir is one polygon): they roll up to the region SO22.
    assert len(rows) == 4146
    subdistricts = [r for r in rows if str(r["DistrictPcode"]).strip() in
                    {f"SO22{n:02d}" for n in range(2, 18)}]
    assert len(subdistricts) == 581
    # one of them, Hodan (SO2208), is given under Middle Shabelle by code and name: two cells
    # against two, not placed; so are 12 rows naming a district outside the region they name
    placed = [r for r in subdistricts if r["RegionPcode"].strip() == "SO22"]
    assert len(placed) == 580
    assert all(r["status"] == "rolled_up" and r["pcode"] == "SO22" for r in placed)
    assert counts == {"used": 4146 - 581 - 12, "rolled_up": 580, "unmatched": 13, "skipped": 0}
    unmatched = [r for r in rows if r["status"] == "unmatched"]
    assert all(r["reason"].startswith("the location cells disagree") for r in unmatched)
    conflicts = [i for i in report_sheet(result["OUTPUT_REPORT"], "Issues")
                 if i["category"] == "location_conflict"]
    assert sum(i["rows"] for i in conflicts if "disagree" in i["reason"]) >= 13
    presence = features(result["OUTPUT"])
    bucket = [p for p in presence if p["pcode"] == "SO22"]
    assert bucket and all(not p["unit_specified"] and p["admin_level"] == 1 for p in bucket)
    assert all("not specified" in p["name"] for p in bucket)
    na_row = [r for r in rows if r["RegionPcode"] == "#N/A"]
    assert len(na_row) == 1 and na_row[0]["status"] == "used"


def test_nigeria_state_codes_recovered(run_algorithm, output_dir, real_data):
    # State codes only (LGA roles switched off): NGA008 must find the COD's NG008.
    result = run_join(run_algorithm, output_dir, real_data / "nga/nga_3w_q4_2023.xlsx",
                      real_data / "nga/nga_adm1_2019.topojson",
                      MAPPING="adm2_code=;adm2_name=")
    rows = data_rows(result["OUTPUT_ROWS"])
    assert len(rows) == 9366
    assert status_counts(rows)["used"] == 9366
    assert {r["match_method"] for r in rows} == {"normalised"}
    assert all(r["pcode"] == "NG" + r["pcode"][2:] and len(r["pcode"]) == 5 for r in rows)
    issues = report_sheet(result["OUTPUT_REPORT"], "Issues")
    irregular = [i for i in issues if i["category"] == "irregular_pcode"]
    assert {i["value"][:3] for i in irregular} == {"NGA"}
    assert sum(i["rows"] for i in irregular) == 9366


def test_lebanon_admin1_only_rows_in_the_unspecified_bucket(run_algorithm, output_dir, real_data):
    table = real_data / "lbn/lbn_sectors_by_district_2024_hxl.csv"
    result = run_join(run_algorithm, output_dir, table, real_data / "lbn/lbn_adm2_2019.topojson",
                      ADMIN_PARENTS=[str(real_data / "lbn/lbn_adm1_2019.topojson")],
                      MAPPING="adm2_name=;adm1_name=", PROTECT_SENSITIVE=False)  # rows counted
    with open(table, encoding="utf-8-sig") as handle:
        header, _hxl, *lines = list(csv.reader(handle))
    adm1, adm2 = header.index("Admin1Code"), header.index("Admin2Code")
    admin1_only = sum(1 for line in lines if line[adm1].strip() and not line[adm2].strip())
    nowhere = sum(1 for line in lines if not line[adm1].strip() and not line[adm2].strip())
    rows = data_rows(result["OUTPUT_ROWS"])
    assert len(rows) == len(lines) == 13599
    at_admin1 = [r for r in rows if r["status"] == "used" and r["admin_level"] == 1]
    assert len(at_admin1) == admin1_only
    # and 44 rows give governorate LB3 with an admin-2 code of Beirut (LB11, in LB1): one code
    # against the other, not placed
    unmatched = [r for r in rows if r["status"] == "unmatched"]
    disagree = [r for r in unmatched if r["reason"].startswith("the location cells disagree")]
    assert (len(unmatched), len(disagree)) == (nowhere + 44, 44)
    assert {(r["Admin1Code"], r["Admin2Code"]) for r in disagree} == {("LB3", "LB11")}
    presence = features(result["OUTPUT"])
    buckets = [p for p in presence if not p["unit_specified"]]
    assert {p["admin_level"] for p in buckets} == {1}
    assert sum(p["rows"] for p in buckets) == admin1_only


def test_burundi_province_names_without_wrong_match(run_algorithm, output_dir, real_data):
    result = run_join(run_algorithm, output_dir, real_data / "bdi/bdi_3w_feb_2023.ods",
                      real_data / "bdi/bdi_adm1_2019.topojson")
    rows = data_rows(result["OUTPUT_ROWS"])
    assert len(rows) == 320
    by_value = {}
    for row in rows:
        by_value.setdefault(row["Province"], set()).add((row["status"], row["pcode"]))
    # Spellings checked by hand against the COD-AB province names.
    assert by_value["BUBANZA"] == {("used", "BDI001")}
    assert by_value["Couverture nationale"] == {("unmatched", None)}
    bujumbura_bururi = by_value["Bujumbura,Bururi"]
    assert all(status == "used" for status, _ in bujumbura_bururi)
    names = {}
    presence = features(result["OUTPUT"])
    for feature in presence:
        names[feature["pcode"]] = feature["name"]
    for values in by_value.values():
        for status, pcode in values:
            if status == "used":
                for code in pcode.split(";"):
                    assert code in names, code
