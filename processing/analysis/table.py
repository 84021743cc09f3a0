"""Read a 3W/4W table (CSV/TXT or spreadsheet) into a raw grid of cells with file row numbers.

Nothing is interpreted here: header detection, roles and periods happen in later steps. Cells keep
the type the reader gives them (numbers, dates) because periods need Excel dates.
"""
import codecs
import csv
import io
import math
import threading
import warnings
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import is_not
from pathlib import Path
from typing import Any, Callable, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .coded import CodedColumn
from .errors import InputError
from .progress import SILENT, Cancelled, Progress

SPREADSHEET_SUFFIXES = {".xlsx", ".xlsm", ".xlsb", ".xls", ".ods"}
OPENPYXL_SUFFIXES = {".xlsx", ".xlsm"}
DELIMITERS = [",", ";", "\t", "|"]
SNIFF_CHARS = 65536
MAX_UNPACKED_BYTES = 100 * 2**20  # spreadsheets unpacking to more than this ...
MAX_EXPANSION = 100  # ... at more than this ratio to their size are refused (zip bombs)
CALAMINE_HINT = (
    "reading spreadsheets needs the Python package python-calamine: "
    "pip install python-calamine"
)

SheetChoice = Union[str, int, None]
PROGRESS_ROWS = 50_000  # rows between progress reports in Python loops over rows
CSV_CHUNK_ROWS = 200_000  # rows the C parser reads between progress reports
TICK_SECONDS = 0.25  # progress reports while a reader's one long call runs


@dataclass(eq=False)  # (numpy cells: equality below compares them)
class RawTable:
    """A sheet as a grid of raw cells (None for empty), every row padded to one width.

    Stored by column, not as row lists: a large table's steps work a column at a time. The CSV
    reader hands over each column's distinct values and codes (``coded``), not a cell per
    row: the grid (``cells``) is then only made if something asks for it, and the steps that
    read a few rows (header detection) or a column's filled cells read the codes.
    """
    source: str  # file name for messages
    sheet: Optional[str]  # sheet actually read (None for CSV)
    row_numbers: List[int]  # 1-based row number a person sees in the file, per row
    notes: List[str] = field(default_factory=list)
    # each column's cells as codes of its values, when the reader has them (the CSV reader
    # does), so later steps need not hash the column again
    coded: Optional[List[CodedColumn]] = None
    _cells: Optional[np.ndarray] = field(default=None, repr=False)  # see ``cells``
    _row_array: Optional[np.ndarray] = field(default=None, repr=False)  # see ``row_array``
    _blank: Optional[np.ndarray] = field(default=None, init=False, repr=False)

    @classmethod
    def from_rows(cls, source: str, sheet: Optional[str], rows: List[list],
                  row_numbers: List[int], notes: Optional[List[str]] = None) -> "RawTable":
        """From row lists (short rows padded with None)."""
        width = max(map(len, rows), default=0)
        cells = np.empty((len(rows), width), dtype=object, order="F")
        if width:
            cells[:] = _pad(rows)  # numpy copies equal-width rows without a Python loop
        return cls(source, sheet, list(row_numbers), list(notes or []), _cells=cells)

    def __eq__(self, other) -> bool:
        return isinstance(other, RawTable) and (
            self.source, self.sheet, self.row_numbers, self.notes, self.rows) == (
            other.source, other.sheet, other.row_numbers, other.notes, other.rows)

    @property
    def where(self) -> str:
        """'file' or 'file, sheet "name"' for messages."""
        return self.source if self.sheet is None else f'{self.source}, sheet "{self.sheet}"'

    @property
    def height(self) -> int:
        return len(self.row_numbers)

    @property
    def row_array(self) -> np.ndarray:
        """``row_numbers`` as an int64 array (a large table's reader gives it as one)."""
        if self._row_array is None:
            self._row_array = np.asarray(self.row_numbers, dtype=np.int64)
        return self._row_array

    @property
    def width(self) -> int:
        return self.cells.shape[1] if self.coded is None else len(self.coded)

    @property
    def cells(self) -> np.ndarray:
        """The grid: a 2-D object array (rows x columns), column-major."""
        if self._cells is None:
            self._cells = cells_of(self.coded, slice(None))
        return self._cells

    def row(self, index: int) -> list:
        return self.head_of(index, index + 1)[0]

    def head(self, count: int) -> List[list]:
        """The first ``count`` rows as lists (header detection looks at a few rows only)."""
        return self.head_of(0, count)

    def head_of(self, start: int, stop: int) -> List[list]:
        if self._cells is not None:
            return self._cells[start:stop].tolist()
        return cells_of(self.coded, slice(start, stop)).tolist()

    @property
    def rows(self) -> List[list]:
        """Every row as a list: for small tables (a large one is better read by columns)."""
        return self.head(self.height)

    def filled(self, position: int) -> np.ndarray:
        """Per row: whether the cell of column ``position`` has a value."""
        if self.coded is not None:
            return self.coded[position].present
        return ~np.equal(self.cells[:, position], None)

    def blank_rows(self) -> np.ndarray:
        """Per row: no cell has a value (worked out once: several steps ask)."""
        if self._blank is None:
            self._blank = np.ones(self.height, dtype=bool)
            for position in range(self.width):
                self._blank &= ~self.filled(position)
        return self._blank

    def truncated(self, count: int) -> "RawTable":
        """The first ``count`` rows."""
        coded = None if self.coded is None else [
            column.take(slice(None, count)) for column in self.coded]
        return replace(self, _cells=None if self._cells is None else self._cells[:count],
                       row_numbers=self.row_numbers[:count], coded=coded,
                       _row_array=None if self._row_array is None else self._row_array[:count])

    def without_trailing_blank_rows(self) -> "RawTable":
        """Blank rows after the last used row are formatting, not rows a person would count."""
        filled = np.flatnonzero(~self.blank_rows())
        end = int(filled[-1]) + 1 if len(filled) else 0
        return self if end == self.height else self.truncated(end)


def cells_of(columns: Sequence[CodedColumn], rows: Union[slice, np.ndarray]) -> np.ndarray:
    """The cells of ``rows`` of ``columns`` as a 2-D object grid, column-major."""
    grid = np.empty((len(columns[0].codes[rows]) if columns else 0, len(columns)), dtype=object,
                    order="F")
    for position, column in enumerate(columns):
        grid[:, position] = column.cells(rows)
    return grid


def read_table(path: Union[str, Path], sheet: SheetChoice = None,
               progress: Progress = SILENT) -> RawTable:
    """Read a CSV/TXT/XLSX/XLSM/XLS/XLSB/ODS file; ``sheet`` is a name or a 0-based index."""
    path = _checked_path(path)
    if path.suffix.lower() in SPREADSHEET_SUFFIXES and not _is_text_file(path):
        return _read_spreadsheet(path, sheet, progress)
    return _read_text(path, progress)


def list_sheets(path: Union[str, Path]) -> List[str]:
    """Sheet names of a spreadsheet, in file order; an empty list for text files."""
    path = _checked_path(path)
    if path.suffix.lower() not in SPREADSHEET_SUFFIXES or _is_text_file(path):
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
    return RawTable.from_rows(source, None, rows, list(range(1, len(rows) + 1)))


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


def _is_text_file(path: Path) -> bool:
    """A CSV saved under a spreadsheet name (web exports do this): neither a zip (XLSX, ODS)
    nor an OLE2 container (XLS), and its start is printable text in some encoding."""
    with open(path, "rb") as handle:
        start = handle.read(4096)
    if start.startswith((b"PK", b"\xd0\xcf\x11\xe0")):
        return False
    text = _decode(start)[0]
    printable = sum(1 for char in text if char.isprintable() or char in "\t\r\n")
    return printable >= 0.95 * len(text)


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
    width = max(map(len, rows), default=0)
    return [row if len(row) == width else row + [None] * (width - len(row)) for row in rows]


def _has_cells(row: Sequence[Any]) -> bool:
    """Any cell not None (identity only, and no Python loop: asked of every row)."""
    return any(map(is_not, row, repeat(None)))


def _has_data(rows: List[list]) -> bool:
    return any(map(_has_cells, rows))


# ---------------------------------------------------------------------------------------------
# text files


def _read_text(path: Path, progress: Progress) -> RawTable:
    notes: List[str] = []
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        notes.append(f"the file is named {path.suffix} but holds text: read as CSV")
    encoding_at = len(notes)
    utf8, encoding_note = _as_utf8(path.read_bytes())
    progress.step(5)
    if encoding_note:
        notes.append(encoding_note)
    if b"\x00" in utf8:
        notes.append(f"{utf8.count(0)} NUL bytes removed")
        utf8 = utf8.replace(b"\x00", b"")
    start = _utf8_start(utf8)  # (the whole text would be a second copy of a large file)
    if not start.strip() and not utf8.decode("utf-8", errors="replace").strip():
        raise InputError(f"{path.name}: the file is empty")
    delimiter = _sniff_delimiter(start)
    if delimiter != ",":
        notes.append(f"delimiter {_delimiter_name(delimiter)} detected")
    width_hint = _width_hint(start, delimiter)
    progress.step(10)
    parsed = _parse_csv_fast(path.name, utf8, delimiter, width_hint, progress.within(10, 90))
    if parsed is None:
        text, late_note = _decode(utf8)  # the file's start was UTF-8, maybe not all of it
        if late_note:
            notes.insert(encoding_at, late_note)
        rows, row_numbers = _parse_csv(path.name, text, delimiter, progress.within(10, 90))
        widths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        parsed = RawTable.from_rows(path.name, None, rows, row_numbers), widths
        del rows
    del utf8
    progress.step(90)
    table, widths = parsed
    table.notes = notes + _ragged_rows_note(widths, ~table.blank_rows(), table.row_numbers)
    table = table.without_trailing_blank_rows()
    if not table.height:
        raise InputError(f"{path.name}: the file has no data")
    return table


def _ragged_rows_note(widths: np.ndarray, filled: np.ndarray, row_numbers: List[int]
                      ) -> List[str]:
    """Rows with more cells than most rows have (a stray delimiter, or another delimiter in
    that row): kept, but worth a look, so the report names them. ``widths``: each record's own
    number of cells; ``filled``: whether it has any value."""
    widths = widths[filled]
    counts = np.bincount(widths) if len(widths) else widths
    if np.count_nonzero(counts) < 2:
        return []
    commonest = np.flatnonzero(counts == counts.max())
    usual = int(widths[np.isin(widths, commonest)][0])  # of equally common, the first seen
    odd = np.flatnonzero(filled)[widths != usual][:5]
    return [f"{len(widths) - int(counts[usual])} line(s) have a different number of cells than "
            f"most lines ({usual}), e.g. line {', '.join(str(row_numbers[i]) for i in odd)}: "
            "check for a stray delimiter"]


def _as_utf8(data: bytes) -> Tuple[bytes, str]:
    """The file as UTF-8 bytes, and a note naming its encoding when it is not plain UTF-8. A
    file whose start is UTF-8 is taken as it is (not decoded whole: most files are UTF-8, and
    the CSV parser decodes every cell; if one is not, the caller decodes the file then)."""
    try:
        _utf8_start(data, strict=True)
    except UnicodeDecodeError:
        pass
    else:
        if not data.startswith(_BOMS) and not _utf16_without_bom(data):
            return data, ""
    text, note = _decode(data)
    return text.encode("utf-8"), note


def _utf8_start(data: bytes, strict: bool = False) -> str:
    """The text of the file's start: enough bytes for more than SNIFF_CHARS characters (a
    character cut at the end is left out)."""
    return codecs.utf_8_decode(data[:4 * SNIFF_CHARS + 4], "strict" if strict else "replace",
                               False)[0]


def _decode(data: bytes) -> Tuple[str, str]:
    """Text and a note naming the encoding when it is not plain UTF-8."""
    for bom, codec, note in _BOM_CODECS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), note
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), f"encoding {utf16.upper()} (no BOM) detected"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    return _decode_lines(data)


_BOM_CODECS = [
    (b"\xef\xbb\xbf", "utf-8-sig", "encoding UTF-8 with BOM detected"),
    (b"\xff\xfe", "utf-16", "encoding UTF-16 (little-endian, BOM) detected"),
    (b"\xfe\xff", "utf-16", "encoding UTF-16 (big-endian, BOM) detected"),
]
_BOMS = tuple(bom for bom, _, _ in _BOM_CODECS)


def _decode_lines(data: bytes) -> Tuple[str, str]:
    """Not UTF-8 as a whole: each line as UTF-8 where it is, else as cp1252 (latin-1 for the
    bytes cp1252 leaves undefined). A file edited in two programs mixes both."""
    lines = data.split(b"\n")
    texts, legacy, utf8_accents = [], [], False
    for number, line in enumerate(lines, 1):
        try:
            text = line.decode("utf-8")
            utf8_accents = utf8_accents or not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:
                text = line.decode("latin-1")
        texts.append(text)
    if utf8_accents:
        note = (f"mixed encodings: {len(legacy)} line(s) in cp1252 (Windows Western), e.g. "
                f"line {', '.join(map(str, legacy[:5]))}, the others UTF-8")
    else:
        note = "encoding cp1252 (Windows Western) detected: not UTF-8"
    return "\n".join(texts), note


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
    if delimiter not in sample:
        return (0.0, 0)  # every record one field (most candidates: no need to parse)
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


def _width_hint(text: str, delimiter: str) -> int:
    """The most fields a record of the file's start has (at least 1)."""
    sample = io.StringIO(text[:SNIFF_CHARS], newline="")
    try:
        return max((len(record) for record in csv.reader(sample, delimiter=delimiter)),
                   default=1) or 1
    except csv.Error:
        return 1


def _delimiter_name(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else f"'{delimiter}'"


def _parse_csv(source: str, text: str, delimiter: str,
               progress: Progress = SILENT) -> Tuple[List[list], List[int]]:
    """Records and the file line each starts on (records may span lines in quoted cells)."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    rows: List[list] = []
    row_numbers: List[int] = []
    lines_read = 0
    lines = max(text.count("\n"), 1)
    try:
        for record in reader:
            if len(rows) % PROGRESS_ROWS == 0:
                progress.step(100 * lines_read / lines)
            row_numbers.append(lines_read + 1)
            rows.append([_clean_cell(cell) for cell in record])
            lines_read = reader.line_num
    except csv.Error as exc:
        line = lines_read + 1
        raise InputError(f"{source}, line {line}: cannot be read as CSV ({exc})") from None
    if rows:
        _check_quote_closed(source, text, delimiter, row_numbers[-1], len(rows[-1]))
    return rows, row_numbers


def _check_quote_closed(source: str, text: str, delimiter: str, line: int, cells: int) -> None:
    """A quote that never closes swallows every line after it into one cell: rows would be
    lost without a word, so say where it opens. (Only the last record can be such a cell.)"""
    tail = "".join(text.splitlines(keepends=True)[line - 1:])
    try:
        for _ in csv.reader(io.StringIO(tail, newline=""), delimiter=delimiter, strict=True):
            pass
    except csv.Error as exc:
        if "unexpected end of data" in str(exc):
            raise InputError(
                f"{source}, line {line}, column {cells}: a quote (\") opens in this cell and "
                "is never closed, so the rest of the file would be read as part of this one "
                "cell; close or remove the quote") from None


# pandas' C parser reads a large CSV several times faster than the csv module and gives each
# column as codes of its distinct values (4W columns repeat a few values), but it pads
# short records. So each record's own field count (blank and ragged rows, trailing delimiters)
# is worked out from the delimiters on its lines, and its first line from the line ends inside
# its cells. When anything does not add up, the csv module reads the file instead.
_CHUNK_BYTES = 1 << 20  # (bytes looked at a chunk at a time: its temporaries stay in the cache)
_LF, _CR, _QUOTE = 10, 13, ord('"')


def _parse_csv_fast(source: str, data: bytes, delimiter: str, width_hint: int,
                    progress: Progress = SILENT) -> Optional[Tuple[RawTable, np.ndarray]]:
    """What ``_parse_csv`` reads from the UTF-8 text ``data``, as a RawTable with each
    column's distinct values, and each record's own field count; None when it cannot be sure.

    ``width_hint``: the most fields a record of the file's start has; a longer record later
    makes the C parser fail, and the caller falls back."""
    line_ends = _line_ends(data)
    # (in this thread: run in another, its memory is not reused here and the peak grows)
    parsed = _c_parser_columns(data, delimiter, width_hint, len(line_ends),
                               progress.within(0, 40))
    if parsed is None:
        return None
    progress.step(40)
    quoted = b'"' in data  # without quotes no cell holds a line end or a delimiter
    count = len(parsed[0])
    value_lines = np.zeros(count, dtype=np.int64)
    value_delimiters = np.zeros(count, dtype=np.int64)
    coded = []
    for position in range(width_hint):
        progress.step(40 + 40 * position / width_hint)
        texts = parsed[position]
        coded.append(_without_blanks(texts))
        joined = "".join(texts.values) if quoted else ""  # (one look for the rare cells to count)
        if "\n" in joined or "\r" in joined:
            value_lines += texts.map(_line_ends_in, 0, np.int64)
        if delimiter in joined:
            value_delimiters += texts.map(lambda text: text.count(delimiter), 0, np.int64)
    last = parsed[-1]
    unsure = np.flatnonzero(last.lookup(last.values == "", False))  # only these may be short
    empty_at_end = _empty_cells_at_end(parsed, unsure)
    del parsed
    progress.step(80)
    spans = 1 + value_lines
    last_lines = np.cumsum(spans)
    if not count or last_lines[-1] != len(line_ends):
        return None  # records and lines disagree: not what the csv module would read
    starts = np.concatenate([[0], line_ends[:-1] + 1])[last_lines - spans]
    widths = _field_counts(data, delimiter, starts, line_ends[last_lines - 1], unsure,
                           empty_at_end, value_delimiters, width_hint)
    if widths is None:
        return None
    row_numbers = last_lines - spans + 1
    return (RawTable(source, None, row_numbers.tolist(), coded=coded,
                     _row_array=row_numbers), widths)


def _without_blanks(texts: CodedColumn) -> CodedColumn:
    """The column with blank texts as empty cells (code -1, no value). int32 codes: a large
    table keeps one per cell."""
    values = texts.values
    kept = np.fromiter((bool(text.strip()) for text in values), dtype=bool, count=len(values))
    if kept.all():  # (most columns: nothing to renumber)
        return CodedColumn(texts.codes.astype(np.int32), values)
    renumbered = np.full(len(values), -1, dtype=np.int32)
    renumbered[kept] = np.arange(np.count_nonzero(kept), dtype=np.int32)
    return CodedColumn(renumbered[texts.codes], values[kept])


def _c_parser_columns(data: bytes, delimiter: str, width_hint: int, lines: int,
                      progress: Progress) -> Optional[List[CodedColumn]]:
    """Per column its texts ("" for an empty cell), or None when the C parser fails or warns.
    Read in chunks of rows to report progress in between (``lines``: the file's, for the
    bar)."""
    lines = max(lines, 1)
    columns: List[List[Tuple[np.ndarray, np.ndarray]]] = [[] for _ in range(width_hint)]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error")  # e.g. a record cut to the hint: never accept that
            read = 0
            with pd.read_csv(
                    io.BytesIO(data), sep=delimiter, header=None, names=range(width_hint),
                    index_col=False, dtype=object, na_filter=False, skip_blank_lines=False,
                    quotechar='"', doublequote=True, skipinitialspace=False, engine="c",
                    encoding="utf-8", chunksize=CSV_CHUNK_ROWS) as reader:
                for chunk in reader:
                    for position, parts in enumerate(columns):
                        parts.append(pd.factorize(chunk[position].to_numpy()))
                    read += len(chunk)
                    progress.step(min(100.0, 100 * read / lines))
    except Cancelled:
        raise
    except Exception:  # a longer record, a quote never closed, ...: the csv module decides
        return None
    return [_distinct_texts(parts) for parts in columns]


def _distinct_texts(parts: List[Tuple[np.ndarray, np.ndarray]]) -> CodedColumn:
    """One column's texts from its chunks' (codes, distinct texts): the distinct texts of all
    chunks factorized once, then each cell's code looked up (a chunk's cells are dropped as
    soon as it is factorized: a large file's columns are not held as texts)."""
    numbers, distinct = pd.factorize(np.concatenate([texts for _, texts in parts]))
    if len(parts) == 1:
        return CodedColumn(numbers[parts[0][0]], distinct)
    offsets = np.cumsum([0] + [len(texts) for _, texts in parts[:-1]])
    return CodedColumn(np.concatenate([numbers[offset + codes] for offset, (codes, _) in
                                       zip(offsets, parts)]), distinct)


def _empty_cells_at_end(parsed: List[CodedColumn], records: np.ndarray) -> np.ndarray:
    """For each of ``records`` (whose last cell is empty): how many of its last cells are empty
    (as the C parser gives them: a short record is padded with empty cells)."""
    count = np.zeros(len(records), dtype=np.int64)
    running = np.arange(len(records))  # records whose cells seen so far are all empty
    for texts in reversed(parsed):
        empty = (texts.values == "")[texts.codes[records[running]]]
        running = running[empty]
        if not len(running):
            break
        count[running] += 1
    return count


def _field_counts(data: bytes, delimiter: str, starts: np.ndarray, ends: np.ndarray,
                  records: np.ndarray, empty_at_end: np.ndarray, value_delimiters: np.ndarray,
                  width_hint: int) -> Optional[np.ndarray]:
    """Each record's field count: ``width_hint``, or for ``records`` (those that may be shorter,
    with ``empty_at_end`` empty cells at their end), from the delimiters that end their line:
    k of them after a cell with a value means that value's cell is followed by k empty fields
    and then ends the record. Where a quote comes before them (the value may be an empty
    quoted cell), the record's delimiters are counted, less those inside its cells."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    widths = np.full(len(starts), width_hint, dtype=np.int64)
    first, end = starts[records], ends[records]
    after = buffer[np.minimum(end, len(buffer) - 1)]
    before = buffer[np.maximum(end - 1, 0)]
    end = end - ((end < len(buffer)) & (after == _LF) & (end > first) & (before == _CR))  # \r\n
    run = _run_before(buffer, ord(delimiter), first, end)
    value_at = end - run - 1  # the last byte of the last cell with a value
    only_delimiters = value_at < first
    counted = np.where(only_delimiters, np.where(end > first, run + 1, 0),
                       width_hint - empty_at_end + run)
    quoted = np.flatnonzero(~only_delimiters & (buffer[np.maximum(value_at, 0)] == _QUOTE))
    if len(quoted):
        counted[quoted] = 1 + _count_in_spans(buffer, ord(delimiter), first[quoted],
                                              end[quoted]) - value_delimiters[records[quoted]]
    if ((counted < 0) | (counted > width_hint)).any():
        return None
    widths[records] = counted
    return widths


def _run_before(buffer: np.ndarray, byte: int, starts: np.ndarray, ends: np.ndarray
                ) -> np.ndarray:
    """How many ``byte`` come right before each span's end, within the span."""
    run = np.zeros(len(starts), dtype=np.int64)
    running = np.arange(len(starts))
    while len(running):
        at = ends[running] - run[running] - 1
        more = (at >= starts[running]) & (buffer[np.maximum(at, 0)] == byte)
        running = running[more]
        run[running] += 1
    return run


def _count_in_spans(buffer: np.ndarray, byte: int, starts: np.ndarray, ends: np.ndarray
                    ) -> np.ndarray:
    """How often ``byte`` occurs in buffer[start:end] for each span; spans in buffer order
    (each ends before the next starts). In chunks: no temporary is as large as the file."""
    bounds = np.empty(2 * len(starts), dtype=np.int64)  # sorted: start, end, start, end ...
    bounds[0::2], bounds[1::2] = starts, ends
    before = np.empty_like(bounds)  # occurrences before each bound
    seen = 0
    for start in range(0, len(buffer), _CHUNK_BYTES):
        stop = min(start + _CHUNK_BYTES, len(buffer))
        hits = np.flatnonzero(buffer[start:stop] == byte) + start
        low, high = np.searchsorted(bounds, [start, stop])  # the bounds within this chunk
        before[low:high] = seen + np.searchsorted(hits, bounds[low:high])
        seen += len(hits)
    before[bounds >= len(buffer)] = seen
    return before[1::2] - before[0::2]


def _line_ends_in(text: str) -> int:
    """Line ends inside a cell, counted as the csv module counts lines: \\n, \\r\\n or \\r."""
    return text.count("\n") + text.count("\r") - text.count("\r\n")


def _line_ends(data: bytes) -> np.ndarray:
    """Where each physical line ends (its \\n, or a \\r not followed by \\n, as the csv module
    counts lines; the file's size for a last line without an end). In chunks: no temporary is
    as large as the file."""
    buffer = np.frombuffer(data, dtype=np.uint8)
    size, ends = len(buffer), []
    has_cr = b"\r" in data
    for start in range(0, size, _CHUNK_BYTES):
        stop = min(start + _CHUNK_BYTES, size)
        chunk = buffer[start:stop]
        is_end = chunk == _LF
        if has_cr:
            is_end |= (chunk == _CR) & (_following(buffer, start, stop) != _LF)
        ends.append(np.flatnonzero(is_end) + start)
    if buffer[-1] not in (_LF, _CR):
        ends.append(np.array([size]))
    return np.concatenate(ends).astype(np.int64)


def _following(buffer: np.ndarray, start: int, stop: int) -> np.ndarray:
    """The byte after each byte of buffer[start:stop] (0 after the file's last byte)."""
    after = buffer[start + 1:stop + 1]
    return after if len(after) == stop - start else np.append(after, np.uint8(0))


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
        return _CalamineWorkbook(python_calamine.CalamineWorkbook.from_path(str(path)),
                                 path.name)
    except BaseException as exc:  # noqa: B036 - calamine's own errors, and its panics
        _reraise_if_not_reader_failure(exc)
        raise InputError(f"{path.name}: cannot be opened as a spreadsheet ({exc})") from None


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
        return _in_background(lambda: self._read_sheet(name), progress)

    def _read_sheet(self, name: str) -> List[list]:
        # skip_empty_area=False keeps leading blank rows/columns so row numbers match Excel's.
        try:
            return self._workbook.get_sheet_by_name(name).to_python(skip_empty_area=False)
        except BaseException as exc:  # noqa: B036 - see _reraise_if_not_reader_failure
            _reraise_if_not_reader_failure(exc)
            raise InputError(f'{self._source}, sheet "{name}": the sheet is damaged and cannot '
                             f"be read ({type(exc).__name__}: {exc})") from None


class _OpenpyxlWorkbook:
    """Fallback for .xlsx/.xlsm when python-calamine is not installed."""

    def __init__(self, path: Path):
        import openpyxl

        self._workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
        self.sheet_names = list(self._workbook.sheetnames)

    def rows(self, name: str, progress: Progress = SILENT) -> List[list]:
        return [list(row) for row in self._workbook[name].iter_rows(values_only=True)]


def _in_background(work: Callable[[], Any], progress: Progress) -> Any:
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


def _read_spreadsheet(path: Path, sheet: SheetChoice, progress: Progress) -> RawTable:
    _check_expansion(path)
    if path.suffix.lower() == ".ods":
        _check_ods_xml(path)
    workbook = _open_workbook(path)
    names = workbook.sheet_names
    if sheet is None:
        name, rows = _first_sheet_with_data(path, workbook, progress)
    else:
        name = _resolve_sheet(path, names, sheet)
        rows = _clean_grid(workbook.rows(name, progress.within(0, 20)), progress)
        if not _has_data(rows):
            raise InputError(f'{path.name}, sheet "{name}": the sheet is empty')
    notes = [] if len(names) == 1 else [f'sheet "{name}" read ({len(names)} sheets in file)']
    table = RawTable.from_rows(path.name, name, rows, list(range(1, len(rows) + 1)), notes)
    return table.without_trailing_blank_rows()


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
        raise InputError(
            f"{path.name}: the file unpacks to {unpacked / 2**20:,.0f} MB, {ratio:,.0f} times "
            "its size; a spreadsheet of real data does not, so it is not read")


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
        raise InputError(
            f"{path.name}: the file is damaged (its sheet XML is broken at line {error.lineno}, "
            f"column {error.offset}: {expat.ErrorString(error.code)}); open it in LibreOffice "
            "or Excel and save it again") from None
    except (zipfile.BadZipFile, KeyError, OSError, EOFError, zlib.error):
        return  # not a readable ODS zip: the reader says so


def _first_sheet_with_data(path: Path, workbook, progress: Progress) -> Tuple[str, List[list]]:
    for name in workbook.sheet_names:
        rows = _clean_grid(workbook.rows(name, progress.within(0, 20)), progress)
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


def _clean_grid(rows: List[Sequence[Any]], progress: Progress = SILENT) -> List[list]:
    cleaned = []
    for start in range(0, len(rows), PROGRESS_ROWS):
        progress.step(20 + 70 * start / len(rows))  # (the reader itself cannot report)
        cleaned += [[_clean_cell(cell) for cell in row]
                    for row in rows[start:start + PROGRESS_ROWS]]
    return cleaned
