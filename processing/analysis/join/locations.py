"""Where each row is: the location columns, the admin level of the presence, the matcher's
lines, and points placed by their coordinates."""
import numpy as np
import pandas as pd

from ..errors import InputError
from ..headers import Table4W, listed
from ..matching import Matcher, MatchLines
from ..progress import SILENT, Progress
from ..translation import QT_TRANSLATE_NOOP


def location_columns(table: Table4W):
    code_cols = {lvl: table.roles[f"adm{lvl}_code"] for lvl in range(1, 5)
                 if f"adm{lvl}_code" in table.roles}
    name_cols = {lvl: table.roles[f"adm{lvl}_name"] for lvl in range(1, 5)
                 if f"adm{lvl}_name" in table.roles}
    if not code_cols and not name_cols and not {"lat", "lon"} <= set(table.roles):
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{table}: no admin P-code, admin name or latitude/longitude column was "
                          "recognised among: {columns}. Name the columns in the Mapping "
                          "parameter, e.g. adm2_code=District Pcode;adm1_name=Region"),
            table=table.where, columns=listed(table.columns))
    return code_cols, name_cols


def target_level(table, units, wanted, code_cols, name_cols) -> int:
    levels = units.levels
    if wanted is not None:
        if wanted not in levels:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "admin level {level} was asked for, but the boundaries have levels "
                              "{levels}"),
                level=wanted, levels=", ".join(map(str, levels)))
        return wanted
    in_table = [lvl for lvl in levels if lvl in code_cols or lvl in name_cols]
    return max(in_table) if in_table else max(levels)


def match_locations(table, units, level, code_cols, name_cols, crosswalk,
                    progress: Progress = SILENT) -> MatchLines:
    matcher = Matcher(units, crosswalk=crosswalk, target_level=level)
    lines = matcher.resolve_lines(table.height, code_cols, name_cols, table.coded, progress)
    if {"lat", "lon"} <= set(table.roles):
        lines = _locate_points(table, units, level, lines)
    return lines


def _locate_points(table, units, level, lines: MatchLines) -> MatchLines:
    """Rows with coordinates and no location found by code or name: point in polygon."""
    lon = pd.to_numeric(table.column(table.roles["lon"]), errors="coerce").to_numpy()
    lat = pd.to_numeric(table.column(table.roles["lat"]), errors="coerce").to_numpy()
    unplaced = ~present_values(lines.field("pcode")) & (lines.field("method") != "national")
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


def present_values(values: np.ndarray) -> np.ndarray:
    """Per value of a (small) object array: not None or NaN."""
    return pd.notna(values).astype(bool)
