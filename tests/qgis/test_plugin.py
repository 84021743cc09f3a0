"""The plugin as QGIS loads it: provider registration, GUI set-up and a symmetric unload."""
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def test_provider_registered_once_with_stable_id(coordmap_plugin):
    from qgis.core import QgsApplication

    registry = QgsApplication.processingRegistry()
    provider = registry.providerById("coordmap")
    assert provider is not None
    assert provider.name() == "CoordMap"
    coordmap_plugin.initProcessing()  # initGui calls it again: must not add a second provider
    assert [p.id() for p in registry.providers()].count("coordmap") == 1


def test_version_comes_from_metadata(coordmap_plugin):
    from qgis.core import QgsApplication

    metadata = (ROOT / "metadata.txt").read_text(encoding="utf-8")
    version = next(line.split("=", 1)[1] for line in metadata.splitlines()
                   if line.startswith("version="))
    assert QgsApplication.processingRegistry().providerById("coordmap").versionInfo() == version


def test_metadata_fields_required_by_the_plugin_repository():
    import configparser

    parser = configparser.ConfigParser()
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    general = parser["general"]
    assert general["name"] == "CoordMap"
    assert general["qgisMinimumVersion"] == "3.22"
    assert general["qgisMaximumVersion"] == "4.99"
    assert general["supportsQt6"] == "True"
    assert general["hasProcessingProvider"] == "yes"
    assert (ROOT / general["icon"]).is_file()
    for key in ("description", "about", "tags", "category", "changelog", "author", "email"):
        assert general[key].strip(), key


def test_gui_set_up_and_unload_are_symmetric(stand_in_iface):
    iface = stand_in_iface
    """initGui adds a menu entry, toolbar and dock per action; unload removes each of them."""
    from qgis.core import QgsApplication, QgsProject

    from coordmap import classFactory

    registry = QgsApplication.processingRegistry()
    before = [p.id() for p in registry.providers()]
    project = QgsProject.instance()
    listeners = project.receivers(project.readProject), project.receivers(project.cleared)
    plugin = classFactory(iface)
    if "coordmap" in before:  # the session's own instance is loaded; test a second one apart
        registry.removeProvider(registry.providerById("coordmap"))
    plugin.initGui()
    assert registry.providerById("coordmap") is not None
    assert iface.addDockWidget.call_count == 1
    # the dock restores its choice when a project is read: connected while loaded only
    assert project.receivers(project.readProject) == listeners[0] + 1
    added = [call.args[1] for call in iface.addPluginToMenu.call_args_list]
    assert len(added) >= 2
    plugin.unload()
    removed = [call.args[1] for call in iface.removePluginMenu.call_args_list]
    assert removed == added
    iface.removeDockWidget.assert_called_once()
    assert (project.receivers(project.readProject), project.receivers(project.cleared)) == \
        listeners
    assert registry.providerById("coordmap") is None
    if "coordmap" in before:
        import qgis.utils

        qgis.utils.plugins["coordmap"].provider = None
        qgis.utils.plugins["coordmap"].initProcessing()


HIDE_AND_LOAD = """
import sys
sys.modules[{module!r}] = None  # hide: any import of it raises ImportError
sys.path.insert(0, {plugins!r})
from qgis.core import QgsApplication, QgsMessageLog
app = QgsApplication([], False)
app.initQgis()
messages = []
QgsApplication.messageLog().messageReceived.connect(
    lambda message, tag, level: messages.append(message) if tag == "CoordMap" else None)
sys.path.insert(0, {tests!r})
from conftest import make_iface
iface = make_iface()
from coordmap import classFactory
plugin = classFactory(iface)
plugin.initGui()
provider = QgsApplication.processingRegistry().providerById("coordmap")
print("PROVIDER", provider is not None)
print("ALGORITHMS", sorted(a.name() for a in provider.algorithms()))
print("BAR", iface.messageBar().pushWarning.call_count, iface.messageBar().pushWarning.call_args)
print("LOG", messages)
plugin.unload()
"""


@pytest.mark.parametrize("module, package, lost_algorithm", [
    ("pandas", "pandas", "join_4w"),
    ("rapidfuzz", "rapidfuzz", None),
])
def test_plugin_loads_without_a_package_and_says_how_to_install_it(module, package, lost_algorithm):
    script = HIDE_AND_LOAD.format(module=module, plugins=str(ROOT / "build" / "plugins"),
                                  tests=str(ROOT / "tests" / "qgis"))
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["PROVIDER"] == "True"
    command = f"-m pip install --user {package}"
    assert lines["BAR"].startswith("1 "), "said once in the message bar"
    assert command in lines["BAR"]
    assert command in lines["LOG"]
    if lost_algorithm:
        assert lost_algorithm not in lines["ALGORITHMS"]
    else:
        assert "join_4w" in lines["ALGORITHMS"]
