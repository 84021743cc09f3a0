"""parse_table: a raw table's layout, columns, data rows and column roles -> Table4W."""
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from ..coded import CodedColumn
from ..errors import InputError
from ..progress import SILENT, Progress
from ..table import RawTable
from ..translation import QT_TRANSLATE_NOOP
from .columns import Column, build_columns, drop_empty_columns, make_unique
from .layout import find_layout, split_rows, title_texts
from .roles import admin_hints, assign_roles, in_role_order
from .table4w import Table4W, data_frame
from .tokens import listed
from .vocabulary import ColumnVocabulary


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
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{table}: the table is empty"),
            table=raw.where)
    vocabulary = vocabulary or ColumnVocabulary.load()
    layout = find_layout(raw, vocabulary)
    columns, column_notes = build_columns(raw, layout)
    progress.step(5)
    data_rows, skipped = split_rows(raw, layout, vocabulary)
    progress.step(40)
    columns, empty_notes = drop_empty_columns(columns, raw, data_rows)
    make_unique(columns)
    progress.step(50)
    header_rows = sorted(raw.row_numbers[i] for i in (layout.group, layout.header, layout.hxl)
                         if i is not None)
    source_rows = raw.row_array[data_rows]
    table = Table4W(
        raw.source, raw.sheet, [c.label for c in columns], [c.hxl for c in columns],
        source_rows, header_rows, skipped, {}, {},
        list(raw.notes) + layout.notes + column_notes + empty_notes,
        title_texts(raw, layout), *_data_columns(columns, raw, data_rows, source_rows),
        delimiter=raw.delimiter, other_sheets=raw.other_sheets,
    )
    progress.step(80)
    roles, sources = assign_roles(columns, table, mapping, vocabulary, raw.where)
    table.roles, table.role_sources = in_role_order(roles), in_role_order(sources)
    table.admin_hints = admin_hints(columns, roles, vocabulary)
    table.mapped_roles = set(mapping or {})
    progress.step(95)
    _add_role_notes(table)
    return table


_ROLE_NOTES = ("column roles: ", "columns kept without a role: ")


def set_location_roles(table: Table4W, roles: Dict[str, str], sources: Dict[str, str],
                       notes: List[str]) -> None:
    """The admin roles the join decided from the values (``notes`` say why), in place of the
    header step's."""
    table.set_location_roles(roles, sources)
    table.notes.extend(notes)
    _add_role_notes(table)


def _data_columns(columns: List[Column], raw: RawTable, data_rows: np.ndarray,
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
    return {}, data_frame(by_column.T, [c.label for c in columns], source_rows)


def _add_role_notes(table: Table4W) -> None:
    table.notes[:] = [note for note in table.notes if not note.startswith(_ROLE_NOTES)]
    if table.roles:
        found = ", ".join(f"{role}={label}" for role, label in table.roles.items())
        table.notes.append(f"column roles: {found}")
    if table.unassigned_columns:
        table.notes.append("columns kept without a role: " + listed(table.unassigned_columns))
