"""The QA report's issues: the table's and boundaries' notes, skipped rows, locations not
simply matched, unknown clusters, periods, invalid numbers, rows without organisation and
duplicate rows."""
from typing import List, NamedTuple, Optional

import numpy as np
import pandas as pd

from ..coded import combinations
from ..matching import MatchLines
from .attributes import partner_columns
from .counts import AMBIGUOUS_PROBLEM
from .duplicates import duplicate_groups

REPORTED_METHODS = ("normalised", "name_fuzzy", "split", "crosswalk", "derived")  # even if used


class Issue(NamedTuple):
    """A row of the issues table (tuples: a table of thousands is made faster than of dicts)."""
    category: str
    column: Optional[str]
    value: object
    level: Optional[int]
    parent: Optional[str]
    rows: int
    first_row: Optional[int]
    reason: str
    suggestion: Optional[str]


def issue(category, column=None, value=None, level=None, parent=None, rows=1, first_row=None,
          reason="", suggestion=None) -> Issue:
    return Issue(category, column, value, level, parent, int(rows), first_row, reason,
                 suggestion)


def issues_table(table, lines, attributes, texts, units, progress) -> pd.DataFrame:
    source_row = pd.Series(table.source_rows)
    issues = [issue("table", reason=note, rows=0)
              for note in table.notes + attributes.attrs.get("notes", [])]
    issues += [issue("boundaries", reason=note, rows=0) for note in units.notes]
    issues += [issue("skipped_row", first_row=row, reason=reason) for row, reason in table.skipped]
    issues += _match_issues(lines, table)
    progress.step(30)
    issues += _grouped(attributes, ~attributes["cluster_known"].to_numpy(dtype=bool),
                       lambda a: a["cluster_code"], source_row, "unknown_cluster",
                       table.roles.get("cluster"),
                       lambda a: a["cluster_note"].iloc[0] or "cluster not recognised; kept "
                       "as given (add it to a cluster vocabulary file to map it)")
    notes = attributes["period_note"].to_numpy()
    noted = notes != ""  # (most are: then no test for missing values)
    noted[noted] = pd.notna(notes[noted])
    issues += _grouped(attributes, noted, lambda a: a["period_note"],
                       source_row, "period", None, lambda a: a["period_note"].iloc[0])
    for role in ("targeted", "reached"):
        column = table.roles.get(role)
        ambiguous = (attributes[f"{role}_problem"] == AMBIGUOUS_PROBLEM).to_numpy()
        issues += _grouped(attributes, ambiguous,
                           lambda a, c=column: table.column(c).loc[a.index].map(str), source_row,
                           "ambiguous_number", column,
                           lambda a, r=role: f"{r}: {AMBIGUOUS_PROBLEM}")
        issues += _grouped(attributes, attributes[f"{role}_problem"].notna().to_numpy()
                           & ~ambiguous,
                           lambda a, c=column: table.column(c).loc[a.index].map(str), source_row,
                           "invalid_number", table.roles.get(role), lambda a, r=role: f"{r}: "
                           f"{a[f'{r}_problem'].iloc[0]}; not added up")
    issues += _grouped(attributes, ~texts(partner_columns(table)).present,
                       lambda a: pd.Series("", index=a.index), source_row, "no_organisation",
                       table.roles.get("org"),
                       lambda a: "no implementing organisation: the row counts as an activity "
                       "but not as a partner")
    progress.step(60)
    issues += [issue("duplicate_rows", value=", ".join(map(str, rows[:10].tolist())),
                     rows=len(rows), first_row=int(rows[0]),
                     reason="identical rows: kept and counted once per partner (check whether "
                            "the partner reported the activity twice)")
               for rows in duplicate_groups(table)]
    frame = pd.DataFrame.from_records(issues, columns=Issue._fields)
    frame["level"] = frame["level"].astype("Int64")
    frame["first_row"] = frame["first_row"].astype("Int64")
    return frame


def _grouped(attributes, selected, key_of, source_row, category, column, reason_of):
    """One issue per key (``key_of`` the rows' attributes) among the ``selected`` rows."""
    if not selected.any():  # (as in most tables: then no subset of the whole frame is made)
        return []
    subset = attributes[selected]
    out = []
    for value, group in subset.groupby(key_of(subset).fillna(""), sort=True):
        rows = source_row.loc[group.index]
        out.append(issue(category, column, value or None, rows=len(group),
                         first_row=int(rows.min()), reason=reason_of(group)))
    return out


def _match_issues(lines: MatchLines, table) -> List[Issue]:
    """One issue per distinct (status, method, level, value, parent, P-code) among the lines
    not simply used, ordered by those keys as text, with its lines' count, its first row and
    the reason of its first line; worked out per match, the lines only counted."""
    matches = lines.matches
    keys = [(m.status, m.method, m.raw_level, m.raw_value, m.raw_parent, m.pcode, m.conflict)
            for m in matches]
    key_of_match = pd.factorize(np.array(keys + [None], dtype=object)[:-1])[0]  # (1-D)
    reported = np.array([m.status != "used" or m.method in REPORTED_METHODS or m.conflict
                         for m in matches], dtype=bool)
    reportable = np.flatnonzero(reported[lines.numbers])
    if not len(reportable):
        return []
    group, heads = combinations([key_of_match[lines.numbers[reportable]]], len(reportable))
    head_matches = [matches[n] for n in lines.numbers[reportable[heads]].tolist()]
    as_text = [(m.status, m.method, "<NA>" if m.raw_level is None else str(m.raw_level),
                str(m.raw_value), str(m.raw_parent), str(m.pcode)) for m in head_matches]
    ranked = sorted(range(len(heads)), key=as_text.__getitem__)  # the groups in key order
    sizes = np.bincount(group, minlength=len(heads))[ranked]
    # (lines come in file order: a group's first line has its lowest row)
    lowest = table.source_rows[lines.rows[reportable[heads]]][ranked]
    firsts = [head_matches[number] for number in ranked]
    # (thousands of issues, a few levels: each level's column worked out once)
    column_of = {level: _column_of(table, level) for level in {m.raw_level for m in firsts}}
    return [issue(_match_category(m.status, m.method, m.conflict), column_of[m.raw_level],
                  m.raw_value, m.raw_level, m.raw_parent, size, int(first), m.reason,
                  m.suggestion)
            for m, size, first in zip(firsts, sizes, lowest)]


def _match_category(status, method, conflict=False) -> str:
    if conflict:  # (cells overruled, or split evidence: the partner should check the row)
        return "location_conflict"
    if status == "rolled_up":
        return "rolled_up"
    if status == "unmatched":
        return "national_coverage" if method == "national" else "unmatched_location"
    return {"normalised": "irregular_pcode", "name_fuzzy": "fuzzy_name_match",
            "split": "split_cell", "crosswalk": "crosswalk_match",
            "derived": "derived_pcode"}.get(method, "location")


def _column_of(table, level: Optional[int]):
    if level is None:
        return None
    return table.roles.get(f"adm{level}_code") or table.roles.get(f"adm{level}_name")
