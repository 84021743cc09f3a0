"""Presence: the partners, activities and people per unit x cluster (x period), from the rows
that count.

What is counted is a ``PresenceLines``: one line per located row (a split row: one per unit)
and, when other organisations count, one per other organisation of a row. Lines carry integer
codes (unit, cluster, period, partner, activity): each text is hashed once, and lines are
grouped and counted on the codes. The presence's rows are the groups of lines with the same
unit, cluster and period.
"""
from dataclasses import dataclass, fields
from typing import Dict, List, NamedTuple, Tuple

import numpy as np
import pandas as pd

from ..coded import combinations
from ..matching import MatchLines
from ..periods import periods_in
from ..textnorm import fold
from .attributes import partner_columns, role_columns

PRESENCE_FIELDS = ["pcode", "name", "admin_level", "parent_pcode", "unit_specified", "cluster",
                   "cluster_name", "period", "partners", "activities", "partner_list",
                   "targeted", "reached", "rows"]


class Located(NamedTuple):
    """The lines that count: their rows and P-codes (codes of ``pcodes``)."""
    rows: np.ndarray  # per line: its row (a position in the table)
    pcode: np.ndarray  # per line: its P-code, a position in ``pcodes``
    pcodes: np.ndarray  # the distinct P-codes, in the order they first come


@dataclass
class PresenceLines:
    """Per line (every array has one entry per line; code -1: none)."""
    row: np.ndarray  # its row (a position in the table)
    is_row: np.ndarray  # False: a line of another organisation (a partner, not an activity)
    unit: np.ndarray  # its unit, a position in ``Units``
    cluster: np.ndarray  # its cluster code, numbered
    period: np.ndarray  # its presence period, numbered
    spelling: np.ndarray  # its organisation as written, a position in ``Partners.spellings``
    partner: np.ndarray  # its partner, a number of ``Partners``
    activity: np.ndarray  # its activity, numbered
    targeted: np.ndarray  # people to add up (NaN: none, or a split row's)
    reached: np.ndarray

    def __len__(self) -> int:
        return len(self.row)

    def taken(self, positions: np.ndarray) -> "PresenceLines":
        return PresenceLines(*(getattr(self, f.name)[positions] for f in fields(self)))

    def followed_by(self, other: "PresenceLines") -> "PresenceLines":
        return PresenceLines(*(np.concatenate([getattr(self, f.name), getattr(other, f.name)])
                               for f in fields(self)))


class Units(NamedTuple):
    """Per unit of the presence (numbered as ``PresenceLines.unit``)."""
    pcode: np.ndarray  # its P-code
    specified: np.ndarray  # False: the "admin N not specified" bucket of a coarser unit


class Partners:
    """The organisations: one partner per key, written in one or more spellings."""

    def __init__(self, spellings: np.ndarray, key=fold):
        self.spellings = spellings  # per spelling (``PresenceLines.spelling``): its text
        self.key = key  # the partner a name is (``organisations.Organisations.key``)
        self.keys: Dict[str, int] = {}  # per partner key: its number

    def numbers(self, names) -> np.ndarray:
        """The partner number of each name (numbering names not seen before)."""
        return np.array([self.keys.setdefault(self.key(name), len(self.keys))
                         for name in names], dtype=np.int64)


class Groups(NamedTuple):
    """The presence's rows: the groups of lines of one unit, cluster and period."""
    of_line: np.ndarray  # per line: its group
    first_line: np.ndarray  # per group: its first line

    def __len__(self) -> int:
        return len(self.first_line)


def located(lines: MatchLines, counted: np.ndarray) -> Located:
    """The rows of the ``counted`` lines (a split row: a line per unit) and their P-codes."""
    pcode_of_match, pcodes = pd.factorize(lines.field("pcode"))
    codes, firsts = pd.factorize(pcode_of_match[lines.numbers[counted]])
    return Located(lines.rows[counted], codes, pcodes[firsts])


def presence_table(table, located_lines: Located, attributes, texts, units, level, options,
                   progress, organisations=None) -> pd.DataFrame:
    """Partners per unit x cluster x period (PRESENCE_FIELDS), sorted by level, P-code,
    cluster and period."""
    if not len(located_lines.rows):
        return pd.DataFrame(columns=PRESENCE_FIELDS)
    progress.step(10)
    per_unit, unit_of_pcode = _units(located_lines.pcodes, units, level)
    lines, partners, periods = _presence_lines(table, located_lines.rows,
                                               unit_of_pcode[located_lines.pcode], attributes,
                                               texts, options, organisations)
    progress.step(40)
    groups = Groups(*combinations([lines.unit, lines.cluster, lines.period], len(lines)))
    unit, head_rows = lines.unit[groups.first_line], lines.row[groups.first_line]
    named = np.flatnonzero(lines.partner >= 0)
    # The first line of each distinct group and partner: partners counted and listed from them.
    partner_pairs = named[combinations([groups.of_line[named], lines.partner[named]],
                                       len(named))[1]]
    progress.step(70)
    # Groups as they come, sorted once at the end (no two groups have the same keys).
    presence = {
        "pcode": per_unit.pcode[unit],
        **{name: values[unit] for name, values in _unit_fields(per_unit, units, level).items()},
        "cluster": attributes["cluster_code"].to_numpy()[head_rows],
        "cluster_name": _first_valid(attributes["cluster_name"].to_numpy(), lines, groups),
        "period": periods[lines.period[groups.first_line]],
        "partners": np.bincount(groups.of_line[partner_pairs],
                                minlength=len(groups)).astype(np.int64),
        "activities": _distinct_per_group(
            groups, [_activity_partners(lines, partners), lines.activity]).astype(np.int64),
        "partner_list": _partner_lists(lines, partners, named, groups, partner_pairs),
        "targeted": _sum_per_group(lines.targeted, groups),
        "reached": _sum_per_group(lines.reached, groups),
        "rows": np.bincount(groups.of_line, weights=lines.is_row,
                            minlength=len(groups)).astype(np.int64),
    }
    order = _sort_order([presence[key] for key in ("admin_level", "pcode", "cluster", "period")])
    return pd.DataFrame({name: presence[name][order] for name in PRESENCE_FIELDS})


# ---- the lines ----------------------------------------------------------------------------

def _units(distinct_pcodes: np.ndarray, units, level) -> Tuple[Units, np.ndarray]:
    """The presence's units, and the unit of each of ``distinct_pcodes``: its unit at
    ``level``, or, for a P-code coarser than ``level``, its own "unit not specified" bucket."""
    unit_of = [units.ancestor_or_self(p, level) if units.level_of(p) >= level else None
               for p in distinct_pcodes]  # None: the "unit not specified" bucket of p itself
    unit_codes, unit_values = pd.factorize(np.array(
        [unit if unit is not None else p for unit, p in zip(unit_of, distinct_pcodes)],
        dtype=object))
    specified = np.zeros(len(unit_values), dtype=bool)  # (a unit is either, never both)
    specified[unit_codes] = [unit is not None for unit in unit_of]
    return Units(unit_values, specified), unit_codes


def _presence_lines(table, rows: np.ndarray, unit: np.ndarray, attributes, texts, options,
                    organisations=None) -> Tuple[PresenceLines, Partners, np.ndarray]:
    """The lines of ``rows`` (each in ``unit``; a row whose period spans several months or
    quarters: one line per period), then those of the other organisations when they count;
    with the partners their organisations are and the periods (``PresenceLines.period``)."""
    split = np.bincount(rows)[rows] > 1  # (a split row's lines: no unit gets its numbers)
    people = {}
    for column in ("targeted", "reached"):  # a split row's numbers go nowhere: no unit gets them
        values = attributes[column].to_numpy()[rows]
        people[column] = np.where(split, np.nan, values) if split.any() else values
    activity = texts(role_columns(table, "activity"))
    organisation = texts(partner_columns(table))
    partners = Partners(organisation.values, organisations.key if organisations else fold)
    spelling = organisation.codes[rows]
    lines = PresenceLines(
        row=rows, is_row=np.ones(len(rows), dtype=bool), unit=unit,
        cluster=_cluster_codes(table, attributes)[rows],
        period=np.zeros(len(rows), dtype=np.int64),  # (see _per_period)
        spelling=spelling, partner=np.append(partners.numbers(partners.spellings), -1)[spelling],
        activity=_activity_codes(activity.codes[rows], activity.values, rows), **people)
    keys = attributes["period_key"].to_numpy()[rows]
    if options.period == "all":  # one period: the whole span
        periods = keys[:1]
    else:
        lines, periods = _per_period(lines, keys)
    if options.count_all_organisations:
        others = attributes["other_organisations"].to_numpy()[rows]
        if any(isinstance(names, list) and names for names in others[pd.notna(others)]):
            lines = lines.followed_by(_other_organisations(lines, others, partners))
    return lines, partners, periods


def _per_period(lines: PresenceLines, keys: np.ndarray) -> Tuple[PresenceLines, np.ndarray]:
    """Each line's presence period (``keys``: one per line) numbered; a line whose period is a
    range ("2025-01/2025-03") repeated once per month or quarter of it, its people added to
    none of them (as a split row's: how many were reached in each is not known)."""
    codes, distinct = pd.factorize(keys)
    spans = [periods_in(key) for key in distinct]
    labels, numbered = pd.factorize(np.array([p for span in spans for p in span], dtype=object))
    sizes = np.array([len(span) for span in spans], dtype=np.int64)
    if (sizes == 1).all():
        lines.period = labels[codes]
        return lines, numbered
    starts = np.cumsum(sizes) - sizes
    repeats = sizes[codes]
    line_of = np.repeat(np.arange(len(lines)), repeats)
    within = np.arange(len(line_of)) - np.repeat(np.cumsum(repeats) - repeats, repeats)
    expanded = lines.taken(line_of)
    expanded.period = labels[starts[codes[line_of]] + within]
    several = repeats[line_of] > 1
    for column in ("targeted", "reached"):
        values = getattr(expanded, column)
        setattr(expanded, column, np.where(several, np.nan, values) if several.any() else values)
    return expanded, numbered


def _cluster_codes(table, attributes) -> np.ndarray:
    """Per row, a number for its cluster code (-1: none). A row's cluster code is that of its
    cell in the cluster column: numbered per distinct cell, not per row."""
    if "cluster" not in table.roles:
        return np.full(len(attributes), -1, dtype=np.int64)
    cells = table.coded(table.roles["cluster"]).codes
    some_row = np.zeros(int(cells.max(initial=-1)) + 2, dtype=np.int64)  # per cell code, -1 last
    some_row[cells] = np.arange(len(cells))  # (any row with the cell: they have the same code)
    return pd.factorize(attributes["cluster_code"].to_numpy()[some_row])[0][cells]


def _activity_codes(codes: np.ndarray, texts: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """An activity is its text; a row without one is an activity of its own, known by its row
    label as text (which the same text in the activity column also means)."""
    codes = codes.copy()
    missing = codes < 0
    if missing.any():
        own = len(texts) + rows[missing]
        by_label = {int(text): code for code, text in enumerate(texts)
                    if text.isdecimal() and str(int(text)) == text}
        if by_label:
            own = pd.Series(rows[missing]).map(by_label).fillna(pd.Series(own)).to_numpy()
        codes[missing] = own
    return codes


def _other_organisations(lines: PresenceLines, others: np.ndarray, partners: Partners
                         ) -> PresenceLines:
    """Extra partner lines for lead/programme organisations and donors (counted as partners
    only: the row and its beneficiaries are already counted once); their names are added to
    the partners' spellings."""
    counts = np.array([len(names) if isinstance(names, list) else 0 for names in others])
    names = [name for names in others if isinstance(names, list) for name in names]
    line_of = np.repeat(np.arange(len(others)), counts)
    keep = np.array([name is not None and name == name for name in names], dtype=bool)
    line_of, names = line_of[keep], np.array(names, dtype=object)[keep]
    extra = lines.taken(line_of)
    extra.spelling = len(partners.spellings) + np.arange(len(names))
    extra.is_row = np.zeros(len(names), dtype=bool)
    extra.partner = partners.numbers(names)
    extra.activity = np.full(len(names), -1, dtype=np.int64)
    extra.targeted, extra.reached = np.full(len(names), np.nan), np.full(len(names), np.nan)
    partners.spellings = np.concatenate([partners.spellings, names])
    return extra


def _activity_partners(lines: PresenceLines, partners: Partners) -> np.ndarray:
    """Per line, the partner its activity belongs to; a row without organisation counts as the
    organisation "" (a row's activity is counted even without a partner); other
    organisations' lines are no activity (-1)."""
    partner = lines.partner.copy()
    blank = np.flatnonzero(np.asarray(list(partners.keys), dtype=object) == "")
    partner[partner < 0] = blank[0] if len(blank) else len(partners.keys)
    partner[~lines.is_row] = -1
    return partner


# ---- per group ----------------------------------------------------------------------------

def _first_valid(values: np.ndarray, lines: PresenceLines, groups: Groups) -> np.ndarray:
    """Per group, the first of the lines' ``values`` (by row; none for other organisations'
    lines) that is not missing: its first line's, unless that one is missing."""
    head = values[lines.row[groups.first_line]]  # (a group's first line is a row's)
    if pd.notna(head).all():
        return head
    per_line = values[lines.row].astype(object, copy=False)
    per_line[~lines.is_row] = np.nan
    return pd.Series(per_line).groupby(groups.of_line).first().to_numpy()


def _sum_per_group(values: np.ndarray, groups: Groups) -> np.ndarray:
    """``pd.Series(values).groupby(group).sum(min_count=1)``: NaN for a group with no number.
    Counts of people are whole numbers, whose sums are exact in any order: added up by numpy;
    other numbers by pandas (which adds floats with compensation: the last digit may differ)."""
    group = groups.of_line
    numbers = values.astype(np.float64, copy=False) if values.dtype.kind in "iuf" else None
    if numbers is None:
        return pd.Series(values).groupby(group).sum(min_count=1).to_numpy()
    known = ~np.isnan(numbers)
    counts = numbers[known]
    if not (np.array_equal(counts, np.trunc(counts)) and np.abs(counts).sum() < 2 ** 53):
        return pd.Series(values).groupby(group).sum(min_count=1).to_numpy()
    sums = np.bincount(group[known], weights=counts, minlength=len(groups)).astype(
        np.float64, copy=False)
    if values.dtype.kind in "iu":  # (no missing value: every group has a sum)
        return sums.astype(values.dtype)
    sums[np.bincount(group[known], minlength=len(groups)) == 0] = np.nan
    return sums


def _distinct_per_group(groups: Groups, code_columns: List[np.ndarray]) -> np.ndarray:
    """Number of distinct combinations of ``code_columns`` (one code per line) per group;
    lines with a code -1 (nothing there) are not counted."""
    kept = np.logical_and.reduce([codes >= 0 for codes in code_columns])
    group = groups.of_line[kept]
    firsts = combinations([group] + [codes[kept] for codes in code_columns], len(group))[1]
    return np.bincount(group[firsts], minlength=len(groups))


def _partner_lists(lines: PresenceLines, partners: Partners, named: np.ndarray,
                   groups: Groups, pairs: np.ndarray) -> np.ndarray:
    """Distinct organisations per group, sorted; of several spellings of one organisation,
    always the same one (the smallest), whatever the row order. ``pairs``: the first line of
    each distinct group and partner among the ``named`` lines."""
    lists = np.full(len(groups), "", dtype=object)
    if not len(named):
        return lists
    partner, group = lines.partner, groups.of_line
    smallest = _smallest_spellings(partner[named], lines.spelling[named], partners.spellings)
    spelling = np.empty(int(partner.max()) + 1, dtype=object)  # by partner number
    spelling[smallest.index] = smallest.to_numpy()
    order = np.zeros(len(spelling), dtype=np.int64)
    order[smallest.index] = np.unique(np.array([name.casefold() for name in smallest],
                                               dtype=object), return_inverse=True)[1]
    pairs = pairs[np.lexsort((order[partner[pairs]], group[pairs]))]
    starts = np.flatnonzero(np.diff(group[pairs], prepend=-1))
    names = spelling[partner[pairs]].tolist()
    for start, stop, number in zip(starts, np.append(starts[1:], len(names)),
                                   group[pairs][starts]):
        lists[number] = "; ".join(names[start:stop])
    return lists


def _smallest_spellings(partner, spelling, spellings) -> pd.Series:
    """The smallest spelling of each partner, by partner number; found among the distinct
    spellings of the lines (a spelling is of one partner: its folded text)."""
    shown = np.zeros(len(spellings), dtype=bool)
    shown[spelling] = True
    partner_of = np.empty(len(spellings), dtype=np.int64)
    partner_of[spelling] = partner
    smallest: Dict[int, str] = {}
    for number, text in zip(partner_of[shown].tolist(), spellings[shown].tolist()):
        if number not in smallest or text < smallest[number]:
            smallest[number] = text
    numbers = sorted(smallest)
    return pd.Series([smallest[n] for n in numbers], index=numbers, dtype=object)


def _unit_fields(per_unit: Units, units, level) -> Dict[str, np.ndarray]:
    """unit_specified, admin_level, name and parent_pcode of each unit."""
    top = min(units.levels)
    pcodes, specified = per_unit
    return {
        "unit_specified": specified.astype(bool),
        "admin_level": np.array([units.level_of(p) for p in pcodes], dtype=np.int64),
        "name": np.array([units.name(p) if ok else f"{units.name(p)} (admin {level} not "
                          "specified)" for p, ok in zip(pcodes, specified)], dtype=object),
        "parent_pcode": np.array([units.parent(p) if units.level_of(p) > top else None
                                  for p in pcodes], dtype=object),
    }


def _sort_order(keys: List[np.ndarray]) -> np.ndarray:
    """The order of the rows sorted by ``keys`` (the first first), missing values last: that of
    ``DataFrame.sort_values(keys, na_position="last")``, on the arrays themselves."""
    ranks = []
    for values in keys:
        rank, distinct = pd.factorize(values, sort=True)
        rank[rank < 0] = len(distinct)
        ranks.append(rank)
    return np.lexsort(ranks[::-1])
