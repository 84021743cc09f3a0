"""Duplicate rows: rows identical in every column."""
from typing import List

import numpy as np

from ..coded import combinations


def duplicate_groups(table) -> List[np.ndarray]:
    """The file row numbers of each group of rows identical in every column (equal codes:
    equal cells), groups in the order they first come."""
    group = combinations([table.coded(column).codes for column in table.columns],
                         table.height)[0]
    repeated = np.bincount(group, minlength=1)[group] > 1
    if not repeated.any():
        return []
    group, source_rows = group[repeated], table.source_rows[repeated]
    order = np.argsort(group, kind="stable")  # groups are numbered as they first come
    bounds = np.flatnonzero(np.diff(group[order], prepend=-1, append=-1))
    return np.split(source_rows[order], bounds[1:-1])
