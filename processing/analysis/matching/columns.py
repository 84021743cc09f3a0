"""Which columns say where a row is, decided from their values against the boundaries.

Header words are a prior, not the decision: an admin-level word means different things in
different countries ("Département" is admin 1 in some and admin 2 in others), health zones are
a parallel hierarchy whose names sometimes equal an admin unit's, and partners write typos or
plain titles over columns of valid P-codes. So every column that may hold locations is
profiled against the boundary units: the share of its distinct values that are P-codes of
each level (after normalisation), codes finer than the boundaries (a unit's code starts them),
codes coarser than them (they start the units' codes), or names of each level's units. A
column takes the admin role its values show; its header only breaks near-ties, and decides
alone only where the boundaries cannot check the values (names of a level they lack), or where
no column's values can be read at all. A user's mapping is never overruled.
"""
import math
from collections import Counter
from dataclasses import dataclass, field
from typing import Dict, FrozenSet, List, Optional, Sequence, Set, Tuple

import numpy as np

from ..boundaries import AdminUnits
from ..coded import combinations
from ..textnorm import (
    clean_cell,
    code_key,
    fold,
    is_national,
    is_placeholder,
    iso_aliases,
    loose_name,
    split_code,
)
from .codes import CodeIndex
from .names import Ancestors

PROFILED_VALUES = 300  # a column's most frequent distinct values are looked at
PROFILED_COLUMNS = 400  # of a file of 10,000 columns, its first ones (and those said admin)
MIN_SHARE = 0.5  # of a column's values, to take an admin role from its values alone
MIN_SHARE_WITH_HEADER = 0.25  # ... when its header says that role too
HEADER_BONUS = 0.1  # a header's role wins over another role at most this much more shared
# Roles whose values are numbers or dates, never places (months 1-12 may read as codes).
NOT_PLACES = ("lat", "lon", "month", "year", "quarter", "start_date", "end_date", "targeted",
              "reached")


@dataclass
class ColumnProfile:
    """What a column's values are, as shares of its rows with a value (placeholders and
    national-coverage phrases left out; each distinct value weighs as many rows as have it:
    a misspelt name is one of many distinct values but few rows)."""

    label: str
    values: int = 0  # distinct values looked at
    matched_values: int = 0  # of which a code or name of the boundaries
    codes: Dict[int, float] = field(default_factory=dict)  # level -> share that are its P-codes
    finer: float = 0.0  # share of codes below the deepest level (a unit's code starts them)
    coarser: float = 0.0  # share of codes above the boundaries (they start the units' codes)
    coarser_length: float = 0.0  # their mean length (a shorter code is of a coarser level)
    coarser_level: Optional[int] = None  # the level those codes are taken for
    shaped: float = 0.0  # share written like the boundaries' codes (their prefix, then digits)
    names: Dict[int, float] = field(default_factory=dict)  # level -> share of its units' names
    examples: List[str] = field(default_factory=list)

    def best_share(self) -> float:
        return max([self.finer, self.coarser, *self.codes.values(), *self.names.values()],
                   default=0.0)

    def describe(self) -> str:
        parts = [f"{share:.0%} give P-codes of admin {level}" for level, share in
                 sorted(self.codes.items()) if share]
        if self.finer:
            parts.append(f"{self.finer:.0%} give codes finer than the boundaries")
        if self.coarser:
            level = f" (admin {self.coarser_level})" if self.coarser_level else ""
            parts.append(f"{self.coarser:.0%} give codes of units coarser than the "
                         f"boundaries{level}")
        parts += [f"{share:.0%} give names of admin {level} units" for level, share in
                  sorted(self.names.items()) if share]
        examples = ", ".join(f'"{text}"' for text in self.examples)
        found = "; ".join(parts) or "none is a P-code or a name of the boundaries"
        return f"of its rows ({self.values} distinct values: {examples}...), {found}"


@dataclass
class LocationColumns:
    """The decision: admin roles (role -> column label), with the evidence per column and the
    sentences that explain it (for the QA report)."""

    roles: Dict[str, str]
    sources: Dict[str, str]  # role -> "values" | "header" | "hxl" | "mapping"
    profiles: Dict[str, ColumnProfile]
    notes: List[str]


class ValueProfiler:
    """Looks a column's values up in the boundary units: as codes of any level (finer and
    coarser ones included) and as names of each level."""

    def __init__(self, units: AdminUnits):
        self.units = units
        self._level_of = units.levels_by_pcode()
        self._codes = CodeIndex(units, self._level_of)
        self._deepest = max(units.levels)
        self._prefixes = _code_prefixes(self._level_of, units.top_level)
        self._child_codes = {code_key(pcode): pcode for pcode in self._level_of}
        self.ancestor = Ancestors(units)
        # level -> (folded name -> its units, loose name -> its units)
        self._names: Dict[int, Tuple[Dict[str, Set[str]], Dict[str, Set[str]]]] = {}
        for level, pcode, name, alts in zip(units.table["admin_level"].tolist(),
                                            units.table["pcode"], units.table["name"],
                                            units.table["alt_names"]):
            folded, loose = self._names.setdefault(int(level), ({}, {}))
            for label in [name, *(alts or ())]:
                if isinstance(label, str) and label.strip():
                    folded.setdefault(fold(label), set()).add(pcode)
                    loose.setdefault(loose_name(label), set()).add(pcode)
        self._units_of: Dict[Tuple[str, str], FrozenSet[str]] = {}

    def profile(self, label: str, values: Sequence, counts: Sequence[int],
                numbers_allowed: bool) -> ColumnProfile:
        """``values``: a column's distinct values, most frequent first, and ``counts`` the
        rows of each. Numbers without letters count as codes only when ``numbers_allowed``
        (its header names codes): a column of months or counts would otherwise read as
        admin codes."""
        profile = ColumnProfile(label)
        texts, weights = [], []
        for value, count in zip(values, counts):
            text = clean_cell(value)
            if text and not is_placeholder(text) and not is_national(text):
                texts.append(text)
                weights.append(count)
                if len(texts) == PROFILED_VALUES:
                    break
        if not texts:
            return profile
        profile.values, profile.examples = len(texts), texts[:3]
        codes: Dict[int, int] = {}
        names: Dict[int, int] = {}
        finer, coarser, coarser_lengths, shaped, matched = 0, 0, 0, 0, 0
        for text, weight in zip(texts, weights):
            shaped += weight * self._shaped_like_codes(text)
            kind, level, length = self._as_code(text, numbers_allowed)
            name_levels = [] if kind else self._name_levels(text)
            matched += bool(kind or name_levels)
            if kind == "code":
                codes[level] = codes.get(level, 0) + weight
            elif kind == "finer":
                finer += weight
            elif kind == "coarser":
                coarser, coarser_lengths = coarser + weight, coarser_lengths + weight * length
            for name_level in name_levels:
                names[name_level] = names.get(name_level, 0) + weight
        profile.matched_values = matched
        total = sum(weights)
        profile.codes = {level: count / total for level, count in codes.items()}
        profile.names = {level: count / total for level, count in names.items()}
        profile.finer, profile.coarser = finer / total, coarser / total
        profile.coarser_length = coarser_lengths / coarser if coarser else 0.0
        profile.shaped = shaped / total
        return profile

    def _shaped_like_codes(self, text: str) -> bool:
        """Letters the boundaries' codes start with (or their other ISO form), then digits."""
        parts = split_code(code_key(text))
        if parts is None or not parts[0]:
            return False
        return parts[0] in self._codes.prefixes or iso_aliases().get(parts[0]) in \
            self._codes.prefixes

    def _as_code(self, text: str, numbers_allowed: bool) -> Tuple[str, int, int]:
        """('code', level, 0) for a unit's P-code, ('finer', deepest + 1, 0) for a code
        whose start is a unit's of the deepest level, ('coarser', 0, length) for a code that
        starts units' codes, else ('', 0, 0)."""
        if text in self._level_of:
            return "code", self._level_of[text], 0
        key = code_key(text)
        if key in self._child_codes:  # (codes of any shape: 'IQG06Q01' as 'iqg06q01')
            return "code", self._level_of[self._child_codes[key]], 0
        parts = split_code(key)
        if parts is None or (not parts[0] and not numbers_allowed):
            return "", 0, 0
        levels = set()
        for level in self.units.levels:
            found = self._codes.find(text, level)
            if found is not None and found.rolled_from is None:
                levels.add(self._level_of[found.pcode])
        if len(levels) == 1:
            return "code", levels.pop(), 0
        if levels:
            return "", 0, 0  # (digits that read as a code of two levels: no evidence)
        found = self._codes.find(text, self._deepest + 1)
        if found is not None and found.rolled_from is not None and \
                self._level_of[found.pcode] == self._deepest:
            return "finer", self._deepest + 1, 0
        prefix = _coarser_prefix(key, self._prefixes)
        if prefix is not None:
            return "coarser", 0, len(prefix)
        return "", 0, 0

    def coarser_code(self, value) -> Optional[str]:
        """A code coarser than the boundaries as the start of their codes is written there
        (their letters and case), else None."""
        text = clean_cell(value)
        if not text or text in self._level_of:
            return None
        key = _coarser_prefix(code_key(text), self._prefixes)
        if key is None:
            return None
        child = next(iter(self._prefixes[key]))  # (a key of one of the units it starts)
        return self._child_codes[child][:len(key)]

    def _name_levels(self, text: str) -> List[int]:
        """The levels with a unit of that name (ignoring case, accents, punctuation, and
        then generic words such as 'Province')."""
        folded, loose = fold(text), loose_name(text)
        return [level for level, (names, loose_names) in self._names.items()
                if folded in names or loose in loose_names]

    def units_of(self, value, role: str) -> FrozenSet[str]:
        """The units a cell may stand for in ``role``: a code's unit (a finer code's parent, a
        coarser code's units), or the units of that level so named."""
        text = clean_cell(value)
        if not text:
            return frozenset()
        key = (text, role)
        if key not in self._units_of:
            self._units_of[key] = self._code_units(text) if role.endswith("_code") else \
                self._name_units(text, int(role[3]))
        return self._units_of[key]

    def _code_units(self, text: str) -> FrozenSet[str]:
        if text in self._level_of:
            return frozenset([text])
        for level in [*self.units.levels, self._deepest + 1]:
            found = self._codes.find(text, level)
            if found is not None:
                return frozenset([found.pcode])
        return self._codes.units_under(text)

    def _name_units(self, text: str, level: int) -> FrozenSet[str]:
        names, loose_names = self._names.get(level, ({}, {}))
        return frozenset(names.get(fold(text)) or loose_names.get(loose_name(text)) or ())

    def related(self, one: str, other: str) -> bool:
        """Whether two units are the same or one lies in the other."""
        if one == other:
            return True
        one_level, other_level = self._level_of[one], self._level_of[other]
        if one_level < other_level:
            return self.ancestor(other, one_level) == one
        return one_level > other_level and self.ancestor(one, other_level) == other


def _code_prefixes(level_of: Dict[str, int], top: int) -> Dict[str, Set[str]]:
    """Per code key, the keys of the top level's units it is a proper start of (the codes of
    coarser units than the boundaries have: an admin-1 code over an admin-2 file)."""
    prefixes: Dict[str, Set[str]] = {}
    for pcode, level in level_of.items():
        if level != top:
            continue
        key = code_key(pcode)
        parts = split_code(key)
        start = len(parts[0]) + 1 if parts else 2
        for end in range(start, len(key)):
            prefixes.setdefault(key[:end], set()).add(key)
    return prefixes


def _coarser_prefix(key: str, prefixes: Dict[str, Set[str]]) -> Optional[str]:
    """The code (as written, or with the other ISO prefix) when it starts units' codes."""
    if key in prefixes:
        return key
    parts = split_code(key)
    alias = iso_aliases().get(parts[0]) if parts else None
    if alias and alias + parts[1] in prefixes:
        return alias + parts[1]
    return None


def decide_location_columns(columns: Sequence[str], coded, roles: Dict[str, str],
                            sources: Dict[str, str], blocked: Set[str], units: AdminUnits,
                            hints: Dict[str, Tuple[str, ...]]) -> LocationColumns:
    """The admin roles of a table's columns (see the module docstring).

    ``coded(label)``: a column's cells (CodedColumn); ``roles``/``sources``: the roles the
    header step gave (mapping, HXL, header); ``blocked``: the roles a user's mapping decides
    (a column, or none); ``hints``: per column, the admin roles its header or HXL tag says,
    the likeliest first (several where its header names no level)."""
    profiler = ValueProfiler(units)
    mapped = {role: label for role, label in roles.items() if sources.get(role) == "mapping"}
    busy = set(mapped.values()) | {label for role, label in roles.items() if role in NOT_PLACES}
    candidates = [label for label in columns if label not in busy]
    candidates = candidates[:PROFILED_COLUMNS] + [
        label for label in candidates[PROFILED_COLUMNS:] if hints.get(label)]
    profiles = {label: profiler.profile(label, *coded(label).by_frequency(),
                                        any(role.endswith("_code") for role in
                                            hints.get(label, ())))
                for label in candidates}
    _set_coarser_levels(profiles, units)
    options = {label: sorted(_scores(profiles[label], hints.get(label, ()), units.levels)
                             .items(), key=lambda option: -option[1])
               for label in candidates}
    options = {label: [(role, score) for role, score in found if role not in blocked]
               for label, found in options.items()}
    options = {label: found for label, found in options.items() if found}
    if not options:  # no column's values can be read: the headers decide (and the report
        options = {label: [(hints[label][0], 0.0)]  # shows the values as unmatched)
                   for label in candidates if hints.get(label) and hints[label][0] not in blocked}
    agreement = _Agreement(profiler, coded)
    chosen = _best_assignment(options, agreement, set(mapped))
    decided = {**mapped, **{role: label for label, role in chosen.items()}}
    decided_sources = {role: "mapping" for role in mapped}
    decided_sources.update((role, "values" if profiles[label].best_share() else
                            sources.get(role, "header")) for label, role in chosen.items())
    admin = {role: label for role, label in decided.items() if role.startswith("adm")}
    return LocationColumns(admin, {role: decided_sources[role] for role in admin}, profiles,
                           _notes(profiles, admin, hints))


AGREEMENT_WEIGHT = 0.5  # how much two columns' agreeing rows count beside their shares
AGREEMENT_ROWS = 20_000  # rows two columns' agreement is measured on (a share: a sample does)
MAX_ASSIGNMENTS = 20_000  # joint assignments weighed one by one; more: column by column


class _Agreement:
    """How well two columns agree in two roles: over the rows with a unit in both, the share
    whose units are the same or nested less the share whose are not (-1 ... 1). A region
    column whose names are also district names (capitals share them) agrees with the district
    codes as regions, not as districts."""

    def __init__(self, profiler: ValueProfiler, coded):
        self._profiler = profiler
        self._coded = coded
        self._known: Dict[Tuple[str, str, str, str], float] = {}

    def __call__(self, label: str, role: str, other: str, other_role: str) -> float:
        key = (label, role, other, other_role)
        if key not in self._known:
            self._known[key] = self._known[(other, other_role, label, role)] = \
                self._agreement(label, role, other, other_role)
        return self._known[key]

    def _agreement(self, label, role, other, other_role) -> float:
        one, two = self._coded(label), self._coded(other)
        both = np.flatnonzero(one.present & two.present)
        if not len(both):
            return 0.0
        both = both[::math.ceil(len(both) / AGREEMENT_ROWS)]  # spread over the whole table
        ones, twos = one.codes[both], two.codes[both]
        group, firsts = combinations([ones, twos], len(ones))
        rows = np.bincount(group)
        agree = disagree = 0  # (rows, counted per distinct pair of values)
        for first, second, count in zip(ones[firsts].tolist(), twos[firsts].tolist(),
                                        rows.tolist()):
            units = self._profiler.units_of(one.values[first], role)
            others = self._profiler.units_of(two.values[second], other_role)
            if not units or not others:
                continue
            if any(self._profiler.related(u, o) for u in units for o in others):
                agree += count
            else:
                disagree += count
        judged = agree + disagree
        return (agree - disagree) / judged if judged else 0.0


def _best_assignment(options: Dict[str, List[Tuple[str, float]]], agreement: _Agreement,
                     taken: Set[str]) -> Dict[str, str]:
    """Column -> role, each role once, maximising the columns' shares plus how well the
    chosen roles agree row by row (every combination weighed where there are few; else the
    columns take their best roles in turn, each weighed against the roles already taken)."""
    labels = sorted(options, key=lambda label: -options[label][0][1])
    count = 1
    for label in labels:
        count *= len(options[label]) + 1
    if count > MAX_ASSIGNMENTS:
        return _greedy_assignment(labels, options, agreement, taken)
    best: Tuple[float, Dict[str, str]] = (float("-inf"), {})

    def search(position: int, chosen: Dict[str, str], score: float) -> None:
        nonlocal best
        if position == len(labels):
            if score > best[0]:
                best = (score, dict(chosen))
            return
        label = labels[position]
        for role, share in options[label]:
            if role in taken or role in chosen.values():
                continue
            gain = share + AGREEMENT_WEIGHT * sum(agreement(label, role, other, other_role)
                                                  for other, other_role in chosen.items())
            chosen[label] = role
            search(position + 1, chosen, score + gain)
            del chosen[label]
        search(position + 1, chosen, score)  # the column takes no admin role

    search(0, {}, 0.0)
    return best[1]


def _greedy_assignment(labels, options, agreement, taken) -> Dict[str, str]:
    chosen: Dict[str, str] = {}
    for label in labels:
        scored = [(share + AGREEMENT_WEIGHT * sum(agreement(label, role, other, other_role)
                                                  for other, other_role in chosen.items()), role)
                  for role, share in options[label]
                  if role not in taken and role not in chosen.values()]
        if scored:
            chosen[label] = max(scored)[1]
    return chosen


def with_units_from_codes(units: AdminUnits, roles: Dict[str, str], coded) -> AdminUnits:
    """The units, with those one level above their coarsest learnt from the table where the
    boundaries lack that level but the table gives its codes (they start the boundaries'
    codes: P-codes nest), named from the table's column of that level's names: a name or a
    parent hint of that level can then be checked, and rows placed there drawn."""
    level = units.top_level - 1
    code_column = roles.get(f"adm{level}_code")
    if level < 1 or code_column is None:
        return units
    profiler = ValueProfiler(units)
    codes = coded(code_column)
    canonical = [profiler.coarser_code(value) for value in codes.values]
    names = coded(roles[f"adm{level}_name"]) if f"adm{level}_name" in roles else None
    counted: Dict[str, Counter] = {}
    for row in np.flatnonzero(codes.present).tolist():
        code = canonical[codes.codes[row]]
        if code is not None:
            name = names.values[names.codes[row]] if names is not None and \
                names.codes[row] >= 0 else None
            counted.setdefault(code, Counter())[clean_cell(name)] += 1
    named = {code: next((n for n, _ in names_.most_common() if n), None)
             for code, names_ in counted.items()}
    where = f'column "{code_column}"' + (f' (named from column "{roles[f"adm{level}_name"]}")'
                                         if names is not None else "")
    return units.with_units_above(level, named, where)


def _set_coarser_levels(profiles: Dict[str, ColumnProfile], units: AdminUnits) -> None:
    """Codes coarser than the boundaries: the shorter ones are of the coarser level, counted
    up from the level just above the boundaries' top level."""
    top = units.top_level
    coarse = sorted((p for p in profiles.values() if p.coarser >= MIN_SHARE),
                    key=lambda p: -p.coarser_length)
    for offset, profile in enumerate(coarse, 1):
        level = top - offset
        if level >= 1:
            profile.coarser_level = level


def _scores(profile: ColumnProfile, hints: Sequence[str], levels: Sequence[int]
            ) -> Dict[str, float]:
    """The admin roles the column may take, with how well each fits: the share of its values
    that fit the role, a little more where its header says the role too (a near-tie breaker).
    A role its header says is kept at a score of 0 where no value is the boundaries' (names
    of a level they do not have, codes of theirs they lack, or names that match none: those
    rows are then reported as unmatched names, not as rows without a location)."""
    shares: Dict[str, float] = {f"adm{level}_code": share for level, share in
                                profile.codes.items()}
    if profile.coarser_level:
        shares[f"adm{profile.coarser_level}_code"] = profile.coarser
    if profile.finer:
        shares[f"adm{max(levels) + 1}_code"] = profile.finer
    shares.update((f"adm{level}_name", share) for level, share in profile.names.items())
    scores = {}
    varied = profile.matched_values >= 2  # (one value shared by most rows may be a homonym)
    for role, share in shares.items():
        said = role in hints
        if (share >= MIN_SHARE and (varied or said)) or (said and share >= MIN_SHARE_WITH_HEADER):
            scores[role] = share + (HEADER_BONUS if said else 0.0)
    if not profile.best_share():  # the values are not the boundaries': can they be checked?
        for role in hints:
            if role.endswith("_name") or (role.endswith("_code") and profile.shaped >= MIN_SHARE):
                scores[role] = 0.0  # (codes of theirs they lack, e.g. of another vintage)
    return scores


def _notes(profiles: Dict[str, ColumnProfile], roles: Dict[str, str],
           hints: Dict[str, Tuple[str, ...]]) -> List[str]:
    role_of = {label: role for role, label in roles.items()}
    notes = []
    for label, profile in profiles.items():
        role = role_of.get(label)
        if role is not None:
            notes.append(f'column "{label}" is {_role_words(role)}: {profile.describe()}')
        elif hints.get(label):
            notes.append(f'column "{label}" looks like {_role_words(hints[label][0])} by its '
                         f"header, but is not used to place rows: {profile.describe()}")
    return notes


def _role_words(role: str) -> str:
    kind = "P-codes" if role.endswith("_code") else "names"
    return f"admin {role[3]} {kind} ({role})"
