"""Weighing a row's location cells: the unit most of them agree on.

Every location cell of a row is evidence: a code stands for its unit, a name for every unit of
its level with that name (homonyms included), a code coarser than the boundaries for the units
it starts. The answer is looked for at the deepest level the cells reach, then one level
coarser at a time: each candidate unit's *support* is the number of cells consistent with it
(a coarser cell names one of its ancestors, a finer one lies in it). The best supported
candidate wins when it is the only one so supported and its supporters outnumber the cells
against it more than twice (three cells against one: a wrong match is worse than none); those
cells are *overruled*, never silently: the reason names them. Otherwise
(two candidates equally supported, or no majority) the question goes one level up, where
what the cells agree on may still be known (two districts named under one region: the
region). When no level has a majority the evidence is split, and the row stays unmatched
with the candidates as suggestions. A cell that names nothing (a misspelt name, a code absent
from the boundaries) is no evidence either way; a reviewed crosswalk decision outweighs the
row's other cells (the reviewer has seen them).
"""
from typing import Callable, FrozenSet, List, NamedTuple, Optional, Sequence, Tuple

from .records import Found, Miss

OVERRULE = 2  # the cells for a unit must be more than this many times the cells against it
Ancestor = Callable[[str, int], Optional[str]]  # (P-code, level) -> its ancestor at that level


class Cell(NamedTuple):
    """One location cell of a row and the units it may stand for (all of one level)."""

    kind: str  # 'code' or 'name'
    column_level: int  # the admin level of its column
    raw: str
    units: FrozenSet[str]  # empty: it names no unit
    level: Optional[int]  # the level of ``units``
    found: Optional[Found] = None  # how, when it stands for one unit
    miss: Optional[Miss] = None  # why not, when it stands for none (or for several)
    weight: int = 1  # a reviewed crosswalk decision outweighs the row's other cells


    def describe(self) -> str:
        return f"admin {self.column_level} {self.kind} {self.raw!r}"


class Verdict(NamedTuple):
    unit: Optional[str]  # None: no unit (nothing named, or split evidence)
    level: Optional[int]
    supporters: Tuple[Cell, ...]
    overruled: Tuple[Cell, ...]
    rivals: Tuple[str, ...] = ()  # split evidence: the candidates, best supported first


def weigh(cells: Sequence[Cell], ancestor: Ancestor) -> Verdict:
    """The unit the cells agree on (see the module docstring)."""
    naming = [cell for cell in cells if cell.units]
    if not naming:
        return Verdict(None, None, (), ())
    rivals: List[str] = []  # candidates of the levels without a majority, finest first
    for level in range(max(cell.level for cell in naming), 0, -1):
        candidates = sorted({unit for cell in naming if cell.level >= level
                             for unit in _at_level(cell, level, ancestor)})
        if not candidates:
            continue
        support = {unit: [cell for cell in naming if _supports(cell, unit, level, ancestor)]
                   for unit in candidates}
        weight = {unit: sum(cell.weight for cell in cells_) for unit, cells_ in support.items()}
        best = max(weight.values())
        winners = [unit for unit in candidates if weight[unit] == best]
        if len(winners) == 1:
            against = [cell for cell in naming if cell not in support[winners[0]]]
            if best > OVERRULE * sum(cell.weight for cell in against):
                return Verdict(winners[0], level, tuple(support[winners[0]]), tuple(against))
        rivals += [unit for unit in sorted(weight, key=lambda u: (-weight[u], u))
                   if unit not in rivals]
    return Verdict(None, None, (), (), tuple(rivals))


def _at_level(cell: Cell, level: int, ancestor: Ancestor) -> List[str]:
    if cell.level == level:
        return list(cell.units)
    return [found for found in (ancestor(unit, level) for unit in cell.units) if found]


def _supports(cell: Cell, unit: str, level: int, ancestor: Ancestor) -> bool:
    """Whether ``cell`` is consistent with ``unit`` (of ``level``)."""
    if cell.level == level:
        return unit in cell.units
    if cell.level < level:
        return ancestor(unit, cell.level) in cell.units
    return any(ancestor(own, level) == unit for own in cell.units)

