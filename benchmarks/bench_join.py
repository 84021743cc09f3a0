"""join: the whole coordmap:join_4w analysis vs plain pandas and vs a native QGIS chain.

Issue target (at 100k rows): coordmap within 2x of ``pandas`` and at least 10x faster than
``qgis_native``; peak memory reported.

Data (setup, not timed): the sample country (``tools/sample_country.make_country``) and
``make_4w(country, n, seed=7)`` (messy: case/prefix/padding P-code errors, names only, French
cluster labels, month names, blank and total rows) written with ``write_4w_csv`` (header + HXL
row) to a temporary folder, once per scale. The admin units are built once from the admin-3
polygons (which carry the admin 1/2 fields) with ``AdminUnits.from_features``, as the algorithm
does for a boundary layer.

Candidates, each timed from the CSV file on disk to the partners-per-unit x cluster result
(every candidate reads the same file: none starts from a frame already in memory):

``pandas`` (baseline)
    ``pd.read_csv`` (HXL row skipped) + inner ``merge`` of "Admin3 Pcode" with the admin-3
    attribute table's ADM3_PCODE (exact matches only) + ``groupby([ADM3_PCODE, Cluster])``
    ``["Organisation"].nunique()``. The naive equivalent: no cleaning at all, so rows with a
    lower-case, re-prefixed, unpadded or missing P-code and French/short cluster labels are
    silently lost or split. It is the floor, not an equivalent.
``coordmap``
    ``read_table(csv)`` -> ``parse_table`` -> ``join_4w(table, units)``: what the
    coordmap:join_4w algorithm runs (without writing the QGIS outputs). The per-value text
    caches (``textnorm``) are emptied first, so every repeat starts cold.
``qgis_native``
    The chain an officer would build in the Processing toolbox / model designer, run with
    ``processing.run`` and memory outputs in one QGIS application started at the first setup:
      1. load the CSV as a delimited-text layer (``QgsVectorLayer(uri, "delimitedtext")``,
         ``geomType=none``, types detected, as the Data Source Manager does by default),
      2. ``native:joinattributestable``: INPUT = admin-3 polygons (memory layer built in setup),
         FIELD = ADM3_PCODE, INPUT_2 = the 4W layer, FIELD_2 = "Admin3 Pcode", METHOD = 0
         (one feature per matching row: one-to-many), DISCARD_NONMATCHING = True,
      3. ``qgis:statisticsbycategories``: CATEGORIES_FIELD_NAME = [ADM3_PCODE, Cluster],
         VALUES_FIELD_NAME = Organisation -> its ``unique`` column is the number of distinct
         organisations per unit x cluster (exact matches only, like ``pandas``).
    Only run up to ``COORDMAP_BENCH_QGIS_MAX_ROWS`` rows (default 100000): above that the
    candidate is dropped for that scale and a line on stderr says so.

The harness ratio column is relative to ``pandas``; the ratio coordmap : qgis_native is
(coordmap x baseline) / (qgis_native x baseline), printed on stderr after each scale.
"""
from __future__ import annotations

import atexit
import functools
import os
import shutil
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import pandas as pd

if __name__ == "__main__":  # run as a script (fresh_rss below): the checkout as `coordmap`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build" / "plugins"))

from coordmap.benchmarks.harness import (
    REGISTRY,
    Benchmark,
    load_tool,
    median_ratio,
    qgis_app,
    register,
)
from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import join_4w
from coordmap.processing.analysis.table import read_table
from coordmap.processing.analysis.textnorm import (
    code_key,
    fold,
    is_national,
    is_placeholder,
    loose_name,
)

SEED = 7
LEVEL = 3
QGIS_MAX_ROWS = int(os.environ.get("COORDMAP_BENCH_QGIS_MAX_ROWS", "100000"))
ORG, CLUSTER, PCODE_COL = "Organisation", "Cluster", "Admin3 Pcode"
UNIT_PCODE = f"ADM{LEVEL}_PCODE"
TEXT_CACHES = (fold, loose_name, code_key, is_placeholder, is_national)


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] join: {msg}", file=sys.stderr, flush=True)


# --------------------------------------------------------------------------------------------
# setup (not timed)
# --------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _tmpdir() -> Path:
    path = Path(tempfile.mkdtemp(prefix="coordmap-bench-join-"))
    atexit.register(shutil.rmtree, path, True)
    return path


@functools.lru_cache(maxsize=1)
def _country_and_units():
    sc = load_tool("sample_country")
    country = sc.make_country()
    frame = country.level(LEVEL)
    attributes = frame.drop(columns=["geometry"])
    records = attributes.to_dict("records")
    units = AdminUnits.from_features(records, list(frame["geometry"]))
    return sc, country, attributes, units


@functools.lru_cache(maxsize=1)  # one scale at a time; the forked RSS child reuses it
def _data(scale: int):
    sc, country, attributes, units = _country_and_units()
    path = _tmpdir() / f"4w_{scale}.csv"
    if not path.exists():
        sc.write_4w_csv(sc.make_4w(country, scale, seed=SEED), path)
    return {"n": scale, "csv": path, "units": units, "attributes": attributes,
            "country": country}


def _setup(scale: int):
    data = _data(scale)
    bench = REGISTRY["join"]
    _report_previous(scale)
    # The harness has no per-scale skip; it reads ``candidates`` after ``setup``, so the slow
    # native chain is dropped (and put back) here.
    if scale <= QGIS_MAX_ROWS:
        bench.candidates.setdefault("qgis_native", _qgis_native)
        data["qgis"] = _qgis()
    else:
        if bench.candidates.pop("qgis_native", None) is not None:
            _log(f"qgis_native skipped at {scale:,} rows (only up to {QGIS_MAX_ROWS:,}; set "
                 "COORDMAP_BENCH_QGIS_MAX_ROWS to run it)")
    return data


# --------------------------------------------------------------------------------------------
# candidates
# --------------------------------------------------------------------------------------------
_TIMES: dict = {}  # (scale, label) -> seconds of each timed call (coordmap : qgis_native line)
_REPORTED: set = set()


def _timed(label):
    def wrap(fn):
        @functools.wraps(fn)
        def run(d):
            t0 = time.perf_counter()
            out = fn(d)
            dt = time.perf_counter() - t0
            key = (d["n"], label)
            if not tracemalloc.is_tracing():  # (the harness's memory pass: not a timed call)
                _TIMES.setdefault(key, []).append(dt)
            return out
        return run
    return wrap


@_timed("pandas")
def _pandas(d):
    frame = pd.read_csv(d["csv"], skiprows=[1])  # row 2 of the file is the HXL row
    merged = frame.merge(d["attributes"][[UNIT_PCODE]], left_on=PCODE_COL, right_on=UNIT_PCODE,
                         how="inner")
    return merged.groupby([UNIT_PCODE, CLUSTER])[ORG].nunique()


@_timed("coordmap")
def _coordmap(d):
    for cached in TEXT_CACHES:  # cold, as in a fresh QGIS session: repeats must not reuse them
        cached.cache_clear()
    return join_4w(parse_table(read_table(d["csv"])), d["units"])


@_timed("qgis_native")
def _qgis_native(d):
    from qgis import processing
    from qgis.core import QgsProcessing, QgsVectorLayer

    uri = (Path(d["csv"]).resolve().as_uri() + "?type=csv&delimiter=,&geomType=none"
           "&detectTypes=yes&trimFields=no")
    table = QgsVectorLayer(uri, "4w", "delimitedtext")
    if not table.isValid():
        raise RuntimeError(f"delimited text layer not valid: {uri}")
    joined = processing.run("native:joinattributestable", {
        "INPUT": d["qgis"]["boundaries"], "FIELD": UNIT_PCODE,
        "INPUT_2": table, "FIELD_2": PCODE_COL, "FIELDS_TO_COPY": [],
        "METHOD": 0, "DISCARD_NONMATCHING": True, "PREFIX": "",
        "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})["OUTPUT"]
    stats = processing.run("qgis:statisticsbycategories", {
        "INPUT": joined, "VALUES_FIELD_NAME": ORG,
        "CATEGORIES_FIELD_NAME": [UNIT_PCODE, CLUSTER],
        "OUTPUT": QgsProcessing.TEMPORARY_OUTPUT})["OUTPUT"]
    return stats.featureCount()


# --------------------------------------------------------------------------------------------
# QGIS (started once, lazily: only when qgis_native runs)
# --------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _qgis():
    app = qgis_app()
    from qgis.core import QgsFeature, QgsGeometry, QgsVectorLayer

    _sc, country, attributes, _units = _country_and_units()
    frame = country.level(LEVEL)
    names = list(attributes.columns)
    uri = "MultiPolygon?crs=EPSG:4326&" + "&".join(
        f"field={n}:{'integer' if n == 'population' else 'string'}" for n in names)
    layer = QgsVectorLayer(uri, f"adm{LEVEL}", "memory")
    features = []
    for values, geom in zip(attributes.itertuples(index=False, name=None), frame["geometry"]):
        feature = QgsFeature(layer.fields())
        feature.setAttributes([int(v) if n == "population" else v for n, v in zip(names, values)])
        g = QgsGeometry.fromWkt(geom.wkt)
        g.convertToMultiType()
        feature.setGeometry(g)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    return {"app": app, "boundaries": layer}


def _report_previous(scale: int) -> None:
    """After a scale ran, the coordmap : qgis_native ratio (the harness shows x pandas only)."""
    for n in sorted({k[0] for k in _TIMES}):
        if n == scale or n in _REPORTED:
            continue
        _REPORTED.add(n)
        c, q = _TIMES.get((n, "coordmap")), _TIMES.get((n, "qgis_native"))
        if c and q:
            _log(f"{n:,} rows: coordmap {min(c):.3f} s, qgis_native {min(q):.3f} s -> "
                 f"qgis_native / coordmap = {min(q) / min(c):.1f}x best against best, "
                 f"{median_ratio(q, c):.1f}x median of {min(len(q), len(c))} rounds")


atexit.register(lambda: _report_previous(-1))

register(Benchmark(
    name="join",
    description="read_table+parse_table+join_4w on a messy sample 4W CSV vs pandas "
                "read_csv+merge+groupby nunique (exact P-codes only) vs the native QGIS chain "
                "delimited text -> native:joinattributestable -> qgis:statisticsbycategories "
                f"(qgis_native only up to {QGIS_MAX_ROWS:,} rows)",
    setup=_setup,
    candidates={"pandas": _pandas, "coordmap": _coordmap, "qgis_native": _qgis_native},
    baseline="pandas",
))


# --------------------------------------------------------------------------------------------
# absolute peak RSS, one fresh process per candidate (the harness's forked child inherits the
# parent's resident set, so its "rss +MB" under-reads once earlier passes have grown the heap).
# Linux only (/proc/self/status VmHWM, reset through /proc/self/clear_refs after setup):
#   python benchmarks/bench_join.py [10000,100000]
# --------------------------------------------------------------------------------------------
_CHILD = """
import sys
sys.path.insert(0, {plugins!r})
from coordmap.benchmarks import bench_join as b
label, n, csv = {label!r}, {n}, {csv!r}
_sc, country, attributes, units = b._country_and_units()
d = {{"n": n, "csv": csv, "units": units, "attributes": attributes}}
if label == "qgis_native":
    d["qgis"] = b._qgis()
before = b._proc_status_mb("VmRSS")
with open("/proc/self/clear_refs", "w") as fh:  # reset VmHWM (the peak RSS) to the current RSS
    fh.write("5")
{{"pandas": b._pandas, "coordmap": b._coordmap, "qgis_native": b._qgis_native}}[label](d)
print(before, b._proc_status_mb("VmHWM"))
"""


def _proc_status_mb(key: str) -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024  # kB
    raise KeyError(key)


def fresh_rss(scales) -> None:
    import subprocess

    plugins = str(Path(__file__).resolve().parents[1] / "build" / "plugins")
    print("scale      candidate     rss after setup MB  peak rss MB  growth MB")
    for n in scales:
        csv = str(_data(n)["csv"])
        labels = ["pandas", "coordmap"] + (["qgis_native"] if n <= QGIS_MAX_ROWS else [])
        for label in labels:
            code = _CHILD.format(plugins=plugins, label=label, n=n, csv=csv)
            out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                                 cwd=_tmpdir(),  # not the checkout: its processing/ would
                                 env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})  # shadow
            if out.returncode:
                print(f"{n:<10,} {label:<13} error: {out.stderr.strip().splitlines()[-1:]}")
                continue
            before, after = map(float, out.stdout.split()[-2:])
            print(f"{n:<10,} {label:<13} {before:18,.1f}  {after:11,.1f}  {after - before:9,.1f}",
                  flush=True)


if __name__ == "__main__":
    fresh_rss([int(float(s)) for s in (sys.argv[1:] or ["10000,100000"])[0].split(",")])
