"""The code steps of the cascade: a raw code as a unit's P-code, exactly or normalised (case,
separators, zero padding, ISO3 prefix for ISO2 and back, digits without prefix), or, for a
code absent from the boundaries, the unit whose code starts it."""
from typing import Dict, FrozenSet, List, Optional, Set, Tuple

from ..boundaries import AdminUnits
from ..textnorm import code_key, iso_aliases, split_code
from .records import Found


class CodeIndex:
    """The units' P-codes, looked up by raw code and admin level (each pair once)."""

    def __init__(self, units: AdminUnits, level_of: Dict[str, int]):
        """``level_of``: each P-code's admin level."""
        self.units = units
        self._level_of = level_of
        self._keys = {code_key(p): p for p in units.table["pcode"]}
        self._numeric = _numeric_index(units)
        self.prefixes = {s.prefix for s in units.schemes.values() if s.prefix is not None}
        self._prefix_options: Dict[str, List[Tuple[str, str]]] = {}
        self._parent_lengths: Dict[int, List[Tuple[int, int]]] = {}
        self._hits: Dict[Tuple[str, int], Optional[Found]] = {}
        self._starts: Optional[Dict[str, FrozenSet[str]]] = None  # see units_under

    def find(self, raw: str, level: int) -> Optional[Found]:
        key = (raw, level)  # the same code comes with many different names: look it up once
        if key not in self._hits:
            self._hits[key] = self._lookup_code(raw, level)
        return self._hits[key]

    def units_under(self, raw: str) -> FrozenSet[str]:
        """For a code coarser than the boundaries (an admin-1 code over a file of admin-2
        units only): the top level's units whose codes it starts, as written or with the
        other ISO prefix (P-codes nest); empty for any other code."""
        if self._starts is None:
            self._starts = _code_starts(self._level_of, self.units.top_level)
        key = code_key(raw)
        if key in self._starts:
            return self._starts[key]
        parts = split_code(key)
        alias = iso_aliases().get(parts[0]) if parts else None
        return self._starts.get(alias + parts[1], frozenset()) if alias else frozenset()

    def _lookup_code(self, raw: str, level: int) -> Optional[Found]:
        if raw in self.units:
            return Found(raw, "exact", 1.0, f"admin {level} code {raw!r} found", level, raw)
        key = code_key(raw)
        if key in self._keys:
            pcode = self._keys[key]
            return Found(pcode, "normalised", 1.0, f"admin {level} code {raw!r} read as "
                         f"{pcode} (case/separators)", level, raw)
        hit = self._find_numeric(key, level)
        if hit is not None:
            pcode, why = hit
            return Found(pcode, "normalised", 1.0,
                         f"admin {level} code {raw!r} read as {pcode} ({why})", level, raw)
        return self._code_parent(key, level, raw)

    def _prefix_candidates(self, prefix: str) -> List[Tuple[str, str]]:
        """Layer prefixes a raw prefix may stand for, with the explanation (a table's codes
        share a few prefixes: worked out once each)."""
        if prefix not in self._prefix_options:
            self._prefix_options[prefix] = self._prefix_options_of(prefix)
        return self._prefix_options[prefix]

    def _prefix_options_of(self, prefix: str) -> List[Tuple[str, str]]:
        layer_prefixes = self.prefixes
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

    def _code_parent(self, key: str, level: int, raw: str) -> Optional[Found]:
        """For a code absent from the boundaries: the unit whose code starts it (a sub-district
        code gives its district or region), where the layer's codes are known to nest."""
        canonical = self._canonical(key, level)
        if canonical is None or not self._codes_nest(level):
            return None
        for upper, length in self._parent_code_lengths(level):
            candidate = canonical[:length]
            if len(candidate) < len(canonical) and self._level_of.get(candidate) == upper:
                return Found(candidate, "exact", 1.0, "", level, raw, rolled_from=raw)
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


def _code_starts(level_of: Dict[str, int], top: int) -> Dict[str, FrozenSet[str]]:
    """Each proper start of a top-level unit's code (its letters and at least one digit)
    -> the top-level units whose codes it starts; none where the top level is admin 1."""
    starts: Dict[str, Set[str]] = {}
    if top <= 1:
        return {}
    for pcode, level in level_of.items():
        if level != top:
            continue
        key = code_key(pcode)
        parts = split_code(key)
        for end in range(len(parts[0]) + 1 if parts else 2, len(key)):
            starts.setdefault(key[:end], set()).add(pcode)
    return {key: frozenset(units) for key, units in starts.items()}


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
