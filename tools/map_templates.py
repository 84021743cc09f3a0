"""Regenerate resources/templates/*.qpt and resources/styles/*.qml (run once after a design change).

    .venv/bin/python -P tools/map_templates.py

The print layouts are built with PyQGIS so the saved templates are exactly what QGIS writes; every
item has an id (title, subtitle, main_map, legend, disclaimer ...) by which the export fills it.
Texts in the templates are English placeholders: the export replaces them in the map language.
"""
import os
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TEMPLATES = ROOT / "resources" / "templates"
STYLES = ROOT / "resources" / "styles"
FONT = "DejaVu Sans"  # replaced at export time by the first family present (layouts.py)
INK = "#1a1a1a"
GREY = "#595959"

# (id, kind, x, y, width, height, font size, bold) in mm on an A4 landscape page; the A3
# template scales it by sqrt(2), the portrait one has its own arrangement.
A4_LANDSCAPE = [
    ("cluster_icon", "picture", 10, 6, 14, 14, 0, False),
    ("title", "label", 27, 5, 180, 10, 18, True),
    ("subtitle", "label", 27, 15, 180, 6, 10, False),
    ("as_of", "label", 160, 21, 50, 5, 9, True),
    ("logo_1", "picture", 236, 5, 24, 14, 0, False),
    ("logo_2", "picture", 263, 5, 24, 14, 0, False),
    ("main_map", "map", 10, 27, 200, 163, 0, False),
    ("north_arrow", "picture", 198, 30, 9, 13, 0, False),
    ("scalebar", "scalebar", 13, 178, 60, 10, 7, False),
    ("locator_map", "map", 215, 27, 72, 34, 0, False),
    ("legend", "legend", 215, 63, 72, 47, 7, False),
    ("summary", "label", 215, 111, 72, 8, 7.5, True),
    ("chart_admin1", "area", 215, 120, 72, 39, 6, False),
    ("chart_types", "area", 215, 160, 72, 13, 6, False),
    ("note", "label", 215, 174, 72, 11, 6, False),
    ("unspecified", "label", 215, 185, 72, 5, 6, False),
    ("sources", "label", 10, 192, 200, 5, 7, False),
    ("producer", "label", 10, 197, 200, 4, 7, False),
    ("disclaimer", "label", 10, 202, 200, 7, 6, False),
    ("map_id", "label", 215, 192, 72, 4, 7, False),
    ("created", "label", 215, 196, 72, 4, 7, False),
    ("projection", "label", 215, 200, 72, 4, 7, False),
]
A4_PORTRAIT = [
    ("cluster_icon", "picture", 10, 6, 14, 14, 0, False),
    ("title", "label", 27, 5, 140, 10, 16, True),
    ("subtitle", "label", 27, 15, 170, 6, 9, False),
    ("as_of", "label", 150, 21, 50, 5, 9, True),
    ("logo_1", "picture", 149, 5, 24, 14, 0, False),
    ("logo_2", "picture", 176, 5, 24, 14, 0, False),
    ("main_map", "map", 10, 27, 190, 165, 0, False),
    ("north_arrow", "picture", 188, 30, 9, 13, 0, False),
    ("scalebar", "scalebar", 13, 180, 60, 10, 7, False),
    ("locator_map", "map", 10, 196, 60, 34, 0, False),
    ("note", "label", 10, 232, 60, 18, 6, False),
    ("legend", "legend", 74, 196, 62, 54, 7, False),
    ("unspecified", "label", 74, 251, 126, 5, 6, False),
    ("summary", "label", 140, 196, 60, 8, 7.5, True),
    ("chart_admin1", "area", 140, 205, 60, 31, 6, False),
    ("chart_types", "area", 140, 237, 60, 13, 6, False),
    ("sources", "label", 10, 262, 190, 5, 7, False),
    ("producer", "label", 10, 267, 190, 4, 7, False),
    ("map_id", "label", 10, 271, 60, 4, 7, False),
    ("created", "label", 74, 271, 60, 4, 7, False),
    ("projection", "label", 140, 271, 60, 4, 7, False),
    ("disclaimer", "label", 10, 277, 190, 8, 6, False),
]
PAPERS = {
    "a4_landscape": ((297, 210), A4_LANDSCAPE, 1.0),
    "a4_portrait": ((210, 297), A4_PORTRAIT, 1.0),
    "a3_landscape": ((420, 297), A4_LANDSCAPE, 297 / 210),
}
PLACEHOLDERS = {
    "title": "Cluster: operational presence", "subtitle": "Cluster | Admin level | Period",
    "as_of": "As of date", "summary": "Partners, activities", "note": "What blank areas mean",
    "unspecified": "", "sources": "Sources:", "producer": "Produced by:",
    "disclaimer": "The boundaries and names shown and the designations used on this map do "
                  "not imply official endorsement or acceptance by the United Nations.",
    "map_id": "Map ID:", "created": "Creation date:", "projection": "Projection:",
}


def start_qgis():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", tempfile.mkdtemp(prefix="coordmap-tpl-"))
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    return app


def build_layout(paper):
    from qgis.core import QgsLayoutSize, QgsPrintLayout, QgsProject, QgsUnitTypes

    (width, height), items, scale = PAPERS[paper]
    layout = QgsPrintLayout(QgsProject.instance())
    layout.initializeDefaults()
    layout.setName(f"CoordMap {paper.replace('_', ' ')}")
    page = layout.pageCollection().page(0)
    page.setPageSize(QgsLayoutSize(width, height, QgsUnitTypes.LayoutUnit.LayoutMillimeters))
    for item_id, kind, x, y, w, h, size, bold in items:
        add_item(layout, item_id, kind, (x * scale, y * scale, w * scale, h * scale),
                 size * scale, bold)
    return layout


def add_item(layout, item_id, kind, rect, size, bold):
    from qgis.core import (
        QgsFillSymbol,
        QgsLayoutItemLabel,
        QgsLayoutItemLegend,
        QgsLayoutItemMap,
        QgsLayoutItemPicture,
        QgsLayoutItemScaleBar,
        QgsLayoutItemShape,
        QgsLayoutPoint,
        QgsLayoutSize,
        QgsLegendStyle,
        QgsRectangle,
        QgsTextFormat,
    )
    from qgis.PyQt.QtCore import Qt
    from qgis.PyQt.QtGui import QColor, QFont

    x, y, w, h = rect
    if kind == "label":
        item = QgsLayoutItemLabel(layout)
        item.setText(PLACEHOLDERS.get(item_id, ""))
        font = QFont(FONT)
        font.setPointSizeF(size)
        font.setBold(bold)
        item.setFont(font)
        item.setFontColor(QColor(INK if bold or item_id == "title" else GREY))
        item.setMarginX(0)
        item.setMarginY(0)
        item.setHAlign(Qt.AlignmentFlag.AlignRight if item_id == "as_of"
                       else Qt.AlignmentFlag.AlignLeft)
    elif kind == "map":
        item = QgsLayoutItemMap(layout)
        item.setKeepLayerSet(True)
        item.setFrameEnabled(True)
        item.setFrameStrokeColor(QColor("#8c8c8c"))
    elif kind == "legend":
        item = QgsLayoutItemLegend(layout)
        item.setTitle("Partners per unit")
        item.setAutoUpdateModel(False)
        item.setResizeToContents(False)
        item.setSymbolWidth(5.5)
        item.setSymbolHeight(3.0)
        # compact: fitted classes, no data, zero, gaps and overlaps fit the side panel
        item.rstyle(QgsLegendStyle.Style.Symbol).setMargin(QgsLegendStyle.Side.Top, 1.2)
        item.rstyle(QgsLegendStyle.Style.Title).setMargin(QgsLegendStyle.Side.Bottom, 1.5)
        for style, points, bold in ((QgsLegendStyle.Style.Title, size + 2, True),
                                    (QgsLegendStyle.Style.SymbolLabel, size, False)):
            font = QFont(FONT)
            font.setPointSizeF(points)
            font.setBold(bold)
            item.rstyle(style).setFont(font)
    elif kind == "area":
        # An invisible rectangle: where the export draws a chart (bars and labels,
        # layouts.py); move or resize it in the layout designer. Its font size is the chart's.
        item = QgsLayoutItemShape(layout)
        item.setShapeType(QgsLayoutItemShape.Shape.Rectangle)
        item.setSymbol(QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_style": "no"}))
        item.setCustomProperty("coordmap_font_size", size)
    elif kind == "scalebar":
        item = QgsLayoutItemScaleBar(layout)
        item.setStyle("Single Box")
        item.setNumberOfSegments(2)
        item.setNumberOfSegmentsLeft(0)
        item.setUnitLabel("km")
        item.setBackgroundEnabled(True)
        item.setBackgroundColor(QColor(255, 255, 255, 200))
        font = QFont(FONT)
        font.setPointSizeF(size)
        text_format = QgsTextFormat()
        text_format.setFont(font)
        text_format.setSize(size)
        item.setTextFormat(text_format)
    else:
        item = QgsLayoutItemPicture(layout)
        item.setResizeMode(QgsLayoutItemPicture.ResizeMode.Zoom)
    item.setId(item_id)
    layout.addLayoutItem(item)
    item.attemptMove(QgsLayoutPoint(x, y))
    item.attemptResize(QgsLayoutSize(w, h))
    if kind == "map":  # any valid extent of the item's shape: the export replaces it
        item.setExtent(QgsRectangle(0, 0, w, h))
    return item


def write_templates():
    from qgis.core import QgsReadWriteContext

    for paper in PAPERS:
        layout = build_layout(paper)
        path = TEMPLATES / f"{paper}.qpt"
        assert layout.saveAsTemplate(str(path), QgsReadWriteContext()), path
        print(path)


def write_styles():
    """Layer styles: partners per unit, gap status, overlaps, coverage, need-without-partner."""
    from qgis.core import (
        QgsCategorizedSymbolRenderer,
        QgsFillSymbol,
        QgsGraduatedSymbolRenderer,
        QgsLinePatternFillSymbolLayer,
        QgsLineSymbol,
        QgsRendererCategory,
        QgsRendererRange,
        QgsRuleBasedRenderer,
        QgsVectorLayer,
    )

    def fill(colour, outline="#ffffff", width=0.15, hatch=None):
        symbol = QgsFillSymbol.createSimple({"color": colour, "outline_color": outline,
                                             "outline_width": str(width)})
        if hatch:
            pattern = QgsLinePatternFillSymbolLayer()
            pattern.setLineAngle(45)
            pattern.setDistance(1.6)
            pattern.setSubSymbol(QgsLineSymbol.createSimple({"color": hatch,
                                                             "width": "0.2"}))
            symbol.appendSymbolLayer(pattern)
        return symbol

    def save(renderer, geometry_fields, name):
        layer = QgsVectorLayer(f"MultiPolygon?crs=EPSG:4326&{geometry_fields}", name, "memory")
        layer.setRenderer(renderer)
        path = STYLES / f"{name}.qml"
        message, ok = layer.saveNamedStyle(str(path))
        assert ok, message
        print(path)

    # Partners per unit. The export and the panel (map_layers.presence_renderer) copy the rule
    # "class" once per class fitted to the data and recolour the classes per cluster: keep
    # the rule keys.
    root = QgsRuleBasedRenderer.Rule(None)
    # A protected feature (data protection) has a blank count when it is below k: "small",
    # not "no data"; kept on maps with protected counts only.
    hidden = 'coalesce("protected", 0)'
    classes = [
        ("no_data", f'"partners" IS NULL AND NOT {hidden}', "No data",
         fill("#d9d9d9", "#ffffff", 0.15, "#9e9e9e")),
        ("zero", '"partners" = 0', "0", fill("#ffffff", "#bdbdbd")),
        ("small", f'"partners" IS NULL AND {hidden}', "Fewer than k (protected data)",
         fill("#6baed6")),
        ("class", '"partners" >= 1', "1+", fill("#4292c6")),
    ]
    for key, expression, label, symbol in classes:
        rule = QgsRuleBasedRenderer.Rule(symbol, 0, 0, expression, label)
        rule.setRuleKey(key)
        root.appendChild(rule)
    save(QgsRuleBasedRenderer(root), "field=partners:integer&field=protected:integer",
         "partners_per_unit")

    statuses = [("no_partner_with_need", "Need reported, no partner", "#d7301f"),
                ("underserved", "Underserved", "#fc8d59"),
                ("covered", "Covered", "#91cf60"),
                ("no_need_reported", "No need reported", "#f0f0f0"),
                ("no_report", "No data (no report)", "#d9d9d9")]
    categories = [QgsRendererCategory(value, fill(colour, "#ffffff", 0.15,
                                                  "#9e9e9e" if value == "no_report" else None),
                                      label) for value, label, colour in statuses]
    save(QgsCategorizedSymbolRenderer("gap_status", categories), "field=gap_status:string",
         "gap_status")

    bands = [(0, 0.25, "< 25 %", "#fee5d9"), (0.25, 0.5, "25 - 50 %", "#fcae91"),
             (0.5, 0.75, "50 - 75 %", "#fb6a4a"), (0.75, 1e9, "75 % +", "#a50f15")]
    ranges = [QgsRendererRange(low, high, fill(colour), label)
              for low, high, label, colour in bands]
    save(QgsGraduatedSymbolRenderer("coverage", ranges), "field=coverage:double", "coverage")

    # Sparse, thin hatching and a dark outline: the partner class below stays readable.
    overlap = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#4a1486",
                                          "outline_width": "0.4"})
    pattern = QgsLinePatternFillSymbolLayer()
    pattern.setLineAngle(135)
    pattern.setDistance(2.2)
    pattern.setSubSymbol(QgsLineSymbol.createSimple({"color": "74,20,134,200",
                                                     "width": "0.18"}))
    overlap.appendSymbolLayer(pattern)
    overlaps = QgsRuleBasedRenderer.Rule(None)
    rule = QgsRuleBasedRenderer.Rule(overlap, 0, 0, '"overlaps" > 0',
                                     "Overlapping activities")
    rule.setRuleKey("overlaps")
    overlaps.appendChild(rule)
    save(QgsRuleBasedRenderer(overlaps), "field=overlaps:integer", "overlaps")

    need = QgsRuleBasedRenderer.Rule(None)
    outline = QgsFillSymbol.createSimple({"color": "0,0,0,0", "outline_color": "#d7301f",
                                          "outline_width": "0.7"})
    rule = QgsRuleBasedRenderer.Rule(outline, 0, 0, "\"gap_status\" = 'no_partner_with_need'",
                                     "Need reported, no partner")
    rule.setRuleKey("gap_no_partner")
    need.appendChild(rule)
    save(QgsRuleBasedRenderer(need), "field=gap_status:string", "need_without_partner")

    locator = fill("#e8e8e8", "#ffffff", 0.1)
    save(QgsRuleBasedRenderer(locator), "field=name:string", "locator")


if __name__ == "__main__":
    app = start_qgis()
    TEMPLATES.mkdir(parents=True, exist_ok=True)
    STYLES.mkdir(parents=True, exist_ok=True)
    write_templates()
    write_styles()
    app.exitQgis()
    sys.exit(0)
