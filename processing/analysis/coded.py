"""Grouping rows on integer codes of their columns' values.

A 4W column repeats a few values (a few dozen organisations, clusters, months) over many rows,
so steps work once per distinct value and carry integer codes per row; ``combinations`` groups
rows on the codes of several columns.
"""
from typing import Sequence, Tuple

import numpy as np
import pandas as pd


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
