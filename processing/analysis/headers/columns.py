"""The columns of a sheet under its layout: labels from the header, group and HXL rows (unique,
"Column D" when there is none), the texts their roles are found from, and empty columns."""
from dataclasses import dataclass, field
from typing import Any, List, Optional, Sequence, Tuple

import numpy as np

from ..table import RawTable
from .layout import Layout
from .table4w import SOURCE_ROW
from .tokens import (
    KOBO_NAME,
    Tokens,
    cell_text,
    column_letter,
    normalise_hxl,
    primary_text,
    token_variants,
)


@dataclass
class Column:
    index: int
    label: str
    primary: List[Tokens]  # token variants used for matching (camelCase split or not)
    hxl: Optional[str]
    original: str  # header text as in the file (for mapping look-ups)
    auto_label: bool = False  # no header, group or tag: labelled "Column D"
    # the group label with the header ("Targeted" over "Total"): matched where the header
    # alone names no role
    grouped: List[Tokens] = field(default_factory=list)


def build_columns(raw: RawTable, layout: Layout) -> Tuple[List[Column], List[str]]:
    rows, width = raw.head(layout.first_data), raw.width
    headers = rows[layout.header] if layout.header is not None else [None] * width
    groups = _forward_fill(rows[layout.group]) if layout.group is not None else [None] * width
    tags = rows[layout.hxl] if layout.hxl is not None else [None] * width
    columns, kobo = [], 0
    for j in range(width):
        name = cell_text(headers[j])
        if KOBO_NAME.match(name):
            name, kobo = name.rsplit("/", 1)[-1], kobo + 1
        group = cell_text(groups[j])
        tag = normalise_hxl(tags[j])
        label = _join_label(group, name) or tag or ""
        primary = token_variants(primary_text(headers[j]) or group)
        original = cell_text(headers[j])
        grouped = token_variants(f"{group} {primary_text(headers[j])}") \
            if group and headers[j] is not None and group != name else []
        columns.append(Column(j, label or f"Column {column_letter(j)}", primary, tag, original,
                              auto_label=not label, grouped=grouped))
    notes = [f"KoBo group prefixes stripped from {kobo} column names"] if kobo else []
    return columns, notes


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


def make_unique(columns: List[Column]) -> None:
    seen = {SOURCE_ROW: 1}
    for column in columns:
        base = column.label
        count = seen.get(base.casefold(), 0) + 1
        seen[base.casefold()] = count
        if count > 1:
            column.label = f"{base} ({count})"
            seen[column.label.casefold()] = 1


def drop_empty_columns(
    columns: List[Column], raw: RawTable, data_rows: np.ndarray
) -> Tuple[List[Column], List[str]]:
    """Columns with neither a header, a tag nor any value are spreadsheet padding."""
    kept = [column for column in columns
            if not column.auto_label or raw.filled(column.index)[data_rows].any()]
    dropped = len(columns) - len(kept)
    return kept, ([f"{dropped} empty columns without a header ignored"] if dropped else [])
