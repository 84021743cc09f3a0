"""The matcher's result for a table: each row's lines and the match of each line."""
from dataclasses import dataclass
from functools import cached_property
from typing import Any, Callable, Dict, List, Sequence, Tuple

import numpy as np
import pandas as pd

from .records import Match


@dataclass
class MatchLines:
    """The matches of a table's rows, one line per row, or per unit for a row whose cell lists
    several. Lines refer to their Match by number: a table has few distinct matches (one per
    combination of values), so work per match is done once, not once per row."""

    rows: np.ndarray  # int64: each line's row (position)
    numbers: np.ndarray  # int64: each line's match, a position in ``matches``
    matches: List[Match]
    row_count: int  # rows of the table (each has one line or more)

    @classmethod
    def of_groups(cls, group_of_row: np.ndarray, per_group: Sequence[List[Match]]
                  ) -> "MatchLines":
        counts = np.array([len(m) for m in per_group], dtype=np.int64)
        offsets = np.cumsum(counts) - counts
        flat = [m for matches in per_group for m in matches]
        numbers = offsets[group_of_row]  # each row's first match in ``flat``
        rows = np.arange(len(group_of_row), dtype=np.int64)
        if len(flat) != len(per_group):  # a split cell: its row takes each of its matches
            row_counts = counts[group_of_row]
            numbers = np.repeat(numbers, row_counts) + np.arange(int(row_counts.sum())) - \
                np.repeat(np.cumsum(row_counts) - row_counts, row_counts)
            rows = np.repeat(rows, row_counts)
        return cls(rows, numbers, flat, len(group_of_row))

    @property
    def split(self) -> bool:
        """Whether a row has several lines."""
        return len(self.rows) != self.row_count

    def changed(self, positions: np.ndarray, values: Sequence[Any],
                change: Callable[[Match, Any], Match]) -> "MatchLines":
        """These lines with the lines at ``positions`` taking ``change(their match, value)``:
        one new Match per distinct match and value, not one per line."""
        matches, numbers = list(self.matches), self.numbers.copy()
        made: Dict[Tuple[int, Any], int] = {}
        for line, value in zip(np.asarray(positions).tolist(), values):
            key = (int(numbers[line]), value)
            if key not in made:
                made[key] = len(matches)
                matches.append(change(self.matches[key[0]], value))
            numbers[line] = made[key]
        return MatchLines(self.rows, numbers, matches, self.row_count)

    def field(self, name: str) -> np.ndarray:
        """A Match field per match (not per line): an object array (a copy: the caller's)."""
        return self._fields[Match._fields.index(name)].copy()

    @cached_property
    def _fields(self) -> np.ndarray:
        """Every field of every match, a row per field (made once, a field at a time: fields
        are asked for a dozen times)."""
        table = np.empty((len(Match._fields), len(self.matches)), dtype=object)
        for row, values in zip(table, zip(*self.matches)):
            row[:] = values
        return table

    def frame(self, index: pd.Index) -> pd.DataFrame:
        """The lines as a frame (FRAME_COLUMNS) on the labels of their rows in ``index``."""
        flat, taken = self.matches, self.numbers
        index = index.repeat(np.bincount(self.rows, minlength=len(index))) if self.split \
            else index
        # The text fields of all rows in one block (one take, not one per field), numbers added.
        texts = np.array([(m.pcode, m.method, m.status, m.reason, m.suggestion, m.raw_value,
                           m.raw_parent) for m in flat], dtype=object).reshape(len(flat), 7)
        frame = pd.DataFrame(texts.T[:, taken].T, index=index, dtype=object, copy=False,
                             columns=["pcode", "match_method", "status", "reason", "suggestion",
                                      "raw_value", "raw_parent"])
        for position, name, values in (
                (1, "admin_level", pd.array([m.admin_level for m in flat],
                                            dtype="Int64").take(taken)),
                (3, "match_score", np.array([m.score for m in flat], dtype=float)[taken]),
                (7, "input_index", index), (8, "raw_level", pd.array(
                    [m.raw_level for m in flat], dtype="Int64").take(taken))):
            frame.insert(position, name, values)
        return frame
