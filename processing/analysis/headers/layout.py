"""Header layout detection: which rows of a sheet are title, group, header, HXL, data, blank
or total rows."""
from dataclasses import dataclass
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..errors import InputError
from ..table import RawTable
from ..translation import QT_TRANSLATE_NOOP
from .tokens import is_text, normalise_hxl, primary_text, token_variants
from .vocabulary import ColumnVocabulary

HEADER_SCAN_ROWS = 30
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
    group = _group_row(rows, header, hxl)
    if group is not None:
        notes.append(f"two-row header: group labels from row {raw.row_numbers[group]}")
    used = [i for i in (group, header, hxl) if i is not None]
    return Layout(header, group, hxl, max(used) + 1, notes)


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
    for i in _trailing_total_rows(raw, blank, layout.first_data, vocabulary):
        data[i] = False
        skipped.append((numbers[i], "total row at the end of the table"))
    return np.flatnonzero(data), sorted(skipped)


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
