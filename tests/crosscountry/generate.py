"""Generate, for any country of the reference gazetteer, a partner 4W/5W table as real ones look,
its boundary file, and the truth of every row and column.

    python tests/crosscountry/generate.py --out /tmp/cc [--countries COD,MLI] [--seeds 1,2]

writes per (country, seed) ``<ISO3>_<seed>/``: the table (CSV or XLSX), the boundary file
(GeoJSON or GeoPackage), ``truth.csv`` (one line per data row) and ``columns.json`` (every
column's true role). In code: ``generate(iso3, seed, folder) -> GeneratedTable``.

Deterministic per (country, seed): every choice comes from ``random.Random(f"{iso3}:{seed}")``.
Plain Python (pandas, shapely, openpyxl; GDAL's Python bindings for GeoPackage files, GeoJSON
without them); nothing here imports coordmap or qgis, and nothing here knows how the join works:
the tables model what partners write, the truth what a careful IM officer decides (truth.py).
See README.md for the conventions, their frequencies and the truth rules. The parts: style.py
(the per-table choices), boundaries.py, columns.py, rows.py (cells and their evidence), truth.py;
this module writes the sheet and puts them together.
"""
import argparse
import csv
import datetime
import io
import json
import random
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, List, Optional, Sequence, Tuple

import pandas as pd

if __package__ in (None, ""):  # run as a script: import the package the way the tests do
    sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "build" / "plugins"))
    __package__ = "coordmap.tests.crosscountry"  # noqa: A001

from . import conventions as cv
from .boundaries import Boundary, write_boundary
from .columns import Column, build_columns
from .reference import (
    country_codes,
    load_country,
)
from .rows import Row, RowMaker
from .style import Style, choose_style
from .truth import Truth, resolve

GENERATED_AT = datetime.datetime(2025, 3, 1)


@dataclass
class GeneratedTable:
    iso3: str
    seed: int
    path: Path
    boundary: Boundary
    columns: List[Column]
    truth: pd.DataFrame  # source_row, expected, level, resolvable, reason, overruled, tags
    style: Dict[str, Any]
    header_rows: int  # rows above the first data row

    @property
    def name(self) -> str:
        return f"{self.iso3}_{self.seed}"


# -- Writing ------------------------------------------------------------------------------------

def _grid(columns: List[Column], style: Style, rows: List[Row], language: str,
          rng: random.Random) -> Tuple[List[List[Any]], int, List[Tuple[int, int, int, int]]]:
    """Every row of the sheet (title, group, header, HXL, data, blank), the number of rows
    above the data and the merged cells of a two-row header (row, first column, last column,
    rows down)."""
    width = len(columns)
    grid: List[List[Any]] = []
    merges = []
    if style.title_rows:
        clusters = cv.CLUSTERS[style.vocabulary]
        title = rng.choice(cv.TITLES[style.vocabulary]).format(
            month=cv.MONTHS[style.vocabulary][2], cluster=clusters[0])
        grid += [[title] + [""] * (width - 1), [""] * width]
    two_rows = style.two_row_header and any(c.group for c in columns)
    if two_rows:
        group_row: List[Any] = [""] * width
        start = 0
        while start < width:
            end = start
            while end + 1 < width and columns[end + 1].group == columns[start].group:
                end += 1
            group_row[start] = columns[start].group or ""
            if columns[start].group and end > start:
                merges.append((len(grid) + 1, start, end, 0))
            start = end + 1
        grid.append(group_row)
    grid.append([c.header for c in columns])
    if two_rows and style.vertical_merges:  # "Partner" spanning both rows, as Excel shows it
        top, bottom = grid[-2], grid[-1]
        for j, column in enumerate(columns):
            if not column.group:
                top[j], bottom[j] = column.header, ""
                merges.append((len(grid) - 1, j, j, 1))
    if style.hxl:
        grid.append([_spaced(c.hxl, style.hxl_spaces) if c.hxl and rng.random() < 0.9 else ""
                     for c in columns])
    above = len(grid)
    for row in rows:
        grid.append([row.cells.get(j, "") for j in range(width)])
    grid += [[""] * width for _ in range(style.trailing_blank_rows)]
    return grid, above, merges


def _spaced(tag: str, spaces: bool) -> str:
    return tag.replace("+", " +") if spaces else tag


def write_table(path_stem: Path, grid: List[List[Any]], style: Style,
                merges: List[Tuple[int, int, int, int]]) -> Tuple[Path, str]:
    if style.file_format == "xlsx":
        return _write_xlsx(path_stem.with_suffix(".xlsx"), grid, merges), "xlsx"
    return _write_csv(path_stem.with_suffix(".csv"), grid, style)


def _write_csv(path: Path, grid, style: Style) -> Tuple[Path, str]:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=style.delimiter, lineterminator="\r\n")
    for row in grid:
        writer.writerow(["" if v is None else v for v in row])
    text = buffer.getvalue()
    encoding = style.encoding
    try:
        data = text.encode(encoding)
    except UnicodeEncodeError:  # an old Windows code page cannot hold these names
        encoding = "utf-8"
        data = text.encode(encoding)
    path.write_bytes(data)
    return path, f"csv {encoding} {'tab' if style.delimiter == chr(9) else style.delimiter}"


def _write_xlsx(path: Path, grid, merges) -> Path:
    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.title = "4W"
    for row in grid:
        sheet.append([_xlsx_value(v) for v in row])
    for row, first, last, down in merges:
        sheet.merge_cells(start_row=row, start_column=first + 1, end_row=row + down,
                          end_column=last + 1)
    workbook.properties.created = workbook.properties.modified = GENERATED_AT
    workbook.save(path)
    return path


def _xlsx_value(value):
    if value == "":
        return None
    if isinstance(value, str) and value.isdigit() and len(value) > 3 and not value.startswith("0"):
        return int(value)  # codes without letters are stored as numbers by Excel
    return value


# -- The whole generation -----------------------------------------------------------------------

def generate(iso3: str, seed: int, folder: Path, max_rows: Optional[int] = None) -> GeneratedTable:
    """Table, boundary file and truth of ``iso3`` for ``seed``, written into ``folder``."""
    rng = random.Random(f"{iso3}:{seed}")
    country = load_country(iso3)
    style = choose_style(country, rng)
    if max_rows:
        style.rows = min(style.rows, max_rows)
    folder.mkdir(parents=True, exist_ok=True)
    boundary = write_boundary(country, style, folder, rng)
    columns = build_columns(country, style, rng)
    maker = RowMaker(country, style, columns, rng)
    rows = [maker.row() for _ in range(style.rows)]
    if style.total_row:
        rows.append(maker.total_row(rows))
    grid, above, merges = _grid(columns, style, rows, style.language, rng)
    stem = folder / f"{iso3.lower()}_4w_{seed}"
    path, written_as = write_table(stem, grid, style, merges)
    truths = [resolve(country, row.evidence, boundary.pcodes, boundary.levels, row.total)
              for row in rows]
    truth = truth_frame(rows, truths, above)
    style_record = {k: v for k, v in vars(style).items() if k != "row_kinds"}
    style_record.update(row_kinds={k: round(v, 4) for k, v in style.row_kinds.items()},
                        written_as=written_as, boundary=f"{boundary.schema} {boundary.file_format} "
                        f"levels {','.join(map(str, boundary.levels))}")
    table = GeneratedTable(iso3, seed, path, boundary, columns, truth, style_record, above)
    _write_manifest(folder, table)
    return table


def truth_frame(rows: Sequence[Row], truths: Sequence[Truth], above: int) -> pd.DataFrame:
    return pd.DataFrame({
        "source_row": [above + i + 1 for i in range(len(rows))],
        "expected": [t.text for t in truths],
        "level": [t.level if t.level is not None else 0 for t in truths],
        "resolvable": [t.resolvable for t in truths],
        "reason": [t.reason for t in truths],
        "overruled": [";".join(t.overruled) for t in truths],
        "tags": [";".join(dict.fromkeys(r.tags)) for r in rows],
    })


def _write_manifest(folder: Path, table: GeneratedTable) -> None:
    table.truth.to_csv(folder / "truth.csv", index=False)
    (folder / "columns.json").write_text(json.dumps({
        "table": table.path.name, "boundary": table.boundary.path.name,
        "boundary_levels": list(table.boundary.levels), "style": table.style,
        "columns": [vars(c) for c in table.columns]}, ensure_ascii=False, indent=1,
        default=str), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True, type=Path)
    parser.add_argument("--countries", default="", help="comma-separated ISO3 codes (all)")
    parser.add_argument("--seeds", default="1", help="comma-separated seeds")
    parser.add_argument("--max-rows", type=int, default=None)
    args = parser.parse_args(argv)
    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()] \
        or country_codes()
    for iso3 in countries:
        for seed in (int(s) for s in args.seeds.split(",")):
            table = generate(iso3, seed, args.out / f"{iso3}_{seed}", args.max_rows)
            print(f"{table.name}: {len(table.truth)} rows, {table.path.name}, "
                  f"{table.boundary.path.name}")


if __name__ == "__main__":
    main()
