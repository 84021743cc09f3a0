"""HXL hashtags written under the header of CSV and XLSX outputs and into GeoPackage metadata."""
import csv
import sqlite3

import pytest
from openpyxl import Workbook, load_workbook

from coordmap.processing.analysis.hxl import FIELD_TAGS, hxl_row, is_hxl_row, tag_output


def read_csv(path):
    with open(path, newline="", encoding="utf-8-sig") as handle:
        return list(csv.reader(handle))


def test_csv_gets_its_hxl_row_under_the_header_once(tmp_path):
    path = tmp_path / "rows.csv"
    path.write_text('cluster,"Partner\nname",reached\nHEA,"A, B",12\r\n', encoding="utf-8-sig")
    assert tag_output(path)
    assert read_csv(path) == [["cluster", "Partner\nname", "reached"],
                              ["#sector+code", "", "#reached"], ["HEA", "A, B", "12"]]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf"), "the encoding is kept"
    assert not tag_output(path), "a file with its HXL row is left alone"
    assert read_csv(path)[1] == ["#sector+code", "", "#reached"]


def test_comment_lines_stay_above_the_header_and_semicolons_stay(tmp_path):
    path = tmp_path / "crosswalk.csv"
    path.write_text("# a comment\nraw_value;level;pcode\nX;2;XY01\n", encoding="utf-8")
    assert tag_output(path)
    assert path.read_text(encoding="utf-8").splitlines() == [
        "# a comment", "raw_value;level;pcode", "#meta+value;#meta+admin_level;#loc+code",
        "X;2;XY01"]


@pytest.mark.parametrize("formula", [False, True])
def test_xlsx_rows_move_down_under_the_hxl_row(tmp_path, formula):
    """Both paths: the sheet XML edited (plain sheets) and openpyxl (a sheet with a formula)."""
    path = tmp_path / "gaps.xlsx"
    workbook = Workbook()
    sheet = workbook.active
    sheet.append(["pcode", "gap_status", "pin", "note"])
    for number in range(1, 13):
        sheet.append([f"XY{number:02d}", "covered", number * 10, None if number % 2 else "x"])
    if formula:
        sheet["E2"] = "=1+1"
    workbook.save(path)
    assert tag_output(path)
    rows = list(load_workbook(path).active.iter_rows(values_only=True))
    assert rows[0][:4] == ("pcode", "gap_status", "pin", "note")
    assert rows[1][:4] == ("#loc+code", "#status+gap", "#inneed", None)
    assert [row[:4] for row in rows[2:4]] == [("XY01", "covered", 10, None),
                                             ("XY02", "covered", 20, "x")]
    assert len(rows) == 14 and rows[-1][:3] == ("XY12", "covered", 120)
    assert not tag_output(path)


def test_geopackage_columns_get_their_tags_as_metadata(tmp_path):
    path = tmp_path / "presence.gpkg"
    with sqlite3.connect(path) as connection:
        connection.execute("CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT)")
        connection.execute("INSERT INTO gpkg_contents VALUES ('presence', 'features')")
        connection.execute("CREATE TABLE presence (fid INTEGER, pcode TEXT, cluster TEXT, "
                           "partner TEXT, partners INTEGER, other TEXT)")
    assert tag_output(path)
    with sqlite3.connect(path) as connection:
        found = dict(connection.execute("SELECT column_name, name FROM gpkg_data_columns"))
        extensions = connection.execute("SELECT extension_name FROM gpkg_extensions").fetchall()
    assert found == {"pcode": "#loc+code", "cluster": "#sector+code", "partner": "#org+name",
                     "partners": "#org+num"}
    assert extensions == [("gpkg_schema",)]


def test_other_files_are_left_alone(tmp_path):
    path = tmp_path / "map.pdf"
    path.write_bytes(b"%PDF")
    assert not tag_output(path)
    assert path.read_bytes() == b"%PDF"


def test_the_mapping_gives_hxl_hashtags():
    assert all(tag.startswith("#") and " " not in tag for tag in FIELD_TAGS.values())
    assert hxl_row(["organisation", "my own column"]) == ["#org+name", ""]
    assert is_hxl_row(["#org", None, ""]) and not is_hxl_row(["#org", "Partner"])
    assert not is_hxl_row([None, ""])
    assert not is_hxl_row(["#N/A", "#N/A"]), "a row of spreadsheet errors is data"
    assert is_hxl_row(["#adm2 +code", "#org+name +impl"])
