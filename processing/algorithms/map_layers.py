"""The map pack's layers: presence with classes fitted to the data, overlays, admin-1 outlines
and names, the locator; cluster colours and icons; features read at print resolution.

(QGIS side of mappack; layouts.py puts these layers on the templates' pages.)
"""
import json
import re
from pathlib import Path

from qgis.core import (
    QgsApplication,
    QgsCoordinateTransform,
    QgsCsException,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsPalLayerSettings,
    QgsProject,
    QgsRectangle,
    QgsSettings,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtGui import QColor, QFont

from ..analysis.classes import CountClass, count_classes
from ..analysis.mappack import SMALL, unit_specified
from ..metadata import RESOURCES_DIR
from . import field_types
from .qgis_io import plain_value

STYLES_DIR = RESOURCES_DIR / "styles"
CLUSTER_STYLES = STYLES_DIR / "cluster_styles.json"
CLUSTER_STYLES_SETTING = "coordmap/cluster_styles"  # path of the user's own cluster_styles.json
WORLD_MAP = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
# partners_per_unit.qml: the rule copied once per class of partners (analysis/classes.py)
CLASS_RULE = "class"
SMALL_SHADE = 0.5  # "fewer than k" (protected counts), between the two protected classes
# The join's name of a "unit not specified" bucket: "<admin-1 name> (admin 2 not specified)"
_NOT_SPECIFIED = re.compile(r" \(admin \d not specified\)$")
PDF_DPI = 300


def cluster_styles(path=None):
    """{code: (QColor, icon path)} from the bundled file, overridden by ``path`` or the
    QgsSettings key coordmap/cluster_styles (a JSON file of the same shape)."""
    def read(file):
        data = json.loads(Path(file).read_text(encoding="utf-8"))
        base = Path(file).resolve().parents[1] if Path(file) == CLUSTER_STYLES \
            else Path(file).resolve().parent
        entries = dict(data.get("clusters", {}))
        if "default" in data:
            entries[""] = data["default"]
        return {code: (QColor(entry["colour"]), str(base / entry["icon"]))
                for code, entry in entries.items()}

    styles = read(CLUSTER_STYLES)
    override = path or QgsSettings().value(CLUSTER_STYLES_SETTING, "")
    if override:
        styles.update(read(override))
    return styles


# Layers ------------------------------------------------------------------------------------------

# Fields the map pack reads from the presence, gaps and overlap-units layers.
MAP_FIELDS = ("pcode", "name", "admin_level", "parent_pcode", "unit_specified", "cluster",
              "cluster_name", "period", "partners",
              "partner_list", "rows", "protected", "gap_status", "overlaps")


def feature_records(layer, feedback=None):
    """Attribute dicts (MAP_FIELDS only) and geometries by P-code of a presence, gaps or
    overlap-units layer."""
    names = [name for name in MAP_FIELDS if layer.fields().indexOf(name) >= 0]
    request = QgsFeatureRequest().setSubsetOfAttributes(names, layer.fields())
    indexes = [layer.fields().indexOf(name) for name in names]
    records, geometries = [], {}
    for feature in layer.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        attributes = feature.attributes()
        record = {name: plain_value(attributes[i]) for name, i in zip(names, indexes)}
        records.append(record)
        if feature.hasGeometry() and unit_specified(record):
            geometries.setdefault(str(record.get("pcode")), QgsGeometry(feature.geometry()))
    return records, geometries


PRINT_WIDTH_MM = 200  # about the widest main map of the templates (A3's is scaled up)


def geometries_extent(geometries):
    """The bounding box of ``geometries`` (P-code -> QgsGeometry); empty for none."""
    extent = QgsRectangle()
    extent.setMinimal()
    for geometry in geometries.values():
        extent.combineExtentWith(geometry.boundingBox())
    return extent


def print_resolution(geometries, width_mm=PRINT_WIDTH_MM):
    """``geometries`` (P-code -> QgsGeometry) simplified to what a page shows: detail under a
    printed dot (at PDF_DPI on a map ``width_mm`` wide) is left out. Survey-grade boundaries
    otherwise make pages of several megabytes that no one can mail from the field."""
    extent = geometries_extent(geometries)
    if extent.isEmpty():
        return dict(geometries)
    tolerance = max(extent.width(), extent.height()) / (width_mm / 25.4 * PDF_DPI)
    simplified = {}
    for pcode, geometry in geometries.items():
        smaller = geometry.simplify(tolerance)
        simplified[pcode] = smaller if smaller is not None and not smaller.isEmpty() \
            else geometry  # (a unit smaller than a dot keeps its shape)
    return simplified


def attribute_records(source, names, feedback=None):
    """Attribute dicts of ``names`` (fields of ``source``), geometries not read."""
    request = QgsFeatureRequest().setFlags(QgsFeatureRequest.Flag.NoGeometry)
    request.setSubsetOfAttributes(names, source.fields())
    indexes = [source.fields().indexOf(name) for name in names]
    records = []
    for feature in source.getFeatures(request):
        if feedback is not None and feedback.isCanceled():
            break
        attributes = feature.attributes()
        records.append({name: plain_value(attributes[i]) for name, i in zip(names, indexes)})
    return records


def admin1_of_boundaries(units, geometries):
    """Admin-1 units of boundaries (analysis AdminUnits; the top level when they have no
    admin 1) and each presence unit's admin-1 P-code: {"admin1": [(P-code, name,
    QgsGeometry)], "admin1_of": {P-code: admin-1 P-code}, "admin1_names": {P-code: name}}."""
    import shapely

    level = 1 if 1 in units.levels else min(units.levels)
    top = units.at_level(level).dropna(subset=["geometry"])
    admin1 = []
    for code, name, shape in zip(top["pcode"], top["name"], top["geometry"]):
        geometry = QgsGeometry()
        geometry.fromWkb(shapely.to_wkb(shape))
        admin1.append((str(code), str(name or ""), geometry))
    admin1_of = {}
    for pcode in list(geometries) + [code for code, _, _ in admin1]:
        if pcode in units and units.level_of(pcode) >= level:
            admin1_of[pcode] = units.ancestor_or_self(pcode, level)
    return {"admin1": admin1, "admin1_of": admin1_of,
            "admin1_names": {code: name for code, name, _ in admin1}}


def admin1_of_presence(records, geometries):
    """``admin1_of_boundaries`` from the presence alone: admin-2 units dissolved by their
    parent P-code, admin-1 units as they are; names where the presence has them (admin-1
    units, and rows naming only an admin-1 unit)."""
    parts, names, admin1_of = {}, {}, {}
    for record in records:
        pcode, level = str(record.get("pcode")), record.get("admin_level")
        if level == 1:
            admin1_of[pcode] = pcode
            names.setdefault(pcode, _NOT_SPECIFIED.sub("", str(record.get("name") or "")))
            if unit_specified(record) and pcode in geometries:
                parts.setdefault(pcode, {pcode: geometries[pcode]})
        elif level == 2 and record.get("parent_pcode") and pcode in geometries:
            parent = str(record["parent_pcode"])
            admin1_of[pcode] = parent
            parts.setdefault(parent, {})[pcode] = geometries[pcode]
    admin1 = [(code, names.get(code, ""), QgsGeometry.unaryUnion(list(found.values())))
              for code, found in sorted(parts.items())]
    return {"admin1": admin1, "admin1_of": admin1_of, "admin1_names": names}


def memory_layer(name, crs, fields, rows, geometries):
    """A polygon memory layer: ``rows`` are attribute lists whose first value is the P-code."""
    layer = QgsVectorLayer(f"MultiPolygon?crs={crs.authid() or crs.toWkt()}", name, "memory")
    if not crs.authid():
        layer.setCrs(crs)
    qgs_fields = QgsFields()
    for field_name, kind in fields:
        qgs_fields.append(QgsField(field_name, kind))
    layer.dataProvider().addAttributes(qgs_fields)
    layer.updateFields()
    features = []
    for row in rows:
        geometry = geometries.get(row[0])
        if geometry is None:
            continue
        feature = QgsFeature(layer.fields())
        feature.setAttributes(list(row))
        feature.setGeometry(geometry)
        features.append(feature)
    layer.dataProvider().addFeatures(features)
    layer.updateExtents()
    return layer


def styled(layer, style_name, renderers=None):
    """``layer`` drawn with resources/styles/<style_name>.qml; ``renderers`` (a dict kept by
    the caller) holds each style's renderer once read, for the next maps."""
    if renderers is not None and style_name in renderers:
        layer.setRenderer(renderers[style_name].clone())
        return layer
    message, ok = layer.loadNamedStyle(str(STYLES_DIR / f"{style_name}.qml"))
    if not ok:
        raise RuntimeError(f"{style_name}.qml: {message}")
    if renderers is not None:
        renderers[style_name] = layer.renderer().clone()
    return layer


def presence_renderer(base, classes, colour, labels, small_class=False):
    """The partners-per-unit renderer of a map or of the panel's layer, from ``base`` (the
    rules of partners_per_unit.qml): "no data" and "0" as they are, one rule per class of
    ``classes`` (analysis.classes.CountClass) in shades of ``colour``, lightest first, keys
    class_1, class_2 ...; the "fewer than k" rule of protected counts only with
    ``small_class``. ``labels``: the no_data, zero and small legend labels."""
    renderer = base.clone()
    root = renderer.rootRule()
    for rule in list(root.children()):
        key = rule.ruleKey()
        if key == "small" and not small_class:
            root.removeChild(rule)
            continue
        if key in labels:
            rule.setLabel(labels[key])
        if key == "small":
            rule.symbol().setColor(_shade(colour, SMALL_SHADE))
    keys = [rule.ruleKey() for rule in root.children()]
    position = keys.index(CLASS_RULE)
    template = root.children()[position].clone()
    root.removeChildAt(position)
    for index, count_class in enumerate(classes):
        rule = template.clone()
        rule.setRuleKey(f"class_{index + 1}")
        rule.setFilterExpression(count_class.expression("partners"))
        rule.setLabel(count_class.label)
        rule.symbol().setColor(_shade(colour, class_shade(index, len(classes))))
        root.insertChild(position + index, rule)
    return renderer


def class_shade(index, count):
    """Strength of the cluster colour for class ``index`` of ``count``: 0.25 to 1."""
    return 1.0 if count == 1 else 0.25 + 0.75 * index / (count - 1)


def map_classes(values, marginalia, fitted=None):
    """(classes, small class shown) of one map: a protected map has "<k" and "k+" only (no
    class tells a small count); others the ``fitted`` classes (comparable maps) or classes
    fitted to the map's own counts."""
    if marginalia.protected:
        return [CountClass(marginalia.small_count, None)], True
    if fitted is not None:
        return fitted, False
    return count_classes(values.values()), False  # (SMALL, a text, is left out)


def presence_layer(values, geometries, crs, colour, marginalia, renderers=None, fitted=None):
    """Partners per unit for one map, in the cluster colour, legend labels in the map language,
    classes from ``map_classes``. A unit whose count data protection hid (``SMALL``) is drawn
    in the "fewer than k" class."""
    rows = [(pcode, None, 1) if values[pcode] == SMALL else (pcode, values[pcode], 0)
            for pcode in sorted(values)]
    layer = styled(memory_layer(marginalia.legend_title, crs,
                                [("pcode", field_types.STRING), ("partners", field_types.INT),
                                 ("protected", field_types.INT)],
                                rows, geometries), "partners_per_unit", renderers)
    classes, small = map_classes(values, marginalia, fitted)
    layer.setRenderer(presence_renderer(layer.renderer(), classes, colour, {
        "no_data": marginalia.no_data, "zero": marginalia.zero,
        "small": f"<{marginalia.small_count}"}, small))
    return layer


def overlay_layer(records, geometries, crs, style_name, label, renderers=None):
    """One map's units from a gaps or overlap-units layer (``records`` of the map's cluster and
    period), one style rule (need without partner / overlapping activities) labelled in the map
    language."""
    fields = [("pcode", field_types.STRING), ("gap_status", field_types.STRING),
              ("overlaps", field_types.INT)]
    rows = [(str(r["pcode"]), r.get("gap_status"), r.get("overlaps")) for r in records]
    layer = styled(memory_layer(label, crs, fields, rows, geometries), style_name, renderers)
    for rule in layer.renderer().rootRule().children():
        rule.setLabel(label)
    return layer


def admin1_layer(units, crs, family, font_size=7.0):
    """Admin-1 outlines with their names: ``units`` is [(P-code, name, QgsGeometry)]."""
    layer = memory_layer("admin1", crs, [("pcode", field_types.STRING),
                                         ("name", field_types.STRING)],
                         [(code, name) for code, name, _ in units],
                         {code: geometry for code, _, geometry in units})
    layer.setRenderer(QgsSingleSymbolRenderer(QgsFillSymbol.createSimple(
        {"color": "0,0,0,0", "outline_color": "#4d4d4d", "outline_width": "0.45"})))
    settings = QgsPalLayerSettings()
    settings.fieldName = "name"
    settings.placement = QgsPalLayerSettings.Placement.Horizontal
    text_format = QgsTextFormat()
    font = QFont(family)
    font.setBold(True)
    text_format.setFont(font)
    text_format.setSize(font_size)
    text_format.setColor(QColor("#333333"))
    buffer = QgsTextBufferSettings()
    buffer.setEnabled(True)
    buffer.setSize(0.7)
    buffer.setColor(QColor(255, 255, 255, 220))
    text_format.setBuffer(buffer)
    settings.setFormat(text_format)
    layer.setLabeling(QgsVectorLayerSimpleLabeling(settings))
    layer.setLabelsEnabled(True)
    return layer


LOCATOR_WIDTH_MM = 72  # the templates' locator map
LOCATOR_SCALE = 4.0  # the locator shows this many times the main map's extent


def locator_layer(crs, extent=None):
    """Countries of the world (QGIS's own offline world map) around ``extent`` (the map's
    units, in ``crs``), or None where the world map is missing. Only what the locator can
    show is kept, clipped and simplified to its print resolution: the full world map makes
    pages of several megabytes."""
    if not WORLD_MAP.is_file():
        return None
    world = QgsVectorLayer(f"{WORLD_MAP}|layername=countries", "locator", "ogr")
    if not world.isValid():
        return None
    if extent is None or extent.isEmpty():
        return styled(world, "locator")
    area = QgsRectangle(extent)
    area.scale(LOCATOR_SCALE * 2)  # (room for the locator's own padding and aspect)
    try:
        area = QgsCoordinateTransform(crs, world.crs(), QgsProject.instance()) \
            .transformBoundingBox(area)
    except QgsCsException:  # (an extent the world map's CRS cannot take: the whole world)
        return styled(world, "locator")
    tolerance = max(area.width(), area.height()) / (LOCATOR_WIDTH_MM / 25.4 * PDF_DPI)
    layer = QgsVectorLayer(f"MultiPolygon?crs={world.crs().authid()}", "locator", "memory")
    clipped = []
    for feature in world.getFeatures(QgsFeatureRequest().setFilterRect(area)
                                     .setNoAttributes()):
        geometry = feature.geometry().clipped(area).simplify(tolerance)
        if geometry is not None and not geometry.isEmpty():
            copy = QgsFeature()
            copy.setGeometry(geometry)
            clipped.append(copy)
    layer.dataProvider().addFeatures(clipped)
    layer.updateExtents()
    return styled(layer, "locator")


def _shade(colour, strength):
    """``colour`` mixed with white: 1.0 is the colour itself."""
    return QColor(*(round(255 + (channel - 255) * strength)
                    for channel in (colour.red(), colour.green(), colour.blue())))
