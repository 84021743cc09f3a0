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


def run_gaps(output: Path, results):
    """coordmap:gaps_overlaps on the join outputs and the sample needs."""
    from qgis import processing

    return processing.run("coordmap:gaps_overlaps", {
        "PRESENCE": results["OUTPUT"], "ROWS": results["OUTPUT_ROWS"],
        "NEEDS": str(SAMPLE / "xy_needs.csv"), "ADMIN": str(SAMPLE / "xy_adm2.geojson"),
        "OUTPUT_GAPS": str(output / "gaps.gpkg"),
        "OUTPUT_OVERLAPS": str(output / "overlaps.gpkg"),
        "OUTPUT_OVERLAP_UNITS": str(output / "overlap_units.gpkg"),
        "OUTPUT_CHANGES": str(output / "changes.gpkg"),
    })


def latest_period(presence_path) -> str:
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(presence_path), "presence", "ogr")
    return max(str(value) for value in layer.uniqueValues(layer.fields().indexOf("period")))


def run_export(output: Path, results, gaps):
    """The map pack of the latest month: one PDF per cluster, the same as one multi-page PDF,
    and one page as PNG (the picture in the README)."""
    from qgis import processing

    period = latest_period(results["OUTPUT"])
    common = {"PRESENCE": results["OUTPUT"], "GAPS": gaps["OUTPUT_GAPS"],
              "OVERLAPS": gaps["OUTPUT_OVERLAP_UNITS"], "PERIODS": period,
              "SOURCE": "CoordMap sample country (synthetic 4W and boundaries)",
              "PRODUCER": "CoordMap demo"}
    pack = output / "map_pack"
    files = processing.run("coordmap:export_maps", {**common, "OUTPUT_FOLDER": str(pack)})
    processing.run("coordmap:export_maps", {**common, "SINGLE_PDF": True,
                                            "OUTPUT_FOLDER": str(pack)})
    page = processing.run("coordmap:export_maps", {**common, "CLUSTERS": "WSH", "FORMAT": 1,
                                                   "OUTPUT_FOLDER": str(output / "map_page")})
    print(f"Map pack for {period}: {len(files['OUTPUT_FILES'].split(';'))} maps in {pack}")
    return page["OUTPUT_FILES"]


def save_project(output: Path, results, gaps):
    """A QGIS project with the styled outputs, to open and explore in the desktop."""
    from qgis.core import QgsProject, QgsVectorLayer

    styles = ROOT / "resources" / "styles"
    project = QgsProject.instance()
    for path, name, style in (
            (SAMPLE / "xy_adm1.geojson", "Admin 1 (sample)", None),
            (gaps["OUTPUT_GAPS"], "Gaps by month", "gap_status.qml"),
            (results["OUTPUT"], "Partner presence by month", "partners_per_unit.qml"),
            (results["OUTPUT_ROWS"], "4W rows with match status", None)):
        layer = QgsVectorLayer(str(path), name, "ogr")
        if not layer.isValid():
            sys.exit(f"could not open {path}")
        if style:
            layer.loadNamedStyle(str(styles / style))
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
    gaps = run_gaps(output, results)
    run_export(output, results, gaps)
    save_project(output, results, gaps)
    print(f"\nCoordMap demo outputs are in {output}:")
    for path in sorted(output.iterdir()):
        print(f"  {path.name}")
    app.exitQgis()


if __name__ == "__main__":
    main()
