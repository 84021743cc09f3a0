"""Data protection: what of a sensitive cluster may be published. One policy for every output.

A cluster is sensitive when its code, its name or any part of its cell denotes gender-based
violence or child protection in any language of the cluster vocabulary ("Protection (GBV)",
"Protección - VBG", "CPiE", "GBV/CP", "حماية الطفل", "GBV, Health" ...), or one of the areas
the user adds (codes or names, in any case). For a sensitive cluster every publishable output
(presence, gaps, overlaps, overlap units, changes, map pages, legends, captions, partner
tables, the panel's summary) shows no partner name and no count below k:

- a partner list says "<k" (fewer than k partners) or "hidden"; other name fields say "hidden";
- counts from 1 to k-1 are blank (NULL) and read "<k" wherever a text is shown;
- the field ``protected`` is set, and stays set in every later output (never undone).

Protection is switched off only explicitly (``enabled=False``): an empty, blank or mistyped list
of areas never does it, as GBV and child protection are always sensitive while it is on. The
rows output and the QA report are for the IM officer, not for publication: they are not
protected and say so.
"""
import re
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .clusters import ClusterVocabulary
from .errors import InputError
from .params import separated_values
from .translation import QT_TRANSLATE_NOOP

DEFAULT_AREAS = ("PRO-GBV", "PRO-CPN")  # gender-based violence, child protection
DEFAULT_SMALL_COUNT = 5
HIDDEN = "hidden"
# An alias is looked for inside a longer text ("GBV case management") only from this many
# letters: "CP" or "PE" count only as a whole cell or a whole part of one.
MIN_WORD_ALIAS_CHARS = 3
# Parts of a cell: list separators, brackets, colons, slashes and spaced dashes.
_PARTS = re.compile(r"\s*(?:[,;/&+|\n()\[\]:\u2013\u2014]|\s-\s)\s*")
PRESENCE_COUNTS = ("partners", "activities", "rows", "targeted", "reached")


class ProtectionPolicy:
    """Which clusters are sensitive, and what of them an output may show."""

    def __init__(self, enabled: bool = True, areas: Iterable[str] = (),
                 small_count: int = DEFAULT_SMALL_COUNT,
                 vocabulary: Optional[ClusterVocabulary] = None):
        if int(small_count) < 2:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "small count threshold k = {k}: give 2 or more (counts below k are "
                              "hidden; to publish everything, switch protection off instead)"),
                k=small_count)
        self.enabled = bool(enabled)
        self.small_count = int(small_count)
        self.vocabulary = vocabulary or ClusterVocabulary.load()
        codes, self.unknown_areas = set(DEFAULT_AREAS), []
        for area in areas:
            match = self.vocabulary.normalise(area)
            if match.known:
                codes.add(match.code)
            elif str(area).strip():
                self.unknown_areas.append(str(area).strip())
        self.codes = frozenset(code.upper() for code in codes)
        self._keys = self.vocabulary.alias_keys(codes) | {
            self.vocabulary.key(area) for area in self.unknown_areas} - {""}
        self._phrases = [tuple(key.split()) for key in self._keys
                         if " " in key or len(key) >= MIN_WORD_ALIAS_CHARS]
        self._cache: Dict[str, bool] = {}

    @classmethod
    def from_parameters(cls, enabled: bool, areas_text: Any, small_count: int,
                        vocabulary: Optional[ClusterVocabulary] = None) -> "ProtectionPolicy":
        """From the algorithms' parameters: areas as typed ("pro-gbv, Mine Action"); an empty
        value, or a blank batch cell, means the default areas."""
        return cls(enabled, separated_values(areas_text), small_count, vocabulary)

    @property
    def label(self) -> str:
        """How a hidden small count reads: "<5"."""
        return f"<{self.small_count}"

    def describe(self) -> str:
        """One line for the log: what is protected, or that nothing is."""
        if not self.enabled:
            return "Data protection is OFF: partner names and small counts of every cluster " \
                   "are in the outputs (do not publish them)"
        names = sorted(self.vocabulary.name(code) for code in self.codes)
        line = (f"Data protection: no partner name and no count below {self.small_count} for "
                f"{', '.join(names + self.unknown_areas)}")
        if self.unknown_areas:
            line += (f" ({', '.join(self.unknown_areas)}: not a cluster code or name of the "
                     "vocabulary, looked for as written in cluster codes and names)")
        return line

    # Which clusters ---------------------------------------------------------------------------

    def is_sensitive(self, *texts: Any) -> bool:
        """Whether any of ``texts`` (a cluster code, name or cell) denotes a sensitive area."""
        return self.enabled and any(self._denotes_sensitive(text) for text in texts)

    def _denotes_sensitive(self, text: Any) -> bool:
        if text is None or (isinstance(text, float) and np.isnan(text)):
            return False
        text = str(text)
        found = self._cache.get(text)
        if found is None:
            found = self._cache[text] = self._sensitive_text(text)
        return found

    def _sensitive_text(self, text: str) -> bool:
        for part in [text] + [p for p in _PARTS.split(text) if p.strip()]:
            key = self.vocabulary.key(part)
            if key in self._keys or str(self.vocabulary.normalise(part).code).upper() in \
                    self.codes:
                return True
        words = tuple(self.vocabulary.key(text).split())
        return any(_contains(words, phrase) for phrase in self._phrases)

    def sensitive_lines(self, frame: pd.DataFrame,
                        columns: Sequence[str] = ("cluster", "cluster_name")) -> pd.Series:
        """Per line of ``frame``: its cluster is sensitive (by code or name), or the line was
        protected by an earlier run (``protected``), which nothing undoes."""
        hit = pd.Series(False, index=frame.index)
        if self.enabled:
            for column in columns:
                if column in frame:
                    codes, values = pd.factorize(frame[column])
                    sensitive = np.array([self._denotes_sensitive(v) for v in values] + [False])
                    hit |= sensitive[codes]
        return hit | earlier_protection(frame)

    # What an output shows ----------------------------------------------------------------------

    def is_small(self, value: Any) -> bool:
        """A count from 1 to k-1."""
        return value is not None and not pd.isna(value) and 0 < float(value) < self.small_count

    def count_text(self, value: Any, protected: bool = True) -> str:
        """A count as printed: "<k" for a small one (or a blank one of a protected line)."""
        if protected and (value is None or pd.isna(value) or self.is_small(value)):
            return self.label
        if value is None or pd.isna(value):
            return ""
        return str(int(value)) if float(value).is_integer() else str(value)

    def protect(self, frame: pd.DataFrame, counts: Sequence[str] = (),
                partner_list: Optional[str] = None, names: Sequence[str] = (),
                count: str = "partners") -> pd.DataFrame:
        """``frame`` with its sensitive lines protected and the field ``protected``.

        ``counts``: fields blanked from 1 to k-1; ``partner_list``: the field listing partner
        names, which becomes "<k" (its line's ``count`` field is small, or blank because an
        earlier run hid it) or "hidden"; ``names``: other fields naming a partner, which become
        "hidden" where filled."""
        frame = frame.copy()
        before = earlier_protection(frame)
        hit = self.sensitive_lines(frame)
        frame["protected"] = hit.to_numpy()
        if not hit.any():
            return frame
        if partner_list is not None:
            values = pd.to_numeric(frame[count], errors="coerce")
            small = values.isna() | ((values > 0) & (values < self.small_count))
            text = np.where(small, self.label, HIDDEN)
            kept = before & values.isna()  # an earlier run's "<k" stays as it said
            if partner_list in frame:
                text = np.where(kept, frame[partner_list].astype(object), text)
            frame[partner_list] = np.where(hit, text, frame.get(partner_list, ""))
        for column in names:
            frame[column] = frame[column].where(~hit | frame[column].isna(), HIDDEN)
        for column in counts:
            if column in frame:
                frame[column] = self._blank_small(frame[column], hit)
        return frame

    def _blank_small(self, values: pd.Series, hit: pd.Series) -> pd.Series:
        numbers = pd.to_numeric(values, errors="coerce")
        blanked = numbers.mask(hit & (numbers > 0) & (numbers < self.small_count))
        if (numbers.dropna() % 1 == 0).all():
            return blanked.astype("Int64")
        return blanked

    def protect_presence(self, presence: pd.DataFrame) -> pd.DataFrame:
        """The join's presence as it may be published."""
        return self.protect(presence, PRESENCE_COUNTS, "partner_list")

    def protect_records(self, records: Sequence[Mapping[str, Any]], counts: Sequence[str],
                        partner_list: Optional[str] = None) -> List[Dict[str, Any]]:
        """Attribute dicts (features of a layer) protected as ``protect`` does frames."""
        if not records:
            return []
        frame = self.protect(pd.DataFrame(list(records)), counts, partner_list)
        frame = frame.astype(object).where(frame.notna(), None)
        return frame.to_dict("records")


def earlier_protection(frame: pd.DataFrame) -> pd.Series:
    """Lines an earlier run protected (its ``protected`` field)."""
    if "protected" not in frame:
        return pd.Series(False, index=frame.index)
    flags = frame["protected"]
    try:  # bool, or 0/1 and blanks as read back from a layer
        return flags.astype("boolean").fillna(False).astype(bool)
    except (TypeError, ValueError):
        return flags.map(lambda v: False if v is None or pd.isna(v) else bool(v)).astype(bool)


def _contains(words: Tuple[str, ...], phrase: Tuple[str, ...]) -> bool:
    size = len(phrase)
    return any(words[i:i + size] == phrase for i in range(len(words) - size + 1))
