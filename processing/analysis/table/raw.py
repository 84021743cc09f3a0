"""The raw table: a sheet's cells as read, with the row numbers a person sees in the file."""
import math
from dataclasses import dataclass, field, replace
from typing import Any, List, Optional, Sequence, Union

import numpy as np

from ..coded import CodedColumn

PROGRESS_ROWS = 50_000  # rows between progress reports in Python loops over rows


@dataclass(eq=False)
class FromFile:
    """Where a table comes from, as messages name it."""
    source: str  # file name for messages
    sheet: Optional[str]  # sheet actually read (None for CSV)

    @property
    def where(self) -> str:
        """'file' or 'file, sheet "name"' for messages."""
        return self.source if self.sheet is None else f'{self.source}, sheet "{self.sheet}"'


@dataclass(eq=False)  # (numpy cells: equality below compares them)
class RawTable(FromFile):
    """A sheet as a grid of raw cells (None for empty), every row padded to one width.

    Stored by column, not as row lists: a large table's steps work a column at a time. The CSV
    reader hands over each column's distinct values and codes (``coded``), not a cell per
    row: the grid (``cells``) is then only made if something asks for it, and the steps that
    read a few rows (header detection) or a column's filled cells read the codes.
    """
    row_numbers: List[int]  # 1-based row number a person sees in the file, per row
    notes: List[str] = field(default_factory=list)
    # each column's cells as codes of its values, when the reader has them (the CSV reader
    # does), so later steps need not hash the column again
    coded: Optional[List[CodedColumn]] = None
    delimiter: Optional[str] = None  # a text file's (its locale's decimal separator follows)
    other_sheets: List[str] = field(default_factory=list)  # a workbook's sheets not read
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

    def cells_equal(self, position: int, text: str) -> np.ndarray:
        """Per row: whether the cell of column ``position`` is ``text`` (case and outer spaces
        aside; compared once per distinct value when the reader gave codes)."""
        key = text.strip().casefold()

        def same(value) -> bool:
            return isinstance(value, str) and value.strip().casefold() == key
        if self.coded is not None:
            return self.coded[position].map(same, False, dtype=bool)
        return np.fromiter(map(same, self.cells[:, position]), dtype=bool, count=self.height)

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


def clean_cell(value: Any) -> Any:
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
