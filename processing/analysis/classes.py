"""Legend classes of partner counts, fitted to the data: few, whole numbers, readable breaks.

Fixed classes (1 / 2 / 3-4 / 5+) saturate on a real country, where most units have many
partners. ``count_classes`` chooses up to ``max_classes`` classes that split the units as evenly
as whole-number breaks allow, preferring breaks a reader takes in at a glance (1 to 5, then
multiples of 5): 1-5, 6-10, 11-20, 21+. Classes start at 1 and the last is open, so
every positive count falls in one, including counts of other maps drawn with the same classes
(comparable maps). A class can hold more than half the units only where a single count does.
"""
import itertools
from collections import Counter
from dataclasses import dataclass
from typing import Iterable, List, Optional, Sequence

import numpy as np

MAX_CLASSES = 5
MAX_CANDIDATES = 24  # break candidates tried together (24 choose 4: about 10,000 combinations)
# What an unreadable break (23, 47) costs, in share of the units in the largest class.
UNREADABLE_COST = 0.08


@dataclass(frozen=True)
class CountClass:
    low: int
    high: Optional[int]  # None: "low or more"

    @property
    def label(self) -> str:
        if self.high is None:
            return f"{self.low}+"
        if self.high == self.low:
            return str(self.low)
        return f"{self.low}-{self.high}"

    def expression(self, field: str = "partners") -> str:
        """The class as a QGIS expression on ``field``."""
        if self.high is None:
            return f'"{field}" >= {self.low}'
        if self.high == self.low:
            return f'"{field}" = {self.low}'
        return f'"{field}" >= {self.low} AND "{field}" <= {self.high}'

    def holds(self, value) -> bool:
        return value >= self.low and (self.high is None or value <= self.high)


def count_classes(values: Iterable, max_classes: int = MAX_CLASSES) -> List[CountClass]:
    """Classes of the positive whole numbers in ``values`` (None, 0 and text are left out)."""
    counts = Counter(int(v) for v in values
                     if isinstance(v, (int, float, np.integer, np.floating)) and v == v and v > 0)
    distinct = sorted(counts)
    if len(distinct) <= 1:
        return [CountClass(1, None)]
    if len(distinct) <= max_classes:
        return classes_from_breaks(_gap_ends(distinct))
    return classes_from_breaks(_best_breaks(counts, distinct, max_classes))


def classes_from_breaks(breaks: Sequence[int]) -> List[CountClass]:
    """Classes ending at each of ``breaks`` (ascending), then an open last class."""
    lows = [1] + [b + 1 for b in breaks]
    return [CountClass(low, high) for low, high in zip(lows, list(breaks) + [None])]


def readable(value: int) -> bool:
    """Whether a class boundary reads at a glance: 1 to 5, then multiples of 5."""
    return value <= 5 or value % 5 == 0


def _gap_ends(distinct: List[int]) -> List[int]:
    """Class ends between consecutive counts present: any whole number from one count to just
    below the next splits the units alike, so the most readable of them (5 rather than 3
    between 3 and 6, 10 rather than 8 between 8 and 11)."""
    return [_most_readable(low, following - 1) for low, following in zip(distinct, distinct[1:])]


def _most_readable(low: int, high: int) -> int:
    for step in (10, 5):
        multiple = -(-low // step) * step  # the first multiple of step from low
        if multiple <= high:
            return multiple
    return min(high, 5) if low <= 5 else low


def _best_breaks(counts: Counter, distinct: List[int], max_classes: int) -> List[int]:
    """The breaks with the lowest cost: the share of the units in the largest class, plus
    UNREADABLE_COST for each break that is not ``readable``."""
    candidates = _candidates(counts, distinct)
    below = np.cumsum([counts[v] for v in distinct])  # units with a count <= distinct[i]
    total = int(below[-1])
    # units up to each candidate: those up to the largest count present at or below it
    upto = below[np.searchsorted(distinct, candidates, side="right") - 1]
    unreadable = np.array([not readable(c) for c in candidates])
    chosen = np.array(list(itertools.combinations(range(len(candidates)), max_classes - 1)))
    edges = np.hstack([np.zeros((len(chosen), 1), dtype=int), upto[chosen],
                       np.full((len(chosen), 1), total)])
    cost = np.diff(edges, axis=1).max(axis=1) / total + \
        UNREADABLE_COST * unreadable[chosen].sum(axis=1)
    return [candidates[i] for i in chosen[int(np.argmin(cost))]]  # (ties: the first)


def _candidates(counts: Counter, distinct: List[int]) -> List[int]:
    """Possible class ends: one between each two counts present (``_gap_ends``); on many
    distinct counts, those at evenly spread shares of the units and the readable ones."""
    possible = _gap_ends(distinct)
    if len(possible) <= MAX_CANDIDATES:
        return possible
    end_of = dict(zip(distinct, possible))  # a count present -> the class end after it
    units = np.repeat(distinct, [counts[v] for v in distinct])
    spread = {end_of[value] for value in
              (int(np.quantile(units, q, method="lower"))
               for q in np.linspace(0, 1, MAX_CANDIDATES // 2 + 2)[1:-1]) if value in end_of}
    nice = [end_of[v] for v in sorted(end_of, key=lambda v: -counts[v]) if readable(end_of[v])]
    chosen = sorted(spread | set(nice[:MAX_CANDIDATES - len(spread)]))
    return chosen[:MAX_CANDIDATES]
