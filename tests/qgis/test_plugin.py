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


LOAD_WITH_PACKAGES = """
import sys
for module in {hidden!r}:
    sys.modules[module] = None  # hide: any import of it raises ImportError
sys.path.insert(0, {fakes!r})  # stand-in packages of given versions
sys.path.insert(0, {plugins!r})
from qgis.core import QgsApplication, QgsProcessingException
app = QgsApplication([], False)
app.initQgis()
sys.path.append("/usr/share/qgis/python/plugins")
from processing.core.Processing import Processing
Processing.initialize()
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
print("RUNNABLE", sorted(a.name() for a in provider.algorithms() if a.canExecute()[0]))
print("LISTED", sorted(a.name() for a in provider.algorithms()))
bar = iface.messageBar().pushMessage
print("BAR", bar.call_count, repr(bar.call_args))
print("LOG", repr(messages))
from qgis import processing
try:
    processing.run("coordmap:join_4w", {{"INPUT": "x.csv", "ADMIN": "y.geojson",
                                        "OUTPUT": "TEMPORARY_OUTPUT"}})
    print("RUN", "ran")
except QgsProcessingException as error:
    print("RUN", repr(str(error)))
plugin.unload()
"""


def _load(tmp_path, hidden=(), fake_versions=None):
    """The plugin loaded in a fresh QGIS with ``hidden`` modules unimportable and stand-in
    packages ``{module: version}`` first on sys.path: what it printed, by line key."""
    for module, version in (fake_versions or {}).items():
        (tmp_path / module).mkdir()
        (tmp_path / module / "__init__.py").write_text(f"__version__ = {version!r}\n")
    script = LOAD_WITH_PACKAGES.format(
        hidden=list(hidden), fakes=str(tmp_path), plugins=str(ROOT / "build" / "plugins"),
        tests=str(ROOT / "tests" / "qgis"))
    result = subprocess.run([sys.executable, "-c", textwrap.dedent(script)],
                            capture_output=True, text=True, timeout=180, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines() if " " in line)
    assert lines["PROVIDER"] == "True"
    return lines


@pytest.mark.parametrize("module, package, blocked", [
    ("pandas", "pandas", True),
    ("rapidfuzz", "rapidfuzz", False),
])
def test_plugin_loads_without_a_package_and_says_how_to_install_it(tmp_path, module, package,
                                                                   blocked):
    lines = _load(tmp_path, hidden=[module])
    assert lines["BAR"].startswith("1 "), "said once in the message bar"
    for said in (lines["BAR"], lines["LOG"]):
        assert f"{package} is not installed" in said
        assert "-m pip install --user " in said and f'"{package}>=' in said
    # every algorithm is listed (toolbox searches, models, qgis_process find it)...
    algorithms = ["export_hapi_presence", "export_maps", "gaps_overlaps", "join_4w"]
    assert lines["LISTED"] == str(algorithms if blocked else algorithms + ["model_4w_to_map_pack"])
    if blocked:  # ... and those that need the package refuse to run, saying why
        assert lines["RUNNABLE"] == "[]"
        assert "CoordMap cannot run this algorithm: pandas is not installed" in lines["RUN"]
    else:
        assert lines["RUNNABLE"] == lines["LISTED"]
        assert "Some CoordMap features are off" in lines["BAR"]


def test_too_old_packages_are_named_with_the_version_needed_and_refuse_the_join(tmp_path):
    """Debian 12's python3-shapely 1.8.5 and python3-pandas 1.5.3: the join used to fail with
    "module 'shapely' has no attribute 'from_wkb'" and the overlaps to lose their dates."""
    lines = _load(tmp_path, fake_versions={"pandas": "1.5.3", "shapely": "1.8.5"})
    old_pandas = "pandas 1.5.3 is too old (tables): CoordMap needs 2.0.0 or newer"
    old_shapely = "shapely 1.8.5 is too old (geometry): CoordMap needs 2.0.0 or newer"
    for said in (lines["BAR"], lines["LOG"], lines["RUN"]):
        assert old_pandas in said and old_shapely in said
        assert '"pandas>=2.0.0" "shapely>=2.0.0"' in said
    assert "Some CoordMap algorithms cannot run" in lines["BAR"]
    assert lines["RUNNABLE"] == "[]"
    assert "from_wkb" not in lines["RUN"]
