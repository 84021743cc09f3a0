"""The benchmark scripts still run: each at a tiny scale, in its own process, as README's
commands run them. Nothing here is timed (the figures are read in benchmarks/README.md); a
script broken by a change of the code it measures fails here, not on the day it is needed."""
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[2]
NUMBER = r"\s+\d+\.\d+"


def run_script(*arguments):
    """stdout of ``benchmarks/<script> <arguments>`` (fails on a non-zero exit)."""
    done = subprocess.run([sys.executable, str(ROOT / "benchmarks" / arguments[0]),
                           *arguments[1:]], capture_output=True, text=True, timeout=600,
                          cwd=ROOT / "build", env={**os.environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def test_end_to_end_times_every_algorithm_and_its_baselines():
    out = run_script("end_to_end.py", "--rows", "2000", "--rounds", "1")
    for benchmark, candidates in (
            ("join", ("pandas_gpkg", "coordmap_default", "coordmap_gpkg", "qgis_native")),
            ("gaps", ("pandas_gpkg", "coordmap_default", "coordmap_gpkg")),
            ("hapi", ("pandas_csv", "coordmap_default"))):
        section = out.split(f"\n{benchmark}, 2,000 rows")[1].split("\n\n")[0]
        for candidate in candidates:
            assert re.search(rf"\n  {candidate}{NUMBER}{NUMBER}{NUMBER}", section), section
    assert re.search(r"qgis_native / coordmap_gpkg \(median of rounds\): \d+\.\d+x", out)


def test_detailed_boundaries_compares_both_files_and_the_bound():
    out = run_script("detailed_boundaries.py", "--rows", "2000", "--megabytes", "2",
                     "--rounds", "1")
    for label in ("plain", "detailed", "detailed_gpkg"):
        assert re.search(rf"\n  {label}\s+boundary file{NUMBER} MB, median{NUMBER} s", out), out
    assert re.search(r"detailed_gpkg / plain, median of rounds: \d+\.\d+", out), out


def test_export_compares_the_algorithm_with_the_bare_exporter():
    out = run_script("run.py", "--only", "export", "--scale", "1", "--repeat", "1",
                     "--no-rss", "--no-memory")
    for candidate in ("bare_exporter (baseline)", "coordmap"):
        assert re.search(rf"export\s+1\s+{re.escape(candidate)}{NUMBER}", out), out
