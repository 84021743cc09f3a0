"""Synthetic boundary files carrying a country's real P-codes and names: one square per unit on
a grid inside a lon/lat box (valid polygons), in the field conventions of real COD-AB files
(legacy ADM2_PCODE/ADM2_EN or _FR/_ES/_PT, the 2023 adm2_pcode/adm2_name, ITOS admin2Pcode/
admin2Name; with or without the parents' fields), as GeoJSON or GeoPackage."""
import json
import math
import random
import zlib
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, Set, Tuple

import shapely
from shapely.geometry import box, mapping

from .reference import Country
from .style import Style

CELL_DEGREES = 0.05  # side of a unit's square in the synthetic boundaries


@dataclass
class Boundary:
    path: Path
    level: int  # the file's own (deepest) level
    levels: Tuple[int, ...]  # levels whose units the file carries (own level and parents)
    pcodes: Set[str]  # P-codes of every unit the file carries, at any of its levels
    schema: str
    file_format: str


def _origin(iso3: str) -> Tuple[float, float]:
    """A lon/lat corner of the country's synthetic box, fixed per country."""
    value = zlib.crc32(iso3.encode())
    return -150 + (value % 280), -40 + (value // 280) % 80


def unit_squares(country: Country, level: int) -> Dict[str, Any]:
    """One square per unit of ``level``, row by row in P-code order so that the units of an
    admin-1 unit are neighbours (the join makes the parents' shapes from their fields)."""
    units = sorted(country.at_level(level), key=lambda u: (country.ancestor(u.pcode, 1), u.pcode))
    width = max(1, math.ceil(math.sqrt(len(units))))
    lon0, lat0 = _origin(country.iso3)
    shapes = {}
    for i, unit in enumerate(units):
        x, y = lon0 + (i % width) * CELL_DEGREES, lat0 + (i // width) * CELL_DEGREES
        shapes[unit.pcode] = box(round(x, 5), round(y, 5), round(x + CELL_DEGREES, 5),
                                 round(y + CELL_DEGREES, 5))
    return shapes


def _field_names(schema: str, level: int, name_suffix: str) -> Tuple[str, str]:
    if schema == "cod_legacy":
        return f"ADM{level}_PCODE", f"ADM{level}_{name_suffix}"
    if schema == "cod_new":
        return f"adm{level}_pcode", f"adm{level}_name"
    return f"admin{level}Pcode", f"admin{level}Name"


def write_boundary(country: Country, style: Style, folder: Path, rng: random.Random) -> Boundary:
    level = style.layer_level
    levels = (level,) if style.single_level else tuple(range(1, level + 1))
    shapes = unit_squares(country, level)
    main_language = max(country.languages, key=lambda k: country.languages[k]["share"])
    suffix = {"fr": "FR", "es": "ES", "pt": "PT"}.get(main_language, "EN")  # as COD-ABs do
    records, geometries = [], []
    for pcode, shape in shapes.items():
        props: Dict[str, Any] = {}
        if style.boundary_schema == "itos":
            props["id"] = str(len(records) + 1)
        for lvl in sorted(levels, reverse=True):
            unit = country.units[country.ancestor(pcode, lvl)]
            code_field, name_field = _field_names(style.boundary_schema, lvl, suffix)
            props[name_field] = unit.name
            props[code_field] = unit.pcode
            if style.boundary_schema == "cod_new":
                props[f"adm{lvl}_name1"] = None
        if style.boundary_schema == "cod_legacy":
            props.update({"ADM0_EN": country.iso3, "ADM0_PCODE": country.prefix or country.iso3,
                          "date": "2024-06-01", "validOn": "2024-06-30", "validTo": None})
        elif style.boundary_schema == "cod_new":
            props.update({"adm0_name": country.iso3, "adm0_pcode": country.prefix or country.iso3,
                          "area_sqkm": round(shape.area * 12345.0, 3), "version": "v01",
                          "lang": style.vocabulary, "valid_on": "2024-06-30"})
        if style.split_features and rng.random() < 0.3:
            x0, y0, x1, y1 = shape.bounds
            middle = round((x0 + x1) / 2, 5)
            for part in (box(x0, y0, middle, y1), box(middle, y0, x1, y1)):
                records.append(dict(props))
                geometries.append(part)
        else:
            records.append(props)
            geometries.append(shape)
    pcodes = {country.ancestor(p, lvl) for p in shapes for lvl in levels}
    stem = f"{country.iso3.lower()}_adm{level}"
    if style.gpkg and _ogr() is not None:
        path = _write_gpkg(folder / f"{stem}.gpkg", f"{stem}", records, geometries)
        file_format = "gpkg"
    else:
        path = _write_geojson(folder / f"{stem}.geojson", records, geometries)
        file_format = "geojson"
    return Boundary(path, level, levels, pcodes, style.boundary_schema, file_format)


def _write_geojson(path: Path, records, geometries) -> Path:
    features = [{"type": "Feature", "properties": props, "geometry": mapping(geom)}
                for props, geom in zip(records, geometries)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features},
                               ensure_ascii=False), encoding="utf-8")
    return path


def _ogr():
    try:
        from osgeo import ogr
    except ImportError:  # GeoJSON is written instead
        return None
    ogr.UseExceptions()
    return ogr


def _write_gpkg(path: Path, layer_name: str, records, geometries) -> Path:
    from osgeo import osr

    ogr = _ogr()
    if path.exists():
        path.unlink()
    source = ogr.GetDriverByName("GPKG").CreateDataSource(str(path))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4326)
    layer = source.CreateLayer(layer_name, srs, ogr.wkbMultiPolygon)
    names = list(dict.fromkeys(k for r in records for k in r))
    for name in names:
        kind = ogr.OFTReal if name == "area_sqkm" else ogr.OFTString
        layer.CreateField(ogr.FieldDefn(name, kind))
    definition = layer.GetLayerDefn()
    for props, geom in zip(records, geometries):
        feature = ogr.Feature(definition)
        for name, value in props.items():
            if value is not None:
                feature.SetField(name, value)
        feature.SetGeometry(ogr.CreateGeometryFromWkb(
            shapely.to_wkb(shapely.multipolygons([geom]))))
        layer.CreateFeature(feature)
    source = None  # closes the file
    return path
