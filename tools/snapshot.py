"""Snapshot of the analysis' results, to check that a refactoring changes none of them.

``record FOLDER`` runs read_table -> parse_table -> join_4w on a fixed set of cases and writes
every result to FOLDER (outside the checkout: results of real data must never be committed);
``compare OLD NEW`` reports every difference in values, types, dtypes, or row and column order.

Cases: every table of the hostile-input corpus (tests/corpus), the four real tables with the
boundary files the real-data join tests use (skipped where ../shared is absent), the sample
country's 4W (admin 2 and admin 3), and the benchmark's generated 10k- and 100k-row CSVs
(benchmarks/bench_join.py), each in the three period modes; and each CSV's raw cells as the
reader gives them. The tables other than the corpus' are also joined with every organisation
counted, and with the crosswalk of their suggestions. A case that fails records its error.

    .venv/bin/python tools/snapshot.py record /tmp/snap-before
    .venv/bin/python tools/snapshot.py record /tmp/snap-after
    .venv/bin/python tools/snapshot.py record /tmp/snap-plain --plain   # CSVs by the plain path
    .venv/bin/python tools/snapshot.py compare /tmp/snap-before /tmp/snap-after
"""
import argparse
import fnmatch
import pickle
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable, Dict, Iterator, List, Optional

ROOT = Path(__file__).resolve().parents[1]
PLUGINS = ROOT / "build" / "plugins"
REAL_DATA = ROOT.parent / "shared" / "data" / "real"
PERIOD_MODES = ("all", "month", "quarter")
BENCH_SCALES = (10_000, 100_000)
BENCH_SEED = 7  # as benchmarks/bench_join.py
FRAMES = ("rows", "presence", "issues", "mapping", "matches")


def _import_package() -> None:
    """The checkout as the package ``coordmap`` (as the tests see it: never the checkout
    itself on sys.path, our processing/ would shadow QGIS's)."""
    PLUGINS.mkdir(parents=True, exist_ok=True)
    link = PLUGINS / "coordmap"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    if str(PLUGINS) not in sys.path:
        sys.path.insert(0, str(PLUGINS))


class Case:
    """One table with its boundaries: ``units()`` -> AdminUnits, read with ``sheet`` and
    ``mapping``."""

    def __init__(self, name: str, path: Path, units: Callable[[], Any], sheet=None,
                 mapping: Optional[Dict[str, str]] = None):
        self.name, self.path, self.units, self.sheet, self.mapping = \
            name, path, units, sheet, mapping


def _corpus_cases(work: Path) -> Iterator[Case]:
    from coordmap.processing.analysis.boundaries import AdminUnits
    from coordmap.tests.corpus import cases

    folder = work / "corpus"
    cases.make.write_all(folder, cases.CASES)
    for case in cases.CASES:
        yield Case(f"corpus/{case.file_name}", folder / case.file_name,
                   lambda case=case: AdminUnits.from_features(*case.layer()), case.sheet,
                   case.mapping)


def _real_cases() -> Iterator[Case]:
    if not REAL_DATA.is_dir():
        print(f"real data folder {REAL_DATA} absent: real cases left out", file=sys.stderr)
        return
    from coordmap.processing.analysis.boundaries import AdminUnits
    from coordmap.tests.plain.geo_loader import read_units

    def units(*files):
        return lambda: AdminUnits.merge(*(read_units(REAL_DATA / f) for f in files)) \
            if len(files) > 1 else read_units(REAL_DATA / files[0])

    # As tests/qgis/test_join_4w.py runs them (and Nigeria with both levels, as matching does).
    yield Case("real/som", REAL_DATA / "som/som_3w_jan_apr_2025.xlsx",
               units("som/som_adm2_2023.geojson"))
    yield Case("real/nga_adm1", REAL_DATA / "nga/nga_3w_q4_2023.xlsx",
               units("nga/nga_adm1_2019.topojson"), mapping={"adm2_code": "", "adm2_name": ""})
    yield Case("real/nga_adm12", REAL_DATA / "nga/nga_3w_q4_2023.xlsx",
               units("nga/nga_adm2_2019.topojson", "nga/nga_adm1_2019.topojson"))
    yield Case("real/lbn", REAL_DATA / "lbn/lbn_sectors_by_district_2024_hxl.csv",
               units("lbn/lbn_adm2_2019.topojson", "lbn/lbn_adm1_2019.topojson"),
               mapping={"adm2_name": "", "adm1_name": ""})
    yield Case("real/bdi", REAL_DATA / "bdi/bdi_3w_feb_2023.ods",
               units("bdi/bdi_adm1_2019.topojson"))


def _sample_cases() -> Iterator[Case]:
    from coordmap.tests.plain.geo_loader import read_units

    sample = ROOT / "resources" / "sample"
    for level in (2, 3):
        yield Case(f"sample/adm{level}", sample / "xy_4w_2025.xlsx",
                   lambda level=level: read_units(sample / f"xy_adm{level}.geojson"))


def _bench_cases(work: Path) -> Iterator[Case]:
    from coordmap.benchmarks.bench_join import _country_and_units
    from coordmap.tools import sample_country

    _, country, _, units = _country_and_units()
    for scale in BENCH_SCALES:
        path = work / f"bench_{scale}.csv"
        sample_country.write_4w_csv(sample_country.make_4w(country, scale, seed=BENCH_SEED),
                                    path)
        yield Case(f"bench/{scale}", path, lambda: units)


def all_cases(work: Path) -> Iterator[Case]:
    yield from _corpus_cases(work)
    yield from _real_cases()
    yield from _sample_cases()
    yield from _bench_cases(work)


# ---- running ------------------------------------------------------------------------------------

def raw_result(case: Case) -> Dict[str, Any]:
    """The reader's RawTable of a CSV, as plain values: every cell, row numbers, notes."""
    from coordmap.processing.analysis.errors import InputError
    from coordmap.processing.analysis.table import read_table

    try:
        raw = read_table(case.path, case.sheet)
    except InputError as error:
        return {"error": str(error)}
    return {"source": raw.source, "sheet": raw.sheet, "row_numbers": list(raw.row_numbers),
            "notes": list(raw.notes), "width": raw.width, "cells": raw.cells}


def join_results(case: Case, variants: bool) -> Dict[str, Dict[str, Any]]:
    """Per period mode, what join_4w gives (or the error); with ``variants``, also with all
    organisations counted and with the crosswalk of the first join's suggestions."""
    from coordmap.processing.analysis.errors import InputError
    from coordmap.processing.analysis.join import JoinOptions

    try:
        units = case.units()
    except InputError as error:
        return {mode: {"error": f"boundaries: {error}"} for mode in PERIOD_MODES}
    out = {mode: _joined(case, units, JoinOptions(period=mode)) for mode in PERIOD_MODES}
    if variants and "error" not in out["all"]:
        out["all+organisations"] = _joined(case, units,
                                           JoinOptions(count_all_organisations=True))
        crosswalk = _accepted_suggestions(out["all"]["matches"], units)
        out["all+crosswalk"] = _joined(case, units, JoinOptions(), crosswalk) \
            if crosswalk is not None else {"error": "no suggestion to accept"}
    return out


def _accepted_suggestions(matches, units):
    """The suggestions crosswalk with each empty P-code taken from its suggestion, as a
    reviewer accepting every suggestion would; None when nothing is left to apply."""
    import csv
    import re

    from coordmap.processing.analysis.matching import Crosswalk, write_suggestions_csv

    with tempfile.TemporaryDirectory(prefix="coordmap-snapshot-crosswalk-") as folder:
        path = Path(folder) / "crosswalk.csv"
        write_suggestions_csv(path, matches)
        with open(path, encoding="utf-8") as handle:
            rows = list(csv.DictReader(line for line in handle if not line.startswith("#")))
        for row in rows:
            suggested = re.match(r"(?:did you mean|ambiguous:) (\S+)", row["suggestion"])
            if not row["pcode"] and suggested and suggested.group(1) in units:
                row["pcode"] = suggested.group(1)
        rows = [row for row in rows if row["pcode"]]
        if not rows:
            return None
        with open(path, "w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=list(rows[0]))
            writer.writeheader()
            writer.writerows(rows)
        return Crosswalk.read_csv(path)


def _joined(case: Case, units, options, crosswalk=None) -> Dict[str, Any]:
    """One join from a fresh read and parse (a join must not depend on an earlier one)."""
    from coordmap.processing.analysis.errors import InputError
    from coordmap.processing.analysis.headers import parse_table
    from coordmap.processing.analysis.join import join_4w
    from coordmap.processing.analysis.table import read_table

    try:
        table = parse_table(read_table(case.path, case.sheet), case.mapping)
        result = join_4w(table, units, options, crosswalk=crosswalk)
    except InputError as error:
        return {"error": str(error)}
    out = {name: getattr(result, name) for name in FRAMES}
    out.update(summary=result.summary, log_line=result.log_line,
               admin_level=result.admin_level)
    return out


def record(folder: Path, only: Optional[str], plain: bool = False) -> int:
    if folder.resolve().is_relative_to(ROOT.resolve()):
        raise SystemExit(f"{folder}: write snapshots outside the checkout ({ROOT})")
    folder.mkdir(parents=True, exist_ok=True)
    if plain:  # every CSV read by the csv module, the reference of the fast path
        from coordmap.processing.analysis.table import fast_csv
        fast_csv.ENABLED = False
    count = 0
    with tempfile.TemporaryDirectory(prefix="coordmap-snapshot-") as work:
        for case in all_cases(Path(work)):
            if only and not fnmatch.fnmatch(case.name, only):
                continue
            started = time.perf_counter()
            results = {}
            if case.path.suffix.lower() in (".csv", ".txt"):
                results["raw"] = raw_result(case)
            results.update(join_results(case, variants=not case.name.startswith("corpus/")))
            target = folder / (case.name.replace("/", "__") + ".pickle")
            with open(target, "wb") as handle:
                pickle.dump(results, handle, protocol=pickle.HIGHEST_PROTOCOL)
            count += len(results)
            print(f"{case.name}: {len(results)} results, {time.perf_counter() - started:.1f} s",
                  file=sys.stderr)
    print(f"{count} results written to {folder}")
    return 0


# ---- comparing ----------------------------------------------------------------------------------

def compare(old: Path, new: Path) -> int:
    old_files = {p.name for p in old.glob("*.pickle")}
    new_files = {p.name for p in new.glob("*.pickle")}
    differences = [f"{name}: only in {old}" for name in sorted(old_files - new_files)]
    differences += [f"{name}: only in {new}" for name in sorted(new_files - old_files)]
    compared = 0
    for name in sorted(old_files & new_files):
        with open(old / name, "rb") as a, open(new / name, "rb") as b:
            before, after = pickle.load(a), pickle.load(b)
        compared += len(before)
        differences += diff(before, after, name.removesuffix(".pickle"))
    for line in differences[:200]:
        print(line)
    if len(differences) > 200:
        print(f"... and {len(differences) - 200} more")
    print(f"{compared} results compared: "
          f"{'identical' if not differences else f'{len(differences)} difference(s)'}")
    return 1 if differences else 0


def diff(a: Any, b: Any, where: str) -> List[str]:
    """Every difference between two results: types, values, dtypes, row and column order."""
    import numpy as np
    import pandas as pd

    if type(a) is not type(b):
        return [f"{where}: type {type(a).__name__} != {type(b).__name__}"]
    if isinstance(a, pd.DataFrame):
        return _frame_diff(a, b, where)
    if isinstance(a, np.ndarray):
        return _array_diff(a, b, where)
    if isinstance(a, dict):
        if list(a) != list(b):
            return [f"{where}: keys {list(a)} != {list(b)}"]
        return [line for key in a for line in diff(a[key], b[key], f"{where}/{key}")]
    if isinstance(a, (list, tuple)):
        if len(a) != len(b):
            return [f"{where}: length {len(a)} != {len(b)}"]
        return [line for i, (x, y) in enumerate(zip(a, b)) for line in diff(x, y, f"{where}[{i}]")]
    if a != b and not (_is_nan(a) and _is_nan(b)):
        return [f"{where}: {a!r} != {b!r}"]
    return []


def _is_nan(value: Any) -> bool:
    return isinstance(value, float) and value != value


def _frame_diff(a, b, where: str) -> List[str]:
    out = []
    if list(a.columns) != list(b.columns):
        return [f"{where}: columns {list(a.columns)} != {list(b.columns)}"]
    if type(a.index) is not type(b.index) or not a.index.equals(b.index):
        out.append(f"{where}: index {a.index!r} != {b.index!r}")
    for position, column in enumerate(a.columns):
        left, right = a.iloc[:, position], b.iloc[:, position]
        if left.dtype != right.dtype:
            out.append(f"{where}[{column}]: dtype {left.dtype} != {right.dtype}")
            continue
        out += _array_diff(left.to_numpy(), right.to_numpy(), f"{where}[{column}]")
    return out


def _array_diff(a, b, where: str) -> List[str]:
    """Cell by cell, the types too (1 is not '1', nor 1.0; None is not NaN)."""
    import numpy as np

    if a.dtype != b.dtype or a.shape != b.shape:
        return [f"{where}: {a.dtype}{a.shape} != {b.dtype}{b.shape}"]
    if a.dtype != object:
        if np.array_equal(a, b, equal_nan=a.dtype.kind in "fc"):
            return []
        if a.dtype.kind == "M" and np.array_equal(a.view("i8"), b.view("i8")):
            return []
        return [f"{where}: values differ"]
    a, b = a.ravel(), b.ravel()
    kind = np.frompyfunc(lambda value: type(value).__name__, 1, 1)
    types_a, types_b = kind(a), kind(b)
    if (types_a != types_b).any():
        at = int(np.flatnonzero(types_a != types_b)[0])
        return [f"{where}: type of cell {at}: {a[at]!r} != {b[at]!r}"]
    nan = np.frompyfunc(_is_nan, 1, 1)(a).astype(bool)
    if (nan != np.frompyfunc(_is_nan, 1, 1)(b).astype(bool)).any():
        return [f"{where}: NaN cells differ"]
    same = np.frompyfunc(lambda x, y: bool(x == y) if not isinstance(x, list) else x == y,
                         2, 1)(a[~nan], b[~nan]).astype(bool)
    if not same.all():
        at = int(np.flatnonzero(~nan)[np.flatnonzero(~same)[0]])
        return [f"{where}: cell {at}: {a[at]!r} != {b[at]!r} ({np.count_nonzero(~same)} cells)"]
    return []


def main(argv: Optional[List[str]] = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    commands = parser.add_subparsers(dest="command", required=True)
    recording = commands.add_parser("record", help="run every case and write its results")
    recording.add_argument("folder", type=Path)
    recording.add_argument("--only", help="case names matching this pattern, e.g. 'corpus/*'")
    recording.add_argument("--plain", action="store_true",
                           help="read CSV files by the plain path (the fast path switched off)")
    comparing = commands.add_parser("compare", help="report every difference of two snapshots")
    comparing.add_argument("old", type=Path)
    comparing.add_argument("new", type=Path)
    args = parser.parse_args(argv)
    _import_package()
    if args.command == "record":
        return record(args.folder, args.only, args.plain)
    return compare(args.old, args.new)


if __name__ == "__main__":
    sys.exit(main())
