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
from .matching import Crosswalk, Matcher
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
PRESENCE_ATTRIBUTES = ["cluster_code", "cluster_name", "period_key", "organisation",
                       "other_organisations", "targeted", "reached", "activity"]
MAX_PEOPLE = 1_000_000_000  # a people count above this is a typo or a pasted code, not people
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
    counted = per_row.index[per_row["status"].isin(["used", "rolled_up"])]
    presence = _presence(matches.loc[matches.index.isin(counted), ["pcode"]], attributes, units,
                         level, progress.within(80, 90))
    progress.step(90, "Writing the QA report")
    issues = _issues(table, data, matches, attributes, rows, units, progress.within(90, 97))
    progress.step(97)
    summary, log_line = _summary(table, units, rows, matches, level, code_cols, name_cols)
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
    matches = matcher.resolve_frame(data, code_cols, name_cols)
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


def _row_attributes(table, data, clusters, options) -> pd.DataFrame:
    roles = table.roles
    out = pd.DataFrame(index=data.index)
    if "cluster" in roles:
        out = out.join(clusters.normalise_series(data[roles["cluster"]]))
    else:
        out["cluster_code"], out["cluster_name"] = None, None
        out["cluster_known"], out["cluster_note"] = False, "no cluster column"
    period_columns = {role: data[roles[role]] for role in PERIOD_ROLES if role in roles}
    if period_columns:
        out = out.join(parse_periods(period_columns, options.default_year))
    else:
        out["period_start"], out["period_end"] = pd.NaT, pd.NaT
        out["period"], out["period_note"] = None, "no period column"
    out["period_key"] = _period_key(out, options.period)
    out["organisation"] = _first_text(data, [roles[r] for r in PARTNER_ROLES if r in roles])
    extra = [roles[r] for r in ALL_ORGANISATION_ROLES if r in roles]
    out["other_organisations"] = _all_texts(data, extra) if options.count_all_organisations \
        and extra else None
    for role in ("targeted", "reached"):
        out[role], out[f"{role}_problem"] = _numbers(data, roles.get(role))
    out["activity"] = _first_text(data, [roles["activity"]] if "activity" in roles else [])
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
    known = attributes["period"].dropna()
    if known.empty:
        return pd.Series("all", index=attributes.index)
    first, last = attributes["period_start"].min(), attributes["period_end"].max()
    span = f"{first:%Y-%m}/{last:%Y-%m}" if pd.notna(first) and pd.notna(last) else "all"
    return pd.Series(span, index=attributes.index)


def _first_text(data, columns) -> pd.Series:
    """The first non-blank text among ``columns`` per row (None when all blank)."""
    result = pd.Series(None, index=data.index, dtype=object)
    for column in columns:
        text = map_unique(data[column], lambda v: " ".join(str(v).split()) or None)
        result = result.where(result.notna(), text)
    return result


def _all_texts(data, columns) -> pd.Series:
    """Every non-blank text among ``columns`` per row (a list, possibly empty)."""
    texts = [_first_text(data, [column]) for column in columns]
    return pd.Series([[t for t in values if t is not None] for values in zip(*texts)],
                     index=data.index, dtype=object)


def _numbers(data, column):
    """People counts as numbers; text that is not a count is reported, negatives too."""
    if column is None:
        return pd.Series(np.nan, index=data.index), pd.Series(None, index=data.index, dtype=object)
    codes, uniques = pd.factorize(data[column], use_na_sentinel=False)  # (missing: a value)
    numbers, problem = _counts_of(pd.Series(uniques, dtype=object))
    return (pd.Series(numbers.to_numpy()[codes], index=data.index),
            pd.Series(problem.to_numpy()[codes], index=data.index, dtype=object))


def _counts_of(values: pd.Series):
    """_numbers for distinct cell values (the checks cost what distinct values cost)."""
    text = map_unique(values,
                      lambda v: str(v).strip().replace("\u00a0", "").replace(" ", ""))
    cleaned = map_unique(text, lambda v: THOUSANDS.sub("", v))
    numbers = pd.to_numeric(cleaned, errors="coerce")
    blank = text.isna() | (text == "") | text.str.fullmatch(r"(?i)-|n/?a|#n/a|none", na=False)
    problem = pd.Series(None, index=values.index, dtype=object)
    numbers = numbers.where(np.isfinite(numbers.astype(float)))  # 'inf' and 'nan' are text
    problem[numbers.isna() & ~blank] = "not a number"
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
        "activity_status": _first_text(data, _role_columns(table, "status")),
        "modality": _first_text(data, _role_columns(table, "modality")),
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
    by_position = np.minimum(order, len(data))  # a skipped row: the NaN after the values
    for position, (_, series) in enumerate(texts):  # (on a RangeIndex: positions are labels)
        block[:, position] = np.append(series.to_numpy(), np.nan)[by_position]
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


def _plain(series: pd.Series):
    """The values of ``series`` for a frame: a numpy array, or its extension array (Int64)."""
    return series.array if isinstance(series.dtype, pd.api.extensions.ExtensionDtype) \
        else series.to_numpy()


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
    return [(original_field_name(column), _as_texts(data[column])) for column in table.columns]


def _as_texts(values: pd.Series) -> pd.Series:
    array = values.to_numpy()  # numpy, not pandas, per column: a file may have 10,000 columns
    if pd.api.types.infer_dtype(array, skipna=True) in ("string", "empty"):  # text already
        missing = pd.isna(array)
        if all(value is None for value in array[missing]):
            return values  # nothing to change: no copy of a column of a large table
        return values.where(~missing, None)
    return map_unique(values, _as_text)


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

def _presence(located, attributes, units, level, progress) -> pd.DataFrame:
    """Partners per unit x cluster x period, from the matches of the rows that count."""
    located = located[located["pcode"].notna()].join(
        attributes[PRESENCE_ATTRIBUTES], how="inner")  # only what presence needs: less to copy
    if located.empty:
        return pd.DataFrame(columns=PRESENCE_FIELDS)
    split = located.index.duplicated(keep=False)
    for column in ("targeted", "reached"):  # a split row's numbers go nowhere: no unit gets them
        located[column] = located[column].where(~split)  # twice (a new frame: no copy of it)
    progress.step(10)
    keyed = _unit_keys(located, units, level)
    progress.step(40)
    groups = keyed.groupby(["unit", "cluster_key", "period_key"], sort=True, dropna=False)
    presence = groups.agg(partners=("partner_key", "nunique"), rows=("is_row", "sum"),
                          cluster_name=("cluster_name", "first")).reset_index()
    for column in ("targeted", "reached"):
        presence[column] = groups[column].sum(min_count=1).values
    presence["activities"] = groups["activity_key"].nunique().values
    progress.step(70)
    presence["partner_list"] = _partner_lists(keyed, presence)
    presence = presence.rename(columns={"cluster_key": "cluster", "period_key": "period"})
    return _with_unit_fields(presence, keyed, units, level)


def _unit_keys(located, units, level) -> pd.DataFrame:
    unique_pcodes = located["pcode"].unique()
    ancestor = {p: (units.ancestor_or_self(p, level) if units.level_of(p) >= level else None)
                for p in unique_pcodes}
    keyed = located  # _presence's own frame, extended here
    keyed["unit"] = keyed["pcode"].map(ancestor)
    upper = keyed["unit"].isna()
    keyed.loc[upper, "unit"] = keyed.loc[upper, "pcode"]  # the "unit not specified" bucket
    keyed["unit_specified"] = ~upper
    keyed["cluster_key"] = keyed["cluster_code"]
    keyed["partner_display"] = keyed["organisation"]
    keyed["partner_key"] = map_unique(keyed["organisation"], fold)
    keyed["is_row"] = True
    keyed["activity_key"] = _activity_keys(keyed)
    if any(isinstance(names, list) and names for names in keyed["other_organisations"].dropna()):
        keyed = _with_other_organisations(keyed)
    return keyed


def _activity_keys(keyed) -> np.ndarray:
    """An activity = an organisation doing an activity (or reporting a row when no such
    column): one integer per distinct (organisation, activity or row) pair, not a string per
    row."""
    activity = keyed["activity"]
    missing = activity.isna().to_numpy()
    if missing.any():
        activity = activity.copy()
        activity[missing] = keyed.index[missing].astype(str)
    activities = pd.factorize(activity)[0].astype(np.int64)
    partners = pd.factorize(keyed["partner_key"].fillna(""))[0].astype(np.int64)
    return partners * (int(activities.max(initial=0)) + 1) + activities


def _with_other_organisations(keyed):
    """Extra partner lines for lead/programme organisations and donors (counted as partners
    only: the row and its beneficiaries are already counted once)."""
    others = keyed[["unit", "cluster_key", "period_key", "other_organisations"]] \
        .explode("other_organisations").dropna(subset=["other_organisations"])
    others = others.assign(partner_display=others["other_organisations"],
                           partner_key=map_unique(others["other_organisations"], fold),
                           is_row=False, activity_key=None, targeted=np.nan, reached=np.nan)
    return pd.concat([keyed, others.drop(columns="other_organisations")])


def _partner_lists(keyed, presence) -> list:
    """Distinct organisations per group, sorted; of several spellings of one organisation,
    always the same one (the smallest), whatever the row order."""
    keys = ["unit", "cluster_key", "period_key"]
    named = keyed[keys + ["partner_key", "partner_display"]].dropna(subset=["partner_key"])
    if named.empty:
        return [""] * len(presence)
    spelling = named.groupby("partner_key")["partner_display"].min()
    distinct = named[keys + ["partner_key"]].drop_duplicates()
    distinct = distinct.assign(display=distinct["partner_key"].map(spelling))
    distinct = distinct.assign(order=distinct["display"].str.casefold())
    distinct = distinct.sort_values(keys + ["order"])
    grouped = distinct.groupby(keys, dropna=False, sort=False)  # groups in sorted order
    starts = np.flatnonzero(np.diff(grouped.ngroup().to_numpy(), prepend=-1))
    names = distinct["display"].tolist()
    stops = np.append(starts[1:], len(names))
    found = grouped.size().reset_index()[keys].assign(  # keys typed as presence's (groupby)
        partner_list=["; ".join(names[start:stop]) for start, stop in zip(starts, stops)])
    return presence[keys].merge(found, how="left", on=keys)["partner_list"].fillna("").tolist()


def _with_unit_fields(presence, keyed, units, level):
    specified = keyed.groupby("unit")["unit_specified"].first()
    presence["unit_specified"] = presence["unit"].map(specified).astype(bool)
    presence["pcode"] = presence["unit"]
    presence["admin_level"] = presence["pcode"].map(units.level_of).astype("int64")
    presence["name"] = [
        units.name(p) if ok else f"{units.name(p)} (admin {level} not specified)"
        for p, ok in zip(presence["pcode"], presence["unit_specified"])]
    top = min(units.levels)
    presence["parent_pcode"] = presence["pcode"].map(
        lambda p: units.parent(p) if units.level_of(p) > top else None)
    presence["partners"] = presence["partners"].astype("int64")
    for column in ("activities", "rows"):
        presence[column] = presence[column].astype("int64")
    return presence[PRESENCE_FIELDS].sort_values(
        ["admin_level", "pcode", "cluster", "period"], na_position="last").reset_index(drop=True)


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
    issues += _grouped(attributes[attributes["period_note"].fillna("") != ""], source_row,
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
    reportable = matches[matches["status"].ne("used") |
                         matches["match_method"].isin(["normalised", "name_fuzzy", "split",
                                                       "crosswalk", "derived"])]
    if reportable.empty:
        return []
    first_rows = source_row.reindex(reportable.index).to_numpy()
    keys = ["status", "match_method", "raw_level", "raw_value", "raw_parent", "pcode"]
    group = reportable.groupby([reportable[k].astype(str) for k in keys], sort=True).ngroup()
    order = np.argsort(group.to_numpy(), kind="stable")  # by group, rows in table order
    starts = np.flatnonzero(np.diff(group.to_numpy()[order], prepend=-1))
    heads = reportable.iloc[order[starts]].to_dict("records")
    sizes = np.diff(np.append(starts, len(order)))
    lowest = np.minimum.reduceat(first_rows[order], starts)
    return [_issue(_match_category(head), _column_of(table, head["raw_level"]), head["raw_value"],
                   _int_or_none(head["raw_level"]), head["raw_parent"], size, int(first),
                   head["reason"], head["suggestion"])
            for head, size, first in zip(heads, sizes, lowest)]


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
    duplicated = data.duplicated(subset=table.columns[:DUPLICATE_SCREEN_COLUMNS], keep=False)
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

def _summary(table, units, rows, matches, level, code_cols, name_cols):
    counts = rows["status"].value_counts().reindex(STATUSES, fill_value=0)
    data_rows = int(len(rows))
    rates = _match_rates(rows, code_cols, name_cols, units.levels)
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


def _match_rates(rows, code_cols, name_cols, levels) -> Dict[int, float]:
    """Per boundary level: of the rows giving a code or name at that level, the share located at
    it or deeper."""
    rates = {}
    data_row = rows["match_method"].notna().to_numpy()  # a mask, not a copy of the rows
    found = rows["pcode"].notna().to_numpy()  # located, even if then skipped for its period
    for lvl in sorted((set(code_cols) | set(name_cols)) & set(levels)):
        columns = [c for c in (code_cols.get(lvl), name_cols.get(lvl)) if c]
        given = np.zeros(len(rows), dtype=bool)
        for column in columns:
            given |= per_distinct(rows[original_field_name(column)], lambda v: v.fillna(
                "").astype(str).str.strip().ne("")).to_numpy(dtype=bool)
        given &= data_row
        if given.any():
            located = rows["admin_level"].fillna(0).astype(int).to_numpy() >= lvl
            rates[lvl] = float((given & located & found).sum() / given.sum())
    return rates
