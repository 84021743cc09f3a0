"""People counts (targeted, reached): numbers from the cells' texts, and what is wrong with
the others."""
import re
from typing import Optional, Tuple

import numpy as np
import pandas as pd

THOUSANDS = re.compile(r"(?<=\d)[,'](?=\d{3}\b)")
BLANK_COUNT = re.compile(r"(?i)-|n/?a|#n/a|none")  # in a count column: no number given
MAX_PEOPLE = 1_000_000_000  # a people count above this is a typo or a pasted code, not people


def people_counts(table, index, column):
    """People counts as numbers; text that is not a count is reported, negatives too. The
    problems are a categorical column (a few kinds, mostly none: cheap to look for)."""
    if column is None:
        return pd.Series(np.nan, index=index), pd.Series(None, index=index, dtype=object)
    coded = table.coded(column).used()  # (the header's text must not make counts floats)
    numbers, problem = _counts_of(coded.values)
    kind, kinds = pd.factorize(problem)  # (None: code -1, no problem)
    # (when every row has a value, whole numbers stay integers, as pandas reads them)
    per_row = numbers[coded.codes] if coded.present.all() else coded.lookup(numbers, np.nan)
    return (pd.Series(per_row, index=index),
            pd.Series(pd.Categorical.from_codes(coded.lookup(kind, -1), kinds), index=index))


def _counts_of(values: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """people_counts for distinct cell values (the checks cost what distinct values cost): the
    numbers (int64 if all are whole and present, as pandas reads them) and the problems."""
    text = _count_texts(values)
    numbers = pd.to_numeric(pd.Series(text, dtype=object), errors="coerce").to_numpy()
    numbers = _nan_unless(np.isfinite(numbers.astype(float)), numbers)  # 'inf' is text
    problem = np.full(len(values), None, dtype=object)
    for position in np.flatnonzero(pd.isna(numbers)):
        if not _blank_count(text[position]):
            problem[position] = "not a number"
    problem[numbers < 0] = "negative number"
    problem[numbers > MAX_PEOPLE] = f"more than {MAX_PEOPLE:,} people: implausible"
    return _nan_unless((numbers >= 0) & (numbers <= MAX_PEOPLE), numbers), problem


def _count_texts(values: np.ndarray) -> np.ndarray:
    """_count_text of each value (None: missing)."""
    missing = pd.isna(values)
    return np.array([None if gone else _count_text(value) for value, gone in zip(values, missing)],
                    dtype=object)


def _count_text(value) -> str:
    """A cell as the text of a number: no spaces, no thousands separators."""
    if isinstance(value, str) and value.isdigit():
        return value  # (most counts: nothing to take out)
    return THOUSANDS.sub("", str(value).strip().replace("\u00a0", "").replace(" ", ""))


def _blank_count(text: Optional[str]) -> bool:
    """An empty cell or a placeholder for no number: no problem to report."""
    return not text or BLANK_COUNT.fullmatch(text) is not None


def _nan_unless(kept: np.ndarray, numbers: np.ndarray) -> np.ndarray:
    """``numbers`` with NaN where not ``kept`` (then as floats, as pandas' ``where``)."""
    return numbers if kept.all() else np.where(kept, numbers, np.nan)
