"""What the dock panel shows for a choice of clusters and periods: filter, summary, lists.

Pure Python (pandas, sqlite3): the panel reads the join outputs once into frames
(``read_gpkg_table``), then every change of choice is a few pandas filters here plus one
subset string per layer, with no re-run of the join. Also the parameters of the algorithms the
panel runs (join, gaps, map pack) and the folder of each run's outputs.

Data protection: the panel shows what the protected presence lets it (protection.py). A line
the join protected names no partner: its partners and activities are not counted, and the
summary and the cluster list say the numbers are withheld.
"""
import functools
import os
import re
import sqlite3
import tempfile
import time
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

import pandas as pd

from . import map_periods, mappack
from .join import COUNTED_STATUSES, WHOLE_TABLE_HINT
from .join import PERIOD_MODES as JOIN_PERIOD_MODES
from .protection import earlier_protection

GAP_STATUSES = ("no_partner_with_need", "underserved")
PRESENCE_COLUMNS = ("pcode", "unit_specified", "cluster", "cluster_name", "period", "partners",
                    "activities", "partner_list", "protected", "rows", "admin_level")
# (a presence written before data protection, or by an older join, lacks these)
OPTIONAL_COLUMNS = ("protected", "rows", "admin_level")
# The join's reason for a row skipped because presence per month/quarter needs a period.
NO_PERIOD_REASON = "no usable period"
SELECTION = "SELECTION"  # the cluster key of the panel's choice drawn as one map
ROW_COLUMNS = ("status", "cluster", "period")
GAP_COLUMNS = ("pcode", "cluster", "period", "gap_status")
PARTNER_SEPARATOR = "; "
# Colour-blind-safe qualitative palette (Okabe-Ito, then Tol's muted): a cluster keeps its colour
# between sessions because the colour comes from its code, not from its place in a list.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#332288", "#88CCEE", "#44AA99", "#117733", "#999933", "#DDCC77", "#CC6677",
           "#882255", "#AA4499")

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_YEAR = re.compile(r"^(\d{4})$")
_SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


# Periods --------------------------------------------------------------------------------------

def period_sort_key(period: str):
    """(first month, last month, text): months, quarters, years and spans in time order; a
    period that starts earlier comes first, then the shorter one; unknown text last."""
    text = str(period)
    found = _MONTH.match(text)
    if found:
        month = int(found[1]) * 12 + int(found[2]) - 1
        return (0, month, month, text)
    found = _QUARTER.match(text)
    if found:
        first = int(found[1]) * 12 + (int(found[2]) - 1) * 3
        return (0, first, first + 2, text)
    found = _YEAR.match(text)
    if found:
        return (0, int(found[1]) * 12, int(found[1]) * 12 + 11, text)
    found = _SPAN.match(text)
    if found:
        return (0, int(found[1]) * 12 + int(found[2]) - 1, int(found[3]) * 12 + int(found[4]) - 1,
                text)
    return (1, 0, 0, text)


def ordered_periods(periods: Iterable) -> List[str]:
    """Distinct non-blank periods in time order."""
    distinct = {str(p) for p in periods if p is not None and not pd.isna(p) and str(p).strip()}
    return sorted(distinct, key=period_sort_key)


# Filter expression ----------------------------------------------------------------------------

def quote_literal(value: str) -> str:
    """A SQL / QGIS expression string literal: single quotes doubled, so any text is safe."""
    return "'" + str(value).replace("'", "''") + "'"


def _in_clause(field: str, values: Sequence[str]) -> str:
    return '"{}" IN ({})'.format(field, ", ".join(quote_literal(v) for v in values))


def filter_expression(clusters: Sequence[str], periods: Sequence[str],
                      all_clusters: Sequence[str], all_periods: Sequence[str]) -> str:
    """The subset string for the presence, gaps and overlap layers (OGR SQL / SQLite).

    Empty when everything is chosen (the layer shows all its features, null periods included);
    "0 = 1" when nothing is chosen, so an empty choice shows an empty map, not the whole one.
    """
    parts = []
    for field, chosen, every in (("cluster", clusters, all_clusters),
                                 ("period", periods, all_periods)):
        chosen = list(dict.fromkeys(chosen))
        if not chosen:
            return "0 = 1"
        if set(chosen) != set(every):
            parts.append(_in_clause(field, chosen))
    return " AND ".join(parts)


# Frames ----------------------------------------------------------------------------------------

def read_gpkg_table(path: str, columns: Sequence[str], table: Optional[str] = None
                    ) -> pd.DataFrame:
    """Columns of a GeoPackage table (the first feature/attribute table when not named),
    read with SQLite: geometries are never parsed, so 100k rows take a fraction of a second.
    An absent column of OPTIONAL_COLUMNS comes out blank."""
    with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
        if table is None:
            found = connection.execute(
                "SELECT table_name FROM gpkg_contents ORDER BY rowid LIMIT 1").fetchone()
            if found is None:
                raise ValueError(f"{path}: no table in this GeoPackage")
            table = found[0]
        present = {row[1] for row in connection.execute(
            f"PRAGMA table_info({_quote_identifier(table)})")}
        missing = [c for c in columns if c not in present and c not in OPTIONAL_COLUMNS]
        if missing:
            raise ValueError(f"{path}: table {table} has no column {', '.join(missing)}")
        sql = "SELECT {} FROM {}".format(", ".join(
            _quote_identifier(c) if c in present else f"NULL AS {_quote_identifier(c)}"
            for c in columns), _quote_identifier(table))
        return pd.read_sql_query(sql, connection)


def index_choice_columns(path: str) -> bool:
    """An index on (cluster, period) in the GeoPackage's table, so that a layer filtered on the
    panel's choice is counted and drawn without reading every row. False when the file cannot
    be written (read-only): the filter still works, only slower."""
    try:
        with sqlite3.connect(path) as connection:
            table = connection.execute(
                "SELECT table_name FROM gpkg_contents ORDER BY rowid LIMIT 1").fetchone()[0]
            connection.execute("CREATE INDEX IF NOT EXISTS {} ON {} (cluster, period)".format(
                _quote_identifier(f"coordmap_{table}_choice"), _quote_identifier(table)))
    except (sqlite3.Error, TypeError):
        return False
    return True


def _quote_identifier(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


@dataclass
class SelectionData:
    """The join (and gaps) outputs as frames, prepared once for fast filtering."""
    presence: pd.DataFrame  # PRESENCE_COLUMNS
    partners: pd.DataFrame  # cluster, period, partner: distinct, one line per partner named
    rows: pd.DataFrame  # ROW_COLUMNS of the unmatched rows only (the summary needs no other)
    gaps: Optional[pd.DataFrame]  # GAP_COLUMNS, None when gaps were not computed
    clusters: List[str]  # codes, sorted
    cluster_names: dict
    periods: List[str]  # time order

    @functools.cached_property
    def units(self) -> List[Dict[str, Any]]:
        """Every unit of the presence once (P-code, admin level): the units a map draws."""
        units = self.presence.loc[self.presence["unit_specified"],
                                  ["pcode", "unit_specified", "admin_level"]]
        return _plain_records(units.drop_duplicates("pcode"))

    @property
    def needs_given(self) -> bool:
        """Whether gaps were computed with needs (without, every unit is "no need reported"
        and a count of gaps would say 0 where it is unknown)."""
        return self.gaps is not None and bool(
            self.gaps["gap_status"].isin(("no_partner_with_need", "underserved", "covered"))
            .any())

    @classmethod
    def prepare(cls, presence: pd.DataFrame, rows: pd.DataFrame,
                gaps: Optional[pd.DataFrame] = None) -> "SelectionData":
        presence = presence.reindex(columns=list(PRESENCE_COLUMNS)).copy()
        presence["unit_specified"] = presence["unit_specified"].fillna(False).astype(bool)
        presence["protected"] = earlier_protection(presence).to_numpy()
        named = presence.loc[(presence["partner_list"].fillna("") != "")
                             & ~presence["protected"], ["cluster", "period", "partner_list"]]
        partners = named.assign(partner=named["partner_list"].str.split(PARTNER_SEPARATOR)) \
            .explode("partner").drop(columns="partner_list").drop_duplicates()
        names = presence.dropna(subset=["cluster"]).groupby("cluster")["cluster_name"].first()
        unmatched = rows.loc[rows["status"] == "unmatched", list(ROW_COLUMNS)]
        return cls(presence=_as_categories(presence), partners=partners.reset_index(drop=True),
                   rows=unmatched.reset_index(drop=True),
                   gaps=None if gaps is None else _as_categories(gaps.loc[:, list(GAP_COLUMNS)]),
                   clusters=sorted(names.index.astype(str)),
                   cluster_names={str(k): (v or str(k)) for k, v in names.items()},
                   periods=ordered_periods(presence["period"]))

    @classmethod
    def read(cls, outputs: Mapping[str, str]) -> "SelectionData":
        """From the panel's output files: presence, rows and, when computed, gaps."""
        gaps = read_gpkg_table(outputs["gaps"], GAP_COLUMNS) if outputs.get("gaps") else None
        return cls.prepare(read_gpkg_table(outputs["presence"], PRESENCE_COLUMNS),
                           read_gpkg_table(outputs["rows"], ROW_COLUMNS), gaps)


def _as_categories(frame: pd.DataFrame) -> pd.DataFrame:
    """Cluster and period as categories: every change of choice filters on them, and ``isin``
    on categories compares a few dozen values, not every row's string."""
    return frame.astype({"cluster": "category", "period": "category"})


@dataclass(frozen=True)
class ClusterEntry:
    code: str
    name: str
    partners: Optional[int]  # distinct partners over the chosen periods; None: withheld
    colour: str


def cluster_colour(code: str, colours: Optional[dict] = None) -> str:
    """The cluster's colour from ``colours`` (code -> "#rrggbb", e.g. the map pack's cluster
    styles), else one of PALETTE picked by the code."""
    if colours and code in colours:
        return colours[code]
    return PALETTE[zlib.crc32(str(code).encode("utf-8")) % len(PALETTE)]


def _chosen(frame: pd.DataFrame, clusters: Sequence[str], periods: Sequence[str],
            all_periods: Sequence[str]) -> pd.Series:
    """Lines of ``frame`` in the chosen clusters and periods (every period: nulls too)."""
    mask = frame["cluster"].isin(list(clusters))
    if set(periods) != set(all_periods):
        mask &= frame["period"].isin(list(periods))
    return mask


def cluster_entries(data: SelectionData, periods: Sequence[str],
                    colours: Optional[dict] = None) -> List[ClusterEntry]:
    """Each cluster with its number of distinct partners over the chosen periods."""
    partners = data.partners
    chosen = partners[_chosen(partners, data.clusters, periods, data.periods)]
    counts = chosen.groupby("cluster", observed=True)["partner"].nunique()
    protected = set(data.presence.loc[data.presence["protected"], "cluster"])
    return [ClusterEntry(code, data.cluster_names.get(code, code),
                         None if code in protected else int(counts.get(code, 0)),
                         cluster_colour(code, colours)) for code in data.clusters]


@dataclass(frozen=True)
class Summary:
    partners: int  # distinct organisations across the chosen clusters, periods and units
    activities: int  # 4W rows behind the chosen lines (the map pack's "activities reported")
    units_covered: int  # distinct admin units with at least one partner
    units_with_gap: Optional[int]  # distinct units with an unmet need; None: no gaps computed
    unmatched_rows: int  # rows of the chosen clusters and periods not placed on the map
    unmatched_total: int  # unmatched rows in the whole table
    withheld: bool = False  # protected lines chosen: their partners and activities not counted


def summarise(data: SelectionData, clusters: Sequence[str], periods: Sequence[str]
              ) -> Summary:
    presence = data.presence[_chosen(data.presence, clusters, periods, data.periods)]
    partners = data.partners[_chosen(data.partners, clusters, periods, data.periods)]
    protected = presence["protected"]
    # a protected line is there because it has partners, whose number may be hidden
    covered = presence.loc[presence["unit_specified"] & ((presence["partners"] > 0)
                                                         | protected), "pcode"]
    unmatched = data.rows
    gaps = None
    if data.needs_given:
        chosen_gaps = data.gaps[_chosen(data.gaps, clusters, periods, data.periods)]
        gaps = int(chosen_gaps.loc[chosen_gaps["gap_status"].isin(GAP_STATUSES), "pcode"]
                   .nunique())
    # activities: the 4W rows, as the map pack counts them (an older presence: its pairs)
    counted = "rows" if presence["rows"].notna().any() else "activities"
    return Summary(
        partners=int(partners["partner"].nunique()),
        activities=int(presence.loc[~protected, counted].sum()),
        units_covered=int(covered.nunique()),
        units_with_gap=gaps,
        unmatched_rows=int(_chosen(unmatched, clusters, periods, data.periods).sum()),
        unmatched_total=len(unmatched),
        withheld=bool(protected.any()),
    )


# Algorithm parameters -------------------------------------------------------------------------

PANEL_PERIOD_MODES = ("month", "quarter", "all")  # the panel's "Presence per" list, in order


def new_run_folder(home: str) -> Path:
    """A new folder for one run's outputs: in ``home``/coordmap_outputs when the project has a
    writable folder (so the layers stay with it), else in the temporary folder. Never an earlier
    run's: its files may still be open as layers."""
    prefix = time.strftime("%Y%m%d-%H%M%S-")
    if home and os.path.isdir(home) and os.access(home, os.W_OK):
        parent = Path(home) / "coordmap_outputs"
        parent.mkdir(exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=prefix, dir=parent))
    return Path(tempfile.mkdtemp(prefix=f"coordmap-{prefix}"))


def output_file(output) -> str:
    """The file of a Processing output ("path.gpkg|layername=x" -> "path.gpkg")."""
    return str(output).split("|", 1)[0] if output else ""


def join_period(period_choice: int) -> int:
    """The join's PERIOD option of the panel's "Presence per" choice (its index)."""
    return JOIN_PERIOD_MODES.index(PANEL_PERIOD_MODES[period_choice])


def join_parameters(table: str, admin: str, admin_level: int, period_choice: int,
                    folder: Path, default_year: Optional[int] = None) -> dict:
    """coordmap:join_4w for the panel (``period_choice``: index in PANEL_PERIOD_MODES); its
    outputs in ``folder``; ``default_year``: the year of month names written without one."""
    parameters = {
        "INPUT": table, "ADMIN": admin,
        "ADMIN_LEVEL": admin_level,
        "PERIOD": join_period(period_choice),
        "OUTPUT": str(folder / "presence.gpkg"),
        "OUTPUT_ROWS": str(folder / "rows.gpkg"),
        "OUTPUT_REPORT": str(folder / "qa_report.xlsx"),
    }
    if default_year:
        parameters["DEFAULT_YEAR"] = int(default_year)
    return parameters


def period_outcome(rows_path: str) -> Tuple[int, int]:
    """(rows placed on the map, rows skipped for want of a usable period) of a join's rows
    output: a table without dates, or with month names without a year, per month."""
    rows = read_gpkg_table(rows_path, ("status", "reason"))
    placed = int(rows["status"].isin(COUNTED_STATUSES).sum())
    no_period = int((rows["status"].eq("skipped")
                     & rows["reason"].fillna("").str.startswith(NO_PERIOD_REASON)).sum())
    return placed, no_period


def asks_for_whole_table(message: str) -> bool:
    """Whether a join stopped because no row has a period its presence per month or quarter
    can use (no date column, months without a year): the whole table still makes a map."""
    return WHOLE_TABLE_HINT in message


def join_outputs(results: Mapping) -> dict:
    """The panel's outputs (presence, rows, report) of a coordmap:join_4w run."""
    return {"presence": output_file(results.get("OUTPUT")),
            "rows": output_file(results.get("OUTPUT_ROWS")),
            "report": results.get("OUTPUT_REPORT", "")}


def gaps_parameters(outputs: Mapping, admin: str, admin_level: int, needs: str,
                    folder: Path) -> dict:
    """coordmap:gaps_overlaps on the join's ``outputs``; the needs table only when given."""
    parameters = {
        "PRESENCE": outputs["presence"], "ROWS": outputs["rows"],
        "ADMIN": admin,  # units with a need and no partner get their shape
        "ADMIN_LEVEL": admin_level,
        "OUTPUT_GAPS": str(folder / "gaps.gpkg"),
        "OUTPUT_OVERLAPS": str(folder / "overlaps.gpkg"),
        "OUTPUT_OVERLAP_UNITS": str(folder / "overlap_units.gpkg"),
        "OUTPUT_CHANGES": str(folder / "changes.gpkg"),
    }
    if needs:
        parameters["NEEDS"] = needs
    return parameters


def gaps_outputs(outputs: Mapping, results: Mapping) -> dict:
    """The join's ``outputs`` with the layers of a coordmap:gaps_overlaps run added."""
    return dict(outputs, gaps=output_file(results.get("OUTPUT_GAPS")),
                overlap_units=output_file(results.get("OUTPUT_OVERLAP_UNITS")))


def export_parameters(outputs: Mapping, clusters: Sequence[str], periods: Sequence[str],
                      folder: str, options: Optional[Mapping[str, Any]] = None) -> dict:
    """coordmap:export_maps for the chosen clusters and periods; the gaps and overlap layers
    only when they were computed, the rows for organisation types and acronyms, the
    boundaries for admin-1 outlines and names. ``options``: the panel's LANGUAGE, TEMPLATE,
    TITLE, SOURCE, PRODUCER, COMBINE_PERIODS (blank texts left out: the defaults apply)."""
    parameters = {"PRESENCE": outputs["presence"], "CLUSTERS": ",".join(clusters),
                  "PERIODS": ",".join(periods), "OUTPUT_FOLDER": folder}
    for key, parameter in (("gaps", "GAPS"), ("overlap_units", "OVERLAPS"), ("rows", "ROWS"),
                           ("admin", "ADMIN")):
        if outputs.get(key):
            parameters[parameter] = outputs[key]
    parameters.update({key: value for key, value in (options or {}).items()
                       if value not in (None, "")})
    return parameters


# The choice drawn as one map ------------------------------------------------------------------

def _plain_records(frame: pd.DataFrame) -> List[Dict[str, Any]]:
    """Lines of a frame as dicts of Python values, blanks as None (what the map pack's
    records hold), column by column: the panel redraws on every change of choice."""
    columns = {}
    for name in frame.columns:
        values, blank = frame[name].tolist(), frame[name].isna().tolist()
        columns[name] = [None if missing else value for value, missing in zip(values, blank)]
    return [dict(zip(columns, line)) for line in zip(*columns.values())]


def selection_values(data: SelectionData, clusters: Sequence[str], periods: Sequence[str]
                     ) -> Dict[str, Any]:
    """Partners per unit P-code over the choice, counted as the map pack counts a map:
    distinct organisations across the chosen clusters and periods; 0 where the 4W reached
    the unit but no chosen cluster did; None (no data) where nothing was reported;
    mappack.SMALL where data protection hid the count. One cluster and a range of periods
    gives what the map pack prints for that cluster with one map of the range."""
    every_period = set(periods) == set(data.periods)
    wanted = list(clusters)

    def as_choice(frame, columns):
        """The chosen lines under the SELECTION key; of the other clusters only which units
        the 4W reached in which period (a unit reached is 0, not "no data")."""
        if not every_period:
            frame = frame[frame["period"].isin(list(periods))]
        ticked = frame["cluster"].isin(wanted)
        others = frame.loc[~ticked, columns].drop_duplicates(["pcode", "period"])
        records = _plain_records(frame[ticked]) + _plain_records(others)
        for record in records:
            record["cluster"] = SELECTION if record.get("cluster") in wanted else "other"
        return records

    records = mappack.combine_periods(as_choice(
        data.presence.drop(columns=["cluster_name"]),
        ["pcode", "unit_specified", "admin_level", "period", "cluster"]))
    gaps = mappack.combine_gap_periods(as_choice(
        data.gaps, ["pcode", "period", "cluster", "gap_status"])) if data.gaps is not None \
        else []
    specs = mappack.plan_maps(records, clusters=[SELECTION])
    if not specs:
        levels = {r.get("admin_level") for r in records if mappack.unit_specified(r)}
        specs = [mappack.MapSpec(SELECTION, map_periods.span_period(periods),
                                 max((level for level in levels if level), default=None))]
    return mappack.UnitValues(records, gaps, data.units)(specs[0])
