"""The CoordMap panel in the real QGIS desktop under Xvfb: load the sample through the panel,
filter it, and keep a screenshot of the window with the filtered map and the panel.

One QGIS run for the module (``dock_run``), with CoordMap from the built zip in a fresh
profile, driven by ``dock_check.py`` (``qgis --code``). The screenshot is written to the
desktop output folder; with COORDMAP_UPDATE_DOCS=1 it is also copied to
docs/images/qgis_coordmap_dock_filtered.png for the README.
"""
import json
import os
import shutil
import signal
import subprocess
import time
import uuid
from pathlib import Path

import pytest

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[2]
DOCK_CHECK = Path(__file__).resolve().parent / "dock_check.py"
DOCS_IMAGE = ROOT / "docs" / "images" / "qgis_coordmap_dock_filtered.png"
QGIS_TIMEOUT = 180


def write_months_without_year(path):
    """The sample 4W with its months as names and no year column, as many real tables come."""
    import pandas as pd

    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]
    table = pd.read_excel(ROOT / "resources" / "sample" / "xy_4w_2025.xlsx", header=2)
    table = table.drop(columns=["Year"])
    table["Month"] = [months[int(value) - 1] if str(value).isdigit() else value
                      for value in table["Month"]]
    table.to_csv(path, index=False)
    return path


@pytest.fixture(scope="module")
def dock_run(coordmap_zip, qgis_profile_tool, desktop_output, xvfb_display, offline_proxy,
             tmp_path_factory):
    qgis = shutil.which("qgis")
    if qgis is None:
        pytest.skip("the QGIS desktop (qgis) is not installed")
    base = tmp_path_factory.mktemp("qgis-dock-profiles")
    host, port, _requests = offline_proxy
    qgis_profile_tool.make_profile(base, coordmap_zip, profile="default", locale="en_US",
                                   proxy=(host, port))
    out = desktop_output / "dock"
    out.mkdir(exist_ok=True)
    screenshot = out / "qgis_coordmap_dock_filtered.png"
    for stale in (screenshot, out / "dock_findings.json"):
        stale.unlink(missing_ok=True)
    run_id = uuid.uuid4().hex
    no_year = write_months_without_year(out / "xy_4w_months_without_year.csv")
    env = qgis_profile_tool.qgis_env(
        base, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", COORDMAP_DOCK_OUT=out,
        COORDMAP_DOCK_SAMPLE=ROOT / "resources" / "sample", COORDMAP_DOCK_RUN_ID=run_id,
        COORDMAP_DOCK_SCREENSHOT=screenshot, COORDMAP_DOCK_DEADLINE=QGIS_TIMEOUT - 40,
        COORDMAP_DOCK_NO_YEAR=no_year)
    command = [qgis, "--profiles-path", str(base), "--profile", "default", "--nologo",
               "--noversioncheck", "--code", str(DOCK_CHECK)]
    started = time.monotonic()
    with open(out / "qgis_output.log", "wb") as log:
        process = subprocess.Popen(command, env=env, cwd=base, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        try:
            returncode = process.wait(timeout=QGIS_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            returncode = process.wait(timeout=30)
    log_tail = "\n".join((out / "qgis_output.log").read_text(
        encoding="utf-8", errors="replace").splitlines()[-40:])
    context = f"\nreturncode={returncode} seconds={time.monotonic() - started:.0f}\n{log_tail}"
    findings_path = out / "dock_findings.json"
    assert findings_path.is_file(), "QGIS wrote no findings" + context
    found = json.loads(findings_path.read_text(encoding="utf-8"))
    assert found["run_id"] == run_id, "findings of another run" + context
    if found.get("screenshot_saved") and os.environ.get("COORDMAP_UPDATE_DOCS") == "1":
        DOCS_IMAGE.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(screenshot, DOCS_IMAGE)
    return found, screenshot, context


def test_panel_loads_the_sample_and_filters_in_the_desktop(dock_run):
    found, _screenshot, context = dock_run
    assert found["errors"] == [], context
    assert found["unexpected_dialogs"] == [], context
    assert found["steps"] == ["wait_join", "wait_render", "wait_no_year", "done"], context
    assert found["empty_state"].startswith("Load a 4W table"), found["empty_state"]
    assert found["running_after_click"], "the join did not start in the background"
    assert found["chosen_clusters"] == ["WSH"]
    assert found["chosen_periods"] == ["2025-03", "2025-04", "2025-05"]
    expression = "\"cluster\" IN ('WSH') AND \"period\" IN ('2025-03', '2025-04', '2025-05')"
    assert found["subset_strings"]["presence"] == expression
    assert all(value == expression for value in found["subset_strings"].values())
    assert found["presence_features_shown"] > 0
    assert int(found["summary"]["partners"]) > 0, found["summary"]


def test_screenshot_shows_the_filtered_map_and_the_panel(dock_run):
    from qgis.PyQt.QtGui import QImage

    found, screenshot, context = dock_run
    assert found.get("screenshot_saved") and screenshot.is_file(), context
    image = QImage(str(screenshot))
    assert image.width() >= 1500 and image.height() >= 900
    assert found["dock_visible"]

    def colours(box):
        x, y, w, h = box
        return len({image.pixel(i, j) for i in range(x, min(x + w, image.width()), 3)
                    for j in range(y, min(y + h, image.height()), 3)})

    x, y, w, h = found["dock_geometry"]
    assert w >= 200 and h >= 300 and colours(found["dock_geometry"]) > 8
    # the map: a graduated presence style over several units, not a blank canvas
    assert colours(found["canvas_geometry"]) > 8


def test_a_table_with_months_without_a_year_still_gives_a_map_and_the_fix(dock_run):
    found, _screenshot, context = dock_run
    no_year = found.get("no_year")
    assert no_year, context
    # every month lacks its year: the whole table is mapped and the message names the fix
    assert "No row has a usable month" in no_year["status"], no_year
    assert "Year of months without a year" in no_year["status"], no_year
    assert no_year["period_mode"] == 2 and no_year["clusters"] > 0, no_year
    assert no_year["units_with_partners"] > 0 and no_year["export_enabled"], no_year
