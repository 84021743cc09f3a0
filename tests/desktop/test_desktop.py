"""The real QGIS desktop with CoordMap installed from the zip: what a user sees after install.

All tests share one QGIS run (the ``qgis_desktop`` fixture); each checks one part of it.
"""
import configparser
from pathlib import Path

import pytest

pytestmark = pytest.mark.desktop

ROOT = Path(__file__).resolve().parents[2]
ALGORITHM = "coordmap:join_4w"
RIGHT_DOCK_AREA = 2  # Qt.RightDockWidgetArea


def metadata_version():
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    return parser["general"]["version"]


def test_qgis_starts_runs_the_check_and_quits_cleanly(qgis_desktop):
    found = qgis_desktop.require_findings()
    assert not qgis_desktop.timed_out, "QGIS did not quit in time." + qgis_desktop.context()
    assert found["phase_early"] and found["phase_late"], qgis_desktop.context()
    assert found["errors"] == [], qgis_desktop.context()
    assert found["exit_code_requested"] == 0, qgis_desktop.context()
    assert qgis_desktop.returncode == 0, qgis_desktop.context()


def test_plugin_from_the_zip_is_active(qgis_desktop):
    found = qgis_desktop.require_findings()
    assert found["plugin_active"], qgis_desktop.context()
    assert found["plugin_class"] == "CoordMapPlugin", qgis_desktop.context()
    # Loaded from the profile the zip was unpacked into, not from the checkout.
    installed = qgis_desktop.profile_dir / "python" / "plugins" / "coordmap"
    assert Path(found["plugin_dir"]).resolve() == installed.resolve(), qgis_desktop.context()
    assert found["settings_file"].startswith(str(qgis_desktop.profile_dir)), \
        qgis_desktop.context()
    assert found["python_errors"] == [], qgis_desktop.context()


def test_processing_provider_lists_the_join(qgis_desktop):
    found = qgis_desktop.require_findings()
    assert found["provider_registered"], qgis_desktop.context()
    assert found["provider_name"] == "CoordMap"
    assert found["provider_version"] == metadata_version()
    assert ALGORITHM in found["provider_algorithms"], qgis_desktop.context()
    assert found["algorithm_in_registry"], qgis_desktop.context()
    assert found["missing_dependencies"] == [], qgis_desktop.context()
    # and a user searching the toolbox for "CoordMap" finds it
    assert ALGORITHM in found["toolbox_algorithms"], qgis_desktop.context()


def test_menu_toolbar_and_dock(qgis_desktop):
    found = qgis_desktop.require_findings()
    assert "CoordMap panel" in found["menu_actions"], qgis_desktop.context()
    assert any(text.startswith("Join 4W") for text in found["menu_actions"]), found
    assert found["toolbar_found"] and found["toolbar_visible"], qgis_desktop.context()
    assert found["toolbar_actions"] == found["menu_actions"]
    assert found["panel_action_in_toolbar"]
    assert found["dock_found"], qgis_desktop.context()
    assert found["dock_visible"], "The panel action did not show the dock." + \
        qgis_desktop.context()
    assert found["dock_area"] == RIGHT_DOCK_AREA
    assert found["dock_title"] == "CoordMap"
    assert any(text.startswith("Join 4W") for text in found["dock_texts"]), found["dock_texts"]


def test_start_up_is_quiet_and_offline(qgis_desktop):
    found = qgis_desktop.require_findings()
    assert found["unexpected_dialogs"] == [], qgis_desktop.context()
    remote = [url for url in found["network_requests"] if not url.startswith("file:")]
    assert remote == [], "QGIS went online: " + "\n".join(remote) + qgis_desktop.context()
    # Every HTTP(S) request QGIS, GDAL or Python made reached the refusing local proxy.
    assert qgis_desktop.proxy_requests == [], \
        "requests sent during start-up: " + "\n".join(qgis_desktop.proxy_requests)
    assert found["message_bar_items"] == [], qgis_desktop.context()


def _open_image(path):
    """(width, height, pixel getter, crop-to-colour-count) with Pillow, else with QImage."""
    try:
        from PIL import Image
    except ImportError:  # Pillow is optional; QImage needs no QApplication to read a PNG
        Image = None  # noqa: N806
    if Image is not None:
        image = Image.open(path).convert("RGB")

        def colours(box):
            x, y, w, h = box
            return len(set(image.crop((x, y, x + w, y + h)).getdata()))

        return image.width, image.height, colours
    from qgis.PyQt.QtGui import QImage

    image = QImage(str(path))

    def colours(box):
        x, y, w, h = box
        return len({image.pixel(i, j) for i in range(x, min(x + w, image.width()), 2)
                    for j in range(y, min(y + h, image.height()), 2)})

    return image.width(), image.height(), colours


def test_screenshot_shows_qgis_with_the_dock(qgis_desktop):
    found = qgis_desktop.require_findings()
    path = qgis_desktop.screenshot
    assert found.get("screenshot_saved") and path.is_file(), qgis_desktop.context()
    assert path.stat().st_size > 20_000, f"{path} is suspiciously small"
    width, height, colours = _open_image(path)
    assert width >= 1500 and height >= 900, (width, height)
    assert colours((0, 0, width, height)) > 50, "the screenshot is (nearly) one colour"
    docks = {dock["name"]: dock for dock in found["docks_at_screenshot"]}
    assert "CoordMapDock" in docks, found["docks_at_screenshot"]
    x, y, w, h = docks["CoordMapDock"]["geometry"]
    assert x >= 0 and y >= 0 and x + w <= width and y + h <= height, docks["CoordMapDock"]
    assert w >= 150 and h >= 80, docks["CoordMapDock"]
    assert colours((x, y, w, h)) > 8, "the CoordMap dock area of the screenshot is blank"
