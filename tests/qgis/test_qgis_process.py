"""qgis_process (QGIS's command line) sees CoordMap installed from the zip in a fresh profile.

Runs Debian's ``qgis_process.bin`` directly: the ``qgis_process`` wrapper adds
``--noversioncheck``, which qgis_process rejects. No QGIS in this process: the tests only
start subprocesses, so they also run where PyQGIS cannot be imported by pytest.
"""
import configparser
import json
import os
import re
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

    def unchecked(*args):
        result = subprocess.run([binary, *args], env=env, cwd=base, capture_output=True,
                                text=True, timeout=TIMEOUT, check=False)
        context = (f"\n--- qgis_process {' '.join(args)} -> {result.returncode}"
                   f"\n--- stderr:\n{result.stderr[-3000:]}\n--- stdout:\n{result.stdout[-3000:]}")
        return result, context

    def run(*args):
        result, context = unchecked(*args)
        assert result.returncode == 0, context
        return result.stdout, context

    run.profile = profile
    run.unchecked = unchecked
    run.env, run.binary = env, binary
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


# Running every algorithm without a GUI (iface is None in qgis_process) ---------------------------

def run_json(qgis_process, algorithm, **parameters):
    stdout, context = qgis_process("--json", "run", algorithm, "--",
                                   *(f"{key}={value}" for key, value in parameters.items()))
    return json.loads(stdout[stdout.index("{"):])["results"], context


@pytest.fixture(scope="module")
def joined(qgis_process, sample_dir, tmp_path_factory):
    folder = tmp_path_factory.mktemp("qgis-process-join")
    results, context = run_json(
        qgis_process, ALGORITHM, INPUT=sample_dir / "xy_4w_2025.xlsx",
        ADMIN=sample_dir / "xy_adm2.geojson", PERIOD=1, OUTPUT=folder / "presence.gpkg",
        OUTPUT_ROWS=folder / "rows.gpkg", OUTPUT_REPORT=folder / "qa_report.xlsx")
    return folder, results, context


def test_join_runs_headless_and_writes_its_outputs(joined):
    folder, results, context = joined
    for name in ("presence.gpkg", "rows.gpkg", "qa_report.xlsx"):
        assert (folder / name).stat().st_size > 0, name + context
    assert results["OUTPUT"].startswith(str(folder / "presence.gpkg")), context


def test_gaps_and_export_run_headless_on_the_join_outputs(qgis_process, joined, sample_dir):
    folder, join_results, _ = joined
    gaps, context = run_json(
        qgis_process, "coordmap:gaps_overlaps", PRESENCE=folder / "presence.gpkg",
        ROWS=folder / "rows.gpkg", NEEDS=sample_dir / "xy_needs.csv",
        ADMIN=sample_dir / "xy_adm2.geojson", OUTPUT_GAPS=folder / "gaps.gpkg",
        OUTPUT_OVERLAPS=folder / "overlaps.csv", OUTPUT_OVERLAP_UNITS=folder / "units.gpkg",
        OUTPUT_CHANGES=folder / "changes.csv")
    assert (folder / "gaps.gpkg").stat().st_size > 0, context
    with open(folder / "overlaps.csv", encoding="utf-8") as handle:
        assert handle.readline().startswith("pcode,"), context
    maps, context = run_json(
        qgis_process, "coordmap:export_maps", PRESENCE=folder / "presence.gpkg",
        GAPS=folder / "gaps.gpkg", CLUSTERS="WSH", PERIODS="2025-12",
        OUTPUT_FOLDER=folder / "maps")
    pdfs = list((folder / "maps").glob("*.pdf"))
    assert len(pdfs) == 1 and "WSH" in pdfs[0].name, context
    assert maps["OUTPUT_FILES"] == str(pdfs[0]), context


def test_the_shipped_model_runs_from_the_command_line(qgis_process, sample_dir, tmp_path):
    results, context = run_json(
        qgis_process, "coordmap:model_4w_to_map_pack", table=sample_dir / "xy_4w_2025.xlsx",
        boundaries=sample_dir / "xy_adm2.geojson", needs=sample_dir / "xy_needs.csv",
        periods="2025-12", **{
            "join:OUTPUT": tmp_path / "presence.gpkg", "join:OUTPUT_ROWS": tmp_path / "rows.gpkg",
            "join:OUTPUT_REPORT": tmp_path / "qa.xlsx", "gaps:OUTPUT_GAPS": tmp_path / "gaps.gpkg",
            "gaps:OUTPUT_OVERLAPS": tmp_path / "overlaps.gpkg",
            "gaps:OUTPUT_OVERLAP_UNITS": tmp_path / "units.gpkg",
            "gaps:OUTPUT_CHANGES": tmp_path / "changes.gpkg",
            "export:OUTPUT_FOLDER": tmp_path / "maps"})
    assert (tmp_path / "qa.xlsx").stat().st_size > 0, context
    assert len(list((tmp_path / "maps").glob("*.pdf"))) >= 1, context


@pytest.mark.parametrize("algorithm", ["coordmap:join_4w", "coordmap:gaps_overlaps",
                                       "coordmap:export_maps",
                                       "coordmap:model_4w_to_map_pack"])
def test_every_algorithm_prints_its_help(qgis_process, algorithm):
    stdout, context = qgis_process("help", algorithm)
    description = stdout.split("Description", 1)[1].split("Arguments", 1)[0]
    assert len(description.split()) > 40, "a help text that explains the algorithm" + context


def test_a_bad_parameter_exits_non_zero_with_a_clear_message(qgis_process, tmp_path):
    missing = tmp_path / "no_such_4w.xlsx"
    result, context = qgis_process.unchecked(
        "run", ALGORITHM, "--", f"INPUT={missing}", f"ADMIN={tmp_path / 'no_admin.geojson'}",
        f"OUTPUT={tmp_path / 'p.gpkg'}")
    assert result.returncode != 0, context
    assert "no_such_4w.xlsx" in result.stdout + result.stderr, context
    assert not (tmp_path / "p.gpkg").exists(), "nothing written" + context


def test_the_readme_command_line_examples_run_as_written(qgis_process, tmp_path):
    """The README's `qgis_process` examples are copy-pasted into a shell, as a user would."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Run it from the command line", 1)[1].split("\n## ", 1)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, flags=re.DOTALL)
    assert len(blocks) == 2, "the join/gaps/export steps and the model"
    (tmp_path / "resources").symlink_to(ROOT / "resources")
    script = "set -e\n" + "\n".join(blocks)
    env = {**qgis_process.env, "PATH": f"{Path(qgis_process.binary).parent}:{os.environ['PATH']}"}
    result = subprocess.run(["bash", "-c", script], cwd=tmp_path, env=env, capture_output=True,
                            text=True, timeout=6 * TIMEOUT, check=False)
    assert result.returncode == 0, result.stderr[-3000:] + result.stdout[-3000:]
    out = tmp_path / "out"
    for name in ("presence.gpkg", "rows.gpkg", "qa_report.xlsx", "mapping.json",
                 "crosswalk_to_review.csv", "gaps.gpkg", "overlaps.csv", "changes.csv", "qa.xlsx"):
        assert (out / name).stat().st_size > 0, name
    assert list((out / "maps").glob("*.pdf")), "map pack written"
