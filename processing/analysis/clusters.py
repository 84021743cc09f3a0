"""Cluster/sector names and acronyms (en/fr/es/pt/ar) -> IASC/HDX codes (WSH, PRO-GBV ...).

An unknown sector is kept as itself (code = its text, known False), never dropped; a cell naming
several clusters ("Health, Nutrition") is kept whole and reported, because splitting it would
change the number of rows. A cell naming a cluster and one of its areas of responsibility
("Protection (GBV)", "Protección - VBG") is that area: the more specific code wins.
Names are compared in any script (Arabic, Cyrillic ...): accents, case, punctuation and the
Arabic article aside.
"""
import copy
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Set, Union

import pandas as pd

from .coded import CodedColumn
from .vocabulary import load_json_file, load_vocabulary, normalise_text, without_article

LANGUAGES = ("en", "fr", "es", "pt", "ar")
# A prefix match ("Protection transversale" -> PRO) needs an alias at least this long, so short
# words like "cash" in "cash for work" do not claim a cluster.
MIN_PREFIX_ALIAS_CHARS = 5
# Between the clusters a cell names: list separators, and the brackets, colons and spaced
# dashes of "Protection (GBV)", "Protection: GBV", "Protection - Child Protection".
_SEPARATORS = re.compile(
    r"\s*(?:[,;/&+|\n()\[\]:\u2013\u2014]|\s-\s|\band\b|\bet\b|\by\b|\be\b)\s*",
    re.IGNORECASE)


@dataclass(frozen=True)
class ClusterMatch:
    code: Optional[str]  # IASC/HDX code; the original text when unknown; None when blank
    name: str  # cluster name in the vocabulary's language; the original text when unknown
    original: str  # the cell as given
    known: bool
    note: str = ""  # why it is unknown, or how it was matched when not exactly


class ClusterVocabulary:
    """Alias index built from clusters.json (plus an optional user extension file)."""

    def __init__(self, data: Dict[str, Any], language: str = "en"):
        self.language = language
        self._ignore = sorted(
            (_words(w) for w in data.get("ignore_words", [])),
            key=len,
            reverse=True,
        )
        self._stop = {" ".join(_words(w)) for w in data.get("stop_words", [])}
        self.names: Dict[str, Dict[str, str]] = {}
        self._aliases: Dict[str, str] = {}
        self._conflicts: Dict[str, List[str]] = {}
        for code, spec in data.get("clusters", {}).items():
            self.names[code] = dict(spec.get("names", {}))
            for alias in [code, *spec.get("names", {}).values(), *spec.get("aliases", [])]:
                for key in self._alias_keys(alias):
                    self._index(key, code)
        self._cache: Dict[str, ClusterMatch] = {}

    @classmethod
    def load(
        cls, extra_path: Union[str, Path, None] = None, language: str = "en"
    ) -> "ClusterVocabulary":
        """The bundled clusters.json, with a user file of the same shape merged over it."""
        data = copy.deepcopy(load_vocabulary("clusters"))
        if extra_path:
            _merge(data, load_json_file(extra_path))
        return cls(data, language)

    @property
    def codes(self) -> List[str]:
        return list(self.names)

    def name(self, code: str, language: Optional[str] = None) -> str:
        names = self.names.get(code, {})
        return names.get(language or self.language) or names.get("en") or code

    def key(self, text: Any) -> str:
        """The comparison key of a text (words folded, without stop words, ignored words and
        plural 's'), as the aliases are indexed."""
        return self._key(text)

    def alias_keys(self, codes: Sequence[str]) -> Set[str]:
        """The keys of every alias and name of ``codes`` (for the data protection)."""
        wanted = set(codes)
        return {key for key, code in self._aliases.items() if code in wanted}

    def alias_conflicts(self) -> Dict[str, List[str]]:
        """Alias keys more than one code claims (the first one wins); for vocabulary checks."""
        return dict(self._conflicts)

    def normalise(self, value: Any) -> ClusterMatch:
        original = "" if value is None else str(value)
        cached = self._cache.get(original)
        if cached is None:
            cached = self._cache[original] = self._match(original)
        return cached

    def normalise_series(self, values: pd.Series, coded: Optional[CodedColumn] = None
                         ) -> pd.DataFrame:
        """cluster_code, cluster_name, cluster_known, cluster_note per row (one match per value).
        ``coded``: the column as codes of its values when the caller has them, so the column is
        not hashed again."""
        if coded is None:
            coded = CodedColumn.of_cells(values.astype(object))
        codes, uniques = coded.codes, coded.values
        matches = [self.normalise(value) for value in uniques]
        blank = self.normalise(None)
        table = pd.DataFrame(
            [(m.code, m.name, m.known, m.note) for m in matches + [blank]],
            columns=["cluster_code", "cluster_name", "cluster_known", "cluster_note"],
        )
        # code -1 (no value) takes the last line: the blank match
        return pd.DataFrame({name: table[name].to_numpy()[codes] for name in table.columns},
                            index=values.index)

    # -----------------------------------------------------------------------------------------

    def _index(self, key: str, code: str) -> None:
        if not key:
            return
        owner = self._aliases.setdefault(key, code)
        if owner != code:
            self._conflicts.setdefault(key, [owner]).append(code)

    def _key(self, text: Any, strip_ignored: bool = True) -> str:
        """Comparison key: normalised words without stop words, ignored words or plural 's'."""
        tokens = _words(text)
        if strip_ignored:
            tokens = self._without_ignored(tokens) or tokens
        return self._joined(tokens)

    def _alias_keys(self, text: Any) -> Set[str]:
        """``_key`` of an alias with and without its ignored words (normalised once)."""
        tokens = _words(text)
        return {self._joined(tokens), self._joined(self._without_ignored(tokens) or tokens)}

    def _joined(self, tokens: tuple) -> str:
        return " ".join(_singular(t) for t in tokens if t not in self._stop)

    def _without_ignored(self, tokens: tuple) -> tuple:
        for phrase in self._ignore:
            if phrase and phrase[0] not in tokens:
                continue  # (most phrases: nothing to remove, no need to rebuild the tokens)
            size = len(phrase)
            kept, i = [], 0
            while i < len(tokens):
                if tokens[i : i + size] == phrase:
                    i += size
                else:
                    kept.append(tokens[i])
                    i += 1
            tokens = tuple(kept)
        return tokens

    def _match(self, original: str) -> ClusterMatch:
        text = " ".join(original.split())
        if not text:
            return ClusterMatch(None, "", original, False, "blank")
        code = self._aliases.get(self._key(text, strip_ignored=False)) or self._aliases.get(
            self._key(text)
        )
        if code:
            return self._known(code, original)
        several = self._several_codes(text)
        if len(several) > 1:
            note = "names several clusters: " + ", ".join(several)
            return ClusterMatch(text, text, original, False, note)
        if len(several) == 1:
            return self._known(several[0], original, "parts name one cluster")
        prefix = self._prefix_code(self._key(text))
        if prefix:
            return self._known(prefix[0], original, f'matched by its start "{prefix[1]}"')
        return ClusterMatch(text, text, original, False, "not in the cluster vocabulary")

    def _known(self, code: str, original: str, note: str = "") -> ClusterMatch:
        return ClusterMatch(code, self.name(code), original, True, note)

    def _several_codes(self, text: str) -> List[str]:
        """Distinct codes when every part of a list-like cell is a known cluster, else []; a
        cluster named with one of its areas ("Protection (GBV)") is only that area."""
        parts = [part for part in _SEPARATORS.split(text) if part and part.strip()]
        if len(parts) < 2:
            return []
        codes = [self._aliases.get(self._key(part)) for part in parts]
        if not all(codes):
            return []
        distinct = list(dict.fromkeys(codes))
        return [code for code in distinct
                if not any(other.startswith(code + "-") for other in distinct)]

    def _prefix_code(self, key: str):
        best = None
        for alias, code in self._aliases.items():
            longer = not best or len(alias) > len(best[1])
            if len(alias) >= MIN_PREFIX_ALIAS_CHARS and key.startswith(alias + " ") and longer:
                best = (code, alias)
        return best


def _words(text: Any) -> tuple:
    """The words of a text as compared: normalised, Arabic words without their article."""
    return tuple(map(without_article, normalise_text(text).split()))


def _singular(token: str) -> str:
    plural = len(token) > 3 and token.endswith("s") and not token.endswith("ss")
    return token[:-1] if plural else token


def _merge(base: Dict[str, Any], extra: Dict[str, Any]) -> None:
    """User aliases are added (and win over bundled ones); user names replace bundled names."""
    for key in ("ignore_words", "stop_words"):
        base[key] = list(base.get(key, [])) + list(extra.get(key, []))
    clusters = base.setdefault("clusters", {})
    extra_clusters = extra.get("clusters", {})
    for code, spec in extra_clusters.items():
        target = clusters.setdefault(code, {"names": {}, "aliases": []})
        target.setdefault("names", {}).update(spec.get("names", {}))
        target["aliases"] = list(spec.get("aliases", [])) + list(target.get("aliases", []))
    # user clusters first so their aliases win the first-come index
    base["clusters"] = {**{c: clusters[c] for c in extra_clusters}, **clusters}
