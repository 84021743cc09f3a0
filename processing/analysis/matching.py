"""Matching of partners' admin codes and names to boundary units (the P-code cascade).

For one combination of raw values (codes and names per admin level) ``Matcher.resolve`` walks:

1. placeholders ('#N/A', '-', '0', ...) are emptied; national-coverage phrases are set aside;
2. codes, every level: crosswalk -> exact P-code -> normalised P-code (case, separators, zero
   padding, ISO3 prefix for ISO2 and back, digits without prefix) -> a code absent from the
   boundaries whose parent code exists rolls up (or, below the boundaries' deepest level, is
   ``derived`` to it);
3. names, top-down, within the parent found so far: crosswalk -> exact -> normalised (case,
   accents, punctuation; then without generic words like 'Province') -> fuzzy;
4. the deepest unit found wins; disagreeing levels are reported in the reason.

Fuzzy rule (conservative, a wrong match is worse than none): similarity = max(ratio,
token_sort_ratio) of the folded names; accepted only when >= FUZZY_ACCEPT (90) AND at least
FUZZY_MARGIN (5) points above the best other unit. Anything else is only a *suggestion*, and so
is a name found outside the parent the row gives.

A cell listing several units ('A, B', 'A; B', 'Stem(a,b)', 'A B' when every word is a unit)
gives one Match per unit. Everything is cached per unique combination of raw values, so large
tables cost what their distinct values cost.
"""
import csv
import io
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    NamedTuple,
    Optional,
    Sequence,
    Set,
    Tuple,
    Union,
)

import numpy as np
import pandas as pd

from .boundaries import AdminUnits
from .coded import CodedColumn, combinations
from .errors import InputError
from .report import neutralise
from .textnorm import (
    clean_cell,
    code_key,
    fold,
    is_national,
    is_placeholder,
    iso_aliases,
    loose_name,
    split_code,
    split_list,
    split_words,
)

FUZZY_ACCEPT = 90.0
FUZZY_MARGIN = 5.0
SUGGEST_FROM = 60.0
CROSSWALK_COLUMNS = ["raw_value", "level", "parent", "pcode"]
SUGGESTION_COLUMNS = CROSSWALK_COLUMNS + ["suggestion", "score", "rows"]
FRAME_COLUMNS = ["pcode", "admin_level", "match_method", "match_score", "status", "reason",
                 "suggestion", "input_index", "raw_level", "raw_value", "raw_parent"]


class Match(NamedTuple):
    """How one cell (or combination of cells) was placed. A named tuple, like the evidence
    records below: thousands are made per table, several times faster than frozen dataclasses."""

    pcode: Optional[str]
    admin_level: Optional[int]
    # crosswalk | exact | normalised | derived | name_exact | name_normalised | name_fuzzy |
    # split | national | none
    method: str
    score: float  # 1.0 exact ... fuzzy ratio/100; 0 when unmatched
    status: str  # used | unmatched | rolled_up
    reason: str
    suggestion: Optional[str] = None
    raw_level: Optional[int] = None
    raw_value: Optional[str] = None
    raw_parent: Optional[str] = None  # parent P-code the raw value was looked up in (crosswalk)


class _Found(NamedTuple):
    """One level's evidence: the unit a raw value points to, and how."""

    pcode: str
    method: str
    score: float
    detail: str
    column_level: int
    raw: str
    rolled_from: Optional[str] = None  # raw code absent from the boundaries; pcode is its parent


class _Miss(NamedTuple):
    column_level: int
    raw: str
    kind: str  # 'code' or 'name'
    reason: str
    suggestion: Optional[str] = None
    parent: Optional[str] = None


# ---- crosswalk ----------------------------------------------------------------------------
@dataclass(frozen=True)
class CrosswalkEntry:
    raw_value: str
    level: int
    parent: str
    pcode: str
    source_row: int


class Crosswalk:
    """Reviewed raw value -> P-code decisions (CSV: raw_value, level, parent, pcode).
    Keys are folded (case/accents/punctuation-insensitive); blank parent applies anywhere."""

    def __init__(self, entries: Iterable[CrosswalkEntry], source: str = "crosswalk"):
        self.source = source
        self.entries = [e for e in entries if e.pcode]
        self._index = {(fold(e.raw_value), e.level, fold(e.parent)): e for e in self.entries}
        self._by_value: Dict[Tuple[str, int], List[CrosswalkEntry]] = {}
        for entry in self.entries:
            self._by_value.setdefault((fold(entry.raw_value), entry.level), []).append(entry)

    @classmethod
    def read_csv(cls, path: Union[str, Path]) -> "Crosswalk":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path.name}: cannot be read ({exc})") from None
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and not line.lstrip().startswith("#")]
        if not lines:
            raise InputError(f"{path.name}: the crosswalk is empty")
        reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
        header = [h.strip().lower() for h in next(reader)]
        missing = [c for c in CROSSWALK_COLUMNS if c not in header]
        if missing:
            raise InputError(f"{path.name}: crosswalk column(s) {', '.join(missing)} missing "
                             f"(columns found: {', '.join(header)})")
        entries = [_crosswalk_entry(path.name, header, cells, line_no)
                   for (line_no, _), cells in zip(lines[1:], reader)]
        return cls(entries, source=path.name)

    def lookup(self, raw: str, level: int, context: Set[str]) -> Optional[CrosswalkEntry]:
        key = fold(raw)
        for parent in sorted(context) + [""]:
            entry = self._index.get((key, level, parent))
            if entry is not None:
                return entry
        # A row that gives no parent: the suggestions file wrote the parent of the unit it
        # found; a single reviewed entry for the value applies.
        candidates = self._by_value.get((key, level), [])
        return candidates[0] if not context and len(candidates) == 1 else None


def _crosswalk_entry(file_name: str, header: List[str], cells: List[str],
                     line_no: int) -> CrosswalkEntry:
    row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
    where = f"{file_name}: row {line_no}"
    if not row["raw_value"]:
        raise InputError(f"{where}, column raw_value: empty")
    try:
        level = int(float(row["level"]))
    except ValueError:
        raise InputError(f"{where}, column level: {row['level']!r} is not an admin level "
                         "(0-4)") from None
    if not 0 <= level <= 4:
        raise InputError(f"{where}, column level: {level} is not an admin level (0-4)")
    return CrosswalkEntry(row["raw_value"], level, row["parent"], row["pcode"], line_no)


def write_suggestions_csv(path: Union[str, Path],
                          matches_with_counts: Union[pd.DataFrame,
                                                     Iterable[Tuple[Match, int]]]) -> int:
    """A crosswalk to review: one row per unmatched, rolled-up or fuzzy-matched raw value with
    the number of table rows it concerns. ``pcode`` is filled only for fuzzy matches (to
    confirm); fill the others and pass the file back as the crosswalk. Returns rows written."""
    table = _suggestion_rows(matches_with_counts)
    # Reviewers open this in a spreadsheet: partners' text must not run as a formula there
    # (the apostrophe is punctuation, so the crosswalk look-up still finds the value).
    for column in ("raw_value", "suggestion"):
        table[column] = table[column].map(neutralise, na_action="ignore")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("# CoordMap crosswalk to review: fill or correct 'pcode', then use this "
                     "file as the crosswalk. Lines starting with # are ignored.\n")
        table.to_csv(handle, index=False, columns=SUGGESTION_COLUMNS)
    return len(table)


def _suggestion_rows(source) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        frame = source.rename(columns={"match_method": "method", "match_score": "score"})
        frame = frame.assign(rows=1)
    else:
        frame = pd.DataFrame(
            [{"method": m.method, "score": m.score, "status": m.status, "pcode": m.pcode,
              "raw_value": m.raw_value, "raw_level": m.raw_level, "raw_parent": m.raw_parent,
              "suggestion": m.suggestion, "rows": n} for m, n in source],
            columns=["method", "score", "status", "pcode", "raw_value", "raw_level",
                     "raw_parent", "suggestion", "rows"])
    review = frame[((frame["status"] != "used") | (frame["method"] == "name_fuzzy"))
                   & frame["raw_value"].notna() & (frame["method"] != "national")]
    review = review.assign(
        pcode=np.where(review["method"] == "name_fuzzy", review["pcode"], None),
        score=np.where(review["method"] == "name_fuzzy", review["score"], np.nan),
        parent=review["raw_parent"].fillna(""),
        level=review["raw_level"].astype("Int64"),
    )
    grouped = review.groupby(["raw_value", "level", "parent"], dropna=False, sort=False).agg(
        pcode=("pcode", "first"), suggestion=("suggestion", "first"), score=("score", "max"),
        rows=("rows", "sum"))
    return grouped.reset_index().sort_values(["rows", "raw_value"], ascending=[False, True])


# ---- matcher --------------------------------------------------------------------------------
class Matcher:
    """Resolves raw admin codes/names to units of ``units`` (see module docstring)."""

    def __init__(self, units: AdminUnits, crosswalk: Optional[Crosswalk] = None,
                 target_level: Optional[int] = None):
        self.units = units
        self.target_level = units.level if target_level is None else target_level
        self.crosswalk = crosswalk
        self.notes: List[str] = []
        self._fuzz = _load_rapidfuzz(self.notes)
        self._check_crosswalk()
        self._keys = {code_key(p): p for p in units.table["pcode"]}
        self._numeric = _numeric_index(units)
        # Asked several times per combination: a plain dict, not the units' checked method
        # (every P-code asked about is one of the units), and remembered ancestors.
        self._level_of = units.levels_by_pcode()
        self._ancestor = _Ancestors(units)
        self._names = {lvl: _NameIndex(units, lvl, self._ancestor, named)
                       for lvl, named in _names_by_level(units).items()}
        self._layer_prefixes = {s.prefix for s in units.schemes.values() if s.prefix is not None}
        self._prefix_options: Dict[str, List[Tuple[str, str]]] = {}
        self._parent_lengths: Dict[int, List[Tuple[int, int]]] = {}
        self._cache: Dict[Tuple, List[Match]] = {}
        self._code_hits: Dict[Tuple[str, int], Optional[_Found]] = {}
        self._name_hits: Dict[Tuple[str, int, Optional[str]], Tuple] = {}
        self._verdicts: Dict[Optional[str], str] = {None: ""}  # (an empty cell: nothing to do)

    def _check_crosswalk(self) -> None:
        for entry in self.crosswalk.entries if self.crosswalk else ():
            if entry.pcode not in self.units:
                raise InputError(f"{self.crosswalk.source}: row {entry.source_row}, column "
                                 f"pcode: {entry.pcode!r} is not in the boundaries")

    # ---- public -------------------------------------------------------------------------------
    def resolve(self, codes: Dict[int, Any], names: Dict[int, Any]) -> List[Match]:
        return self._resolve_cleaned({lvl: clean_cell(v) for lvl, v in codes.items()},
                                     {lvl: clean_cell(v) for lvl, v in names.items()})

    def _resolve_cleaned(self, codes: Dict[int, Optional[str]],
                         names: Dict[int, Optional[str]]) -> List[Match]:
        key = (tuple(sorted(codes.items())), tuple(sorted(names.items())))
        if key not in self._cache:
            self._cache[key] = self._resolve_with_splits(codes, names)
        return self._cache[key]

    def resolve_frame(self, df: pd.DataFrame, code_cols: Dict[int, str],
                      name_cols: Dict[int, str],
                      coded: Optional[Callable[[str], CodedColumn]] = None) -> pd.DataFrame:
        """Matches aligned to ``df.index`` (an index value repeats when a cell was split).
        ``coded(column)``, when given, returns a column as codes of its values (columns
        already hashed: not again)."""
        missing = [c for c in [*code_cols.values(), *name_cols.values()] if c not in df.columns]
        if missing:
            raise InputError(f"table: column(s) {', '.join(missing)} not found")
        return self.resolve_lines(len(df), code_cols, name_cols, coded or (
            lambda column: CodedColumn.of_cells(df[column].to_numpy(dtype=object)))
        ).frame(df.index)

    def resolve_lines(self, rows: int, code_cols: Dict[int, str], name_cols: Dict[int, str],
                      coded: Callable[[str], CodedColumn]) -> "MatchLines":
        """``resolve_frame`` for ``rows`` rows, from the columns as codes (``coded``), as
        lines. Cells equal once cleaned ('Badji', 'Badji ') are one value."""
        columns = [("code", lvl, c) for lvl, c in code_cols.items()] + \
                  [("name", lvl, c) for lvl, c in name_cols.items()]
        cleaned = [(kind, level, coded(column).mapped(clean_cell))
                   for kind, level, column in columns]
        group_of_row, firsts = combinations([column.codes for _, _, column in cleaned], rows)
        return MatchLines.of_groups(group_of_row, self._resolve_groups(cleaned, firsts))

    def _resolve_groups(self, coded, firsts: np.ndarray) -> List[List[Match]]:
        """The matches of each combination of cleaned values (the rows at ``firsts``)."""
        return [self._resolve_with_splits(codes, names)
                for codes, names in _values_of(coded, firsts)]

    def _verdict_of(self, raw: Optional[str]) -> str:
        verdict = self._verdicts.get(raw)
        if verdict is None:
            verdict = self._verdicts[raw] = _verdict(raw)
        return verdict

    # ---- one combination ---------------------------------------------------------------------
    def _resolve_with_splits(self, codes, names) -> List[Match]:
        first = self._resolve_one(codes, names)
        if first.status == "used" or first.method == "national":
            return [first]
        for kind, values in (("code", codes), ("name", names)):
            for level in sorted(values, reverse=True):
                parts = self._split(values[level], level, kind)
                if len(parts) > 1:
                    return self._resolve_parts(codes, names, kind, level, parts)
        return [first]

    def _split(self, raw: Optional[str], level: int, kind: str) -> List[str]:
        if raw is None or is_placeholder(raw):
            return []
        parts = split_list(raw)
        if len(parts) > 1 or kind == "code" or level not in self._names:
            return parts
        return self._names[level].word_partition(raw)

    def _resolve_parts(self, codes, names, kind, level, parts) -> List[Match]:
        raw = (codes if kind == "code" else names)[level]
        matches = []
        for number, part in enumerate(parts, 1):
            codes_p = {**codes, level: part} if kind == "code" else codes
            names_p = {**names, level: part} if kind == "name" else names
            match = self._resolve_one(codes_p, names_p)
            method = "split" if match.pcode is not None else match.method
            matches.append(match._replace(method=method, reason=(
                f"{kind} {raw!r} lists {len(parts)} units, this is part {number} "
                f"{part!r}: {match.reason}")))
        return matches

    def _resolve_one(self, codes, names) -> Match:
        codes, names, notes = dict(codes), dict(names), []
        national = self._set_aside(codes, notes, "code") | self._set_aside(names, notes, "name")
        if not any(codes.values()) and not any(names.values()):
            return _empty_match(national, notes)
        found, misses = self._find_codes(codes)
        self._find_names(names, codes, found, misses)
        return self._decide(found, misses, codes, names, national, notes)

    def _set_aside(self, values: Dict[int, Optional[str]], notes: List[str], kind: str
                   ) -> Set[str]:
        """Empties placeholders and national-coverage phrases in place; returns the latter."""
        national = set()
        for level, raw in values.items():  # (only existing keys are assigned: safe)
            verdict = self._verdict_of(raw)
            if verdict == "placeholder":
                notes.append(f"admin {level} {kind} {raw!r} is a placeholder, treated as empty")
                values[level] = None
            elif verdict == "national":
                national.add(raw)
                values[level] = None
        return national

    def _find_codes(self, codes) -> Tuple[Dict[int, _Found], Dict[int, _Miss]]:
        found: Dict[int, _Found] = {}
        misses: Dict[int, _Miss] = {}
        for level in sorted(codes):
            raw = codes[level]
            if not raw:
                continue
            hit = self._crosswalk(raw, level, codes, {}, found) or self._find_code(raw, level)
            if hit is not None:
                found[level] = hit
            else:
                misses[level] = _Miss(level, raw, "code",
                                      f"admin {level} code {raw!r} is not in the boundaries")
        return found, misses

    def _find_names(self, names, codes, found, misses) -> None:
        # (what names add below is at their own level: only codes can be deeper)
        coded = max([f.column_level for f in found.values() if f.rolled_from is None],
                    default=float("-inf"))
        for level in sorted(names):
            if coded >= level or not names[level]:
                continue  # a code at this level or deeper already says where it is
            parent = _deepest(found, below=level)
            hit = self._crosswalk(names[level], level, codes, names, found)
            if hit is None:
                hit, miss = self._find_name(names[level], level, parent)
                if miss is not None:
                    misses.setdefault(level, miss)
            if hit is not None:
                if level in found and found[level].rolled_from is None:
                    continue
                found[level] = hit
                misses.pop(level, None)

    def _context(self, codes, names, found, level) -> Set[str]:
        """Upper-level raw values and P-codes a crosswalk row's 'parent' may refer to."""
        values = [v for lvl, v in list(codes.items()) + list(names.items()) if lvl < level and v]
        values += [f.pcode for lvl, f in found.items() if lvl < level]
        return {fold(v) for v in values}

    def _crosswalk(self, raw: str, level: int, codes, names, found) -> Optional[_Found]:
        if not self.crosswalk:
            return None  # (the context costs more than the rest of a look-up: only with one)
        entry = self.crosswalk.lookup(raw, level, self._context(codes, names, found, level))
        if entry is None:
            return None
        return _Found(entry.pcode, "crosswalk", 1.0,
                      f"admin {level} value {raw!r} set to {entry.pcode} by "
                      f"{self.crosswalk.source} row {entry.source_row}", level, raw)

    # ---- codes -----------------------------------------------------------------------------------
    def _find_code(self, raw: str, level: int) -> Optional[_Found]:
        key = (raw, level)  # the same code comes with many different names: look it up once
        if key not in self._code_hits:
            self._code_hits[key] = self._lookup_code(raw, level)
        return self._code_hits[key]

    def _lookup_code(self, raw: str, level: int) -> Optional[_Found]:
        if raw in self.units:
            return _Found(raw, "exact", 1.0, f"admin {level} code {raw!r} found", level, raw)
        key = code_key(raw)
        if key in self._keys:
            pcode = self._keys[key]
            return _Found(pcode, "normalised", 1.0, f"admin {level} code {raw!r} read as "
                          f"{pcode} (case/separators)", level, raw)
        hit = self._find_numeric(key, level)
        if hit is not None:
            pcode, why = hit
            return _Found(pcode, "normalised", 1.0,
                          f"admin {level} code {raw!r} read as {pcode} ({why})", level, raw)
        return self._code_parent(key, level, raw)

    def _prefix_candidates(self, prefix: str) -> List[Tuple[str, str]]:
        """Layer prefixes a raw prefix may stand for, with the explanation (a table's codes
        share a few prefixes: worked out once each)."""
        if prefix not in self._prefix_options:
            self._prefix_options[prefix] = self._prefix_options_of(prefix)
        return self._prefix_options[prefix]

    def _prefix_options_of(self, prefix: str) -> List[Tuple[str, str]]:
        layer_prefixes = self._layer_prefixes
        candidates = [(prefix, "zero padding")] if prefix in layer_prefixes else []
        alias = iso_aliases().get(prefix)
        if alias in layer_prefixes:
            candidates.append((alias, f"prefix {prefix} written for {alias}"))
        if not prefix:
            candidates += [(p, f"prefix {p} added") for p in sorted(layer_prefixes) if p]
        return candidates

    def _find_numeric(self, key: str, level: int) -> Optional[Tuple[str, str]]:
        parts = split_code(key)
        if parts is None:
            return None
        for prefix, why in self._prefix_candidates(parts[0]):
            pcode = self._numeric.get((prefix, level, int(parts[1])))
            if pcode is not None:
                return pcode, why
        return None

    def _canonical(self, key: str, level: int) -> Optional[str]:
        """The code in the layer's own prefix and padding for ``level`` (may not exist)."""
        parts = split_code(key)
        if parts is None:
            return None
        candidates = self._prefix_candidates(parts[0])
        if not candidates:
            return None
        digits = parts[1]
        scheme = self.units.schemes.get(level)
        if scheme and scheme.digit_widths and len(digits) < scheme.digit_widths[0]:
            digits = digits.zfill(scheme.digit_widths[0])
        return candidates[0][0] + digits

    def _code_parent(self, key: str, level: int, raw: str) -> Optional[_Found]:
        """For a code absent from the boundaries: the unit whose code starts it (a sub-district
        code gives its district or region), where the layer's codes are known to nest."""
        canonical = self._canonical(key, level)
        if canonical is None or not self._codes_nest(level):
            return None
        for upper, length in self._parent_code_lengths(level):
            candidate = canonical[:length]
            if len(candidate) < len(canonical) and self._level_of.get(candidate) == upper:
                return _Found(candidate, "exact", 1.0, "", level, raw, rolled_from=raw)
        return None

    def _parent_code_lengths(self, level: int) -> List[Tuple[int, int]]:
        """(level, code length) a parent's code may have, deepest level first, then its most
        common digit counts first (worked out once per level: asked for every code missed)."""
        if level not in self._parent_lengths:
            self._parent_lengths[level] = [
                (upper, len(self.units.schemes[upper].prefix or "") + width)
                for upper in sorted((lvl for lvl in self.units.levels if 1 <= lvl < level),
                                    reverse=True)
                for width in self.units.schemes[upper].digit_widths]
        return self._parent_lengths[level]

    def _codes_nest(self, level: int) -> bool:
        """Whether codes of ``level`` start with their parent's: verified on the layer where it
        has that level; below the layer's deepest level, true unless the layer contradicts it."""
        scheme = self.units.schemes.get(min(level, self.units.level))
        return scheme is not None and scheme.hierarchical is not False

    # ---- names -----------------------------------------------------------------------------------
    def _find_name(self, raw: str, level: int, parent: Optional[str]
                   ) -> Tuple[Optional[_Found], Optional[_Miss]]:
        index = self._names.get(level)
        if index is None:
            return None, _Miss(level, raw, "name", f"the boundaries have no admin {level} units")
        key = (raw, level, parent)
        if key not in self._name_hits:
            self._name_hits[key] = index.find(raw, parent, self._fuzz)
        return self._name_hits[key]

    # ---- decision --------------------------------------------------------------------------------
    def _decide(self, found, misses, codes, names, national, notes) -> Match:
        deepest_given = max([lvl for lvl, v in codes.items() if v] +
                            [lvl for lvl, v in names.items() if v])
        if not found:
            return self._unmatched(misses, deepest_given, national, notes)
        best = max(found.values(), key=lambda f: (self._level_of[f.pcode], f.column_level))
        notes = self._conflicts(best, found) + notes
        if best.rolled_from is not None:
            return self._rolled_from_code(best, notes)
        lost = misses.get(deepest_given) if deepest_given > best.column_level else None
        if lost is not None and deepest_given <= self.units.level:
            return self._rolled_up(best, lost, notes)
        if deepest_given > self.units.level:
            notes.append(f"admin {deepest_given} is finer than the boundaries")
        return self._used(best, notes)

    def _used(self, best: _Found, notes: List[str], method: Optional[str] = None) -> Match:
        level = self._level_of[best.pcode]
        pcode, reason = best.pcode, best.detail
        if level > self.target_level:
            pcode = self._ancestor(best.pcode, self.target_level) or best.pcode
            reason += f"; counted at admin {self.target_level} {pcode}"
            method, level = "derived", self._level_of[pcode]
        return Match(pcode, level, method or best.method, best.score, "used",
                     _sentence(reason, notes), None, best.column_level, best.raw,
                     self._parent_context(best))

    def _rolled_from_code(self, best: _Found, notes: List[str]) -> Match:
        level = self.units.level_of(best.pcode)
        reason = (f"admin {best.column_level} code {best.rolled_from!r} is not in the "
                  f"boundaries; counted at admin {level} {best.pcode}")
        if best.column_level > self.units.level:  # finer than the map: expected, not a loss
            found = best._replace(detail=reason.replace("is not in the boundaries",
                                                        "is finer than the boundaries"))
            return self._used(found, notes, method="derived")
        return Match(best.pcode, level, best.method, best.score, "rolled_up",
                     _sentence(reason, notes), None, best.column_level, best.raw, None)

    def _rolled_up(self, best: _Found, lost: _Miss, notes: List[str]) -> Match:
        level = self.units.level_of(best.pcode)
        pcode = best.pcode
        if level > self.target_level:
            pcode = self.units.ancestor_or_self(best.pcode, self.target_level) or best.pcode
            level = self.units.level_of(pcode)
        reason = f"{lost.reason}; counted at admin {level} {pcode} ({best.detail})"
        return Match(pcode, level, best.method, best.score, "rolled_up",
                     _sentence(reason, notes), lost.suggestion, lost.column_level, lost.raw,
                     lost.parent)

    def _unmatched(self, misses, deepest_given, national, notes) -> Match:
        if national:
            return _empty_match(national, notes)
        miss = misses.get(deepest_given) or next(iter(misses.values()))
        return Match(None, None, "none", 0.0, "unmatched", _sentence(miss.reason, notes),
                     miss.suggestion, miss.column_level, miss.raw, miss.parent)

    def _conflicts(self, best: _Found, found: Dict[int, _Found]) -> List[str]:
        notes = []
        best_level = self._level_of[best.pcode]
        for other in found.values():
            upper_level = self._level_of[other.pcode]
            if other is best or upper_level >= best_level:
                if other is not best and other.pcode != best.pcode:
                    notes.append(f"admin {other.column_level} value {other.raw!r} ({other.pcode})"
                                 f" disagrees; used the admin {best.column_level} value")
                continue
            ancestor = self._ancestor(best.pcode, upper_level)
            if ancestor is not None and ancestor != other.pcode:
                notes.append(f"admin {other.column_level} value {other.raw!r} ({other.pcode}) "
                             f"disagrees with {best.pcode}, which is in {ancestor}; used the "
                             "deeper unit")
        return notes

    def _parent_context(self, best: _Found) -> Optional[str]:
        if not best.method.startswith("name"):
            return None
        return self.units.parent(best.pcode)


class _Ancestors:
    """``units.parent(pcode, level)``, worked out once per unit and level: combinations ask
    about the same few units again and again. (Its own object, shared by the matcher and its
    name indexes without a reference cycle: a matcher is freed as soon as it is dropped.)"""

    def __init__(self, units: AdminUnits):
        self.units = units
        self._known: Dict[Tuple[str, int], Optional[str]] = {}

    def __call__(self, pcode: str, level: int) -> Optional[str]:
        key = (pcode, level)
        if key not in self._known:
            self._known[key] = self.units.parent(pcode, level)
        return self._known[key]


# ---- name index ----------------------------------------------------------------------------
def _names_by_level(units: AdminUnits) -> Dict[int, List[Tuple[str, Any, Any]]]:
    """(P-code, name, alternative names) of the units, per level (in one pass over them)."""
    table = units.table
    named: Dict[int, List[Tuple[str, Any, Any]]] = {level: [] for level in units.levels}
    for level, *unit in zip(table["admin_level"].tolist(), table["pcode"], table["name"],
                            table["alt_names"]):
        named[level].append(tuple(unit))
    return named


class _NameIndex:
    """Names (main and alternative) of one level's units, for exact/folded/loose/fuzzy lookup."""

    def __init__(self, units: AdminUnits, level: int, ancestor: _Ancestors,
                 named: List[Tuple[str, Any, Any]]):
        """``named``: (P-code, name, alternative names) of each of the level's units."""
        self.units = units
        self.level = level
        self._ancestor = ancestor
        self.exact: Dict[str, Set[str]] = {}
        self.folded: Dict[str, Set[str]] = {}
        self.loose: Dict[str, Set[str]] = {}
        self.choices: List[str] = []
        self.choice_pcodes: List[str] = []
        for pcode, name, alts in named:
            for label in [name, *(alts or ())]:
                if label:
                    self._add(pcode, label)
        # Fuzzy scores per unit (its best label), units in the order of their first label.
        self._units = list(dict.fromkeys(self.choice_pcodes))
        position = {pcode: i for i, pcode in enumerate(self._units)}
        self._unit_of_choice = np.array([position[p] for p in self.choice_pcodes], dtype=np.int64)
        self._scores: Dict[str, np.ndarray] = {}

    def _add(self, pcode: str, label: str) -> None:
        self.exact.setdefault(label.strip(), set()).add(pcode)
        self.folded.setdefault(fold(label), set()).add(pcode)
        self.loose.setdefault(loose_name(label), set()).add(pcode)
        self.choices.append(fold(label))
        self.choice_pcodes.append(pcode)

    def _within(self, pcodes: Set[str], parent: Optional[str]) -> Set[str]:
        if parent is None:
            return pcodes
        parent_level = self.units.level_of(parent)
        if parent_level >= self.level:
            return set()
        return {p for p in pcodes if self._ancestor(p, parent_level) == parent}

    def label(self, pcode: str) -> str:
        return f"{pcode} {self.units.name(pcode)}"

    def find(self, raw: str, parent: Optional[str],
             fuzz) -> Tuple[Optional[_Found], Optional[_Miss]]:
        where = f" in {parent}" if parent else ""
        for method, lookup, key in (("name_exact", self.exact, raw.strip()),
                                    ("name_normalised", self.folded, fold(raw)),
                                    ("name_normalised", self.loose, loose_name(raw))):
            hits = self._within(lookup.get(key, set()), parent)
            if len(hits) == 1:
                pcode = next(iter(hits))
                how = "" if method == "name_exact" else " ignoring case, accents and punctuation"
                return _Found(pcode, method, 1.0, f"admin {self.level} name {raw!r} matched "
                              f"{self.label(pcode)}{where}{how}", self.level, raw), None
            if len(hits) > 1:
                return None, self._miss(raw, parent, "matches several units",
                                        " or ".join(sorted(self.label(p) for p in hits)))
        return self._fuzzy(raw, parent, fuzz)

    def _fuzzy(self, raw, parent, fuzz) -> Tuple[Optional[_Found], Optional[_Miss]]:
        ranked = self._ranked(raw, parent, fuzz)
        if ranked and ranked[0][1] >= FUZZY_ACCEPT and \
                (len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= FUZZY_MARGIN):
            pcode, score = ranked[0]
            runner = f", next best {ranked[1][1] / 100:.2f}" if len(ranked) > 1 else ""
            where = f" in {parent}" if parent else ""
            return _Found(pcode, "name_fuzzy", round(score / 100, 3),
                          f"admin {self.level} name {raw!r} matched {self.label(pcode)}{where} "
                          f"by similarity {score / 100:.2f}{runner}", self.level, raw), None
        suggestion = self._suggest(ranked)
        if suggestion is None and parent is not None:
            suggestion = self._elsewhere(raw, parent, fuzz)
        reason = "not found" if fuzz is not None else "not found (fuzzy matching unavailable)"
        if suggestion and suggestion.startswith("ambiguous"):
            reason = "is ambiguous"
        return None, self._miss(raw, parent, reason, None, suggestion)

    def _ranked(self, raw, parent, fuzz) -> List[Tuple[str, float]]:
        if fuzz is None or not self.choices:
            return []
        scores = self._unit_scores(raw, fuzz)
        allowed = self._within(set(self._units), parent)
        best_first = np.argsort(-scores, kind="stable").tolist()  # (stable: ties in unit order)
        return [(self._units[i], float(scores[i])) for i in best_first if self._units[i] in allowed]

    def _unit_scores(self, raw, fuzz) -> np.ndarray:
        """Each unit's similarity to ``raw``: max(ratio, token_sort_ratio) over its labels.
        Kept per query: a name not found in its parent is scored again against all units."""
        query = fold(raw)
        if query not in self._scores:
            ratio = fuzz.process.cdist([query], self.choices, scorer=fuzz.fuzz.ratio)[0]
            token = fuzz.process.cdist([query], self.choices, scorer=fuzz.fuzz.token_sort_ratio)[0]
            best = np.full(len(self._units), -1.0)
            np.maximum.at(best, self._unit_of_choice, np.maximum(ratio, token))
            self._scores[query] = best
        return self._scores[query]

    def _suggest(self, ranked) -> Optional[str]:
        close = [(p, s) for p, s in ranked[:3] if s >= SUGGEST_FROM]
        if not close:
            return None
        if len(close) > 1 and close[0][1] - close[1][1] < FUZZY_MARGIN:
            tied = [(p, s) for p, s in close if close[0][1] - s < FUZZY_MARGIN]
            return "ambiguous: " + " or ".join(f"{self.label(p)} ({s / 100:.2f})" for p, s in tied)
        pcode, score = close[0]
        return f"did you mean {self.label(pcode)} (score {score / 100:.2f})?"

    def _elsewhere(self, raw, parent, fuzz) -> Optional[str]:
        """A unit of (nearly) that name outside the given parent: worth saying, never a match."""
        hits = self.folded.get(fold(raw)) or self.loose.get(loose_name(raw))
        ranked = [(p, 100.0) for p in sorted(hits)] if hits else self._ranked(raw, None, fuzz)
        suggestion = self._suggest(ranked)
        return f"{suggestion} (outside {parent})" if suggestion else None

    def _miss(self, raw, parent, why, candidates=None, suggestion=None) -> _Miss:
        where = f" in {parent}" if parent else ""
        if candidates:
            suggestion = f"ambiguous: {candidates}"
        return _Miss(self.level, raw, "name", f"admin {self.level} name {raw!r} {why}{where}",
                     suggestion, parent)

    def word_partition(self, raw: str) -> List[str]:
        """'Rumonge Gitega Ngozi' -> its units' names, if every word group is exactly one unit
        name (after folding); otherwise [] (no split)."""
        words = split_words(raw)
        if len(words) < 2:
            return []
        best: Dict[int, Optional[List[str]]] = {0: []}
        for end in range(1, len(words) + 1):
            best[end] = None
            for start in range(end):
                piece = " ".join(words[start:end])
                if best[start] is not None and len(self.folded.get(piece, ())) == 1:
                    best[end] = best[start] + [piece]
                    break
        parts = best[len(words)]
        return parts if parts and len(parts) > 1 else []


# ---- small helpers ---------------------------------------------------------------------------
def _load_rapidfuzz(notes: List[str]):
    try:
        import rapidfuzz  # lazily: optional for the plugin, the cascade works without it
        import rapidfuzz.fuzz
        import rapidfuzz.process
    except ImportError:
        notes.append("rapidfuzz is not installed: fuzzy name matching skipped (exact and "
                     "normalised matching only)")
        return None
    return rapidfuzz


def _numeric_index(units: AdminUnits) -> Dict[Tuple[str, int, int], str]:
    """(prefix, level, number) -> P-code: codes compared without their zero padding."""
    index: Dict[Tuple[str, int, int], str] = {}
    ambiguous = set()
    for pcode, level in zip(units.table["pcode"], units.table["admin_level"]):
        parts = split_code(code_key(pcode))
        if parts is None:
            continue
        key = (parts[0], int(level), int(parts[1]))
        if key in index:
            ambiguous.add(key)
        index[key] = pcode
    return {k: v for k, v in index.items() if k not in ambiguous}


def _verdict(raw: str) -> str:
    """'placeholder', 'national' or '' (a value to match): the same for every combination and
    level a value appears in, so the matcher decides it once per distinct value."""
    if is_placeholder(raw):
        return "placeholder"
    return "national" if is_national(raw) else ""


def _empty_match(national: Set[str], notes: List[str]) -> Match:
    if national:
        raw = sorted(national)[0]
        return Match(None, None, "national", 0.0, "unmatched",
                     _sentence(f"{raw!r} means national coverage: not placed on a unit", notes),
                     None, None, raw)
    return Match(None, None, "none", 0.0, "unmatched",
                 _sentence("no admin code or name given", notes))


def _deepest(found: Dict[int, _Found], below: int) -> Optional[str]:
    """P-code of the deepest evidence from columns above ``below`` (the parent to search in)."""
    above = [f for lvl, f in found.items() if lvl < below]
    return max(above, key=lambda f: f.column_level).pcode if above else None


def _sentence(reason: str, notes: List[str]) -> str:
    return "; ".join([reason] + [n for n in notes if n])


def _values_of(coded, positions: np.ndarray) -> List[Tuple[Dict, Dict]]:
    """(codes, names) by level for the rows at ``positions``; an empty cell is None."""
    picked = [(kind, level, column.cells(positions).tolist()) for kind, level, column in coded]
    out = []
    for i in range(len(positions)):
        codes, names = {}, {}
        for kind, level, values in picked:
            (codes if kind == "code" else names)[level] = values[i]
        out.append((codes, names))
    return out


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
        """Every field of every match, a row per field (made in one go: fields are asked for
        a dozen times; a field at a time, which numpy fills 4x faster than match by match)."""
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
