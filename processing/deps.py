"""The Python packages CoordMap needs, whether the ones QGIS sees are recent enough, and how to
install them where this QGIS runs.

Pure Python: the plugin loads (and says what is wrong) even where pandas or shapely are absent
or too old. The minimum versions are the lowest ones the tests pass with (the ``lowest`` venv of
``make test``, requirements-lowest.txt); older releases break without a clear error, e.g.
shapely 1.8 has no ``shapely.from_wkb`` and pandas 1.5 reads no ISO dates with
``format="ISO8601"``, so the overlaps lost their dates.
"""
import importlib
import re
import shutil
import subprocess
import sys
import sysconfig
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from .analysis.translation import QT_TRANSLATE_NOOP, Translate, untranslated

CONTEXT = "CoordMapDependencies"


@dataclass(frozen=True)
class Dependency:
    module: str  # import name
    package: str  # pip name
    purpose: str  # translatable (CONTEXT)
    minimum: str  # lowest version CoordMap works with
    distribution_package: str = ""  # Debian/Ubuntu package, where the distribution has one


DEPENDENCIES: Tuple[Dependency, ...] = (
    Dependency("pandas", "pandas", QT_TRANSLATE_NOOP("CoordMapDependencies", "tables"),
               "2.0.0", "python3-pandas"),
    Dependency("shapely", "shapely", QT_TRANSLATE_NOOP("CoordMapDependencies", "geometry"),
               "2.0.0", "python3-shapely"),
    Dependency("python_calamine", "python-calamine", QT_TRANSLATE_NOOP(
        "CoordMapDependencies", "reading XLSX, XLS and ODS files"), "0.2.0"),
    Dependency("openpyxl", "openpyxl", QT_TRANSLATE_NOOP(
        "CoordMapDependencies", "writing XLSX reports"), "3.0.9", "python3-openpyxl"),
    Dependency("rapidfuzz", "rapidfuzz", QT_TRANSLATE_NOOP(
        "CoordMapDependencies", "fuzzy matching of admin names"), "3.0.0", "python3-rapidfuzz"),
)

# What each algorithm cannot run without; other packages only switch a feature off.
ALGORITHM_REQUIREMENTS: Dict[str, Tuple[str, ...]] = {
    "join_4w": ("pandas", "shapely"),
    "export_maps": ("pandas",),
    "gaps_overlaps": ("pandas", "shapely"),
    "export_hapi_presence": ("pandas", "shapely"),
}


@dataclass(frozen=True)
class Problem:
    """A dependency that cannot be used: ``found`` is its version, None when it cannot be
    imported."""
    dependency: Dependency
    found: Optional[str]

    def describe(self, translate: Translate = untranslated) -> str:
        dep = self.dependency
        purpose = translate(CONTEXT, dep.purpose)
        if self.found is None:
            return translate(CONTEXT, NOT_INSTALLED).format(package=dep.package, purpose=purpose)
        return translate(CONTEXT, TOO_OLD).format(package=dep.package, found=self.found,
                                                  purpose=purpose, minimum=dep.minimum)


NOT_INSTALLED = QT_TRANSLATE_NOOP("CoordMapDependencies", "{package} is not installed ({purpose})")
TOO_OLD = QT_TRANSLATE_NOOP("CoordMapDependencies",
                            "{package} {found} is too old ({purpose}): CoordMap needs {minimum} "
                            "or newer")


def version_key(text: str) -> Tuple[int, ...]:
    """The release numbers of a version, for comparisons: "1.8.5.post1" -> (1, 8, 5),
    "3.0.0" and "3.0" -> (3,)."""
    match = re.match(r"\d+(?:\.\d+)*", text.strip())
    parts = [int(part) for part in match.group(0).split(".")] if match else []
    while parts and parts[-1] == 0:
        parts.pop()
    return tuple(parts)


def installed_version(dependency: Dependency) -> Optional[str]:
    """The version QGIS's Python imports, or None when the import fails.

    A real import, not find_spec or the package metadata: a package that is present but broken
    (e.g. built against another numpy) must count as missing."""
    try:
        module = importlib.import_module(dependency.module)
    except Exception:  # noqa: BLE001 - any failure means unusable
        return None
    version = getattr(module, "__version__", None)
    if isinstance(version, str):
        return version
    try:
        from importlib.metadata import version as distribution_version

        return distribution_version(dependency.package)
    except Exception:  # noqa: BLE001 - importable but unversioned: take it as recent enough
        return dependency.minimum


def dependency_problems(
        versions: Optional[Mapping[str, Optional[str]]] = None) -> List[Problem]:
    """The dependencies that are missing or too old. ``versions`` ({module: version or None})
    replaces what is installed (tests give too-old versions)."""
    problems = []
    for dep in DEPENDENCIES:
        found = versions.get(dep.module) if versions is not None else installed_version(dep)
        if found is None or version_key(found) < version_key(dep.minimum):
            problems.append(Problem(dep, found))
    return problems


def runnable_algorithms(problems: Iterable[Problem]) -> List[str]:
    unusable = {problem.dependency.module for problem in problems}
    return [name for name, needs in ALGORITHM_REQUIREMENTS.items()
            if not unusable.intersection(needs)]


def blocking_problems(algorithm: str, problems: Iterable[Problem]) -> List[Problem]:
    """The problems that stop ``algorithm`` from running."""
    needs = ALGORITHM_REQUIREMENTS.get(algorithm, ())
    return [problem for problem in problems if problem.dependency.module in needs]


# ---- installing --------------------------------------------------------------------------------

@dataclass(frozen=True)
class Platform:
    """Where QGIS runs, as far as installing packages goes."""
    system: str  # "windows", "macos" or "linux"
    python: str  # the interpreter to run pip with (QGIS's own)
    externally_managed: bool = False  # PEP 668: the distribution manages this Python
    distribution_versions: Mapping[str, str] = field(default_factory=dict)  # apt candidates
    numpy: Optional[str] = None  # the numpy QGIS has: pip must not replace it


def current_platform(problems: Sequence[Problem] = (),
                     run: Callable = subprocess.run) -> Platform:
    numpy = installed_version(Dependency("numpy", "numpy", "", "0"))
    if sys.platform.startswith("win"):
        return Platform("windows", "python", numpy=numpy)
    if sys.platform == "darwin":
        return Platform("macos", _bundle_python(), numpy=numpy)
    managed = _externally_managed()
    wanted = [p.dependency.distribution_package for p in problems
              if p.dependency.distribution_package]
    versions = _apt_candidates(wanted, run) if managed and wanted else {}
    return Platform("linux", "python3", managed, versions, numpy)


def _bundle_python() -> str:
    """The python3 of the QGIS.app bundle QGIS runs from (pip must install for that one)."""
    executable = Path(sys.executable)
    for candidate in (executable.parent / "bin" / "python3", executable.with_name("python3"),
                      Path(sys.prefix) / "bin" / "python3"):
        if candidate.is_file():
            return str(candidate)
    return "/Applications/QGIS.app/Contents/MacOS/bin/python3"


def _externally_managed() -> bool:
    # As pip decides (PEP 668): a marker beside the standard library, and not in a venv.
    marker = Path(sysconfig.get_path("stdlib")) / "EXTERNALLY-MANAGED"
    return sys.prefix == sys.base_prefix and marker.is_file()


def _apt_candidates(packages: Sequence[str], run: Callable) -> Dict[str, str]:
    """{package: version apt would install} from the local package lists (no network)."""
    if not shutil.which("apt-cache"):
        return {}
    try:
        result = run(["apt-cache", "policy", *packages], capture_output=True, text=True,
                     timeout=10, check=False)
    except (OSError, subprocess.SubprocessError):
        return {}
    return apt_candidates(result.stdout)


def apt_candidates(policy: str) -> Dict[str, str]:
    """{package: upstream version} of the candidates in ``apt-cache policy`` output."""
    found, current = {}, None
    for line in policy.splitlines():
        if line and not line[0].isspace() and line.rstrip().endswith(":"):
            current = line.strip()[:-1]
        elif current and line.strip().startswith("Candidate:"):
            version = line.split(":", 1)[1].strip()
            if version != "(none)":  # "1:1.24.2-1+deb12u1" -> "1.24.2"
                found[current] = re.split(r"[-+~]", version.split(":", 1)[-1])[0]
    return found


def _quoted(text: str) -> str:
    return f'"{text}"' if any(c in text for c in ' <>=&|') else text


def _pip_command(platform: Platform, dependencies: Sequence[Dependency],
                 options: Sequence[str] = ()) -> str:
    specs = [f"{dep.package}>={dep.minimum}" for dep in dependencies]
    if platform.numpy and any(dep.module in ("pandas", "shapely") for dep in dependencies):
        # pandas' and shapely's newest wheels would bring numpy 2, which QGIS's GDAL (built
        # against numpy 1) cannot load: keep the numpy QGIS has.
        specs.insert(0, f"numpy=={platform.numpy}")
    return " ".join([_quoted(platform.python), "-m", "pip", "install", "--user", *options,
                     *map(_quoted, specs)])


def install_commands(problems: Sequence[Problem], platform: Platform) -> Tuple[str, str]:
    """(distribution command, pip command) that install what ``problems`` need; "" where none
    is needed. The distribution's packages are used where it has them recent enough and
    manages its Python itself (PEP 668)."""
    from_distribution, from_pip = [], []
    for problem in problems:
        dep = problem.dependency
        candidate = platform.distribution_versions.get(dep.distribution_package)
        if platform.externally_managed and candidate \
                and version_key(candidate) >= version_key(dep.minimum):
            from_distribution.append(dep.distribution_package)
        else:
            from_pip.append(dep)
    apt = f"sudo apt install {' '.join(from_distribution)}" if from_distribution else ""
    options = ["--break-system-packages"] if platform.externally_managed else []
    return apt, _pip_command(platform, from_pip, options) if from_pip else ""


# The steps of the advice (translated under CONTEXT).
DISTRIBUTION_STEP = QT_TRANSLATE_NOOP("CoordMapDependencies",
                                      "Install your distribution's packages: {command}")
WINDOWS_STEP = QT_TRANSLATE_NOOP(
    "CoordMapDependencies", "In the OSGeo4W Shell (Windows Start menu > QGIS > OSGeo4W Shell), "
                            "run: {command}")
MANAGED_STEP = QT_TRANSLATE_NOOP(
    "CoordMapDependencies", "Your Linux distribution manages its Python and has no recent "
                            "enough package for the rest: install it for your user only with: "
                            "{command} (pip then writes to ~/.local, never to system folders, "
                            "but what it installs there comes first for every Python program "
                            "you run; the README's Install section gives other ways)")
TERMINAL_STEP = QT_TRANSLATE_NOOP("CoordMapDependencies", "In a terminal, run: {command}")
OFFLINE_STEP = QT_TRANSLATE_NOOP(
    "CoordMapDependencies", "Without internet: add --no-index --find-links FOLDER to the pip "
                            "command, FOLDER being CoordMap's wheelhouse for this system "
                            "(README, Install offline)")
RESTART_STEP = QT_TRANSLATE_NOOP("CoordMapDependencies", "Then restart QGIS.")


def install_advice(problems: Sequence[Problem], platform: Platform,
                   translate: Translate = untranslated) -> List[str]:
    """What the user should do, one sentence per step, commands included."""
    apt, pip = install_commands(problems, platform)
    if platform.system == "windows":
        pip_step = WINDOWS_STEP
    else:
        pip_step = MANAGED_STEP if platform.externally_managed else TERMINAL_STEP
    steps = [(DISTRIBUTION_STEP, apt), (pip_step, pip), (OFFLINE_STEP, pip), (RESTART_STEP, True)]
    return [translate(CONTEXT, text).format(command=command)
            for text, command in steps if command]
