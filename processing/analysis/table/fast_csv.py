"""The fast path of the CSV reader, the one speed trick kept: it reads a large CSV through
pandas' C parser instead of Python's csv module (``plain_csv``, the reference).

Kept because it buys more than the 10% end to end a speed trick must buy (processing.run of
coordmap:join_4w on the benchmark's 100k-row table; figures in benchmarks/README.md).

What it relies on, each checked for every file (when a check fails it returns None and the
plain path reads the file, so a file is never read differently, only more slowly):
- pandas.read_csv with na_filter=False, quotechar '"' and doublequote splits records and
  cells as the csv module does (excel dialect), and fails or warns (both turned into None
  here) on a record longer than the widest record of the file's start (``width_hint``) and on
  a quote left open; with dtype=str it gives each column's cells as texts ("" for an empty
  cell), factorized here in the order rows first have them (not dtype="category": pandas 3
  infers the categories' type, so "007" would come back as the number 7);
- the C parser pads short records with empty cells: each record's own field count is worked out
  from the delimiters that end its line, and its first line from the line ends inside its
  cells; the records must add up to the file's lines;
- only public pandas and numpy functions: no private pandas module, no object addresses.
tests/plain/test_table.py compares both paths record by record (tricky files, every split
into chunks, generated texts); the corpus, property and fuzz tests run on both.
"""
import io
import warnings
from typing import List, Optional, Tuple

import numpy as np
import pandas as pd

from ..coded import CodedColumn
from ..progress import SILENT, Cancelled, Progress
from .raw import RawTable

ENABLED = True  # False: every CSV is read by the plain path (tests, tools/snapshot.py --plain)
CSV_CHUNK_ROWS = 100_000  # rows the C parser reads between progress reports
_CHUNK_BYTES = 1 << 20  # (bytes looked at a chunk at a time: its temporaries stay in the cache)
_LF, _CR, _QUOTE = 10, 13, ord('"')


def parse_csv(source: str, data: bytes, delimiter: str, width_hint: int,
              progress: Progress = SILENT) -> Optional[Tuple[RawTable, np.ndarray]]:
    """What ``plain_csv.parse_csv`` reads from the UTF-8 text ``data``, as a RawTable of coded
    columns, and each record's own field count; None when it cannot be sure.

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
                    index_col=False, dtype=str, na_filter=False, skip_blank_lines=False,
                    quotechar='"', doublequote=True, skipinitialspace=False, engine="c",
                    encoding="utf-8", chunksize=CSV_CHUNK_ROWS) as reader:
                for chunk in reader:
                    for position, parts in enumerate(columns):
                        parts.append(_distinct_in_chunk(chunk[position]))
                    read += len(chunk)
                    progress.step(min(100.0, 100 * read / lines))
    except Cancelled:
        raise
    except Exception:  # a longer record, a quote never closed, ...: the csv module decides
        return None
    return [_distinct_texts(parts) for parts in columns]


def _distinct_in_chunk(texts: pd.Series) -> Tuple[np.ndarray, np.ndarray]:
    """A chunk's column of texts as codes of its distinct texts, numbered in the order rows
    first have them."""
    codes, distinct = pd.factorize(texts.to_numpy(dtype=object))
    return codes, np.asarray(distinct, dtype=object)


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
