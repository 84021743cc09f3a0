"""Header texts as tokens and HXL tags, for comparing them with the vocabulary; and column
lists for messages."""
import re
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

from ..vocabulary import normalise_text, without_article

MAX_LISTED_COLUMNS = 40  # column lists in messages: a 10,000-column file must not flood them
_HXL_CELL = re.compile(r"^#\s*[a-z][a-z0-9_]*(\s*\+\s*[a-z][a-z0-9_]*)*$", re.IGNORECASE)
_CAMEL = re.compile(r"(?<=[a-z0-9])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])")
_ADMIN_LEVEL = re.compile(r"\badm(?:in)? ?([0-9])\b")
SHORT_HEADER_WORDS = 6
KOBO_NAME = re.compile(r"^[^\s/]+(/[^\s/]+)+$")
_PARENTHESES = re.compile(r"\([^)]*\)|\[[^\]]*\]")

Tokens = Tuple[str, ...]


def header_tokens(text: Any, split_camel_case: bool = True) -> Tokens:
    """Header tokens for matching: camelCase split, 'p code' -> 'pcode', 'adm 1' -> 'admin1';
    in any script (Arabic words without their article)."""
    if text is None:
        return ()
    spaced = _CAMEL.sub(" ", str(text)) if split_camel_case else str(text)
    normal = normalise_text(spaced).replace("p code", "pcode")
    normal = _ADMIN_LEVEL.sub(lambda match: f"admin{match.group(1)}", normal)
    words = normal.split()
    return tuple(words) if normal.isascii() else tuple(map(without_article, words))


def normalise_hxl(tag: Any) -> Optional[str]:
    """'# adm1+ Code' -> '#adm1+code': lowercase, no spaces, attributes sorted and unique."""
    if not isinstance(tag, str) or not _HXL_CELL.match(tag.strip()):
        return None
    parts = [part for part in re.sub(r"\s+", "", tag.strip().lower()).split("+") if part]
    return "+".join([parts[0]] + sorted(set(parts[1:])))


def contains(tokens: Tokens, pattern: Tokens) -> int:
    """Index where pattern occurs as a run of whole tokens in tokens, or -1."""
    size = len(pattern)
    for start in range(len(tokens) - size + 1):
        if tokens[start : start + size] == pattern:
            return start
    return -1


def _pattern_score(tokens: Tokens, pattern: Tokens) -> float:
    """Longer patterns score more; an exact header scores a bonus; extra words cost a little."""
    start = contains(tokens, pattern)
    if start < 0 or not pattern:
        return 0.0
    extra = len(tokens) - len(pattern)
    return 10.0 * len(pattern) + (5.0 if extra == 0 else 0.0) - 0.5 * extra - 0.1 * start


class PatternIndex:
    """Patterns by their first token: a header is only compared with the patterns that can
    occur in it (a 10,000-column file would otherwise compare every header with every one)."""

    def __init__(self, patterns: Iterable[Tuple[Any, Tokens]]):
        self._by_first: Dict[str, List[Tuple[Any, Tokens]]] = {}
        for key, pattern in patterns:
            if pattern:
                self._by_first.setdefault(pattern[0], []).append((key, pattern))

    def best_scores(self, tokens: Tokens) -> Dict[Any, float]:
        """The best ``_pattern_score`` per key among the patterns that occur in ``tokens``."""
        best: Dict[Any, float] = {}
        for first in set(tokens):
            for key, pattern in self._by_first.get(first, ()):
                if contains(tokens, pattern) >= 0:
                    score = _pattern_score(tokens, pattern)
                    best[key] = max(best.get(key, score), score)
        return best


def tokenised(texts: Sequence[str]) -> List[Tokens]:
    return [header_tokens(text) for text in texts]


def column_letter(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def cell_text(value: Any) -> str:
    return " ".join(str(value).split()) if value is not None else ""


def listed(labels: Sequence[str], quote: str = "") -> str:
    """Column labels for a message, the first MAX_LISTED_COLUMNS of them."""
    shown = ", ".join(f"{quote}{label}{quote}" for label in labels[:MAX_LISTED_COLUMNS])
    more = len(labels) - MAX_LISTED_COLUMNS
    return f"{shown} and {more} more" if more > 0 else shown


def is_text(value: Any) -> bool:
    return isinstance(value, str) and bool(value.strip())


def primary_text(text: Any) -> str:
    """The part of a header that names it, without (instructions) or KoBo groups.

    A short header wrapped over lines ("Admin 1\nP-Code") is kept whole; a long one keeps its
    first line, because the following lines are usually instructions that name other things.
    """
    if text is None:
        return ""
    lines = [_PARENTHESES.sub(" ", line).strip() for line in str(text).splitlines()]
    lines = [line for line in lines if line] or [str(text).strip()]
    joined = " ".join(lines)
    first = joined if len(joined.split()) <= SHORT_HEADER_WORDS else lines[0]
    return first.rsplit("/", 1)[-1] if KOBO_NAME.match(first) else first


def token_variants(text: str) -> List[Tokens]:
    """Split camelCase ("RegionPcode") but also try the word as written ("AoR")."""
    split, whole = header_tokens(text), header_tokens(text, split_camel_case=False)
    return [split] if split == whole else [split, whole]
