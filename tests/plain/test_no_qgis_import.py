"""The analysis layer, deps and metadata import without qgis or PyQt (checked in a fresh
interpreter, so nothing another test imported can hide an import)."""
import json
import subprocess
import sys
from pathlib import Path

PLUGINS_DIR = Path(__file__).resolve().parents[2] / "build" / "plugins"

SCRIPT = r"""
import importlib, json, pkgutil, sys
sys.path.insert(0, sys.argv[1])
import coordmap.processing.analysis as analysis
imported = [analysis.__name__]
for info in pkgutil.walk_packages(analysis.__path__, analysis.__name__ + "."):
    importlib.import_module(info.name)
    imported.append(info.name)
for name in ("coordmap.processing.deps", "coordmap.processing.metadata"):
    importlib.import_module(name)
    imported.append(name)
forbidden = sorted(m for m in sys.modules if m.startswith(("qgis", "PyQt")))
print(json.dumps({"imported": imported, "forbidden": forbidden,
                  "coordmap": sys.modules["coordmap"].__file__}))
"""


def test_analysis_deps_and_metadata_import_without_qgis(tmp_path):
    assert (PLUGINS_DIR / "coordmap").exists(), "tests/conftest.py links build/plugins/coordmap"
    done = subprocess.run([sys.executable, "-c", SCRIPT, str(PLUGINS_DIR)], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout.strip().splitlines()[-1])
    assert report["forbidden"] == [], report["forbidden"]
    assert report["coordmap"].startswith(str(PLUGINS_DIR))
    modules = set(report["imported"])
    expected = {"boundaries", "clusters", "errors", "headers", "join", "matching", "periods",
                "progress", "report", "table", "textnorm", "vocabulary"}
    assert {f"coordmap.processing.analysis.{name}" for name in expected} <= modules
    assert {"coordmap.processing.deps", "coordmap.processing.metadata"} <= modules
