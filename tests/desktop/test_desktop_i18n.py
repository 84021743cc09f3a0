"""The real QGIS desktop in French and in Arabic: the dock speaks the language, Arabic reads right
to left, and a screenshot of each is saved in the desktop output folder (with
COORDMAP_UPDATE_DOCS=1 also to docs/images/qgis_coordmap_dock_{fr,ar}.png, the README's pictures).

One QGIS run per language, with a profile whose locale is set (as a user picks it in QGIS's
options). The run is the one of test_desktop.py (startup_check.py), with a few more findings
added by the small ``--code`` wrapper below.
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

from coordmap.tests.helpers import finished_translations

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[2]
STARTUP_CHECK = Path(__file__).resolve().parent / "startup_check.py"
QGIS_TIMEOUT = 180
RIGHT_TO_LEFT = 1  # Qt.LayoutDirection.RightToLeft

# Runs inside QGIS as --code: startup_check.py's late phase, plus the dock's layout direction.
WRAPPER = r'''
import builtins, os
_path = os.environ["COORDMAP_STARTUP_CHECK"]
exec(compile(open(_path, encoding="utf-8").read(), _path, "exec"))
_state = getattr(builtins, "_coordmap_desktop_check", None)
if _state is not None and not getattr(_state, "i18n_wrapped", False):
    _state.i18n_wrapped = True
    _check = _state._check

    def _check_with_direction():
        _check()
        from qgis.PyQt.QtWidgets import QApplication, QDockWidget
        from qgis.utils import iface
        dock = iface.mainWindow().findChild(QDockWidget, "CoordMapDock")
        _state.findings["dock_direction"] = int(dock.layoutDirection()) if dock else None
        _state.findings["application_direction"] = int(QApplication.layoutDirection())

    _state._check = _check_with_direction
'''


@pytest.fixture(scope="module", params=["fr", "ar"])
def localized_desktop(request, coordmap_zip, qgis_profile_tool, xvfb_display, offline_proxy,
                      tmp_path_factory):
    """(language, findings, screenshot, log) of one QGIS desktop run in that language."""
    qgis = shutil.which("qgis")
    if qgis is None:
        pytest.skip("the QGIS desktop (qgis) is not installed")
    language = request.param
    tool = qgis_profile_tool
    base = tmp_path_factory.mktemp(f"qgis-desktop-{language}")
    out = base / "out"
    out.mkdir()
    host, port, _ = offline_proxy
    tool.make_profile(base, coordmap_zip, profile="default", locale=language, proxy=(host, port))
    wrapper = base / "i18n_check.py"
    wrapper.write_text(WRAPPER, encoding="utf-8")
    run_id = uuid.uuid4().hex
    screenshot = out / f"qgis_coordmap_dock_{language}.png"
    proxy_url = f"http://{host}:{port}"
    env = tool.qgis_env(
        base, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb", PYQGIS_STARTUP=STARTUP_CHECK,
        COORDMAP_STARTUP_CHECK=STARTUP_CHECK, COORDMAP_DESKTOP_OUT=out,
        COORDMAP_DESKTOP_RUN_ID=run_id, COORDMAP_DESKTOP_SCREENSHOT=screenshot,
        COORDMAP_DESKTOP_DEADLINE=120, http_proxy=proxy_url, https_proxy=proxy_url,
        HTTP_PROXY=proxy_url, HTTPS_PROXY=proxy_url, no_proxy="", NO_PROXY="")
    command = [qgis, "--profiles-path", str(base), "--profile", "default", "--nologo",
               "--noversioncheck", "--code", str(wrapper)]
    log = out / "qgis_output.log"
    with open(log, "wb") as handle:
        process = subprocess.Popen(command, env=env, cwd=base, stdin=subprocess.DEVNULL,
                                   stdout=handle, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        started = time.monotonic()
        try:
            process.wait(timeout=QGIS_TIMEOUT)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    findings_path = out / "startup_findings.json"
    context = (f"\n--- QGIS in {language} ({time.monotonic() - started:.0f}s, exit "
               f"{process.returncode}):\n{log.read_text(errors='replace')[-3000:]}")
    assert findings_path.is_file(), "QGIS wrote no findings" + context
    findings = json.loads(findings_path.read_text(encoding="utf-8"))
    assert findings.get("run_id") == run_id, context
    assert findings["errors"] == [] and findings["python_errors"] == [], \
        json.dumps(findings["errors"] + findings["python_errors"])[:3000] + context
    return language, findings, screenshot, context


def test_dock_and_menu_speak_the_language(localized_desktop):
    language, found, _, context = localized_desktop
    table = finished_translations(language)
    assert found["plugin_active"] and found["locale"] == language, context
    assert table[("CoordMapPlugin", "CoordMap panel")] in found["menu_actions"], found
    dock_sources = {source: text for (ctx, source), text in table.items()
                    if ctx == "CoordMapDock" and text != source}
    texts = found["dock_texts"]
    translated = [text for text in texts if text in dock_sources.values()]
    english = [text for text in texts if text in dock_sources]
    assert len(translated) >= 3 and not english, (translated, english)
    assert found["dock_title"] == table[("CoordMapDock", "CoordMap")]


def test_arabic_dock_reads_right_to_left(localized_desktop):
    language, found, _, context = localized_desktop
    assert found["dock_visible"], context
    assert (found["dock_direction"] == RIGHT_TO_LEFT) == (language == "ar"), found


def test_screenshot_of_the_dock_saved_for_the_docs(localized_desktop):
    language, found, screenshot, context = localized_desktop
    assert found.get("screenshot_saved") and screenshot.is_file(), context
    assert screenshot.stat().st_size > 20_000, f"{screenshot} is suspiciously small"
    docks = {dock["name"]: dock for dock in found["docks_at_screenshot"]}
    assert "CoordMapDock" in docks, found["docks_at_screenshot"]
    if os.environ.get("COORDMAP_UPDATE_DOCS") == "1":  # only once the run checked out
        shutil.copyfile(screenshot, ROOT / "docs" / "images" / screenshot.name)
