"""join_4w: a parsed 4W table + admin units -> every row with its status, presence, QA issues.

The invariant: every data row of the table (and every blank or total row skipped under the
header) is one row of ``JoinResult.rows`` with a status among used / rolled_up / unmatched /
skipped and a reason; nothing is dropped silently.
"""
import re
from collections import Counter
from dataclasses import dataclass
from typing import Dict, List, Optional, Tuple

import numpy as np
import pandas as pd

from .boundaries import AdminUnits
from .clusters import ClusterVocabulary
from .errors import InputError
from .headers import SOURCE_ROW, Table4W, listed
from .matching import Crosswalk, Matcher, combination_keys, combinations
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
THOUSANDS = re.compile(r"(?<=\d)[,'](?=\d{3}\b)")
ALL_ORGANISATION_ROLES = ("lead_org", "donor")
MAX_PEOPLE = 1_000_000_000  # a people count above this is a typo or a pasted code, not people
PRESENCE_KEYS = ["unit", "cluster_key", "period_key"]
DUPLICATE_SCREEN_COLUMNS = 20  # duplicate rows are looked for in these first, then in all


@dataclass
class JoinOptions:
    admin_level: Optional[int] = None  # None: the deepest level both the table and layer have
    period: str = "all"  # all | month | quarter
    default_year: Optional[int] = None
    count_all_organisations: bool = False  # also count lead/programme organisations and donors


@dataclass
class JoinResult:
    rows: pd.DataFrame  # one row per data row: ROW_FIELDS + the original columns
    matches: pd.DataFrame  # the matcher's frame (a split row has one line per unit)
    presence: pd.DataFrame  # PRESENCE_FIELDS, one row per unit x cluster (x period)
    issues: pd.DataFrame  # the QA report's issues table (report.ISSUE_COLUMNS)
    mapping: pd.DataFrame  # role, column, source
    summary: Dict[str, object]
    admin_level: int
    log_line: str


def join_4w(table: Table4W, units: AdminUnits, options: Optional[JoinOptions] = None,
            crosswalk: Optional[Crosswalk] = None, clusters: Optional[ClusterVocabulary] = None,
            progress: Progress = SILENT) -> JoinResult:
    options = options or JoinOptions()
    if options.period not in PERIOD_MODES:
        raise InputError(f"period must be one of {', '.join(PERIOD_MODES)}, not {options.period!r}")
    data = table.data  # read only here: no copy of the whole table unless its index needs one
    if not data.index.equals(pd.RangeIndex(len(data))):
        data = data.reset_index(drop=True)
    if data.empty and not table.skipped:
        raise InputError(f"{table.where}: the table has a header (row "
                         f"{', '.join(map(str, table.header_rows))}) but no data rows under it")
    code_cols, name_cols = _location_columns(table)
    level = _target_level(table, units, options.admin_level, code_cols, name_cols)
    progress.step(5, f"Matching locations at admin {level}")
    matches = _match_locations(table, data, units, level, code_cols, name_cols, crosswalk)
    progress.step(55, "Normalising clusters, periods and partners")
    attributes = _row_attributes(table, data, clusters or ClusterVocabulary.load(), options)
    progress.step(70, "Counting partners per unit")
    per_row = _status_per_row(_matches_per_row(matches), attributes, options)
    progress.step(74)  # large tables take seconds per step: keep the bar moving
    rows = _rows_output(table, data, per_row, attributes, options, progress.within(74, 80))
    progress.step(80)
    counted = per_row["status"].isin(["used", "rolled_up"]).to_numpy()
    presence = _presence(table, matches["pcode"][counted[matches.index.to_numpy()]],
                         attributes, units, level, progress.within(80, 90))
    progress.step(90, "Writing the QA report")
    issues = _issues(table, data, matches, attributes, rows, units, progress.within(90, 97))
    progress.step(97)
    summary, log_line = _summary(table, units, rows, per_row, level, code_cols, name_cols)
    mapping = pd.DataFrame(
        [(role, column, table.role_sources.get(role, "")) for role, column in table.roles.items()],
        columns=["role", "column", "source"])
    return JoinResult(rows, matches, presence, issues, mapping, summary, level, log_line)


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


def _match_locations(table, data, units, level, code_cols, name_cols, crosswalk) -> pd.DataFrame:
    matcher = Matcher(units, crosswalk=crosswalk, target_level=level)
    matches = matcher.resolve_frame(data, code_cols, name_cols, table.factorized)
    if {"lat", "lon"} <= set(table.roles):
        matches = _locate_points(table, data, units, level, matches)
    return matches


def _locate_points(table, data, units, level, matches):
    """Rows with coordinates and no location found by code or name: point in polygon."""
    lon = pd.to_numeric(data[table.roles["lon"]], errors="coerce")
    lat = pd.to_numeric(data[table.roles["lat"]], errors="coerce")
    open_rows = matches["pcode"].isna() & (matches["match_method"] != "national") & \
        ~matches.index.duplicated(keep=False)
    candidates = matches.index[open_rows]
    candidates = candidates[lon.loc[candidates].notna().values & lat.loc[candidates].notna().values]
    if len(candidates) == 0:
        return matches
    found = units.locate(lon.loc[candidates].values, lat.loc[candidates].values, level)
    hit = pd.Series(found, index=candidates).dropna()
    positions = np.flatnonzero(open_rows.values & matches.index.isin(hit.index))
    matches = matches.copy()
    for column, values in (
        ("pcode", hit.loc[matches.index[positions]].values),
        ("admin_level", level), ("match_method", "point_in_polygon"), ("match_score", 1.0),
        ("status", "used"), ("reason", "located by its coordinates"), ("suggestion", None),
    ):
        matches.iloc[positions, matches.columns.get_loc(column)] = values
    return matches


# Clusters, periods, partners, numbers ---------------------------------------------------------

def map_unique(series: pd.Series, func) -> pd.Series:
    """``func`` applied once per distinct value (4W columns repeat a few values many times);
    missing values stay None."""
    # (numpy's array rather than the Series when that is the same: half the cost per call, and
    # a table may have 10,000 columns)
    values = series.to_numpy() if series.dtype == object else series
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    mapped = np.empty(len(uniques) + 1, dtype=object)
    mapped[:-1] = [func(value) for value in uniques]
    mapped[-1] = None
    return pd.Series(mapped[codes], index=series.index, dtype=object)


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


def _per_value(table, column, func) -> Tuple[np.ndarray, np.ndarray]:
    """(codes, ``func`` of each distinct value of ``column`` with None last): ``mapped[codes]``
    is the row's result, a row with an empty cell gets None."""
    codes, values = table.factorized(column)
    mapped = np.empty(len(values) + 1, dtype=object)
    mapped[:-1] = [func(value) for value in values]
    mapped[-1] = None
    return codes, mapped


def _per_value_is(table, column, predicate, empty: bool = False) -> np.ndarray:
    """Per row: ``predicate`` of its cell in ``column``, worked out per distinct value;
    ``empty`` for an empty cell."""
    codes, values = table.factorized(column)
    return np.array([bool(predicate(value)) for value in values] + [empty], dtype=bool)[codes]


def _row_attributes(table, data, clusters, options) -> pd.DataFrame:
    roles = table.roles
    out = {}
    if "cluster" in roles:
        column = roles["cluster"]
        normalised = clusters.normalise_series(data[column], table.factorized(column))
        out.update((name, normalised[name]) for name in normalised.columns)
    else:
        out["cluster_code"], out["cluster_name"] = None, None
        out["cluster_known"], out["cluster_note"] = False, "no cluster column"
    period_roles = [role for role in PERIOD_ROLES if role in roles]
    if period_roles:
        periods = parse_periods({role: data[roles[role]] for role in period_roles},
                                options.default_year,
                                {role: _present(table, roles[role]) for role in period_roles})
        out.update((name, periods[name]) for name in periods.columns)
    else:
        out["period_start"], out["period_end"] = pd.NaT, pd.NaT
        out["period"], out["period_note"] = None, "no period column"
    out = pd.DataFrame(out, index=data.index)
    out["period_key"] = _period_key(out, options.period)
    out["organisation"] = _first_text(table, _partner_columns(table))
    extra = [roles[r] for r in ALL_ORGANISATION_ROLES if r in roles]
    out["other_organisations"] = _all_texts(table, extra) if options.count_all_organisations \
        and extra else None
    for role in ("targeted", "reached"):
        out[role], out[f"{role}_problem"] = _numbers(table, data, roles.get(role))
    out["activity"] = _first_text(table, _role_columns(table, "activity"))
    return out


def _period_key(attributes, mode):
    """The presence period of each row; None where the row's period is coarser than asked."""
    period = attributes["period"].astype(object)
    if mode == "month":
        return period.where(per_distinct(period, lambda p: p.str.fullmatch(r"\d{4}-\d{2}",
                                                                           na=False)))
    if mode == "quarter":
        quarter = per_distinct(attributes["period_start"], lambda start: start.dt.year.astype(
            "Int64").astype(str) + "-Q" + start.dt.quarter.astype("Int64").astype(str))
        return quarter.where(per_distinct(period, lambda p: p.str.fullmatch(
            r"\d{4}-(\d{2}|Q[1-4])", na=False)))
    if not attributes["period"].notna().any():
        return pd.Series("all", index=attributes.index)
    first, last = attributes["period_start"].min(), attributes["period_end"].max()
    span = f"{first:%Y-%m}/{last:%Y-%m}" if pd.notna(first) and pd.notna(last) else "all"
    return pd.Series(span, index=attributes.index)


def _first_text(table, columns) -> np.ndarray:
    """The first non-blank text among ``columns`` per row (None when all blank)."""
    codes, texts = _first_text_codes(table, columns)
    return np.append(texts, None if columns else np.nan)[codes]  # (NaN: as pandas fills it)


def _first_text_codes(table, columns) -> Tuple[np.ndarray, np.ndarray]:
    """Per row, the first non-blank text among ``columns`` (runs of spaces made one) as its
    number among the distinct texts (-1: none); worked out per distinct value of a column."""
    texts: Dict[str, int] = {}
    result = np.full(len(table.data), -1, dtype=np.int64)
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
    texts = [_first_text(table, [column]) for column in columns]
    return pd.Series([[t for t in values if t is not None] for values in zip(*texts)],
                     dtype=object).to_numpy()


def _numbers(table, data, column):
    """People counts as numbers; text that is not a count is reported, negatives too."""
    if column is None:
        return pd.Series(np.nan, index=data.index), pd.Series(None, index=data.index, dtype=object)
    codes, values = _present(table, column)  # (the header's text must not make counts floats)
    if (codes < 0).any():
        values = np.append(values, None)  # the empty cells' code -1 takes it
    numbers, problem = _counts_of(pd.Series(values, dtype=object))
    return (pd.Series(numbers.to_numpy()[codes], index=data.index),
            pd.Series(problem.to_numpy()[codes], index=data.index, dtype=object))


def _counts_of(values: pd.Series):
    """_numbers for distinct cell values (the checks cost what distinct values cost)."""
    text = map_unique(values,
                      lambda v: str(v).strip().replace("\u00a0", "").replace(" ", ""))
    cleaned = map_unique(text, lambda v: THOUSANDS.sub("", v))
    numbers = pd.to_numeric(cleaned, errors="coerce")
    numbers = numbers.where(np.isfinite(numbers.astype(float)))  # 'inf' and 'nan' are text
    unread = text[numbers.isna()]  # (only these can be blank: no pattern test for the others)
    blank = unread.isna() | (unread == "") | unread.str.fullmatch(r"(?i)-|n/?a|#n/a|none",
                                                                  na=False)
    problem = pd.Series(None, index=values.index, dtype=object)
    problem.loc[blank.index[~blank.to_numpy(dtype=bool)]] = "not a number"
    problem[numbers < 0] = "negative number"
    problem[numbers > MAX_PEOPLE] = f"more than {MAX_PEOPLE:,} people: implausible"
    numbers = numbers.where((numbers >= 0) & (numbers <= MAX_PEOPLE))
    return numbers, problem


# Rows output ----------------------------------------------------------------------------------

def _status_per_row(per_row, attributes, options) -> pd.DataFrame:
    """Rows whose period is needed (presence per month/quarter) but unknown are skipped."""
    if options.period == "all":
        return per_row
    per_row = per_row.copy()
    no_period = per_row["status"].isin(["used", "rolled_up"]) & attributes["period_key"].isna()
    per_row.loc[no_period, "status"] = "skipped"
    note = attributes.loc[no_period, "period_note"].fillna("")
    asked = "a month" if options.period == "month" else "a quarter"
    per_row.loc[no_period, "reason"] = f"no usable period: presence per {options.period} needs " \
        f"{asked}; " + note.where(note != "", "period given: " + attributes.loc[
            no_period, "period"].fillna("none").astype(str)) + "; location: " + \
        per_row.loc[no_period, "reason"].fillna("")
    return per_row


def _rows_output(table, data, per_row, attributes, options, progress) -> pd.DataFrame:
    fields = {
        "status": per_row["status"].astype(object), "reason": per_row["reason"].astype(object),
        "pcode": per_row["pcode"],
        "admin_level": per_row["admin_level"].astype("Int64"),
        "match_method": per_row["match_method"], "match_score": per_row["match_score"],
        "suggestion": per_row["suggestion"],
        "cluster": attributes["cluster_code"], "cluster_name": attributes["cluster_name"],
        "period": attributes["period_key"] if options.period != "all" else attributes["period"],
        "organisation": attributes["organisation"],
        # Role-resolved values, so downstream steps (gaps, overlaps) need no column mapping.
        "activity": attributes["activity"],
        "period_start": _iso_dates(attributes["period_start"]),
        "period_end": _iso_dates(attributes["period_end"]),
        "activity_status": _texts_of(data, _first_text(table, _role_columns(table, "status"))),
        "modality": _texts_of(data, _first_text(table, _role_columns(table, "modality"))),
        "targeted": attributes["targeted"], "reached": attributes["reached"],
    }
    progress.step(40)
    columns = list(fields.items()) + _original_columns(table, data)
    progress.step(60)
    return _in_file_order(data, columns, table.skipped)


def _in_file_order(data, columns, skipped) -> pd.DataFrame:
    """One frame: source_row, then ``columns`` (name, Series on data.index, a RangeIndex), with
    the blank and total rows under the header added as skipped rows (they are rows too), all
    sorted by file row. The text columns are written straight into the frame's one block of
    text (no second copy of the whole table); the typed ones are added to it."""
    source_row = np.concatenate([data[SOURCE_ROW].to_numpy(dtype=np.int64),
                                 np.array([row for row, _ in skipped], dtype=np.int64)])
    order = np.argsort(source_row, kind="stable")  # labels >= len(data): skipped rows
    texts = [(name, series) for name, series in columns if series.dtype == object]
    block = np.empty((len(order), len(texts)), dtype=object, order="F")
    copy_rows = _row_copier(order, len(data))
    for position, (_, series) in enumerate(texts):  # (on a RangeIndex: positions are labels)
        copy_rows(series.to_numpy(), block[:, position])
    frame = pd.DataFrame(block, columns=[name for name, _ in texts], dtype=object, copy=False)
    frame.insert(0, "source_row", source_row[order])
    for position, (name, series) in enumerate(columns, 1):
        if series.dtype != object:
            frame.insert(position, name, _plain(series.reindex(order)), allow_duplicates=True)
    extra = np.flatnonzero(order >= len(data))
    if len(extra):
        frame.loc[extra, "status"] = "skipped"
        frame.loc[extra, "reason"] = [skipped[i][1] for i in order[extra] - len(data)]
    return frame


def _row_copier(order: np.ndarray, data_rows: int):
    """A function copying a column's values to the output's rows in ``order`` (positions >=
    ``data_rows``: skipped rows, NaN). A table in file order with a few skipped rows is a few
    stretches of consecutive rows: copied as slices, not gathered row by row."""
    starts = np.flatnonzero(np.diff(order, prepend=-2) != 1)  # where a stretch begins
    if len(starts) * 64 > len(order):  # rows in no useful order: gather them
        by_position = np.minimum(order, data_rows)  # a skipped row: the NaN after the values

        def gather(values, target):
            target[:] = np.append(values, np.nan)[by_position]
        return gather
    stretches = list(zip(starts.tolist(), np.append(starts[1:], len(order)).tolist(),
                         order[starts].tolist()))

    def copy_stretches(values, target):
        for start, stop, first in stretches:
            target[start:stop] = values[first:first + stop - start] if first < data_rows \
                else np.nan
    return copy_stretches


def _plain(series: pd.Series):
    """The values of ``series`` for a frame: a numpy array, or its extension array (Int64)."""
    return series.array if isinstance(series.dtype, pd.api.extensions.ExtensionDtype) \
        else series.to_numpy()


def _texts_of(data, texts: np.ndarray) -> pd.Series:
    return pd.Series(texts, index=data.index, dtype=object)


def _partner_columns(table):
    return [table.roles[role] for role in PARTNER_ROLES if role in table.roles]


def _role_columns(table, role):
    return [table.roles[role]] if role in table.roles else []


def _iso_dates(values: pd.Series) -> pd.Series:
    return per_distinct(values, _iso_date_texts)


def _iso_date_texts(values: pd.Series) -> pd.Series:
    dates = pd.to_datetime(values, errors="coerce")
    return dates.dt.strftime("%Y-%m-%d").where(dates.notna(), None).astype(object)


def _matches_per_row(matches) -> pd.DataFrame:
    """One line per input row: split cells list their units, the best status wins."""
    split = matches.index.duplicated(keep=False)
    if not split.any():
        return matches  # (not a copy: nothing changes it)
    single = matches[~split]
    parts = matches[split]
    rank = parts["status"].map({"used": 0, "rolled_up": 1, "unmatched": 2})
    grouped = parts.assign(_rank=rank).groupby(level=0, sort=False)
    joined = grouped.agg(
        pcode=("pcode", lambda s: ";".join(s.dropna().astype(str)) or None),
        admin_level=("admin_level", "max"), match_method=("match_method", lambda s: "split"),
        match_score=("match_score", "min"), _rank=("_rank", "min"),
        reason=("reason", lambda s: " | ".join(s.astype(str))),
        suggestion=("suggestion", lambda s: " | ".join(s.dropna().astype(str)) or None))
    joined["status"] = joined["_rank"].map({0: "used", 1: "rolled_up", 2: "unmatched"})
    return pd.concat([single, joined.drop(columns="_rank")]).sort_index()


def _original_columns(table, data) -> List[Tuple[str, pd.Series]]:
    """The row's cells as given, as text, under their own column names."""
    return [(original_field_name(column), _as_texts(table, column, data[column]))
            for column in table.columns]


def _as_texts(table, column, values: pd.Series) -> pd.Series:
    """Decided per distinct value (numpy, not pandas, per column: a file may have 10,000)."""
    codes, distinct = table.factorized(column)
    not_text = [code for code, value in enumerate(distinct) if not isinstance(value, str)]
    if not not_text or not np.isin(codes, not_text).any():  # text already
        missing = codes < 0
        if all(value is None for value in values.to_numpy()[missing]):
            return values  # nothing to change: no copy of a column of a large table
        return values.where(~missing, None)
    codes, texts = _per_value(table, column, _as_text)
    return pd.Series(texts[codes], index=values.index, dtype=object)


def original_field_name(column: str) -> str:
    """Output name of an original column: GeoPackage and Shapefile names ignore case."""
    clash = column.casefold() in {name.casefold() for name in ROW_FIELDS}
    return f"orig_{column}" if clash else column


def _as_text(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


# Presence -------------------------------------------------------------------------------------

def _presence(table, located, attributes, units, level, progress) -> pd.DataFrame:
    """Partners per unit x cluster x period, from the P-codes of the rows that count (labels:
    the rows' positions; a split row has one line per unit). Lines are grouped and counted on
    integer codes: each text is hashed once, not once per step."""
    located = located[located.notna()]
    if located.empty:
        return pd.DataFrame(columns=PRESENCE_FIELDS)
    progress.step(10)
    lines = _presence_lines(table, located, attributes, units, level)
    progress.step(40)
    group, firsts = combinations([lines["unit"], lines["cluster"], lines["period"]],
                                 len(lines["unit"]))
    # The groups' keys as pandas types and sorts them (None and NaN alike), in that order.
    keys = pd.DataFrame({key: lines[f"{key}_value"][firsts] for key in PRESENCE_KEYS})
    order = keys.groupby(PRESENCE_KEYS, sort=True, dropna=False).ngroup().to_numpy()
    by_group = np.argsort(order)  # position in the sorted keys -> group number
    presence = keys.iloc[by_group].reset_index(drop=True)
    counted = {
        "partners": _distinct_per_group(group, [lines["partner"]], len(firsts)),
        "rows": np.bincount(group, weights=lines["is_row"], minlength=len(firsts)),
        "activities": _distinct_per_group(group, [lines["activity_partner"], lines["activity"]],
                                          len(firsts)),
    }
    for column, values in counted.items():
        presence[column] = values[by_group].astype(np.int64)
    presence["cluster_name"] = _first_valid(lines["cluster_name"], group, firsts)[by_group]
    for column in ("targeted", "reached"):
        presence[column] = pd.Series(lines[column]).groupby(group).sum(min_count=1).to_numpy()[
            by_group]
    progress.step(70)
    presence["partner_list"] = _partner_lists(lines, group, len(firsts))[by_group]
    # Unit fields per unit, from its first row's line (other organisations' lines come last).
    unit_of_line, firsts_of_units = combinations([lines["unit"][:len(located)]], len(located))
    per_unit = _unit_fields(lines["unit_value"][firsts_of_units],
                            lines["unit_specified"][firsts_of_units], units, level)
    for column, values in per_unit.items():
        presence[column] = values[unit_of_line[firsts][by_group]]
    presence["pcode"] = presence["unit"]
    presence = presence.rename(columns={"cluster_key": "cluster", "period_key": "period"})
    return presence[PRESENCE_FIELDS].sort_values(
        ["admin_level", "pcode", "cluster", "period"], na_position="last").reset_index(drop=True)


def _first_valid(values: np.ndarray, group: np.ndarray, firsts: np.ndarray) -> np.ndarray:
    """The first value that is not missing of each group (``firsts``: each group's first
    line): its first line's, unless that one is missing."""
    head = values[firsts]
    if pd.notna(head).all():
        return head
    return pd.Series(values).groupby(group).first().to_numpy()


def _presence_lines(table, located, attributes, units, level) -> Dict[str, np.ndarray]:
    """Per line (a located row; then one per other organisation, when counted): integer codes
    of unit, cluster, period, partner and activity (-1: none) and the values to add up."""
    rows = located.index.to_numpy()
    pcodes, distinct_pcodes = pd.factorize(located.to_numpy())
    unit_of = [units.ancestor_or_self(p, level) if units.level_of(p) >= level else None
               for p in distinct_pcodes]  # None: the "unit not specified" bucket of p itself
    unit_codes, unit_values = pd.factorize(np.array(
        [unit if unit is not None else p for unit, p in zip(unit_of, distinct_pcodes)],
        dtype=object))
    split = located.index.duplicated(keep=False)
    lines = {"unit": unit_codes[pcodes], "unit_value": unit_values[unit_codes[pcodes]],
             "unit_specified": np.array([unit is not None for unit in unit_of])[pcodes],
             "cluster_name": attributes["cluster_name"].to_numpy()[rows],
             "partner_display": attributes["organisation"].to_numpy()[rows],
             "is_row": np.ones(len(rows), dtype=bool)}
    for key, column in (("cluster", "cluster_code"), ("period", "period_key")):
        lines[f"{key}_key_value"] = attributes[column].to_numpy()[rows]
        lines[key] = pd.factorize(lines[f"{key}_key_value"])[0]
    for column in ("targeted", "reached"):  # a split row's numbers go nowhere: no unit gets them
        lines[column] = pd.Series(attributes[column].to_numpy()[rows]).where(~split).to_numpy()
    activity, activities = _first_text_codes(table, _role_columns(table, "activity"))
    lines["activity"] = _activity_codes(activity[rows], activities, rows)
    partners: Dict[str, int] = {}  # partner key (the folded name) -> its number
    organisation, organisations = _first_text_codes(table, _partner_columns(table))
    lines["partner"] = np.array([partners.setdefault(fold(name), len(partners))
                                 for name in organisations] + [-1], dtype=np.int64)[
        organisation[rows]]
    others = attributes["other_organisations"].to_numpy()[rows]
    listed = others[pd.notna(others)]  # (None unless other organisations are counted)
    if any(isinstance(names, list) and names for names in listed):
        lines = _with_other_organisations(lines, others, partners)
    lines["activity_partner"] = _activity_partners(lines, list(partners))
    return lines


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


def _with_other_organisations(lines, others, partners) -> Dict[str, np.ndarray]:
    """Extra partner lines for lead/programme organisations and donors (counted as partners
    only: the row and its beneficiaries are already counted once)."""
    counts = np.array([len(names) if isinstance(names, list) else 0 for names in others])
    names = [name for names in others if isinstance(names, list) for name in names]
    line_of = np.repeat(np.arange(len(others)), counts)
    keep = np.array([name is not None and name == name for name in names], dtype=bool)
    line_of, names = line_of[keep], np.array(names, dtype=object)[keep]
    extra = {key: values[line_of] for key, values in lines.items()}
    extra.update(partner_display=names, is_row=np.zeros(len(names), dtype=bool),
                 partner=np.array([partners.setdefault(fold(name), len(partners))
                                   for name in names], dtype=np.int64),
                 activity=np.full(len(names), -1, dtype=np.int64),
                 targeted=np.full(len(names), np.nan), reached=np.full(len(names), np.nan),
                 cluster_name=np.full(len(names), np.nan, dtype=object))
    return {key: np.concatenate([lines[key], extra[key]]) for key in lines}


def _distinct_per_group(group, code_columns, groups) -> np.ndarray:
    """Number of distinct combinations of ``code_columns`` per group; lines with a code -1
    (nothing there) are not counted."""
    kept = np.logical_and.reduce([codes >= 0 for codes in code_columns])
    firsts = combinations([group[kept]] + [codes[kept] for codes in code_columns],
                          int(kept.sum()))[1]
    return np.bincount(group[kept][firsts], minlength=groups)


def _partner_lists(lines, group, groups) -> np.ndarray:
    """Distinct organisations per group, sorted; of several spellings of one organisation,
    always the same one (the smallest), whatever the row order."""
    lists = np.full(groups, "", dtype=object)
    named = lines["partner"] >= 0
    if not named.any():
        return lists
    partner, group = lines["partner"][named], group[named]
    smallest = pd.Series(lines["partner_display"][named]).groupby(partner).min()
    spelling = np.empty(int(partner.max()) + 1, dtype=object)  # by partner number
    spelling[smallest.index] = smallest.to_numpy()
    order = np.zeros(len(spelling), dtype=np.int64)
    order[smallest.index] = np.unique(np.array([name.casefold() for name in smallest],
                                               dtype=object), return_inverse=True)[1]
    firsts = combinations([group, partner], len(group))[1]  # distinct pairs, as they come
    pairs = firsts[np.lexsort((order[partner[firsts]], group[firsts]))]
    starts = np.flatnonzero(np.diff(group[pairs], prepend=-1))
    names = spelling[partner[pairs]].tolist()
    for start, stop, number in zip(starts, np.append(starts[1:], len(names)),
                                   group[pairs][starts]):
        lists[number] = "; ".join(names[start:stop])
    return lists


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

def _issue(category, column=None, value=None, level=None, parent=None, rows=1, first_row=None,
           reason="", suggestion=None):
    return {"category": category, "column": column, "value": value, "level": level,
            "parent": parent, "rows": int(rows), "first_row": first_row, "reason": reason,
            "suggestion": suggestion}


def _issues(table, data, matches, attributes, rows, units, progress) -> pd.DataFrame:
    source_row = data[SOURCE_ROW]
    issues = [_issue("table", reason=note, rows=0) for note in table.notes]
    issues += [_issue("boundaries", reason=note, rows=0) for note in units.notes]
    issues += [_issue("skipped_row", first_row=row, reason=reason) for row, reason in table.skipped]
    issues += _match_issues(matches, source_row, table)
    progress.step(30)
    issues += _grouped(attributes[~attributes["cluster_known"].astype(bool)], source_row,
                       "cluster_code", "unknown_cluster", table.roles.get("cluster"),
                       lambda a: a["cluster_note"].iloc[0] or "cluster not recognised; kept "
                       "as given (add it to a cluster vocabulary file to map it)")
    notes = attributes["period_note"].to_numpy()
    issues += _grouped(attributes[(notes != "") & pd.notna(notes)], source_row,
                       "period_note", "period", None, lambda a: a["period_note"].iloc[0])
    for role in ("targeted", "reached"):
        bad = attributes[attributes[f"{role}_problem"].notna()]
        issues += _grouped(bad.assign(raw=data.loc[bad.index, table.roles[role]].map(str))
                           if len(bad) else bad, source_row, "raw", "invalid_number",
                           table.roles.get(role), lambda a, r=role: f"{r}: "
                           f"{a[f'{r}_problem'].iloc[0]}; not added up")
    issues += _grouped(attributes[attributes["organisation"].isna()].assign(v=""), source_row,
                       "v", "no_organisation", table.roles.get("org"),
                       lambda a: "no implementing organisation: the row counts as an activity "
                       "but not as a partner")
    progress.step(60)
    issues += _duplicates(table, data)
    frame = pd.DataFrame(issues, columns=list(_issue("x")))
    frame["level"] = frame["level"].astype("Int64")
    frame["first_row"] = frame["first_row"].astype("Int64")
    return frame


def _grouped(subset, source_row, key, category, column, reason_of):
    if subset.empty:
        return []
    out = []
    for value, group in subset.groupby(subset[key].fillna(""), sort=True):
        rows = source_row.loc[group.index]
        out.append(_issue(category, column, value or None, rows=len(group),
                          first_row=int(rows.min()), reason=reason_of(group)))
    return out


def _match_issues(matches, source_row, table) -> List[dict]:
    reportable = matches[_per_distinct_is(matches["status"], lambda s: s != "used") |
                         _per_distinct_is(matches["match_method"], lambda m: m in (
                             "normalised", "name_fuzzy", "split", "crosswalk", "derived"))]
    if reportable.empty:
        return []
    first_rows = source_row.to_numpy()[reportable.index.to_numpy()]
    keys = ["status", "match_method", "raw_level", "raw_value", "raw_parent", "pcode"]
    # One issue per distinct key, issues ordered by the keys as text (the columns hold text
    # and None, raw_level numbers and <NA>: equal as values exactly when equal as text).
    group, heads = combinations([pd.factorize(reportable[k])[0] for k in keys], len(reportable))
    head_rows = reportable.iloc[heads]
    as_text = list(zip(*(head_rows[k].astype(str) for k in keys)))
    rank = np.empty(len(heads), dtype=np.int64)
    rank[sorted(range(len(heads)), key=as_text.__getitem__)] = np.arange(len(heads))
    order = np.argsort(rank[group], kind="stable")  # by group, rows in table order
    starts = np.flatnonzero(np.diff(rank[group][order], prepend=-1))
    sizes = np.diff(np.append(starts, len(order)))
    lowest = np.minimum.reduceat(first_rows[order], starts)
    first_of_each = reportable.iloc[order[starts]]
    fields = {k: first_of_each[k].tolist() for k in ("status", "match_method", "raw_level",
                                                      "raw_value", "raw_parent", "reason",
                                                      "suggestion")}
    heads = (dict(zip(fields, values)) for values in zip(*fields.values()))
    return [_issue(_match_category(head), _column_of(table, head["raw_level"]), head["raw_value"],
                   _int_or_none(head["raw_level"]), head["raw_parent"], size, int(first),
                   head["reason"], head["suggestion"])
            for head, size, first in zip(heads, sizes, lowest)]


def _per_distinct_is(values: pd.Series, predicate) -> np.ndarray:
    """``predicate`` per row, worked out per distinct value (a column of a few values)."""
    codes, distinct = pd.factorize(values.to_numpy())
    return np.array([bool(predicate(value)) for value in distinct] + [bool(predicate(None))],
                    dtype=bool)[codes]  # (code -1, a missing value, takes the last)


def _match_category(match) -> str:
    if match["status"] == "rolled_up":
        return "rolled_up"
    if match["status"] == "unmatched":
        return "national_coverage" if match["match_method"] == "national" else "unmatched_location"
    return {"normalised": "irregular_pcode", "name_fuzzy": "fuzzy_name_match",
            "split": "split_cell", "crosswalk": "crosswalk_match",
            "derived": "derived_pcode"}.get(match["match_method"], "location")


def _column_of(table, level):
    level = _int_or_none(level)
    if level is None:
        return None
    return table.roles.get(f"adm{level}_code") or table.roles.get(f"adm{level}_name")


def _int_or_none(value):
    return None if value is None or pd.isna(value) else int(value)


def _duplicates(table, data) -> List[dict]:
    # Rows identical in every column are identical in the first few: only the rows that are
    # are compared in all (a file may have 10,000 columns).
    screen = [table.factorized(column)[0] for column in table.columns[:DUPLICATE_SCREEN_COLUMNS]]
    duplicated = pd.Series(combination_keys(screen, len(data)), index=data.index).duplicated(
        keep=False)
    if len(table.columns) > DUPLICATE_SCREEN_COLUMNS and duplicated.any():
        duplicated[duplicated] = _duplicated_rows(data.loc[duplicated, table.columns])
    if not duplicated.any():
        return []
    subset = data[duplicated]
    groups = subset.groupby(subset[table.columns].astype(str).agg("|".join, axis=1), sort=False)
    return [_issue("duplicate_rows", value=", ".join(map(str, g[SOURCE_ROW].head(10))),
                   rows=len(g), first_row=int(g[SOURCE_ROW].min()),
                   reason="identical rows: kept and counted once per partner (check whether "
                          "the partner reported the activity twice)") for _, g in groups]


def _duplicated_rows(frame: pd.DataFrame) -> np.ndarray:
    """``frame.duplicated(keep=False)`` without a pass per column: whole rows compared as
    tuples, missing cells as None (as equal as pandas takes them)."""
    block = frame.to_numpy(dtype=object)
    block[pd.isna(block)] = None
    rows = list(map(tuple, block.tolist()))
    counts = Counter(rows)
    return np.fromiter((counts[row] > 1 for row in rows), dtype=bool, count=len(rows))


# Summary --------------------------------------------------------------------------------------

def _summary(table, units, rows, per_row, level, code_cols, name_cols):
    counts = rows["status"].value_counts().reindex(STATUSES, fill_value=0)
    data_rows = int(len(rows))
    rates = _match_rates(table, per_row, code_cols, name_cols, units.levels)
    summary = {
        "file": table.source, "sheet": table.sheet or "", "header rows":
        ", ".join(map(str, table.header_rows)), "rows below the header": data_rows,
        **{f"rows {status}": int(counts[status]) for status in STATUSES},
        "admin level of the presence": level,
        **{f"match rate admin {lvl}": f"{rate:.1%}" for lvl, rate in rates.items()},
        "boundary units": ", ".join(f"admin {lvl}: {len(units.at_level(lvl))}"
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
    found = per_row["pcode"].notna().to_numpy()  # located, even if then skipped for its period
    located_at = per_row["admin_level"].fillna(0).astype(int).to_numpy()
    for lvl in sorted((set(code_cols) | set(name_cols)) & set(levels)):
        given = np.zeros(len(per_row), dtype=bool)
        for column in (c for c in (code_cols.get(lvl), name_cols.get(lvl)) if c):
            given |= _per_value_is(table, column, lambda v: _as_text(v).strip() != "")
        if given.any():
            rates[lvl] = float((given & (located_at >= lvl) & found).sum() / given.sum())
    return rates
