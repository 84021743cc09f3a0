"""Data protection end to end: join, gaps and the map pack on a table full of GBV and child
protection spellings, every partner with a name of its own. No publishable output (layers,
tables, PDFs) names a partner of a sensitive cluster or shows a count of theirs below 5; the
other clusters still show their partners; the rows output and the QA report, for the IM
officer, keep every name and say so first."""
import csv
import re
import subprocess
import unicodedata
from pathlib import Path

import pytest
from openpyxl import load_workbook

from coordmap.processing.analysis.selection import SelectionData, cluster_entries, summarise
from coordmap.tests.corpus import cases
from coordmap.tests.helpers import ROWS_NOTICE, data_rows, features

pytestmark = pytest.mark.qgis

K = 5
SECRET = "Discreet Partner"  # every partner of a sensitive cluster is named so
OPEN = ["Open Partner Alpha", "Open Partner Bravo", "Open Partner Charlie"]
# Count fields of the outputs: none may be 1 to 4 on a protected feature.
COUNT_FIELDS = ("partners", "activities", "rows", "targeted", "reached", "reached_max",
                "max_partners", "partners_before", "partners_now", "duplication")
MONTHS = ("2025-01", "2025-02")


def generated_rows():
    """(organisation, cluster, P-code, month, activity, reached) rows: each sensitive spelling
    with partners of its own in a district and month, six GBV partners doing the same thing in
    one district (a count above k and an overlap), and Health and WASH partners."""
    districts = [pcode for pcode, *_ in cases.make.DISTRICTS]
    rows, number = [], 0
    for index, spelling in enumerate(cases.SENSITIVE_SPELLINGS):
        for month in MONTHS[:1 + index % 2]:
            for _ in range(1 + index % 3):
                number += 1
                rows.append((f"{SECRET} {number:03d}", spelling, districts[index % 4], month,
                             "Case management", 1 + number % 3))
    for _ in range(6):
        number += 1
        rows.append((f"{SECRET} {number:03d}", "GBV", "XY0202", "2025-02", "Safe spaces", 40))
    for index, name in enumerate(OPEN):
        for month in MONTHS:
            if (name, month) != (OPEN[2], MONTHS[1]):  # stopped: a change that names it
                rows.append((name, "Health", districts[index % 2], month, "Consultations",
                             100))
            rows.append((name, "WASH", "XY0101", month, "Water trucking", 200))
    return rows


@pytest.fixture(scope="module")
def pipeline(coordmap_plugin, tmp_path_factory):
    from qgis import processing

    folder = tmp_path_factory.mktemp("protection")
    table = folder / "sensitive_4w.csv"
    with open(table, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Organisation", "Cluster", "Admin2 Pcode", "Month", "Activity",
                         "People reached"])
        writer.writerows(generated_rows())
    admin = cases.make.write_geojson(folder / "districts.geojson", cases.make.boundaries())
    needs = folder / "needs.csv"
    needs.write_text("Admin2 Pcode,Cluster,People in need\n" + "".join(
        f"{pcode},{cluster},1000\n" for pcode, *_ in cases.make.DISTRICTS
        for cluster in ("PRO-GBV", "PRO-CPN", "HEA")), encoding="utf-8")
    out = folder / "out"
    join = processing.run("coordmap:join_4w", {
        "INPUT": str(table), "ADMIN": str(admin), "PERIOD": 1,
        "OUTPUT": str(out / "presence.gpkg"), "OUTPUT_ROWS": str(out / "rows.csv"),
        "OUTPUT_REPORT": str(out / "qa.xlsx")})
    gaps = processing.run("coordmap:gaps_overlaps", {
        "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"], "NEEDS": str(needs),
        "ADMIN": str(admin), "OUTPUT_GAPS": str(out / "gaps.gpkg"),
        "OUTPUT_OVERLAPS": str(out / "overlaps.csv"),
        "OUTPUT_OVERLAP_UNITS": str(out / "overlap_units.gpkg"),
        "OUTPUT_CHANGES": str(out / "changes.csv")})
    maps = processing.run("coordmap:export_maps", {
        "PRESENCE": join["OUTPUT"], "GAPS": gaps["OUTPUT_GAPS"],
        "OVERLAPS": gaps["OUTPUT_OVERLAP_UNITS"], "PARTNER_TABLE": True,
        "OUTPUT_FOLDER": str(out / "maps")})
    pack = processing.run("coordmap:export_maps", {
        "PRESENCE": join["OUTPUT"], "SINGLE_PDF": True, "PARTNER_TABLE": True,
        "OUTPUT_FOLDER": str(out / "pack")})
    return {"join": join, "gaps": gaps, "pdfs": maps["OUTPUT_FILES"].split(";")
            + [pack["OUTPUT_FILES"]]}


def layers(pipeline):
    join, gaps = pipeline["join"], pipeline["gaps"]
    return {"presence": features(join["OUTPUT"]), "gaps": features(gaps["OUTPUT_GAPS"]),
            "overlaps": features(gaps["OUTPUT_OVERLAPS"]),
            "overlap units": features(gaps["OUTPUT_OVERLAP_UNITS"]),
            "changes": features(gaps["OUTPUT_CHANGES"])}


def number(value):
    """A count field's value as a number (None when blank), from a layer or a CSV."""
    if value is None or str(value).strip() == "":
        return None
    return float(value)


def pdf_text(path):
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True,
                         text=True, check=True).stdout
    return unicodedata.normalize("NFKC", out)


def test_no_publishable_layer_names_a_sensitive_partner_or_a_small_count(pipeline):
    for name, records in layers(pipeline).items():
        assert records, name
        texts = " ".join(str(value) for record in records for value in record.values())
        assert SECRET not in texts, name
        for record in records:
            if str(record.get("protected")).lower() not in ("true", "1"):
                continue  # (CSV outputs give their fields back as text)
            for field in COUNT_FIELDS:
                value = number(record.get(field))
                assert value is None or value == 0 or value >= K, (name, field, record)
    presence = layers(pipeline)["presence"]
    protected = {r["cluster"] for r in presence if r["protected"]}
    # every spelling, the two cells naming several clusters included, is protected
    assert {r["cluster"] for r in presence} - protected == {"HEA", "WSH"}
    assert {"PRO-GBV", "PRO-CPN", "GBV/CP", "GBV, Health"} <= protected
    shown = [r for r in presence if r["cluster"] == "PRO-GBV" and r["partners"] is not None]
    assert shown and all(r["partners"] >= K and r["partner_list"] == "hidden" for r in shown)
    overlap = [r for r in layers(pipeline)["overlaps"] if r["cluster"] == "PRO-GBV"]
    assert overlap and all(r["partner_list"] in ("hidden", "<5") for r in overlap)


def test_other_clusters_still_show_their_partners(pipeline):
    presence = layers(pipeline)["presence"]
    listed = " ".join(r["partner_list"] for r in presence if r["cluster"] in ("HEA", "WSH"))
    assert all(name in listed for name in OPEN)
    wash = [r for r in presence if r["cluster"] == "WSH"]
    assert {r["partners"] for r in wash} == {3} and not any(r["protected"] for r in wash)
    stopped = [r for r in layers(pipeline)["changes"] if r["change"] == "partner_stopped"]
    assert [(r["cluster"], r["partner"]) for r in stopped] == [("HEA", OPEN[2])]


def test_no_map_names_a_sensitive_partner_or_tells_a_small_count(pipeline):
    protected_maps = open_maps = 0
    for path in pipeline["pdfs"]:
        text = pdf_text(path)
        assert SECRET not in text, path
        for page in text.split("\f"):
            flat = " ".join(page.split())
            parts = {" ".join(part.split()) for line in page.splitlines()
                     for part in re.split(r"\s{3,}", line) if part.strip()}
            if "Partner and activity numbers withheld (protected data)" in flat:
                protected_maps += 1
                assert not {"1", "2", "3-4"} & parts, (path, parts)  # no small class
                assert {"<5", "5+"} <= parts
            if "activities reported" in flat:
                open_maps += 1
            if "Partner names" in page:  # a partner table: a protected one withholds all
                for unit, count, names in re.findall(
                        r"^\s*(\S.*?)\s{2,}XY\d{4}\s{2,}(\S+)\s{2,}(.+?)\s*$", page, re.M):
                    if "withheld" in names:
                        assert count == "<5" or int(count) >= K, (path, unit, count)
    maps_per_run = len(pipeline["pdfs"]) - 1
    assert open_maps == 2 * 2 * 2  # HEA, WSH x 2 months, in the files and in the pack
    assert protected_maps == 2 * (maps_per_run - 4)
    health = [p for p in pipeline["pdfs"] if "_3W-Health_" in Path(p).name]
    assert health and all(any(name in pdf_text(p) for name in OPEN) for p in health)


def test_the_officers_own_outputs_keep_every_name_and_say_so_first(pipeline):
    join = pipeline["join"]
    rows = data_rows(join["OUTPUT_ROWS"])
    assert sum(SECRET in str(row["organisation"]) for row in rows) == \
        sum(1 for row in generated_rows() if row[0].startswith(SECRET))
    with open(join["OUTPUT_ROWS"], encoding="utf-8-sig") as handle:
        lines = [next(handle) for _ in range(3)]  # the field names, the HXL row, the notice
    assert lines[1].startswith("#meta+row,#meta+status") and ROWS_NOTICE in lines[2]
    workbook = load_workbook(join["OUTPUT_REPORT"], read_only=True)
    for sheet in workbook.worksheets:
        first = next(sheet.iter_rows(max_row=1, values_only=True))[0]
        assert first.startswith(ROWS_NOTICE), sheet.title


def test_the_panel_withholds_what_the_maps_withhold(pipeline):
    join, gaps = pipeline["join"], pipeline["gaps"]
    data = SelectionData.read({"presence": join["OUTPUT"].split("|")[0],
                               "rows": _as_gpkg(join["OUTPUT_ROWS"]),
                               "gaps": gaps["OUTPUT_GAPS"].split("|")[0]})
    assert not data.partners["partner"].str.contains(SECRET).any()
    entries = {entry.code: entry.partners for entry in cluster_entries(data, data.periods)}
    assert entries["HEA"] == 3 and entries["WSH"] == 3
    assert all(entries[code] is None for code in entries if code not in ("HEA", "WSH"))
    summary = summarise(data, data.clusters, data.periods)
    assert summary.withheld and summary.partners == 3
    assert not summarise(data, ["HEA"], data.periods).withheld


def _as_gpkg(rows_csv):
    """The panel reads GeoPackages: the rows output written again as one."""
    from qgis import processing

    path = Path(rows_csv).with_suffix(".gpkg")
    processing.run("native:savefeatures", {"INPUT": rows_csv, "OUTPUT": str(path)})
    return str(path)
