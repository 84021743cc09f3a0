"""Shared test set-up: make the checkout importable as the package ``coordmap``.

The checkout itself never goes on ``sys.path`` (our ``processing/`` would shadow QGIS's); a
symlink ``build/plugins/coordmap`` does, the way QGIS sees an installed plugin folder. Its
folders without ``__init__.py`` then import as namespace packages too: test helpers as
``coordmap.tests.helpers``, the scripts of tools/ as ``coordmap.tools.<name>``.
"""
import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
PLUGINS_DIR = ROOT / "build" / "plugins"
REAL_DATA = ROOT.parent / "shared" / "data" / "real"


def _link_package():
    PLUGINS_DIR.mkdir(parents=True, exist_ok=True)
    link = PLUGINS_DIR / "coordmap"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    if str(PLUGINS_DIR) not in sys.path:
        sys.path.insert(0, str(PLUGINS_DIR))


_link_package()


@pytest.fixture(scope="session")
def real_data():
    """Folder of real OCHA files; tests needing it skip where ``../shared`` is absent."""
    if not REAL_DATA.is_dir():
        pytest.skip(f"real data folder {REAL_DATA} is absent (only CI and dev machines have it)")
    return REAL_DATA


@pytest.fixture(scope="session")
def sample_dir():
    return ROOT / "resources" / "sample"


@pytest.fixture(scope="session")
def qgis_profile_tool():
    """tools/qgis_profile.py as a module (tools/ is not shipped)."""
    from coordmap.tools import qgis_profile

    return qgis_profile


@pytest.fixture(scope="session")
def coordmap_zip(qgis_profile_tool, tmp_path_factory) -> Path:
    """$COORDMAP_ZIP (make test builds it), else a zip built now with tools/package.py."""
    given = os.environ.get("COORDMAP_ZIP")
    if given:
        path = Path(given)
        assert path.is_file(), f"COORDMAP_ZIP={given} does not exist"
        return path
    return qgis_profile_tool.build_zip(tmp_path_factory.mktemp("zip") / "coordmap.zip")
