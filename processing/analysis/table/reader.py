"""Read a 3W/4W table (CSV/TXT or spreadsheet) into a raw grid of cells with file row numbers.

Nothing is interpreted here: header detection, roles and periods happen in later steps. Cells keep
the type the reader gives them (numbers, dates) because periods need Excel dates.
"""
from pathlib import Path
from typing import Any, Iterable, List, Sequence, Union

from ..errors import InputError
from ..progress import SILENT, Progress
from ..translation import QT_TRANSLATE_NOOP
from .encoding import decode
from .raw import RawTable, clean_cell
from .spreadsheets import SPREADSHEET_SUFFIXES, SheetChoice, open_workbook, read_spreadsheet
from .text_file import read_text


def read_table(path: Union[str, Path], sheet: SheetChoice = None,
               progress: Progress = SILENT) -> RawTable:
    """Read a CSV/TXT/XLSX/XLSM/XLS/XLSB/ODS file; ``sheet`` is a name or a 0-based index (a
    text of digits that no sheet is named: 1-based). Without ``sheet``, of a workbook's sheets
    with data the one that looks most like a 4W table (instructions, pick lists and pivots
    often come first)."""
    path = _checked_path(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES and not _is_text_file(path):
        from ..headers.layout import sheet_score  # (the headers step reads RawTables)

        return read_spreadsheet(path, sheet, progress, sheet_score)
    return read_text(path, progress)


def list_sheets(path: Union[str, Path]) -> List[str]:
    """Sheet names of a spreadsheet, in file order; an empty list for text files."""
    path = _checked_path(path)
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES or _is_text_file(path):
        return []
    return open_workbook(path).sheet_names


def table_from_records(
    source: str, field_names: Sequence[str], records: Iterable[Sequence[Any]]
) -> RawTable:
    """A RawTable for rows from somewhere else (e.g. a QGIS layer): header row = field names.

    Row numbers count like a CSV: the field names are row 1, the first record row 2.
    """
    rows = [[clean_cell(name) for name in field_names]]
    rows.extend([clean_cell(value) for value in record] for record in records)
    return RawTable.from_rows(source, None, rows, list(range(1, len(rows) + 1)))


def _checked_path(path: Union[str, Path]) -> Path:
    path = Path(path)
    if not path.exists():
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: file not found ({path})"),
            file=path.name, path=path)
    if path.is_dir():
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: is a folder, not a table file ({path})"),
            file=path.name, path=path)
    if path.stat().st_size == 0:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: the file is empty"),
            file=path.name)
    return path


def _is_text_file(path: Path) -> bool:
    """A CSV saved under a spreadsheet name (web exports do this): neither a zip (XLSX, ODS)
    nor an OLE2 container (XLS), and its start is printable text in some encoding."""
    with open(path, "rb") as handle:
        start = handle.read(4096)
    if start.startswith((b"PK", b"\xd0\xcf\x11\xe0")):
        return False
    text = decode(start)[0]
    printable = sum(1 for char in text if char.isprintable() or char in "\t\r\n")
    return printable >= 0.95 * len(text)
