"""The four real OCHA tables of ../shared/data/real, joined and scored like the generated ones.

Truth: the official P-codes the partner's own table carries, at the boundary file's level: the
deepest code column's code; where it is not in the boundary file, the unit of the file its code
starts with (a sub-district code below the file's districts: its region); where the cell is
blank, the parent code column's unit (a roll-up, resolvable only if the file carries that
level). A row whose deepest code is blank but whose deeper *name* is given is not scored: the
partner's table gives no official code for the place it names.
The Burundi table has names only: its truth is the hand-checked table of its 58 spellings in
tests/plain/test_matching_real.py (an ambiguous spelling has no unit; the known parts of a list
keep theirs). The join runs with the table and one boundary file only, as a new user would.
"""
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, List, Optional, Tuple

import pandas as pd

from .reference import load_country
from .score import TableScore, read_boundary, run_join, score_rows


@dataclass(frozen=True)
class RealTable:
    name: str
    iso3: str
    table: str  # path under the real-data folder
    boundary: str
    header_rows: int  # rows above the first data row (header, HXL)
    code_columns: Tuple[str, ...] = ()  # deepest first
    deeper_name: Optional[str] = None  # name column of the deepest code column's level
    name_column: Optional[str] = None  # names-only tables: the column the truth table keys
    sheet: Optional[str] = None


REAL_TABLES = (
    RealTable("som 3W 2025 (admin 2)", "SOM", "som/som_3w_jan_apr_2025.xlsx",
              "som/som_adm2_2023.geojson", 1, ("DistrictPcode", "RegionPcode"), "District",
              sheet="3W_Dataset_January - April 2025"),
    RealTable("nga 3W 2023 (admin 2)", "NGA", "nga/nga_3w_q4_2023.xlsx",
              "nga/nga_adm2_2019.topojson", 2, ("LGA PCode", "State Pcode"), "LGA"),
    RealTable("lbn sectors 2024 (admin 2)", "LBN", "lbn/lbn_sectors_by_district_2024_hxl.csv",
              "lbn/lbn_adm2_2019.topojson", 2, ("Admin2Code", "Admin1Code"), "Admin2"),
    RealTable("bdi 3W 2023 (admin 1)", "BDI", "bdi/bdi_3w_feb_2023.ods",
              "bdi/bdi_adm1_2019.topojson", 2, name_column="Province"),
)


def score_real(real: RealTable, folder: Path) -> TableScore:
    table_path, boundary_path = folder / real.table, folder / real.boundary
    truth = real_truth(real, table_path, boundary_path)
    table, result = run_join(table_path, boundary_path, real.sheet)
    score = TableScore(real.name, real.iso3)
    score.rows, score.resolvable = len(truth), int(truth["resolvable"].sum())
    score.summary = dict(result.summary)
    score_rows(score, load_country(real.iso3), truth, result.rows)
    return score


def real_truth(real: RealTable, table_path: Path, boundary_path: Path) -> pd.DataFrame:
    layer = _layer_pcodes(boundary_path)  # (first: where GDAL is missing the test skips here)
    frame = _read(table_path, real)  # (pandas reads with calamine from 2.2 on)
    if real.name_column:
        records = [_name_truth(value) for value in frame[real.name_column]]
    else:
        records = [_code_truth(row, real, layer) for _, row in frame.iterrows()]
    truth = pd.DataFrame(records, columns=["expected", "level", "resolvable", "reason"])
    truth["scored"] = ~truth["reason"].eq(UNSCORED)
    truth.insert(0, "source_row", range(real.header_rows + 1, real.header_rows + 1 + len(frame)))
    truth["overruled"], truth["tags"] = "", ""
    return truth


def _read(path: Path, real: RealTable) -> pd.DataFrame:
    skip = list(range(1, real.header_rows))  # the HXL row under the header
    if path.suffix == ".csv":
        return pd.read_csv(path, dtype=str, keep_default_na=False, skiprows=skip)
    return pd.read_excel(path, sheet_name=real.sheet or 0, engine="calamine", dtype=str,
                         keep_default_na=False, skiprows=skip)


def _layer_pcodes(path: Path) -> Dict[str, int]:
    """P-code -> level of every unit a boundary file names in its P-code fields."""
    records, _ = read_boundary(path)
    found: Dict[str, int] = {}
    for record in records:
        for field_name, value in record.items():
            match = re.search(r"(?i)adm(?:in)?(\d)_?pcode", field_name)
            if match and value:
                found[str(value)] = int(match.group(1))
    return found


UNSCORED = "a name without its official code: not scored"


def _code_truth(row: pd.Series, real: RealTable, layer: Dict[str, int]) -> List:
    deepest_column, parent_column = real.code_columns
    written = _written(row[deepest_column])
    if written:
        code = _official(written, layer) or _unit_starting(written, layer)
        if code is not None:
            how = "the partner's own code" if code == _official(written, layer) else \
                "rolled up to the unit the partner's code lies in"
            return [code, layer[code], True, how]
    elif real.deeper_name and _written(row[real.deeper_name]):
        return ["", 0, False, UNSCORED]
    parent = _written(row[parent_column])
    code = _official(parent, layer) if parent else None
    if code is not None:
        return [code, layer[code], True, "rolled up to the partner's parent code"]
    if parent:
        return [parent, 1, False, "only a coarser code, and the boundaries do not carry its level"]
    return ["", 0, False, "no location given"]


def _written(value) -> str:
    text = str(value).strip()
    return "" if text in ("", "#N/A", "N/A", "-") else text


def _unit_starting(code: str, layer: Dict[str, int]) -> Optional[str]:
    """The longest P-code of the file that ``code`` starts with (its parent by structure)."""
    found = [p for p in layer if code.upper().startswith(p) and p != code.upper()]
    return max(found, key=len) if found else None


def _official(value, layer: Dict[str, int]) -> Optional[str]:
    """The partner's code as the boundary file writes it (case, or a three-letter country part
    where the file has two), or None."""
    code = str(value).strip().upper()
    for candidate in (code, code[:2] + code[3:] if code[:3].isalpha() else None):
        if candidate and candidate in layer:
            return candidate
    return None


def _name_truth(value) -> List:
    from coordmap.tests.plain.test_matching_real import BURUNDI

    spelling = str(value).strip()
    if not spelling:
        return ["", 0, False, "no location given"]
    units = [part for part in BURUNDI[spelling] if isinstance(part, str)]
    if not units:
        return ["", 0, False, "checked by hand: no unit (" + BURUNDI[spelling][0][1] + ")"]
    return [";".join(units), 1, True, "checked by hand"]
