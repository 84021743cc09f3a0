"""join_4w: a parsed 4W table + admin units -> every row with its status, presence, QA issues.

The invariant: every data row of the table (and every blank or total row skipped under the
header) is one row of ``JoinResult.rows`` with a status among used / rolled_up / unmatched /
skipped and a reason; nothing is dropped silently.
"""
import re
from dataclasses import dataclass, field
from typing import Dict, List, NamedTuple, Optional, Tuple

import numpy as np
import pandas as pd

from .boundaries import AdminUnits
from .clusters import ClusterVocabulary
from .errors import InputError
from .headers import Table4W, listed
from .matching import Crosswalk, Match, Matcher, MatchLines, combinations
from .periods import PERIOD_ROLES, parse_periods
from .progress import SILENT, Progress
from .textnorm import fold

STATUSES = ("used", "rolled_up", "unmatched", "skipped")
PERIOD_MODES = ("all", "month", "quarter")
ROW_FIELDS = ["source_row", "status", "reason", "pcode", "admin_level", "match_method",
              "match_score", "suggestion", "cluster", "cluster_name", "period", "organisation",
              "activity", "period_start", "period_end", "activity_status", "modality",
              "targeted", "reached"]
PRESENCE_FIELDS = ["pcode", "name", "admin_level", "parent_pcode", "unit_specified", "cluster",
                   "cluster_name", "period", "partners", "activities", "partner_list",
                   "targeted", "reached", "rows"]
PARTNER_ROLES = ("org", "org_acronym")
RESERVED_FIELD = "fid"  # a GeoPackage's own key: a column of that name is renamed
THOUSANDS = re.compile(r"(?<=\d)[,'](?=\d{3}\b)")
BLANK_COUNT = re.compile(r"(?i)-|n/?a|#n/a|none")  # in a count column: no number given
ALL_ORGANISATION_ROLES = ("lead_org", "donor")
MAX_PEOPLE = 1_000_000_000  # a people count above this is a typo or a pasted code, not people
SPLIT_RANKS = {"used": 0, "rolled_up": 1, "unmatched": 2}  # a split row: its best part's status
DUPLICATE_SCREEN_COLUMNS = 20  # duplicate rows are looked for in these first, then in all
REPORTED_METHODS = ("normalised", "name_fuzzy", "split", "crosswalk", "derived")  # even if used


@dataclass
class JoinOptions:
    admin_level: Optional[int] = None  # None: the deepest level both the table and layer have
    period: str = "all"  # all | month | quarter
    default_year: Optional[int] = None
    count_all_organisations: bool = False  # also count lead/programme organisations and donors


@dataclass
class JoinResult:
    rows: pd.DataFrame  # one row per data row: ROW_FIELDS + the original columns
    lines: MatchLines  # the matcher's result (a split row has one line per unit)
    presence: pd.DataFrame  # PRESENCE_FIELDS, one row per unit x cluster (x period)
    issues: pd.DataFrame  # the QA report's issues table (report.ISSUE_COLUMNS)
    mapping: pd.DataFrame  # role, column, source
    summary: Dict[str, object]
    admin_level: int
    log_line: str
    _matches: Optional[pd.DataFrame] = field(default=None, repr=False)

    @property
    def matches(self) -> pd.DataFrame:
        """The matcher's frame (matching.FRAME_COLUMNS; a split row has one line per unit),
        made when asked for (the suggestions crosswalk): the join itself works on ``lines``."""
        if self._matches is None:
            self._matches = self.lines.frame(pd.RangeIndex(self.lines.row_count))
        return self._matches


def join_4w(table: Table4W, units: AdminUnits, options: Optional[JoinOptions] = None,
            crosswalk: Optional[Crosswalk] = None, clusters: Optional[ClusterVocabulary] = None,
            progress: Progress = SILENT) -> JoinResult:
    options = options or JoinOptions()
    if options.period not in PERIOD_MODES:
        raise InputError(f"period must be one of {', '.join(PERIOD_MODES)}, not {options.period!r}")
    # Rows are positions (the table's rows as a RangeIndex); the join reads the table's columns
    # by their codes and values and never makes the frame of the whole table (table.data).
    index = pd.RangeIndex(table.height)
    if not table.height and not table.skipped:
        raise InputError(f"{table.where}: the table has a header (row "
                         f"{', '.join(map(str, table.header_rows))}) but no data rows under it")
    code_cols, name_cols = _location_columns(table)
    level = _target_level(table, units, options.admin_level, code_cols, name_cols)
    progress.step(5, f"Matching locations at admin {level}")
    lines = _match_locations(table, units, level, code_cols, name_cols, crosswalk)
    progress.step(55, "Normalising clusters, periods and partners")
    texts = _FirstTexts(table)
    attributes = _row_attributes(table, index, clusters or ClusterVocabulary.load(), options)
    progress.step(70, "Counting partners per unit")
    # Each row's match (a split row's lines joined in one), then its period checked: per
    # row a number in ``per_row.matches`` (a table has few distinct ones: worked on once each).
    per_row = _status_per_row(_matches_per_row(lines), attributes, options)
    progress.step(74)  # large tables take seconds per step: keep the bar moving
    rows = _rows_output(table, index, per_row, attributes, texts, options,
                        progress.within(74, 80))
    progress.step(80)
    counted = np.isin(per_row.field("status"), ["used", "rolled_up"])[per_row.numbers][
        lines.rows] & _present_values(lines.field("pcode"))[lines.numbers]
    presence = _presence(table, _located(lines, counted), attributes, texts, units, level,
                         options, progress.within(80, 90))
    progress.step(90, "Writing the QA report")
    issues = _issues(table, lines, attributes, texts, units, progress.within(90, 97))
    progress.step(97)
    summary, log_line = _summary(table, units, rows, per_row, level, code_cols, name_cols)
    mapping = pd.DataFrame(
        [(role, column, table.role_sources.get(role, "")) for role, column in table.roles.items()],
        columns=["role", "column", "source"])
    return JoinResult(rows, lines, presence, issues, mapping, summary, level, log_line)


# Locations ------------------------------------------------------------------------------------

def _location_columns(table: Table4W):
    code_cols = {lvl: table.roles[f"adm{lvl}_code"] for lvl in range(1, 5)
                 if f"adm{lvl}_code" in table.roles}
    name_cols = {lvl: table.roles[f"adm{lvl}_name"] for lvl in range(1, 5)
                 if f"adm{lvl}_name" in table.roles}
    if not code_cols and not name_cols and not {"lat", "lon"} <= set(table.roles):
        raise InputError(
            f"{table.where}: no admin P-code, admin name or latitude/longitude column was "
            f"recognised among: {listed(table.columns)}. Name the columns in the Mapping "
            "parameter, e.g. adm2_code=District Pcode;adm1_name=Region")
    return code_cols, name_cols


def _target_level(table, units, wanted, code_cols, name_cols) -> int:
    levels = units.levels
    if wanted is not None:
        if wanted not in levels:
            raise InputError(f"admin level {wanted} was asked for, but the boundaries have "
                             f"levels {', '.join(map(str, levels))}")
        return wanted
    in_table = [lvl for lvl in levels if lvl in code_cols or lvl in name_cols]
    return max(in_table) if in_table else max(levels)


def _match_locations(table, units, level, code_cols, name_cols, crosswalk) -> MatchLines:
    matcher = Matcher(units, crosswalk=crosswalk, target_level=level)
    lines = matcher.resolve_lines(table.height, code_cols, name_cols, table.factorized)
    if {"lat", "lon"} <= set(table.roles):
        lines = _locate_points(table, units, level, lines)
    return lines


def _locate_points(table, units, level, lines: MatchLines) -> MatchLines:
    """Rows with coordinates and no location found by code or name: point in polygon."""
    lon = pd.to_numeric(table.column(table.roles["lon"]), errors="coerce").to_numpy()
    lat = pd.to_numeric(table.column(table.roles["lat"]), errors="coerce").to_numpy()
    unplaced = ~_present_values(lines.field("pcode")) & (lines.field("method") != "national")
    single = np.bincount(lines.rows, minlength=lines.row_count)[lines.rows] == 1
    open_lines = np.flatnonzero(unplaced[lines.numbers] & single)
    open_lines = open_lines[pd.notna(lon[lines.rows[open_lines]])
                            & pd.notna(lat[lines.rows[open_lines]])]
    if len(open_lines) == 0:
        return lines
    rows = lines.rows[open_lines]
    found = np.asarray(units.locate(lon[rows], lat[rows], level), dtype=object)
    hit = pd.notna(found)
    return lines.changed(open_lines[hit], found[hit].tolist(), lambda match, pcode: match._replace(
        pcode=pcode, admin_level=level, method="point_in_polygon", score=1.0,
        status="used", reason="located by its coordinates", suggestion=None))


def _present_values(values: np.ndarray) -> np.ndarray:
    """Per value of a (small) object array: not None or NaN."""
    return pd.notna(values).astype(bool)


# Clusters, periods, partners, numbers ---------------------------------------------------------

def per_distinct(series: pd.Series, func) -> pd.Series:
    """The element-wise ``func`` (Series -> Series) worked out on the distinct values only."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    result = func(pd.Series(uniques, dtype=series.dtype))
    return pd.Series(result.to_numpy()[codes], index=series.index)


def _present(table, column) -> Tuple[np.ndarray, np.ndarray]:
    """``table.factorized(column)`` without the values no data row has (the header's own
    cell, say): for steps whose result depends on the set of values, not only per value."""
    codes, values = table.factorized(column)
    seen = np.zeros(len(values) + 1, dtype=bool)
    seen[codes] = True  # (code -1 marks the extra last slot)
    if seen[:-1].all():
        return codes, values
    kept = np.flatnonzero(seen[:-1])
    renumber = np.full(len(values) + 1, -1, dtype=np.int64)
    renumber[kept] = np.arange(len(kept))
    return renumber[codes], values[kept]


def _row_attributes(table, index, clusters, options) -> pd.DataFrame:
    roles = table.roles
    out = {}
    if "cluster" in roles:
        column = roles["cluster"]
        normalised = clusters.normalise_series(table.column(column), table.factorized(column))
        out.update((name, normalised[name]) for name in normalised.columns)
    else:
        out["cluster_code"], out["cluster_name"] = None, None
        out["cluster_known"], out["cluster_note"] = False, "no cluster column"
    period_roles = [role for role in PERIOD_ROLES if role in roles]
    if period_roles:
        periods = parse_periods({role: table.column(roles[role]) for role in period_roles},
                                options.default_year,
                                {role: _present(table, roles[role]) for role in period_roles})
        out.update((name, periods[name]) for name in periods.columns)
    else:
        out["period_start"], out["period_end"] = pd.NaT, pd.NaT
        out["period"], out["period_note"] = None, "no period column"
    for role in ("targeted", "reached"):
        out[role], out[f"{role}_problem"] = _numbers(table, index, roles.get(role))
    if options.count_all_organisations:  # (only then asked for)
        extra = [roles[r] for r in ALL_ORGANISATION_ROLES if r in roles]
        out["other_organisations"] = _all_texts(table, extra) if extra else None
    out = pd.DataFrame(out, index=index, copy=False)  # (no copy of the columns into blocks)
    out["period_key"] = _period_key(out, options.period)
    return out


def _period_key(attributes, mode):
    """The presence period of each row; None where the row's period is coarser than asked."""
    period = attributes["period"].astype(object, copy=False)
    if mode == "month":
        return period.where(per_distinct(period, lambda p: p.str.fullmatch(r"\d{4}-\d{2}",
                                                                           na=False)))
    if mode == "quarter":
        quarter = per_distinct(attributes["period_start"], lambda start: start.dt.year.astype(
            "Int64").astype(str) + "-Q" + start.dt.quarter.astype("Int64").astype(str))
        return quarter.where(per_distinct(period, lambda p: p.str.fullmatch(
            r"\d{4}-(\d{2}|Q[1-4])", na=False)))
    if not _any_present(period.to_numpy()):
        return pd.Series("all", index=attributes.index)
    first, last = attributes["period_start"].min(), attributes["period_end"].max()
    span = f"{first:%Y-%m}/{last:%Y-%m}" if pd.notna(first) and pd.notna(last) else "all"
    return pd.Series(span, index=attributes.index)


def _any_present(values: np.ndarray) -> bool:
    """``pd.notna(values).any()``, the first rows first: a value is usually found there."""
    return bool(pd.notna(values[:1000]).any() or pd.notna(values[1000:]).any())


class _FirstTexts:
    """``_first_text_codes`` of a table, per list of columns, worked out once per join (the
    rows output, presence and QA report ask for the same ones)."""

    def __init__(self, table):
        self.table = table
        self._done: Dict[Tuple[str, ...], Tuple[np.ndarray, np.ndarray]] = {}

    def __call__(self, columns: List[str]) -> Tuple[np.ndarray, np.ndarray]:
        key = tuple(columns)
        if key not in self._done:
            self._done[key] = _first_text_codes(self.table, columns)
        return self._done[key]

    def column(self, columns: List[str], index: pd.Index):
        """The rows output's column of them: as codes (-1: None); NaN when there is no
        column (as pandas fills a missing one)."""
        if not columns:
            return pd.Series(np.nan, index=index, dtype=object)
        return _Coded(*self(columns))


def _first_text_codes(table, columns) -> Tuple[np.ndarray, np.ndarray]:
    """Per row, the first non-blank text among ``columns`` (runs of spaces made one) as its
    number among the distinct texts (-1: none); worked out per distinct value of a column."""
    texts: Dict[str, int] = {}
    result = np.full(table.height, -1, dtype=np.int64)
    for column in columns:
        codes, values = table.factorized(column)
        found = (" ".join(str(value).split()) for value in values)
        numbers = np.array([texts.setdefault(text, len(texts)) if text else -1
                            for text in found] + [-1], dtype=np.int64)
        blank = result < 0
        result[blank] = numbers[codes[blank]]
    return result, np.array(list(texts), dtype=object)


def _all_texts(table, columns) -> np.ndarray:
    """Every non-blank text among ``columns`` per row (a list, possibly empty)."""
    texts = [np.append(values, None)[codes]  # (code -1: None)
             for codes, values in (_first_text_codes(table, [column]) for column in columns)]
    return pd.Series([[t for t in values if t is not None] for values in zip(*texts)],
                     dtype=object).to_numpy()


def _numbers(table, index, column):
    """People counts as numbers; text that is not a count is reported, negatives too. The
    problems are a categorical column (a few kinds, mostly none: cheap to look for)."""
    if column is None:
        return pd.Series(np.nan, index=index), pd.Series(None, index=index, dtype=object)
    codes, values = _present(table, column)  # (the header's text must not make counts floats)
    if (codes < 0).any():
        values = np.append(values, None)  # the empty cells' code -1 takes it
    numbers, problem = _counts_of(values)
    kind, kinds = pd.factorize(problem)  # (None: code -1, no problem)
    return (pd.Series(numbers[codes], index=index),
            pd.Series(pd.Categorical.from_codes(kind[codes], kinds), index=index))


def _counts_of(values: np.ndarray) -> Tuple[np.ndarray, np.ndarray]:
    """_numbers for distinct cell values (the checks cost what distinct values cost): the
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
    try:
        if all(map(str.isdigit, values[~missing])):  # most counts: nothing to take out
            return np.where(missing, None, values)
    except TypeError:  # (a cell of a spreadsheet may be a number)
        pass
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


# Rows output ----------------------------------------------------------------------------------

def _status_per_row(per_row: MatchLines, attributes, options) -> MatchLines:
    """Rows whose period is needed (presence per month/quarter) but unknown are skipped."""
    if options.period == "all":
        return per_row
    no_period = np.flatnonzero(np.isin(per_row.field("status"), ["used", "rolled_up"])[
        per_row.numbers] & attributes["period_key"].isna().to_numpy())
    if not len(no_period):
        return per_row
    note = attributes["period_note"].iloc[no_period].fillna("")
    period = attributes["period"].iloc[no_period].fillna("none").astype(str)
    asked = "a month" if options.period == "month" else "a quarter"
    location = pd.Series(per_row.field("reason")[per_row.numbers[no_period]],
                         index=note.index).fillna("")
    reasons = (f"no usable period: presence per {options.period} needs {asked}; "
               + note.where(note != "", "period given: " + period) + "; location: "
               + location).to_numpy()
    return per_row.changed(no_period, reasons.tolist(),
                           lambda match, reason: match._replace(status="skipped", reason=reason))


class _Coded(NamedTuple):
    """A text column of the rows output as codes of its values (-1: None)."""
    codes: np.ndarray
    values: np.ndarray


def _rows_output(table, index, per_row, attributes, texts, options, progress) -> pd.DataFrame:
    def of_match(name):  # (the rows' match numbers: their fields are written straight out)
        return _Coded(per_row.numbers, per_row.field(name))

    fields = {
        "status": of_match("status"), "reason": of_match("reason"), "pcode": of_match("pcode"),
        "admin_level": pd.Series(pd.array(per_row.field("admin_level").tolist(), dtype="Int64")
                                 .take(per_row.numbers), index=index, copy=False),
        "match_method": of_match("method"),
        "match_score": pd.Series(np.array(per_row.field("score").tolist(), dtype=np.float64)[
            per_row.numbers], index=index, copy=False),
        "suggestion": of_match("suggestion"),
        "cluster": attributes["cluster_code"], "cluster_name": attributes["cluster_name"],
        "period": attributes["period_key"] if options.period != "all" else attributes["period"],
        "organisation": texts.column(_partner_columns(table), index),
        # Role-resolved values, so downstream steps (gaps, overlaps) need no column mapping.
        "activity": texts.column(_role_columns(table, "activity"), index),
        "period_start": _iso_dates(attributes["period_start"]),
        "period_end": _iso_dates(attributes["period_end"]),
        "activity_status": texts.column(_role_columns(table, "status"), index),
        "modality": texts.column(_role_columns(table, "modality"), index),
        "targeted": attributes["targeted"], "reached": attributes["reached"],
    }
    progress.step(50)
    return _in_file_order(table.source_rows, list(fields.items()) + _original_columns(table),
                          table.skipped)


def _in_file_order(source_rows, columns, skipped) -> pd.DataFrame:
    """One frame: source_row, then ``columns`` (name, Series on a RangeIndex: the data rows,
    or _Coded), with the blank and total rows under the header added as skipped rows (they are
    rows too), all sorted by file row. The text columns are written straight into the frame's
    one block of text (no other copy of the whole table); the typed ones are added to it."""
    data_rows = len(source_rows)
    source_row = np.concatenate([source_rows,
                                 np.array([row for row, _ in skipped], dtype=np.int64)])
    order = np.argsort(source_row, kind="stable")  # labels >= data_rows: skipped rows
    texts = [(name, column) for name, column in columns if _is_text(column)]
    block = np.empty((len(order), len(texts)), dtype=object, order="F")
    copy_rows = _row_copier(order, data_rows)
    for position, (_, column) in enumerate(texts):  # (on a RangeIndex: positions are labels)
        if isinstance(column, _Coded):
            copy_rows(column.values, block[:, position], column.codes)
        else:
            copy_rows(column.to_numpy(), block[:, position])
    names = [name for name, _ in texts]
    extra = np.flatnonzero(order >= data_rows)
    block[extra, names.index("status")] = "skipped"
    block[extra, names.index("reason")] = [skipped[i][1] for i in order[extra] - data_rows]
    frame = pd.DataFrame(block, columns=names, dtype=object, copy=False)
    frame.insert(0, "source_row", source_row[order])
    positions = np.where(order < data_rows, order, -1)  # -1: a skipped row, missing values
    for position, (name, column) in enumerate(columns, 1):
        if not _is_text(column):
            frame.insert(position, name, _taken(column, positions), allow_duplicates=True)
    return frame


def _is_text(column) -> bool:
    return isinstance(column, _Coded) or column.dtype == object


def _row_copier(order: np.ndarray, data_rows: int):
    """A function copying a column's values to the output's rows in ``order`` (positions >=
    ``data_rows``: skipped rows, NaN): ``copy(values, target)``, or ``copy(values, target,
    codes)`` for a column given as codes of its ``values`` (-1: None). A table in file order
    with a few skipped rows is a few stretches of consecutive rows: copied as slices, not
    gathered row by row."""
    # Where a stretch begins: after a jump, and at the first skipped row (its label comes
    # right after the last data row's: a total row at the table's end follows it in order too).
    starts = np.flatnonzero((np.diff(order, prepend=-2) != 1) | (order == data_rows))
    if len(starts) * 64 > len(order):  # rows in no useful order: gather them
        by_position = np.minimum(order, data_rows)  # a skipped row: the NaN after the values

        def gather(values, target, codes=None):
            if codes is None:
                target[:] = np.append(values, np.nan)[by_position]
            else:  # (code -1 takes the None last, a skipped row the NaN before it)
                target[:] = np.append(values, [np.nan, None])[
                    np.append(codes, len(values))[by_position]]
        return gather
    stretches = list(zip(starts.tolist(), np.append(starts[1:], len(order)).tolist(),
                         order[starts].tolist()))

    def copy_stretches(values, target, codes=None):
        if codes is not None:
            codes = codes.astype(np.intp, copy=False)
        for start, stop, first in stretches:
            if first >= data_rows:
                target[start:stop] = np.nan
            elif codes is None:
                target[start:stop] = values[first:first + stop - start]
            else:
                _take_into(values, codes[first:first + stop - start], target[start:stop])
    return copy_stretches


def _take_into(values: np.ndarray, codes: np.ndarray, target: np.ndarray) -> None:
    """target[:] = values[codes], code -1: None. pandas' own object take writes straight into
    ``target`` (a third of the time of a numpy take and a copy, per column of a large rows
    output); numpy's when that pandas-internal function is not there or not as expected."""
    if _OBJECT_TAKE is not None and (not len(codes) or codes.max() < len(values)):
        _OBJECT_TAKE(values, codes, target, None)  # (it does not check the codes' range)
    else:
        target[:] = np.append(values, None)[codes]


def _object_take():
    try:
        from pandas._libs.algos import take_1d_object_object as take
        probe = np.empty(2, dtype=object)
        take(np.array(["a"], dtype=object), np.array([0, -1], dtype=np.intp), probe, None)
    except Exception:  # (not a public API: a pandas without it, or changed, gets numpy's)
        return None
    return take if probe.tolist() == ["a", None] else None


_OBJECT_TAKE = _object_take()


def _taken(series: pd.Series, positions: np.ndarray):
    """The values of ``series`` at ``positions`` (-1: missing), as its array type: what
    ``reindex`` gives, without looking up the labels."""
    return series.array.take(positions, allow_fill=True)


def _partner_columns(table):
    return [table.roles[role] for role in PARTNER_ROLES if role in table.roles]


def _role_columns(table, role):
    return [table.roles[role]] if role in table.roles else []


def _iso_dates(values: pd.Series) -> _Coded:
    """Dates as ISO texts (written per distinct date), as codes (-1: no date)."""
    codes, dates = pd.factorize(values)
    texts = pd.Series(dates, dtype=values.dtype).dt.strftime("%Y-%m-%d")
    return _Coded(codes, texts.to_numpy(dtype=object))


def _matches_per_row(lines: MatchLines) -> MatchLines:
    """One line per input row: split cells list their units, the best status wins."""
    if not lines.split:
        return lines
    first = np.flatnonzero(np.diff(lines.rows, prepend=-1))  # each row's first line
    numbers, matches = lines.numbers[first], list(lines.matches)
    counts = np.diff(np.append(first, len(lines.rows)))
    for row in np.flatnonzero(counts > 1).tolist():
        parts = [lines.matches[n] for n in lines.numbers[first[row]:first[row] + counts[row]]]
        numbers[row] = len(matches)
        matches.append(_joined_match(parts))
    return MatchLines(np.arange(lines.row_count, dtype=np.int64), numbers, matches,
                      lines.row_count)


def _joined_match(parts: List[Match]) -> Match:
    """A split row's match: its units' P-codes, reasons and suggestions listed, the best
    status of its parts."""
    rank = min(SPLIT_RANKS.get(part.status, len(SPLIT_RANKS)) for part in parts)
    levels = [part.admin_level for part in parts if part.admin_level is not None]
    return Match(
        ";".join(part.pcode for part in parts if part.pcode is not None) or None,
        max(levels) if levels else None, "split", min(part.score for part in parts),
        next((status for status, r in SPLIT_RANKS.items() if r == rank), None),
        " | ".join(str(part.reason) for part in parts),
        " | ".join(part.suggestion for part in parts if part.suggestion is not None) or None)


def _original_columns(table) -> List[Tuple[str, _Coded]]:
    """The rows' cells as given, as text, under their own column names."""
    return [(name, _as_texts(table, column))
            for name, column in zip(original_field_names(table.columns), table.columns)]


def _as_texts(table, column) -> _Coded:
    """A column's codes and its distinct values as text (decided per distinct value, with
    numpy, not pandas, per column: a file may have 10,000)."""
    codes, distinct = table.factorized(column)
    if _all_texts_in(distinct):
        return _Coded(codes, distinct)
    return _Coded(codes, np.array([_as_text(value) for value in distinct], dtype=object))


def _all_texts_in(values: np.ndarray) -> bool:
    """Whether every value is a str (checked in C: a column may have many distinct values)."""
    return pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty")


def original_field_names(columns: List[str]) -> List[str]:
    """Output names of the original columns, unique without regard to case (GeoPackage and
    Shapefile names ignore it): a column keeps its name unless a field of the rows output or
    an earlier column has it; then 'orig_' goes before it, as often as it takes (last month's
    rows output given back as a 4W table has both "status" and "orig_Status"; a GeoPackage
    keeps "fid" for its own key)."""
    taken = {name.casefold() for name in ROW_FIELDS + [RESERVED_FIELD]}
    names: List[Optional[str]] = []
    for column in columns:  # first, the columns that can keep their own name
        own = column.casefold() not in taken
        names.append(column if own else None)
        taken.add(column.casefold())
    for index, column in enumerate(columns):
        name = column
        while names[index] is None:
            name = f"orig_{name}"
            if name.casefold() not in taken:
                names[index] = name
                taken.add(name.casefold())
    return names


def _as_text(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Presence -------------------------------------------------------------------------------------

def _located(lines: MatchLines, counted: np.ndarray):
    """The rows of the ``counted`` lines (a split row: a line per unit) and their P-codes, as
    codes of the distinct P-codes (numbered in the order they first come)."""
    pcode_of_match, pcodes = pd.factorize(lines.field("pcode"))
    codes, firsts = pd.factorize(pcode_of_match[lines.numbers[counted]])
    return lines.rows[counted], codes, pcodes[firsts]


def _presence(table, located, attributes, texts, units, level, options, progress
              ) -> pd.DataFrame:
    """Partners per unit x cluster x period, from the rows that count and their P-codes (see
    ``_located``). Lines are grouped and counted on integer codes: each text is hashed once,
    not once per step."""
    if not len(located[0]):
        return pd.DataFrame(columns=PRESENCE_FIELDS)
    progress.step(10)
    lines, per_unit, spellings = _presence_lines(table, located, attributes, texts, units,
                                                 level, options)
    progress.step(40)
    group, firsts = combinations([lines["unit"], lines["cluster"], lines["period"]],
                                 len(lines["unit"]))
    groups, unit, head_rows = len(firsts), lines["unit"][firsts], lines["row"][firsts]
    named = np.flatnonzero(lines["partner"] >= 0)
    # The first line of each distinct group and partner: partners counted and listed from them.
    partner_pairs = named[combinations([group[named], lines["partner"][named]], len(named))[1]]
    progress.step(70)
    # Groups as they come, sorted once at the end (no two groups have the same keys).
    presence = {
        "pcode": per_unit["pcode"][unit],
        **{field: values[unit] for field, values in _unit_fields(
            per_unit["pcode"], per_unit["specified"], units, level).items()},
        "cluster": attributes["cluster_code"].to_numpy()[head_rows],
        "cluster_name": _first_valid(attributes["cluster_name"].to_numpy(), lines, group,
                                     firsts),
        "period": attributes["period_key"].to_numpy()[head_rows],
        "partners": np.bincount(group[partner_pairs], minlength=groups).astype(np.int64),
        "activities": _distinct_per_group(group, [lines["activity_partner"], lines["activity"]],
                                          groups).astype(np.int64),
        "partner_list": _partner_lists(lines, spellings, named, group, partner_pairs, groups),
        "targeted": _sum_per_group(lines["targeted"], group, groups),
        "reached": _sum_per_group(lines["reached"], group, groups),
        "rows": np.bincount(group, weights=lines["is_row"], minlength=groups).astype(np.int64),
    }
    order = _sort_order([presence[key] for key in ("admin_level", "pcode", "cluster", "period")])
    return pd.DataFrame({field: presence[field][order] for field in PRESENCE_FIELDS})


def _sort_order(keys: List[np.ndarray]) -> np.ndarray:
    """The order of the rows sorted by ``keys`` (the first first), missing values last: that of
    ``DataFrame.sort_values(keys, na_position="last")``, on the arrays themselves."""
    ranks = []
    for values in keys:
        rank, distinct = pd.factorize(values, sort=True)
        rank[rank < 0] = len(distinct)
        ranks.append(rank)
    return np.lexsort(ranks[::-1])


def _first_valid(values: np.ndarray, lines, group: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    """Per group, the first of the lines' ``values`` (by row; none for other organisations'
    lines) that is not missing: its first line's, unless that one is missing."""
    head = values[lines["row"][firsts]]  # (a group's first line is a row's)
    if pd.notna(head).all():
        return head
    per_line = values[lines["row"]].astype(object, copy=False)
    per_line[~lines["is_row"]] = np.nan
    return pd.Series(per_line).groupby(group).first().to_numpy()


def _sum_per_group(values: np.ndarray, group: np.ndarray, groups: int) -> np.ndarray:
    """``pd.Series(values).groupby(group).sum(min_count=1)``: NaN for a group with no number.
    Counts of people are whole numbers, whose sums are exact in any order: added up by numpy;
    other numbers by pandas (which adds floats with compensation: the last digit may differ)."""
    numbers = values.astype(np.float64, copy=False) if values.dtype.kind in "iuf" else None
    if numbers is None:
        return pd.Series(values).groupby(group).sum(min_count=1).to_numpy()
    known = ~np.isnan(numbers)
    counts = numbers[known]
    if not (np.array_equal(counts, np.trunc(counts)) and np.abs(counts).sum() < 2 ** 53):
        return pd.Series(values).groupby(group).sum(min_count=1).to_numpy()
    sums = np.bincount(group[known], weights=counts, minlength=groups).astype(np.float64,
                                                                             copy=False)
    if values.dtype.kind in "iu":  # (no missing value: every group has a sum)
        return sums.astype(values.dtype)
    sums[np.bincount(group[known], minlength=groups) == 0] = np.nan
    return sums


def _presence_lines(table, located, attributes, texts, units, level, options):
    """Per line (a located row; then one per other organisation, when counted): its row, the
    integer codes of unit, cluster, period, partner, spelling of the partner and activity (-1:
    none) and the values to add up. With them, per unit code its P-code and whether the row's
    unit was specified (else the unit is a coarser one, the "unit not specified" bucket), and
    the spellings."""
    rows, pcodes, distinct_pcodes = located
    unit_of = [units.ancestor_or_self(p, level) if units.level_of(p) >= level else None
               for p in distinct_pcodes]  # None: the "unit not specified" bucket of p itself
    unit_codes, unit_values = pd.factorize(np.array(
        [unit if unit is not None else p for unit, p in zip(unit_of, distinct_pcodes)],
        dtype=object))
    specified = np.zeros(len(unit_values), dtype=bool)  # (a unit is either, never both)
    specified[unit_codes] = [unit is not None for unit in unit_of]
    split = np.bincount(rows)[rows] > 1  # (a split row's lines: no unit gets its numbers)
    lines = {"row": rows, "unit": unit_codes[pcodes], "is_row": np.ones(len(rows), dtype=bool),
             "cluster": _cluster_codes(table, attributes)[rows],
             # (one period, the whole span, unless presence is per month or quarter)
             "period": pd.factorize(attributes["period_key"].to_numpy()[rows])[0]
             if options.period != "all" else np.zeros(len(rows), dtype=np.int64)}
    for column in ("targeted", "reached"):  # a split row's numbers go nowhere: no unit gets them
        values = attributes[column].to_numpy()[rows]
        lines[column] = np.where(split, np.nan, values) if split.any() else values
    activity, activities = texts(_role_columns(table, "activity"))
    lines["activity"] = _activity_codes(activity[rows], activities, rows)
    partners: Dict[str, int] = {}  # partner key (the folded name) -> its number
    organisation, spellings = texts(_partner_columns(table))
    lines["spelling"] = organisation[rows]
    lines["partner"] = np.array([partners.setdefault(fold(name), len(partners))
                                 for name in spellings] + [-1], dtype=np.int64)[
        lines["spelling"]]
    if options.count_all_organisations:
        others = attributes["other_organisations"].to_numpy()[rows]
        if any(isinstance(names, list) and names for names in others[pd.notna(others)]):
            lines, spellings = _with_other_organisations(lines, others, partners, spellings)
    lines["activity_partner"] = _activity_partners(lines, list(partners))
    return lines, {"pcode": unit_values, "specified": specified}, spellings


def _cluster_codes(table, attributes) -> np.ndarray:
    """Per row, a number for its cluster code (-1: none). A row's cluster code is that of its
    cell in the cluster column: numbered per distinct cell, not per row."""
    if "cluster" not in table.roles:
        return np.full(len(attributes), -1, dtype=np.int64)
    cells = table.factorized(table.roles["cluster"])[0]
    some_row = np.zeros(int(cells.max(initial=-1)) + 2, dtype=np.int64)  # per cell code, -1 last
    some_row[cells] = np.arange(len(cells))  # (any row with the cell: they have the same code)
    return pd.factorize(attributes["cluster_code"].to_numpy()[some_row])[0][cells]


def _activity_codes(codes: np.ndarray, texts: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """An activity is its text; a row without one is an activity of its own, known by its row
    label as text (which the same text in the activity column also means)."""
    codes = codes.copy()
    missing = codes < 0
    if missing.any():
        own = len(texts) + rows[missing]
        by_label = {int(text): code for code, text in enumerate(texts)
                    if text.isdecimal() and str(int(text)) == text}
        if by_label:
            own = pd.Series(rows[missing]).map(by_label).fillna(pd.Series(own)).to_numpy()
        codes[missing] = own
    return codes


def _activity_partners(lines, partner_values) -> np.ndarray:
    """The partner code an activity belongs to; a row without organisation counts as the
    organisation "" (a row's activity is counted even without a partner); other
    organisations' lines are no activity (-1)."""
    partner = lines["partner"].copy()
    blank = np.flatnonzero(np.asarray(partner_values, dtype=object) == "")
    partner[partner < 0] = blank[0] if len(blank) else len(partner_values)
    partner[~lines["is_row"]] = -1
    return partner


def _with_other_organisations(lines, others, partners, spellings):
    """Extra partner lines for lead/programme organisations and donors (counted as partners
    only: the row and its beneficiaries are already counted once), and the spellings with
    their names."""
    counts = np.array([len(names) if isinstance(names, list) else 0 for names in others])
    names = [name for names in others if isinstance(names, list) for name in names]
    line_of = np.repeat(np.arange(len(others)), counts)
    keep = np.array([name is not None and name == name for name in names], dtype=bool)
    line_of, names = line_of[keep], np.array(names, dtype=object)[keep]
    extra = {key: values[line_of] for key, values in lines.items()}
    extra.update(spelling=len(spellings) + np.arange(len(names)),
                 is_row=np.zeros(len(names), dtype=bool),
                 partner=np.array([partners.setdefault(fold(name), len(partners))
                                   for name in names], dtype=np.int64),
                 activity=np.full(len(names), -1, dtype=np.int64),
                 targeted=np.full(len(names), np.nan), reached=np.full(len(names), np.nan))
    return ({key: np.concatenate([lines[key], extra[key]]) for key in lines},
            np.concatenate([spellings, names]))


def _distinct_per_group(group, code_columns, groups) -> np.ndarray:
    """Number of distinct combinations of ``code_columns`` per group; lines with a code -1
    (nothing there) are not counted."""
    kept = np.logical_and.reduce([codes >= 0 for codes in code_columns])
    firsts = combinations([group[kept]] + [codes[kept] for codes in code_columns],
                          int(kept.sum()))[1]
    return np.bincount(group[kept][firsts], minlength=groups)


def _partner_lists(lines, spellings, named, group, pairs, groups) -> np.ndarray:
    """Distinct organisations per group, sorted; of several spellings of one organisation,
    always the same one (the smallest), whatever the row order. ``pairs``: the first line of
    each distinct group and partner among the ``named`` lines."""
    lists = np.full(groups, "", dtype=object)
    if not len(named):
        return lists
    partner = lines["partner"]
    smallest = _smallest_spellings(partner[named], lines["spelling"][named], spellings)
    spelling = np.empty(int(partner.max()) + 1, dtype=object)  # by partner number
    spelling[smallest.index] = smallest.to_numpy()
    order = np.zeros(len(spelling), dtype=np.int64)
    order[smallest.index] = np.unique(np.array([name.casefold() for name in smallest],
                                               dtype=object), return_inverse=True)[1]
    pairs = pairs[np.lexsort((order[partner[pairs]], group[pairs]))]
    starts = np.flatnonzero(np.diff(group[pairs], prepend=-1))
    names = spelling[partner[pairs]].tolist()
    for start, stop, number in zip(starts, np.append(starts[1:], len(names)),
                                   group[pairs][starts]):
        lists[number] = "; ".join(names[start:stop])
    return lists


def _smallest_spellings(partner, spelling, spellings) -> pd.Series:
    """The smallest spelling of each partner, by partner number; found among the distinct
    spellings of the lines (a spelling is of one partner: its folded text)."""
    shown = np.zeros(len(spellings), dtype=bool)
    shown[spelling] = True
    partner_of = np.empty(len(spellings), dtype=np.int64)
    partner_of[spelling] = partner
    smallest: Dict[int, str] = {}
    for number, text in zip(partner_of[shown].tolist(), spellings[shown].tolist()):
        if number not in smallest or text < smallest[number]:
            smallest[number] = text
    numbers = sorted(smallest)
    return pd.Series([smallest[n] for n in numbers], index=numbers, dtype=object)


def _unit_fields(pcodes, specified, units, level) -> Dict[str, np.ndarray]:
    """unit_specified, admin_level, name and parent_pcode of each unit."""
    top = min(units.levels)
    return {
        "unit_specified": specified.astype(bool),
        "admin_level": np.array([units.level_of(p) for p in pcodes], dtype=np.int64),
        "name": np.array([units.name(p) if ok else f"{units.name(p)} (admin {level} not "
                          "specified)" for p, ok in zip(pcodes, specified)], dtype=object),
        "parent_pcode": np.array([units.parent(p) if units.level_of(p) > top else None
                                  for p in pcodes], dtype=object),
    }


# QA issues ------------------------------------------------------------------------------------

class _Issue(NamedTuple):
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


def _issue(category, column=None, value=None, level=None, parent=None, rows=1, first_row=None,
           reason="", suggestion=None) -> _Issue:
    return _Issue(category, column, value, level, parent, int(rows), first_row, reason,
                  suggestion)


def _issues(table, lines, attributes, texts, units, progress) -> pd.DataFrame:
    source_row = pd.Series(table.source_rows)
    issues = [_issue("table", reason=note, rows=0) for note in table.notes]
    issues += [_issue("boundaries", reason=note, rows=0) for note in units.notes]
    issues += [_issue("skipped_row", first_row=row, reason=reason) for row, reason in table.skipped]
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
        issues += _grouped(attributes, attributes[f"{role}_problem"].notna().to_numpy(),
                           lambda a, c=column: table.column(c).loc[a.index].map(str), source_row,
                           "invalid_number", table.roles.get(role), lambda a, r=role: f"{r}: "
                           f"{a[f'{r}_problem'].iloc[0]}; not added up")
    issues += _grouped(attributes, texts(_partner_columns(table))[0] < 0,
                       lambda a: pd.Series("", index=a.index), source_row, "no_organisation",
                       table.roles.get("org"),
                       lambda a: "no implementing organisation: the row counts as an activity "
                       "but not as a partner")
    progress.step(60)
    issues += _duplicates(table)
    frame = pd.DataFrame.from_records(issues, columns=_Issue._fields)
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
        out.append(_issue(category, column, value or None, rows=len(group),
                          first_row=int(rows.min()), reason=reason_of(group)))
    return out


def _match_issues(lines: MatchLines, table) -> List[_Issue]:
    """One issue per distinct (status, method, level, value, parent, P-code) among the lines
    not simply used, ordered by those keys as text, with its lines' count, its first row and
    the reason of its first line; worked out per match, the lines only counted."""
    matches = lines.matches
    keys = [(m.status, m.method, m.raw_level, m.raw_value, m.raw_parent, m.pcode)
            for m in matches]
    key_of_match = pd.factorize(np.array(keys + [None], dtype=object)[:-1])[0]  # (1-D)
    reported = np.array([m.status != "used" or m.method in REPORTED_METHODS for m in matches],
                        dtype=bool)
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
    return [_issue(_match_category(m.status, m.method), column_of[m.raw_level], m.raw_value,
                   m.raw_level, m.raw_parent, size, int(first), m.reason, m.suggestion)
            for m, size, first in zip(firsts, sizes, lowest)]


def _match_category(status, method) -> str:
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


def _duplicates(table) -> List[_Issue]:
    """Groups of rows identical in every column. Screened on the first few columns by a hash
    of their codes (a file may have 10,000 columns; a hash needs no renumbering of keys too
    large for integers), then the rows the screen keeps compared exactly."""
    screen = [table.factorized(column)[0] for column in table.columns[:DUPLICATE_SCREEN_COLUMNS]]
    candidates = np.flatnonzero(pd.Series(_row_hashes(screen, table.height)).duplicated(
        keep=False).to_numpy())
    if not len(candidates):
        return []
    if len(table.columns) > DUPLICATE_SCREEN_COLUMNS:
        group = _row_groups(table.rows_of(candidates)[table.columns])
    else:
        group = combinations([codes[candidates] for codes in screen], len(candidates))[0]
    repeated = np.bincount(group)[group] > 1
    if not repeated.any():  # alike in the screened columns (or their hash) only
        return []
    group, source_rows = group[repeated], table.source_rows[candidates[repeated]]
    order = np.argsort(group, kind="stable")  # groups are numbered as they first come
    bounds = np.flatnonzero(np.diff(group[order], prepend=-1, append=-1))
    return [_issue("duplicate_rows", value=", ".join(map(str, rows[:10].tolist())),
                   rows=len(rows), first_row=int(rows[0]),
                   reason="identical rows: kept and counted once per partner (check whether "
                          "the partner reported the activity twice)")
            for rows in np.split(source_rows[order], bounds[1:-1])]


def _row_hashes(code_columns, rows: int) -> np.ndarray:
    """One 64-bit number per row from its codes: equal codes, equal numbers (different ones
    may rarely collide: a screen, not an answer)."""
    hashes = np.zeros(rows, dtype=np.uint64)
    for codes in code_columns:
        hashes *= _HASH_MULTIPLIER  # (wraps around: in place, no new array per column)
        # (read as unsigned: no copy; code -1 is then the largest number, still one number)
        hashes += codes.view(np.dtype(f"u{codes.dtype.itemsize}"))
    return hashes


_HASH_MULTIPLIER = np.uint64(0x9E3779B97F4A7C15)  # odd, bits well mixed (golden ratio)


def _row_groups(frame: pd.DataFrame) -> np.ndarray:
    """Per row, the number of its group of identical rows (in order of first appearance):
    whole rows compared as tuples, missing cells as None (as equal as pandas takes them)."""
    block = frame.to_numpy(dtype=object)
    block[pd.isna(block)] = None
    groups: Dict[tuple, int] = {}
    return np.fromiter((groups.setdefault(row, len(groups)) for row in map(tuple, block.tolist())),
                       dtype=np.int64, count=len(block))


# Summary --------------------------------------------------------------------------------------

def _summary(table, units, rows, per_row, level, code_cols, name_cols):
    counts = dict.fromkeys(STATUSES, 0)  # of the rows output: data rows, then skipped rows
    counts["skipped"] += len(table.skipped)
    rows_per_match = np.bincount(per_row.numbers, minlength=len(per_row.matches)).tolist()
    for match, count in zip(per_row.matches, rows_per_match):
        if match.status in counts:
            counts[match.status] += count
    data_rows = int(len(rows))
    rates = _match_rates(table, per_row, code_cols, name_cols, units.levels)
    unit_levels = units.table["admin_level"].to_numpy()
    summary = {
        "file": table.source, "sheet": table.sheet or "", "header rows":
        ", ".join(map(str, table.header_rows)), "rows below the header": data_rows,
        **{f"rows {status}": int(counts[status]) for status in STATUSES},
        "admin level of the presence": level,
        **{f"match rate admin {lvl}": f"{rate:.1%}" for lvl, rate in rates.items()},
        "boundary units": ", ".join(f"admin {lvl}: {np.count_nonzero(unit_levels == lvl)}"
                                    for lvl in units.levels),
    }
    rate_text = ", ".join(f"admin {lvl} {rate:.1%}" for lvl, rate in rates.items())
    log_line = (f"CoordMap join: {data_rows} rows read, {counts['used']} used, "
                f"{counts['rolled_up']} rolled up, {counts['unmatched']} unmatched, "
                f"{counts['skipped']} skipped; match rate {rate_text or 'n/a'}")
    return summary, log_line


def _match_rates(table, per_row, code_cols, name_cols, levels) -> Dict[int, float]:
    """Per boundary level: of the data rows giving a code or name at that level, the share
    located at it or deeper."""
    rates = {}
    # located, even if then skipped for its period
    found = _present_values(per_row.field("pcode"))[per_row.numbers]
    located_at = np.array([m.admin_level or 0 for m in per_row.matches],
                          dtype=np.int64)[per_row.numbers]
    for lvl in sorted((set(code_cols) | set(name_cols)) & set(levels)):
        given = np.zeros(per_row.row_count, dtype=bool)
        for column in (c for c in (code_cols.get(lvl), name_cols.get(lvl)) if c):
            codes, values = table.factorized(column)
            has_text = np.zeros(len(values) + 1, dtype=bool)  # (an empty cell: the last slot)
            has_text[:-1] = [_has_text(value) for value in values]
            given |= has_text[codes]
        if given.any():
            rates[lvl] = float((given & (located_at >= lvl) & found).sum() / given.sum())
    return rates


def _has_text(value) -> bool:
    """Whether a cell's value is more than blanks (text first: most cells are)."""
    return (value if isinstance(value, str) else _as_text(value)).strip() != ""
