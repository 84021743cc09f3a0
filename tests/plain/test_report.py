"""The QA report: XLSX (Summary/Issues/Columns, HXL row 2, never a formula) and CSV."""
import csv

import pandas as pd
import pytest
from openpyxl import load_workbook
from shapely.geometry import box

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import join_4w
from coordmap.processing.analysis.report import (
    ISSUE_COLUMNS,
    MAPPING_COLUMNS,
    NOT_FOR_PUBLICATION,
    write_report,
)
from coordmap.processing.analysis.table import table_from_records

NEUTRALISED_KEY = "cells neutralised (text starting with = + - @)"
DANGEROUS = ['=HYPERLINK("http://example.com","click")', "+1", "-2", "@x", "=1+1"]


def issue(value, reason="a reason", **extra):
    row = {name: None for name, _ in ISSUE_COLUMNS}
    row.update(category="unmatched_location", column="Admin2 Pcode", value=value, level=2,
               rows=1, first_row=5, reason=reason)
    row.update(extra)
    return row


@pytest.fixture
def report_input():
    issues = pd.DataFrame([issue(v) for v in DANGEROUS] + [
        issue("XY0101"), issue(None, reason="-1 rows"), issue(-3, reason="plain")])
    mapping = pd.DataFrame([("org", "=Organisation", "header"), ("cluster", "Cluster", "hxl")],
                           columns=["role", "column", "source"])
    summary = {"file": "4w.csv", "rows below the header": 12, "rows used": 10}
    return summary, issues, mapping


def all_cells(workbook):
    return [cell for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row]


def test_xlsx_sheets_hxl_row_and_no_formula(tmp_path, report_input):
    summary, issues, mapping = report_input
    path = write_report(tmp_path / "qa.xlsx", summary, issues, mapping)
    assert path == tmp_path / "qa.xlsx"
    workbook = load_workbook(path)  # not data_only: a formula would come back as a formula
    assert workbook.sheetnames == ["Summary", "Issues", "Columns"]
    for sheet in workbook.worksheets:  # first line: not for publication; then headings, HXL
        assert sheet["A1"].value == NOT_FOR_PUBLICATION and sheet.max_column >= 2
        hxl = [cell.value for cell in sheet[3] if cell.value is not None]
        assert hxl and all(isinstance(v, str) and v.startswith("#") for v in hxl), sheet.title
    assert [c.value for c in workbook["Issues"][2]] == [name for name, _ in ISSUE_COLUMNS]
    assert [c.value for c in workbook["Issues"][3]] == [tag for _, tag in ISSUE_COLUMNS]
    assert [c.value for c in workbook["Columns"][3]] == [tag for _, tag in MAPPING_COLUMNS]
    for cell in all_cells(workbook):
        assert cell.data_type != "f", (cell.coordinate, cell.value)
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@")), (cell.coordinate, cell.value)


def test_xlsx_dangerous_values_become_text_with_an_apostrophe(tmp_path, report_input):
    summary, issues, mapping = report_input
    workbook = load_workbook(write_report(tmp_path / "qa.xlsx", summary, issues, mapping))
    sheet = workbook["Issues"]
    value_column = [name for name, _ in ISSUE_COLUMNS].index("value") + 1
    values = [sheet.cell(row=r, column=value_column).value for r in range(4, sheet.max_row + 1)]
    assert values[: len(DANGEROUS)] == ["'" + v for v in DANGEROUS]
    assert values[len(DANGEROUS):] == ["XY0101", None, -3]  # numbers stay numbers
    reason_column = [name for name, _ in ISSUE_COLUMNS].index("reason") + 1
    assert sheet.cell(row=4 + len(DANGEROUS) + 1, column=reason_column).value == "'-1 rows"
    assert workbook["Columns"]["B4"].value == "'=Organisation"
    items = {row[0].value: row[1].value for row in workbook["Summary"].iter_rows(min_row=4)}
    # 5 dangerous values + the reason "-1 rows" + the mapping column "=Organisation"
    assert items[NEUTRALISED_KEY] == len(DANGEROUS) + 2
    assert items["rows used"] == 10 and items["file"] == "4w.csv"


def test_csv_report_has_header_hxl_row_and_neutralised_cells(tmp_path, report_input):
    summary, issues, mapping = report_input
    path = write_report(tmp_path / "qa.csv", summary, issues, mapping)
    with open(path, encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == [NOT_FOR_PUBLICATION]
    assert rows[1] == [name for name, _ in ISSUE_COLUMNS]
    assert rows[2] == [tag for _, tag in ISSUE_COLUMNS]
    assert all(cell.startswith("#") for cell in rows[2])
    body = rows[3:]
    categories = [row[0] for row in body]
    assert categories.count("summary") == len(summary) + 1
    assert categories.count("column_mapping") == len(mapping)
    assert categories.count("unmatched_location") == len(issues)
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "@")), row
            assert not cell.startswith("-") or cell == "-3", row
    values = [row[2] for row in body if row[0] == "unmatched_location"]
    assert values[: len(DANGEROUS)] == ["'" + v for v in DANGEROUS]
    counted = [row for row in body if row[0] == "summary" and row[7] == NEUTRALISED_KEY]
    assert counted[0][2] == str(len(DANGEROUS) + 2)


def test_neutralised_summary_values_are_counted(tmp_path):
    summary = {"file": "=evil.csv", "sheet": "-Data-"}
    empty = pd.DataFrame(columns=[name for name, _ in ISSUE_COLUMNS])
    mapping = pd.DataFrame(columns=["role", "column", "source"])
    workbook = load_workbook(write_report(tmp_path / "qa.xlsx", summary, empty, mapping))
    items = {row[0].value: row[1].value for row in workbook["Summary"].iter_rows(min_row=4)}
    assert items["file"] == "'=evil.csv" and items["sheet"] == "'-Data-"
    assert items[NEUTRALISED_KEY] == 2


def test_report_of_a_real_join_result(tmp_path):
    records = [{"ADM1_PCODE": "XY01", "ADM1_EN": "North", "ADM2_PCODE": "XY0101",
                "ADM2_EN": "Alpha"}]
    units = AdminUnits.from_features(records, [box(0, 0, 1, 1)])
    table = parse_table(table_from_records(
        "=4w.csv", ["Organisation", "Cluster", "Admin2 Pcode", "Targeted"],
        [["UNICEF", "Health", "XY0101", "-5"], ["@MSF", "Health", "=ZZ01", "=SUM(A1:A9)"],
         [None, None, None, None]]))
    result = join_4w(table, units)
    workbook = load_workbook(write_report(tmp_path / "qa.xlsx", result.summary, result.issues,
                                          result.mapping))
    for cell in all_cells(workbook):
        assert cell.data_type != "f"
        if isinstance(cell.value, str):
            assert not cell.value.startswith(("=", "+", "-", "@")), (cell.coordinate, cell.value)
    values = [c.value for c in workbook["Issues"]["C"]]
    assert "'=ZZ01" in values and "'=SUM(A1:A9)" in values and "'-5" in values
    items = {row[0].value: row[1].value for row in workbook["Summary"].iter_rows(min_row=4)}
    assert items["file"] == "'=4w.csv"
    assert items["rows skipped"] == 1
    assert items[NEUTRALISED_KEY] >= 3


def test_unknown_report_extension_is_an_input_error(tmp_path, report_input):
    with pytest.raises(InputError, match=r"qa\.pdf: use a \.xlsx or \.csv file name"):
        write_report(tmp_path / "qa.pdf", *report_input)
