"""Find the header of a raw 3W/4W table and give its columns roles (org, cluster, adm1_code ...).

Layout: title and blank rows may precede the header; the header may have a group row above it
(merged cells, so group labels are carried right); an HXL hashtag row may sit under (or over) it.
Roles come from HXL tags first, then from the multilingual header vocabulary in
resources/vocabulary/columns.json, and an explicit mapping overrides both.
"""
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, FrozenSet, Iterable, List, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .coded import CodedColumn
from .errors import InputError
from .progress import SILENT, Progress
from .table import RawTable, cells_of
from .vocabulary import load_json_file, load_vocabulary, normalise_text

ROLE_KEYS = (
    "org", "org_acronym", "org_type", "lead_org", "donor", "cluster", "subsector", "activity",
    "adm1_code", "adm1_name", "adm2_code", "adm2_name", "adm3_code", "adm3_name", "adm4_code",
    "adm4_name", "location", "lat", "lon", "month", "year", "quarter", "start_date", "end_date",
    "status", "modality", "targeted", "reached",
)
MAX_ADMIN_LEVEL = 4
HEADER_SCAN_ROWS = 30
HEADER_SCORE_CELLS = 300  # text cells per row looked up in the vocabulary to find the header
VALUE_SAMPLE = 500
SHORT_HEADER_WORDS = 6
SOURCE_ROW = "source_row"
MAX_LISTED_COLUMNS = 40  # column lists in messages: a 10,000-column file must not flood them

_HXL_CELL = re.compile(r"^#\s*[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_ADMIN_LEVEL = re.compile(r"\badm(?:in)? ?([0-9])\b")
_KOBO_NAME = re.compile(r"^[^\s/]+(/[^\s/]+)+$")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")

Tokens = Tuple[str, ...]


@dataclass(eq=False)
class Table4W:
    source: str
    sheet: Optional[str]
    columns: List[str]  # unique labels
    hxl: List[Optional[str]]  # normalised hashtag per column or None
    source_rows: np.ndarray  # file row number of each data row (int64)
    header_rows: List[int]  # file row numbers used as header (and the HXL row)
    skipped: List[Tuple[int, str]]  # (file row number, reason)
    roles: Dict[str, str]  # role -> column label
    role_sources: Dict[str, str]  # role -> "hxl" | "header" | "mapping"
    notes: List[str] = field(default_factory=list)
    # label -> its cells as codes: see ``coded``; the reader's own when it has them
    _coded: Dict[str, CodedColumn] = field(default_factory=dict, repr=False)
    _data: Optional[pd.DataFrame] = field(default=None, repr=False)  # see ``data``

    @property
    def where(self) -> str:
        return self.source if self.sheet is None else f'{self.source}, sheet "{self.sheet}"'

    @property
    def height(self) -> int:
        """Number of data rows."""
        return len(self.source_rows)

    @property
    def data(self) -> pd.DataFrame:
        """The data rows: an object column per label (None: an empty cell), then source_row;
        a RangeIndex. When the reader gave each column's codes, made only when first asked
        for: the join works on the codes and ``column``, and never needs the whole frame."""
        if self._data is None:
            self._data = self._frame_from_codes(slice(None))
        return self._data

    def column(self, label: str) -> pd.Series:
        """One column of ``data`` (on its RangeIndex), made alone when the frame is not."""
        coded = self._reader_codes(label)
        if coded is None:
            return self.data[label]
        return pd.Series(coded.cells(), dtype=object)

    def rows_of(self, positions: np.ndarray) -> pd.DataFrame:
        """``data`` at ``positions`` (row labels kept), made alone when the frame is not: a
        step that needs a few rows of a large table in full."""
        if self._data is not None or not self._coded:
            return self.data.iloc[positions]
        frame = self._frame_from_codes(positions)
        frame.index = pd.Index(positions)
        return frame

    def distinct_values(self, label: str, count: int) -> list:
        """The first ``count`` distinct values of a column, in the order rows first have them,
        empty cells left out."""
        coded = self._reader_codes(label)
        if coded is None:
            return list(self.data[label].dropna().unique()[:count])
        return coded.first_values(count)

    def _reader_codes(self, label: str) -> Optional[CodedColumn]:
        """The reader's coded column while the frame is not made, else None."""
        return None if self._data is not None else self._coded.get(label)

    def _frame_from_codes(self, rows) -> pd.DataFrame:
        grid = cells_of([self._coded[label] for label in self.columns], rows)
        return _frame(grid, self.columns, self.source_rows[rows])

    def coded(self, label: str) -> CodedColumn:
        """A column's cells as codes of its values (which may hold a few values no data row
        has, e.g. the header's own cell). 4W columns repeat a few values: work per distinct
        value goes through this, and each column is hashed once however many steps ask
        (``data`` must not change meanwhile)."""
        if label not in self._coded:
            self._coded[label] = CodedColumn.of_cells(self.data[label].to_numpy(dtype=object))
        return self._coded[label]

    @property
    def unassigned_columns(self) -> List[str]:
        used = set(self.roles.values())
        return [label for label in self.columns if label not in used]


# ---------------------------------------------------------------------------------------------
# text helpers


def header_tokens(text: Any, split_camel_case: bool = True) -> Tokens:
    """Header tokens for matching: camelCase split, 'p code' -> 'pcode', 'adm 1' -> 'admin1'."""
    if text is None:
        return ()
    spaced = _CAMEL.sub(" ", str(text)) if split_camel_case else str(text)
    normal = normalise_text(spaced).replace("p code", "pcode")
    normal = _ADMIN_LEVEL.sub(lambda match: f"admin{match.group(1)}", normal)
    return tuple(normal.split())


def normalise_hxl(tag: Any) -> Optional[str]:
    """'# adm1+ Code' -> '#adm1+code': lowercase, no spaces, attributes sorted and unique."""
    if not isinstance(tag, str) or not _HXL_CELL.match(tag.strip()):
        return None
    parts = [part for part in re.sub(r"\s+", "", tag.strip().lower()).split("+") if part]
    return "+".join([parts[0]] + sorted(set(parts[1:])))


def _contains(tokens: Tokens, pattern: Tokens) -> int:
    """Index where pattern occurs as a run of whole tokens in tokens, or -1."""
    size = len(pattern)
    for start in range(len(tokens) - size + 1):
        if tokens[start : start + size] == pattern:
            return start
    return -1


def _pattern_score(tokens: Tokens, pattern: Tokens) -> float:
    """Longer patterns score more; an exact header scores a bonus; extra words cost a little."""
    start = _contains(tokens, pattern)
    if start < 0 or not pattern:
        return 0.0
    extra = len(tokens) - len(pattern)
    return 10.0 * len(pattern) + (5.0 if extra == 0 else 0.0) - 0.5 * extra - 0.1 * start


class _PatternIndex:
    """Patterns by their first token: a header is only compared with the patterns that can
    occur in it (a 10,000-column file would otherwise compare every header with every one)."""

    def __init__(self, patterns: Iterable[Tuple[Any, Tokens]]):
        self._by_first: Dict[str, List[Tuple[Any, Tokens]]] = {}
        for key, pattern in patterns:
            if pattern:
                self._by_first.setdefault(pattern[0], []).append((key, pattern))

    def best_scores(self, tokens: Tokens) -> Dict[Any, float]:
        """The best ``_pattern_score`` per key among the patterns that occur in ``tokens``."""
        best: Dict[Any, float] = {}
        for first in set(tokens):
            for key, pattern in self._by_first.get(first, ()):
                if _contains(tokens, pattern) >= 0:
                    score = _pattern_score(tokens, pattern)
                    best[key] = max(best.get(key, score), score)
        return best


def _tokenised(texts: Sequence[str]) -> List[Tokens]:
    return [header_tokens(text) for text in texts]


def _column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _cell_text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def listed(labels: Sequence[str], quote: str = "") -> str:
    """Column labels for a message, the first MAX_LISTED_COLUMNS of them."""
    shown = ", ".join(f"{quote}{label}{quote}" for label in labels[:MAX_LISTED_COLUMNS])
    more = len(labels) - MAX_LISTED_COLUMNS
    return f"{shown} and {more} more" if more > 0 else shown


def _is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


# ---------------------------------------------------------------------------------------------
# vocabulary


@dataclass
class _AdminTerm:
    term: str
    order: int
    min_level: int
    patterns: List[Tokens]


class ColumnVocabulary:
    """Header patterns, HXL patterns and admin terms from columns.json, pre-tokenised."""

    def __init__(self, data: Dict[str, Any]):
        roles = data.get("roles", {})
        self.role_headers = {
            role: [header_tokens(text) for text in spec.get("headers", [])]
            for role, spec in roles.items()
        }
        self.role_values = {
            role: {normalise_text(text) for text in spec["values"]}
            for role, spec in roles.items()
            if spec.get("values")
        }
        hxl = {role: list(spec.get("hxl", [])) for role, spec in roles.items()}
        for level in range(1, MAX_ADMIN_LEVEL + 1):
            hxl[f"adm{level}_code"] = [f"#adm{level}+code"]
            hxl[f"adm{level}_name"] = [f"#adm{level}", f"#adm{level}+name"]
        self.hxl_patterns = self._parse_hxl_patterns(hxl)
        admin = data.get("admin", {})
        self.explicit_levels = {
            int(level): [header_tokens(text) for text in texts]
            for level, texts in admin.get("explicit_levels", {}).items()
        }
        self.admin_terms = [
            _AdminTerm(t["term"], t["order"], t["min_level"], _tokenised(t["patterns"]))
            for t in admin.get("terms", [])
        ]
        self.code_words = [header_tokens(text) for text in admin.get("code_words", [])]
        self.name_words = {normalise_text(text) for text in admin.get("name_words", [])}
        self.total_words = [normalise_text(text) for text in data.get("total_rows", [])]
        self._role_index = _PatternIndex((role, pattern) for role, patterns
                                         in self.role_headers.items() for pattern in patterns)
        self._level_index = _PatternIndex((level, pattern) for level, patterns
                                          in self.explicit_levels.items() for pattern in patterns)
        self._term_index = _PatternIndex((position, pattern) for position, term in
                                         enumerate(self.admin_terms) for pattern in term.patterns)

    @classmethod
    def load(cls, extra_path: Union[str, Path, None] = None) -> "ColumnVocabulary":
        """The bundled vocabulary, with a user file of the same shape merged over it."""
        data = json.loads(json.dumps(load_vocabulary("columns")))  # private copy
        if extra_path:
            _merge_columns_vocabulary(data, load_json_file(extra_path))
        return cls(data)

    @staticmethod
    def _parse_hxl_patterns(hxl: Dict[str, List[str]]) -> List[Tuple[str, str, FrozenSet[str]]]:
        patterns = []
        for role, tags in hxl.items():
            for tag in tags:
                hashtag, *attrs = normalise_hxl(tag).split("+")
                patterns.append((role, hashtag, frozenset(attrs)))
        return patterns

    def hxl_candidates(self, tag: Optional[str]) -> List[Tuple[float, str]]:
        """(score, role) for a normalised tag; attributes another role claims exclude a role."""
        if not tag:
            return []
        hashtag, *attrs = tag.split("+")
        tag_attrs = set(attrs)
        found: Dict[str, float] = {}
        for role, pattern_tag, pattern_attrs in self.hxl_patterns:
            if pattern_tag != hashtag or not pattern_attrs <= tag_attrs:
                continue
            if tag_attrs & self._claimed_by_others(hashtag, role):
                continue
            found[role] = max(found.get(role, -1.0), float(len(pattern_attrs)))
        return [(score, role) for role, score in found.items()]

    def _claimed_by_others(self, hashtag: str, role: str) -> FrozenSet[str]:
        claimed = set()
        for other, pattern_tag, pattern_attrs in self.hxl_patterns:
            if other != role and pattern_tag == hashtag:
                claimed |= pattern_attrs
        own = {a for r, t, attrs in self.hxl_patterns if r == role and t == hashtag for a in attrs}
        return frozenset(claimed - own)

    def header_candidates(self, tokens: Tokens) -> List[Tuple[float, str]]:
        """(score, role) for the non-admin roles whose patterns occur in the header."""
        scores = self._role_index.best_scores(tokens)
        return [(scores[role], role) for role in self.role_headers if scores.get(role, 0.0) > 0]

    def admin_match(self, tokens: Tokens) -> Optional[Tuple[float, Union[int, _AdminTerm], str]]:
        """(score, explicit level or term, 'code'|'name') for an admin header, else None."""
        best: Optional[Tuple[float, Union[int, _AdminTerm]]] = None
        level_scores = self._level_index.best_scores(tokens)
        for level in self.explicit_levels:
            score = max(level_scores.get(level, 0.0), 0.0) + 1.0
            if score > 1.0 and (best is None or score > best[0]):
                best = (score, level)
        term_scores = self._term_index.best_scores(tokens)
        for position, term in enumerate(self.admin_terms):
            score = max(term_scores.get(position, 0.0), 0.0)
            if score > 0 and (best is None or score > best[0]):
                best = (score, term)
        if best is None:
            return None
        is_code = any(_contains(tokens, word) >= 0 for word in self.code_words)
        extra_words = [t for t in tokens if t in self.name_words]
        bonus = 10.0 if is_code else 0.5 * len(extra_words)
        return best[0] + bonus, best[1], "code" if is_code else "name"

    def is_total_label(self, value: Any) -> bool:
        text = normalise_text(value)
        return any(text == word or text.startswith(word + " ") for word in self.total_words)


def _merge_columns_vocabulary(base: Dict[str, Any], extra: Dict[str, Any]) -> None:
    """User words are added to the bundled ones (lists extended, new roles/terms added)."""
    for role, spec in extra.get("roles", {}).items():
        target = base["roles"].setdefault(role, {})
        for key, values in spec.items():
            target[key] = list(values) + list(target.get(key, []))
    admin = base.setdefault("admin", {})
    for key, values in extra.get("admin", {}).items():
        if key == "terms":
            admin["terms"] = list(values) + admin.get("terms", [])
        elif key == "explicit_levels":
            for level, texts in values.items():
                admin["explicit_levels"].setdefault(level, []).extend(texts)
        elif isinstance(values, list):
            admin[key] = list(values) + admin.get(key, [])
    base["total_rows"] = extra.get("total_rows", []) + base.get("total_rows", [])


# ---------------------------------------------------------------------------------------------
# layout: which rows are title, group, header, HXL, data


@dataclass
class _Layout:
    header: Optional[int]  # row index in the raw table
    group: Optional[int]
    hxl: Optional[int]
    first_data: int
    notes: List[str]


def _is_hxl_row(row: Sequence[Any]) -> bool:
    filled = [cell for cell in row if cell is not None]
    tags = [cell for cell in filled if normalise_hxl(cell)]
    return bool(tags) and (len(tags) >= 2 or len(filled) == 1) and len(tags) * 2 >= len(filled)


def _header_score(row: Sequence[Any], vocabulary: ColumnVocabulary) -> float:
    """Text cells count, vocabulary hits count double, numbers and dates count against."""
    text_cells = [cell for cell in row if _is_text(cell)]
    other_cells = sum(1 for cell in row if cell is not None and not _is_text(cell))
    # The first cells are evidence enough: a 10,000-column row must not take seconds here.
    hits = sum(1 for cell in text_cells[:HEADER_SCORE_CELLS] if _vocabulary_hit(cell, vocabulary))
    return len(text_cells) + 2.0 * hits - 2.0 * other_cells


def _vocabulary_hit(text: str, vocabulary: ColumnVocabulary) -> bool:
    variants = [t for t in _token_variants(_primary_text(text)) if 0 < len(t) <= 12]
    return any(vocabulary.header_candidates(t) or vocabulary.admin_match(t) for t in variants)


def _find_layout(raw: RawTable, vocabulary: ColumnVocabulary) -> _Layout:
    scan = np.flatnonzero(~raw.blank_rows())[:HEADER_SCAN_ROWS].tolist()
    if not scan:
        raise InputError(f"{raw.where}: the table has no non-blank row")
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
    return _Layout(header, group, hxl, max(used) + 1, notes)


def _header_next_to_hxl(rows: List[list], hxl: int, vocabulary: ColumnVocabulary) -> Optional[int]:
    """The label row just above the HXL row, else just below it, else none (tags only)."""
    tagged = [j for j, cell in enumerate(rows[hxl]) if normalise_hxl(cell)]
    if hxl > 0 and _labels_cover(rows[hxl - 1], tagged):
        return hxl - 1
    below = hxl + 1
    if below < len(rows) and _labels_cover(rows[below], tagged):
        texts = [cell for cell in rows[below] if _is_text(cell)]
        hits = sum(1 for cell in texts if _vocabulary_hit(cell, vocabulary))
        if hits and not any(cell is not None and not _is_text(cell) for cell in rows[below]):
            return below
    return None


def _labels_cover(row: Sequence[Any], tagged: List[int]) -> bool:
    labelled = sum(1 for j in tagged if _is_text(row[j]))
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
    if len(filled) >= 2 and all(_is_text(c) for c in filled) and len(filled) < header_filled:
        return header - 1
    return None


# ---------------------------------------------------------------------------------------------
# columns


@dataclass
class _Column:
    index: int
    label: str
    primary: List[Tokens]  # token variants used for matching (camelCase split or not)
    hxl: Optional[str]
    original: str  # header text as in the file (for mapping look-ups)
    auto_label: bool = False  # no header, group or tag: labelled "Column D"


def _primary_text(text: Any) -> str:
    """The part of a header that names it, without (instructions) or KoBo groups.

    A short header wrapped over lines ("Admin 1\nP-Code") is kept whole; a long one keeps its
    first line, because the following lines are usually instructions that name other things.
    """
    if text is None:
        return ""
    lines = [_PARENTHESES.sub(" ", line).strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line] or [str(text).strip()]
    joined = " ".join(lines)
    first = joined if len(joined.split()) <= SHORT_HEADER_WORDS else lines[0]
    return first.rsplit("/", 1)[-1] if _KOBO_NAME.match(first) else first


def _build_columns(raw: RawTable, layout: _Layout) -> Tuple[List[_Column], List[str]]:
    rows, width = raw.head(layout.first_data), raw.width
    headers = rows[layout.header] if layout.header is not None else [None] * width
    groups = _forward_fill(rows[layout.group]) if layout.group is not None else [None] * width
    tags = rows[layout.hxl] if layout.hxl is not None else [None] * width
    columns, kobo = [], 0
    for j in range(width):
        name = _cell_text(headers[j])
        if _KOBO_NAME.match(name):
            name, kobo = name.rsplit("/", 1)[-1], kobo + 1
        group = _cell_text(groups[j])
        tag = normalise_hxl(tags[j])
        label = _join_label(group, name) or tag or ""
        primary = _token_variants(_primary_text(headers[j]) or group)
        original = _cell_text(headers[j])
        columns.append(_Column(j, label or f"Column {_column_letter(j)}", primary, tag, original,
                               auto_label=not label))
    notes = [f"KoBo group prefixes stripped from {kobo} column names"] if kobo else []
    return columns, notes


def _token_variants(text: str) -> List[Tokens]:
    """Split camelCase ("RegionPcode") but also try the word as written ("AoR")."""
    split, whole = header_tokens(text), header_tokens(text, split_camel_case=False)
    return [split] if split == whole else [split, whole]


def _forward_fill(row: Sequence[Any]) -> List[Any]:
    filled, current = [], None
    for cell in row:
        current = cell if cell is not None else current
        filled.append(current)
    return filled


def _join_label(group: str, name: str) -> str:
    if group and name and group != name:
        return f"{group} / {name}"
    return name or group


def _make_unique(columns: List[_Column]) -> None:
    seen = {SOURCE_ROW: 1}
    for column in columns:
        base = column.label
        count = seen.get(base.casefold(), 0) + 1
        seen[base.casefold()] = count
        if count > 1:
            column.label = f"{base} ({count})"
            seen[column.label.casefold()] = 1


def _drop_empty_columns(
    columns: List[_Column], raw: RawTable, data_rows: np.ndarray
) -> Tuple[List[_Column], List[str]]:
    """Columns with neither a header, a tag nor any value are spreadsheet padding."""
    kept = [column for column in columns
            if not column.auto_label or raw.filled(column.index)[data_rows].any()]
    dropped = len(columns) - len(kept)
    return kept, ([f"{dropped} empty columns without a header ignored"] if dropped else [])


# ---------------------------------------------------------------------------------------------
# rows


def _split_rows(
    raw: RawTable, layout: _Layout, vocabulary: ColumnVocabulary
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


# ---------------------------------------------------------------------------------------------
# roles


def _assign_roles(
    columns: List[_Column],
    table: Table4W,
    mapping: Optional[Dict[str, Optional[str]]],
    vocabulary: ColumnVocabulary,
    where: str,
) -> Tuple[Dict[str, str], Dict[str, str]]:
    roles, sources = _mapped_roles(columns, mapping or {}, where)
    blocked_roles = set(mapping or {})
    free = [c for c in columns if c.label not in roles.values()]
    hxl = [(s, c, r) for c in free for s, r in vocabulary.hxl_candidates(c.hxl)]
    _assign_greedy(hxl, roles, sources, "hxl", blocked_roles)
    tagged = {c.label for c in free if vocabulary.hxl_candidates(c.hxl)}
    free = [c for c in free if c.label not in roles.values() and c.label not in tagged]
    header = _header_role_candidates(free, table, vocabulary)
    _assign_greedy(header, roles, sources, "header", blocked_roles)
    return roles, sources


def _assign_greedy(candidates, roles, sources, source, blocked_roles) -> None:
    """Best scores first; each role and each column used once; leftmost column wins ties."""
    used_columns = set(roles.values())
    for _score, column, role in sorted(candidates, key=lambda c: (-c[0], c[1].index)):
        if role in roles or role in blocked_roles or column.label in used_columns:
            continue
        roles[role] = column.label
        sources[role] = source
        used_columns.add(column.label)


def _header_role_candidates(columns, table, vocabulary) -> List[Tuple[float, _Column, str]]:
    candidates = []
    admin = {c.label: _best_admin_match(c.primary, vocabulary) for c in columns}
    levels = _admin_levels([m[1] for m in admin.values() if m])
    for column in columns:
        found = [pair for tokens in column.primary for pair in vocabulary.header_candidates(tokens)]
        for score, role in found:
            if role in vocabulary.role_values:
                score += _value_fit_bonus(table.distinct_values(column.label, VALUE_SAMPLE),
                                          vocabulary.role_values[role])
            candidates.append((score, column, role))
        match = admin[column.label]
        if match:
            score, term, kind = match
            level = term if isinstance(term, int) else levels.get(term.term)
            if level and level <= MAX_ADMIN_LEVEL:
                candidates.append((score, column, f"adm{level}_{kind}"))
    return [c for c in candidates if c[0] > 0]


def _best_admin_match(variants: List[Tokens], vocabulary: ColumnVocabulary):
    matches = [m for m in (vocabulary.admin_match(tokens) for tokens in variants) if m]
    return max(matches, key=lambda m: m[0]) if matches else None


def _admin_levels(matches: List[Union[int, _AdminTerm]]) -> Dict[str, int]:
    """Levels for the admin terms one file uses: in vocabulary order, each deeper than the last."""
    terms = {m.term: m for m in matches if isinstance(m, _AdminTerm)}
    levels, previous = {}, 0
    for term in sorted(terms.values(), key=lambda t: t.order):
        previous = max(term.min_level, previous + 1)
        levels[term.term] = previous
    return levels


def _value_fit_bonus(distinct: list, words: set) -> float:
    """+5 when most distinct values are words of the role (e.g. status), -8 when they are not."""
    values = [normalise_text(v) for v in distinct]
    values = [v for v in values if v]
    if not values:
        return 0.0
    share = sum(1 for v in values if v in words) / len(values)
    return 5.0 if share >= 0.5 else -8.0


def _mapped_roles(columns: List[_Column], mapping: Dict[str, Optional[str]], where: str):
    roles, sources = {}, {}
    for role, target in mapping.items():
        if role not in ROLE_KEYS:
            raise InputError(
                f"{where}: the mapping names an unknown role \"{role}\"; roles are: "
                + ", ".join(ROLE_KEYS)
            )
        if target is None or not str(target).strip():
            continue  # the user says: no column has this role
        roles[role] = _resolve_mapping_target(columns, role, str(target), where)
        sources[role] = "mapping"
    return roles, sources


def _resolve_mapping_target(columns: List[_Column], role: str, target: str, where: str) -> str:
    wanted = " ".join(target.split()).casefold()
    tag = normalise_hxl(target)
    for matches in (
        lambda c: c.label == target,
        lambda c: c.label.casefold() == wanted,
        lambda c: c.original.casefold() == wanted,
        lambda c: tag is not None and c.hxl == tag,
    ):
        found = [c for c in columns if matches(c)]
        if found:
            return found[0].label
    labels = listed([c.label for c in columns], quote='"')
    raise InputError(
        f'{where}: the mapping gives column "{target}" for role "{role}" but there is no such '
        f"column; columns are: {labels}"
    )


# ---------------------------------------------------------------------------------------------
# public API


def parse_table(
    raw: RawTable,
    mapping: Optional[Dict[str, Optional[str]]] = None,
    vocabulary: Optional[ColumnVocabulary] = None,
    progress: Progress = SILENT,
) -> Table4W:
    """Header, HXL row, data rows and column roles of a raw table.

    ``mapping`` (role -> column label, original header or HXL tag; None = no column) overrides
    detection. Every row of the sheet ends up as a data row, a header row or a skipped row.
    """
    if not raw.height:
        raise InputError(f"{raw.where}: the table is empty")
    vocabulary = vocabulary or ColumnVocabulary.load()
    layout = _find_layout(raw, vocabulary)
    columns, column_notes = _build_columns(raw, layout)
    progress.step(5)
    data_rows, skipped = _split_rows(raw, layout, vocabulary)
    progress.step(40)
    columns, empty_notes = _drop_empty_columns(columns, raw, data_rows)
    _make_unique(columns)
    progress.step(50)
    header_rows = sorted(raw.row_numbers[i] for i in (layout.group, layout.header, layout.hxl)
                         if i is not None)
    source_rows = raw.row_array[data_rows]
    table = Table4W(
        raw.source, raw.sheet, [c.label for c in columns], [c.hxl for c in columns],
        source_rows, header_rows, skipped, {}, {},
        list(raw.notes) + layout.notes + column_notes + empty_notes,
        *_data_columns(columns, raw, data_rows, source_rows),
    )
    progress.step(80)
    roles, sources = _assign_roles(columns, table, mapping, vocabulary, raw.where)
    table.roles, table.role_sources = _in_role_order(roles), _in_role_order(sources)
    progress.step(95)
    _add_role_notes(table)
    return table


def _data_columns(columns: List[_Column], raw: RawTable, data_rows: np.ndarray,
                  source_rows: np.ndarray
                  ) -> Tuple[Dict[str, CodedColumn], Optional[pd.DataFrame]]:
    """The data rows of the kept columns: the reader's codes and distinct values of each column
    when it has them (the frame is made from them if asked for), else the frame, a view of
    the raw grid where it can be (the join only reads it: no second copy of a large table)."""
    contiguous = len(data_rows) and data_rows[-1] - data_rows[0] + 1 == len(data_rows)
    rows = slice(data_rows[0], data_rows[-1] + 1) if contiguous else data_rows
    if raw.coded is not None:
        return {c.label: raw.coded[c.index].take(rows) for c in columns}, None
    kept = [c.index for c in columns]
    by_column = raw.cells.T if kept == list(range(raw.width)) else raw.cells.T[kept]
    by_column = by_column[:, rows] if contiguous else np.take(by_column, rows, axis=1)
    return {}, _frame(by_column.T, [c.label for c in columns], source_rows)


def _frame(grid: np.ndarray, labels: List[str], source_rows: np.ndarray) -> pd.DataFrame:
    """``Table4W.data`` from a grid of its cells (kept as the frame's block: not copied)."""
    frame = pd.DataFrame(grid, columns=labels, index=pd.RangeIndex(len(source_rows)),
                         dtype=object, copy=False)
    frame[SOURCE_ROW] = source_rows
    return frame


def _in_role_order(values: Dict[str, str]) -> Dict[str, str]:
    return {role: values[role] for role in ROLE_KEYS if role in values}


def _add_role_notes(table: Table4W) -> None:
    if table.roles:
        found = ", ".join(f"{role}={label}" for role, label in table.roles.items())
        table.notes.append(f"column roles: {found}")
    if table.unassigned_columns:
        table.notes.append("columns kept without a role: " + listed(table.unassigned_columns))


def mapping_profile_to_json(table: Table4W) -> str:
    """A JSON profile {role: column label} that load_mapping_profile() reads back next round."""
    return json.dumps(table.roles, ensure_ascii=False, indent=2)


def load_mapping_profile(path: Union[str, Path]) -> Dict[str, Optional[str]]:
    """Read a mapping profile written by mapping_profile_to_json (or by hand)."""
    name = Path(path).name
    profile = load_json_file(path)
    if not isinstance(profile, dict):
        raise InputError(f"{name}: a mapping profile must be a JSON object {{role: column}}")
    for role, column in profile.items():
        if role not in ROLE_KEYS:
            raise InputError(f'{name}: unknown role "{role}"; roles are: ' + ", ".join(ROLE_KEYS))
        if column is not None and not isinstance(column, str):
            raise InputError(f'{name}: role "{role}" must name a column (text) or be null')
    return dict(profile)


def mapping_from_text(text: str) -> Optional[Dict[str, Optional[str]]]:
    """A column mapping as users give it: a JSON profile file, inline JSON, or role=column
    pairs separated by ';' (an empty column switches a role off). None when blank."""
    text = text.strip()
    if not text:
        return None
    if Path(text).is_file():
        return load_mapping_profile(text)
    if text.startswith("{"):
        return json.loads(text)
    pairs = [part.split("=", 1) for part in text.split(";") if part.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise InputError(f"Mapping {text!r}: write role=column pairs separated by ';' "
                         "(e.g. org=Partner;adm2_code=District Pcode) or give a JSON profile file")
    return {role.strip(): column.strip() for role, column in pairs}
