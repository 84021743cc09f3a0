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
    """Lowercase, accents stripped, every run of punctuation/space turned into one space."""
    if value is None:
        return ""
    return _NON_ALNUM.sub(" ", strip_accents(str(value)).lower()).strip()
