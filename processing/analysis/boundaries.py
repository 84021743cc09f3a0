"""Admin boundaries (COD-AB) as a table of units: P-code, name, level, parent, geometry.

Boundary layers come in several field conventions (ADM2_PCODE/ADM2_EN, adm2_pcode/adm2_name,
admin2Pcode/admin2Name, ADMIN1, ADM1_FR ...), with several features per P-code and invalid
polygons. ``AdminUnits`` turns any of them into one clean units table, records every repair in
``notes``, learns the P-code scheme of each level and answers hierarchy and point-in-polygon
questions (``dissolve`` makes the units' rows from the features). Pure python: shapely 2 and
pandas, never qgis/osgeo.
"""
from collections import Counter
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Sequence, Tuple

import numpy as np
import pandas as pd
import shapely
from shapely.geometry.base import BaseGeometry

from .boundary_fields import (
    AdminFields,
    detect_admin_fields,
    fields_given_or_found,
    layer_level,
)
from .dissolve import UNIT_COLUMNS, majority, union, unit_rows
from .errors import InputError
from .progress import SILENT, Progress
from .textnorm import code_key, split_code
from .translation import QT_TRANSLATE_NOOP

# Dissolved units are stored to this fraction of their width: 0.05 mm on a map 50 cm wide.
DISSOLVED_DETAIL = 1e-4


@dataclass(frozen=True)
class CodeScheme:
    """How one level writes its P-codes, learned from the layer (never assumed)."""

    level: int
    prefix: Optional[str]           # most common letters before the digits ('SO', 'BDI', '')
    digit_widths: Tuple[int, ...]   # digit counts seen, most common first
    hierarchical: Optional[bool]    # every child code starts with its parent's; None: unknown
    exceptions: Tuple[str, ...] = ()  # child codes that do not start with their parent's


class AdminUnits:
    """Admin units of one or more boundary layers (see module docstring)."""

    def __init__(self, table: pd.DataFrame, level: int, notes: Optional[List[str]] = None):
        self.table = table.reset_index(drop=True)
        self.table["parent_pcode"] = self.table["parent_pcode"].astype(object)
        self._level_list = sorted(int(v) for v in self.table["admin_level"].unique())
        self.level = level
        self.notes: List[str] = list(notes or [])
        self._infer_missing_parents()
        self._index = {p: i for i, p in enumerate(self.table["pcode"])}
        # Plain dicts: hierarchy questions are asked per unique value, often, and must be cheap.
        self._levels = dict(zip(self.table["pcode"], self.table["admin_level"].astype(int)))
        self._names = dict(zip(self.table["pcode"], self.table["name"]))
        self._parents = {
            c: p for c, p in zip(self.table["pcode"], self.table["parent_pcode"])
            if isinstance(p, str) and p in self._index
        }
        self.schemes: Dict[int, CodeScheme] = {
            lvl: self._learn_scheme(lvl) for lvl in self.levels
        }
        self._trees: Dict[int, Tuple[Any, np.ndarray]] = {}

    # ---- construction -------------------------------------------------------------------
    @classmethod
    def from_features(
        cls,
        records: Sequence[Dict[str, Any]],
        geometries: Sequence[Optional[BaseGeometry]],
        fields: Optional[Dict[int, AdminFields]] = None,
        level: Optional[int] = None,
        pcode_field: Optional[str] = None,
        name_field: Optional[str] = None,
        progress: Progress = SILENT,
    ) -> "AdminUnits":
        """Units of a boundary layer given as attribute dicts plus shapely geometries.
        ``pcode_field`` (and ``name_field``) name the fields of the units' P-codes (and names)
        where their names say nothing (e.g. CODE, pcode); without any field named as admin
        fields are, the P-code field is the one whose values look like P-codes. ``progress``:
        of dissolving the upper units (seconds for a detailed file), cancellable."""
        if len(records) != len(geometries):
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "boundary layer: {records} attribute records but {geometries} "
                              "geometries"),
                records=len(records), geometries=len(geometries))
        if not records:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "boundary layer: it has no features"))
        seen_fields = list(dict.fromkeys(k for r in records for k in r))
        notes: List[str] = []
        fields = fields or detect_admin_fields(seen_fields)
        if pcode_field or not fields:
            fields = fields_given_or_found(records, seen_fields, fields, level, pcode_field,
                                           name_field, notes)
        own_level = layer_level(records, fields, level, seen_fields)
        rows = unit_rows(records, geometries, fields, own_level, notes, progress)
        table = pd.DataFrame(rows, columns=UNIT_COLUMNS)
        return cls(table, own_level, notes)

    @classmethod
    def merge(cls, *layers: "AdminUnits") -> "AdminUnits":
        """One hierarchy from several layers (e.g. admin-1 and admin-2 files of a country).
        A unit present in several layers keeps the geometry of the layer that has it as
        features; missing parents are then inferred from geometry."""
        if not layers:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "no boundary layer given"))
        table = pd.concat([layer.table for layer in layers], ignore_index=True)
        table["_rank"] = (table["source"] != "features").astype(int)
        table = table.sort_values(["_rank", "admin_level"], kind="stable")
        parents = table.dropna(subset=["parent_pcode"]).groupby("pcode")["parent_pcode"].first()
        table = table.drop_duplicates("pcode").drop(columns="_rank")
        table["parent_pcode"] = table["pcode"].map(parents)
        notes = [n for layer in layers for n in layer.notes]
        return cls(table.sort_values(["admin_level", "pcode"]), max(lr.level for lr in layers),
                   notes)

    # ---- queries --------------------------------------------------------------------------
    @property
    def levels(self) -> List[int]:
        return list(self._level_list)

    @property
    def top_level(self) -> int:
        """The coarsest admin level of the units (a country's own unit, level 0, left out)."""
        return min([lvl for lvl in self._level_list if lvl >= 1] or self._level_list)

    def with_units_above(self, level: int, named: Dict[str, Optional[str]],
                         where: str) -> "AdminUnits":
        """These units and, one level above the coarsest, the units ``named`` gives (P-code ->
        name or None), each the union of the units whose codes its code starts (P-codes nest):
        the admin 1 units of a file of admin 2 units only, learnt from a table's codes.
        ``where`` says where they come from, for the notes."""
        top = self.top_level
        children = self.at_level(top)
        keys = [code_key(pcode) for pcode in children["pcode"]]
        rows, parents = [], {}
        for pcode, name in named.items():
            inside = [i for i, key in enumerate(keys) if key.startswith(code_key(pcode))]
            if not inside or pcode in self:
                continue
            parents.update((children.index[i], pcode) for i in inside)
            above = majority([p for p in children["parent_pcode"].iloc[inside]
                               if isinstance(p, str) and self._levels.get(p, level) < level])
            rows.append([pcode, name, level, above, (), 0, "table",
                         union(children["geometry"].iloc[inside].tolist())])
        if not rows:
            return self
        table = self.table.copy()
        for index, parent in parents.items():  # (in place of the country, if that was it)
            table.at[index, "parent_pcode"] = parent
        table = pd.concat([table, pd.DataFrame(rows, columns=UNIT_COLUMNS)], ignore_index=True)
        notes = self.notes + [f"{len(rows)} admin {level} units learnt from {where}: their "
                              f"codes start the codes of the boundaries' admin {top} units"]
        return AdminUnits(table, self.level, notes)

    def at_level(self, level: int) -> pd.DataFrame:
        return self.table[self.table["admin_level"] == level]

    def polygons(self, pcodes: Iterable[str]) -> Dict[str, Optional[BaseGeometry]]:
        """P-code -> the polygon an output layer stores, for the units among ``pcodes``: a
        unit of the boundary file as the file draws it; a unit dissolved from its parts (admin 1
        built from admin 3 features, or learnt from a table's codes) simplified to
        ``DISSOLVED_DETAIL`` of its width. A union repeats every vertex of its parts' outer
        edges: kept whole, the admin 1 and 2 outlines of a detailed file made a presence layer
        larger than the file itself, for detail no map of the whole unit can show."""
        table = self.table
        wanted = table[table["pcode"].isin(set(pcodes))]
        shapes = wanted["geometry"].to_numpy(dtype=object)
        made = (wanted["source"] != "features").to_numpy() & ~shapely.is_missing(shapes)
        if made.any():
            bounds = shapely.bounds(shapes[made])
            width = np.maximum(bounds[:, 2] - bounds[:, 0], bounds[:, 3] - bounds[:, 1])
            shapes = shapes.copy()
            shapes[made] = shapely.simplify(shapes[made], width * DISSOLVED_DETAIL)
        return dict(zip(wanted["pcode"], shapes))

    def __contains__(self, pcode: object) -> bool:
        return pcode in self._index

    def __len__(self) -> int:
        return len(self.table)

    def _row(self, pcode: str) -> pd.Series:
        if pcode not in self._index:
            raise KeyError(f"P-code {pcode!r} is not in the boundaries")
        return self.table.iloc[self._index[pcode]]

    def geometry(self, pcode: str) -> BaseGeometry:
        return self._row(pcode)["geometry"]

    def name(self, pcode: str) -> Optional[str]:
        self.level_of(pcode)  # KeyError for unknown P-codes
        return self._names[pcode]

    def level_of(self, pcode: str) -> int:
        if pcode not in self._levels:
            raise KeyError(f"P-code {pcode!r} is not in the boundaries")
        return self._levels[pcode]

    def parent(self, pcode: str, level: Optional[int] = None) -> Optional[str]:
        """The unit's ancestor at ``level`` (default: its direct parent); None if unknown."""
        parent = self._parent_of(pcode)
        if level is None:
            return parent
        while parent is not None and self.level_of(parent) > level:
            parent = self._parent_of(parent)
        return parent if parent is not None and self.level_of(parent) == level else None

    def _parent_of(self, pcode: str) -> Optional[str]:
        self.level_of(pcode)  # KeyError for unknown P-codes
        return self._parents.get(pcode)

    def levels_by_pcode(self) -> Dict[str, int]:
        """{P-code: level} of every unit (a copy), for callers asking per value in bulk."""
        return dict(self._levels)

    def ancestor_or_self(self, pcode: str, level: int) -> Optional[str]:
        return pcode if self.level_of(pcode) == level else self.parent(pcode, level)

    def children(self, pcode: str) -> List[str]:
        return self.table.loc[self.table["parent_pcode"] == pcode, "pcode"].tolist()

    def locate(self, lon: Any, lat: Any, level: Optional[int] = None) -> np.ndarray:
        """P-code of the ``level`` unit containing each (lon, lat) point; None outside all."""
        level = self.level if level is None else level
        tree, pcodes = self._tree(level)
        points = shapely.points(np.asarray(lon, dtype=float), np.asarray(lat, dtype=float))
        result = np.full(len(points), None, dtype=object)
        point_index, unit_index = tree.query(points, predicate="intersects")
        # Reversed so that, for a point on a shared border, the first unit found wins.
        result[point_index[::-1]] = pcodes[unit_index[::-1]]
        return result

    def _tree(self, level: int):
        if level not in self._trees:
            units = self.at_level(level).dropna(subset=["geometry"])
            if units.empty:
                raise InputError(QT_TRANSLATE_NOOP(
                    "InputError", "the boundaries have no admin {level} polygons"),
                    level=level)
            self._trees[level] = (shapely.STRtree(units["geometry"].to_numpy()),
                                  units["pcode"].to_numpy(dtype=object))
        return self._trees[level]

    # ---- learning ---------------------------------------------------------------------------
    def _learn_scheme(self, level: int) -> CodeScheme:
        units = self.at_level(level)
        parts = [split_code(code_key(p)) for p in units["pcode"]]
        parts = [p for p in parts if p is not None]
        prefixes = Counter(p[0] for p in parts)
        widths = Counter(len(p[1]) for p in parts)
        prefix = prefixes.most_common(1)[0][0] if parts else None
        with_parent = units.dropna(subset=["parent_pcode"])
        exceptions = tuple(
            c for c, p in zip(with_parent["pcode"], with_parent["parent_pcode"])
            if not code_key(c).startswith(code_key(p))
        )
        hierarchical = None if with_parent.empty else not exceptions
        if exceptions:
            self.notes.append(
                f"admin {level}: {len(exceptions)} of {len(with_parent)} P-codes do not start "
                f"with their parent's (e.g. {exceptions[0]}); parents are not derived from codes"
            )
        return CodeScheme(level, prefix, tuple(w for w, _ in widths.most_common()), hierarchical,
                          exceptions)

    def _infer_missing_parents(self) -> None:
        """Parents of units whose layer has no upper-level fields, from where they lie."""
        levels = self.levels
        for child_level in levels:
            upper = [lvl for lvl in levels if lvl < child_level]
            missing = (self.table["admin_level"] == child_level) & self.table["parent_pcode"].isna()
            if not upper or not missing.any():
                continue
            parent_level = upper[-1]
            candidates = self.at_level(parent_level).dropna(subset=["geometry"])
            children = self.table[missing].dropna(subset=["geometry"])
            if candidates.empty or children.empty:
                continue
            found = _containing_units(children["geometry"], candidates)
            self.table.loc[children.index, "parent_pcode"] = found
            located = sum(p is not None for p in found)
            self.notes.append(
                f"admin {child_level}: parents of {located} of {int(missing.sum())} units "
                f"inferred from geometry (admin {parent_level} unit containing them)"
            )


def _containing_units(geometries: pd.Series, candidates: pd.DataFrame) -> List[Optional[str]]:
    """For each geometry, the candidate unit containing its representative point."""
    tree = shapely.STRtree(candidates["geometry"].to_numpy())
    pcodes = candidates["pcode"].to_numpy(dtype=object)
    points = shapely.point_on_surface(geometries.to_numpy())
    found: List[Optional[str]] = [None] * len(points)
    point_index, unit_index = tree.query(points, predicate="intersects")
    for i, j in zip(point_index[::-1], unit_index[::-1]):
        found[i] = pcodes[j]
    return found
