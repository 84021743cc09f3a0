"""People counts (targeted, reached): numbers from the cells' texts, and what is wrong with
the others.

The decimal and thousands separators are decided per column: from its own values ("12,5" or
"1.234,5": decimal comma; "12.5" or "1,234.5": decimal point), else from the file (a ';'
delimited file comes from a decimal-comma locale; in a ',' delimited one a comma is no
decimal). A value that stays ambiguous ("1.234" where nothing decides) is read with the
separator as thousands (people are whole) and its row flagged: never divided silently.
"""
import re
from typing import List, Optional, Tuple

import numpy as np
import pandas as pd

_SPACES = re.compile(r"[\s\u00a0\u202f']")  # thousands written with spaces or apostrophes
_DECIMAL_COMMA = re.compile(r"-?(\d{1,3}(\.\d{3})+,\d+|\d+,(\d{1,2}|\d{4,})|\d{1,3}(\.\d{3}){2,})")
_DECIMAL_POINT = re.compile(r"-?(\d{1,3}(,\d{3})+\.\d+|\d+\.(\d{1,2}|\d{4,})|\d{1,3}(,\d{3}){2,})")
_AMBIGUOUS = re.compile(r"-?\d{1,3}[.,]\d{3}")  # "1.234": one thousand or one point something
_GROUPED = {",": re.compile(r"-?\d{1,3}(\.\d{3})+(,\d+)?"),  # decimal comma: '.' groups
            ".": re.compile(r"-?\d{1,3}(,\d{3})+(\.\d+)?")}
SEPARATOR_NAMES = {",": "decimal comma, '.' as thousands separator",
                   ".": "decimal point, ',' as thousands separator"}
FILE_DECIMALS = {";": ","}  # the delimiter of decimal-comma locales' CSV files -> its decimal
BLANK_COUNT = re.compile(r"(?i)-|n/?a|#n/a|none")  # in a count column: no number given
AMBIGUOUS_PROBLEM = "ambiguous separator: read as thousands (check the number)"
MAX_PEOPLE = 1_000_000_000  # a people count above this is a typo or a pasted code, not people


def people_counts(table, index, column, notes: Optional[List[str]] = None):
    """People counts as numbers; text that is not a count is reported, negatives too, and
    ambiguous separators (the number kept). The problems are a categorical column (a few
    kinds, mostly none: cheap to look for). The separators decided are said in ``notes``."""
    if column is None:
        return pd.Series(np.nan, index=index), pd.Series(None, index=index, dtype=object)
    coded = table.coded(column).used()  # (the header's text must not make counts floats)
    texts = _count_texts(coded.values)
    written = [t for t, v in zip(texts, coded.values) if isinstance(v, str) and not t.isdigit()]
    decimal, why = column_decimal(written, FILE_DECIMALS.get(table.delimiter))
    if decimal and notes is not None and any("," in t or "." in t for t in written):
        notes.append(f'"{column}": {SEPARATOR_NAMES[decimal]} ({why})')
    numbers, problem = _counts_of(texts, coded.values, decimal, table.delimiter == ",")
    kind, kinds = pd.factorize(problem)  # (None: code -1, no problem)
    # (when every row has a value, whole numbers stay integers, as pandas reads them)
    per_row = numbers[coded.codes] if coded.present.all() else coded.lookup(numbers, np.nan)
    return (pd.Series(per_row, index=index),
            pd.Series(pd.Categorical.from_codes(coded.lookup(kind, -1), kinds), index=index))


def column_decimal(written: List[str], file_decimal: Optional[str]
                   ) -> Tuple[Optional[str], str]:
    """The decimal separator of a column ("," or ".", None when undecided) and why, from the
    numbers ``written`` as text in it (typed numbers have none) and the file's locale."""
    comma = any(_DECIMAL_COMMA.fullmatch(t) for t in written)
    point = any(_DECIMAL_POINT.fullmatch(t) for t in written)
    if comma != point:
        return ("," if comma else "."), "from the column's values"
    if not comma and file_decimal:
        return file_decimal, "from the file's ';' delimiter"
    return None, ""


def _counts_of(text: np.ndarray, values: np.ndarray, decimal: Optional[str],
               comma_is_thousands: bool) -> Tuple[np.ndarray, np.ndarray]:
    """people_counts for distinct cell values (the checks cost what distinct values cost), as
    ``text`` (see ``_count_texts``): the numbers (int64 if all are whole and present, as
    pandas reads them) and the problems. Only numbers written as text have separators;
    ``comma_is_thousands``: a comma is no decimal in this file (a ',' delimited CSV)."""
    as_text = np.array([isinstance(v, str) for v in values], dtype=bool)
    ambiguous = as_text & np.array([
        decimal is None and t is not None and _AMBIGUOUS.fullmatch(t) is not None
        and not (comma_is_thousands and "," in t) for t in text], dtype=bool)
    text = np.array([_as_decimal_point(t, decimal) if typed_as_text else t
                     for t, typed_as_text in zip(text, as_text)], dtype=object)
    numbers = pd.to_numeric(pd.Series(text, dtype=object), errors="coerce").to_numpy()
    numbers = _nan_unless(np.isfinite(numbers.astype(float)), numbers)  # 'inf' is text
    problem = np.full(len(values), None, dtype=object)
    for position in np.flatnonzero(pd.isna(numbers)):
        if not _blank_count(text[position]):
            problem[position] = "not a number"
    problem[numbers < 0] = "negative number"
    problem[numbers > MAX_PEOPLE] = f"more than {MAX_PEOPLE:,} people: implausible"
    problem[ambiguous & (numbers >= 0)] = AMBIGUOUS_PROBLEM
    return _nan_unless((numbers >= 0) & (numbers <= MAX_PEOPLE), numbers), problem


def _count_texts(values: np.ndarray) -> np.ndarray:
    """_count_text of each value (None: missing)."""
    missing = pd.isna(values)
    return np.array([None if gone else _count_text(value) for value, gone in zip(values, missing)],
                    dtype=object)


def _count_text(value) -> str:
    """A cell as the text of a number, without spaces (thousands written "1 000")."""
    if isinstance(value, str) and value.isdigit():
        return value  # (most counts: nothing to take out)
    return _SPACES.sub("", str(value))


def _as_decimal_point(text: Optional[str], decimal: Optional[str]) -> Optional[str]:
    """``text`` with a decimal point and no thousands separators, read with ``decimal`` (in an
    undecided column, one separator before three digits is thousands: people are whole)."""
    if text is None or text.isdigit():
        return text
    if decimal is None and _AMBIGUOUS.fullmatch(text):
        return text.replace(".", "").replace(",", "")
    if decimal == ",":
        return (text.replace(".", "") if _GROUPED[","].fullmatch(text) else text).replace(
            ",", ".")
    return text.replace(",", "") if _GROUPED["."].fullmatch(text) else text


def _blank_count(text: Optional[str]) -> bool:
    """An empty cell or a placeholder for no number: no problem to report."""
    return not text or BLANK_COUNT.fullmatch(text) is not None


def _nan_unless(kept: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """``numbers`` with NaN where not ``kept`` (then as floats, as pandas' ``where``)."""
    return numbers if kept.all() else np.where(kept, numbers, np.nan)
