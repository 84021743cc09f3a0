"""The rows' reasons (and the QA report's) in the user's language.

A reason is made of clauses ("admin 2 code 'XY9999' is not in the boundaries; counted at admin 1
XY01 (admin 1 code 'XY01' found)") that the matching steps write in English. Each clause of a
known shape is translated from its template, its values in place (a value that is itself a
clause, like the detail in brackets, is translated too); a clause of another shape stays as
written. Translated once per distinct reason: a table has few.
"""
import re
from functools import cache
from typing import Dict, Optional, Tuple

from .translation import QT_TRANSLATE_NOOP, Translate

CONTEXT = "RowReason"
# The most frequent clauses first; a template's last value takes the rest of the clause.
TEMPLATES = (
    QT_TRANSLATE_NOOP("RowReason", "admin {level} code {code} found"),
    QT_TRANSLATE_NOOP("RowReason", "admin {level} code {code} read as {pcode} ({detail})"),
    QT_TRANSLATE_NOOP("RowReason", "admin {level} code {code} is not in the boundaries"),
    QT_TRANSLATE_NOOP("RowReason", "admin {level} code {code} is finer than the boundaries"),
    QT_TRANSLATE_NOOP("RowReason", "counted at admin {level} {pcode} ({detail})"),
    QT_TRANSLATE_NOOP("RowReason", "counted at admin {level} {pcode}"),
    QT_TRANSLATE_NOOP("RowReason", "admin {level} name {name} matched {unit}"),
    QT_TRANSLATE_NOOP("RowReason", "case/separators"),
    QT_TRANSLATE_NOOP("RowReason", "prefix {prefix} added"),
    QT_TRANSLATE_NOOP("RowReason", "blank row"),
    QT_TRANSLATE_NOOP("RowReason", "title row above the header"),
    QT_TRANSLATE_NOOP("RowReason", "total row at the end of the table"),
)
NESTED = ("detail",)  # values that are clauses themselves
_PLACEHOLDER = re.compile(r"\{(\w+)\}")
_CLAUSES = re.compile(r"(; | \| )")


@cache
def _patterns() -> Tuple[Tuple[str, "re.Pattern[str]"], ...]:
    compiled = []
    for template in TEMPLATES:
        parts = _PLACEHOLDER.split(template)  # text, name, text, name, ..., text
        regex = "".join(re.escape(part) if index % 2 == 0 else f"(?P<{part}>.+?)"
                        for index, part in enumerate(parts))
        compiled.append((template, re.compile(f"^{regex}$", re.DOTALL)))
    return tuple(compiled)


def translated_reason(reason, translate: Translate):
    """One reason in the user's language (anything not a text returned as it is)."""
    if not isinstance(reason, str) or not reason:
        return reason
    pieces = _CLAUSES.split(reason)  # clauses and the separators between them
    return "".join(piece if index % 2 else _clause(piece, translate)
                   for index, piece in enumerate(pieces))


def _clause(text: str, translate: Translate) -> str:
    for template, pattern in _patterns():
        match = pattern.match(text)
        if match:
            values = {name: _clause(value, translate) if name in NESTED else value
                      for name, value in match.groupdict().items()}
            return translate(CONTEXT, template).format(**values)
    return text


def translate_column(frame, column: str, translate: Translate,
                     known: Optional[Dict[str, str]] = None):
    """``frame`` with ``column`` in the user's language (a copy; the same frame without it).
    ``known``: the reasons translated so far, added to (a frame written in slices repeats
    its reasons from slice to slice)."""
    if column not in frame:
        return frame
    known = {} if known is None else known
    present = set(frame[column].dropna())
    for value in present - known.keys():
        known[value] = translated_reason(value, translate)
    mapping = {value: known[value] for value in present}
    if all(key == value for key, value in mapping.items()):
        return frame
    return frame.assign(**{column: frame[column].map(lambda v: mapping.get(v, v))})

