"""The crosswalk: reviewed raw value -> P-code decisions, read from a CSV; and the
suggestions file a reviewer fills in to make one."""
import csv
import io
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Set, Tuple, Union

import numpy as np
import pandas as pd

from ..errors import InputError
from ..report import neutralise
from ..textnorm import fold
from ..translation import QT_TRANSLATE_NOOP
from .records import Match

CROSSWALK_COLUMNS = ["raw_value", "level", "parent", "pcode"]
SUGGESTION_COLUMNS = CROSSWALK_COLUMNS + ["suggestion", "score", "rows"]


@dataclass(frozen=True)
class CrosswalkEntry:
    raw_value: str
    level: int
    parent: str
    pcode: str
    source_row: int


class Crosswalk:
    """Reviewed raw value -> P-code decisions (CSV: raw_value, level, parent, pcode).
    Keys are folded (case/accents/punctuation-insensitive); blank parent applies anywhere."""

    def __init__(self, entries: Iterable[CrosswalkEntry], source: str = "crosswalk"):
        self.source = source
        self.entries = [e for e in entries if e.pcode]
        self._index = {(fold(e.raw_value), e.level, fold(e.parent)): e for e in self.entries}
        self._by_value: Dict[Tuple[str, int], List[CrosswalkEntry]] = {}
        for entry in self.entries:
            self._by_value.setdefault((fold(entry.raw_value), entry.level), []).append(entry)

    @classmethod
    def read_csv(cls, path: Union[str, Path]) -> "Crosswalk":
        path = Path(path)
        try:
            text = path.read_text(encoding="utf-8-sig")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "{file}: cannot be read ({cause})"),
                file=path.name, cause=exc) from None
        lines = [(n, line) for n, line in enumerate(text.splitlines(), 1)
                 if line.strip() and not line.lstrip().startswith("#")]
        if not lines:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "{file}: the crosswalk is empty"),
                file=path.name)
        reader = csv.reader(io.StringIO("\n".join(line for _, line in lines)))
        header = [h.strip().lower() for h in next(reader)]
        missing = [c for c in CROSSWALK_COLUMNS if c not in header]
        if missing:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "{file}: crosswalk column(s) {missing} missing (columns found: "
                              "{columns})"),
                file=path.name, missing=", ".join(missing), columns=", ".join(header))
        entries = [_crosswalk_entry(path.name, header, cells, line_no)
                   for (line_no, _), cells in zip(lines[1:], reader)]
        return cls(entries, source=path.name)

    def lookup(self, raw: str, level: int, context: Set[str]) -> Optional[CrosswalkEntry]:
        key = fold(raw)
        for parent in sorted(context) + [""]:
            entry = self._index.get((key, level, parent))
            if entry is not None:
                return entry
        # A row that gives no parent: the suggestions file wrote the parent of the unit it
        # found; a single reviewed entry for the value applies.
        candidates = self._by_value.get((key, level), [])
        return candidates[0] if not context and len(candidates) == 1 else None


def _crosswalk_entry(file_name: str, header: List[str], cells: List[str],
                     line_no: int) -> CrosswalkEntry:
    row = {h: (cells[i].strip() if i < len(cells) else "") for i, h in enumerate(header)}
    if not row["raw_value"]:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: row {row}, column raw_value: empty"),
            file=file_name, row=line_no)
    try:
        level = int(float(row["level"]))
    except ValueError:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: row {row}, column level: {level!r} is not an admin level (0-4)"),
            file=file_name, row=line_no, level=row["level"]) from None
    if not 0 <= level <= 4:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: row {row}, column level: {level!r} is not an admin level (0-4)"),
            file=file_name, row=line_no, level=level)
    return CrosswalkEntry(row["raw_value"], level, row["parent"], row["pcode"], line_no)


def write_suggestions_csv(path: Union[str, Path],
                          matches_with_counts: Union[pd.DataFrame,
                                                     Iterable[Tuple[Match, int]]]) -> int:
    """A crosswalk to review: one row per unmatched, rolled-up or fuzzy-matched raw value with
    the number of table rows it concerns. ``pcode`` is filled only for fuzzy matches (to
    confirm); fill the others and pass the file back as the crosswalk. Returns rows written."""
    table = _suggestion_rows(matches_with_counts)
    # Reviewers open this in a spreadsheet: partners' text must not run as a formula there
    # (the apostrophe is punctuation, so the crosswalk look-up still finds the value).
    for column in ("raw_value", "suggestion"):
        table[column] = table[column].map(neutralise, na_action="ignore")
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("# CoordMap crosswalk to review: fill or correct 'pcode', then use this "
                     "file as the crosswalk. Lines starting with # are ignored.\n")
        table.to_csv(handle, index=False, columns=SUGGESTION_COLUMNS)
    return len(table)


def _suggestion_rows(source) -> pd.DataFrame:
    if isinstance(source, pd.DataFrame):
        frame = source.rename(columns={"match_method": "method", "match_score": "score"})
        frame = frame.assign(rows=1)
    else:
        frame = pd.DataFrame(
            [{"method": m.method, "score": m.score, "status": m.status, "pcode": m.pcode,
              "raw_value": m.raw_value, "raw_level": m.raw_level, "raw_parent": m.raw_parent,
              "suggestion": m.suggestion, "rows": n} for m, n in source],
            columns=["method", "score", "status", "pcode", "raw_value", "raw_level",
                     "raw_parent", "suggestion", "rows"])
    review = frame[((frame["status"] != "used") | (frame["method"] == "name_fuzzy"))
                   & frame["raw_value"].notna() & (frame["method"] != "national")]
    review = review.assign(
        pcode=np.where(review["method"] == "name_fuzzy", review["pcode"], None),
        score=np.where(review["method"] == "name_fuzzy", review["score"], np.nan),
        parent=review["raw_parent"].fillna(""),
        level=review["raw_level"].astype("Int64"),
    )
    grouped = review.groupby(["raw_value", "level", "parent"], dropna=False, sort=False).agg(
        pcode=("pcode", "first"), suggestion=("suggestion", "first"), score=("score", "max"),
        rows=("rows", "sum"))
    return grouped.reset_index().sort_values(["rows", "raw_value"], ascending=[False, True])


