"""read_table / table_from_records / list_sheets on small generated files."""
import datetime as dt

import openpyxl
import pytest

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.table import list_sheets, read_table, table_from_records


def write(path, text, encoding="utf-8"):
    path.write_bytes(text.encode(encoding))
    return path


def test_csv_semicolon_cp1252_is_detected_and_named(tmp_path):
    path = write(tmp_path / "t.csv", "Région;Organisation\r\nSud;Médecins\r\n", "cp1252")
    table = read_table(path)
    assert table.rows == [["Région", "Organisation"], ["Sud", "Médecins"]]
    assert any("cp1252" in note for note in table.notes)
    assert any("';'" in note for note in table.notes)
    assert table.sheet is None and table.source == "t.csv"


def test_utf8_bom_and_utf16_bom_are_decoded(tmp_path):
    bom8 = tmp_path / "a.csv"
    bom8.write_bytes(b"\xef\xbb\xbfMonth,Org\nMars,ACF\n")
    assert read_table(bom8).rows[0] == ["Month", "Org"]
    utf16 = write(tmp_path / "b.txt", "Mois\tOrg\nfévrier\tACF\n", "utf-16")
    table = read_table(utf16)
    assert table.rows == [["Mois", "Org"], ["février", "ACF"]]
    assert any("UTF-16" in note for note in table.notes)
    assert any("tab" in note for note in table.notes)


def test_quoted_newlines_keep_the_line_number_where_a_record_starts(tmp_path):
    path = write(tmp_path / "q.csv", 'a,b\n"two\nlines",x\n"3",y\n')
    table = read_table(path)
    assert table.rows == [["a", "b"], ["two\nlines", "x"], ["3", "y"]]
    assert table.row_numbers == [1, 2, 4]


def test_nul_bytes_removed_ragged_rows_padded_pipes_sniffed(tmp_path):
    path = tmp_path / "n.csv"
    path.write_bytes(b"a|b|c\n1|2\x00|3\n4|5\n")
    table = read_table(path)
    assert table.rows == [["a", "b", "c"], ["1", "2", "3"], ["4", "5", None]]
    assert any("NUL" in note for note in table.notes)


def test_comma_inside_quotes_does_not_beat_semicolon(tmp_path):
    path = write(tmp_path / "s.csv", 'Cluster;Org\n"Health, Nutrition";A\nWASH;"B, C"\n')
    assert read_table(path).rows[1] == ["Health, Nutrition", "A"]


def test_missing_empty_and_blank_files_raise_input_error_naming_the_file(tmp_path):
    with pytest.raises(InputError, match="nothere.csv"):
        read_table(tmp_path / "nothere.csv")
    empty = tmp_path / "empty.csv"
    empty.write_bytes(b"")
    with pytest.raises(InputError, match="empty.csv"):
        read_table(empty)
    blank = write(tmp_path / "blank.csv", "\n ,\n")
    with pytest.raises(InputError, match="blank.csv"):
        read_table(blank)


@pytest.fixture
def workbook(tmp_path):
    book = openpyxl.Workbook()
    book.active.title = "Cover"
    data = book.create_sheet("Data")
    data["B3"] = "Month"
    data["C3"] = "Year"
    data["B4"] = dt.datetime(2025, 3, 1)
    data["C4"] = 2025
    data["B5"] = "April"
    data["C5"] = 2025.5
    book.create_sheet("Other")["A1"] = "x"
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def test_spreadsheet_default_sheet_is_first_with_data_and_rows_keep_excel_numbers(workbook):
    table = read_table(workbook)
    assert table.sheet == "Data"
    assert table.row_numbers == [1, 2, 3, 4, 5]
    assert table.rows[2][1:3] == ["Month", "Year"]
    assert table.rows[3][1].year == 2025 and table.rows[3][1].month == 3
    assert table.rows[3][2] == 2025 and isinstance(table.rows[3][2], int)
    assert table.rows[4][2] == 2025.5


def test_sheet_by_index_and_name_and_missing_sheet_lists_sheets(workbook):
    assert list_sheets(workbook) == ["Cover", "Data", "Other"]
    assert read_table(workbook, 2).rows == [["x"]]
    assert read_table(workbook, "data").sheet == "Data"
    with pytest.raises(InputError, match='"Cover", "Data", "Other"'):
        read_table(workbook, "Nope")
    with pytest.raises(InputError, match="book.xlsx"):
        read_table(workbook, 7)
    with pytest.raises(InputError, match="empty"):
        read_table(workbook, "Cover")


def test_list_sheets_of_a_text_file_is_empty(tmp_path):
    assert list_sheets(write(tmp_path / "x.csv", "a,b\n1,2\n")) == []


def test_table_from_records_numbers_rows_like_a_csv():
    table = table_from_records("layer", ["org", "n"], [("A", 1.0), ("", None), ("B", 2.5)])
    assert table.rows == [["org", "n"], ["A", 1], [None, None], ["B", 2.5]]
    assert table.row_numbers == [1, 2, 3, 4]
