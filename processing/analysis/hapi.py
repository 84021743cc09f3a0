"""The join's presence in the shape of HDX HAPI's operational presence table: one row per
organisation x sector x admin unit x period, so a cluster can compare its figures with HDX's
and share them in HDX's format.

The columns are HAPI's (``/api/v1/coordination-context/operational-presence``, without its
database references): the country, admin 1 and admin 2 codes and names, the admin level,
organisation acronym, name and type, sector code and name, reference period start and end,
with an HXL row under the header (``hxl.FIELD_TAGS``). HAPI stops at admin 2: a row located
deeper is counted in its admin 2 unit; a row located at admin 1 has no admin 2 (admin level 1).

Sector codes are CoordMap's cluster codes (the IASC/HDX ones), except where HAPI has another
code for the same sector (``hdx_hapi_sector_codes`` in clusters.json: multipurpose cash is
HAPI's 'Cash', coordination and common services its 'CCM'). Organisation types get HDX's code
where the type is recognised (resources/vocabulary/hdx_org_types.json).

Sensitive clusters (data protection): no organisation is named; their presence is one row per
admin unit x sector x period with the organisation left blank.
"""
import csv
import re
from calendar import monthrange
from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Tuple, Union

import numpy as np
import pandas as pd

from .boundaries import AdminUnits
from .clusters import ClusterVocabulary
from .coded import CodedColumn
from .countries import by_alpha
from .errors import InputError
from .hxl import hxl_row, is_hxl_row
from .join import COUNTED_STATUSES
from .protection import ProtectionPolicy
from .textnorm import fold
from .translation import QT_TRANSLATE_NOOP
from .vocabulary import load_vocabulary

# (column, type): HAPI's operational presence columns, in HAPI's order.
HAPI_COLUMNS: Tuple[Tuple[str, str], ...] = (
    ("location_code", "text"), ("location_name", "text"),
    ("admin1_code", "text"), ("admin1_name", "text"),
    ("admin2_code", "text"), ("admin2_name", "text"), ("admin_level", "integer"),
    ("org_acronym", "text"), ("org_name", "text"),
    ("org_type_code", "text"), ("org_type_description", "text"),
    ("sector_code", "text"), ("sector_name", "text"),
    ("reference_period_start", "date"), ("reference_period_end", "date"),
)
HAPI_FIELDS = [name for name, _ in HAPI_COLUMNS]
HAPI_DEEPEST_LEVEL = 2
# The rows output's fields a line of the operational presence is made from
LINE_COLUMNS = ("status", "pcode", "cluster", "cluster_name", "period", "period_start",
                "period_end", "organisation", "organisation_acronym", "organisation_type",
                "protected")
PERIOD_BOUNDS = ("reference_period_start", "reference_period_end")
ROWS_NEEDED = ("status", "pcode", "cluster", "period", "organisation")
_PERIOD = re.compile(r"^(\d{4})(?:-(\d{2})|-Q([1-4]))?$")


@dataclass
class OperationalPresence:
    table: pd.DataFrame  # HAPI_FIELDS, one row per organisation x sector x unit x period
    notes: List[str] = field(default_factory=list)  # rows left out and why, codes mapped


def hapi_sector_codes() -> Dict[str, str]:
    """CoordMap cluster code -> HAPI sector code, where they differ."""
    codes = load_vocabulary("clusters").get("hdx_hapi_sector_codes", {})
    return {code: value for code, value in codes.items() if not code.startswith("_")}


def operational_presence(rows: pd.DataFrame, units: AdminUnits,
                         clusters: Optional[ClusterVocabulary] = None,
                         policy: Optional[ProtectionPolicy] = None,
                         country: str = "", source: str = "rows") -> OperationalPresence:
    """HAPI's operational presence from the join's rows output (the rows that count: used or
    rolled up; a split row once per unit). ``country``: ISO 3166 code of the country (default:
    the admin 1 P-codes' prefix, where it is an ISO code); ``source``: the rows' layer name."""
    missing = [name for name in ROWS_NEEDED if name not in rows.columns]
    if missing:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{layer}: not the rows output of the join: fields {fields} are missing"),
            layer=source, fields=", ".join(missing))
    clusters = clusters or ClusterVocabulary.load()
    policy = policy or ProtectionPolicy(vocabulary=clusters)
    notes: List[str] = []
    lines = _counted_lines(rows, units, notes)
    if lines.empty:
        return OperationalPresence(pd.DataFrame(columns=HAPI_FIELDS), notes)
    protected = policy.sensitive_lines(lines)
    lines = _with_organisations(lines, protected, notes)
    lines = _with_sectors(lines, clusters, notes)
    lines = _with_periods(lines, notes)
    table = _grouped(lines)
    country_code, country_name = _country(country, table["admin1_code"])
    table.insert(0, "location_code", country_code)
    table.insert(1, "location_name", country_name)
    if protected.any():
        notes.append(f"{int(protected.sum())} rows of sensitive clusters: their presence names "
                     "no organisation (one row per unit, sector and period)")
    table = table[HAPI_FIELDS].sort_values(
        ["admin1_code", "admin2_code", "sector_code", "org_name", "reference_period_start"],
        na_position="first", kind="stable").reset_index(drop=True)
    for name, kind in HAPI_COLUMNS:  # missing values None, as in every pandas version
        if kind != "integer":
            table[name] = table[name].astype(object).where(table[name].notna(), None)
    return OperationalPresence(table, notes)


def _counted_lines(rows: pd.DataFrame, units: AdminUnits, notes: List[str]) -> pd.DataFrame:
    """One line per counted row and unit (a split row's units separated), with its admin 1
    and admin 2 units."""
    kept = rows["status"].isin(COUNTED_STATUSES) & rows["pcode"].notna()
    # only the fields a line is made from: the partners' own columns are not copied
    counted = rows.loc[kept, [c for c in rows.columns if c in LINE_COLUMNS]]
    counted["pcode"] = _per_value(counted["pcode"], lambda pcode: str(pcode).split(";"))
    counted = counted.explode("pcode", ignore_index=True)
    counted["pcode"] = _per_value(counted["pcode"], str.strip)
    known = _per_value(counted["pcode"], lambda pcode: pcode in units).to_numpy(dtype=bool)
    if not known.all():
        unknown = sorted(set(counted.loc[~known, "pcode"]))
        notes.append(f"{int(np.count_nonzero(~known))} rows located in units the boundaries "
                     f"do not have (give the boundaries the join used): "
                     f"{', '.join(unknown[:10])}")
    counted = counted[known]
    levels = {pcode: units.level_of(pcode) for pcode in set(counted["pcode"])}
    counted["admin_level"] = counted["pcode"].map(
        {pcode: min(level, HAPI_DEEPEST_LEVEL) for pcode, level in levels.items()}
    ).astype("int64")
    for level in (1, 2):  # (objects, not Series.map: pandas 3 would make None a NaN)
        codes = _per_value(counted["pcode"], lambda pcode, lvl=level: units.ancestor_or_self(
            pcode, lvl) if levels[pcode] >= lvl else None)
        counted[f"admin{level}_code"] = codes
        counted[f"admin{level}_name"] = _per_value(codes, units.name)
    return counted


def _per_value(values: pd.Series, func) -> pd.Series:
    """``func`` of each value, called once per distinct value (a 4W table repeats a few
    hundred over its rows); a missing value stays None."""
    cells = CodedColumn.of_cells(values.to_numpy(dtype=object))
    return pd.Series(cells.map(func), index=values.index, dtype=object)


def _with_organisations(lines: pd.DataFrame, protected: pd.Series, notes: List[str]
                        ) -> pd.DataFrame:
    """org_name (the acronym where no name), org_acronym, org_type_code, org_type_description
    and org_key (the folded name: spellings of one organisation are one); sensitive lines have
    no organisation."""
    name = _texts(lines, "organisation")
    acronym = _texts(lines, "organisation_acronym")
    name = name.where(name.notna(), acronym)
    nameless = name.isna() & ~protected
    if nameless.any():
        notes.append(f"{int(nameless.sum())} rows without organisation name or acronym are "
                     "not in the operational presence")
    lines = lines.assign(org_name=name, org_acronym=acronym,
                         org_type_description=_texts(lines, "organisation_type"))[~nameless]
    protected = protected[~nameless]
    for column in ("org_name", "org_acronym", "org_type_description"):
        lines.loc[protected, column] = None
    types = OrganisationTypes.load()
    given = lines["org_type_description"]
    lines["org_type_code"] = _per_value(given, types.code)
    lines["org_type_description"] = _per_value(
        given, lambda text: types.description(types.code(text), text))
    lines["org_key"] = _per_value(lines["org_name"], fold).fillna("")
    return lines


def _texts(lines: pd.DataFrame, column: str) -> pd.Series:
    if column not in lines:
        return pd.Series(None, index=lines.index, dtype=object)
    return _per_value(lines[column], lambda value: value if str(value).strip() else None)


def _with_sectors(lines: pd.DataFrame, clusters: ClusterVocabulary, notes: List[str]
                  ) -> pd.DataFrame:
    hapi = hapi_sector_codes()
    codes = lines["cluster"].astype(object)
    mapped = codes.isin(list(hapi))
    for code, rows in codes[mapped].value_counts().items():
        notes.append(f"{rows} rows of {code} have HAPI's sector code {hapi[code]}")
    unknown = codes.notna() & ~codes.isin(clusters.codes)
    if unknown.any():
        notes.append(f"{int(unknown.sum())} rows of clusters not in the vocabulary keep their "
                     f"text as sector code: {', '.join(sorted(set(codes[unknown]))[:10])}")
    named: Dict[tuple, object] = {}
    names = []
    for pair in zip(codes, lines.get("cluster_name", codes)):  # (a name per distinct pair)
        if pair not in named:
            code, given = pair
            named[pair] = clusters.name(code, "en") if code in clusters.names else (
                given if isinstance(given, str) else code)
        names.append(named[pair])
    return lines.assign(sector_code=_per_value(codes, lambda code: hapi.get(code, code)),
                        sector_name=names)


def _with_periods(lines: pd.DataFrame, notes: List[str]) -> pd.DataFrame:
    """The reference period of each line: its period's first and last day (a month, a quarter
    or a year), else the row's own start and end dates."""
    starts = _per_value(lines["period"], lambda period: period_bounds(period)[0])
    ends = _per_value(lines["period"], lambda period: period_bounds(period)[1])
    for column, values in (("period_start", starts), ("period_end", ends)):
        if column in lines:
            own = pd.to_datetime(lines[column], errors="coerce").dt.date
            values.loc[values.isna()] = own[values.isna()]
    undated = starts.isna()
    if undated.any():
        notes.append(f"{int(undated.sum())} rows have no period nor dates: their reference "
                     "period is blank")
    return lines.assign(reference_period_start=starts, reference_period_end=ends)


@lru_cache(maxsize=1024)  # (asked for each period's start, then for its end)
def period_bounds(period: str) -> Tuple[Optional[date], Optional[date]]:
    """First and last day of a period key ("2025-03", "2025-Q1", "2025"); (None, None) for
    anything else."""
    match = _PERIOD.match(str(period).strip())
    if not match:
        return None, None
    year, month, quarter = int(match.group(1)), match.group(2), match.group(3)
    if month and 1 <= int(month) <= 12:
        first = last = int(month)
    elif quarter:
        first, last = 3 * int(quarter) - 2, 3 * int(quarter)
    elif month:
        return None, None
    else:
        first, last = 1, 12
    return date(year, first, 1), date(year, last, monthrange(year, last)[1])


def _grouped(lines: pd.DataFrame) -> pd.DataFrame:
    """One row per organisation x sector x unit x period: the first spelling of each text, the
    earliest start and the latest end."""
    keys = ["admin1_code", "admin2_code", "sector_code", "org_key", "period"]
    # the reference periods as datetime64, whose min and max pandas takes in C (of date
    # objects, in Python)
    dates = {column: pd.to_datetime(lines[column]) for column in PERIOD_BOUNDS}
    lines = lines.assign(**{key: lines[key].fillna("") for key in keys}, **dates)
    grouped = lines.groupby(keys, sort=False, dropna=False)
    table = grouped.agg(
        admin1_name=("admin1_name", "first"), admin2_name=("admin2_name", "first"),
        admin_level=("admin_level", "max"), org_acronym=("org_acronym", "first"),
        org_name=("org_name", "first"), org_type_code=("org_type_code", "first"),
        org_type_description=("org_type_description", "first"),
        sector_name=("sector_name", "first"),
        reference_period_start=("reference_period_start", "min"),
        reference_period_end=("reference_period_end", "max")).reset_index()
    for key in ("admin1_code", "admin2_code"):
        table[key] = table[key].replace("", None)
    for column in PERIOD_BOUNDS:
        table[column] = table[column].dt.date
    return table


def _country(given: str, admin1_codes: pd.Series) -> Tuple[Optional[str], Optional[str]]:
    """(ISO3 code, name) of the country given, else of the admin 1 P-codes' letters where they
    are an ISO 3166 code (None where not)."""
    code = (given or "").strip().upper()
    if not code:
        prefixes = {re.match(r"[A-Za-z]*", str(p)).group(0).upper()
                    for p in admin1_codes.dropna()}
        code = prefixes.pop() if len(prefixes) == 1 else ""
    country = by_alpha().get(code)
    if country is None:
        return (code or None) if given else None, None
    return country["alpha3"], country["name"]


class OrganisationTypes:
    """HDX organisation type codes from the types partners write (hdx_org_types.json)."""

    def __init__(self, data: Dict):
        self.descriptions = {code: spec["description"] for code, spec in data["types"].items()}
        self._codes = {fold(alias): code for code, spec in data["types"].items()
                       for alias in [spec["description"], *spec.get("aliases", [])]}

    @classmethod
    def load(cls) -> "OrganisationTypes":
        return cls(load_vocabulary("hdx_org_types"))

    def code(self, text) -> Optional[str]:
        return self._codes.get(fold(str(text)))

    def description(self, code: Optional[str], text: Optional[str]) -> Optional[str]:
        """HDX's description of a recognised type; the partner's text of another."""
        return self.descriptions.get(code, text) if isinstance(code, str) else text


# Writing and reading ---------------------------------------------------------------------------

def write_operational_presence(path: Union[str, Path], table: pd.DataFrame) -> Path:
    """CSV (UTF-8) or XLSX: the header, HXL row, then the rows; dates as YYYY-MM-DD."""
    path = Path(path)
    rows = [[_cell(value) for value in record]
            for record in table[HAPI_FIELDS].itertuples(index=False)]
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(path, rows)
    elif suffix == ".csv":
        with open(path, "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerows([HAPI_FIELDS, hxl_row(HAPI_FIELDS)] + rows)
    else:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "Operational presence {file}: use a .csv or .xlsx file name"),
            file=path.name)
    return path


def _cell(value):
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    if isinstance(value, date):
        return value.isoformat()
    if hasattr(value, "item"):  # numpy integers
        return value.item()
    return value


def _write_xlsx(path: Path, rows: List[list]) -> None:
    from openpyxl import Workbook

    from .report import neutralise

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "operational_presence"
    sheet.append(HAPI_FIELDS)
    sheet.append(hxl_row(HAPI_FIELDS))
    for row in rows:  # partners' texts stay texts: a name starting with = is no formula
        sheet.append([neutralise(value) for value in row])
    for row in sheet.iter_rows(min_row=3):
        for cell in row:
            if isinstance(cell.value, str):
                cell.data_type = "s"
    sheet.freeze_panes = "A3"
    workbook.save(path)


def read_operational_presence(path: Union[str, Path]) -> pd.DataFrame:
    """A table in HAPI's operational presence shape (CSV or XLSX with its HXL row, as written
    here or downloaded from HDX with these columns): its columns and HXL tags are checked and
    its values typed (admin_level integer, reference periods dates)."""
    path = Path(path)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import load_workbook

        sheet = load_workbook(path, read_only=True).worksheets[0]
        grid = [["" if v is None else str(v) for v in row]
                for row in sheet.iter_rows(values_only=True)]
    else:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            grid = list(csv.reader(handle))
    if len(grid) < 2:
        raise InputError(f"{path.name}: no header and HXL row")
    header, tags, body = grid[0], grid[1], grid[2:]
    absent = [name for name in HAPI_FIELDS if name not in header]
    if absent:
        raise InputError(f"{path.name}: not HAPI's operational presence: column(s) "
                         f"{', '.join(absent)} missing")
    expected = dict(zip(HAPI_FIELDS, hxl_row(HAPI_FIELDS)))
    wrong = [f"{name} ({tag or 'none'}, not {expected[name]})"
             for name, tag in zip(header, tags) if name in expected and tag != expected[name]]
    if not is_hxl_row(tags) or wrong:
        raise InputError(f"{path.name}: row 2 is not the HXL row of HAPI's operational "
                         f"presence: {', '.join(wrong) or 'no hashtags'}")
    frame = pd.DataFrame(body, columns=header)[HAPI_FIELDS].replace("", None)
    for name, kind in HAPI_COLUMNS:
        frame[name] = _typed(frame[name], kind, name, path.name)
    return frame


def _typed(values: pd.Series, kind: str, name: str, source: str) -> pd.Series:
    if kind == "text":
        return values.astype(object)
    converted = pd.to_numeric(values, errors="coerce").astype("Int64") if kind == "integer" \
        else pd.to_datetime(values, format="%Y-%m-%d", errors="coerce").dt.date
    bad = values.notna() & pd.isna(converted)
    if bad.any():
        row = int(bad.to_numpy().nonzero()[0][0]) + 3
        raise InputError(f"{source}, row {row}, column {name}: {values[bad].iloc[0]!r} is not "
                         f"a{'n' if kind == 'integer' else ''} {kind}")
    return converted

