"""Header layout detection: which rows of a sheet are title, group, header, HXL, data, blank
or total rows."""
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import InputError
from ..table import RawTable
from ..translation import QT_TRANSLATE_NOOP
from .tokens import cell_text, is_text, normalise_hxl, primary_text, token_variants
from .vocabulary import ColumnVocabulary

HEADER_SCAN_ROWS = 100  # non-blank rows searched for the header (notes may fill 40 rows above)
REPEATED_HEADER_LABELS = 30  # header labels compared to find the header repeated below
HEADER_SCORE_CELLS = 300  # text cells per row looked up in the vocabulary to find the header


@dataclass
class Layout:
    header: Optional[int]  # row index in the raw table
    group: Optional[int]
    hxl: Optional[int]
    first_data: int
    notes: List[str]


def find_layout(raw: RawTable, vocabulary: ColumnVocabulary) -> Layout:
    scan = np.flatnonzero(~raw.blank_rows())[:HEADER_SCAN_ROWS].tolist()
    if not scan:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{table}: the table has no non-blank row"),
            table=raw.where)
    rows = raw.head(scan[-1] + 2)  # the rows scanned, and the one under the last (HXL below)
    hxl = next((i for i in scan if _is_hxl_row(rows[i])), None)
    notes: List[str] = []
    if hxl is not None:
        header = _header_next_to_hxl(rows, hxl, vocabulary)
        notes.append(f"HXL hashtag row found at row {raw.row_numbers[hxl]}")
    else:
        header = _best_header_row(rows, scan, vocabulary)
        if header != scan[0]:
            notes.append(f"header found at row {raw.row_numbers[header]} (the rows above it "
                         "are titles or notes)")
    group = _group_row(rows, header, hxl)
    if group is not None:
        notes.append(f"two-row header: group labels from row {raw.row_numbers[group]}")
    used = [i for i in (group, header, hxl) if i is not None]
    return Layout(header, group, hxl, max(used) + 1, notes)


def sheet_score(raw: RawTable, vocabulary: Optional[ColumnVocabulary] = None
                ) -> Tuple[int, int, int]:
    """How much a sheet looks like a 4W table: (whether its header names a location, how many
    of its header cells are known 4W columns, how many rows are under it)."""
    vocabulary = vocabulary or ColumnVocabulary.load()
    try:
        layout = find_layout(raw, vocabulary)
    except InputError:
        return (0, 0, 0)
    labels = layout.header if layout.header is not None else layout.hxl
    cells = [cell for cell in raw.head(labels + 1)[labels] if is_text(cell)]
    cells = cells[:HEADER_SCORE_CELLS]
    location = any(vocabulary.admin_match(t) for cell in cells
                   for t in token_variants(primary_text(cell)) if 0 < len(t) <= 12)
    hits = sum(1 for cell in cells if normalise_hxl(cell) or _vocabulary_hit(cell, vocabulary))
    return (int(location), hits, raw.height - layout.first_data)


def _is_hxl_row(row: Sequence[Any]) -> bool:
    filled = [cell for cell in row if cell is not None]
    tags = [cell for cell in filled if normalise_hxl(cell)]
    return bool(tags) and (len(tags) >= 2 or len(filled) == 1) and len(tags) * 2 >= len(filled)


def _header_score(row: Sequence[Any], vocabulary: ColumnVocabulary) -> float:
    """Text cells count, vocabulary hits count double, numbers and dates count against."""
    text_cells = [cell for cell in row if is_text(cell)]
    other_cells = sum(1 for cell in row if cell is not None and not is_text(cell))
    # The first cells are evidence enough: a 10,000-column row must not take seconds here.
    hits = sum(1 for cell in text_cells[:HEADER_SCORE_CELLS] if _vocabulary_hit(cell, vocabulary))
    return len(text_cells) + 2.0 * hits - 2.0 * other_cells


def _vocabulary_hit(text: str, vocabulary: ColumnVocabulary) -> bool:
    variants = [t for t in token_variants(primary_text(text)) if 0 < len(t) <= 12]
    return any(vocabulary.header_candidates(t) or vocabulary.admin_match(t) for t in variants)


def _header_next_to_hxl(rows: List[list], hxl: int, vocabulary: ColumnVocabulary) -> Optional[int]:
    """The label row just above the HXL row, else just below it, else none (tags only)."""
    tagged = [j for j, cell in enumerate(rows[hxl]) if normalise_hxl(cell)]
    if hxl > 0 and _labels_cover(rows[hxl - 1], tagged):
        return hxl - 1
    below = hxl + 1
    if below < len(rows) and _labels_cover(rows[below], tagged):
        texts = [cell for cell in rows[below] if is_text(cell)]
        hits = sum(1 for cell in texts if _vocabulary_hit(cell, vocabulary))
        if hits and not any(cell is not None and not is_text(cell) for cell in rows[below]):
            return below
    return None


def _labels_cover(row: Sequence[Any], tagged: List[int]) -> bool:
    labelled = sum(1 for j in tagged if is_text(row[j]))
    return labelled * 2 >= len(tagged) and labelled > 0


def _best_header_row(rows: List[list], scan: List[int], vocabulary: ColumnVocabulary) -> int:
    """The first row scoring at least 3/4 of the best score (titles and sparse rows fall short)."""
    scores = [(_header_score(rows[i], vocabulary), i) for i in scan]
    best = max(score for score, _ in scores)
    if best <= 0:
        return scan[0]
    return next(i for score, i in scores if score >= 0.75 * best)


def _group_row(rows: List[list], header: Optional[int], hxl: Optional[int]) -> Optional[int]:
    """A sparse all-text row directly above the header (merged group cells), else None."""
    if header is None or header == 0 or header - 1 == hxl:
        return None
    above = rows[header - 1]
    filled = [cell for cell in above if cell is not None]
    header_filled = sum(1 for cell in rows[header] if cell is not None)
    if len(filled) >= 2 and all(is_text(c) for c in filled) and len(filled) < header_filled:
        return header - 1
    return None


def title_texts(raw: RawTable, layout: Layout) -> List[str]:
    """The texts of the rows above the header (a title often names the period)."""
    top = min(i for i in (layout.group, layout.header, layout.hxl, layout.first_data)
              if i is not None)
    texts = (" ".join(cell_text(cell) for cell in row if is_text(cell)) for row in raw.head(top))
    return [text for text in texts if text]


def split_rows(
    raw: RawTable, layout: Layout, vocabulary: ColumnVocabulary
) -> Tuple[np.ndarray, List[Tuple[int, str]]]:
    """Row indices of data rows, and (row number, reason) for every other row that is not
    header."""
    blank = raw.blank_rows()
    numbers = raw.row_numbers
    skipped: List[Tuple[int, str]] = []
    header_indices = {layout.header, layout.group, layout.hxl}
    for i in range(layout.first_data):
        if i not in header_indices:
            skipped.append((numbers[i], "blank row" if blank[i] else "title row above the header"))
    data = ~blank
    data[:layout.first_data] = False
    skipped += [(numbers[i], "blank row") for i in np.flatnonzero(blank[layout.first_data:])
                + layout.first_data]
    for i in _repeated_header_rows(raw, layout, data):
        data[i] = False
        skipped.append((numbers[i], "repeated header"))
    for i in _trailing_total_rows(raw, blank, layout.first_data, vocabulary):
        data[i] = False
        skipped.append((numbers[i], "total row at the end of the table"))
    return np.flatnonzero(data), sorted(skipped)


def _repeated_header_rows(raw: RawTable, layout: Layout, data: np.ndarray) -> np.ndarray:
    """Data rows that repeat the header (sheets pasted one under another): most of the
    header's labels (at least two), each in its own column."""
    if layout.header is None:
        return np.array([], dtype=np.int64)
    labels = [(j, cell) for j, cell in enumerate(raw.row(layout.header)) if is_text(cell)]
    labels = labels[:REPEATED_HEADER_LABELS]
    if len(labels) < 2:
        return np.array([], dtype=np.int64)
    same = np.zeros(raw.height, dtype=np.int64)
    for j, label in labels:
        same += raw.cells_equal(j, label)
    return np.flatnonzero(data & (same >= max(2, 0.6 * len(labels))))


def _trailing_total_rows(raw: RawTable, blank: np.ndarray, first_data: int,
                         vocabulary) -> List[int]:
    totals = []
    for i in range(raw.height - 1, first_data - 1, -1):
        if blank[i]:
            continue
        first = next(cell for cell in raw.row(i) if cell is not None)
        if not vocabulary.is_total_label(first):
            break
        totals.append(i)
    return totals
