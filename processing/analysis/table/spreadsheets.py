"""Spreadsheets (XLSX/XLSM/XLS/XLSB/ODS) through python-calamine (openpyxl for XLSX without
it), with the checks that keep a damaged or hostile file from freezing QGIS."""
import threading
import zipfile
import zlib
from itertools import repeat
from operator import is_not
from pathlib import Path
from typing import Any, Callable, List, Optional, Sequence, Union

from ..errors import InputError
from ..progress import SILENT, Progress
from ..translation import QT_TRANSLATE_NOOP
from .hidden_rows import hidden_rows, hidden_rows_note
from .raw import PROGRESS_ROWS, RawTable, clean_cell

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
OPENPYXL_SUFFIXES = {".xlsx", ".xlsm"}
HIDDEN_ROW_SUFFIXES = {".xlsx", ".xlsm", ".ods"}  # the formats whose hidden rows are counted
MAX_UNPACKED_BYTES = 100 * 2**20  # spreadsheets unpacking to more than this ...
MAX_EXPANSION = 100  # ... at more than this ratio to their size are refused (zip bombs)
CALAMINE_HINT = (
    "reading spreadsheets needs the Python package python-calamine: "
    "pip install python-calamine"
)
TICK_SECONDS = 0.25  # progress reports while a reader's one long call runs
SheetChoice = Union[str, int, None]


def read_spreadsheet(path: Path, sheet: SheetChoice, progress: Progress,
                     score: Optional[Callable[[RawTable], Any]] = None) -> RawTable:
    """The sheet asked for (a name; a number, 0-based; or a text of digits that is no sheet's
    name, 1-based as people count), else of the sheets with data the one ``score`` rates
    highest (the first without ``score``)."""
    _check_expansion(path)
    if path.suffix.lower() == ".ods":
        _check_ods_xml(path)
    workbook = open_workbook(path)
    names = workbook.sheet_names
    notes = []
    if sheet is None:
        tables = _sheets_with_data(path, workbook, progress)
        table = max(tables, key=score) if score is not None and len(tables) > 1 else tables[0]
        if len(tables) > 1:
            others = ", ".join(f'"{other.sheet}"' for other in tables if other is not table)
            notes.append(f'sheet "{table.sheet}" chosen: it looks most like a 4W table (other '
                         f"sheets with data: {others}; give Sheet to read another)")
    else:
        name = _resolve_sheet(path, names, sheet)
        table = _raw_sheet(path, name, workbook, progress)
        if not table.height:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", '{file}, sheet "{sheet}": the sheet is empty'),
                file=path.name, sheet=name)
    if len(names) > 1:
        notes.insert(0, f'sheet "{table.sheet}" read ({len(names)} sheets in file)')
    if path.suffix.lower() in HIDDEN_ROW_SUFFIXES:
        filled = [n for n, blank in zip(table.row_numbers, table.blank_rows()) if not blank]
        notes += hidden_rows_note(hidden_rows(path, table.sheet), filled)
    table.notes = notes
    table.other_sheets = [name for name in names if name != table.sheet]
    return table


def _raw_sheet(path: Path, name: str, workbook, progress: Progress) -> RawTable:
    """A sheet as a RawTable without its trailing blank rows (no rows: the sheet is empty)."""
    rows = _clean_grid(workbook.rows(name, progress.within(0, 20)), progress)
    if not has_data(rows):
        rows = []
    table = RawTable.from_rows(path.name, name, rows, list(range(1, len(rows) + 1)))
    return table.without_trailing_blank_rows()


def open_workbook(path: Path):
    try:
        import python_calamine
    except ImportError:
        if path.suffix.lower() in OPENPYXL_SUFFIXES:
            return _OpenpyxlWorkbook(path)
        raise ImportError(f"{path.name}: {CALAMINE_HINT}") from None
    try:
        return _CalamineWorkbook(python_calamine.CalamineWorkbook.from_path(str(path)),
                                 path.name)
    except BaseException as exc:  # noqa: B036 - calamine's own errors, and its panics
        _reraise_if_not_reader_failure(exc)
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: cannot be opened as a spreadsheet ({cause})"),
            file=path.name, cause=exc) from None


def _reraise_if_not_reader_failure(exc: BaseException) -> None:
    """calamine raises its own error types for corrupt files, and on some a Rust panic, which
    pyo3 raises as PanicException, a BaseException: both are the file's fault. Ctrl+C is not."""
    if not isinstance(exc, Exception) and type(exc).__name__ != "PanicException":
        raise exc


class _CalamineWorkbook:
    def __init__(self, workbook, source: str):
        self._workbook = workbook
        self._source = source
        self.sheet_names = list(workbook.sheet_names)

    def rows(self, name: str, progress: Progress = SILENT) -> List[list]:
        return in_background(lambda: self._read_sheet(name), progress)

    def _read_sheet(self, name: str) -> List[list]:
        # skip_empty_area=False keeps leading blank rows/columns so row numbers match Excel's.
        try:
            return self._workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except BaseException as exc:  # noqa: B036 - see _reraise_if_not_reader_failure
            _reraise_if_not_reader_failure(exc)
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", '{file}, sheet "{sheet}": the sheet is damaged and cannot be read '
                              "({cause})"),
                file=self._source, sheet=name, cause=f"{type(exc).__name__}: {exc}") from None


class _OpenpyxlWorkbook:
    """Fallback for .xlsx/.xlsm when python-calamine is not installed."""

    def __init__(self, path: Path):
        import openpyxl

        self._workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.sheet_names = list(self._workbook.sheetnames)

    def rows(self, name: str, progress: Progress = SILENT) -> List[list]:
        return [list(row) for row in self._workbook[name].iter_rows(values_only=True)]


def in_background(work: Callable[[], Any], progress: Progress) -> Any:
    """``work()`` in a thread, reporting progress (and stopping if cancelled) meanwhile: the
    spreadsheet reader parses a sheet in one call of seconds, during which it lets Python run.
    (A cancelled call runs on to its end in its thread; its result is dropped.)"""
    outcome = {}

    def run():
        try:
            outcome["value"] = work()
        except BaseException as exc:  # noqa: B036 - raised again in the caller's thread
            outcome["error"] = exc

    thread = threading.Thread(target=run, name="coordmap-read-sheet", daemon=True)
    thread.start()
    waited = 0.0
    while thread.is_alive():
        thread.join(TICK_SECONDS)
        waited += TICK_SECONDS
        progress.step(100 * (1 - 0.5 ** (waited / 2)))  # how long is unknown: ever nearer 100
    if "error" in outcome:
        raise outcome["error"]
    return outcome["value"]


def _check_expansion(path: Path) -> None:
    """A zip that unpacks to far more than a table of its size could (a 'zip bomb') would fill
    the memory and freeze QGIS: refuse it before reading. Real XLSX/ODS compress about 5-20x."""
    if not zipfile.is_zipfile(path):
        return
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(member.file_size for member in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # the reader says what is wrong with it
    ratio = unpacked / max(path.stat().st_size, 1)
    if unpacked > MAX_UNPACKED_BYTES and ratio > MAX_EXPANSION:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: the file unpacks to {size:,.0f} MB, {ratio:,.0f} times its "
                          "size; a spreadsheet of real data does not, so it is not read"),
            file=path.name, size=unpacked / 2**20, ratio=ratio)


def _check_ods_xml(path: Path) -> None:
    """python-calamine loops forever on some malformed ODS XML (a stray quote in a tag):
    QGIS would freeze. Python's expat checks the sheet XML first, streaming, without a tree."""
    from xml.parsers import expat

    parser = expat.ParserCreate()
    try:
        with zipfile.ZipFile(path) as archive, archive.open("content.xml") as content:
            for chunk in iter(lambda: content.read(1 << 20), b""):
                parser.Parse(chunk, False)
            parser.Parse(b"", True)
    except expat.ExpatError as error:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: the file is damaged (its sheet XML is broken at line {line}, "
                          "column {column}: {cause}); open it in LibreOffice or Excel and save "
                          "it again"),
            file=path.name, line=error.lineno, column=error.offset,
            cause=expat.ErrorString(error.code)) from None
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
        return  # not a readable ODS zip: the reader says so


def _sheets_with_data(path: Path, workbook, progress: Progress) -> List[RawTable]:
    """Every sheet that has data, in file order (instructions, pick lists and pivots too: the
    caller chooses)."""
    tables = [_raw_sheet(path, name, workbook, progress) for name in workbook.sheet_names]
    tables = [table for table in tables if table.height]
    if not tables:
        raise InputError(QT_TRANSLATE_NOOP("InputError", "{file}: no sheet has any data"),
                         file=path.name)
    return tables


def _resolve_sheet(path: Path, names: List[str], sheet: Union[str, int]) -> str:
    available = ", ".join(f'"{name}"' for name in names)
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(names):
            return names[sheet]
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: no sheet number {number} (0-based); available sheets: {sheets}"),
            file=path.name, number=sheet, sheets=available)
    if sheet in names:
        return sheet
    if isinstance(sheet, str) and sheet.strip().isdigit():  # no sheet has that name: a number
        return _resolve_sheet(path, names, int(sheet) - 1)
    by_folded_name = {name.strip().casefold(): name for name in names}
    folded = str(sheet).strip().casefold()
    if folded in by_folded_name:
        return by_folded_name[folded]
    raise InputError(QT_TRANSLATE_NOOP(
        "InputError", '{file}: no sheet "{sheet}"; available sheets: {sheets}'),
        file=path.name, sheet=sheet, sheets=available)


def _clean_grid(rows: List[Sequence[Any]], progress: Progress = SILENT) -> List[list]:
    cleaned = []
    for start in range(0, len(rows), PROGRESS_ROWS):
        progress.step(20 + 70 * start / len(rows))  # (the reader itself cannot report)
        cleaned += [[clean_cell(cell) for cell in row]
                    for row in rows[start:start + PROGRESS_ROWS]]
    return cleaned


def _has_cells(row: Sequence[Any]) -> bool:
    """Any cell not None (identity only, and no Python loop: asked of every row)."""
    return any(map(is_not, row, repeat(None)))


def has_data(rows: List[list]) -> bool:
    return any(map(_has_cells, rows))
