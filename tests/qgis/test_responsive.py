"""Long work never blocks QGIS: a large join run as the panel runs it (a background task) leaves
the event loop turning, and the task reports progress."""
import time

import pytest

from coordmap.tools import sample_country as tool

pytestmark = pytest.mark.qgis

ROWS = 60_000  # a big country's quarter; a few seconds of work here
TICK_MS = 50
MAX_EVENT_LOOP_GAP_S = 0.5  # a click still answers within half a second


@pytest.fixture(scope="module")
def large_4w(tmp_path_factory):
    path = tmp_path_factory.mktemp("large-4w") / "large_4w.csv"
    return tool.write_4w_csv(tool.make_4w(tool.make_country(), ROWS, seed=11), path)


def test_event_loop_keeps_turning_during_a_large_background_join(coordmap_plugin, qtbot,
                                                                 large_4w, sample_dir, tmp_path):
    from qgis.PyQt.QtCore import QTimer

    from coordmap.plugin.tasks import AlgorithmRun

    run = AlgorithmRun("coordmap:join_4w", {
        "INPUT": str(large_4w), "ADMIN": str(sample_dir / "xy_adm3.geojson"),
        "OUTPUT": str(tmp_path / "presence.gpkg"), "OUTPUT_ROWS": str(tmp_path / "rows.gpkg"),
    }, "large join")
    ticks, progress, outcome = [], [], []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    run.progressChanged.connect(progress.append)
    run.finished.connect(lambda ok, results, message: outcome.append((ok, message)))
    timer.start(TICK_MS)
    started = time.perf_counter()
    run.start()
    qtbot.waitUntil(lambda: bool(outcome), timeout=300_000)
    elapsed = time.perf_counter() - started
    timer.stop()

    assert outcome == [(True, "")], outcome
    assert elapsed > 1.0, "the join should take long enough for this test to mean something"
    gaps = [later - earlier for earlier, later in zip(ticks, ticks[1:])]
    assert len(ticks) >= elapsed / (TICK_MS / 1000) / 3, (len(ticks), elapsed)
    assert max(gaps) < MAX_EVENT_LOOP_GAP_S, f"the interface froze for {max(gaps):.2f} s"
    assert len(set(progress)) >= 5 and max(progress) >= 90, progress
