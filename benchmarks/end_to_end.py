"""End to end: what the user waits for, ``processing.run`` of coordmap:join_4w,
coordmap:gaps_overlaps and coordmap:export_hapi_presence, against a pandas floor and (for the
join) the native QGIS chain, in one run. (coordmap:export_maps: bench_export.py.)

    .venv/bin/python benchmarks/end_to_end.py [--rows 100000,1000000] [--rounds 3]
                                              [--native-max 100000] [--memory]
                                              [--only join,gaps,hapi]

Data (not timed): ``make_4w(make_country(), rows, seed=7)`` as a CSV (header + HXL row, as
bench_join.py), the sample country's admin-3 polygons as a GeoJSON file (the boundary file
the user gives) and its needs table. Candidates, alternating in rounds (each round starts one
candidate further on; the median over rounds of candidate / baseline is the ratio):

join
- ``pandas_gpkg`` (baseline, the floor): ``read_csv`` + ``groupby([P-code, cluster])``
  distinct organisations + the polygons (already in memory, as shapely) + the GeoPackage
  written by GDAL/OGR in one transaction. No cleaning: exact P-codes only.
- ``coordmap_default``: ``processing.run("coordmap:join_4w")`` with its default outputs
  (TEMPORARY_OUTPUT: memory presence and rows layers, a temporary XLSX QA report).
- ``coordmap_gpkg``: the same, presence and rows written to GeoPackage files.
- ``qgis_native``: what an officer builds in the modeler: the CSV as a delimited-text layer,
  ``qgis:statisticsbycategories`` (P-code, cluster; organisations) then
  ``native:joinattributestable`` onto the boundary file, written to a GeoPackage. Only up to
  ``--native-max`` rows (it takes minutes above).

gaps (after one coordmap join to GeoPackage files, not timed)
- ``pandas_gpkg`` (baseline): the join's presence and rows read from the GeoPackages by
  ``pandas.read_sql``, bench_gaps.py's plain pandas rules (statuses, overlaps, changes), the
  gaps written with their polygons by GDAL/OGR.
- ``coordmap_default``: ``processing.run("coordmap:gaps_overlaps")`` with default outputs.
- ``coordmap_gpkg``: the same, its four outputs written to GeoPackage files.

hapi (after one coordmap join to GeoPackage files, not timed)
- ``pandas_csv`` (baseline): the join's rows read from the GeoPackage by ``pandas.read_sql``
  (used and rolled-up rows), distinct lines per organisation, cluster, unit and period
  written as CSV. No sectors, protection or names of the admin levels.
- ``coordmap_default``: ``processing.run("coordmap:export_hapi_presence")``, its CSV output
  a temporary file.

``--with-plain``: also ``coordmap_gpkg_plain``, the join to GeoPackage files with the bulk path
of geopackage.py off (``ENABLED = False``), what that speed trick buys.

``--memory``: each candidate again in a fresh process: its peak resident set (VmHWM) and its
growth over the resident set after start-up, against the CSV's size.
"""
import argparse
import atexit
import gc
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":  # run as a script: the checkout as `coordmap`
    sys.path.insert(0, str(ROOT / "build" / "plugins"))

from coordmap.benchmarks.harness import (  # noqa: E402
    _settle_allocator,
    load_tool,
    qgis_with_coordmap,
)

SEED = 7
PCODE, CLUSTER, ORG = "Admin3 Pcode", "Cluster", "Organisation"
TEMPORARY = "TEMPORARY_OUTPUT"


# Data -----------------------------------------------------------------------------------------

def make_data(rows, folder):
    """The 4W CSV, the boundary file, the needs CSV and the polygons in memory (baselines)."""
    import shapely

    sample_country = load_tool("sample_country")
    country = sample_country.make_country()
    csv = folder / f"4w_{rows}.csv"
    if not csv.exists():
        sample_country.write_4w_csv(sample_country.make_4w(country, rows, seed=SEED), csv)
    admin = folder / "adm3.geojson"
    if not admin.exists():
        sample_country.write_geojson(country, 3, admin)
    needs = folder / "needs.csv"
    if not needs.exists():
        sample_country.write_needs_csv(sample_country.make_needs(country), needs)
    units = country.level(3)
    return {"rows": rows, "csv": csv, "admin": admin, "needs": needs, "folder": folder,
            "polygons": dict(zip(units["ADM3_PCODE"], shapely.force_2d(units["geometry"])))}


def fresh(folder, name):
    """A new path for an output file (each call writes a new file, as a user's run does)."""
    fresh.count = getattr(fresh, "count", 0) + 1
    return str(folder / f"{name}_{fresh.count}.gpkg")


# Writing a GeoPackage as a pandas user would (GDAL/OGR, one transaction) ------------------------

def write_geopackage(path, frame, polygons, key):
    from osgeo import ogr, osr

    driver = ogr.GetDriverByName("GPKG")
    dataset = driver.CreateDataSource(path)
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = dataset.CreateLayer("out", srs, ogr.wkbMultiPolygon)
    kinds = {"i": ogr.OFTInteger64, "u": ogr.OFTInteger64, "f": ogr.OFTReal}
    for column in frame.columns:
        layer.CreateField(ogr.FieldDefn(str(column), kinds.get(frame[column].dtype.kind,
                                                               ogr.OFTString)))
    definition = layer.GetLayerDefn()
    wkbs = {pcode: ogr.ForceToMultiPolygon(ogr.CreateGeometryFromWkb(shape.wkb))
            for pcode, shape in polygons.items()}
    dataset.StartTransaction()
    for values in frame.itertuples(index=False, name=None):
        feature = ogr.Feature(definition)
        for index, value in enumerate(values):
            if value is not None and value == value:
                feature.SetField(index, value.item() if hasattr(value, "item") else value)
        shape = wkbs.get(values[frame.columns.get_loc(key)])
        if shape is not None:
            feature.SetGeometry(shape)
        layer.CreateFeature(feature)
    dataset.CommitTransaction()
    dataset = None  # noqa: F841 (closes the file)


# Join candidates ------------------------------------------------------------------------------

def join_pandas(d):
    import pandas as pd

    frame = pd.read_csv(d["csv"], skiprows=[1])  # row 2 is the HXL row
    presence = frame.groupby([PCODE, CLUSTER])[ORG].nunique().rename("partners").reset_index()
    presence = presence[presence[PCODE].isin(d["polygons"])]
    write_geopackage(fresh(d["folder"], "pandas"), presence, d["polygons"], PCODE)


def join_coordmap(d, files):
    from qgis import processing

    folder = d["folder"]
    return processing.run("coordmap:join_4w", {
        "INPUT": str(d["csv"]), "ADMIN": str(d["admin"]),
        "OUTPUT": fresh(folder, "presence") if files else TEMPORARY,
        "OUTPUT_ROWS": fresh(folder, "rows") if files else TEMPORARY,
        "OUTPUT_REPORT": TEMPORARY})


def join_coordmap_plain(d):
    """coordmap_gpkg with the bulk path off (every output by the sink, one feature at a time):
    what geopackage.py buys."""
    from coordmap.processing.algorithms import geopackage

    geopackage.ENABLED = False
    try:
        return join_coordmap(d, files=True)
    finally:
        geopackage.ENABLED = True


def join_native(d):
    from qgis import processing
    from qgis.core import QgsVectorLayer

    uri = (Path(d["csv"]).resolve().as_uri() + "?type=csv&delimiter=,&geomType=none"
           "&detectTypes=yes&trimFields=no")
    table = QgsVectorLayer(uri, "4w", "delimitedtext")
    stats = processing.run("qgis:statisticsbycategories", {
        "INPUT": table, "VALUES_FIELD_NAME": ORG, "CATEGORIES_FIELD_NAME": [PCODE, CLUSTER],
        "OUTPUT": TEMPORARY})["OUTPUT"]
    processing.run("native:joinattributestable", {
        "INPUT": str(d["admin"]), "FIELD": "ADM3_PCODE", "INPUT_2": stats, "FIELD_2": PCODE,
        "FIELDS_TO_COPY": [], "METHOD": 0, "DISCARD_NONMATCHING": True, "PREFIX": "",
        "OUTPUT": fresh(d["folder"], "native")})


# Gaps candidates ------------------------------------------------------------------------------

def gaps_pandas(d):
    import pandas as pd

    from coordmap.benchmarks.bench_gaps import _pandas

    presence_file, rows_file = (d["join"][key].split("|")[0] for key in ("OUTPUT",
                                                                          "OUTPUT_ROWS"))
    with sqlite3.connect(presence_file) as connection:
        presence = pd.read_sql(f"SELECT * FROM \"{first_table(connection)}\"", connection)
    with sqlite3.connect(rows_file) as connection:
        rows = pd.read_sql(f"SELECT * FROM \"{first_table(connection)}\" WHERE status = 'used'",
                           connection)
    needs = pd.read_csv(d["needs"], skiprows=[1]).rename(columns={
        "Admin2 Pcode": "pcode", "Cluster": "cluster", "People in need": "pin",
        "Severity": "severity"})
    presence = presence[presence["admin_level"] == 3]
    grid, _overlaps, _changes = _pandas({"presence": presence, "rows": rows, "needs": needs,
                                         "units": d["polygons"]})
    write_geopackage(fresh(d["folder"], "pandas_gaps"), grid, d["polygons"], "pcode")


def first_table(connection):
    """The first layer of a GeoPackage whatever it is (the lines of a unit layer)."""
    name = connection.execute("SELECT table_name FROM gpkg_contents ORDER BY rowid").fetchone()[0]
    attributes = f"{name}_attributes"
    found = connection.execute("SELECT 1 FROM sqlite_master WHERE name = ?", (attributes,))
    return attributes if found.fetchone() else name


def gaps_coordmap(d, files):
    from qgis import processing

    outputs = ("OUTPUT_GAPS", "OUTPUT_OVERLAPS", "OUTPUT_OVERLAP_UNITS", "OUTPUT_CHANGES")
    return processing.run("coordmap:gaps_overlaps", {
        "PRESENCE": d["join"]["OUTPUT"], "ROWS": d["join"]["OUTPUT_ROWS"],
        "NEEDS": str(d["needs"]), "ADMIN": str(d["admin"]),
        **{key: fresh(d["folder"], key.lower()) if files else TEMPORARY for key in outputs}})


# HAPI candidates ------------------------------------------------------------------------------

def hapi_pandas(d):
    import pandas as pd

    with sqlite3.connect(d["join"]["OUTPUT_ROWS"].split("|")[0]) as connection:
        rows = pd.read_sql(f"SELECT organisation, cluster, pcode, period FROM "
                           f"\"{first_table(connection)}\" WHERE status IN ('used', 'rolled_up')",
                           connection)
    rows.drop_duplicates().to_csv(fresh(d["folder"], "pandas_hapi").replace(".gpkg", ".csv"),
                                  index=False)


def hapi_coordmap(d):
    from qgis import processing

    return processing.run("coordmap:export_hapi_presence", {
        "ROWS": d["join"]["OUTPUT_ROWS"], "ADMIN": str(d["admin"]), "OUTPUT": TEMPORARY})


CANDIDATES = {
    "join": {"pandas_gpkg": join_pandas,
             "coordmap_default": lambda d: join_coordmap(d, files=False),
             "coordmap_gpkg": lambda d: join_coordmap(d, files=True),
             "qgis_native": join_native},
    "gaps": {"pandas_gpkg": gaps_pandas,
             "coordmap_default": lambda d: gaps_coordmap(d, files=False),
             "coordmap_gpkg": lambda d: gaps_coordmap(d, files=True)},
    "hapi": {"pandas_csv": hapi_pandas, "coordmap_default": hapi_coordmap},
}


# Running --------------------------------------------------------------------------------------

def start_qgis():
    qgis_with_coordmap()


def prepare(benchmark, rows, folder):
    data = make_data(rows, folder)
    if benchmark in ("gaps", "hapi"):
        data["join"] = join_coordmap(data, files=True)
    return data


def timed_rounds(candidates, data, rounds):
    labels = list(candidates)
    times = {label: [] for label in labels}
    for number in range(rounds):
        start = number % len(labels)
        for label in labels[start:] + labels[:start]:
            gc.collect()
            _settle_allocator()
            began = time.perf_counter()
            candidates[label](data)
            times[label].append(time.perf_counter() - began)
    return times


def report(benchmark, rows, times):
    baseline = next(iter(times))  # (each benchmark's candidates start with their baseline)
    base = times[baseline]
    print(f"\n{benchmark}, {rows:,} rows, {len(base)} rounds")
    print(f"  {'candidate':<18} {'median s':>9} {'best s':>8} {'x ' + baseline:>14}")
    for label, values in times.items():
        ratio = statistics.median(v / b for v, b in zip(values, base))
        print(f"  {label:<18} {statistics.median(values):9.3f} {min(values):8.3f} "
              f"{ratio:14.2f}")
    if "qgis_native" in times:
        ratio = statistics.median(n / c for n, c in zip(times["qgis_native"],
                                                        times["coordmap_gpkg"]))
        print(f"  qgis_native / coordmap_gpkg (median of rounds): {ratio:.2f}x")
    sys.stdout.flush()


def peak_memory(benchmark, label, rows, folder):
    """(resident MB after start-up and setup, peak resident MB during the call) of
    ``label`` run alone in a fresh process."""
    code = f"""
import sys
sys.path.insert(0, {str(ROOT / "build" / "plugins")!r})
from pathlib import Path
from coordmap.benchmarks import end_to_end as e
e.start_qgis()
data = e.prepare({benchmark!r}, {rows}, Path({str(folder)!r}))
import gc; gc.collect()
before = e.status_mb("VmRSS")
with open("/proc/self/clear_refs", "w") as handle:  # the peak (VmHWM) back to the current RSS
    handle.write("5")
e.CANDIDATES[{benchmark!r}][{label!r}](data)
print(before, e.status_mb("VmHWM"))
"""
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=folder, env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    if out.returncode:
        return None
    return tuple(map(float, out.stdout.split()[-2:]))


def status_mb(key):
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    raise KeyError(key)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", default="100000,1000000")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--native-max", type=int, default=100_000)
    parser.add_argument("--only", default="join,gaps,hapi")
    parser.add_argument("--memory", action="store_true")
    parser.add_argument("--with-plain", action="store_true",
                        help="also the join to GeoPackage files with the bulk path off")
    args = parser.parse_args(argv)
    start_qgis()
    folder = Path(tempfile.mkdtemp(prefix="coordmap-end-to-end-"))
    atexit.register(shutil.rmtree, folder, True)
    for rows in (int(float(n)) for n in args.rows.split(",")):
        for benchmark in args.only.split(","):
            candidates = dict(CANDIDATES[benchmark])
            if rows > args.native_max:
                candidates.pop("qgis_native", None)
            if args.with_plain and benchmark == "join":
                candidates["coordmap_gpkg_plain"] = join_coordmap_plain
            data = prepare(benchmark, rows, folder)
            report(benchmark, rows, timed_rounds(candidates, data, args.rounds))
            if args.memory:
                csv_mb = data["csv"].stat().st_size / 2**20
                print(f"  peak memory, fresh process ({benchmark} input: 4W CSV "
                      f"{csv_mb:.0f} MB)")
                for label in candidates:
                    if label == "qgis_native":
                        continue
                    found = peak_memory(benchmark, label, rows, folder)
                    if found is None:
                        print(f"  {label:<18} error")
                        continue
                    before, peak = found
                    print(f"  {label:<18} start-up {before:7.0f} MB, peak {peak:7.0f} MB, "
                          f"growth {peak - before:7.0f} MB = {(peak - before) / csv_mb:.1f}x "
                          "the CSV", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
