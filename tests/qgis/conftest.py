"""QGIS tier: one headless QGIS per session, the plugin loaded the way QGIS loads it."""
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# A throw-away profile: tests never read or write the developer's own QGIS settings.
os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="coordmap-qgis-profile-"))

PLUGINS_DIR = Path(__file__).resolve().parents[2] / "build" / "plugins"
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"  # QGIS's own `processing` lives here
if QGIS_PYTHON_PLUGINS not in sys.path:
    sys.path.append(QGIS_PYTHON_PLUGINS)


@pytest.fixture(scope="session")
def qgis_app():
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    yield app
    import qgis.utils

    for name in list(qgis.utils.active_plugins):
        qgis.utils.unloadPlugin(name)
    Processing.deinitialize()
    app.exitQgis()


@pytest.fixture(scope="session")
def coordmap_plugin(qgis_app):
    """Load and start the plugin's Processing part as qgis_process does (iface is None)."""
    import qgis.utils

    if str(PLUGINS_DIR) not in qgis.utils.plugin_paths:
        qgis.utils.plugin_paths.insert(0, str(PLUGINS_DIR))
    assert qgis.utils.loadPlugin("coordmap")
    assert qgis.utils.startProcessingPlugin("coordmap")
    return qgis.utils.plugins["coordmap"]


@pytest.fixture
def run_algorithm(coordmap_plugin):
    from qgis import processing

    def run(algorithm_id, parameters, **kwargs):
        return processing.run(algorithm_id, parameters, **kwargs)

    return run


@pytest.fixture
def output_dir(tmp_path, request):
    """Where a test writes files; kept under $COORDMAP_TEST_OUTPUT when set (make test)."""
    base = os.environ.get("COORDMAP_TEST_OUTPUT")
    if not base:
        return tmp_path
    folder = Path(base) / re.sub(r"[^\w.-]+", "_", request.node.nodeid)
    folder.mkdir(parents=True, exist_ok=True)
    return folder


def make_iface():
    """A QgisInterface stand-in for the GUI calls (the desktop tier runs the real one)."""
    from unittest import mock

    from qgis.gui import QgisInterface
    from qgis.PyQt.QtWidgets import QMainWindow

    iface = mock.Mock(spec=QgisInterface)
    window = QMainWindow()
    iface.mainWindow.return_value = window
    iface.addToolBar.side_effect = window.addToolBar
    return iface


@pytest.fixture
def stand_in_iface(qgis_app):
    return make_iface()


@pytest.fixture
def unwritable(tmp_path):
    """A folder nothing can be written in, even by root (immutable), removed afterwards."""
    folder = tmp_path / "read_only"
    folder.mkdir()
    folder.chmod(0o555)
    immutable = False
    if _writable(folder) and shutil.which("chattr"):
        immutable = subprocess.run(["chattr", "+i", str(folder)], capture_output=True
                                   ).returncode == 0
    if _writable(folder):
        pytest.skip("no folder can be made read-only here (root on a disk without chattr)")
    yield folder
    if immutable:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    folder.chmod(0o755)


def _writable(folder):
    try:
        (folder / "probe").write_text("x")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True
