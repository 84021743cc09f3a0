"""CSV/TXT files: the encoding and delimiter, then the records, read by the fast path
(``fast_csv``) where it is sure of them, else by the plain path (``plain_csv``)."""
import csv
import io
from collections import Counter
from pathlib import Path
from typing import List, Tuple

import numpy as np

from ..errors import InputError
from ..progress import Progress
from ..translation import QT_TRANSLATE_NOOP
from . import fast_csv, plain_csv
from .encoding import SNIFF_CHARS, as_utf8, decode, utf8_start
from .raw import RawTable
from .spreadsheets import SPREADSHEET_SUFFIXES

DELIMITERS = [",", ";", "\t", "|"]


def read_text(path: Path, progress: Progress) -> RawTable:
    notes: List[str] = []
    if path.suffix.lower() in SPREADSHEET_SUFFIXES:
        notes.append(f"the file is named {path.suffix} but holds text: read as CSV")
    encoding_at = len(notes)
    utf8, encoding_note = as_utf8(path.read_bytes())
    progress.step(5)
    notes.append(encoding_note or "encoding UTF-8")  # (the report says how it was read)
    if b"\x00" in utf8:
        notes.append(f"{utf8.count(0)} NUL bytes removed")
        utf8 = utf8.replace(b"\x00", b"")
    start = utf8_start(utf8)  # (the whole text would be a second copy of a large file)
    if not start.strip() and not utf8.decode("utf-8", errors="replace").strip():
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: the file is empty"),
            file=path.name)
    delimiter = sniff_delimiter(start)
    if delimiter != ",":
        notes.append(f"delimiter {_delimiter_name(delimiter)} detected")
    width_hint = most_fields(start, delimiter)
    progress.step(10)
    parsed = fast_csv.parse_csv(path.name, utf8, delimiter, width_hint,
                                progress.within(10, 90)) if fast_csv.ENABLED else None
    if parsed is None:
        text, late_note = decode(utf8)  # the file's start was UTF-8, maybe not all of it
        if late_note:
            notes[encoding_at] = late_note  # (not UTF-8 after all)
        rows, row_numbers = plain_csv.parse_csv(path.name, text, delimiter,
                                                progress.within(10, 90))
        widths = np.fromiter(map(len, rows), dtype=np.int64, count=len(rows))
        parsed = RawTable.from_rows(path.name, None, rows, row_numbers), widths
        del rows
    del utf8
    progress.step(90)
    table, widths = parsed
    table.notes = notes + _ragged_rows_note(widths, ~table.blank_rows(), table.row_numbers)
    table.delimiter = delimiter
    table = table.without_trailing_blank_rows()
    if not table.height:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: the file has no data"),
            file=path.name)
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


def sniff_delimiter(text: str) -> str:
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


def most_fields(text: str, delimiter: str) -> int:
    """The most fields a record of the file's start has (at least 1)."""
    sample = io.StringIO(text[:SNIFF_CHARS], newline="")
    try:
        return max((len(record) for record in csv.reader(sample, delimiter=delimiter)),
                   default=1) or 1
    except csv.Error:
        return 1


def _delimiter_name(delimiter: str) -> str:
    return "tab" if delimiter == "\t" else f"'{delimiter}'"
