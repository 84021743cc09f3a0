"""Print layouts of the map pack: the templates filled (QGIS side of mappack).

The layers come from map_layers.py; layout_export.py writes the pages.

The templates (resources/templates/*.qpt) hold every element with an item id; this module fills
them from a ``Marginalia`` (processing/analysis/mappack.py), so an officer can restyle a template
in the layout designer, save it over the bundled one (or keep it beside) and the export still
finds its items by id.

Texts from data or parameters (cluster names, titles, sources, partner names) go into the layout
literally: a label would run ``[% ... %]`` as an expression and replace ``$CURRENT_DATE``, so
such a text is given as an expression that only returns it (``literal_text``), and labels are
plain text, never HTML.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, List

from qgis.core import (
    QgsApplication,
    QgsExpression,
    QgsFillSymbol,
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
    QgsLayoutSize,
    QgsLayoutTable,
    QgsLayoutTableColumn,
    QgsLayoutUtils,
    QgsLegendRenderer,
    QgsLegendStyle,
    QgsPrintLayout,
    QgsReadWriteContext,
    QgsRectangle,
    QgsTextFormat,
    QgsUnitTypes,
)
from qgis.PyQt.QtCore import QRectF, Qt
from qgis.PyQt.QtGui import QColor, QFont, QFontDatabase
from qgis.PyQt.QtXml import QDomDocument

from ..metadata import RESOURCES_DIR
from .map_layers import LOCATOR_SCALE

TEMPLATES_DIR = RESOURCES_DIR / "templates"
# Families tried in order; the first one installed is used (DejaVu Sans ships with Debian QGIS).
LATIN_FONTS = ("Roboto", "Arial", "Liberation Sans", "Noto Sans", "DejaVu Sans")
ARABIC_FONTS = ("Noto Sans Arabic", "Noto Naskh Arabic", "Arial", "DejaVu Sans")
# What a label would evaluate: expressions, and the layout's legacy date placeholder.
_EVALUATED = re.compile(r"\[%|\$CURRENT_DATE")
_MARKS = re.compile(r"([%$])")
MIRRORED_SCALEBAR_MARGIN = 3  # mm between a right-to-left page's scale bar and the map's edge


def font_family(language):
    installed = set(QFontDatabase().families())
    candidates = ARABIC_FONTS if language == "ar" else LATIN_FONTS
    return next((family for family in candidates if family in installed),
                QFont().defaultFamily())



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
    for area_id, title, draw, shown in (
            ("chart_admin1", marginalia.chart_admin1, _admin1_bars, side.admin1),
            ("chart_types", marginalia.chart_types, _type_line, side.types)):
        area = layout.itemById(area_id)
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
