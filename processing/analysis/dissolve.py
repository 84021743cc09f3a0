"""A boundary layer's features as the rows of its units: geometries repaired, features
sharing a P-code dissolved into one unit, and the units of the levels above (named in the
layer's fields) dissolved from the units one level finer. Every repair goes into ``notes``.
Pure python: shapely 2, never qgis/osgeo (``boundaries.AdminUnits`` builds on it)."""
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Callable, Dict, List, Optional, Tuple

import numpy as np
import shapely
from shapely.geometry.base import BaseGeometry

from .boundary_fields import AdminFields, record_name, record_pcode
from .errors import InputError
from .progress import Progress
from .translation import QT_TRANSLATE_NOOP

# Features sharing a P-code further apart than this many typical unit widths are reported.
FAR_APART = 3.0
UNIT_COLUMNS = ["pcode", "name", "admin_level", "parent_pcode", "alt_names", "n_features",
                "source", "geometry"]


@dataclass
class _Feature:
    pcode: str
    name: Optional[str]
    alt_names: Tuple[str, ...]
    upper: Dict[int, Tuple[Optional[str], Optional[str]]]  # level -> (pcode, name)
    geometry: Optional[BaseGeometry]


@dataclass
class _CleanStats:
    repaired: int = 0
    null_geometry: int = 0
    not_polygon: int = 0
    null_pcode: int = 0
    without_geometry: List[str] = field(default_factory=list)  # P-codes of those features


def unit_rows(records, geometries, fields: Dict[int, AdminFields], own_level: int,
              notes: List[str], progress: Progress) -> List[list]:
    """One row (``UNIT_COLUMNS``) per unit of the layer's own level and of each level above
    it that its fields name; ``progress``: of dissolving the upper units, cancellable."""
    stats = _CleanStats()
    clean = _clean_geometries(geometries, stats)
    features = _read_features(records, clean, fields, own_level, stats)
    if not any(f.geometry is not None for f in features):
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "boundary layer: it has no polygon (admin boundaries must be areas)"))
    _note_cleaning(notes, stats, len(records))
    rows = _dissolve(features, own_level, _upper_level(fields, own_level), notes)
    finer = _Dissolved(lambda f: f.pcode, {row[0]: row[-1] for row in rows})
    uppers = sorted((lvl for lvl in fields if lvl < own_level), reverse=True)
    for number, upper in enumerate(uppers):
        upper_rows = _upper_units(features, upper, _upper_level(fields, upper), notes, finer,
                                  progress.within(100 * number / len(uppers),
                                                  100 * (number + 1) / len(uppers)))
        finer = _Dissolved(lambda f, lvl=upper: f.upper[lvl][0],
                           {row[0]: row[-1] for row in upper_rows})
        rows += upper_rows
    return rows


def polygonal_part(geom: Optional[BaseGeometry]) -> Optional[BaseGeometry]:
    """The polygons of a geometry (make_valid may return collections with lines/points)."""
    if geom is None or geom.is_empty:
        return None
    if geom.geom_type in ("Polygon", "MultiPolygon"):
        return geom
    if geom.geom_type == "GeometryCollection":
        parts = [polygonal_part(g) for g in geom.geoms]
        parts = [p for p in parts if p is not None]
        return shapely.union_all(parts) if parts else None
    return None


def _clean_geometries(geometries, stats: _CleanStats) -> List[Optional[BaseGeometry]]:
    """Polygonal, valid geometries (None where there is none); counts repairs."""
    clean: List[Optional[BaseGeometry]] = []
    for geom in geometries:
        if geom is None or geom.is_empty:
            stats.null_geometry += 1
            clean.append(None)
            continue
        if not geom.is_valid:
            stats.repaired += 1
            geom = shapely.make_valid(geom)
        polygons = polygonal_part(geom)
        if polygons is None:
            stats.not_polygon += 1
        clean.append(polygons)
    return clean


def _read_features(records, geometries, fields, own_level, stats) -> List[_Feature]:
    own = fields[own_level]
    features = []
    for record, geom in zip(records, geometries):
        pcode = record_pcode(record, own.pcode_field)
        if pcode is None:
            stats.null_pcode += 1
            continue
        upper = {
            lvl: (record_pcode(record, f.pcode_field), record_name(record, f.name_field))
            for lvl, f in fields.items() if lvl < own_level
        }
        alts = tuple(a for a in (record_name(record, f) for f in own.alt_name_fields) if a)
        if geom is None:
            stats.without_geometry.append(pcode)
        features.append(_Feature(pcode, record_name(record, own.name_field), alts, upper, geom))
    return features


def _note_cleaning(notes: List[str], stats: _CleanStats, n_records: int) -> None:
    if stats.repaired:
        notes.append(f"{stats.repaired} invalid geometries repaired (make_valid, polygons kept)")
    if stats.null_geometry:
        named = stats.without_geometry
        example = f" (P-code {', '.join(named[:5])}{' ...' if len(named) > 5 else ''})" \
            if named else ""
        notes.append(f"{stats.null_geometry} of {n_records} features have no geometry{example}: "
                     "their units cannot be drawn on a map")
    if stats.not_polygon:
        notes.append(f"{stats.not_polygon} features are not polygons and were left out")
    if stats.null_pcode:
        notes.append(f"{stats.null_pcode} features without a P-code (blank or a placeholder "
                     "such as '0') were skipped")


def _upper_level(fields: Dict[int, AdminFields], level: int) -> Optional[int]:
    """The nearest level above ``level`` that has fields (levels may be skipped)."""
    upper = [lvl for lvl in fields if lvl < level]
    return max(upper) if upper else None


def _dissolve(features: List[_Feature], level: int, parent_level: Optional[int],
              notes: List[str]) -> List[list]:
    """One row per P-code of the layer's own level; shared P-codes dissolved."""
    groups: Dict[str, List[_Feature]] = defaultdict(list)
    for feature in features:
        groups[feature.pcode].append(feature)
    rows = []
    typical = _typical_size(features)
    for pcode, members in groups.items():
        _note_far_apart(pcode, [m.geometry for m in members], typical, notes)
        name = _majority_name(pcode, [m.name for m in members], notes)
        alts = tuple(dict.fromkeys(a for m in members for a in m.alt_names if a != name))
        parent = majority([m.upper.get(parent_level, (None, None))[0] for m in members])
        rows.append([pcode, name, level, parent, alts, len(members), "features",
                     union([m.geometry for m in members])])
    if len(groups) < len(features):
        notes.append(f"{len(features)} features dissolved into {len(groups)} admin {level} units")
    return rows


def _typical_size(features: List[_Feature]) -> float:
    """The median width of the layer's features (the square root of their areas)."""
    areas = [f.geometry.area for f in features if f.geometry is not None]
    return float(np.median(np.sqrt(areas))) if areas else 0.0


def _note_far_apart(pcode: str, geometries: List[Optional[BaseGeometry]], typical: float,
                    notes: List[str]) -> None:
    """Features sharing a P-code far apart (islands lie near their mainland; a code typed
    twice does not): they are dissolved into one unit, which then spans the gap."""
    parts = [g for g in geometries if g is not None]
    if len(parts) < 2 or typical <= 0:
        return
    gap = max(shapely.distance(part, shapely.union_all(parts[:i] + parts[i + 1:]))
              for i, part in enumerate(parts))
    if gap > FAR_APART * typical:
        notes.append(f"P-code {pcode}: {len(parts)} features share it, one of them "
                     f"{gap / typical:.0f} times the width of a typical unit away from the others;"
                     " dissolved into one unit that spans the gap (check whether one of them has"
                     " a wrong P-code)")


@dataclass
class _Dissolved:
    """The units of one level already dissolved: each feature's code at that level and the
    geometry of each code's unit."""

    code_of: Callable[["_Feature"], Optional[str]]
    geometries: Dict[str, Optional[BaseGeometry]]


def _upper_units(features: List[_Feature], level: int, parent_level: Optional[int],
                 notes: List[str], finer: _Dissolved, progress: Progress) -> List[list]:
    """Units of an upper level named in the attributes, dissolved from the features."""
    groups: Dict[str, List[_Feature]] = defaultdict(list)
    for feature in features:
        pcode = feature.upper[level][0]
        if pcode is not None:
            groups[pcode].append(feature)
    parts_of_finer = Counter(finer.code_of(f) for f in features)
    rows = []
    for number, (pcode, members) in enumerate(groups.items()):
        progress.step(100 * number / len(groups))
        name = _majority_name(pcode, [m.upper[level][1] for m in members], notes)
        parent = majority([m.upper.get(parent_level, (None, None))[0] for m in members])
        rows.append([pcode, name, level, parent, (), 0, "dissolved",
                     union(_pieces(members, finer, parts_of_finer))])
    progress.step(100)
    if groups:
        notes.append(f"{len(groups)} admin {level} units built from the layer's admin {level} "
                     "fields (geometries dissolved from their parts)")
    return rows


def _pieces(members: List[_Feature], finer: _Dissolved,
            parts_of_finer: Counter) -> List[Optional[BaseGeometry]]:
    """The geometries whose union is the unit of ``members``: a finer unit already dissolved
    where all its features are members (P-codes nest, so nearly always; the union of unions is
    much cheaper than that of every feature of a detailed file), the features otherwise."""
    by_code: Dict[Optional[str], List[_Feature]] = defaultdict(list)
    for member in members:
        by_code[finer.code_of(member)].append(member)
    pieces: List[Optional[BaseGeometry]] = []
    for code, inside in by_code.items():
        if code is not None and len(inside) == parts_of_finer[code]:
            pieces.append(finer.geometries.get(code))
        else:
            pieces.extend(m.geometry for m in inside)
    return pieces


def majority(values: List[Optional[str]]) -> Optional[str]:
    counted = Counter(v for v in values if v is not None)
    return counted.most_common(1)[0][0] if counted else None


def _majority_name(pcode: str, names: List[Optional[str]], notes: List[str]) -> Optional[str]:
    distinct = list(dict.fromkeys(n for n in names if n is not None))
    chosen = majority(names)
    if len(distinct) > 1:
        notes.append(f"P-code {pcode} has {len(distinct)} names ({', '.join(distinct)}); "
                     f"kept {chosen!r}")
    return chosen


def union(geometries: List[Optional[BaseGeometry]]) -> Optional[BaseGeometry]:
    parts = [g for g in geometries if g is not None]
    if not parts:
        return None
    if len(parts) == 1:
        return parts[0]
    # valid parts have a valid union (GEOS's overlay): no make_valid, which costs a check
    return polygonal_part(shapely.union_all(parts))


