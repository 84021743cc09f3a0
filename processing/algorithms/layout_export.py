"""Writing a filled layout: PDF painted on a QPdfWriter and georeferenced with GDAL, PNG, SVG,
and the multi-page PDF of a pack. QGIS's own PDF export makes a QPrinter, which asks the print
service (CUPS, possibly on another machine) for its printers: it is not used."""
from pathlib import Path

from qgis.core import (
    Qgis,
    QgsCoordinateReferenceSystem,
    QgsLayoutExporter,
    QgsLayoutRenderContext,
)
from qgis.PyQt.QtCore import QCoreApplication, QMarginsF, QSizeF
from qgis.PyQt.QtGui import QPageSize, QPainter, QPdfWriter

from ..analysis.translation import QT_TRANSLATE_NOOP
from .map_layers import PDF_DPI

IMAGE_DPI = 150


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
