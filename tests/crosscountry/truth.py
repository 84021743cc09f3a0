"""Where a careful IM officer places a row, from the location cells the generator wrote.

The rules (documented in README.md, "Truth"), applied to a row's *evidence*: each location cell
with the set of units a careful reader could take it for (``Cell.candidates``):

* a P-code cell in any of the variants partners write (case, prefix, padding, separators,
  "XY0102.0") stands for its unit; a name cell (with its typo, transliteration, accents,
  partial official name, case, qualifier) for every unit of its level with that name
  (homonyms included), or only those under the parent it names in a hint
  ("Name (ABR)", "Name - Parent"); an admin-3 code (below the boundaries) for its admin-3
  unit, whose admin-2 parent its code structure gives; a name that matches nothing for no
  unit (``frozenset()``);
* placeholders (#N/A, -), blank cells, national-coverage phrases, admin-3 names and
  health-pyramid cells are not evidence (``None``).

Only what the join is given counts: the table and the boundary file. A name is evidence only at
a level whose names the boundary file carries (an admin-2 name says nothing to someone holding
admin-1 boundaries only, and an admin-1 name nothing to someone holding a file of admin-2
units without their parents' fields); a P-code is evidence at any level, since P-codes nest
(the admin-1 code is the start of the admin-2 code) and that structure is general knowledge.

The answer is looked for at the boundaries' deepest level L, then one level coarser at a time:
the candidates are the units of that level the cells of that level or deeper stand for; each
candidate's *support* is the number of cells consistent with it (a cell of a coarser level
names its ancestor, a deeper cell lies in it). The candidate with the most support wins if its
support is larger than the number of cells against it (the majority of agreeing cells; the
contradicting cells are "overruled"). Two candidates with equal support that share their parent
send the question one level up (only the parent is known); otherwise, or when the winner has no
majority, the row is unresolvable (a contradiction that cannot be settled, or an ambiguous name).
A list cell ("A, B") is resolved item by item with the row's other cells: the row's truth is the
set of its items' units.

A row placed only at a coarser level than L is resolvable only when the boundary file carries
that level (a multi-level file, where the join can roll up); the unit is kept as the truth
either way, so a placement there still counts as true (see score.py).
"""
from dataclasses import dataclass
from typing import FrozenSet, Iterable, List, NamedTuple, Optional, Sequence, Set, Tuple

from .reference import Country

# Reasons a row has no place (the ``reason`` of an unresolvable truth).
NO_LOCATION = "no location given"
NATIONAL = "national coverage"
NOTHING_MATCHES = "a name that matches nothing"
CONTRADICTION = "a contradiction that cannot be settled"
AMBIGUOUS = "an ambiguous name"
COARSER_THAN_LAYER = "only a coarser unit is known and the boundaries do not carry its level"
NOT_IN_LAYER = "the unit is not in the boundary file"
TOTAL_ROW = "a total row"


class Cell(NamedTuple):
    column: str  # header of the column the cell is in (for the "overruled" note)
    level: int
    kind: str  # "code" | "name"
    text: str
    candidates: Optional[FrozenSet[str]]  # None: not evidence; empty: names nothing
    item_of: Optional[int] = None  # list cells: the items of one cell share this number
    national: bool = False


@dataclass(frozen=True)
class Truth:
    pcodes: Tuple[str, ...]  # the units (several for a list cell); () when none is known
    level: Optional[int]
    resolvable: bool
    reason: str  # how it was decided, or why it cannot be
    overruled: Tuple[str, ...] = ()  # columns whose cells contradicted the majority

    @property
    def text(self) -> str:
        return ";".join(self.pcodes)


def resolve(country: Country, cells: Sequence[Cell], layer_pcodes: Set[str],
            layer_levels: Sequence[int], total_row: bool = False) -> Truth:
    """The truth of one row from its location cells, for a boundary file carrying the units
    ``layer_pcodes`` of the levels ``layer_levels``."""
    if total_row:
        return Truth((), None, False, TOTAL_ROW)
    layer_level = max(layer_levels)
    cells = [c._replace(candidates=None) if c.kind == "name" and c.level not in layer_levels
             else c for c in cells]
    listed = sorted({c.item_of for c in cells if c.item_of is not None})
    if not listed:
        return _with_layer(_resolve_single(country, cells, layer_level), layer_pcodes)
    others = [c for c in cells if c.item_of is None]
    found: List[Truth] = []
    for item in listed:
        truth = _resolve_single(country, others + [c for c in cells if c.item_of == item],
                                layer_level)
        if truth.pcodes:
            found.append(truth)
    if not found:
        return Truth((), None, False, f"list cell: {NOTHING_MATCHES}")
    level = min(t.level for t in found)  # items known at different levels: the coarsest
    pcodes = tuple(sorted({country.ancestor(p, level) for t in found for p in t.pcodes}))
    if len(pcodes) == 1:
        return _with_layer(Truth(pcodes, level, True, "list cell whose items share one unit"),
                           layer_pcodes)
    return _with_layer(Truth(pcodes, level, True, f"list cell of {len(pcodes)} units"),
                       layer_pcodes)


def _with_layer(truth: Truth, layer_pcodes: Set[str]) -> Truth:
    if not truth.pcodes or all(p in layer_pcodes for p in truth.pcodes):
        return truth
    reason = COARSER_THAN_LAYER if truth.reason.startswith("rolled up") else NOT_IN_LAYER
    return Truth(truth.pcodes, truth.level, False, f"{truth.reason}; {reason}",
                 truth.overruled)


def _resolve_single(country: Country, cells: Iterable[Cell], layer_level: int) -> Truth:
    evidence = [c for c in cells if c.candidates is not None]
    naming = [c for c in evidence if c.candidates]
    if not naming:
        if evidence:
            return Truth((), None, False, NOTHING_MATCHES)
        if any(c.national for c in cells):
            return Truth((), None, False, NATIONAL)
        return Truth((), None, False, NO_LOCATION)
    for level in range(layer_level, 0, -1):
        candidates = {country.ancestor(p, level) for c in naming if c.level >= level
                      for p in c.candidates} - {None}
        if not candidates:
            continue
        support = {u: [c for c in naming if _supports(country, c, u, level)]
                   for u in sorted(candidates)}
        best = max(len(s) for s in support.values())
        winners = [u for u, s in support.items() if len(s) == best]
        if len(winners) == 1:
            against = [c for c in naming if c not in support[winners[0]]]
            if best > len(against):
                how = "unit" if level == layer_level else f"rolled up to admin {level}"
                return Truth((winners[0],), level, True, how,
                             tuple(c.column for c in against))
            return Truth((), None, False, CONTRADICTION)
        parents = {country.ancestor(u, level - 1) for u in winners} if level > 1 else {None}
        if len(parents) == 1 and None not in parents:
            continue  # only the common parent is known
        ambiguous = all(c.kind == "name" for c in naming)
        return Truth((), None, False, AMBIGUOUS if ambiguous else CONTRADICTION)
    return Truth((), None, False, NOTHING_MATCHES)  # pragma: no cover (levels >= 1 named)


def _supports(country: Country, cell: Cell, unit: str, level: int) -> bool:
    if cell.level <= level:
        return country.ancestor(unit, cell.level) in cell.candidates
    return any(country.ancestor(p, level) == unit for p in cell.candidates)
