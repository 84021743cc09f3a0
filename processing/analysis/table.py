"""Read a 3W/4W table (CSV/TXT or spreadsheet) into a raw grid of cells with file row numbers.

Nothing is interpreted here: header detection, roles and periods happen in later steps. Cells keep
the type the reader gives them (numbers, dates) because periods need Excel dates.
"""
import csv
import io
import math
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, List, Optional, Sequence, Tuple, Union

from .errors import InputError

TEXT_SUFFIXES = {".csv", ".txt", ".tsv", ".tab"}
SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
OPENPYXL_SUFFIXES = {".xlsx", ".xlsm"}
DELIMITERS = [",", ";", "\t", "|"]
SNIFF_CHARS = 65536
CALAMINE_HINT = (
    "reading spreadsheets needs the Python package python-calamine: "
    "pip install python-calamine"
)

SheetChoice = Union[str, int, None]


@dataclass
class RawTable:
    source: str  # file name for messages
    sheet: Optional[str]  # sheet actually read (None for CSV)
    rows: List[list]  # raw cell values, None for empty; ragged rows padded
    row_numbers: List[int]  # 1-based row number a person sees in the file, per entry of rows
    notes: List[str] = field(default_factory=list)

    @property
    def where(self) -> str:
        """'file' or 'file, sheet "name"' for messages."""
        return self.source if self.sheet is None else f'{self.source}, sheet "{self.sheet}"'


def read_table(path: Union[str, Path], sheet: SheetChoice = None) -> RawTable:
    """Read a CSV/TXT/XLSX/XLSM/XLS/XLSB/ODS file; ``sheet`` is a name or a 0-based index."""
    path = _checked_path(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        return _read_spreadsheet(path, sheet)
    return _read_text(path)


def list_sheets(path: Union[str, Path]) -> List[str]:
    """Sheet names of a spreadsheet, in file order; an empty list for text files."""
    path = _checked_path(path)
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES:
        return []
    return _open_workbook(path).sheet_names


def table_from_records(
    source: str, field_names: Sequence[str], records: Iterable[Sequence[Any]]
) -> RawTable:
    """A RawTable for rows from somewhere else (e.g. a QGIS layer): header row = field names.

    Row numbers count like a CSV: the field names are row 1, the first record row 2.
    """
    rows = [[_clean_cell(name) for name in field_names]]
    rows.extend([_clean_cell(value) for value in record] for record in records)
    rows = _pad(rows)
    return RawTable(source, None, rows, list(range(1, len(rows) + 1)), [])


# ---------------------------------------------------------------------------------------------
# shared helpers


def _checked_path(path: Union[str, Path]) -> Path:
    path = Path(path)
    if not path.exists():
        raise InputError(f"{path.name}: file not found ({path})")
    if path.is_dir():
        raise InputError(f"{path.name}: is a folder, not a table file ({path})")
    if path.stat().st_size == 0:
        raise InputError(f"{path.name}: the file is empty")
    return path


def _clean_cell(value: Any) -> Any:
    """None for empty cells; integral floats become int so codes and years print without '.0'."""
    if value is None:
        return None
    if isinstance(value, str):
        return value if value.strip() else None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer() and abs(value) < 2**53:
            return int(value)
    return value


def _pad(rows: List[list]) -> List[list]:
    width = max((len(row) for row in rows), default=0)
    return [row + [None] * (width - len(row)) for row in rows]


def _has_data(rows: List[list]) -> bool:
    return any(cell is not None for row in rows for cell in row)


# ---------------------------------------------------------------------------------------------
# text files


def _read_text(path: Path) -> RawTable:
    notes: List[str] = []
    text, encoding_note = _decode(path.read_bytes())
    if encoding_note:
        notes.append(encoding_note)
    if "\x00" in text:
        notes.append(f"{text.count(chr(0))} NUL bytes removed")
        text = text.replace("\x00", "")
    if not text.strip():
        raise InputError(f"{path.name}: the file is empty")
    delimiter = _sniff_delimiter(text)
    if delimiter != ",":
        notes.append(f"delimiter {_delimiter_name(delimiter)} detected")
    rows, row_numbers = _parse_csv(path.name, text, delimiter)
    rows = _trim_trailing_blank_rows(rows)
    row_numbers = row_numbers[: len(rows)]
    if not _has_data(rows):
        raise InputError(f"{path.name}: the file has no data")
    return RawTable(path.name, None, _pad(rows), row_numbers, notes)


def _decode(data: bytes) -> Tuple[str, str]:
    """Text and a note naming the encoding when it is not plain UTF-8."""
    boms = [
        (b"\xef\xbb\xbf", "utf-8-sig", "encoding UTF-8 with BOM detected"),
        (b"\xff\xfe", "utf-16", "encoding UTF-16 (little-endian, BOM) detected"),
        (b"\xfe\xff", "utf-16", "encoding UTF-16 (big-endian, BOM) detected"),
    ]
    for bom, codec, note in boms:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), note
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), f"encoding {utf16.upper()} (no BOM) detected"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "encoding cp1252 (Windows Western) detected: not UTF-8"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "encoding latin-1 detected: not UTF-8"


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le'/'utf-16-be' when most odd/even bytes are NUL (ASCII text in UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4:
        return ""
    half = len(sample) // 2
    odd_nuls = sample[1::2].count(0) / half
    even_nuls = sample[0::2].count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return ""


def _sniff_delimiter(text: str) -> str:
    """The candidate that splits the first lines into the most consistent number of fields."""
    sample = text[:SNIFF_CHARS]
    if len(text) > SNIFF_CHARS and "\n" in sample:
        sample = sample[: sample.rindex("\n")]
    best, best_score = ",", (0.0, 0)
    for delimiter in DELIMITERS:
        score = _delimiter_score(sample, delimiter)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _delimiter_score(sample: str, delimiter: str) -> Tuple[float, int]:
    """(share of rows with the usual field count, that count); (0, 0) if it never splits."""
    try:
        records = list(csv.reader(io.StringIO(sample, newline=""), delimiter=delimiter))
    except csv.Error:
        return (0.0, 0)
    counts = [len(record) for record in records if any(cell.strip() for cell in record)]
    if not counts:
        return (0.0, 0)
    usual, frequency = Counter(counts).most_common(1)[0]
    if usual < 2:
        return (0.0, 0)
    return (round(frequency / len(counts), 2), usual)


def _delimiter_name(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else f"'{delimiter}'"


def _parse_csv(source: str, text: str, delimiter: str) -> Tuple[List[list], List[int]]:
    """Records and the file line each starts on (records may span lines in quoted cells)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: List[list] = []
    row_numbers: List[int] = []
    lines_read = 0
    try:
        for record in reader:
            row_numbers.append(lines_read + 1)
            rows.append([_clean_cell(cell) for cell in record])
            lines_read = reader.line_num
    except csv.Error as exc:
        line = lines_read + 1
        raise InputError(f"{source}, line {line}: cannot be read as CSV ({exc})") from None
    return rows, row_numbers


# ---------------------------------------------------------------------------------------------
# spreadsheets


def _open_workbook(path: Path):
    try:
        import python_calamine
    except ImportError:
        if path.suffix.lower() in OPENPYXL_SUFFIXES:
            return _OpenpyxlWorkbook(path)
        raise ImportError(f"{path.name}: {CALAMINE_HINT}") from None
    try:
        return _CalamineWorkbook(python_calamine.CalamineWorkbook.from_path(str(path)))
    except Exception as exc:  # calamine raises its own error types for corrupt files
        raise InputError(f"{path.name}: cannot be opened as a spreadsheet ({exc})") from None


class _CalamineWorkbook:
    def __init__(self, workbook):
        self._workbook = workbook
        self.sheet_names = list(workbook.sheet_names)

    def rows(self, name: str) -> List[list]:
        # skip_empty_area=False keeps leading blank rows/columns so row numbers match Excel's.
        return self._workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)


class _OpenpyxlWorkbook:
    """Fallback for .xlsx/.xlsm when python-calamine is not installed."""

    def __init__(self, path: Path):
        import openpyxl

        self._workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.sheet_names = list(self._workbook.sheetnames)

    def rows(self, name: str) -> List[list]:
        return [list(row) for row in self._workbook[name].iter_rows(values_only=True)]


def _read_spreadsheet(path: Path, sheet: SheetChoice) -> RawTable:
    workbook = _open_workbook(path)
    names = workbook.sheet_names
    if sheet is None:
        name, rows = _first_sheet_with_data(path, workbook)
    else:
        name = _resolve_sheet(path, names, sheet)
        rows = _clean_grid(workbook.rows(name))
        if not _has_data(rows):
            raise InputError(f'{path.name}, sheet "{name}": the sheet is empty')
    rows = _trim_trailing_blank_rows(rows)
    notes = [] if len(names) == 1 else [f'sheet "{name}" read ({len(names)} sheets in file)']
    return RawTable(path.name, name, _pad(rows), list(range(1, len(rows) + 1)), notes)


def _first_sheet_with_data(path: Path, workbook) -> Tuple[str, List[list]]:
    for name in workbook.sheet_names:
        rows = _clean_grid(workbook.rows(name))
        if _has_data(rows):
            return name, rows
    raise InputError(f"{path.name}: no sheet has any data")


def _resolve_sheet(path: Path, names: List[str], sheet: Union[str, int]) -> str:
    available = ", ".join(f'"{name}"' for name in names)
    if isinstance(sheet, int) and not isinstance(sheet, bool):
        if 0 <= sheet < len(names):
            return names[sheet]
        raise InputError(
            f"{path.name}: no sheet number {sheet} (0-based); available sheets: {available}"
        )
    if sheet in names:
        return sheet
    by_folded_name = {name.strip().casefold(): name for name in names}
    folded = str(sheet).strip().casefold()
    if folded in by_folded_name:
        return by_folded_name[folded]
    raise InputError(f'{path.name}: no sheet "{sheet}"; available sheets: {available}')


def _clean_grid(rows: List[Sequence[Any]]) -> List[list]:
    return [[_clean_cell(cell) for cell in row] for row in rows]


def _trim_trailing_blank_rows(rows: List[list]) -> List[list]:
    """Blank rows after the last used row are formatting, not rows a person would count."""
    end = len(rows)
    while end and all(cell is None for cell in rows[end - 1]):
        end -= 1
    return rows[:end]
