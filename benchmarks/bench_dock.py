"""dock: time from a change of choice in the CoordMap panel to the updated summary and filters.

Issue target (at 100k 4W rows): under 200 ms from a filter change to the updated summary and
layer subset strings.

Data (setup, not timed): ``make_4w(country, n, seed=7)`` on the sample country, written as a CSV,
joined once with the real ``coordmap:join_4w`` (admin 3 boundaries of the sample, presence per
month) to GeoPackages, with ``coordmap:gaps_overlaps`` (sample needs) when registered; then a
real ``CoordMapDock`` loads them (layers in the project, frames in
memory) as after "Run join" in the panel. One QGIS application per process, shared with
bench_join.

Candidates, each timed for one change of choice (a cluster ticked or unticked, alternately, so
every call really changes the filter):

``summary`` (baseline)
    the pure-pandas part only: ``filter_expression`` + ``summarise`` + ``cluster_entries``.
``dock``
    the real widget: ``setCheckState`` on a cluster item of the panel's list, which runs the
    panel's update: subset string on the presence, gaps and overlap layers (OGR re-opens the
    filtered layer and counts its features), summary labels, cluster counts, project entries.
    Map repainting happens later, in the canvas's own thread, and is not included.

Run: ``python benchmarks/run.py --only dock --scale 100000 --no-rss`` (the forked RSS child
would fork a running QGIS); ``python benchmarks/bench_dock.py [100000]`` prints the spread of
single changes (median, 95th percentile, max) against the 200 ms target.
"""
from __future__ import annotations

import functools
import statistics
import sys
import time
from pathlib import Path

if __name__ == "__main__":  # run as a script: the checkout as `coordmap`
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build" / "plugins"))

from coordmap.benchmarks.bench_join import SEED, _tmpdir
from coordmap.benchmarks.harness import ROOT, Benchmark, load_tool, qgis_app, register

TARGET_S = 0.2
SAMPLE = ROOT / "resources" / "sample"


def _log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] dock: {msg}", file=sys.stderr, flush=True)


@functools.lru_cache(maxsize=1)
def _provider():
    from qgis.core import QgsApplication

    from coordmap.processing.provider import CoordMapProvider

    qgis_app()
    registry = QgsApplication.processingRegistry()
    if registry.providerById("coordmap") is None:
        provider = CoordMapProvider()
        registry.addProvider(provider)
        return provider
    return registry.providerById("coordmap")


@functools.lru_cache(maxsize=1)  # one scale at a time
def _setup(scale: int):
    from qgis import processing
    from qgis.core import QgsApplication, QgsProcessing

    _provider()
    sc = load_tool("sample_country")
    folder = _tmpdir() / f"dock_{scale}"
    folder.mkdir(exist_ok=True)
    csv = sc.write_4w_csv(sc.make_4w(sc.make_country(), scale, seed=SEED), folder / "4w.csv")
    started = time.perf_counter()
    results = processing.run("coordmap:join_4w", {
        "INPUT": str(csv), "ADMIN": str(SAMPLE / "xy_adm3.geojson"),
        "PERIOD": 1, "OUTPUT": str(folder / "presence.gpkg"),
        "OUTPUT_ROWS": str(folder / "rows.gpkg"), "OUTPUT_REPORT": str(folder / "qa.csv")})
    _log(f"join of {scale:,} rows: {time.perf_counter() - started:.1f} s (setup, not timed)")
    outputs = {"presence": str(folder / "presence.gpkg"), "rows": str(folder / "rows.gpkg"),
               "report": results["OUTPUT_REPORT"]}
    if QgsApplication.processingRegistry().algorithmById("coordmap:gaps_overlaps"):
        started = time.perf_counter()
        processing.run("coordmap:gaps_overlaps", {
            "PRESENCE": outputs["presence"], "ROWS": outputs["rows"],
            "NEEDS": str(SAMPLE / "xy_needs.csv"),
            "ADMIN": str(SAMPLE / "xy_adm3.geojson"),
            "OUTPUT_GAPS": str(folder / "gaps.gpkg"),
            "OUTPUT_OVERLAPS": QgsProcessing.TEMPORARY_OUTPUT,
            "OUTPUT_OVERLAP_UNITS": str(folder / "overlap_units.gpkg"),
            "OUTPUT_CHANGES": QgsProcessing.TEMPORARY_OUTPUT})
        outputs.update(gaps=str(folder / "gaps.gpkg"),
                       overlap_units=str(folder / "overlap_units.gpkg"))
        _log(f"gaps and overlaps: {time.perf_counter() - started:.1f} s (setup, not timed)")
    from coordmap.plugin.dock import CoordMapDock

    dock = CoordMapDock()
    dock.load_outputs(outputs)
    presence = dock.layers()["presence"]
    _log(f"{presence.featureCount():,} presence features, {len(dock.data.clusters)} clusters, "
         f"{len(dock.data.periods)} periods; layers filtered: {', '.join(dock.layers())}")
    # Meeting-like choice: three months; the timed change then ticks/unticks one cluster.
    dock.period_range.set_bounds(dock.data.periods[2], dock.data.periods[4])
    return {"n": scale, "dock": dock, "toggle": [1]}  # every cluster ticked: untick first


def _flip(d):
    """The first cluster's item and the opposite of its current state (read from the item: the
    ``toggle`` flag belongs to ``_summary``, whose number of calls depends on --repeat)."""
    from qgis.PyQt.QtCore import Qt

    item = d["dock"].cluster_items()[0]
    checked = item.checkState() == Qt.CheckState.Checked
    return item, Qt.CheckState.Unchecked if checked else Qt.CheckState.Checked


def _summary(d):
    from coordmap.processing.analysis.selection import (
        cluster_entries,
        filter_expression,
        summarise,
    )

    dock = d["dock"]
    data = dock.data
    clusters = data.clusters[1:] if d["toggle"][0] else data.clusters
    d["toggle"][0] ^= 1
    periods = dock.period_range.chosen_periods()
    filter_expression(clusters, periods, data.clusters, data.periods)
    summarise(data, clusters, periods)
    cluster_entries(data, periods)


def _dock(d):
    item, state = _flip(d)
    before = d["dock"].layers()["presence"].subsetString()
    item.setCheckState(state)  # itemChanged -> the panel's update, as a click does
    assert d["dock"].layers()["presence"].subsetString() != before, "the filter did not change"


register(Benchmark(
    name="dock",
    description="one change of the panel's choice at N 4W rows: pandas summary only vs the "
                "real dock (subset strings on the layers + summary + cluster counts)",
    setup=_setup,
    candidates={"summary": _summary, "dock": _dock},
    baseline="summary",
    default_scales=(100_000,),
))


def spread(scale: int, changes: int = 40) -> None:
    d = _setup(scale)
    seconds = []
    for _ in range(changes):
        started = time.perf_counter()
        _dock(d)
        seconds.append(time.perf_counter() - started)
    seconds.sort()
    p95 = seconds[int(0.95 * (len(seconds) - 1))]
    median = statistics.median(seconds)
    print(f"dock @ {scale:,} rows, {changes} changes: median {median * 1000:.0f} ms, "
          f"p95 {p95 * 1000:.0f} ms, max {seconds[-1] * 1000:.0f} ms "
          f"(target < {TARGET_S * 1000:.0f} ms: {'met' if p95 < TARGET_S else 'NOT met'}); "
          f"panel's own timer: {d['dock'].last_update_seconds * 1000:.0f} ms")


if __name__ == "__main__":
    for n in (int(a.replace("_", "")) for a in (sys.argv[1:] or ["100000"])):
        spread(n)
