"""CoordMap's GeoPackage outputs: unit layers that store each polygon once, tables filled in bulk.

Unit layers. The presence, gaps and overlap-units outputs have a line per unit x cluster x
period, and every line of a unit has that unit's polygon. In a GeoPackage file a unit layer
named L is three entries (L is the first one, so the file opens on it):

- ``L``: a spatial view, what QGIS, Processing and the map pack open: the lines with their
  unit's polygon, the fields ``fid``, then the frame's columns, geometry ``geom``. It has its
  own R-tree (``rtree_L_geom``, one entry per line with its unit's extent), which GDAL uses
  for the view's spatial filter, so the view is drawn and filtered like a table. A view is
  read only: its lines are edited in ``L_attributes``, its polygons in ``L_units``.
- ``L_units``: one feature per unit (``fid``, ``geom``, ``pcode``), with a spatial index.
- ``L_attributes``: the lines (``fid`` and the frame's columns, as QGIS types them); indexed
  on ``pcode`` and on (``cluster``, ``period``), what the panel and the map pack filter on.

So the file is about the size of the boundaries plus the attribute table, whatever the number
of clusters and periods. Other destinations (memory layers, shapefiles, layers added to a
database) get one feature per line with its polygon, written by the sink (``qgis_io``).

Bulk. Processing's sink makes each GeoPackage file and its empty table (file name, layer name,
CRS, field types, layers to open when the run ends: all as Processing does them); then, sink
closed, SQLite fills the table with ``executemany``, a few thousand lines at a time, instead
of one QgsFeature per line: the speed trick of this module. Its reference is the plain path,
``qgis_io.write_frame`` (any sink, one feature per line); ``ENABLED = False`` writes every
output through it. tests/qgis/test_outputs.py writes the same frames both ways and compares
what QGIS reads back. What it relies on:

- the values as ``qgis_io.column_values`` gives them to both paths (texts, ints, floats,
  and for a missing value None, here NaN: ``qgis_io.bound_values``), which SQLite stores as
  QGIS does in the columns the sink made (a NaN as NULL);
- the geometry blob of the GeoPackage standard (header ``GP``, version 0, little-endian flags,
  SRS id, envelope [minx, maxx, miny, maxy], then ISO WKB), polygons as multipolygons;
- triggers that call GDAL's SQL functions (the R-tree ones) are not on a table SQLite fills:
  spatial indexes are made by GDAL (``CreateSpatialIndex``) once the units are in; the
  feature-count trigger is set aside while a table is filled and its count set after.
"""
import sqlite3
import struct
from pathlib import Path
from typing import Collection, Dict, Iterable, List, Mapping, Optional, Tuple

from ..analysis.progress import SILENT, Progress

ENABLED = True  # False: every output is written by the sink, one feature per line (tests)
BATCH_ROWS = 20_000  # lines per executemany: progress and cancel between, bounded memory
UNITS_SUFFIX = "_units"
ATTRIBUTES_SUFFIX = "_attributes"
KEY = "pcode"  # the column that ties a line to its unit
INDEXED = (("pcode",), ("cluster", "period"))  # indexes of a unit layer's lines, when present
_HEADER = struct.Struct("<2sBBi4d")  # "GP", version, flags, SRS id, envelope
_FLAGS = 0b0000_0011  # little-endian, envelope [minx, maxx, miny, maxy]


# Where -------------------------------------------------------------------------------------

def fills(location: str) -> bool:
    """Whether SQLite fills the table a sink makes at ``location`` (an output id: a path, or
    ``path|layername=name``): a local GeoPackage file (and the bulk path on)."""
    path = location.partition("|")[0] if isinstance(location, str) else ""
    return ENABLED and Path(path).suffix.lower() == ".gpkg"


def table_of(location: str) -> Tuple[str, str]:
    """(file, table) of the table a sink made at ``location`` (see ``fills``), once it is
    closed: the layer named there, else the file's only table."""
    path, _, options = location.partition("|")
    named = [part.split("=", 1)[1] for part in options.split("|")
             if part.startswith("layername=")]
    with _connection(path, read_only=True) as connection:
        tables = [row[0] for row in connection.execute(
            "SELECT table_name FROM gpkg_contents ORDER BY rowid")]
    if named and named[0] in tables:
        return path, named[0]
    if not named and len(tables) == 1:
        return path, tables[0]
    raise sqlite3.DatabaseError(f"no table {named[0] if named else ''} in {path}")


def units_table(path: str, layer: Optional[str] = None) -> Optional[str]:
    """The units table behind a unit layer of the GeoPackage ``path`` (``layer``: its name, or
    None for the file's first layer), or None when that layer is not a unit layer."""
    try:
        with _connection(path, read_only=True) as connection:
            if layer is None:
                found = connection.execute(
                    "SELECT table_name FROM gpkg_contents ORDER BY rowid LIMIT 1").fetchone()
                layer = found[0] if found else None
            if layer is None:
                return None
            kinds = dict(connection.execute(
                "SELECT name, type FROM sqlite_master WHERE name IN (?, ?)",
                (layer, layer + UNITS_SUFFIX)))
    except sqlite3.Error:
        return None
    if kinds.get(layer) == "view" and kinds.get(layer + UNITS_SUFFIX) == "table":
        return layer + UNITS_SUFFIX
    return None


def attributes_table(path: str, layer: str) -> str:
    """The table holding the lines of ``layer``: its attributes table for a unit layer."""
    return layer + ATTRIBUTES_SUFFIX if units_table(path, layer) else layer


# Reading lines back --------------------------------------------------------------------------

def read_lines(path: str, layer: str, fields: Optional[Collection[str]] = None):
    """(field names, records) of the lines of ``layer`` (a table, or a unit layer's
    attributes) as QGIS reads them (``fid`` first, None for NULL, booleans as bools), or None
    when a column holds values only QGIS converts (dates, times, blobs). ``fields``: only
    those of them the layer has (the reader's own; the fewer, the faster)."""
    table = attributes_table(path, layer)
    with _connection(path, read_only=True) as connection:
        kinds = {name: kind.upper() for name, kind in _columns(connection, table).items()
                 if name != "geom" and (fields is None or name in fields)}
        if any(kind.startswith(("DATE", "TIME", "BLOB")) for kind in kinds.values()):
            return None
        names = list(kinds)
        records = connection.execute("SELECT {} FROM {} ORDER BY fid".format(
            ", ".join(map(_quoted, names)), _quoted(table))).fetchall()
    flags = [index for index, name in enumerate(names) if kinds[name] == "BOOLEAN"]
    if flags:
        records = [_with_bools(record, flags) for record in records]
    return names, records


def _with_bools(record, flags):
    values = list(record)
    for index in flags:
        if values[index] is not None:
            values[index] = bool(values[index])
    return values


# Filling a table ---------------------------------------------------------------------------

def fill_table(path: str, table: str, frames: Iterable, values,
               progress: Progress = SILENT, total: int = 0) -> None:
    """Add the rows of ``frames`` (in order; same columns; ``total`` rows in all, for the
    progress bar) to the empty ``table`` the sink made; ``values(series)`` gives a column's
    values to store."""
    with _connection(path) as connection:
        columns = [c for c in _columns(connection, table) if c not in ("fid", "geom")]
        with _count_trigger_aside(connection, table):
            done = 0
            for frame in frames:
                for start in range(0, len(frame), BATCH_ROWS):
                    progress.step(100 * done / max(total, 1))
                    chunk = frame.iloc[start:start + BATCH_ROWS]
                    _insert(connection, table, columns, [values(chunk[c]) for c in columns])
                    done += len(chunk)


def _insert(connection, table, columns, values, first_fid=None):
    names = ", ".join(map(_quoted, columns))
    marks = ", ".join("?" * len(columns))
    if first_fid is None:
        connection.executemany(f"INSERT INTO {_quoted(table)} ({names}) VALUES ({marks})",
                               zip(*values))
        return
    fids = range(first_fid, first_fid + len(values[0]))
    connection.executemany(f"INSERT INTO {_quoted(table)} (fid, {names}) VALUES (?, {marks})",
                           zip(fids, *values))


# Unit layers -------------------------------------------------------------------------------

def write_unit_layer(path: str, layer: str, frame,
                     units: Mapping[str, object], values,
                     progress: Progress = SILENT) -> None:
    """Replace the empty ``layer`` the sink made in ``path`` by a unit layer: ``frame`` (its
    lines, with a ``pcode`` column) and ``units`` (P-code -> shapely polygon: each line's
    polygon is its unit's); ``values(series)`` gives a column's values to store."""
    import numpy as np
    import shapely
    from osgeo import ogr

    with _connection(path) as connection:
        columns = _columns(connection, layer)
        srs_id, geometry_type = connection.execute(
            "SELECT srs_id, geometry_type_name FROM gpkg_geometry_columns WHERE table_name = ?",
            (layer,)).fetchone()
    _delete_layer(ogr, path, layer)
    pcodes = [p for p in dict.fromkeys(frame[KEY])
              if units.get(p) is not None and not units[p].is_empty]
    shapes = [units[p] for p in pcodes]
    bounds = shapely.bounds(shapes) if shapes else np.empty((0, 4))
    extent = _extent(bounds)
    attribute_columns = [(name, kind) for name, kind in columns.items()
                         if name not in ("fid", "geom")]
    with _connection(path) as connection:
        _create_unit_tables(connection, layer, attribute_columns, srs_id, geometry_type, extent)
        _insert(connection, layer + UNITS_SUFFIX, ["geom", KEY],
                [_blobs(shapes, bounds, srs_id), pcodes], first_fid=1)
        names = [name for name, _ in attribute_columns]
        for start in range(0, len(frame), BATCH_ROWS):
            progress.step(90 * start / max(len(frame), 1))
            chunk = frame.iloc[start:start + BATCH_ROWS]
            _insert(connection, layer + ATTRIBUTES_SUFFIX, names,
                    [values(chunk[name]) for name in names], first_fid=start + 1)
        _count_features(connection, [layer + UNITS_SUFFIX, layer + ATTRIBUTES_SUFFIX])
    _spatial_index(ogr, path, layer + UNITS_SUFFIX)
    with _connection(path) as connection:
        _view_index(connection, layer, bounds, pcodes, frame[KEY])
    progress.step(100)


def _create_unit_tables(connection, layer, columns, srs_id, geometry_type, extent):
    """The three entries of a unit layer, the view first (so a file opens on it)."""
    units, lines = layer + UNITS_SUFFIX, layer + ATTRIBUTES_SUFFIX
    definitions = ", ".join(f"{_quoted(name)} {kind}" for name, kind in columns)
    connection.execute(f"CREATE TABLE {_quoted(units)} (fid INTEGER PRIMARY KEY AUTOINCREMENT "
                       f"NOT NULL, geom {geometry_type}, {KEY} TEXT UNIQUE)")
    connection.execute(f"CREATE TABLE {_quoted(lines)} (fid INTEGER PRIMARY KEY AUTOINCREMENT "
                       f"NOT NULL, {definitions})")
    names = [name for name, _ in columns]
    for indexed in INDEXED:
        if set(indexed) <= set(names):
            connection.execute("CREATE INDEX {} ON {} ({})".format(
                _quoted(f"{lines}_{'_'.join(indexed)}"), _quoted(lines),
                ", ".join(map(_quoted, indexed))))
    connection.execute(
        f"CREATE VIEW {_quoted(layer)} AS SELECT a.fid AS fid, u.geom AS geom, "
        + ", ".join(f"a.{_quoted(name)} AS {_quoted(name)}" for name in names)
        + f" FROM {_quoted(lines)} a LEFT JOIN {_quoted(units)} u ON u.{KEY} = a.{KEY}")
    for table, kind in ((layer, "features"), (units, "features"), (lines, "attributes")):
        connection.execute(
            "INSERT INTO gpkg_contents (table_name, data_type, identifier, last_change, min_x, "
            "min_y, max_x, max_y, srs_id) VALUES (?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', "
            "'now'), ?, ?, ?, ?, ?)",
            (table, kind, table) + (extent if kind == "features" else (None,) * 4)
            + (srs_id if kind == "features" else 0,))
        if kind == "features":
            connection.execute(
                "INSERT INTO gpkg_geometry_columns (table_name, column_name, geometry_type_name, "
                "srs_id, z, m) VALUES (?, 'geom', ?, ?, 0, 0)", (table, geometry_type, srs_id))


def _view_index(connection, layer, bounds, pcodes, line_pcodes):
    """The view's R-tree: each line's unit extent, under the line's fid."""
    tree = _quoted(f"rtree_{layer}_geom")
    connection.execute(f"CREATE VIRTUAL TABLE {tree} USING rtree(id, minx, maxx, miny, maxy)")
    boxes = dict(zip(pcodes, bounds[:, [0, 2, 1, 3]].tolist()))
    entries = [(fid, *boxes[p]) for fid, p in enumerate(line_pcodes, 1) if p in boxes]
    connection.executemany(f"INSERT INTO {tree} VALUES (?, ?, ?, ?, ?)", entries)


def _blobs(shapes, bounds, srs_id) -> List[bytes]:
    """GeoPackage geometry blobs of polygons, written as multipolygons (as the sinks do)."""
    import shapely

    multi = [shapely.multipolygons([shape]) if shape.geom_type == "Polygon" else shape
             for shape in shapes]
    wkbs = shapely.to_wkb(multi, output_dimension=2, byte_order=1, flavor="iso") \
        if multi else []
    return [_HEADER.pack(b"GP", 0, _FLAGS, srs_id, box[0], box[2], box[1], box[3]) + wkb
            for box, wkb in zip(bounds.tolist(), wkbs)]


def _extent(bounds) -> Tuple[Optional[float], ...]:
    import numpy as np

    if not len(bounds):
        return (None,) * 4
    return (float(np.nanmin(bounds[:, 0])), float(np.nanmin(bounds[:, 1])),
            float(np.nanmax(bounds[:, 2])), float(np.nanmax(bounds[:, 3])))


# GDAL's part: the layer the sink made, spatial indexes --------------------------------------

def _delete_layer(ogr, path, layer):
    dataset = ogr.Open(path, 1)
    try:
        for index in range(dataset.GetLayerCount()):
            if dataset.GetLayerByIndex(index).GetName() == layer:
                dataset.DeleteLayer(index)
                return
    finally:
        dataset = None  # noqa: F841 (closes the file)


def _spatial_index(ogr, path, table):
    dataset = ogr.Open(path, 1)
    try:
        dataset.ExecuteSQL(f"SELECT CreateSpatialIndex('{table}', 'geom')")
    finally:
        dataset = None  # noqa: F841 (closes the file)


# SQLite ------------------------------------------------------------------------------------

def _connection(path, read_only=False):
    """A connection in one transaction (tables made and filled, or nothing on an exception),
    then closed."""
    uri = Path(path).resolve().as_uri() + ("?mode=ro" if read_only else "")
    return _Transaction(sqlite3.connect(uri, uri=True, isolation_level=None))


class _Transaction:
    def __init__(self, connection):
        self.connection = connection

    def __enter__(self):
        self.connection.execute("BEGIN")
        return self.connection

    def __exit__(self, kind, error, trace):
        try:
            if kind is None:
                self.connection.commit()
            else:
                self.connection.rollback()
        finally:
            self.connection.close()
        return False


def _columns(connection, table) -> Dict[str, str]:
    """Column -> declared type, in order."""
    return {row[1]: row[2] for row in connection.execute(
        f"PRAGMA table_info({_quoted(table)})")}


class _count_trigger_aside:  # noqa: N801 (used as a context manager, like a function)
    """GDAL's feature-count trigger dropped while ``table`` is filled, then put back and the
    count set: it would update gpkg_ogr_contents once per line."""

    def __init__(self, connection, table):
        self.connection, self.table = connection, table
        self.triggers = []

    def __enter__(self):
        self.triggers = self.connection.execute(
            "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = ? AND "
            "name LIKE 'trigger_insert_feature_count_%'", (self.table,)).fetchall()
        for name, _ in self.triggers:
            self.connection.execute(f"DROP TRIGGER {_quoted(name)}")
        return self

    def __exit__(self, kind, error, trace):
        if kind is None:
            for _, sql in self.triggers:
                self.connection.execute(sql)
            _count_features(self.connection, [self.table])
        return False


def _count_features(connection, tables):
    if not connection.execute("SELECT 1 FROM sqlite_master WHERE name = 'gpkg_ogr_contents'"
                              ).fetchone():
        return
    for table in tables:
        connection.execute("DELETE FROM gpkg_ogr_contents WHERE lower(table_name) = lower(?)",
                           (table,))
        connection.execute(f"INSERT INTO gpkg_ogr_contents (table_name, feature_count) "
                           f"SELECT ?, count(*) FROM {_quoted(table)}", (table,))


def _quoted(name: str) -> str:
    return '"' + str(name).replace('"', '""') + '"'
