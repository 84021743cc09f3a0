"""End to end: what a user waits for, processing.run("coordmap:join_4w") with its default outputs
(temporary presence and rows layers, temporary XLSX report), on the benchmark's table.

    .venv/bin/python benchmarks/join_end_to_end.py [--rows 100000] [--rounds 12]
                                                   [--against OTHER_CHECKOUT]

Times this checkout's algorithm; with ``--against``, also the algorithm of another checkout
(e.g. ``git worktree add /tmp/before <commit>``), the two alternating in rounds in one QGIS
process, and prints the median over the rounds of this checkout's time / the other's. A speed
trick must buy at least 10% of this end to end (docs/ARCHITECTURE.md): switch it off in one
checkout and compare. Data: ``make_4w(make_country(), rows, seed=7)`` as a CSV (as
bench_join.py) on the sample's admin 3 boundaries. Not part of ``run.py``: no baseline.
"""
import argparse
import atexit
import gc
import importlib
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if __name__ == "__main__":  # run as a script: the checkout as `coordmap`
    sys.path.insert(0, str(ROOT / "build" / "plugins"))

from coordmap.benchmarks.bench_join import SEED  # noqa: E402
from coordmap.benchmarks.harness import _settle_allocator, load_tool, qgis_app  # noqa: E402

OTHER_PACKAGE = "coordmap_other"


def algorithm(package: str):
    """A fresh, initialised join_4w algorithm of ``package`` (run without its provider)."""
    return importlib.import_module(f"{package}.processing.algorithms.join_4w").ALGORITHM().create()


def other_checkout(path: Path, folder: Path) -> str:
    """``path`` importable as ``coordmap_other`` (our modules import one another relatively)."""
    (folder / OTHER_PACKAGE).symlink_to(path.resolve(), target_is_directory=True)
    sys.path.insert(0, str(folder))
    return OTHER_PACKAGE


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--rounds", type=int, default=12)
    parser.add_argument("--against", type=Path, help="another checkout to compare with")
    args = parser.parse_args(argv)
    qgis_app()
    from qgis import processing

    folder = Path(tempfile.mkdtemp(prefix="coordmap-end-to-end-"))
    atexit.register(shutil.rmtree, folder, True)
    sample_country = load_tool("sample_country")
    table = sample_country.write_4w_csv(sample_country.make_4w(
        sample_country.make_country(), args.rows, seed=SEED), folder / "4w.csv")
    parameters = {"INPUT": str(table), "ADMIN": str(ROOT / "resources/sample/xy_adm3.geojson"),
                  "OUTPUT": "TEMPORARY_OUTPUT", "OUTPUT_ROWS": "TEMPORARY_OUTPUT",
                  "OUTPUT_REPORT": "TEMPORARY_OUTPUT"}
    candidates = {"this checkout": algorithm("coordmap")}
    if args.against:
        candidates["other checkout"] = algorithm(other_checkout(args.against, folder))
    labels = list(candidates)
    times = {label: [] for label in labels}
    for number in range(args.rounds):
        start = number % len(labels)  # each round starts one candidate further on
        for label in labels[start:] + labels[:start]:
            gc.collect()
            _settle_allocator()
            began = time.perf_counter()
            processing.run(candidates[label], dict(parameters))
            times[label].append(time.perf_counter() - began)
    print(f"processing.run coordmap:join_4w, {args.rows:,} rows, {args.rounds} rounds")
    for label in labels:
        print(f"  {label}: median {statistics.median(times[label]):.3f} s, "
              f"best {min(times[label]):.3f} s")
    if args.against:
        ratios = [a / b for a, b in zip(times["this checkout"], times["other checkout"])]
        print(f"  this / other, median of rounds: {statistics.median(ratios):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
