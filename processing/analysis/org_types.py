"""Partner organisations on a map: their type (UN, international NGO, national NGO, Red Cross /
Red Crescent, government, other) from a 4W's type column, and the short name a table prints.

Types are read with resources/vocabulary/org_types.json, in any of the vocabulary's languages.
Columns are found among a layer's field names with the 4W header vocabulary (the same words
the join reads headers with), so the rows output of the join is enough.
"""
import re
from collections import Counter, defaultdict
from functools import lru_cache
from typing import Dict, Iterable, List, Mapping, Optional, Sequence

from .headers.tokens import header_tokens
from .headers.vocabulary import ColumnVocabulary
from .textnorm import fold
from .vocabulary import load_vocabulary

ORG_TYPES = ("un", "ingo", "nngo", "rcrc", "government", "other")
SHORT_NAME_CHARS = 20  # a name this long fits a table cell as it is
_ACRONYM = re.compile(rf"\(([^()]{{1,{SHORT_NAME_CHARS}}})\)\s*$")


def _key(text) -> str:
    """Lower case, accents and punctuation gone, words separated by one space (any script)."""
    return fold(str(text or ""))


@lru_cache(maxsize=1)
def _type_words() -> Dict[str, List[str]]:
    types = load_vocabulary("org_types")["types"]
    return {kind: [_key(word) for word in words] for kind, words in types.items()}


@lru_cache(maxsize=1024)
def organisation_type(value) -> Optional[str]:
    """One of ORG_TYPES for a type cell ("INGO", "ONG nationale", "UN Agency"); None when
    blank."""
    key = _key(value)
    if not key:
        return None
    words = _type_words()
    for kind, phrases in words.items():
        if key in phrases:
            return kind
    padded = f" {key} "
    for kind, phrases in words.items():
        if any(len(phrase) > 3 and f" {phrase} " in padded for phrase in phrases):
            return kind
    return "other"


def role_field(field_names: Sequence[str], role: str) -> Optional[str]:
    """The field whose name reads as the 4W column ``role`` ("org_type", "org_acronym"), the
    best scored one; None when none does."""
    vocabulary = _column_vocabulary()
    best, best_score = None, 0.0
    for name in field_names:
        for score, found in vocabulary.header_candidates(header_tokens(name)):
            if found == role and score > best_score:
                best, best_score = name, score
    return best


@lru_cache(maxsize=1)
def _column_vocabulary() -> ColumnVocabulary:
    return ColumnVocabulary.load()


def partner_types(rows: Iterable[Mapping], type_field: str) -> Dict[str, str]:
    """Organisation name -> its type (the type most of its rows give), from rows with an
    ``organisation`` and the ``type_field`` cell."""
    seen: Dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        name, kind = row.get("organisation"), organisation_type(row.get(type_field))
        if name and kind:
            seen[str(name).strip()][kind] += 1
    return {name: kinds.most_common(1)[0][0] for name, kinds in seen.items()}


def type_counts(partners: Iterable[str], types: Mapping[str, str]) -> Dict[str, int]:
    """Partners per type, in ORG_TYPES order, types with nobody left out (a partner the rows
    give no type for counts as "other")."""
    found = Counter(types.get(name, "other") for name in set(partners))
    return {kind: found[kind] for kind in ORG_TYPES if found[kind]}


def acronyms(rows: Iterable[Mapping], acronym_field: Optional[str]) -> Dict[str, str]:
    """Organisation name -> the acronym its rows give most (from the table's acronym column)."""
    if not acronym_field:
        return {}
    seen: Dict[str, Counter] = defaultdict(Counter)
    for row in rows:
        name, acronym = row.get("organisation"), str(row.get(acronym_field) or "").strip()
        if name and acronym and acronym != str(name).strip():
            seen[str(name).strip()][acronym] += 1
    return {name: found.most_common(1)[0][0] for name, found in seen.items()}


def short_name(name: str, known: Optional[Mapping[str, str]] = None) -> str:
    """The name a partner table prints: the table's acronym, else one written in brackets at
    the end of the name ("World Food Programme (WFP)"), else the name."""
    name = str(name).strip()
    if known and known.get(name):
        return known[name]
    if len(name) <= SHORT_NAME_CHARS:
        return name
    found = _ACRONYM.search(name)
    return found.group(1).strip() if found else name
