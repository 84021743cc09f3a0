"""Gaps, overlaps and changes per unit x cluster x period, from the join's presence and rows.

Gap status of a unit x cluster x period (``need`` = PiN > 0 or severity >= 3):
- no_report: no partner reported this period, but some did in an earlier period (a blank is
  never read as "no partner");
- no_partner_with_need: need and no partner (and none ever reported before);
- underserved: need and fewer partners than the minimum, or fewer partners per 10,000 people in
  need than the threshold, or coverage below the first coverage band;
- covered: partners present and none of the above;
- no_need_reported: no partner and no need reported (never silently "covered").

Beneficiaries: ``reached`` is the sum over partners (an upper bound: two partners may reach the
same people), ``reached_max`` the largest single partner figure (a lower bound that never double
counts). ``coverage`` = reached_max / PiN, the conservative figure the maps use. Figures are
never added across clusters.

Rank (``gap_rank``, 1 = highest priority, within each cluster and period, gaps only): units with
no partner first, then underserved ones; within each, higher severity first, then larger PiN.

Data protection (protection.py): the presence of a sensitive cluster is protected before
anything is classified, so no status depends on a count the outputs hide: a hidden count (1 to
k-1 partners) counts as 1 partner for the minimum-partner and per-10,000 rules. Partner names
(for the changes) are those of an unprotected presence; every output is protected at the end.
"""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd

from .boundaries import AdminUnits
from .changes import CHANGE_FIELDS, PARTNER_SEPARATOR, find_changes
from .coded import folded_texts
from .errors import InputError
from .join import COUNTED_STATUSES
from .params import separated_values
from .progress import SILENT, Progress
from .protection import ProtectionPolicy, earlier_protection
from .textnorm import fold
from .translation import QT_TRANSLATE_NOOP

GAP_STATUSES = ("no_partner_with_need", "underserved", "covered", "no_need_reported",
                "no_report")
GAP_FIELDS = ["pcode", "name", "admin_level", "cluster", "cluster_name", "period", "pin",
              "target", "severity", "partners", "activities", "reached", "reached_max",
              "coverage", "gap_status", "gap_rank", "clusters_present", "clusters_with_need",
              "partner_list", "protected"]
OVERLAP_FIELDS = ["pcode", "name", "admin_level", "cluster", "activity", "modality", "period",
                  "partners", "partner_list", "duplication", "rows", "first_start", "last_end",
                  "protected"]
OVERLAP_UNIT_FIELDS = ["pcode", "name", "admin_level", "cluster", "cluster_name", "period",
                       "overlaps", "max_partners", "protected"]
PRESENCE_REQUIRED = ("pcode", "admin_level", "cluster", "period", "partners", "partner_list")
ROWS_REQUIRED = ("status", "pcode", "cluster", "period", "organisation")
ROWS_OPTIONAL = ("activity", "activity_status", "modality", "period_start", "period_end",
                 "reached")
SEVERE = 3
# Activity statuses that mean nobody works there (a cancelled plan duplicates nothing).
STOPPED_STATUS_WORDS = ("cancel", "annul", "suspen", "abandon")
TARGET_GROUP_WORDS = ("target group", "population group", "beneficiary type",
                      "beneficiary group", "groupe cible", "type de beneficiaire", "grupo meta")


@dataclass
class GapOptions:
    clusters: Optional[Sequence[str]] = None  # None: every cluster with presence or needs
    periods: Optional[Sequence[str]] = None  # None: every period of the presence
    admin_level: Optional[int] = None  # None: the deepest level of the presence
    min_partners: int = 1
    partners_per_10k: float = 0.0  # 0: not used
    coverage_bands: Tuple[float, ...] = (0.25, 0.5, 0.75)  # below the first: underserved
    # Data protection: GBV and child protection are always sensitive while it is on; the
    # clusters here (codes or names) are added. ``protection``, when given, wins over these.
    sensitive_clusters: Sequence[str] = ()
    protect_sensitive: bool = True
    small_count: int = 5
    protection: Optional[ProtectionPolicy] = None

    def policy(self) -> ProtectionPolicy:
        return self.protection or ProtectionPolicy(
            self.protect_sensitive, self.sensitive_clusters, self.small_count)


@dataclass
class GapResult:
    gaps: pd.DataFrame
    overlaps: pd.DataFrame
    overlap_units: pd.DataFrame
    changes: pd.DataFrame
    admin_level: int
    notes: List[str] = field(default_factory=list)


def gaps_overlaps(presence: pd.DataFrame, rows: Optional[pd.DataFrame] = None,
                  needs: Optional[pd.DataFrame] = None, units: Optional[Dict[str, str]] = None,
                  options: Optional[GapOptions] = None, known_clusters: Sequence[str] = (),
                  progress: Progress = SILENT) -> GapResult:
    """``presence``/``rows``: the join's outputs; ``needs``: needs_at_level() frame (pcode,
    cluster, cluster_name, pin, target, severity); ``units``: pcode -> name of every unit of the
    analysis level (e.g. the boundaries), so units without partners are classified too."""
    options = options or GapOptions()
    policy = options.policy()
    notes: List[str] = []
    level, presence = _presence_at_level(presence, options.admin_level, notes, policy)
    needs = _empty_needs() if needs is None else needs
    names = _unit_names(presence, needs, units or {})
    progress.step(10, "Classifying gaps")
    grid = _grid(presence, needs, names, options, known_clusters, notes)
    grid = grid.merge(presence.drop(columns=["name", "admin_level", "cluster_name"]),
                      on=["pcode", "cluster", "period"], how="left")
    grid = grid.merge(needs[["pcode", "cluster", "pin", "target", "severity"]],
                      on=["pcode", "cluster"], how="left")
    grid["admin_level"] = level
    counted = _counted_rows(rows, set(names), grid["period"].unique(), notes)
    grid = _with_reached_max(grid, counted)
    gaps = _classified(grid, options)
    progress.step(50, "Finding overlaps")
    overlaps = find_overlaps(counted, names, level, notes)
    progress.step(75, "Changes since the previous period")
    changes = find_changes(gaps)
    overlap_units = _overlap_units(overlaps, gaps)
    if options.periods:
        gaps, overlaps, changes, overlap_units = (
            frame[frame["period"].isin(options.periods)].reset_index(drop=True)
            for frame in (gaps, overlaps, changes, overlap_units))
    gaps, overlaps, overlap_units, changes = protect(gaps, overlaps, overlap_units, changes,
                                                     policy)
    return GapResult(gaps[GAP_FIELDS], overlaps[OVERLAP_FIELDS],
                     overlap_units[OVERLAP_UNIT_FIELDS], changes[CHANGE_FIELDS], level, notes)


# The join's outputs as read back from layers ---------------------------------------------------

def presence_frame(records: Sequence[Dict], source: str) -> pd.DataFrame:
    """The join's presence features (attribute dicts); refused when fields are missing."""
    frame = pd.DataFrame(records)
    absent = sorted(set(PRESENCE_REQUIRED) - set(frame.columns))
    if absent:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{layer}: not a presence layer of the join: fields {fields} are missing"),
            layer=source, fields=", ".join(absent))
    return frame


def rows_frame(names: Sequence[str], records: Sequence[Sequence], source: str) -> pd.DataFrame:
    """The join's rows output; the fields overlaps can do without are added blank."""
    frame = pd.DataFrame(records, columns=names)
    absent = sorted(set(ROWS_REQUIRED) - set(frame.columns))
    if absent:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{layer}: not the rows output of the join: fields {fields} are missing"),
            layer=source, fields=", ".join(absent))
    for column in ROWS_OPTIONAL:
        if column not in frame:
            frame[column] = None
    return frame


def analysis_units(presence: pd.DataFrame, boundaries: Optional[AdminUnits], level: int
                   ) -> Tuple[Dict[str, str], Dict[str, Optional[str]]]:
    """Names of the analysis units (pcode -> name, for ``gaps_overlaps``), and child -> parent
    codes of those units and the ones above them (for ``needs_at_level``): from the boundaries
    when given, then from the presence."""
    names, parents = {}, {}
    if boundaries is not None:
        table = boundaries.table
        for pcode, name, parent, unit_level in zip(
                table["pcode"], table["name"], table["parent_pcode"], table["admin_level"]):
            if unit_level == level:
                names[pcode] = name
            if unit_level <= level:
                parents[pcode] = parent if isinstance(parent, str) else None
    at_level = presence[presence["admin_level"] == level]
    for pcode, name, parent in zip(at_level["pcode"], at_level["name"],
                                   at_level.get("parent_pcode", [None] * len(at_level))):
        names.setdefault(pcode, name)
        parents.setdefault(pcode, parent)
    return names, parents


# Units, clusters, periods ----------------------------------------------------------------------

def analysis_level(presence: pd.DataFrame, wanted: Optional[int] = None) -> int:
    """The admin level of the analysis: ``wanted`` if the presence has it, else its deepest."""
    levels = sorted(presence.loc[_specified(presence), "admin_level"].dropna().astype(int)
                    .unique())
    if wanted is None:
        if not levels:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "the presence layer has no admin unit: run the join first"))
        return int(levels[-1])
    if levels and wanted not in levels:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "admin level {level} was asked for, but the presence layer has levels "
                          "{levels}: run the join at that level"),
            level=wanted, levels=", ".join(map(str, levels)))
    return int(wanted)


def _specified(presence) -> pd.Series:
    if "unit_specified" not in presence:
        return pd.Series(True, index=presence.index)
    return presence["unit_specified"].fillna(True).astype(bool)


def _presence_at_level(presence, wanted, notes, policy):
    """The presence at the analysis level, protected; a hidden count counts as 1 partner and
    ``partner_list`` keeps the names of an unprotected presence (for the changes only)."""
    wanted = analysis_level(presence, wanted)
    keep = _specified(presence) & (presence["admin_level"] == wanted)
    if (~keep).any():
        notes.append(f"{int((~keep).sum())} presence features are not at admin {wanted} or are "
                     "'unit not specified' buckets: they are not classified as gaps")
    presence = presence[keep].copy()
    names = presence["partner_list"].where(~earlier_protection(presence), "")
    presence = policy.protect_presence(presence)
    presence["partner_list"] = names
    hidden = presence["protected"] & presence["partners"].isna()
    presence["partners"] = presence["partners"].fillna(0).astype("int64").mask(hidden, 1)
    fields = ["pcode", "name", "admin_level", "cluster", "cluster_name", "period", "partners",
              "activities", "reached", "partner_list", "protected"]
    return int(wanted), presence[fields].drop_duplicates(["pcode", "cluster", "period"])


def _empty_needs():
    return pd.DataFrame(columns=["pcode", "cluster", "cluster_name", "pin", "target",
                                 "severity"])


def _unit_names(presence, needs, units) -> Dict[str, str]:
    names = dict(units)
    for pcode, name in zip(presence["pcode"], presence["name"]):
        names.setdefault(pcode, name)
    for pcode in needs["pcode"]:
        names.setdefault(pcode, None)
    return names


def _grid(presence, needs, names, options, known_clusters, notes):
    """Every unit x cluster x period: a unit without presence row is a row too."""
    cluster_names = dict(zip(presence["cluster"], presence["cluster_name"]))
    for code, name in zip(needs["cluster"], needs["cluster_name"]):
        cluster_names.setdefault(code, name)
    if options.clusters:
        clusters = list(options.clusters)
    else:
        from_needs = set(needs["cluster"]) - set(presence["cluster"])
        dropped = sorted(c for c in from_needs if known_clusters and c not in known_clusters)
        if dropped:
            notes.append("needs sectors with no partner and not in the cluster vocabulary, "
                         "left out: " + ", ".join(map(str, dropped)))
        clusters = sorted(set(presence["cluster"].dropna()) | (from_needs - set(dropped)))
    # every period is classified (no_report and changes look back); the asked ones are kept
    periods = sorted(set(presence["period"].dropna()) | set(options.periods or ()))
    if not periods:
        periods = ["all"]
    index = pd.MultiIndex.from_product([sorted(names), clusters, periods],
                                       names=["pcode", "cluster", "period"])
    grid = index.to_frame(index=False)
    grid["name"] = grid["pcode"].map(names)
    grid["cluster_name"] = grid["cluster"].map(cluster_names).fillna(grid["cluster"])
    return grid


# Rows: beneficiaries and overlaps --------------------------------------------------------------

def _counted_rows(rows, unit_codes, periods, notes):
    """Rows that count (used/rolled_up) at an analysis unit, with the grid's period."""
    if rows is None or rows.empty:
        return None
    counted = rows[rows["status"].isin(COUNTED_STATUSES) & rows["pcode"].isin(unit_codes)].copy()
    outside = int(rows["status"].isin(COUNTED_STATUSES).sum()) - len(counted)
    if outside:
        notes.append(f"{outside} counted rows are located at another admin level than the "
                     "analysis (e.g. 'unit not specified'): not in reached_max nor overlaps")
    spans = [p for p in periods if "/" in str(p)]
    if len(spans) == 1 and len(periods) == 1:  # join run on the whole table: one span period
        counted["period"] = spans[0]
    partner_key = folded_texts(counted["organisation"])
    counted["partner_key"] = partner_key.where(partner_key != "")
    counted["reached"] = pd.to_numeric(counted["reached"], errors="coerce")
    return counted


def _with_reached_max(grid, counted):
    if counted is None or counted.empty:
        grid["reached_max"] = np.nan
        return grid
    per_partner = counted.dropna(subset=["partner_key"]).groupby(
        ["pcode", "cluster", "period", "partner_key"], sort=False)["reached"].sum(min_count=1)
    largest = per_partner.groupby(level=[0, 1, 2]).max().rename("reached_max").reset_index()
    return grid.merge(largest, on=["pcode", "cluster", "period"], how="left")


def find_overlaps(counted, names, level, notes) -> pd.DataFrame:
    """Unit x cluster x activity (x modality x target group) x period keys where two or more
    distinct partners work with overlapping date ranges. Each partner's rows of one key are
    taken as one span (earliest start to latest end); a row without dates spans the whole
    period; cancelled or suspended rows are left out."""
    if counted is None or counted.empty:
        return pd.DataFrame(columns=[f for f in OVERLAP_FIELDS if f != "protected"])
    frame = _overlap_keys(counted, notes)
    keys = ["pcode", "cluster", "activity_key", "modality_key", "group_key", "period"]
    # one integer per key: every later grouping and sort is on numbers, not on six texts
    frame["key_id"] = frame.groupby(keys, sort=False, dropna=False).ngroup()
    spans = frame.groupby(["key_id", "partner_key"], sort=False).agg(
        start=("start", "min"), end=("end", "max"), rows=("partner_key", "size"))
    spans = spans.reset_index().sort_values(["key_id", "start"], kind="stable")
    key_id = spans["key_id"]
    earlier_end = spans["end"].groupby(key_id).cummax().groupby(key_id).shift(1)
    next_start = spans["start"].groupby(key_id).shift(-1)
    spans = spans[((earlier_end >= spans["start"]) | (next_start <= spans["end"])).values]
    # one spelling per organisation everywhere: the smallest, whatever the row order
    spelling = frame.groupby("partner_key")["organisation"].min()
    spans = spans.assign(display=spans["partner_key"].map(spelling))
    spans = spans.assign(order=spans["display"].str.casefold()).sort_values(
        ["key_id", "order"], kind="stable")
    result = spans.groupby("key_id", sort=False).agg(
        partners=("partner_key", "size"), partner_list=("display", PARTNER_SEPARATOR.join),
        rows=("rows", "sum"), first_start=("start", "min"), last_end=("end", "max"))
    labels = frame.drop_duplicates("key_id").set_index("key_id")[
        ["pcode", "cluster", "period", "activity", "modality"]]
    result = result.join(labels).sort_values(["pcode", "cluster", "period", "activity"],
                                             kind="stable").reset_index(drop=True)
    result["duplication"] = result["partners"] - 1
    result["name"] = result["pcode"].map(names)
    result["admin_level"] = level
    for column in ("first_start", "last_end"):
        result[column] = result[column].where(
            (result[column] > pd.Timestamp.min) & (result[column] < pd.Timestamp.max))
        result[column] = result[column].dt.strftime("%Y-%m-%d")
    return result[[f for f in OVERLAP_FIELDS if f != "protected"]]


def _overlap_keys(counted, notes):
    frame = counted.dropna(subset=["partner_key"])
    stopped = folded_texts(frame["activity_status"]).str.contains("|".join(STOPPED_STATUS_WORDS))
    if stopped.any():
        notes.append(f"{int(stopped.sum())} cancelled or suspended rows are not compared for "
                     "overlaps")
    frame = frame[~stopped]
    if frame["activity"].isna().all():
        notes.append("no activity column: overlaps compare partners per cluster")
    group_column = _target_group_column(frame)
    start, end = _dates(frame["period_start"]), _dates(frame["period_end"])
    return frame.assign(
        activity_key=folded_texts(frame["activity"]), modality_key=folded_texts(frame["modality"]),
        group_key=folded_texts(frame[group_column]) if group_column else "",
        start=start.fillna(pd.Timestamp.min), end=end.fillna(pd.Timestamp.max))


def _dates(values: pd.Series) -> pd.Series:
    """ISO dates, parsed once per distinct value (rows repeat a few dates many times)."""
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    parsed = pd.to_datetime(pd.Series(uniques, dtype=object), errors="coerce",
                            format="ISO8601")
    dates = np.append(parsed.to_numpy(dtype="datetime64[ns]"), np.datetime64("NaT"))
    return pd.Series(dates[codes], index=values.index)


def _target_group_column(frame) -> Optional[str]:
    for column in frame.columns:
        if fold(str(column)) in TARGET_GROUP_WORDS:
            return column
    return None


def _overlap_units(overlaps, gaps):
    if overlaps.empty:
        return pd.DataFrame(columns=[f for f in OVERLAP_UNIT_FIELDS if f != "protected"])
    units = overlaps.groupby(["pcode", "cluster", "period"], sort=True).agg(
        name=("name", "first"), admin_level=("admin_level", "first"),
        overlaps=("partners", "size"), max_partners=("partners", "max")).reset_index()
    cluster_names = dict(zip(gaps["cluster"], gaps["cluster_name"]))
    units["cluster_name"] = units["cluster"].map(cluster_names).fillna(units["cluster"])
    return units


# Gap status ------------------------------------------------------------------------------------

def _classified(grid, options):
    grid = grid.sort_values(["pcode", "cluster", "period"]).reset_index(drop=True)
    partners = grid["partners"].fillna(0).astype("int64")
    grid["partners"] = partners
    present = grid["protected"].notna()  # lines with a presence feature (else: no partner)
    grid["activities"] = grid["activities"].astype("Float64").where(present, 0).astype("Int64")
    grid["protected"] = grid["protected"].where(present, False).astype(bool)
    grid["partner_list"] = grid["partner_list"].fillna("")
    pin = grid["pin"].astype(float)
    need = (pin > 0) | (grid["severity"].astype(float) >= SEVERE)
    grid["coverage"] = (grid["reached_max"] / pin).where(pin > 0)
    reporting = partners.gt(0).astype("int64")
    reported_before = (reporting.groupby([grid["pcode"], grid["cluster"]]).cumsum()
                       - reporting) > 0  # rows are in period order within unit x cluster
    too_few = partners < options.min_partners
    if options.partners_per_10k > 0:
        too_few |= (partners / (pin / 10000)).where(pin > 0) < options.partners_per_10k
    if options.coverage_bands:
        too_few |= grid["coverage"] < min(options.coverage_bands)
    status = np.select(
        [partners.eq(0) & reported_before, partners.eq(0) & need, partners.eq(0),
         need & too_few],
        ["no_report", "no_partner_with_need", "no_need_reported", "underserved"], "covered")
    grid["gap_status"] = status
    grid["gap_rank"] = _rank(grid)
    _inter_cluster(grid, need)
    return grid


def _rank(grid) -> pd.Series:
    gap = grid["gap_status"].isin(["no_partner_with_need", "underserved"])
    ordered = grid[gap].assign(
        _status=(grid["gap_status"] == "underserved").astype(int),
        _severity=-grid["severity"].astype(float).fillna(0),
        _pin=-grid["pin"].astype(float).fillna(0))
    ordered = ordered.sort_values(["cluster", "period", "_status", "_severity", "_pin", "pcode"])
    ranks = ordered.groupby(["cluster", "period"]).cumcount() + 1
    return ranks.reindex(grid.index).astype("Int64")


def _inter_cluster(grid, need):
    by_unit = [grid["pcode"], grid["period"]]
    grid["clusters_present"] = grid["partners"].gt(0).groupby(by_unit).transform("sum") \
        .astype("int64")
    grid["clusters_with_need"] = need.groupby(by_unit).transform("sum").astype("int64")


# Data protection -------------------------------------------------------------------------------

def protect(gaps, overlaps, overlap_units, changes, policy: ProtectionPolicy):
    """Every output as it may be published: sensitive clusters (and those the presence had
    protected) without partner names nor counts below k, with the field ``protected``."""
    gaps = policy.protect(gaps, ["partners", "activities", "reached", "reached_max"],
                          "partner_list")
    # reached_max = coverage x PiN: a hidden figure is not to be worked out from the others
    gaps["coverage"] = gaps["coverage"].mask(gaps["protected"] & gaps["reached_max"].isna())
    already = set(gaps.loc[gaps["protected"], "cluster"])

    def marked(frame):
        return frame.assign(protected=frame["cluster"].isin(already))

    overlaps = policy.protect(marked(overlaps), ["partners", "rows"], "partner_list")
    overlaps["duplication"] = overlaps["duplication"].astype("Int64").mask(
        overlaps["protected"] & overlaps["partners"].isna())
    overlap_units = policy.protect(marked(overlap_units), ["max_partners"])
    changes = policy.protect(changes, ["partners_before", "partners_now"], names=["partner"])
    hit = changes["protected"]
    # hidden names make one line per unit and change out of one line per partner
    repeated = changes[hit].astype(str).duplicated().reindex(changes.index, fill_value=False)
    return gaps, overlaps, overlap_units, changes[~repeated].reset_index(drop=True)


def parse_bands(text: str) -> Tuple[float, ...]:
    """'0.25, 0.5, 0.75' (or percentages '25,50,75') -> ascending fractions."""
    try:
        values = [float(part.rstrip("%")) for part in separated_values(text)]
    except ValueError:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "coverage bands {bands!r}: give numbers separated by commas, e.g. "
                          "0.25,0.5,0.75"),
            bands=text) from None
    if any(v > 1 for v in values):
        values = [v / 100 for v in values]
    return tuple(sorted(values))
