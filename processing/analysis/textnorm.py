"""Normalisation of admin-unit names and P-codes as partners write them in 3W/4W tables.

Pure functions plus the admin-value vocabulary (resources/vocabulary/admin_values.json) and the
ISO 3166 table (resources/vocabulary/iso3166.json). Nothing here knows any country.
"""
import math
import re
import unicodedata
from functools import lru_cache
from typing import Any, Dict, FrozenSet, List, Optional, Tuple

from .vocabulary import load_vocabulary

# Letters NFKD does not decompose into ASCII.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o"})
# Separators, and the invisible marks (direction, zero-width, soft hyphen) that text copied
# from right-to-left documents or web pages carries into codes.
_CODE_SEPARATORS = re.compile(r"[\s\-_./\\:\u00ad\u200b-\u200f\u202a-\u202e\u2060\ufeff]+")
_CODE_PARTS = re.compile(r"^([A-Z]*)(\d+)$")
# 8023.0 or XY0102.0: a code stored as a number, read back from a spreadsheet
_EXCEL_FLOAT = re.compile(r"^(\d+\.0+|[A-Za-z]+\d+\.0)$")
# 1.01E+03: a code a spreadsheet turned into a number and rounded; its digits are lost
_SCIENTIFIC = re.compile(r"^\s*\d+(\.\d+)?[eE][+-]?\d+\s*$")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")
# ASCII punctuation and controls -> space: fold's fast path (most codes and many names).
_ASCII_NON_ALNUM = str.maketrans({chr(i): " " for i in range(128) if not chr(i).isalnum()})


def clean_cell(value: Any) -> Optional[str]:
    """A table cell as a stripped string; None for missing values (None, NaN, blank)."""
    if value is None:
        return None
    if isinstance(value, float):
        if math.isnan(value):
            return None
        if value.is_integer():  # codes typed as numbers come back as floats from Excel
            value = int(value)
    text = str(value).strip()
    return text or None


@lru_cache(maxsize=1 << 16)  # tables repeat a few values many times
def fold(text: str) -> str:
    """Accent-, case- and punctuation-insensitive form of a name ('Bujumbura-Mairie' ->
    'bujumbura mairie'). Unicode letters of any script are kept."""
    if text.isascii():  # NFKD and accent removal change nothing; casefold is lower
        return " ".join(text.lower().translate(_ASCII_NON_ALNUM).split())
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    chars = [c for c in decomposed if not unicodedata.combining(c)]
    spaced = "".join(c if c.isalnum() else " " for c in "".join(chars).casefold())
    return " ".join(spaced.split())


def without_parentheses(text: str) -> str:
    """'Wadajir (Medina)' -> 'Wadajir'."""
    return " ".join(_PARENTHESES.sub(" ", text).split())


@lru_cache(maxsize=1 << 16)
def loose_name(text: str) -> str:
    """Second-pass form of a name: folded, parenthesised parts, generic unit words ('province',
    'state') and leading articles ('el', 'al') dropped. Only ever used for unique hits."""
    words = fold(without_parentheses(text)).split()
    vocab = admin_values()
    kept = [w for w in words if w not in vocab["unit_type_words"]]
    while len(kept) > 1 and kept[0] in vocab["name_articles"]:
        kept = kept[1:]
    return " ".join(kept or words)


# Spellings that vary between transliterations of one name (Arabic, Cyrillic, Amharic ...
# romanised by different people), each mapped to one form; applied in order.
_SOUNDS = (("dzh", "j"), ("dj", "j"), ("zh", "j"), ("kh", "h"), ("gh", "g"), ("ph", "f"),
           ("dh", "d"), ("th", "t"), ("sh", "x"), ("ch", "x"), ("ou", "u"), ("oo", "u"),
           ("ee", "i"), ("w", "u"), ("y", "i"), ("q", "k"), ("ck", "k"), ("c", "k"))
_REPEATED = re.compile(r"(.)\1+")


@lru_cache(maxsize=1 << 16)
def sound_key(text: str) -> str:
    """A name as it sounds, roughly: folded, leading articles ('al', 'el') and spaces and
    hyphens dropped, the spellings transliterations differ in made one ('Al-Hasakeh' and
    'Hasakah' stay apart, 'Khost' and 'Host', 'Capisa' and 'Kapisa' meet), letters doubled
    made single. Only ever used for unique hits or as one distance among others."""
    words = fold(text).split()
    while len(words) > 1 and words[0] in admin_values()["name_articles"]:
        words = words[1:]
    key = "".join(words)
    for written, said in _SOUNDS:
        key = key.replace(written, said)
    return _REPEATED.sub(r"\1", key)


def is_qualifier(text: str) -> bool:
    """'Zone 3', 'zone1', '(urbain)', '2': a part of a unit, not a unit or a parent."""
    words = fold(re.sub(r"(?<=[a-zA-Z])(?=\d)", " ", text)).split()
    qualifiers = admin_values()["qualifier_words"]
    return bool(words) and all(word.isdigit() or word in qualifiers for word in words)


@lru_cache(maxsize=1 << 16)
def code_key(text: str) -> str:
    """Case- and separator-insensitive form of a code ('ng-008.023 ' -> 'NG008023')."""
    text = text.strip()
    if _EXCEL_FLOAT.match(text):
        text = text.split(".")[0]
    return _CODE_SEPARATORS.sub("", text).upper()


def is_scientific(text: str) -> bool:
    """Whether a code is written in scientific notation ("1.01E+03"): it cannot be trusted."""
    return _SCIENTIFIC.match(text) is not None


def split_code(key: str) -> Optional[Tuple[str, str]]:
    """('NG', '008023') for a code key made of letters then digits; None otherwise."""
    found = _CODE_PARTS.match(key)
    return (found.group(1), found.group(2)) if found else None


@lru_cache(maxsize=1)
def admin_values() -> Dict[str, FrozenSet[str]]:
    """The admin-value vocabulary, folded, as sets (placeholders, national phrases, ...)."""
    raw = load_vocabulary("admin_values")
    folded = {
        "placeholders": frozenset(v.strip().casefold() for v in raw["placeholders"]["values"]),
        "national": frozenset(fold(v) for v in raw["national_coverage"]["values"]),
        "national_leading": frozenset(
            fold(v) for v in raw["national_coverage"]["leading_phrases"]
        ),
        "separators": frozenset(raw["list_separators"]["values"]),
        "conjunctions": frozenset(fold(v) for v in raw["list_conjunctions"]["values"]),
        "unit_type_words": frozenset(fold(v) for v in raw["unit_type_words"]["values"]),
        "name_articles": frozenset(fold(v) for v in raw["name_articles"]["values"]),
        "qualifier_words": frozenset(fold(v) for v in raw["qualifier_words"]["values"]),
    }
    return folded


@lru_cache(maxsize=1 << 16)
def is_placeholder(text: str) -> bool:
    """'#N/A', 'N/A', '-', '0', 'none', ... : a value that means 'nothing here'."""
    return text.strip().casefold() in admin_values()["placeholders"]


@lru_cache(maxsize=1 << 16)
def is_national(text: str) -> bool:
    """'Couverture nationale', 'nationwide', 'toutes les provinces sauf X', ..."""
    vocab = admin_values()
    if text.isascii() and text.isalnum():  # one word (a code, mostly): folded, it is lower
        return text.lower() in vocab["national"] or text.lower() in vocab["national_leading"]
    folded = fold(text)
    if folded in vocab["national"] or folded in vocab["national_leading"]:
        return True
    return folded.startswith(_national_prefixes())


@lru_cache(maxsize=1)
def _national_prefixes() -> Tuple[str, ...]:
    """Leading national phrases followed by a space: one ``startswith`` tests them all."""
    return tuple(sorted(p + " " for p in admin_values()["national_leading"]))


def split_list(text: str) -> List[str]:
    """Parts of a cell listing several units by punctuation ('A, B', 'A;B', 'A / B');
    'Stem(a,b)' expands to 'Stem a', 'Stem b'. One part when there is no list (or a number
    in scientific notation: its '+' lists nothing)."""
    if is_scientific(text):
        return [text.strip()]
    stem_match = re.match(r"^([^()]+?)\s*\(([^()]+)\)\s*$", text)
    if stem_match and any(s in stem_match.group(2) for s in admin_values()["separators"]):
        stem = stem_match.group(1).strip()
        return [f"{stem} {part}" for part in split_list(stem_match.group(2))]
    parts = [text]
    for separator in admin_values()["separators"]:
        parts = [piece for part in parts for piece in part.split(separator)]
    return [p.strip() for p in parts if p.strip()]


def split_words(text: str) -> List[str]:
    """Folded words of a value, conjunctions ('and', 'et') removed: candidates for a list
    written with spaces only ('Rumonge Gitega Ngozi')."""
    conjunctions = admin_values()["conjunctions"]
    return [w for w in fold(text).split() if w not in conjunctions]


@lru_cache(maxsize=1)
def iso_aliases() -> Dict[str, str]:
    """ISO 3166 alpha-2 -> alpha-3 and alpha-3 -> alpha-2 (for P-code prefixes)."""
    aliases: Dict[str, str] = {}
    for country in load_vocabulary("iso3166")["countries"]:
        aliases[country["alpha2"]] = country["alpha3"]
        aliases[country["alpha3"]] = country["alpha2"]
    return aliases
