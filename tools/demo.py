"""`make demo`: run CoordMap headless on the bundled sample country and say where the outputs are.

QGIS loads the plugin the way it loads any installed plugin (from a plugins folder), then the
Processing algorithms run exactly as from the toolbox or qgis_process.
"""
import argparse
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS_DIR = ROOT / "build" / "plugins"
SAMPLE = ROOT / "resources" / "sample"


def link_plugin():
    PLUGINS_DIR.mkdir(parents=True, exist_ok=True)
    link = PLUGINS_DIR / "coordmap"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    sys.path.insert(0, str(PLUGINS_DIR))
    sys.path.append("/usr/share/qgis/python/plugins")  # QGIS's own `processing`


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="coordmap-demo-"))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    import qgis.utils

    qgis.utils.plugin_paths.insert(0, str(PLUGINS_DIR))
    if not (qgis.utils.loadPlugin("coordmap") and qgis.utils.startProcessingPlugin("coordmap")):
        sys.exit("CoordMap could not be loaded: see the messages above")
    return app


def run_join(output: Path):
    from qgis import processing
    from qgis.core import QgsProcessingFeedback

    class Feedback(QgsProcessingFeedback):
        def pushInfo(self, info):  # noqa: N802 (QGIS API name)
            if info.startswith("CoordMap join:"):
                print(info)

    return processing.run("coordmap:join_4w", {
        "INPUT": str(SAMPLE / "xy_4w_2025.xlsx"),
        "ADMIN": str(SAMPLE / "xy_adm2.geojson"),
        "PERIOD": 1,  # month
        "OUTPUT": str(output / "presence_admin2_by_month.gpkg"),
        "OUTPUT_ROWS": str(output / "rows_with_match_status.gpkg"),
        "OUTPUT_REPORT": str(output / "qa_report.xlsx"),
        "OUTPUT_MAPPING": str(output / "column_mapping.json"),
        "OUTPUT_CROSSWALK": str(output / "crosswalk_to_review.csv"),
    }, feedback=Feedback())


def save_project(output: Path, results):
    """A QGIS project with the outputs, to open and explore in the desktop."""
    from qgis.core import QgsProject, QgsVectorLayer

    project = QgsProject.instance()
    for path, name in ((SAMPLE / "xy_adm1.geojson", "Admin 1 (sample)"),
                       (results["OUTPUT"], "Partner presence by month"),
                       (results["OUTPUT_ROWS"], "4W rows with match status")):
        layer = QgsVectorLayer(str(path), name, "ogr")
        if layer.isValid():
            project.addMapLayer(layer)
    project.write(str(output / "coordmap_demo.qgz"))


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default="demo-output")
    output = Path(parser.parse_args().output).resolve()
    output.mkdir(parents=True, exist_ok=True)
    link_plugin()
    app = start_qgis()
    results = run_join(output)
    save_project(output, results)
    print(f"\nCoordMap demo outputs are in {output}:")
    for path in sorted(output.iterdir()):
        print(f"  {path.name}")
    app.exitQgis()


if __name__ == "__main__":
    main()
