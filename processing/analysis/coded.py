"""A column as codes of its distinct values, and grouping rows on such codes.

A 4W column repeats a few values (a few dozen organisations, clusters, months) over many rows,
so steps work once per distinct value and carry integer codes per row. ``CodedColumn`` is that
pair; ``combinations`` groups rows on the codes of several columns.
"""
from typing import Any, Callable, Optional, Sequence, Tuple, Union

import numpy as np
import pandas as pd

from .textnorm import fold

Rows = Union[slice, np.ndarray]
ALL_ROWS = slice(None)


class CodedColumn:
    """The cells of some rows of one column: ``codes[i]`` is the position of row i's value in
    ``values``, -1 for an empty cell.

    ``values`` are distinct, but may hold values no row has (the header's own cell, rows left
    out by ``take``): a step whose result depends on the set of values, not only on each
    row's, works on ``used()``.
    """

    __slots__ = ("codes", "values")

    def __init__(self, codes: np.ndarray, values: np.ndarray):
        self.codes = codes  # integer array, one per row
        self.values = values  # object array, one per distinct value

    @classmethod
    def of_cells(cls, cells: Sequence[Any]) -> "CodedColumn":
        """From one cell per row (None or NaN: empty)."""
        codes, values = pd.factorize(np.asarray(cells, dtype=object), use_na_sentinel=True)
        return cls(codes, np.asarray(values, dtype=object))

    def __len__(self) -> int:
        return len(self.codes)

    @property
    def present(self) -> np.ndarray:
        """Per row: whether its cell has a value."""
        return self.codes >= 0

    def lookup(self, per_value: np.ndarray, empty: Any, rows: Rows = ALL_ROWS,
               out: Optional[np.ndarray] = None) -> np.ndarray:
        """Per row (of ``rows``): the entry of its value in ``per_value`` (an array with one
        entry per distinct value), ``empty`` for an empty cell; written into ``out`` when
        given."""
        # Code -1 takes the appended entry ("wrap": -1 is the last; codes are never out of range).
        return np.take(np.append(per_value, [empty]), self.codes[rows], out=out, mode="wrap")

    def cells(self, rows: Rows = ALL_ROWS, out: Optional[np.ndarray] = None) -> np.ndarray:
        """The cells of ``rows`` as an object array, None for an empty cell; written into
        ``out`` when given."""
        return self.lookup(self.values, None, rows, out)

    def map(self, func: Callable[[Any], Any], empty: Any = None, dtype=object) -> np.ndarray:
        """Per row: ``func`` of its value (called once per distinct value; any object, a list
        too), ``empty`` for an empty cell."""
        per_value = np.empty(len(self.values), dtype=dtype)
        for position, value in enumerate(self.values):  # (np.array() would nest lists)
            per_value[position] = func(value)
        return self.lookup(per_value, empty)

    def take(self, rows: Rows) -> "CodedColumn":
        """The same column for ``rows`` only (the values are kept as they are)."""
        return CodedColumn(self.codes[rows], self.values)

    def used(self) -> "CodedColumn":
        """Without the values no row has, renumbered."""
        seen = np.zeros(len(self.values) + 1, dtype=bool)
        seen[self.codes] = True  # (code -1 marks the extra last slot)
        if seen[:-1].all():
            return self
        kept = np.flatnonzero(seen[:-1])
        renumber = np.full(len(self.values) + 1, -1, dtype=np.int64)
        renumber[kept] = np.arange(len(kept))
        return CodedColumn(renumber[self.codes], self.values[kept])

    def mapped(self, func: Callable[[Any], Any]) -> "CodedColumn":
        """The column with ``func`` of each value (called once per distinct value), renumbered:
        values that ``func`` makes equal share a code; a value it makes None or NaN, empty."""
        results = np.array([func(value) for value in self.values] + [None], dtype=object)
        numbers, distinct = pd.factorize(results, use_na_sentinel=True)
        return CodedColumn(numbers[self.codes], distinct)

    def by_frequency(self) -> Tuple[list, list]:
        """The values rows have and how many rows have each, the most frequent first (ties
        in the order of the values)."""
        counts = np.bincount(self.codes[self.codes >= 0], minlength=len(self.values))
        order = np.argsort(-counts, kind="stable")
        order = order[counts[order] > 0]
        return list(self.values[order]), counts[order].tolist()

    def first_values(self, count: int) -> list:
        """The first ``count`` distinct values in the order rows first have them (empty cells
        left out)."""
        return list(self.values[pd.unique(self.codes[self.codes >= 0])[:count]])


def folded_texts(values: pd.Series) -> pd.Series:
    """Each value folded (``textnorm.fold``: case, accents, spacing), once per distinct value;
    "" for a missing one."""
    cells = CodedColumn.of_cells(values.to_numpy(dtype=object))
    return pd.Series(cells.map(lambda value: fold(str(value)), ""), index=values.index)


def combinations(code_columns: Sequence[np.ndarray], rows: int) -> Tuple[np.ndarray, np.ndarray]:
    """Group number of each row (one per distinct combination of the columns' codes, numbered
    in order of first appearance) and the first row of each group. Integer keys only: the
    columns' values were hashed once, when the codes were made."""
    if not code_columns or rows == 0:
        return np.zeros(rows, dtype=np.int64), np.array([0] if rows else [], dtype=np.int64)
    group_of_row, keys = pd.factorize(combination_keys(code_columns, rows))
    group_of_row = group_of_row.astype(np.int64, copy=False)
    return group_of_row, first_positions(group_of_row, len(keys))


def combination_keys(code_columns: Sequence[np.ndarray], rows: int) -> np.ndarray:
    """One integer per row, equal for two rows exactly when all their codes are (-1 too)."""
    key, size = np.zeros(rows, dtype=np.int64), 1
    for codes in code_columns:
        width = int(codes.max(initial=-1)) + 2  # codes -1 (missing) ... max, shifted to 0 ...
        if size * width >= 2 ** 62:  # the product of the widths would overflow: renumber
            key, uniques = pd.factorize(key)
            size = len(uniques)
        key *= width  # (in place: no new array per column)
        key += codes
        key += 1
        size *= width
    return key


def first_positions(codes: np.ndarray, count: int) -> np.ndarray:
    """Where each of ``count`` codes first comes, for codes numbered in order of first
    appearance (as pandas' factorize numbers them): their running maximum only grows, so each
    code's first position is found by binary search."""
    return np.searchsorted(np.maximum.accumulate(codes), np.arange(count))
