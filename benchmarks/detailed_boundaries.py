"""Detailed boundaries: the join end to end on a survey-grade boundary file (the sample's
admin-3 polygons densified to ``--megabytes`` of GeoJSON, and the same as a GeoPackage) against
the same join on the plain file, and the presence GeoPackage's size against the issue's bound
(boundary file + twice the attribute table, as CSV).

    .venv/bin/python benchmarks/detailed_boundaries.py [--rows 100000] [--megabytes 50]
                                                       [--rounds 2]
"""
import argparse
import atexit
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":  # run as a script: the checkout as `coordmap`
    sys.path.insert(0, str(ROOT / "build" / "plugins"))

from coordmap.benchmarks import end_to_end  # noqa: E402


def densified(source, target, megabytes):
    """``source`` GeoJSON with every edge cut so that the file is about ``megabytes``."""
    import shapely

    collection = json.loads(Path(source).read_text(encoding="utf-8"))
    shapes = [shapely.geometry.shape(f["geometry"]) for f in collection["features"]]
    wanted = megabytes * 2**20 / 40  # about 40 bytes a vertex in GeoJSON
    length = sum(shape.length for shape in shapes) / wanted
    for feature, shape in zip(collection["features"], shapes):
        feature["geometry"] = shapely.geometry.mapping(shapely.segmentize(shape, length))
    Path(target).write_text(json.dumps(collection), encoding="utf-8")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--megabytes", type=float, default=50)
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args(argv)
    end_to_end.start_qgis()
    import pandas as pd
    from osgeo import gdal
    from qgis import processing

    folder = Path(tempfile.mkdtemp(prefix="coordmap-detailed-"))
    atexit.register(shutil.rmtree, folder, True)
    data = end_to_end.make_data(args.rows, folder)
    detailed = folder / "adm3_detailed.geojson"
    densified(data["admin"], detailed, args.megabytes)
    detailed_gpkg = folder / "adm3_detailed.gpkg"
    gdal.VectorTranslate(str(detailed_gpkg), str(detailed), format="GPKG")
    boundaries = {"plain": data["admin"], "detailed": detailed, "detailed_gpkg": detailed_gpkg}
    times = {label: [] for label in boundaries}
    outputs = {}
    for number in range(args.rounds):
        labels = list(boundaries)
        for label in labels[number % len(labels):] + labels[:number % len(labels)]:
            out = end_to_end.fresh(folder, f"presence_{label}")
            began = time.perf_counter()
            processing.run("coordmap:join_4w", {
                "INPUT": str(data["csv"]), "ADMIN": str(boundaries[label]), "OUTPUT": out,
                "OUTPUT_ROWS": end_to_end.fresh(folder, "rows"),
                "OUTPUT_REPORT": end_to_end.TEMPORARY})
            times[label].append(time.perf_counter() - began)
            outputs[label] = out
    print(f"join_4w end to end, {args.rows:,} rows, GeoPackage outputs, {args.rounds} rounds")
    for label, path in boundaries.items():
        presence = Path(outputs[label])
        with sqlite3.connect(presence) as connection:
            table = end_to_end.first_table(connection)
            attributes = pd.read_sql(f'SELECT * FROM "{table}"', connection)
        csv_size = len(attributes.to_csv(index=False).encode("utf-8"))
        bound = os.path.getsize(path) + 2 * csv_size
        print(f"  {label:<13} boundary file {os.path.getsize(path) / 2**20:7.1f} MB, "
              f"median {statistics.median(times[label]):6.2f} s, presence "
              f"{presence.stat().st_size / 2**20:6.1f} MB ({len(attributes):,} lines; bound "
              f"{bound / 2**20:.1f} MB = file + 2 x {csv_size / 2**20:.1f} MB of attributes)")
    for label in ("detailed", "detailed_gpkg"):
        ratio = statistics.median(d / p for d, p in zip(times[label], times["plain"]))
        print(f"  {label} / plain, median of rounds: {ratio:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
