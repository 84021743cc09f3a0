"""Test helper: read any vector file GDAL can open into attribute records + shapely geometries.

Tests only (osgeo is not a dependency of the analysis layer, which receives records and
geometries from QGIS in the plugin). Skips the calling test when the GDAL bindings are absent.
"""
from pathlib import Path
from typing import Any, Dict, List, Optional, Tuple, Union

import pytest
import shapely
from shapely.geometry.base import BaseGeometry


def read_vector(path: Union[str, Path], layer: Optional[Union[int, str]] = 0
                ) -> Tuple[List[Dict[str, Any]], List[Optional[BaseGeometry]]]:
    """(records, geometries) of one layer of ``path``; geometries as read (invalid kept)."""
    ogr = pytest.importorskip("osgeo.ogr", reason="GDAL python bindings (osgeo) not installed")
    ogr.UseExceptions()
    source = ogr.Open(str(path))
    if source is None:
        raise OSError(f"GDAL cannot open {path}")
    ogr_layer = source.GetLayer(layer)
    definition = ogr_layer.GetLayerDefn()
    names = [definition.GetFieldDefn(i).GetName() for i in range(definition.GetFieldCount())]
    records, geometries = [], []
    for feature in ogr_layer:
        records.append({name: feature.GetField(name) for name in names})
        geom = feature.GetGeometryRef()
        geometries.append(None if geom is None else shapely.from_wkb(bytes(geom.ExportToIsoWkb())))
    return records, geometries


def read_units(path: Union[str, Path], **kwargs):
    """``AdminUnits`` of a boundary file."""
    from coordmap.processing.analysis.boundaries import AdminUnits

    records, geometries = read_vector(path)
    return AdminUnits.from_features(records, geometries, **kwargs)
