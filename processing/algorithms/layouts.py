"""Print layouts of the map pack: map layers, template filling and export (QGIS side of mappack).

The templates (resources/templates/*.qpt) hold every element with an item id; this module fills
them from a ``Marginalia`` (processing/analysis/mappack.py), so an officer can restyle a template
in the layout designer, save it over the bundled one (or keep it beside) and the export still
finds its items by id.

Texts from data or parameters (cluster names, titles, sources, partner names) go into the layout
literally: a label would run ``[% ... %]`` as an expression and replace ``$CURRENT_DATE``, so
such a text is given as an expression that only returns it (``literal_text``), and labels are
plain text, never HTML. PDFs are painted on a QPdfWriter: QGIS's own PDF export makes a QPrinter,
which asks the print service (CUPS, possibly on another machine) for its printers.
"""
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsCoordinateTransform,
    QgsCsException,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItem,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemShape,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutRenderContext,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPalLayerSettings,
    QgsPrintLayout,
    QgsProject,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSettings,
    QgsSingleSymbolRenderer,
    QgsTextBufferSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
    QgsVectorLayerSimpleLabeling,
)
from qgis.PyQt.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QPageSize, QPainter, QPdfWriter
from qgis.PyQt.QtXml import QDomDocument

from ..analysis.classes import CountClass, count_classes
from ..analysis.mappack import SMALL, unit_specified
from ..analysis.translation import QT_TRANSLATE_NOOP
from ..metadata import RESOURCES_DIR
from . import field_types
from .qgis_io import plain_value

TEMPLATES_DIR = RESOURCES_DIR / "templates"
STYLES_DIR = RESOURCES_DIR / "styles"
CLUSTER_STYLES = STYLES_DIR / "cluster_styles.json"
CLUSTER_STYLES_SETTING = "coordmap/cluster_styles"  # path of the user's own cluster_styles.json
# Families tried in order; the first one installed is used (DejaVu Sans ships with Debian QGIS).
LATIN_FONTS = ("Roboto", "Arial", "Liberation Sans", "Noto Sans", "DejaVu Sans")
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Arial", "DejaVu Sans")
WORLD_MAP = Path(QgsApplication.pkgDataPath()) / "resources" / "data" / "world_map.gpkg"
# partners_per_unit.qml: the rule copied once per class of partners (analysis/classes.py)
CLASS_RULE = "class"
SMALL_SHADE = 0.5  # "fewer than k" (protected counts), between the two protected classes
# What a label would evaluate: expressions, and the layout's legacy date placeholder.
_EVALUATED = re.compile(r"\[%|\$CURRENT_DATE")
_MARKS = re.compile(r"([%$])")
# The join's name of a "unit not specified" bucket: "<admin-1 name> (admin 2 not specified)"
_NOT_SPECIFIED = re.compile(r" \(admin \d not specified\)$")
PDF_DPI = 300
MIRRORED_SCALEBAR_MARGIN = 3  # mm between a right-to-left page's scale bar and the map's edge
IMAGE_DPI = 150


def font_family(language):
    installed = set(QFontDatabase().families())
    candidates = ARABIC_FONTS if language == "ar" else LATIN_FONTS
    return next((family for family in candidates if family in installed),
                QFont().defaultFamily())


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
    return count_classes(v for v in values.values() if v != SMALL), False


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


# Layout ------------------------------------------------------------------------------------------

def template_path(paper):
    return TEMPLATES_DIR / f"{paper}.qpt"


def load_layout(project, paper, name, right_to_left=False):
    """The template of ``paper`` as a print layout; mirrored for a right-to-left language
    (items, text alignment), as a page in Arabic reads."""
    document = QDomDocument()
    document.setContent(template_path(paper).read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise RuntimeError(f"{template_path(paper).name}: not a print layout template")
    layout.setName(name)
    if right_to_left:
        _mirror(layout)
    return layout


def _mirror(layout):
    """Every item of the first page moved to its mirror position, texts aligned the other
    way, the legend's symbols on the right of their labels."""
    width = layout.pageCollection().page(0).pageSize().width()
    swapped = {Qt.AlignmentFlag.AlignLeft: Qt.AlignmentFlag.AlignRight,
               Qt.AlignmentFlag.AlignRight: Qt.AlignmentFlag.AlignLeft}
    for item in layout.items():
        if not isinstance(item, QgsLayoutItem) or isinstance(item, QgsLayoutItemPage) or \
                item.parentGroup() is not None:
            continue
        position, size = item.positionWithUnits(), item.sizeWithUnits()
        item.attemptMove(QgsLayoutPoint(width - position.x() - size.width(), position.y(),
                                        position.units()), useReferencePoint=False)
        if isinstance(item, QgsLayoutItemLabel):
            item.setHAlign(swapped.get(item.hAlign(), item.hAlign()))
        elif isinstance(item, QgsLayoutItemLegend):
            item.setSymbolAlignment(Qt.AlignmentFlag.AlignRight)
            item.setTitleAlignment(Qt.AlignmentFlag.AlignRight)
            for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.SymbolLabel):
                item.rstyle(style).setAlignment(Qt.AlignmentFlag.AlignRight)
    layout.setCustomProperty("coordmap_mirrored", True)


def fill_layout(layout, marginalia, layers, icon, side=None):
    """Put texts, layers, extents, pictures and the side panel's charts in the template's items
    (found by id). ``layers``: (presence, [gaps, overlaps overlays], locator, admin-1 layer or
    None); ``side``: the charts' figures (SidePanel), None for none."""
    family = font_family(marginalia.language)
    texts = {
        "title": marginalia.title, "subtitle": marginalia.subtitle, "as_of": marginalia.as_of,
        "summary": marginalia.summary, "note": marginalia.note,
        "unspecified": marginalia.unspecified, "sources": marginalia.sources,
        "producer": marginalia.producer, "created": marginalia.created,
        "map_id": marginalia.map_id, "disclaimer": marginalia.disclaimer,
        "projection": marginalia.projection,
    }
    main, overlays, locator, admin1 = layers
    crs = main.crs()
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel) and item.customProperty(CHART_PART) is None:
            _set_label(item, texts.get(item.id(), item.text()), family)
            if item.id() in ("title", "subtitle"):
                _shrink_to_fit(item)
    main_map = _item(layout, "main_map", QgsLayoutItemMap)
    main_map.setCrs(crs)
    # top first: hatching, need outlines, admin-1 outlines (names are always on top), classes
    main_map.setLayers(list(reversed(overlays)) + ([admin1] if admin1 else []) + [main])
    main_map.setKeepLayerSet(True)
    # A layout refilled for a map of the same units keeps its extents and scale bar.
    moved = _zoom(main_map, _padded(main.extent(), 0.04))
    _set_locator(layout, main_map, main, locator)
    _set_legend(layout, marginalia, [main] + overlays, family)
    if moved:
        _set_scalebar(layout, main_map, family)
    _set_picture(layout, "cluster_icon", icon)
    _set_picture(layout, "north_arrow", _north_arrow())
    draw_charts(layout, marginalia, side, family)
    return layout


def _item(layout, item_id, kind):
    item = layout.itemById(item_id)
    if not isinstance(item, kind):
        raise RuntimeError(f"the template has no {kind.__name__[13:].lower()} '{item_id}'")
    return item


def literal_text(text):
    """``text`` as a label shows it, whatever it holds: a text a label would evaluate becomes
    an expression returning it, written without '%' or '$' (char(37), char(36)) so nothing in
    it can close the expression or be replaced."""
    text = str(text)
    if not _EVALUATED.search(text):
        return text
    parts = [f"char({ord(part)})" if part in ("%", "$") else QgsExpression.quotedString(part)
             for part in _MARKS.split(text) if part]
    return "[% " + " || ".join(parts) + " %]"


def _set_label(item, text, family, right_to_left=False):
    font = QFont(item.font())
    font.setFamily(family)
    item.setFont(font)
    item.setMode(QgsLayoutItemLabel.Mode.ModeFont)  # plain text: HTML could fetch images
    item.setText(literal_text(text))
    if right_to_left:
        item.setHAlign(Qt.AlignmentFlag.AlignRight)


def _zoom(map_item, extent):
    """Show ``extent`` whole, widened to the item's shape (setExtent alone would resize the
    item to the extent's shape; zoomToExtent needs a valid current extent, which a template's
    maps do not have). False when the item already shows that."""
    size = map_item.rect()
    ratio = size.width() / size.height()
    centre = extent.center()
    if extent.width() / extent.height() < ratio:
        half = extent.height() * ratio / 2
        fitted = QgsRectangle(centre.x() - half, extent.yMinimum(),
                              centre.x() + half, extent.yMaximum())
    else:
        half = extent.width() / ratio / 2
        fitted = QgsRectangle(extent.xMinimum(), centre.y() - half,
                              extent.xMaximum(), centre.y() + half)
    shown = map_item.extent()
    tolerance = fitted.width() * 1e-9
    if all(abs(a - b) <= tolerance for a, b in (
            (shown.xMinimum(), fitted.xMinimum()), (shown.xMaximum(), fitted.xMaximum()),
            (shown.yMinimum(), fitted.yMinimum()), (shown.yMaximum(), fitted.yMaximum()))):
        return False
    map_item.setExtent(fitted)
    return True


def _shrink_to_fit(label, smallest=8.0):
    """Smaller type for a one-line label whose text is wider than its box (long titles in
    French or Spanish), down to ``smallest`` points; starts from the template's size, kept on
    the item, as a layout is refilled for the next map."""
    font = QFont(label.font())
    points = label.customProperty("coordmap_points")
    if points is None:
        label.setCustomProperty("coordmap_points", font.pointSizeF())
    else:
        font.setPointSizeF(float(points))
        label.setFont(font)
    while label.sizeForText().width() > label.rect().width() and font.pointSizeF() > smallest:
        font.setPointSizeF(font.pointSizeF() - 0.5)
        label.setFont(font)


def _padded(extent, ratio):
    padded = QgsRectangle(extent)
    padded.grow(max(extent.width(), extent.height()) * ratio)
    return padded


def _set_locator(layout, main_map, main, locator):
    item = layout.itemById("locator_map")
    if not isinstance(item, QgsLayoutItemMap):
        return
    item.setCrs(main.crs())
    # The world's countries where QGIS ships them; else the map's own units.
    item.setLayers([locator] if locator is not None else [main])
    item.setKeepLayerSet(True)
    extent = QgsRectangle(main.extent())
    extent.scale(LOCATOR_SCALE)
    _zoom(item, extent)
    overview = item.overview()
    overview.setLinkedMap(main_map)
    overview.setFrameSymbol(QgsFillSymbol.createSimple(
        {"color": "215,48,31,60", "outline_color": "#d7301f", "outline_width": "0.5"}))
    overview.setEnabled(True)


def _set_legend(layout, marginalia, layers, family):
    legend = _item(layout, "legend", QgsLayoutItemLegend)
    legend.setAutoUpdateModel(False)
    legend.setTitle(marginalia.legend_title)
    root = legend.model().rootGroup()
    root.removeAllChildren()
    for layer in layers:
        node = root.addLayer(layer)
        QgsLegendRenderer.setNodeLegendStyle(node, QgsLegendStyle.Style.Hidden)
    for style in (QgsLegendStyle.Style.Title, QgsLegendStyle.Style.SymbolLabel):
        font = QFont(legend.style(style).font())
        font.setFamily(family)
        legend.rstyle(style).setFont(font)
    legend.updateLegend()


def _set_scalebar(layout, main_map, family):
    scalebar = layout.itemById("scalebar")
    if not isinstance(scalebar, QgsLayoutItemScaleBar):
        return
    scalebar.setLinkedMap(main_map)
    scalebar.setUnits(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    scalebar.setUnitLabel("km")
    text_format = QgsTextFormat(scalebar.textFormat())
    font = QFont(text_format.font())
    font.setFamily(family)
    text_format.setFont(font)
    scalebar.setTextFormat(text_format)
    scalebar.applyDefaultSize(QgsUnitTypes.DistanceUnit.DistanceKilometers)
    if layout.customProperty("coordmap_mirrored"):
        # (the bar sizes itself to the map's scale: its right end goes where the left was)
        right = main_map.pos().x() + main_map.rect().width() - MIRRORED_SCALEBAR_MARGIN
        scalebar.attemptMove(QgsLayoutPoint(right - scalebar.rect().width(),
                                            scalebar.pos().y()))


def _set_picture(layout, item_id, path):
    item = layout.itemById(item_id)
    if isinstance(item, QgsLayoutItemPicture) and path and item.picturePath() != str(path):
        item.setPicturePath(str(path))


def _north_arrow():
    for folder in QgsApplication.svgPaths():
        candidate = Path(folder) / "arrows" / "NorthArrow_02.svg"
        if candidate.is_file():
            return candidate
    return None


# Side panel charts -------------------------------------------------------------------------------

CHART_PART = "coordmap_chart"  # custom property of the items a chart is drawn with
CHART_AREAS = ("chart_admin1", "chart_types")
MIN_BAR_ROW = 2.4  # mm: a bar and its 6-point name


@dataclass
class SidePanel:
    """What the side panel's charts show: [(admin-1 name, partners)] most first, and
    partners per organisation type ({type: count}, ORG_TYPES order); a protected map
    (``withheld``) shows neither."""
    admin1: List[tuple] = field(default_factory=list)
    types: Dict[str, int] = field(default_factory=dict)
    withheld: str = ""
    colour: QColor = field(default_factory=lambda: QColor("#4292c6"))


def draw_charts(layout, marginalia, side, family):
    """Bars of partners per admin 1 and the organisation types, in the template's chart
    areas (a template without them gets none); the previous map's bars go first."""
    for item in [i for i in layout.items() if isinstance(i, QgsLayoutItem)
                 and i.customProperty(CHART_PART) is not None]:
        layout.removeLayoutItem(item)
    if side is None:
        return
    for area_id, title, draw in (("chart_admin1", marginalia.chart_admin1, _admin1_bars),
                                 ("chart_types", marginalia.chart_types, _type_line)):
        area = layout.itemById(area_id)
        shown = side.admin1 if area_id == "chart_admin1" else side.types
        if not isinstance(area, QgsLayoutItemShape) or not (shown or side.withheld):
            continue
        chart = _Chart(layout, area, family, marginalia.right_to_left)
        chart.text(title, 0, chart.width, bold=True)
        if side.withheld:
            chart.text(side.withheld, 0, chart.width)
        else:
            draw(chart, marginalia, side)


def _admin1_bars(chart, marginalia, side):
    rows = side.admin1
    if not rows:
        return
    room = chart.height - chart.line
    shown = rows if len(rows) * MIN_BAR_ROW <= room else \
        rows[:max(int((room - chart.line) // MIN_BAR_ROW), 1)]
    step = min(room / max(len(shown) + (len(shown) < len(rows)), 1), chart.line * 1.3)
    names, numbers = chart.width * 0.4, 6.0
    longest = max(count for _, count in rows)
    for name, count in shown:
        chart.text(name, 0, names - 1, height=step, size_factor=0.9, cut=True)
        length = max((chart.width - names - numbers) * count / longest, 0.3)
        chart.bar(names, length, step * 0.7, side.colour)
        chart.text(str(count), names + length + 0.8, numbers, height=step, size_factor=0.9)
        chart.next(step)
    if len(shown) < len(rows):
        chart.text(marginalia.more_units(len(rows) - len(shown)), 0, chart.width, height=step,
                   size_factor=0.9)


def _type_line(chart, marginalia, side):
    if side.types:
        chart.text(" · ".join(f"{marginalia.type_labels[kind]} {count}"
                              for kind, count in side.types.items()), 0, chart.width,
                   height=chart.height - chart.line)


def _fitted(text, font, width):
    """``text`` cut short with an ellipsis until it is at most ``width`` mm wide."""
    if QgsLayoutUtils.textWidthMM(font, text) <= width:
        return text
    while len(text) > 1 and QgsLayoutUtils.textWidthMM(font, text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


class _Chart:
    """Items drawn top down in a chart area, mirrored within it for right-to-left pages."""

    def __init__(self, layout, area, family, right_to_left):
        self.layout, self.area_id = layout, area.id()
        self.left, self.top = area.pos().x(), area.pos().y()
        self.width, self.height = area.rect().width(), area.rect().height()
        self.size = float(area.customProperty("coordmap_font_size", 6.0))
        self.line = self.size * 0.55  # mm per line of text at this size
        self.family, self.right_to_left, self.y = family, right_to_left, 0.0

    def _place(self, item, x, width, height):
        if self.right_to_left:
            x = self.width - x - width
        item.setCustomProperty(CHART_PART, self.area_id)
        self.layout.addLayoutItem(item)
        item.attemptMove(QgsLayoutPoint(self.left + x, self.top + self.y))
        item.attemptResize(QgsLayoutSize(width, height))

    def text(self, text, x, width, height=None, bold=False, size_factor=1.0, cut=False):
        """A label; ``cut``: one line, shortened with an ellipsis to fit ``width``."""
        label = QgsLayoutItemLabel(self.layout)
        font = QFont(self.family)
        font.setPointSizeF(self.size * size_factor)
        font.setBold(bold)
        if cut:
            text = _fitted(str(text), font, width)
        label.setFont(font)
        label.setFontColor(QColor("#333333"))
        label.setMarginX(0)
        label.setMarginY(0)
        label.setVAlign(Qt.AlignmentFlag.AlignVCenter)
        label.setMode(QgsLayoutItemLabel.Mode.ModeFont)
        label.setText(literal_text(text))
        label.setHAlign(Qt.AlignmentFlag.AlignRight if self.right_to_left
                        else Qt.AlignmentFlag.AlignLeft)
        self._place(label, x, width, height or self.line)
        if height is None:
            self.next(self.line)

    def bar(self, x, length, height, colour):
        shape = QgsLayoutItemShape(self.layout)
        shape.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        shape.setSymbol(QgsFillSymbol.createSimple({"color": colour.name(),
                                                    "outline_style": "no"}))
        self._place(shape, x, length, height)

    def next(self, step):
        self.y += step


# Partner table -----------------------------------------------------------------------------------

def add_partner_table(layout, rows, texts, family):
    """A page (or as many as it takes) after the map listing the partners of every unit."""
    collection = layout.pageCollection()
    first = collection.page(0)
    size = first.pageSize()
    margin = 10
    page = QgsLayoutItemPage(layout)
    page.setPageSize(size)
    collection.addPage(page)
    top = collection.pageCount() - 1
    title = QgsLayoutItemLabel(layout)
    title.setId("partner_table_title")
    _set_label(title, texts["table_title"], family, texts["right_to_left"])
    font = QFont(title.font())
    font.setPointSizeF(14)
    font.setBold(True)
    title.setFont(font)
    layout.addLayoutItem(title)
    title.attemptMove(QgsLayoutPoint(margin, margin), page=top)
    title.attemptResize(QgsLayoutSize(size.width() - 2 * margin, 9))
    table = QgsLayoutItemTextTable(layout)
    columns = []
    table_width = size.width() - 2 * margin
    for heading, width in ((texts["table_unit"], 40), (texts["table_pcode"], 22),
                           (texts["table_count"], 18), (texts["table_names"], table_width - 96)):
        column = QgsLayoutTableColumn(heading)
        column.setWidth(width)
        columns.append(column)
    table.setColumns(columns)
    table.setContents([[row.unit, row.pcode, row.count, row.names] for row in rows])
    table.setWrapBehavior(QgsLayoutTable.WrapBehavior.WrapText)
    for setter, getter, points in ((table.setHeaderTextFormat, table.headerTextFormat, 8),
                                   (table.setContentTextFormat, table.contentTextFormat, 7)):
        text_format = QgsTextFormat(getter())
        font = QFont(text_format.font())
        font.setFamily(family)
        text_format.setFont(font)
        text_format.setSize(points)
        setter(text_format)
    table.setResizeMode(QgsLayoutMultiFrame.ResizeMode.RepeatUntilFinished)
    layout.addMultiFrame(table)
    frame = QgsLayoutFrame(layout, table)
    frame.attemptSetSceneRect(QRectF(margin, page.pos().y() + margin + 12,
                                     table_width, size.height() - 2 * margin - 12))
    table.addFrame(frame)
    table.recalculateFrameSizes()
    return table


# Export ------------------------------------------------------------------------------------------

EXPORT_ERRORS = {
    QgsLayoutExporter.ExportResult.FileError: QT_TRANSLATE_NOOP(
        "MapExport", "the file could not be written (check the folder and the file name)"),
    QgsLayoutExporter.ExportResult.MemoryError: QT_TRANSLATE_NOOP(
        "MapExport", "not enough memory for the image"),
    QgsLayoutExporter.ExportResult.PrintError: QT_TRANSLATE_NOOP(
        "MapExport", "the page could not be drawn"),
    QgsLayoutExporter.ExportResult.SvgLayerError: QT_TRANSLATE_NOOP(
        "MapExport", "the SVG layers could not be written"),
    QgsLayoutExporter.ExportResult.IteratorError: QT_TRANSLATE_NOOP(
        "MapExport", "the layout could not be prepared"),
}


def export_error(path, reason):
    """A RuntimeError naming the file and why (``reason``: one of EXPORT_ERRORS)."""
    return RuntimeError(f"{Path(path).name}: {QCoreApplication.translate('MapExport', reason)}")


def pdf_settings():
    """Vector PDF with real text (searchable, and what pdftotext reads back)."""
    settings = QgsLayoutExporter.PdfExportSettings()
    settings.dpi = PDF_DPI
    settings.rasterizeWholeImage = False
    settings.forceVectorOutput = True
    settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
    return settings


def export_layout(layout, path, file_format):
    """Write one layout as PDF, PNG or SVG; raises a RuntimeError naming the file and why."""
    if file_format == "pdf":
        pack = PdfPack(path)
        try:
            pack.add(layout)
        finally:
            pack.close()
        georeference_pdf(path, layout)
        return [str(path)]
    exporter = QgsLayoutExporter(layout)
    if file_format == "png":
        settings = QgsLayoutExporter.ImageExportSettings()
        settings.dpi = IMAGE_DPI
        result = exporter.exportToImage(str(path), settings)
    else:
        settings = QgsLayoutExporter.SvgExportSettings()
        settings.forceVectorOutput = True
        settings.textRenderFormat = Qgis.TextRenderFormat.AlwaysText
        result = exporter.exportToSvg(str(path), settings)
    if result != QgsLayoutExporter.ExportResult.Success:
        raise export_error(exporter.errorFile() or path, EXPORT_ERRORS.get(
            result, QT_TRANSLATE_NOOP("MapExport", "the export failed")))
    # Images are one file per page: name.png, name_2.png ...
    path = Path(path)
    return [str(path)] + [str(path.with_name(f"{path.stem}_{page + 1}{path.suffix}"))
                          for page in range(1, layout.pageCollection().pageCount())]


def georeference_pdf(path, layout):
    """The first page of a PDF in the coordinates of the layout's main map, as QGIS's own PDF
    export makes it (a geospatial PDF), with GDAL: QgsLayoutExporter.georeferenceOutput of
    QGIS 3.22 leaves the file as it is."""
    from osgeo import gdal

    map_item = layout.referenceMap()
    if map_item is None:
        return
    a, b, c, d, e, f = QgsLayoutExporter(layout).computeWorldFileParameters(PDF_DPI)
    gdal.SetConfigOption("GDAL_PDF_DPI", str(PDF_DPI))  # the size GDAL gives the page
    try:
        dataset = gdal.Open(str(path), gdal.GA_Update)
        if dataset is not None:
            dataset.SetGeoTransform((c, a, b, f, d, e))
            dataset.SetProjection(map_item.crs().toWkt(
                QgsCoordinateReferenceSystem.WktVariant.WKT_PREFERRED_GDAL))
            dataset = None  # written when closed
    except RuntimeError:  # (GDAL raising errors): a map without coordinates is still a map
        pass
    finally:
        gdal.SetConfigOption("GDAL_PDF_DPI", None)


class PdfPack:
    """One PDF of one or many layouts: every page is painted on a QPdfWriter with
    QgsLayoutExporter.renderPage (what QgsLayoutExporter.print does for a printer), so texts
    stay text and vectors stay vectors, layouts can be added one at a time, and no printer is
    looked for (QgsLayoutExporter.exportToPdf makes a QPrinter, which asks CUPS)."""

    def __init__(self, path):
        self.path = path
        self.writer = QPdfWriter(str(path))
        self.writer.setResolution(PDF_DPI)
        self.writer.setCreator("CoordMap")
        self.painter = None

    def add(self, layout):
        context = layout.renderContext()
        context.setTextRenderFormat(Qgis.TextRenderFormat.AlwaysText)
        context.setFlag(QgsLayoutRenderContext.Flag.FlagForceVectorOutput, True)
        context.setDpi(PDF_DPI)
        exporter = QgsLayoutExporter(layout)
        for page in range(layout.pageCollection().pageCount()):
            size = layout.pageCollection().page(page).pageSize()
            self.writer.setPageSize(QPageSize(QSizeF(size.width(), size.height()),
                                              QPageSize.Unit.Millimeter))
            self.writer.setPageMargins(QMarginsF(0, 0, 0, 0))
            if self.painter is None:
                self.painter = QPainter()
                if not self.painter.begin(self.writer):
                    raise export_error(self.path, EXPORT_ERRORS[
                        QgsLayoutExporter.ExportResult.FileError])
            else:
                self.writer.newPage()
            exporter.renderPage(self.painter, page)

    def close(self):
        if self.painter is not None and self.painter.isActive():
            self.painter.end()
