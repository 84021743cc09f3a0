"""Which optional Python packages are importable, and how to install the missing ones.

Pure Python: the plugin loads (and says what is missing) even where pandas or shapely are absent.
"""
import importlib
import os
from dataclasses import dataclass
from typing import Dict, Iterable, List, Tuple


@dataclass(frozen=True)
class Dependency:
    module: str  # import name
    package: str  # pip name
    purpose: str


DEPENDENCIES: Tuple[Dependency, ...] = (
    Dependency("pandas", "pandas", "tables"),
    Dependency("shapely", "shapely", "geometry"),
    Dependency("python_calamine", "python-calamine", "reading XLSX, XLS and ODS files"),
    Dependency("openpyxl", "openpyxl", "writing XLSX reports"),
    Dependency("rapidfuzz", "rapidfuzz", "fuzzy matching of admin names"),
)

# What each algorithm cannot run without; other packages only switch a feature off.
ALGORITHM_REQUIREMENTS: Dict[str, Tuple[str, ...]] = {
    "join_4w": ("pandas", "shapely"),
    "export_maps": ("pandas",),
    "gaps_overlaps": ("pandas", "shapely"),
}


def is_importable(module: str) -> bool:
    # A real import, not find_spec: a package that is present but broken (e.g. built against
    # another numpy) must count as missing.
    try:
        importlib.import_module(module)
    except Exception:  # noqa: BLE001 - any failure means unusable
        return False
    return True


def missing_dependencies() -> List[Dependency]:
    return [dep for dep in DEPENDENCIES if not is_importable(dep.module)]


def runnable_algorithms(missing: Iterable[Dependency]) -> List[str]:
    missing_modules = {dep.module for dep in missing}
    return [
        name
        for name, needs in ALGORITHM_REQUIREMENTS.items()
        if not missing_modules.intersection(needs)
    ]


def python_command() -> str:
    """The interpreter a user should run pip with, for the QGIS they are in."""
    if os.name == "nt":  # OSGeo4W and the standalone installer ship python.exe beside QGIS
        return "python"
    return "python3"


def install_command(missing: Iterable[Dependency]) -> str:
    packages = " ".join(dep.package for dep in missing)
    return f"{python_command()} -m pip install --user {packages}"
