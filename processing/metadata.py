"""Plugin metadata read from metadata.txt, the single source of the version."""
import configparser
from functools import lru_cache
from pathlib import Path

PLUGIN_DIR = Path(__file__).resolve().parents[1]
RESOURCES_DIR = PLUGIN_DIR / "resources"


@lru_cache(maxsize=1)
def _metadata() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None)
    parser.read(PLUGIN_DIR / "metadata.txt", encoding="utf-8")
    return parser["general"]


def plugin_version() -> str:
    return _metadata()["version"]


def icon_path(name: str = "coordmap.svg") -> str:
    return str(RESOURCES_DIR / "icons" / name)
