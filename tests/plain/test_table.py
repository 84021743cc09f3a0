"""read_table / table_from_records / list_sheets on small generated files."""
import csv
import datetime as dt

import numpy as np
import openpyxl
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.table import (
    fast_csv,
    list_sheets,
    plain_csv,
    read_table,
    table_from_records,
    text_file,
)
from coordmap.processing.analysis.table.encoding import SNIFF_CHARS
from coordmap.tests.helpers import csv_path


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


# The CSV reader has two paths: pandas' C parser (fast) and the csv module (the reference, and
# the fallback when the fast path cannot be sure). They must give the very same records.
TRICKY_CSV = {
    "quotes": 'a,b,c\n"x ""y""",z,"1,5"\n"a"b,c"d,\n" q",  "r" ,s\n',
    "line ends in cells": 'a,b\n"two\nlines",x\n"three\r\nlines\rhere",y\nz,w\n',
    "crlf and lone cr": "a,b\r\n1,2\r3,4\r\n\r\n5,6\r",
    "ragged rows": "a,b,c\n1\n1,2,3\n\n4,5,6,,\n7,8\n",
    "blank and whitespace": "a,b\n  ,\t\n\n1,2\n,\n\n,,,\n\n",
    "semicolons": 'Région;Org\n"Health; Nutrition";A\n;\n',
    "tabs": "a\tb\n1\t\t3\n",
    "no final line end": "a,b\n1,2",
    "trailing delimiters": "a,b,,\n1,2,,\n3,4,,\n",
    "only a header": "a,b,c\n",
    "cells that look like numbers": "code,n\n007,1.0\n0102,2\n1E3,-0\n",  # kept as written
}


def _both_paths(text):
    delimiter = text_file.sniff_delimiter(text)
    fast = _records(fast_csv.parse_csv("t.csv", text.encode("utf-8"), delimiter,
                                       text_file.most_fields(text, delimiter)))
    try:
        return fast, plain_csv.parse_csv("t.csv", text, delimiter)
    except InputError as error:  # e.g. a quote never closed: the file is refused
        return fast, error


def _records(parsed):
    """The fast path's table as the csv module's records: each row cut to its own width."""
    if parsed is None:
        return None
    table, widths = parsed
    return [row[:width] for row, width in zip(table.rows, widths)], table.row_numbers


@pytest.mark.parametrize("name", sorted(TRICKY_CSV))
def test_fast_csv_path_gives_exactly_the_csv_module_records(name):
    fast, reference = _both_paths(TRICKY_CSV[name])
    assert fast is not None, "the fast path should accept this file"
    assert fast == reference


@pytest.mark.parametrize("name", sorted(TRICKY_CSV))
def test_fast_csv_path_read_in_chunks_gives_the_same_records(name, monkeypatch):
    monkeypatch.setattr(fast_csv, "CSV_CHUNK_ROWS", 2)  # records cut across chunks
    fast, reference = _both_paths(TRICKY_CSV[name])
    assert fast == reference


@pytest.mark.parametrize("name", sorted(TRICKY_CSV))
def test_fast_csv_path_in_chunks_of_three_rows_gives_the_same_records(name, monkeypatch):
    monkeypatch.setattr(fast_csv, "CSV_CHUNK_ROWS", 3)
    fast, reference = _both_paths(TRICKY_CSV[name])
    assert fast == reference


def test_fast_csv_path_line_counting_across_chunk_boundaries(monkeypatch):
    text = TRICKY_CSV["line ends in cells"] + TRICKY_CSV["crlf and lone cr"]
    reference = _both_paths(text)[1]
    for size in (1, 2, 3, 7):  # \r\n split over two chunks, a chunk per byte, ...
        monkeypatch.setattr(fast_csv, "_CHUNK_BYTES", size)
        assert _both_paths(text)[0] == reference


@settings(max_examples=300, derandomize=True, database=None, deadline=None)
@given(st.lists(st.sampled_from(['a', 'é', ',', ';', '\t', '"', '""', ' ', '\n', '\r', '\r\n']),
                min_size=1, max_size=60).map("".join))
def test_fast_csv_path_never_reads_differently_from_the_csv_module(text):
    fast, reference = _both_paths(text)
    assert fast is None or fast == reference  # None: declined, the csv module reads it


def test_distinct_texts_joins_equal_texts_of_different_chunks():
    texts = np.array(["".join(["a", "b"]), "c", "".join(["a", "b"]), "c", ""], dtype=object)
    assert texts[0] is not texts[2]
    column = fast_csv._distinct_texts([pd.factorize(texts[:2]), pd.factorize(texts[2:])])
    codes, distinct = column.codes, column.values
    assert distinct.tolist() == ["ab", "c", ""]
    assert codes.tolist() == [0, 1, 0, 1, 2]


def test_fast_csv_path_declines_a_longer_record_after_the_sniffed_start_and_a_quote_left_open():
    long_later = "a,b\n" + "1,2\n" * (SNIFF_CHARS // 4 + 10) + "1,2,3\n"
    fast, reference = _both_paths(long_later)
    assert fast is None and reference[0][-1] == ["1", "2", "3"]
    fast, reference = _both_paths('a,b\n"open,1\n2,3\n')
    assert fast is None and isinstance(reference, InputError)


def _raw_both_ways(path, monkeypatch):
    fast = read_table(path)
    with monkeypatch.context() as patch:
        patch.setattr(fast_csv, "parse_csv", lambda *args: None)
        reference = read_table(path)
    return fast, reference


@pytest.mark.parametrize("encoding,prefix", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"),
                                             ("cp1252", b""), ("utf-16", b"")])
def test_read_table_is_the_same_raw_table_on_either_path(tmp_path, monkeypatch, encoding, prefix):
    lines = ["Région;Organisation;Pcode;Personnes", "#adm1+name;#org;#adm1+code;#reached"]
    lines += [f'Sud-{i % 7};"Médecins; {i % 3}";XY{i % 5:02d};{i * 10}' for i in range(3000)]
    lines += ['Nord;"deux\r\nlignes";XY01;5', "Est;ACF", "", "Total;;;999", ";;;", "", ""]
    path = tmp_path / "t.csv"
    path.write_bytes(prefix + "\r\n".join(lines).encode(encoding))
    fast, reference = _raw_both_ways(path, monkeypatch)
    assert fast == reference
    assert fast.row_numbers[-4:] == [3003, 3005, 3006, 3007]  # the cell with a line end: 2 lines
    assert fast.rows[-1] == ["Total", None, None, "999"]  # blank rows at the end trimmed


def test_read_table_with_nul_bytes_and_ragged_rows_is_the_same_on_either_path(tmp_path,
                                                                             monkeypatch):
    path = tmp_path / "n.csv"
    path.write_bytes(b"a|b|c\n" + b"1|2\x00|3\n4|5\n" * 500 + b"6|7|8|9\n\n")
    fast, reference = _raw_both_ways(path, monkeypatch)
    assert fast == reference
    assert fast.rows[-1] == ["6", "7", "8", "9"] and fast.rows[2] == ["4", "5", None, None]


def test_the_plain_path_reads_a_cell_longer_than_the_csv_module_limit(tmp_path):
    limit = csv.field_size_limit()
    long_text = "x" * (limit + 10)
    path = write(tmp_path / "long.csv", f"a,b\n{long_text},1\n")
    with csv_path("plain"):
        raw = read_table(path)
    assert raw.rows == [["a", "b"], [long_text, "1"]]
    assert csv.field_size_limit() == limit  # set back after the read


def test_arabic_and_cyrillic_code_pages_are_told_without_charset_normalizer_too(monkeypatch):
    """charset-normalizer ships with QGIS (through requests); a Python without it still tells
    Windows-Arabic and Windows-Cyrillic files from Western ones."""
    import builtins

    from coordmap.processing.analysis.table.encoding import legacy_encoding

    real_import = builtins.__import__

    def without_charset_normalizer(name, *args, **kwargs):
        if name == "charset_normalizer":
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", without_charset_normalizer)
    samples = {"cp1256": "منظمة الإغاثة;الصحة;XY0101", "cp1251": "Красный Крест;Здравоохранение",
               "cp1252": "Médecins Sans Frontières;Santé"}
    for codec, text in samples.items():
        assert legacy_encoding([text.encode(codec)]) == codec
