"""The cascade: ``Matcher`` resolves each combination of raw codes and names of a row (see
the package docstring for the steps)."""
from typing import Any, Callable, Dict, List, Optional, Set, Tuple

import numpy as np
import pandas as pd

from ..boundaries import AdminUnits
from ..coded import CodedColumn, combinations
from ..errors import InputError
from ..progress import SILENT, Progress
from ..textnorm import (
    clean_cell,
    fold,
    is_national,
    is_placeholder,
    is_scientific,
    split_list,
)
from ..translation import QT_TRANSLATE_NOOP
from .codes import CodeIndex
from .crosswalk import Crosswalk
from .evidence import Cell, Verdict, weigh
from .lines import MatchLines
from .names import Ancestors, NameIndex, load_rapidfuzz, names_by_level
from .records import Found, Match, Miss

PROGRESS_EVERY = 500  # combinations of location values matched between two progress reports
SCIENTIFIC_CODE = ("admin {} code {!r} is in scientific notation: a spreadsheet stored the code "
                   "as a number and rounded it, so it cannot be trusted (format the column as "
                   "text and copy the codes again)")


class Matcher:
    """Resolves raw admin codes/names to units of ``units`` (see the package docstring)."""

    def __init__(self, units: AdminUnits, crosswalk: Optional[Crosswalk] = None,
                 target_level: Optional[int] = None):
        self.units = units
        self.target_level = units.level if target_level is None else target_level
        self.crosswalk = crosswalk
        self.notes: List[str] = []
        self._fuzz = load_rapidfuzz(self.notes)
        self._check_crosswalk()
        # Asked several times per combination: a plain dict, not the units' checked method
        # (every P-code asked about is one of the units), and remembered ancestors.
        self._level_of = units.levels_by_pcode()
        self._ancestor = Ancestors(units)
        self._codes = CodeIndex(units, self._level_of)
        self._names = {lvl: NameIndex(units, lvl, self._ancestor, named)
                       for lvl, named in names_by_level(units).items()}
        self._cache: Dict[Tuple, List[Match]] = {}
        self._name_hits: Dict[Tuple[str, int, Optional[str]], Tuple] = {}
        self._verdicts: Dict[Optional[str], str] = {None: ""}  # (an empty cell: nothing to do)

    def _check_crosswalk(self) -> None:
        for entry in self.crosswalk.entries if self.crosswalk else ():
            if entry.pcode not in self.units:
                raise InputError(QT_TRANSLATE_NOOP(
                    "InputError", "{file}: row {row}, column pcode: {pcode!r} is not in the "
                                  "boundaries"),
                    file=self.crosswalk.source, row=entry.source_row, pcode=entry.pcode)

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
                      coded: Callable[[str], CodedColumn], progress: Progress = SILENT
                      ) -> "MatchLines":
        """``resolve_frame`` for ``rows`` rows, from the columns as codes (``coded``), as
        lines. Cells equal once cleaned ('Badji', 'Badji ') are one value."""
        columns = [("code", lvl, c) for lvl, c in code_cols.items()] + \
                  [("name", lvl, c) for lvl, c in name_cols.items()]
        cleaned = [(kind, level, coded(column).mapped(clean_cell))
                   for kind, level, column in columns]
        group_of_row, firsts = combinations([column.codes for _, _, column in cleaned], rows)
        return MatchLines.of_groups(group_of_row,
                                    self._resolve_groups(cleaned, firsts, progress))

    def _resolve_groups(self, coded, firsts: np.ndarray, progress: Progress
                        ) -> List[List[Match]]:
        """The matches of each combination of cleaned values (the rows at ``firsts``)."""
        matches = []
        for number, (codes, names) in enumerate(_values_of(coded, firsts)):
            if number % PROGRESS_EVERY == 0:
                progress.step(100 * number / len(firsts))
            matches.append(self._resolve_with_splits(codes, names))
        return matches

    def _verdict_of(self, raw: Optional[str]) -> str:
        verdict = self._verdicts.get(raw)
        if verdict is None:
            verdict = self._verdicts[raw] = _verdict(raw)
        return verdict

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
        found: Dict[int, Found] = {}  # (for the crosswalk's context)
        cells = self._code_cells(codes, found) + self._name_cells(names, codes, found)
        verdict = weigh(cells, self._ancestor)
        cells, verdict = self._with_similar_names(cells, verdict)
        match = self._decide(cells, verdict, codes, names, national, notes)
        return match._replace(conflict=True) if verdict.overruled or verdict.rivals else match

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

    def _code_cells(self, codes, found: Dict[int, Found]) -> List[Cell]:
        cells = []
        for level in sorted(codes):
            raw = codes[level]
            if not raw:
                continue
            if is_scientific(raw):  # (names no unit: no evidence either way)
                cells.append(Cell("code", level, raw, frozenset(), None, None,
                                  Miss(level, raw, "code", SCIENTIFIC_CODE.format(level, raw))))
                continue
            hit = self._crosswalk(raw, level, codes, {}, found) or self._codes.find(raw, level)
            if hit is not None:
                found[level] = hit
                cells.append(Cell("code", level, raw, frozenset([hit.pcode]),
                                  self._level_of[hit.pcode], hit, weight=_weight(hit)))
                continue
            under = self._codes.units_under(raw)
            miss = Miss(level, raw, "code", f"admin {level} code {raw!r} is not in the "
                        "boundaries" + (f" (it starts the codes of {len(under)} of their units)"
                                        if under else ""))
            cells.append(Cell("code", level, raw, frozenset(under),
                              self._level_of[next(iter(under))] if under else None, None, miss))
        return cells

    def _name_cells(self, names, codes, found: Dict[int, Found]) -> List[Cell]:
        cells = []
        for level in sorted(names):
            raw = names[level]
            if not raw:
                continue
            hit = self._crosswalk(raw, level, codes, names, found)
            index = self._names.get(level)
            if hit is not None:
                cells.append(Cell("name", level, raw, frozenset([hit.pcode]),
                                  self._level_of[hit.pcode], hit, weight=_weight(hit)))
            elif index is None:
                cells.append(Cell("name", level, raw, frozenset(), None, None, Miss(
                    level, raw, "name", f"the boundaries have no admin {level} units")))
            else:
                units = index.candidates(raw)
                cells.append(Cell("name", level, raw, units, level if units else None))
        return cells

    def _with_similar_names(self, cells: List[Cell], verdict: Verdict
                            ) -> Tuple[List[Cell], Verdict]:
        """Names that match no unit as written, looked for by similarity (and with their
        misses' suggestions) within the unit the other cells agree on; then weighed again."""
        open_names = [cell for cell in cells if cell.kind == "name" and not cell.units
                      and cell.miss is None]
        if not open_names:
            return cells, verdict
        checked, found_any = [], False
        for cell in cells:
            if cell in open_names:
                parent = verdict.unit if verdict.unit is not None and \
                    verdict.level < cell.column_level else None
                hit, miss = self._find_name(cell.raw, cell.column_level, parent)
                found_any = found_any or hit is not None
                cell = cell._replace(units=frozenset([hit.pcode]), level=cell.column_level,
                                     found=hit) if hit is not None else cell._replace(miss=miss)
            checked.append(cell)
        return checked, (weigh(checked, self._ancestor) if found_any else verdict)

    def _context(self, codes, names, found, level) -> Set[str]:
        """Upper-level raw values and P-codes a crosswalk row's 'parent' may refer to."""
        values = [v for lvl, v in list(codes.items()) + list(names.items()) if lvl < level and v]
        values += [f.pcode for lvl, f in found.items() if lvl < level]
        return {fold(v) for v in values}

    def _crosswalk(self, raw: str, level: int, codes, names, found) -> Optional[Found]:
        if not self.crosswalk:
            return None  # (the context costs more than the rest of a look-up: only with one)
        entry = self.crosswalk.lookup(raw, level, self._context(codes, names, found, level))
        if entry is None:
            return None
        return Found(entry.pcode, "crosswalk", 1.0,
                     f"admin {level} value {raw!r} set to {entry.pcode} by "
                     f"{self.crosswalk.source} row {entry.source_row}", level, raw)

    def _find_name(self, raw: str, level: int, parent: Optional[str]
                   ) -> Tuple[Optional[Found], Optional[Miss]]:
        index = self._names.get(level)
        if index is None:
            return None, Miss(level, raw, "name", f"the boundaries have no admin {level} units")
        key = (raw, level, parent)
        if key not in self._name_hits:
            self._name_hits[key] = index.find(raw, parent, self._fuzz)
        return self._name_hits[key]

    def _decide(self, cells: List[Cell], verdict: Verdict, codes, names, national,
                notes) -> Match:
        deepest_given = max([lvl for lvl, v in codes.items() if v] +
                            [lvl for lvl, v in names.items() if v])
        if verdict.unit is None:
            if verdict.rivals:
                return self._split_evidence(cells, verdict, notes)
            return self._unmatched(cells, deepest_given, national, notes)
        notes = [self._overruled(cell, verdict) for cell in verdict.overruled] + notes
        decisive = max((cell for cell in verdict.supporters if cell.level >= verdict.level),
                       key=lambda cell: (cell.column_level, cell.kind == "code"))
        best = self._found(decisive, verdict)
        if best.rolled_from is not None:
            return self._rolled_from_code(best, notes)
        if decisive.level > verdict.level:  # finer cells disagreed under the verdict's unit
            finer = [cell for cell in verdict.supporters if cell.level > verdict.level]
            lost = Miss(decisive.column_level, decisive.raw, decisive.kind, " and ".join(
                f"{cell.describe()} ({' or '.join(sorted(cell.units)[:3])})" for cell in finer)
                + " name different units")
            return self._rolled_up(best, lost, notes)
        lost = self._lost(cells, verdict, deepest_given, decisive)
        if lost is not None and deepest_given <= self.units.level:
            return self._rolled_up(best, lost, notes)
        if deepest_given > self.units.level:
            notes.append(f"admin {deepest_given} is finer than the boundaries")
        return self._used(best, notes)

    def _found(self, decisive: Cell, verdict: Verdict) -> Found:
        """How the cell that decides places the row in the verdict's unit."""
        if decisive.level == verdict.level and decisive.found is not None:
            return decisive.found
        if decisive.level > verdict.level:  # finer cells disagreed under this unit
            return Found(verdict.unit, "exact" if decisive.kind == "code" else
                         "name_normalised", 1.0, "the row's location cells agree on "
                         f"{self._names_label(verdict.unit)}", verdict.level, decisive.raw)
        if decisive.kind == "code":  # a coarser code than the boundaries': it starts the unit's
            return Found(verdict.unit, "normalised", 1.0, f"admin {decisive.column_level} code "
                         f"{decisive.raw!r} starts the code of {self._names_label(verdict.unit)}"
                         ", the unit the row's other cells give", decisive.column_level,
                         decisive.raw)
        index = self._names[decisive.column_level]
        _units, method, how = index.named(decisive.raw)
        others = len(decisive.units) - 1
        among = f" (of {others + 1} units of that name, the one the row's other cells are " \
            "in)" if others else ""
        return Found(verdict.unit, method, 1.0, f"admin {decisive.column_level} name "
                     f"{decisive.raw!r} matched {index.label(verdict.unit)}{how}{among}",
                     decisive.column_level, decisive.raw)

    def _names_label(self, pcode: str) -> str:
        return f"{pcode} {self.units.name(pcode)}"

    def _lost(self, cells: List[Cell], verdict: Verdict, deepest_given: int,
              decisive: Cell) -> Optional[Miss]:
        """The miss of the deepest cell given, when it is finer than the row's unit."""
        if deepest_given <= max(decisive.column_level, verdict.level):
            return None
        deepest = [cell for cell in cells if cell.column_level == deepest_given]
        misses = [cell.miss for cell in deepest if cell.miss is not None and not cell.units]
        if misses:
            return misses[0]
        if any(cell in verdict.overruled for cell in deepest):
            cell = next(cell for cell in deepest if cell in verdict.overruled)
            return Miss(cell.column_level, cell.raw, cell.kind,
                        f"{cell.describe()} disagrees with the row's other location cells")
        return None

    def _overruled(self, cell: Cell, verdict: Verdict) -> str:
        named = " or ".join(sorted(cell.units)[:3])
        by = " and ".join(other.describe() for other in verdict.supporters)
        return (f"{cell.describe()} ({named}) disagrees with {by}, which agree on "
                f"{verdict.unit}: overruled")

    def _split_evidence(self, cells: List[Cell], verdict: Verdict, notes) -> Match:
        named = [f"{cell.describe()} ({' or '.join(sorted(cell.units)[:3])})"
                 for cell in cells if cell.units]
        deepest = max((cell for cell in cells if cell.units), key=lambda c: c.column_level)
        rivals = " or ".join(self._names_label(unit) for unit in verdict.rivals[:3])
        return Match(None, None, "none", 0.0, "unmatched",
                     _sentence("the location cells disagree: " + ", ".join(named) +
                               "; not placed", notes),
                     f"ambiguous: {rivals}", deepest.column_level, deepest.raw, None)

    def _used(self, best: Found, notes: List[str], method: Optional[str] = None) -> Match:
        level = self._level_of[best.pcode]
        pcode, reason = best.pcode, best.detail
        if level > self.target_level:
            pcode = self._ancestor(best.pcode, self.target_level) or best.pcode
            reason += f"; counted at admin {self.target_level} {pcode}"
            method, level = "derived", self._level_of[pcode]
        return Match(pcode, level, method or best.method, best.score, "used",
                     _sentence(reason, notes), None, best.column_level, best.raw,
                     self._parent_context(best))

    def _rolled_from_code(self, best: Found, notes: List[str]) -> Match:
        level = self.units.level_of(best.pcode)
        reason = (f"admin {best.column_level} code {best.rolled_from!r} is not in the "
                  f"boundaries; counted at admin {level} {best.pcode}")
        if best.column_level > self.units.level:  # finer than the map: expected, not a loss
            found = best._replace(detail=reason.replace("is not in the boundaries",
                                                        "is finer than the boundaries"))
            return self._used(found, notes, method="derived")
        return Match(best.pcode, level, best.method, best.score, "rolled_up",
                     _sentence(reason, notes), None, best.column_level, best.raw, None)

    def _rolled_up(self, best: Found, lost: Miss, notes: List[str]) -> Match:
        level = self.units.level_of(best.pcode)
        pcode = best.pcode
        if level > self.target_level:
            pcode = self.units.ancestor_or_self(best.pcode, self.target_level) or best.pcode
            level = self.units.level_of(pcode)
        reason = f"{lost.reason}; counted at admin {level} {pcode} ({best.detail})"
        return Match(pcode, level, best.method, best.score, "rolled_up",
                     _sentence(reason, notes), lost.suggestion, lost.column_level, lost.raw,
                     lost.parent)

    def _unmatched(self, cells: List[Cell], deepest_given, national, notes) -> Match:
        if national:
            return _empty_match(national, notes)
        misses = {cell.column_level: cell.miss for cell in cells if cell.miss is not None}
        miss = misses.get(deepest_given) or next(iter(misses.values()), None)
        if miss is None:  # (every cell names units, none of them agreeing)
            return Match(None, None, "none", 0.0, "unmatched", _sentence(
                "the location cells name different units", notes))
        return Match(None, None, "none", 0.0, "unmatched", _sentence(miss.reason, notes),
                     miss.suggestion, miss.column_level, miss.raw, miss.parent)

    def _parent_context(self, best: Found) -> Optional[str]:
        if not best.method.startswith("name"):
            return None
        return self.units.parent(best.pcode)


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


def _weight(found: Found) -> int:
    """A reviewed crosswalk decision outweighs every other cell of a row (at most 8)."""
    return 10 if found.method == "crosswalk" else 1


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
