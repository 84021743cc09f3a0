"""Organisations as partners: the spellings of one organisation counted as one partner.

Partner counts are the headline number, so "SAVE THE CHILDREN", "Save the Children " and "Save
the Children International" must be one partner. Names are compared folded (case, accents,
spaces, punctuation), without a legal or generic suffix ("Inc", "e.V.", "ASBL", "International",
see resources/vocabulary/organisations.json), a leading article, or an acronym in parentheses.
Acronyms tie names: the table's acronym column ("Norwegian Refugee Council" with acronym NRC
makes the rows whose organisation is "NRC" the same partner), and an acronym in parentheses
("Norwegian Refugee Council (NRC)"). An acronym given for two different names ties nothing.
Nothing is merged on a similarity score. Every merge is listed (``merges``), and the list of
spellings and partners (``frame``) is reviewed and given back next round (``reviewed``): it
then decides, spelling by spelling.
"""
import io
import re
from collections import defaultdict
from functools import lru_cache
from pathlib import Path
from typing import Dict, Iterable, List, NamedTuple, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .errors import InputError
from .report import neutralise
from .textnorm import fold
from .vocabulary import load_vocabulary

LIST_COLUMNS = ["spelling", "partner", "rows", "how"]
_PARENTHESISED = re.compile(r"^(.*?)\s*[(\[]\s*([^()\[\]]+?)\s*[)\]]\s*$")


class Merge(NamedTuple):
    """Spellings counted as one partner, and why."""
    partner: str
    spellings: List[str]
    rows: int
    reason: str


@lru_cache(maxsize=1)
def _words() -> Tuple[Tuple[Tuple[str, ...], ...], frozenset]:
    vocabulary = load_vocabulary("organisations")
    suffixes = sorted((tuple(fold(s).split()) for s in vocabulary["suffixes"]), key=len,
                      reverse=True)
    return tuple(suffixes), frozenset(fold(w) for w in vocabulary["leading_words"])


def name_key(text: str) -> Tuple[str, Optional[str]]:
    """The comparison key of an organisation's name, and the acronym it gives in parentheses
    (folded; None without)."""
    acronym = None
    found = _PARENTHESISED.match(text)
    if found and found.group(1).strip():
        text, inside = found.group(1), found.group(2)
        if len(inside.split()) == 1:
            acronym = fold(inside) or None
    words = fold(text).split()
    suffixes, leading = _words()
    while len(words) > 1 and words[0] in leading:
        words = words[1:]
    stripped = True
    while stripped:
        stripped = False
        for suffix in suffixes:
            if len(words) > len(suffix) and tuple(words[-len(suffix):]) == suffix:
                words, stripped = words[:-len(suffix)], True
                break
    return " ".join(words), acronym


class Organisations:
    """The partners the spellings of a table are (see the module docstring)."""

    def __init__(self, spellings: Sequence[str], rows: Sequence[int],
                 acronym_pairs: Iterable[Tuple[str, str]] = (),
                 reviewed: Optional[Dict[str, str]] = None):
        """``spellings``: the organisation texts; ``rows``: how many rows give each;
        ``acronym_pairs``: (name, acronym) as rows give them; ``reviewed``: spelling ->
        partner, from the list reviewed last round."""
        self._reviewed = {fold(s): p for s, p in (reviewed or {}).items() if fold(s) and p}
        self._acronyms = _acronym_names(list(spellings), acronym_pairs)
        self.spellings = list(spellings)
        self.rows = list(rows)
        # A spelling new this round joins the reviewed partner its name is, if only one.
        reviewed_as: Dict[str, set] = defaultdict(set)
        for partner in self._reviewed.values():
            reviewed_as[self._automatic_key(partner)].add(_reviewed_key(partner))
        self._reviewed_as = {key: keys.pop() for key, keys in reviewed_as.items()
                             if len(keys) == 1}

    def key(self, spelling: str) -> str:
        """The partner a spelling is (equal keys: one partner)."""
        if fold(spelling) in self._reviewed:
            return _reviewed_key(self._reviewed[fold(spelling)])
        key = self._automatic_key(spelling)
        return self._reviewed_as.get(key, key)

    def _automatic_key(self, spelling: str) -> str:
        key, _ = name_key(spelling)
        return self._acronyms.get(key, key)

    def how(self, spelling: str, partner: str) -> str:
        """Why a spelling is counted as the partner written ``partner``."""
        if fold(spelling) in self._reviewed:
            return "reviewed organisation list"
        if spelling == partner:
            return ""
        if fold(spelling) == fold(partner):
            return "case, accents or punctuation"
        if name_key(spelling)[0] == name_key(partner)[0]:
            return "legal form, 'International' or article"
        return "acronym (acronym column or parentheses)"

    def _groups(self) -> Dict[str, List[int]]:
        groups: Dict[str, List[int]] = defaultdict(list)
        for position, spelling in enumerate(self.spellings):
            if self.rows[position]:  # (an acronym column's texts of rows named otherwise)
                groups[self.key(spelling)].append(position)
        return groups

    def _partner_name(self, positions: List[int]) -> str:
        """The spelling a partner is shown by: the reviewed name, else the most used."""
        first = self.spellings[positions[0]]
        if fold(first) in self._reviewed:
            return self._reviewed[fold(first)]
        return self.spellings[max(positions, key=lambda p: (self.rows[p], -p))]

    def merges(self) -> List[Merge]:
        """Every partner written in several ways, with the spellings and why."""
        merges = []
        for positions in self._groups().values():
            if len(positions) < 2:
                continue
            partner = self._partner_name(positions)
            spellings = [self.spellings[p] for p in positions]
            hows = sorted({self.how(s, partner) for s in spellings} - {""})
            merges.append(Merge(partner, spellings, sum(self.rows[p] for p in positions),
                                f"{len(spellings)} spellings counted as one partner, "
                                f"{partner!r} ({'; '.join(hows)})"))
        return merges

    def frame(self) -> pd.DataFrame:
        """The reviewable list: each spelling, the partner it is counted as, its rows, why."""
        records = []
        for positions in self._groups().values():
            partner = self._partner_name(positions)
            records += [(self.spellings[p], partner, self.rows[p],
                         self.how(self.spellings[p], partner)) for p in positions]
        return pd.DataFrame.from_records(records, columns=LIST_COLUMNS).sort_values(
            ["partner", "spelling"], key=lambda column: column.str.casefold(),
            ignore_index=True)


def _reviewed_key(partner: str) -> str:
    return "reviewed: " + fold(partner)


def _acronym_names(spellings: List[str], pairs: Iterable[Tuple[str, str]]) -> Dict[str, str]:
    """Folded acronym -> the name key it stands for, where the table ties it to one name only
    (by its acronym column, or in parentheses)."""
    names: Dict[str, set] = defaultdict(set)
    for name, acronym in pairs:
        key, _ = name_key(name)
        folded = fold(acronym)
        if folded and key and folded != key:
            names[folded].add(key)
    for spelling in spellings:
        key, acronym = name_key(spelling)
        if acronym and acronym != key:
            names[acronym].add(key)
    return {acronym: keys.pop() for acronym, keys in names.items() if len(keys) == 1}


def write_organisation_list(path, frame: pd.DataFrame) -> int:
    """The reviewable organisation list as CSV (``Organisations.frame``); returns its rows.
    Correct 'partner' (same partner: same text; two organisations: two texts) and give the
    file back as the organisation list next round."""
    table = frame.copy()
    for column in ("spelling", "partner"):  # opened in a spreadsheet: no formula runs
        table[column] = table[column].map(neutralise, na_action="ignore")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("# CoordMap organisation list: each spelling and the partner it is "
                     "counted as. Correct 'partner', then give this file back as the "
                     "organisation list. Lines starting with # are ignored.\n")
        table.to_csv(handle, index=False, columns=LIST_COLUMNS)
    return len(table)


def read_organisation_list(path) -> Dict[str, str]:
    """spelling -> partner from a reviewed organisation list (``write_organisation_list``)."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8-sig").splitlines(keepends=True)
    except (OSError, UnicodeDecodeError) as error:
        raise InputError(f"{path.name}: the organisation list cannot be read ({error})") from None
    text = "".join(line for line in lines if not line.startswith("#"))
    frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False) if text.strip() \
        else pd.DataFrame(columns=LIST_COLUMNS)
    missing = [c for c in LIST_COLUMNS[:2] if c not in frame.columns]
    if missing:
        raise InputError(f"{path.name}: the organisation list needs the columns spelling and "
                         f"partner; it has {', '.join(map(str, frame.columns))}")
    return {_unneutralised(s): _unneutralised(p)
            for s, p in zip(frame["spelling"], frame["partner"])}


def _unneutralised(text: str) -> str:
    """A cell as the partner wrote it (``write_organisation_list`` prefixed formulas)."""
    return text[1:] if text.startswith("'") and neutralise(text[1:]) == text else text


def row_counts(codes: np.ndarray, count: int) -> List[int]:
    """How many rows give each of ``count`` values (``codes`` per row, -1 for none)."""
    return np.bincount(codes[codes >= 0], minlength=count).tolist()
