"""qgis_process (QGIS's command line) sees CoordMap installed from the zip in a fresh profile.

Runs Debian's ``qgis_process.bin`` directly: the ``qgis_process`` wrapper adds
``--noversioncheck``, which qgis_process rejects. No QGIS in this process: the tests only
start subprocesses, so they also run where PyQGIS cannot be imported by pytest.
"""
import configparser
import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[2]
ALGORITHM = "coordmap:join_4w"
PARAMETERS = ("INPUT", "SHEET", "ADMIN", "ADMIN_LEVEL", "MAPPING", "CROSSWALK", "PERIOD",
              "DEFAULT_YEAR", "CLUSTER_VOCABULARY", "COUNT_ALL_ORGANISATIONS",
              "OUTPUT", "OUTPUT_ROWS", "OUTPUT_REPORT", "OUTPUT_MAPPING", "OUTPUT_CROSSWALK")
OUTPUTS = ("OUTPUT", "OUTPUT_ROWS", "OUTPUT_REPORT", "OUTPUT_MAPPING", "OUTPUT_CROSSWALK")
TIMEOUT = 120



def _qgis_process_binary():
    for candidate in ("/usr/bin/qgis_process.bin", shutil.which("qgis_process.bin")):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    pytest.skip("qgis_process.bin is not installed")


@pytest.fixture(scope="module")
def qgis_process(qgis_profile_tool, coordmap_zip, tmp_path_factory):
    """Run qgis_process with a fresh profile holding the zip's CoordMap, enabled."""
    tool = qgis_profile_tool
    binary = _qgis_process_binary()
    zip_path = coordmap_zip
    base = tmp_path_factory.mktemp("qgis-process-profiles")
    profile = tool.make_profile(base, zip_path)
    env = tool.qgis_env(base, QT_QPA_PLATFORM="offscreen")

    def run(*args):
        result = subprocess.run([binary, *args], env=env, cwd=base, capture_output=True,
                                text=True, timeout=TIMEOUT, check=False)
        context = (f"\n--- qgis_process {' '.join(args)} -> {result.returncode}"
                   f"\n--- stderr:\n{result.stderr[-3000:]}\n--- stdout:\n{result.stdout[-3000:]}")
        assert result.returncode == 0, context
        return result.stdout, context

    run.profile = profile
    return run


def test_list_shows_the_provider_and_the_join(qgis_process):
    stdout, context = qgis_process("list")
    lines = [line.strip() for line in stdout.splitlines()]
    assert "CoordMap" in lines, "no CoordMap provider heading" + context
    start = lines.index("CoordMap")
    section = lines[start + 1:lines.index("", start) if "" in lines[start:] else None]
    assert any(line.split()[0] == ALGORITHM for line in section if line), context


def test_json_list_names_provider_version_and_algorithm(qgis_process):
    stdout, context = qgis_process("--json", "list")
    providers = json.loads(stdout)["providers"]
    assert "coordmap" in providers, context
    provider = providers["coordmap"]
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(ROOT / "metadata.txt", encoding="utf-8")
    assert provider["name"] == "CoordMap"
    assert provider["version"] == parser["general"]["version"]
    assert provider["is_active"]
    assert ALGORITHM in provider["algorithms"], context


def test_help_lists_the_join_parameters(qgis_process):
    stdout, context = qgis_process("help", ALGORITHM)
    assert f"({ALGORITHM})" in stdout.splitlines()[0], context
    arguments = stdout.split("Arguments", 1)[1].split("Outputs", 1)[0]
    listed = {line.split(":", 1)[0] for line in arguments.splitlines()
              if line and not line[0].isspace() and ":" in line}
    missing = [name for name in PARAMETERS if name not in listed]
    assert not missing, f"parameters missing from help: {missing}" + context


def test_json_help_parameter_types_and_outputs(qgis_process):
    stdout, context = qgis_process("--json", "help", ALGORITHM)
    details = json.loads(stdout)
    parameters = details["parameters"]
    assert set(PARAMETERS) <= set(parameters), context
    types = {name: parameters[name]["type"]["id"] for name in PARAMETERS}
    assert types["INPUT"] == "layer"
    assert types["ADMIN"] == "source"
    assert types["OUTPUT"] == types["OUTPUT_ROWS"] == "sink"
    assert types["OUTPUT_REPORT"] == "fileDestination"
    assert set(OUTPUTS) <= set(details["outputs"]), context
