"""HXL hashtags of CoordMap's tabular outputs: one mapping from output field to tag, the HXL
row written under the header of a CSV or XLSX file, and the tags as GeoPackage column metadata.

The HXL row (https://hxlstandard.org) lets HDX, HXL Proxy and other tools read an output without
knowing CoordMap's field names. Fields of every output share one mapping (a field has the same
meaning wherever it is); a field with no tag (a partner's own column in the rows output) gets an
empty cell, as HXL allows. Files that already have an HXL row (the QA report, the operational
presence export) are left as they are. A GeoPackage gets each tag as the column's name in
``gpkg_data_columns`` (the GeoPackage schema extension), which GDAL 3.7 and later read as the
field's alternative name (QGIS shows it as the alias).
"""
import csv
import html
import io
import re
import sqlite3
import zipfile
from pathlib import Path
from typing import Iterable, List, Optional, Sequence, Union

from .errors import InputError
from .translation import QT_TRANSLATE_NOOP

FIELD_TAGS = {
    # where
    "pcode": "#loc+code", "name": "#loc+name", "admin_level": "#meta+admin_level",
    "parent_pcode": "#loc+code+parent", "unit_specified": "#meta+unit_specified",
    "location_code": "#country+code", "location_name": "#country+name",
    "admin1_code": "#adm1+code", "admin1_name": "#adm1+name",
    "admin2_code": "#adm2+code", "admin2_name": "#adm2+name",
    # who
    "organisation": "#org+name", "organisation_acronym": "#org+acronym",
    "organisation_type": "#org+type", "org_name": "#org+name", "org_acronym": "#org+acronym",
    "org_type_code": "#org+type+code", "org_type_description": "#org+type+name",
    "partner": "#org+name", "partners": "#org+num", "partner_list": "#org+name+list",
    "partners_before": "#org+num+before", "partners_now": "#org+num+now",
    "max_partners": "#org+num+max",
    # what
    "cluster": "#sector+code", "cluster_name": "#sector+name", "sector_code": "#sector+code",
    "sector_name": "#sector+name", "clusters_present": "#sector+num+present",
    "clusters_with_need": "#sector+num+need", "activity": "#activity+name",
    "activities": "#activity+num", "activity_status": "#status", "modality": "#modality",
    # when
    "period": "#date+period", "previous_period": "#date+period+previous",
    "period_start": "#date+start", "period_end": "#date+end",
    "reference_period_start": "#date+start", "reference_period_end": "#date+end",
    "first_start": "#date+start+first", "last_end": "#date+end+last",
    # for whom
    "targeted": "#targeted", "reached": "#reached", "reached_max": "#reached+max",
    "pin": "#inneed", "target": "#targeted+target", "severity": "#severity",
    "coverage": "#indicator+coverage+pct",
    # how the row was read, gaps and overlaps
    "source_row": "#meta+row", "status": "#meta+status", "reason": "#description",
    "match_method": "#meta+method", "match_score": "#meta+score",
    "suggestion": "#meta+suggestion", "rows": "#meta+rows", "protected": "#meta+protected",
    "gap_status": "#status+gap", "gap_rank": "#priority+gap", "change": "#status+change",
    "duplication": "#indicator+duplication", "overlaps": "#indicator+overlaps",
    # the crosswalk of suggestions
    "raw_value": "#meta+value", "level": "#meta+admin_level", "parent": "#meta+parent",
    "score": "#meta+score",
}
CSV_SUFFIXES = (".csv", ".txt", ".tsv")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
GEOPACKAGE_SUFFIX = ".gpkg"
ROWS_LOOKED_AT = 5  # an HXL row already there is within the first rows (notice, header, tags)
_HASHTAG = re.compile(r"#[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*", re.IGNORECASE)


def tag_of(field: str) -> str:
    """The HXL hashtag of an output field ('' when it has none)."""
    return FIELD_TAGS.get(str(field), "")


def hxl_row(fields: Sequence[str]) -> List[str]:
    return [tag_of(field) for field in fields]


def is_hxl_row(cells: Iterable) -> bool:
    """Whether a row is an HXL row: every filled cell is a hashtag ("#org +name"; "#N/A" is
    not one), and one cell at least."""
    filled = [str(cell).strip() for cell in cells if cell is not None and str(cell).strip()]
    return bool(filled) and all(_HASHTAG.fullmatch(cell) for cell in filled)


def tag_output(path: Union[str, Path]) -> bool:
    """Write the HXL row under the header of a CSV or XLSX output (every sheet of an XLSX), or
    the tags into a GeoPackage's column metadata; True when tags were added. Other files, and
    files with an HXL row already, are left alone."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix in CSV_SUFFIXES:
        return _tag_csv(path)
    if suffix in XLSX_SUFFIXES:
        return _tag_xlsx(path)
    if suffix == GEOPACKAGE_SUFFIX:
        return _tag_geopackage(path)
    return False


# CSV -----------------------------------------------------------------------------------------

def _tag_csv(path: Path) -> bool:
    raw = path.read_bytes()
    encoding = "utf-8-sig" if raw.startswith(b"\xef\xbb\xbf") else "utf-8"
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError:  # written in another encoding (a user's setting): left alone
        return False
    start = 0
    while text.startswith("#", start):  # comment lines above the header (the crosswalk's)
        start = _record_end(text, start)
    header_end = _record_end(text, start)
    sniffed = _delimiter(text[start:header_end])
    header = _cells(text[start:header_end], sniffed)
    if not header or _has_hxl_row(text, start):
        return False
    delimiter = "\t" if path.suffix.lower() == ".tsv" else sniffed
    line_end = "\r\n" if text[start:header_end].endswith("\r\n") else "\n"
    out = io.StringIO()
    csv.writer(out, delimiter=delimiter, lineterminator=line_end).writerow(hxl_row(header))
    if header_end == len(text) and not text.endswith(("\n", "\r")):
        out = io.StringIO(line_end + out.getvalue())
    path.write_text(text[:header_end] + out.getvalue() + text[header_end:], encoding=encoding)
    return True


def _record_end(text: str, start: int) -> int:
    """The position after the CSV record starting at ``start`` (its line end included): a
    newline inside quotes is part of a cell."""
    quoted = False
    position = start
    while position < len(text):
        char = text[position]
        if char == '"':
            quoted = not quoted
        elif char == "\n" and not quoted:
            return position + 1
        position += 1
    return len(text)


def _cells(record: str, delimiter: Optional[str] = None) -> List[str]:
    record = record.rstrip("\r\n")
    if not record:
        return []
    return next(csv.reader([record], delimiter=delimiter or _delimiter(record)), [])


def _delimiter(record: str) -> str:
    unquoted = "".join(part for index, part in enumerate(record.split('"')) if index % 2 == 0)
    return max((",", ";", "\t"), key=unquoted.count)


def _has_hxl_row(text: str, start: int) -> bool:
    position = start
    for _ in range(ROWS_LOOKED_AT):
        if position >= len(text):
            return False
        end = _record_end(text, position)
        if is_hxl_row(_cells(text[position:end])):
            return True
        position = end
    return False


# XLSX ----------------------------------------------------------------------------------------

def _tag_xlsx(path: Path) -> bool:
    """Each sheet's XML is edited in place (rows after the header moved down one, the HXL row
    written in inline strings): loading a workbook of 100,000 rows into openpyxl to insert a
    row would take minutes. Sheets with more than rows and cells (merged cells, filters,
    formulas, tables) go through openpyxl."""
    with zipfile.ZipFile(path) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
        infos = archive.infolist()
    strings = _shared_strings(members.get("xl/sharedStrings.xml"))
    sheets = [name for name in members if re.fullmatch(r"xl/worksheets/sheet\d+\.xml", name)]
    changed = {}
    for name in sheets:
        xml = members[name].decode("utf-8")
        if _UNSHIFTABLE.search(xml):
            return _tag_xlsx_with_openpyxl(path)
        tagged = _tagged_sheet(xml, strings)
        if tagged is not None:
            changed[name] = tagged.encode("utf-8")
    if not changed:
        return False
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as archive:
        for info in infos:
            archive.writestr(info, changed.get(info.filename, members[info.filename]))
    return True


# Sheets whose XML says more than rows of cells with values are left to openpyxl.
_UNSHIFTABLE = re.compile(r"<(?:mergeCell|autoFilter|tablePart|f|hyperlink|conditionalFormatting"
                          r"|dataValidation)\b")
_ROW = re.compile(r'<row r="(\d+)"')
_CELL = re.compile(r'<c r="([A-Z]+)(\d+)"')
_DIMENSION = re.compile(r'<dimension ref="([A-Z]+)1:([A-Z]+)(\d+)"')


def _shared_strings(xml: Optional[bytes]) -> List[str]:
    if not xml:
        return []
    from xml.etree import ElementTree

    namespace = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
    return ["".join(text.text or "" for text in item.iter(f"{namespace}t"))
            for item in ElementTree.fromstring(xml).iter(f"{namespace}si")]


def _tagged_sheet(xml: str, strings: List[str]) -> Optional[str]:
    """The sheet with its HXL row as row 2; None when it has no header or an HXL row."""
    rows = _first_rows(xml, strings)
    if not rows or any(is_hxl_row(cells) for cells in rows):
        return None
    header_end = xml.index("</row>", xml.index('<row r="1"')) + len("</row>")
    tags = "".join(f'<c r="{_column_letter(column)}2" t="inlineStr"><is><t>{tag}</t></is></c>'
                   for column, tag in enumerate(hxl_row(rows[0]), 1) if tag)
    body = _CELL.sub(_cell_moved, _ROW.sub(_row_moved, xml[header_end:]))
    head = _DIMENSION.sub(lambda m: f'<dimension ref="{m[1]}1:{m[2]}{int(m[3]) + 1}"',
                          xml[:header_end])
    return f'{head}<row r="2">{tags}</row>{body}'


def _first_rows(xml: str, strings: List[str]) -> List[List[str]]:
    """The texts of the sheet's first rows (as their cells are written; blanks for others)."""
    if '<row r="1"' not in xml:
        return []
    rows = []
    for number in range(1, ROWS_LOOKED_AT + 1):
        start = xml.find(f'<row r="{number}"')
        if start < 0:
            break
        row = xml[start:xml.index("</row>", start)]
        cells = re.findall(r'<c r="([A-Z]+)\d+"([^>]*)>(.*?)</c>', row, re.DOTALL)
        texts = {}
        for letter, attributes, inner in cells:
            value = re.search(r"<v>(.*?)</v>|<t[^>]*>(.*?)</t>", inner, re.DOTALL)
            text = (value[1] if value[1] is not None else value[2]) if value else ""
            if 't="s"' in attributes and text.isdigit() and int(text) < len(strings):
                text = strings[int(text)]
            texts[_column_number(letter)] = html.unescape(text)
        rows.append([texts.get(column, "") for column in range(1, max(texts, default=0) + 1)])
    return rows


def _row_moved(match) -> str:
    return f'<row r="{int(match[1]) + 1}"'


def _cell_moved(match) -> str:
    return f'<c r="{match[1]}{int(match[2]) + 1}"'


def _column_letter(number: int) -> str:
    """The letters of spreadsheet column ``number`` (1: A). headers.tokens.column_letter does
    the same from 0, but importing the headers package needs pandas, and this module must load
    without it (the plugin says what to install)."""
    letters = ""
    while number:
        number, remainder = divmod(number - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters




def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _tag_xlsx_with_openpyxl(path: Path) -> bool:
    from openpyxl import load_workbook

    workbook = load_workbook(path)
    added = False
    for sheet in workbook.worksheets:
        first = [list(row) for row in sheet.iter_rows(max_row=ROWS_LOOKED_AT, values_only=True)]
        if not first or any(is_hxl_row(row) for row in first):
            continue
        sheet.insert_rows(2)
        for column, tag in enumerate(hxl_row([str(cell or "") for cell in first[0]]), 1):
            if tag:
                sheet.cell(row=2, column=column, value=tag)
        added = True
    if added:
        workbook.save(path)
    return added


# GeoPackage ----------------------------------------------------------------------------------

_DATA_COLUMNS = """CREATE TABLE IF NOT EXISTS gpkg_data_columns (
    table_name TEXT NOT NULL, column_name TEXT NOT NULL, name TEXT, title TEXT,
    description TEXT, mime_type TEXT, constraint_name TEXT,
    CONSTRAINT pk_gdc PRIMARY KEY (table_name, column_name),
    CONSTRAINT gdc_tn UNIQUE (table_name, name))"""
_EXTENSIONS = """CREATE TABLE IF NOT EXISTS gpkg_extensions (
    table_name TEXT, column_name TEXT, extension_name TEXT NOT NULL, definition TEXT NOT NULL,
    scope TEXT NOT NULL, CONSTRAINT ge_tce UNIQUE (table_name, column_name, extension_name))"""
_SCHEMA_EXTENSION = ("gpkg_data_columns", None, "gpkg_schema",
                     "http://www.geopackage.org/spec/#extension_schema", "read-write")


def _tag_geopackage(path: Path) -> bool:
    try:
        return _tag_tables(path)
    except sqlite3.Error as error:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: the HXL hashtags could not be written ({cause})"),
            file=path.name, cause=error) from None


def _tag_tables(path: Path) -> bool:
    connection = sqlite3.connect(str(path))
    try:
        with connection:
            tables = [name for (name,) in connection.execute(
                "SELECT table_name FROM gpkg_contents WHERE data_type IN "
                "('features', 'attributes')")]
            rows = [(table, column, tag, tag, "HXL hashtag")
                    for table in tables for column, tag in _tagged_columns(connection, table)]
            if not rows:
                return False
            connection.execute(_DATA_COLUMNS)
            connection.execute(_EXTENSIONS)
            connection.execute("INSERT OR IGNORE INTO gpkg_extensions VALUES (?, ?, ?, ?, ?)",
                               _SCHEMA_EXTENSION)
            connection.executemany("INSERT OR IGNORE INTO gpkg_data_columns (table_name, "
                                   "column_name, name, title, description) VALUES "
                                   "(?, ?, ?, ?, ?)", rows)
    finally:
        connection.close()
    return True


def _tagged_columns(connection, table: str):
    """(column, tag) of a table's columns that have a tag, each tag once."""
    columns = [row[1] for row in connection.execute(
        "SELECT * FROM pragma_table_info(?)", (table,))]
    first = {}
    for column in columns:
        tag = tag_of(column)
        if tag and tag not in first:
            first[tag] = column
    return [(column, tag) for tag, column in first.items()]
