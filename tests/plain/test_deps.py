"""The dependency check: minimum versions, the messages, and the install command per platform."""
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coordmap.processing import deps
from coordmap.processing.deps import Platform, dependency_problems, install_advice

ROOT = Path(__file__).resolve().parents[2]
PLUGINS_DIR = ROOT / "build" / "plugins"
CURRENT = {"pandas": "2.2.3", "shapely": "2.0.7", "python_calamine": "0.3.1",
           "openpyxl": "3.1.5", "rapidfuzz": "3.10.1"}
DEBIAN_12 = {**CURRENT, "pandas": "1.5.3", "shapely": "1.8.5", "python_calamine": None,
             "openpyxl": None, "rapidfuzz": None}  # QGIS with Debian 12's own packages only


def test_versions_compare_by_their_release_numbers():
    key = deps.version_key
    assert key("1.8.5.post1") < key("2.0.0") == key("2.0") == key("2.0.0rc1")
    assert key("3.0") == key("3.0.0") == (3,)
    assert key("2.2.3+dfsg") > key("2.0.0")


def test_too_old_and_missing_packages_are_named_with_found_and_needed_versions():
    problems = dependency_problems(DEBIAN_12)
    texts = [problem.describe() for problem in problems]
    assert texts == [
        "pandas 1.5.3 is too old (tables): CoordMap needs 2.0.0 or newer",
        "shapely 1.8.5 is too old (geometry): CoordMap needs 2.0.0 or newer",
        "python-calamine is not installed (reading XLSX, XLS and ODS files)",
        "openpyxl is not installed (writing XLSX reports)",
        "rapidfuzz is not installed (fuzzy matching of admin names)"]
    assert deps.runnable_algorithms(problems) == []


def test_the_minimum_versions_themselves_are_accepted():
    assert dependency_problems({dep.module: dep.minimum for dep in deps.DEPENDENCIES}) == []
    assert dependency_problems(CURRENT) == []


def test_an_optional_package_switches_a_feature_off_not_an_algorithm():
    problems = dependency_problems({**CURRENT, "rapidfuzz": "2.15.2"})
    assert [p.dependency.package for p in problems] == ["rapidfuzz"]
    assert deps.runnable_algorithms(problems) == list(deps.ALGORITHM_REQUIREMENTS)
    assert deps.blocking_problems("join_4w", problems) == []


def test_only_shapely_too_old_still_lets_the_map_export_run():
    problems = dependency_problems({**CURRENT, "shapely": "1.8.5"})
    assert deps.runnable_algorithms(problems) == ["export_maps"]


def test_minimums_are_the_versions_the_lowest_venv_tests():
    pins = dict(re.findall(r"^([\w.-]+)==(\S+)", (ROOT / "requirements-lowest.txt").read_text(),
                           re.M))
    assert {dep.package: dep.minimum for dep in deps.DEPENDENCIES} == \
        {dep.package: pins[dep.package] for dep in deps.DEPENDENCIES}


def test_this_python_has_every_package_recent_enough():
    # Runs in each test venv (.venv, .venv-newest, .venv-lowest): the check itself, for real.
    assert [p.describe() for p in dependency_problems()] == []


# ---- install commands ---------------------------------------------------------------------

def test_windows_gets_the_osgeo4w_shell_and_keeps_qgis_numpy():
    advice = install_advice(dependency_problems(DEBIAN_12),
                            Platform("windows", "python", numpy="1.26.4"))
    assert advice[0] == (
        "In the OSGeo4W Shell (Windows Start menu > QGIS > OSGeo4W Shell), run: python -m pip "
        'install --user "numpy==1.26.4" "pandas>=2.0.0" "shapely>=2.0.0" '
        '"python-calamine>=0.2.0" "openpyxl>=3.0.9" "rapidfuzz>=3.0.0"')
    assert "--no-index --find-links" in advice[1]
    assert advice[-1] == "Then restart QGIS."


def test_macos_uses_the_python_of_the_qgis_bundle():
    python = "/Applications/QGIS LTR.app/Contents/MacOS/bin/python3"
    problems = dependency_problems({**CURRENT, "rapidfuzz": None})
    advice = install_advice(problems, Platform("macos", python))
    assert advice[0] == f'In a terminal, run: "{python}" -m pip install --user "rapidfuzz>=3.0.0"'


def test_debian_12_gets_its_packages_where_recent_enough_and_pip_for_the_rest():
    platform = Platform("linux", "python3", externally_managed=True, numpy="1.24.2",
                        distribution_versions={"python3-pandas": "1.5.3",
                                               "python3-shapely": "1.8.5",
                                               "python3-openpyxl": "3.0.9"})
    problems = dependency_problems(DEBIAN_12)
    apt, pip = deps.install_commands(problems, platform)
    assert apt == "sudo apt install python3-openpyxl"
    assert pip == ('python3 -m pip install --user --break-system-packages "numpy==1.24.2" '
                   '"pandas>=2.0.0" "shapely>=2.0.0" "python-calamine>=0.2.0" '
                   '"rapidfuzz>=3.0.0"')
    advice = install_advice(problems, platform)
    assert advice[0] == "Install your distribution's packages: sudo apt install python3-openpyxl"
    assert pip in advice[1] and "~/.local" in advice[1]


def test_a_distribution_that_does_not_manage_its_python_gets_plain_pip_user():
    problems = dependency_problems({**CURRENT, "openpyxl": None})
    advice = install_advice(problems, Platform("linux", "python3", numpy="1.24.2"))
    assert advice[0] == 'In a terminal, run: python3 -m pip install --user "openpyxl>=3.0.9"'


def test_apt_policy_output_gives_the_upstream_candidate_versions():
    policy = ("python3-pandas:\n  Installed: (none)\n  Candidate: 1.5.3+dfsg-2\n"
              "  Version table:\n     1.5.3+dfsg-2 500\n"
              "python3-numpy:\n  Installed: 1:1.24.2-1+deb12u1\n"
              "  Candidate: 1:1.24.2-1+deb12u1\n"
              "python3-rapidfuzz:\n  Installed: (none)\n  Candidate: (none)\n")
    assert deps.apt_candidates(policy) == {"python3-pandas": "1.5.3", "python3-numpy": "1.24.2"}


@pytest.mark.skipif(not shutil.which("apt-cache"), reason="no apt-cache (not Debian/Ubuntu)")
def test_the_real_apt_cache_is_read():
    found = deps._apt_candidates(["python3-numpy"], subprocess.run)
    assert deps.version_key(found["python3-numpy"]) >= (1,)


SYSTEM_PYTHON = Path("/usr/bin/python3")
MARKER_SCRIPT = """
import sys
sys.path.insert(0, sys.argv[1])
from coordmap.processing import deps
print(deps.current_platform().externally_managed)
"""


@pytest.mark.skipif(not list(Path("/usr/lib").glob("python3*/EXTERNALLY-MANAGED")),
                    reason="this system's Python is not externally managed (PEP 668)")
def test_an_externally_managed_system_python_is_recognised_and_a_venv_is_not():
    done = subprocess.run([str(SYSTEM_PYTHON), "-c", MARKER_SCRIPT, str(PLUGINS_DIR)],
                          capture_output=True, text=True, timeout=60, check=True)
    assert done.stdout.split() == ["True"]
    assert deps._externally_managed() is (sys.prefix == sys.base_prefix)
