"""Glue between QGIS layers/sinks and the pure analysis (pandas frames, shapely geometries)."""
import math
from pathlib import Path

from qgis.core import (
    QgsCoordinateReferenceSystem,
    QgsDataProvider,
    QgsFeature,
    QgsFeatureRequest,
    QgsFeatureSink,
    QgsField,
    QgsFields,
    QgsGeometry,
    QgsProcessingException,
    QgsProcessingFeatureSource,
    QgsProcessingFeatureSourceDefinition,
    QgsProject,
    QgsProviderRegistry,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QDate, QDateTime, QVariant

from ..analysis.progress import SILENT
from . import field_types, geopackage

SPREADSHEET_SUFFIXES = {".csv", ".txt", ".tsv", ".xlsx", ".xlsm", ".xls", ".ods"}
WGS84 = "EPSG:4326"


# Reading ---------------------------------------------------------------------------------------

def plain_value(value):
    """A QVariant-ish attribute value as a plain Python value (None for NULL)."""
    if value is None or (isinstance(value, QVariant) and value.isNull()):
        return None
    if isinstance(value, QDateTime):
        return value.toPyDateTime()
    if isinstance(value, QDate):
        return value.toPyDate()
    return value


def file_behind(value, layer=None):
    """(path, sheet) when the 4W source is a spreadsheet/CSV file our reader should read itself.

    OGR would read such files with its own header rules; ours detects title rows, HXL rows and
    two-row headers, so file-based sources always go through the analysis reader.
    """
    if layer is None and not isinstance(value, str):
        return None
    source = value if isinstance(value, str) else layer.source()
    if layer is not None and layer.providerType() not in ("ogr", "delimitedtext"):
        return None
    path, _, options = source.partition("|")
    if layer is not None and layer.providerType() == "delimitedtext":
        path = _delimited_text_path(source)
    if not path or Path(path).suffix.lower() not in SPREADSHEET_SUFFIXES:
        return None
    sheet = None
    for option in options.split("|"):
        if option.startswith("layername="):
            sheet = option.split("=", 1)[1]
    return path, sheet


def _delimited_text_path(uri):
    from qgis.PyQt.QtCore import QUrl

    return QUrl(uri).toLocalFile()


def layer_records(layer):
    """Field names and attribute rows of a QGIS layer or feature source (see also
    ``parameter_records``)."""
    names = [field.name() for field in layer.fields()]
    rows = [[plain_value(value) for value in feature.attributes()]
            for feature in layer.getFeatures()]
    return names, rows


def parameter_records(algorithm, parameters, key, context, source, fields=None):
    """``layer_records`` of the feature source parameter ``key`` (``source``); read straight
    from the file when it is a whole GeoPackage layer (no subset, selection or edits):
    millions of lines in a second, where QGIS converts one feature at a time; then only the
    ``fields`` asked for (default: all)."""
    path, layer = _whole_geopackage_layer(algorithm, parameters, key, context)
    found = geopackage.read_lines(path, layer, fields) if path else None
    return found if found is not None else layer_records(source)


def _whole_geopackage_layer(algorithm, parameters, key, context):
    """(file, layer name) of a parameter that is a whole GeoPackage layer, else (None, None)."""
    value = parameters.get(key)
    if isinstance(value, QgsProcessingFeatureSourceDefinition) and (
            value.selectedFeaturesOnly or value.featureLimit != -1):
        return None, None
    layer = algorithm.parameterAsVectorLayer(parameters, key, context)
    if layer is None or layer.providerType() != "ogr" or layer.subsetString() \
            or layer.isModified():
        return None, None
    parts = QgsProviderRegistry.instance().decodeUri("ogr", layer.source())
    path = parts.get("path") or ""
    if Path(path).suffix.lower() != ".gpkg" or not Path(path).is_file():
        return None, None
    name = parts.get("layerName") or layer.dataProvider().subLayers()[0].split(
        QgsDataProvider.sublayerSeparator())[1]
    return path, name


def admin_features(source, feedback=None, target_crs=None, progress=None):
    """Attribute dicts and shapely geometries of a polygon source (in ``target_crs`` if given).
    ``progress`` (analysis.progress): where its reading goes on the bar, and cancelling
    stops it; without, the feedback's bar shows it from 0 to 10%."""
    import shapely

    names = [field.name() for field in source.fields()]
    records, geometries = [], []
    total = max(source.featureCount(), 1)
    request = QgsFeatureRequest()
    source_crs = source.crs() if hasattr(source, "crs") else source.sourceCrs()
    if target_crs is not None and source_crs.isValid() and source_crs != target_crs:
        request.setDestinationCrs(target_crs, QgsProject.instance().transformContext())
    # Invalid polygons are common in COD-AB files: the analysis repairs and reports them, so
    # Processing's own validity filter must not drop or reject them first.
    if isinstance(source, QgsProcessingFeatureSource):
        features = source.getFeatures(
            request, QgsProcessingFeatureSource.Flag.FlagSkipGeometryValidityChecks)
    else:
        features = source.getFeatures(request)
    for index, feature in enumerate(features):
        if feedback is not None and feedback.isCanceled():
            break
        records.append(dict(zip(names, (plain_value(v) for v in feature.attributes()))))
        geometries.append(_to_shapely(feature.geometry(), shapely))
        if progress is not None and index % 100 == 0:
            progress.step(100 * index / total)
        elif feedback is not None and index % 500 == 0:
            feedback.setProgress(10 * index / total)
    return records, geometries


def _to_shapely(geometry, shapely):
    if geometry is None or geometry.isNull() or geometry.isEmpty():
        return None
    if QgsWkbTypes.isCurvedType(geometry.wkbType()):
        geometry = QgsGeometry(geometry.constGet().segmentize())
    return shapely.from_wkb(bytes(geometry.asWkb()))


def admin_crs(source, extent_bounds, name):
    """The boundary CRS; a missing one is taken as WGS84 only where coordinates are lon/lat."""
    crs = source.crs() if hasattr(source, "crs") else source.sourceCrs()
    if crs.isValid():
        return crs, None
    xmin, ymin, xmax, ymax = extent_bounds
    if all(map(math.isfinite, extent_bounds)) and -180.5 <= xmin <= xmax <= 180.5 \
            and -90.5 <= ymin <= ymax <= 90.5:
        return QgsCoordinateReferenceSystem(WGS84), (
            f"{name}: the layer declares no CRS; its coordinates are longitude/latitude, "
            "so WGS 84 (EPSG:4326) was assumed")
    raise QgsProcessingException(
        f"{name}: the boundary layer has no CRS and its coordinates are not longitude/latitude; "
        "set its CRS in the layer properties (or with 'Assign projection') and run again")


# Writing ---------------------------------------------------------------------------------------

def qgs_fields(frame, exclude=()):
    fields = QgsFields()
    for column in frame.columns:
        if column in exclude:
            continue
        kind = frame[column].dtype.kind
        if kind in "iu":
            fields.append(QgsField(str(column), field_types.LONG_LONG))
        elif kind == "f":
            fields.append(QgsField(str(column), field_types.DOUBLE))
        elif kind == "b":
            fields.append(QgsField(str(column), field_types.BOOL))
        else:
            fields.append(QgsField(str(column), field_types.STRING))
    return fields


def opens_in_spreadsheets(destination):
    """True when a sink writes a file a spreadsheet opens (CSV, XLSX, ODS ...): its text cells
    must then be neutralised, or a partner's '=HYPERLINK(...)' would run when opened."""
    path = str(destination or "").split("|", 1)[0]
    return Path(path).suffix.lower() in SPREADSHEET_SUFFIXES


def write_frame(sink, fields, frame, geometries=None, progress=SILENT):
    """Add one feature per frame row to any sink (the plain path, the reference of
    geopackage.py's bulk one); ``geometries``: a QgsGeometry or None per row."""
    columns = [field.name() for field in fields]
    for start in range(0, len(frame), geopackage.BATCH_ROWS):
        progress.step(100 * start / max(len(frame), 1))
        chunk = frame.iloc[start:start + geopackage.BATCH_ROWS]
        features = []
        for index, attributes in enumerate(zip(*(column_values(chunk[c]) for c in columns)),
                                           start):
            feature = QgsFeature()  # (the sink takes the attributes in the fields' order)
            feature.setAttributes(list(attributes))
            if geometries is not None and geometries[index] is not None:
                feature.setGeometry(geometries[index])
            features.append(feature)
        if not sink.addFeatures(features, QgsFeatureSink.Flag.FastInsert):
            raise QgsProcessingException(sink.lastError())


def write_output(staged, key, frame, crs=None, units=None, notice=None, prepare=None,
                 progress=SILENT):
    """The frame as the output layer ``key``: a unit layer when ``units`` (P-code -> shapely
    polygon) gives each line (column ``pcode``) its polygon, else a table; ``frame`` may also
    be one made in slices (``frame(start, stop)``, ``frames(size)``: the join's rows output),
    written a slice at a time. ``notice``: the text of a first line saying what the layer is
    for; ``prepare(frame, output id)``: the frame (or a slice of it) as that destination may
    hold it (e.g. neutralised for a spreadsheet). In a GeoPackage file the lines are written
    in bulk (geopackage.py), anywhere else by the sink."""
    import pandas as pd

    fields = qgs_fields(frame if isinstance(frame, pd.DataFrame) else frame.frame(0, 0))
    kind = QgsWkbTypes.Type.MultiPolygon if units is not None else QgsWkbTypes.Type.NoGeometry
    frames = ([notice_frame(fields, notice)] if notice is not None else []) + [frame]
    total = sum(len(part) for part in frames)

    def prepared(output_id):
        for part in frames:
            for chunk in _slices(part, geopackage.BATCH_ROWS):
                yield prepare(chunk, output_id) if prepare else chunk

    def write(sink, output_id):
        shapes = _unit_geometries(units) if units is not None else None
        done = 0
        for chunk in prepared(output_id):
            geometries = None if shapes is None else [shapes.get(p) for p in chunk["pcode"]]
            write_frame(sink, fields, chunk, geometries,
                        progress.within(100 * done / total, 100 * (done + len(chunk)) / total))
            done += len(chunk)

    def fill(path, table):
        if units is not None:  # (a unit layer's frame is whole: its lines group by unit)
            lines = [prepare(f, path) if prepare else f for f in frames]
            geopackage.write_unit_layer(path, table, lines[-1], units, bound_values, progress)
        else:
            geopackage.fill_table(path, table, prepared(path), bound_values, progress,
                                  total=total)

    return staged.write_layer(key, fields, kind, crs, write, fill)


def _slices(frame, size):
    """A frame (or one made in slices) as frames of at most ``size`` rows."""
    import pandas as pd

    if isinstance(frame, pd.DataFrame):
        return (frame.iloc[start:start + size] for start in range(0, len(frame), size))
    return frame.frames(size)


def _unit_geometries(units):
    """P-code -> QgsGeometry, each made once (a feature shares its unit's geometry)."""
    return {pcode: _multi_polygon(shape) for pcode, shape in units.items()
            if shape is not None and not shape.is_empty}


def column_values(values, missing=None):
    """A column's values as an output layer stores them, for both writing paths: ``missing``
    for a missing value or a NaN or infinite number; numbers and booleans as they are; in a
    text column, texts as they are, dates as ISO texts and anything else as QGIS writes it as
    text."""
    import numpy as np
    import pandas as pd

    if values.dtype.kind in "iub" and not pd.api.types.is_extension_array_dtype(values):
        return values.to_numpy().tolist()
    if values.dtype.kind == "f" and not pd.api.types.is_extension_array_dtype(values):
        numbers = values.to_numpy()
        kept = numbers.astype(object)
        kept[~np.isfinite(numbers)] = missing
        return kept.tolist()
    cells = values.to_numpy(dtype=object, na_value=missing)  # every missing value is missing
    if values.dtype.kind != "O":  # (nullable numbers and booleans)
        return [_number(value) for value in cells]
    if pd.api.types.infer_dtype(cells, skipna=True) in ("string", "empty"):
        return cells.tolist()
    texts = (_text(value) for value in cells)
    return [missing if text is None else text for text in texts]


def bound_values(values):
    """``column_values`` as the bulk path binds them: a missing value as NaN, which SQLite
    stores as NULL. (Python's sqlite3 binds a float at once but looks None up among its
    adapters first: four times slower, where 4W tables have many blank cells.)"""
    return column_values(values, missing=math.nan)


def notice_frame(fields, text):
    """One line for a layer's first feature saying what the layer is for: status 'notice', the
    text as its reason, every other field blank."""
    import pandas as pd

    notice = {field.name(): None for field in fields}
    notice.update(status="notice", reason=text)
    return pd.DataFrame([notice])


def _text(value):
    """A value for a text field, as QGIS writes it (a QVariant as a string)."""
    import numpy as np

    if value is None or isinstance(value, str):
        return value
    if isinstance(value, (bool, np.bool_)):
        return "true" if value else "false"
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, (float, np.floating)):
        if not math.isfinite(value):
            return None
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(float(value))
    if isinstance(value, np.integer):
        return str(int(value))
    return str(value)


def _number(value):
    """A nullable number or boolean as a plain Python one."""
    if value is None:
        return None
    return value.item() if hasattr(value, "item") else value


def _multi_polygon(shape):
    geometry = QgsGeometry()
    geometry.fromWkb(shape.wkb)
    geometry.convertToMultiType()
    return geometry


def table_parameter(algorithm, parameters, key, context, missing_message):
    """Where a table parameter's rows are: ((path, sheet), None) when a file is behind it
    (read by our reader, not OGR), else (None, layer) for a loaded layer with no file."""
    value = parameters.get(key)
    located = file_behind(value) if isinstance(value, str) else None
    if located is not None:
        return located, None
    layer = algorithm.parameterAsLayer(parameters, key, context)
    if layer is None:
        raise QgsProcessingException(missing_message)
    located = file_behind(None, layer)
    return (located, None) if located is not None else (None, layer)
