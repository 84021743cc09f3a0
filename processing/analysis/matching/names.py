"""The name steps of the cascade: a raw name as a unit's name (exact, then ignoring case,
accents and punctuation, then without generic words), else by similarity (fuzzy rule in the
package docstring), within the parent unit found so far."""
import re
from typing import Any, Dict, FrozenSet, List, Optional, Set, Tuple

import numpy as np

from ..boundaries import AdminUnits
from ..textnorm import fold, is_qualifier, loose_name, sound_key, split_words
from .records import Found, Miss

FUZZY_ACCEPT = 90.0
FUZZY_MARGIN = 5.0
SUGGEST_FROM = 60.0


class Ancestors:
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


def names_by_level(units: AdminUnits) -> Dict[int, List[Tuple[str, Any, Any]]]:
    """(P-code, name, alternative names) of the units, per level (in one pass over them)."""
    table = units.table
    named: Dict[int, List[Tuple[str, Any, Any]]] = {level: [] for level in units.levels}
    for level, *unit in zip(table["admin_level"].tolist(), table["pcode"], table["name"],
                            table["alt_names"]):
        named[level].append(tuple(unit))
    return named


class NameIndex:
    """Names (main and alternative) of one level's units, for exact/folded/loose/fuzzy lookup."""

    def __init__(self, units: AdminUnits, level: int, ancestor: Ancestors,
                 named: List[Tuple[str, Any, Any]]):
        """``named``: (P-code, name, alternative names) of each of the level's units."""
        self.units = units
        self.level = level
        self._ancestor = ancestor
        self.exact: Dict[str, Set[str]] = {}
        self.folded: Dict[str, Set[str]] = {}
        self.loose: Dict[str, Set[str]] = {}
        self.sounds: Dict[str, Set[str]] = {}
        self.choices: List[str] = []
        self.sound_choices: List[str] = []
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
        self._distances: Dict[str, np.ndarray] = {}

    def _add(self, pcode: str, label: str) -> None:
        self.exact.setdefault(label.strip(), set()).add(pcode)
        self.folded.setdefault(fold(label), set()).add(pcode)
        self.loose.setdefault(loose_name(label), set()).add(pcode)
        self.sounds.setdefault(sound_key(label), set()).add(pcode)
        self.choices.append(fold(label))
        self.sound_choices.append(sound_key(label))
        self.choice_pcodes.append(pcode)

    def _within(self, pcodes: Set[str], parent: Optional[str]) -> Set[str]:
        if parent is None:
            return pcodes
        parent_level = self.units.level_of(parent)
        if parent_level >= self.level:
            return set()
        return {p for p in pcodes if self._ancestor(p, parent_level) == parent}

    def candidates(self, raw: str) -> FrozenSet[str]:
        """Every unit of this level the name may stand for, wherever it is (homonyms
        included): see ``named``; empty when none is so named."""
        return self.named(raw)[0]

    def named(self, raw: str) -> Tuple[FrozenSet[str], str, str]:
        """(units, method, how) of a name: as written, then ignoring case, accents and
        punctuation, then without generic words, then as transliterations write it; then the
        name without a qualifier ("Name /Zone 3") or with the parent it names ("Name - Region",
        "Name (REG)") narrowing its homonyms. Empty units when none is so named."""
        for method, lookup, key, how in (
                ("name_exact", self.exact, raw.strip(), ""),
                ("name_normalised", self.folded, fold(raw), _FOLDED),
                ("name_normalised", self.loose, loose_name(raw), _FOLDED),
                ("name_normalised", self.sounds, sound_key(raw), " as another transliteration")):
            hits = lookup.get(key)
            if hits:
                return self._narrowed(frozenset(hits), raw), method, how
        for base, hint in _base_and_hint(raw):
            units, method, how = self.named(base)
            if not units:
                continue
            if is_qualifier(hint):
                return units, method, f"{how} ({hint!r} qualifies it)"
            narrowed = frozenset(unit for unit in units if self._has_ancestor_named(unit, hint))
            if narrowed:
                return narrowed, method, f"{how} in the unit {hint!r} names"
        return frozenset(), "", ""

    def _narrowed(self, units: FrozenSet[str], raw: str) -> FrozenSet[str]:
        """Homonyms narrowed to those under the parent a hint in ``raw`` names, if any is."""
        if len(units) < 2:
            return units
        for _base, hint in _base_and_hint(raw):
            narrowed = frozenset(unit for unit in units if self._has_ancestor_named(unit, hint))
            if narrowed:
                return narrowed
        return units

    def _has_ancestor_named(self, pcode: str, hint: str) -> bool:
        """Whether a coarser unit over ``pcode`` is named, abbreviated or coded ``hint``."""
        for level in range(self.level - 1, 0, -1):
            ancestor = self._ancestor(pcode, level)
            if ancestor is not None and _names_unit(hint, ancestor, self.units.name(ancestor)):
                return True
        return False

    def label(self, pcode: str) -> str:
        return f"{pcode} {self.units.name(pcode)}"

    def find(self, raw: str, parent: Optional[str],
             fuzz) -> Tuple[Optional[Found], Optional[Miss]]:
        where = f" in {parent}" if parent else ""
        units, method, how = self.named(raw)
        hits = self._within(set(units), parent)
        if len(hits) == 1:
            pcode = next(iter(hits))
            return Found(pcode, method, 1.0, f"admin {self.level} name {raw!r} matched "
                         f"{self.label(pcode)}{where}{how}", self.level, raw), None
        if len(hits) > 1:
            return None, self._miss(raw, parent, "matches several units",
                                    " or ".join(sorted(self.label(p) for p in hits)))
        return self._fuzzy(raw, parent, fuzz)

    def _fuzzy(self, raw, parent, fuzz) -> Tuple[Optional[Found], Optional[Miss]]:
        ranked = self._ranked(raw, parent, fuzz)
        closest = self._closest(raw, parent, fuzz)
        if closest is not None or (ranked and ranked[0][1] >= FUZZY_ACCEPT and (
                len(ranked) == 1 or ranked[0][1] - ranked[1][1] >= FUZZY_MARGIN)):
            pcode = closest or ranked[0][0]
            score = dict(ranked).get(pcode, 0.0)
            others = [s for p, s in ranked if p != pcode]
            runner = f", next best {others[0] / 100:.2f}" if others else ""
            where = f" in {parent}" if parent else ""
            return Found(pcode, "name_fuzzy", round(score / 100, 3),
                         f"admin {self.level} name {raw!r} matched {self.label(pcode)}{where} "
                         f"by similarity {score / 100:.2f}{runner}", self.level, raw), None
        suggestion = self._suggest(ranked)
        if suggestion is None and parent is not None:
            suggestion = self._elsewhere(raw, parent, fuzz)
        reason = "not found" if fuzz is not None else "not found (fuzzy matching unavailable)"
        if suggestion and suggestion.startswith("ambiguous"):
            reason = "is ambiguous"
        return None, self._miss(raw, parent, reason, None, suggestion)

    def _closest(self, raw, parent, fuzz) -> Optional[str]:
        """The unit whose name is closest to ``raw`` in letters changed (as written or as it
        sounds), when a slip of the keyboard explains it and no other unit comes near: at most
        1 letter where the shorter of the two names has under 7 letters, 2 under 13, 3
        beyond; and every other unit at least 2 letters further (1 within a known parent,
        where the units are few)."""
        if fuzz is None or not self.choices:
            return None
        distances = self._unit_distances(raw, fuzz)
        allowed = self._within(set(self._units), parent)
        ranked = sorted((float(distances[i]), unit) for i, unit in enumerate(self._units)
                        if unit in allowed)
        if not ranked:
            return None
        best, unit = ranked[0]
        letters = min(len(fold(raw).replace(" ", "")),
                      len(fold(self.units.name(unit) or "").replace(" ", "")))
        allowance = 1 if letters < 7 else 2 if letters < 13 else 3
        margin = 1 if parent is not None else 2
        if best > allowance or (len(ranked) > 1 and ranked[1][0] - best < margin):
            return None
        return unit

    def _unit_distances(self, raw, fuzz) -> np.ndarray:
        """Each unit's fewest letters to change (insert, delete, replace or swap two) from
        ``raw`` to one of its labels, as written or as they sound."""
        query = fold(raw)
        if query not in self._distances:
            osa = fuzz.distance.OSA.distance
            written = fuzz.process.cdist([query], self.choices, scorer=osa)[0]
            sounds = fuzz.process.cdist([sound_key(raw)], self.sound_choices, scorer=osa)[0]
            best = np.full(len(self._units), np.inf)
            np.minimum.at(best, self._unit_of_choice, np.minimum(written, sounds))
            self._distances[query] = best
        return self._distances[query]

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

    def _miss(self, raw, parent, why, candidates=None, suggestion=None) -> Miss:
        where = f" in {parent}" if parent else ""
        if candidates:
            suggestion = f"ambiguous: {candidates}"
        return Miss(self.level, raw, "name", f"admin {self.level} name {raw!r} {why}{where}",
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


_FOLDED = " ignoring case, accents and punctuation"
_HINT = re.compile(r"^(?P<base>.+?)\s*(?:\((?P<paren>[^()]+)\)|\[(?P<bracket>[^\[\]]+)\]|"
                   r"\s[-–/]\s*(?P<dash>[^-–/]+)|/(?P<slash>[^/]+))\s*$")


def _base_and_hint(raw: str) -> List[Tuple[str, str]]:
    """('Name', 'Region') of 'Name - Region', 'Name (REG)', 'Name [REG]', 'Name /Zone 3'."""
    found = _HINT.match(raw.strip())
    if found is None:
        return []
    hint = next(value for key, value in found.groupdict().items() if key != "base" and value)
    return [(found.group("base").strip(), hint.strip())]


def _names_unit(hint: str, pcode: str, name: Optional[str]) -> bool:
    """Whether ``hint`` is the unit's P-code, name, its first letters or its initials."""
    if hint.strip().upper() == pcode:
        return True
    if not name:
        return False
    folded, own = fold(hint), fold(name)
    if not folded:
        return False
    if folded == own or loose_name(hint) == loose_name(name):
        return True
    letters = folded.replace(" ", "")
    initials = "".join(word[0] for word in own.split())
    return (len(letters) >= 2 and (own.replace(" ", "").startswith(letters)
                                   or (len(own.split()) > 1 and letters == initials)))


def load_rapidfuzz(notes: List[str]):
    try:
        import rapidfuzz  # lazily: optional for the plugin, the cascade works without it
        import rapidfuzz.distance
        import rapidfuzz.fuzz
        import rapidfuzz.process
    except ImportError:
        notes.append("rapidfuzz is not installed: fuzzy name matching skipped (exact and "
                     "normalised matching only)")
        return None
    return rapidfuzz
