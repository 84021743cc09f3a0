"""Bad input to coordmap:join_4w: a clear QgsProcessingException naming what is wrong, and
nothing written."""
import json

import pytest

from coordmap.tests.helpers import run_join

pytestmark = pytest.mark.qgis


def assert_fails(run_algorithm, output_dir, table, admin, pattern, **extra):
    from qgis.core import QgsProcessingException

    with pytest.raises(QgsProcessingException, match=pattern):
        run_join(run_algorithm, output_dir, table, admin, **extra)
    assert not list(output_dir.glob("presence*")), "nothing written half-way"
    assert not list(output_dir.glob("qa*"))


def test_missing_file(run_algorithm, output_dir, sample_dir):
    assert_fails(run_algorithm, output_dir, output_dir / "nowhere_4w.xlsx",
                 sample_dir / "xy_adm2.geojson", "nowhere_4w.xlsx")


def test_empty_file(run_algorithm, output_dir, sample_dir):
    empty = output_dir / "empty_4w.csv"
    empty.write_text("", encoding="utf-8")
    assert_fails(run_algorithm, output_dir, empty, sample_dir / "xy_adm2.geojson",
                 "empty_4w.csv.*empty")


def test_no_location_column_lists_the_columns(run_algorithm, output_dir, sample_dir):
    table = output_dir / "no_location.csv"
    table.write_text("Organisation,Cluster,Month\nAlpha,Health,January\n", encoding="utf-8")
    assert_fails(run_algorithm, output_dir, table, sample_dir / "xy_adm2.geojson",
                 r"no_location\.csv.*Organisation, Cluster, Month")


def test_projected_boundaries_without_crs(run_algorithm, output_dir, sample_dir):
    admin = output_dir / "no_crs_projected.geojson"
    admin.write_text(json.dumps({"type": "FeatureCollection", "features": [{
        "type": "Feature", "properties": {"ADM1_PCODE": "XY01", "ADM1_EN": "North"},
        "geometry": {"type": "Polygon", "coordinates": [[[500000, 900000], [600000, 900000],
                                                         [600000, 1000000], [500000, 900000]]]},
    }]}), encoding="utf-8")
    # GeoJSON is WGS 84 by definition, so GDAL gives it a CRS: a memory copy without one
    # stands for a shapefile that lost its .prj.
    from qgis.core import (
        QgsCoordinateReferenceSystem,
        QgsFeatureRequest,
        QgsProject,
        QgsVectorLayer,
    )

    copy = QgsVectorLayer(str(admin), "no_crs", "ogr").materialize(QgsFeatureRequest())
    copy.setCrs(QgsCoordinateReferenceSystem())
    QgsProject.instance().addMapLayer(copy)
    try:
        assert_fails(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx", copy.id(),
                     "no CRS")
    finally:
        QgsProject.instance().removeMapLayer(copy.id())
