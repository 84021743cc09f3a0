"""export: seconds per map of coordmap:export_maps vs a bare QgsLayoutExporter loop.

Issue target: coordmap within 1.2x of ``bare_exporter`` (time per map, same maps, same run).

Data (setup, not timed): the bundled sample country (resources/sample) joined by month with
coordmap:join_4w once; the scale is a number of months: the maps are every cluster present in
the first ``scale`` months (10 clusters a month in the sample, so scale 1 = 10 maps).

Candidates, each making the same A4 landscape PDFs into a fresh temporary folder:
- ``bare_exporter`` (baseline): the same print layouts (built once in setup with our own
  template, layers and texts, so the very same pages) written by a plain loop of
  ``QgsLayoutExporter(layout).exportToPdf(path, settings)`` with the export's own PDF settings
  (``layout_export.pdf_settings()``: vector, real text). This is the floor: the rendering QGIS does
  for that very page.
- ``coordmap``: ``processing.run("coordmap:export_maps", ...)`` for the same cluster/period
  pairs: reading the presence layer, planning, texts, layers, loading and filling the template,
  exporting. The ratio is the overhead of everything that is not rendering.

    .venv/bin/python benchmarks/run.py --only export --scale 1,3 --repeat 2 --no-rss

Seconds per map = best s / number of maps (printed by the setup).
"""
import functools
import sys
import tempfile
from pathlib import Path

from coordmap.benchmarks.harness import ROOT, Benchmark, qgis_with_coordmap, register

SAMPLE = ROOT / "resources" / "sample"


@functools.lru_cache(maxsize=1)
def _workdir() -> Path:
    return Path(tempfile.mkdtemp(prefix="coordmap-bench-export-"))


@functools.lru_cache(maxsize=1)
def _presence() -> str:
    """Start QGIS with the plugin (once) and join the sample country by month."""
    qgis_with_coordmap()
    from qgis import processing

    return processing.run("coordmap:join_4w", {
        "INPUT": str(SAMPLE / "xy_4w_2025.xlsx"), "ADMIN": str(SAMPLE / "xy_adm2.geojson"),
        "PERIOD": 1, "OUTPUT": str(_workdir() / "presence.gpkg"),
        "OUTPUT_ROWS": str(_workdir() / "rows.gpkg")})["OUTPUT"]


def _setup(scale: int):
    import datetime as dt

    from qgis.core import QgsProject, QgsVectorLayer

    from coordmap.processing.algorithms import layouts, map_layers
    from coordmap.processing.analysis import mappack

    presence = _presence()
    layer = QgsVectorLayer(presence, "presence", "ogr")
    records, geometries = map_layers.feature_records(layer)
    periods = sorted({str(record["period"]) for record in records})[:scale]
    maps = mappack.plan_maps(records, periods=periods)
    print(f"export @ {scale} months: {len(maps)} maps", file=sys.stderr)
    project = QgsProject()
    styles = map_layers.cluster_styles()
    locator = map_layers.locator_layer(layer.crs())
    if locator is not None:
        project.addMapLayer(locator, False)
    # the admin-1 outlines and side panel export_maps draws without boundaries given
    admin1 = map_layers.admin1_of_presence(records, geometries)
    outlines = map_layers.admin1_layer(admin1["admin1"], layer.crs(), layouts.font_family("en"))
    project.addMapLayer(outlines, False)
    built = []
    for spec in maps:
        texts = mappack.marginalia(spec, "en", dt.date.today(), crs_name="WGS 84")
        colour, icon = styles.get(spec.cluster, styles[""])
        main = map_layers.presence_layer(mappack.unit_values(records, spec), geometries,
                                      layer.crs(), colour, texts)
        project.addMapLayer(main, False)
        layout = layouts.load_layout(project, "a4_landscape", mappack.map_id(spec))
        side = layouts.SidePanel(admin1=[
            (admin1["admin1_names"].get(code) or code, count)
            for code, count in mappack.partners_per_admin1(records, spec, admin1["admin1_of"])],
            colour=colour)
        built.append(layouts.fill_layout(layout, texts, (main, [], locator, outlines), icon,
                                         side))
    return {"presence": presence, "maps": maps, "layouts": built, "project": project}


def _bare_exporter(data):
    from qgis.core import QgsLayoutExporter

    from coordmap.processing.algorithms import layout_export

    folder = Path(tempfile.mkdtemp(dir=_workdir()))
    for index, layout in enumerate(data["layouts"]):
        result = QgsLayoutExporter(layout).exportToPdf(str(folder / f"{index}.pdf"),
                                                       layout_export.pdf_settings())
        if result != QgsLayoutExporter.ExportResult.Success:
            raise RuntimeError(f"export failed: {result}")


def _coordmap(data):
    from qgis import processing

    folder = Path(tempfile.mkdtemp(dir=_workdir()))
    clusters = sorted({spec.cluster for spec in data["maps"]})
    periods = sorted({spec.period for spec in data["maps"]})
    files = processing.run("coordmap:export_maps", {
        "PRESENCE": data["presence"], "CLUSTERS": ",".join(clusters),
        "PERIODS": ",".join(periods), "OUTPUT_FOLDER": str(folder)})["OUTPUT_FILES"]
    if len(files.split(";")) != len(data["maps"]):
        raise RuntimeError(f"{files.count(';') + 1} maps made, {len(data['maps'])} expected")


register(Benchmark(
    name="export",
    description="coordmap:export_maps (A4 landscape PDFs of the sample country) vs a bare "
                "QgsLayoutExporter.exportToPdf loop over the same filled layouts; scale = months "
                "(x 10 clusters = maps)",
    setup=_setup,
    candidates={"bare_exporter": _bare_exporter, "coordmap": _coordmap},
    baseline="bare_exporter",
    default_scales=(1, 3),
))
