"""The plain CSV path: Python's csv module, a record at a time. It is the reference the fast
path (``fast_csv``) must equal, and reads every file the fast path declines."""
import csv
import io
from contextlib import contextmanager
from typing import List, Tuple

from ..errors import InputError
from ..progress import SILENT, Progress
from ..translation import QT_TRANSLATE_NOOP
from .raw import PROGRESS_ROWS, clean_cell

MAX_FIELD_SIZE = 2**31 - 1  # the most the csv module accepts on every platform (a C long)


def parse_csv(source: str, text: str, delimiter: str,
              progress: Progress = SILENT) -> Tuple[List[list], List[int]]:
    """Records and the file line each starts on (records may span lines in quoted cells)."""
    with _cells_as_long_as(len(text)):
        rows, row_numbers = _records(source, text, delimiter, progress)
        if rows:
            _check_quote_closed(source, text, delimiter, row_numbers[-1], len(rows[-1]))
    return rows, row_numbers


@contextmanager
def _cells_as_long_as(size: int):
    """The csv module refuses cells longer than its field size limit (128 KiB by default),
    which the fast path reads: raised to ``size`` for this read, then set back. (The limit is
    the module's: a read running meanwhile in another thread may see the raised one.)"""
    limit = csv.field_size_limit()
    csv.field_size_limit(min(max(size, limit), MAX_FIELD_SIZE))
    try:
        yield
    finally:
        csv.field_size_limit(limit)


def _records(source: str, text: str, delimiter: str, progress: Progress
             ) -> Tuple[List[list], List[int]]:
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
            rows.append([clean_cell(cell) for cell in record])
            lines_read = reader.line_num
    except csv.Error as exc:
        line = lines_read + 1
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}, line {line}: cannot be read as CSV ({cause})"),
            file=source, line=line, cause=exc) from None
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
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", '{file}, line {line}, column {column}: a quote (") opens in this '
                              "cell and is never closed, so the rest of the file would be read "
                              "as part of this one cell; close or remove the quote"),
                file=source, line=line, column=cells) from None
