"""Vocabulary data (JSON under resources/vocabulary) and the text normalisation used to match it.

Words for columns, clusters and months live in JSON files, never in code, so a new language or a
country's own terms can be added without touching Python.
"""
import json
import re
import unicodedata
from functools import cache
from pathlib import Path
from typing import Any, Union

from .errors import InputError
from .translation import QT_TRANSLATE_NOOP

VOCABULARY_DIR = Path(__file__).resolve().parents[2] / "resources" / "vocabulary"

# Letters NFKD does not decompose into ASCII.
_LIGATURES = str.maketrans({"œ": "oe", "Œ": "OE", "æ": "ae", "Æ": "AE", "ß": "ss", "ø": "o"})
_NON_ALNUM = re.compile(r"[^a-z0-9]+")
_NON_WORD = re.compile(r"[\W_]+")  # any script: what is neither a letter nor a digit
# Arabic-script letters written interchangeably (teh marbuta / heh, alef maksura / yeh, the
# Persian forms of yeh and kaf), the tatweel that only stretches a word, and Arabic-Indic
# digits; hamza and madda on alef go with the accents (NFKD splits them off).
_ARABIC_VARIANTS = str.maketrans({
    "\u0629": "\u0647", "\u0649": "\u064a", "\u06cc": "\u064a", "\u06a9": "\u0643",
    "\u0640": None,
    **{chr(0x0660 + digit): str(digit) for digit in range(10)},
    **{chr(0x06f0 + digit): str(digit) for digit in range(10)},
})
# The Arabic article (and the particles written with it) is part of the word: "المنظمة" is
# "the organisation". Headers and cluster names are compared without it.
_ARABIC_ARTICLES = ("\u0648\u0627\u0644", "\u0628\u0627\u0644", "\u0643\u0627\u0644",
                    "\u0641\u0627\u0644", "\u0644\u0644", "\u0627\u0644")
_MIN_ARABIC_STEM = 2


def load_json_file(path: Union[str, Path]) -> Any:
    """Read a JSON file, turning unreadable or malformed files into an InputError naming it."""
    path = Path(path)
    try:
        with path.open(encoding="utf-8-sig") as handle:
            return json.load(handle)
    except FileNotFoundError:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: file not found ({path})"),
            file=path.name, path=path) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: cannot be read ({cause})"),
            file=path.name, cause=exc) from None
    except json.JSONDecodeError as exc:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: not valid JSON at line {line}, column {column}: {cause}"),
            file=path.name, line=exc.lineno, column=exc.colno, cause=exc.msg) from None


@cache
def load_vocabulary(name: str) -> Any:
    """The bundled vocabulary ``resources/vocabulary/<name>.json`` (cached: treat as read-only)."""
    return load_json_file(VOCABULARY_DIR / f"{name}.json")


def strip_accents(text: str) -> str:
    if text.isascii():  # (most text: no ligature, no accent, nothing NFKD would change)
        return text
    decomposed = unicodedata.normalize("NFKD", text.translate(_LIGATURES))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalise_text(value: Any) -> str:
    """Lowercase, accents stripped, every run of punctuation/space turned into one space.
    Letters of every script are kept (Arabic, Cyrillic ...); Arabic letter variants and
    digits are written one way (see ``_ARABIC_VARIANTS``)."""
    if value is None:
        return ""
    text = str(value)
    if text.isascii():  # (most headers and values)
        return _NON_ALNUM.sub(" ", text.lower()).strip()
    return _NON_WORD.sub(" ", strip_accents(text.translate(_ARABIC_VARIANTS)).lower()).strip()


def without_article(word: str) -> str:
    """An Arabic word without its article ("المنظمة" -> "منظمة", "والصحة" -> "صحة"); any other
    word as it is. ``word`` is normalised (``normalise_text``)."""
    if not word or not "\u0600" <= word[0] <= "\u06ff":
        return word
    for article in _ARABIC_ARTICLES:
        if word.startswith(article) and len(word) - len(article) >= _MIN_ARABIC_STEM:
            return word[len(article):]
    return word
