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
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsApplication,
    QgsCoordinateReferenceSystem,
    QgsExpression,
    QgsFeature,
    QgsFeatureRequest,
    QgsField,
    QgsFields,
    QgsFillSymbol,
    QgsGeometry,
    QgsLayoutExporter,
    QgsLayoutFrame,
    QgsLayoutItemLabel,
    QgsLayoutItemLegend,
    QgsLayoutItemMap,
    QgsLayoutItemPage,
    QgsLayoutItemPicture,
    QgsLayoutItemScaleBar,
    QgsLayoutItemTextTable,
    QgsLayoutMultiFrame,
    QgsLayoutPoint,
    QgsLayoutRenderContext,
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsSettings,
    QgsTextFormat,
    QgsUnitTypes,
    QgsVectorLayer,
)
from qgis.PyQt.QtCore import QCoreApplication, QMarginsF, QRectF, QSizeF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase, QPageSize, QPainter, QPdfWriter
from qgis.PyQt.QtXml import QDomDocument

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
# Presence classes drawn in the cluster colour, lightest first (rule keys of partners_per_unit.qml)
CLASS_SHADES = {"p1": 0.25, "p2": 0.5, "p3_4": 0.75, "small": 0.5, "p5": 1.0}
SMALL_CLASSES = ("p1", "p2", "p3_4")  # not on a protected map: they would tell small counts
# What a label would evaluate: expressions, and the layout's legacy date placeholder.
_EVALUATED = re.compile(r"\[%|\$CURRENT_DATE")
_MARKS = re.compile(r"([%$])")
PDF_DPI = 300
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
MAP_FIELDS = ("pcode", "name", "admin_level", "unit_specified", "cluster", "cluster_name",
              "period", "partners",
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


def presence_layer(values, geometries, crs, colour, marginalia, renderers=None):
    """Partners per unit for one map, in the cluster colour, legend labels in the map language.
    A protected map (data protection) has two classes of partners, "<k" and "k+", and a unit
    whose count is hidden (``SMALL``) is drawn in the first: no class tells a small count."""
    rows = [(pcode, None, 1) if values[pcode] == SMALL else (pcode, values[pcode], 0)
            for pcode in sorted(values)]
    layer = styled(memory_layer(marginalia.legend_title, crs,
                                [("pcode", field_types.STRING), ("partners", field_types.INT),
                                 ("protected", field_types.INT)],
                                rows, geometries), "partners_per_unit", renderers)
    k = marginalia.small_count
    labels = {"no_data": marginalia.no_data, "zero": marginalia.zero, "small": f"<{k}"}
    root = layer.renderer().rootRule()
    for rule in list(root.children()):
        key = rule.ruleKey()
        if key in SMALL_CLASSES and marginalia.protected or \
                key == "small" and not marginalia.protected:
            root.removeChild(rule)
            continue
        if key == "p5" and marginalia.protected:
            rule.setFilterExpression(f'"partners" >= {k}')
            rule.setLabel(f"{k}+")
        if key in labels:
            rule.setLabel(labels[key])
        if key in CLASS_SHADES:
            rule.symbol().setColor(_shade(colour, CLASS_SHADES[key]))
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


def locator_layer(crs):
    """Countries of the world (QGIS's own offline world map), or None where it is missing."""
    if not WORLD_MAP.is_file():
        return None
    layer = QgsVectorLayer(f"{WORLD_MAP}|layername=countries", "locator", "ogr")
    return styled(layer, "locator") if layer.isValid() else None


def _shade(colour, strength):
    """``colour`` mixed with white: 1.0 is the colour itself."""
    return QColor(*(round(255 + (channel - 255) * strength)
                    for channel in (colour.red(), colour.green(), colour.blue())))


# Layout ------------------------------------------------------------------------------------------

def template_path(paper):
    return TEMPLATES_DIR / f"{paper}.qpt"


def load_layout(project, paper, name):
    document = QDomDocument()
    document.setContent(template_path(paper).read_text(encoding="utf-8"))
    layout = QgsPrintLayout(project)
    layout.initializeDefaults()
    _, ok = layout.loadFromTemplate(document, QgsReadWriteContext())
    if not ok:
        raise RuntimeError(f"{template_path(paper).name}: not a print layout template")
    layout.setName(name)
    return layout


def fill_layout(layout, marginalia, layers, icon, language):
    """Put texts, layers, extents and pictures in the template's items (found by id)."""
    family = font_family(language)
    texts = {
        "title": marginalia.title, "subtitle": marginalia.subtitle, "as_of": marginalia.as_of,
        "summary": marginalia.summary, "note": marginalia.note,
        "unspecified": marginalia.unspecified, "sources": marginalia.sources,
        "producer": marginalia.producer, "created": marginalia.created,
        "map_id": marginalia.map_id, "disclaimer": marginalia.disclaimer,
        "projection": marginalia.projection,
    }
    main, overlays, locator = layers
    crs = main.crs()
    for item in layout.items():
        if isinstance(item, QgsLayoutItemLabel):
            _set_label(item, texts.get(item.id(), item.text()), family,
                       marginalia.right_to_left and item.id() != "as_of")
            if item.id() in ("title", "subtitle"):
                _shrink_to_fit(item)
    main_map = _item(layout, "main_map", QgsLayoutItemMap)
    main_map.setCrs(crs)
    main_map.setLayers(list(reversed(overlays)) + [main])
    main_map.setKeepLayerSet(True)
    # A layout refilled for a map of the same units keeps its extents and scale bar.
    moved = _zoom(main_map, _padded(main.extent(), 0.04))
    _set_locator(layout, main_map, main, locator)
    _set_legend(layout, marginalia, [main] + overlays, family)
    if moved:
        _set_scalebar(layout, main_map, family)
    _set_picture(layout, "cluster_icon", icon)
    _set_picture(layout, "north_arrow", _north_arrow())
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


def _set_label(item, text, family, right_to_left):
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
    extent.scale(4.0)
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
