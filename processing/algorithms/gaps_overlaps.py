"""coordmap:gaps_overlaps — gaps, overlaps and changes per unit x cluster x period."""
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)

from ..analysis.boundaries import AdminUnits
from ..analysis.clusters import ClusterVocabulary
from ..analysis.errors import InputError
from ..analysis.gaps import (
    GapOptions,
    analysis_level,
    analysis_units,
    gaps_overlaps,
    parse_bands,
    presence_frame,
    rows_frame,
)
from ..analysis.needs import needs_at_level, needs_from_records, read_needs
from ..analysis.params import separated_values
from ..analysis.progress import Cancelled, Progress
from ..analysis.report import neutralised_frame
from . import qgis_io
from .base import (
    ADMIN_LEVEL_NAMES,
    CoordMapAlgorithm,
    input_error,
    mark_advanced,
    named_enum,
    with_decimals,
)
from .destinations import (
    StagedOutputs,
    cancelled,
    feature_sink,
    refuse_unsafe_destinations,
)


class GapsOverlapsAlgorithm(CoordMapAlgorithm):
    PRESENCE = "PRESENCE"
    ROWS = "ROWS"
    NEEDS = "NEEDS"
    ADMIN = "ADMIN"
    CLUSTERS = "CLUSTERS"
    PERIODS = "PERIODS"
    ADMIN_LEVEL = "ADMIN_LEVEL"
    MIN_PARTNERS = "MIN_PARTNERS"
    PARTNERS_PER_10K = "PARTNERS_PER_10K"
    COVERAGE_BANDS = "COVERAGE_BANDS"
    OUTPUT_GAPS = "OUTPUT_GAPS"
    OUTPUT_OVERLAPS = "OUTPUT_OVERLAPS"
    OUTPUT_OVERLAP_UNITS = "OUTPUT_OVERLAP_UNITS"
    OUTPUT_CHANGES = "OUTPUT_CHANGES"

    def name(self):
        return "gaps_overlaps"

    def shortHelpString(self):
        return self.tr(
            "Answers the coordination meeting's three questions from the outputs of 'Join 4W "
            "table to admin boundaries' (run it with presence per month to see changes and "
            "units that did not report) and an optional needs table.\n\n"
            "Needs: a table or file of people in need (PiN), targets and/or severity by P-code "
            "and cluster, long (one row per unit and sector, e.g. HXL #inneed, #targeted, "
            "#severity, #sector) or wide (one column per cluster, one sheet per measure named "
            "e.g. 'PiN' or 'Severity'; every sheet of a workbook is read). Breakdown rows "
            "(sex, age, population group) are reduced to the unit's total. Needs of deeper "
            "units are rolled up (PiN and targets summed over sub-units, severity = highest); "
            "needs of coarser units are rolled down (severity only: a PiN cannot be divided). "
            "Needs apply to every period.\n\n"
            "Gap status per unit, cluster and period (need = PiN > 0 or severity >= 3):\n"
            "- no_report: no partner reported this period but some did in an earlier period "
            "(a blank is not read as 'no partner');\n"
            "- no_partner_with_need: need and no partner;\n"
            "- underserved: need and fewer partners than the minimum, or fewer partners per "
            "10,000 people in need than the threshold (0 = not used), or coverage below the "
            "first coverage band;\n"
            "- covered: partners present and none of the above;\n"
            "- no_need_reported: no partner and no need reported.\n"
            "gap_rank (1 = highest priority) orders the gaps of each cluster and period: units "
            "with no partner first, then underserved ones; within each, higher severity first, "
            "then larger PiN.\n\n"
            "Beneficiaries are never added across clusters nor counted twice: 'reached' is "
            "the sum over partners (may count people twice), 'reached_max' the largest single "
            "partner figure; coverage = reached_max / PiN, the figure the maps use.\n\n"
            "Overlaps: two or more distinct partners on the same unit, cluster, activity "
            "(and modality and target group when given) and period whose dates overlap; a row "
            "without dates spans its period; cancelled or suspended rows are left out. "
            "Changes compare each period with the previous one: coverage gained or lost, "
            "partners started or stopped.\n\n"
            "Admin boundaries: without them only units in the presence layer (units with "
            "partners) and their needs can be mapped; give the boundaries so units with needs "
            "and no partner get their polygon.\n\n"
            "Data protection (on by default): for the sensitive clusters (GBV and child "
            "protection in any spelling or language, and the clusters you add) every output "
            "hides partner names and blanks counts below k, writing the less-than sign followed "
            "by k in the partner list; the 'protected' field marks those features. A count the "
            "presence hid counts as one partner for the gap rules, so no status tells a hidden "
            "count."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.PRESENCE, self.tr("Presence (output of the join)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROWS, self.tr("Rows with match status (output of the join)"),
            [QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterMapLayer(
            self.NEEDS, self.tr("Needs: PiN, targets, severity (layer or CSV/XLSX/ODS file)"),
            types=[QgsProcessing.SourceType.TypeVector], optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr("Admin boundaries (to map units with needs and no partner)"),
            [QgsProcessing.SourceType.TypeVectorPolygon], optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.CLUSTERS, self.tr("Clusters (codes separated by commas; default: all)"),
            optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.PERIODS, self.tr("Periods (e.g. 2025-01,2025-02; default: all)"),
            optional=True))
        self.addParameter(named_enum(
            self.ADMIN_LEVEL, self.tr("Admin level"),
            [self.tr("Automatic (the presence level)"), "1", "2", "3", "4"], ADMIN_LEVEL_NAMES))
        self.addParameter(QgsProcessingParameterNumber(
            self.MIN_PARTNERS, self.tr("Minimum partners per unit"),
            type=QgsProcessingParameterNumber.Type.Integer, defaultValue=1, minValue=1))
        self.addParameter(QgsProcessingParameterNumber(
            self.PARTNERS_PER_10K,
            self.tr("Partners per 10,000 people in need below which a unit is underserved "
                    "(0: not used)"),
            type=QgsProcessingParameterNumber.Type.Double, defaultValue=0.0, minValue=0.0))
        self.addParameter(QgsProcessingParameterString(
            self.COVERAGE_BANDS,
            self.tr("Coverage bands, reached/PiN (below the first: underserved)"),
            defaultValue="0.25,0.5,0.75", optional=True))
        self.add_protection_parameters()
        self.addParameter(feature_sink(
            self.OUTPUT_GAPS, self.tr("Gaps"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(feature_sink(
            self.OUTPUT_OVERLAPS, self.tr("Overlaps"), QgsProcessing.SourceType.TypeVector))
        self.addParameter(feature_sink(
            self.OUTPUT_OVERLAP_UNITS, self.tr("Units with overlaps"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True, createByDefault=True))
        self.addParameter(feature_sink(
            self.OUTPUT_CHANGES, self.tr("Changes since the previous period"),
            QgsProcessing.SourceType.TypeVector))
        with_decimals(self.parameterDefinition(self.PARTNERS_PER_10K), 2)
        mark_advanced(self, (self.PARTNERS_PER_10K, self.COVERAGE_BANDS))

    def processAlgorithm(self, parameters, context, feedback):
        refuse_unsafe_destinations(self, parameters, context)
        with StagedOutputs(self, parameters, context) as staged:
            staged.prepare()  # an output folder that cannot be written fails now, not later
            self._run(staged, parameters, context, feedback)
            if feedback.isCanceled():
                raise cancelled()
            staged.commit()
        return staged.results

    def _run(self, staged, parameters, context, feedback):
        progress = Progress(feedback.setProgress, feedback.isCanceled, feedback.pushInfo)
        try:
            presence, crs, shapes = self._presence(parameters, context)
            level = analysis_level(presence, self.parameterAsEnum(
                parameters, self.ADMIN_LEVEL, context) or None)
            units = self._boundaries(parameters, context, feedback, crs)
            names, parents = analysis_units(presence, units, level)
            needs, sources = self._needs(parameters, context, feedback, parents, level)
            rows = self._rows(parameters, context)
            result = gaps_overlaps(presence, rows, needs, names, self._options(
                parameters, context, level, feedback), ClusterVocabulary.load().codes, progress)
        except InputError as error:
            raise input_error(error) from error
        except Cancelled:
            raise cancelled() from None
        for note in result.notes:
            feedback.pushInfo(note)
        if sources:
            feedback.pushInfo(self.tr("Needs read from: {sources}").format(
                sources="; ".join(sources)))
        geometry = self._geometry_of(units, shapes)
        missing = sorted({p for p in result.gaps["pcode"] if geometry(p) is None})
        if missing:
            feedback.pushWarning(self.tr(
                "{count} units have no polygon (give the admin boundaries to map them); their "
                "features have no geometry: {codes}").format(
                    count=len(missing), codes=", ".join(missing[:20])))
        self._write(staged, feedback, result, crs, geometry)

    # Reading ------------------------------------------------------------------------------

    def _presence(self, parameters, context):
        source = self.parameterAsSource(parameters, self.PRESENCE, context)
        if source is None:
            raise QgsProcessingException(self.tr("Presence: no such layer or file"))
        records, geometries = qgis_io.admin_features(source)
        frame = presence_frame(records, source.sourceName())
        shapes = dict(zip(frame["pcode"], geometries))
        return frame, source.sourceCrs(), shapes

    def _rows(self, parameters, context):
        source = self.parameterAsSource(parameters, self.ROWS, context)
        if source is None:
            return None
        names, records = qgis_io.parameter_records(self, parameters, self.ROWS, context, source)
        return rows_frame(names, records, source.sourceName())

    def _boundaries(self, parameters, context, feedback, crs):
        source = self.parameterAsSource(parameters, self.ADMIN, context)
        if source is None:
            return None
        records, geometries = qgis_io.admin_features(source, feedback, crs)
        return AdminUnits.from_features(records, geometries)

    def _needs(self, parameters, context, feedback, parents, level):
        value = parameters.get(self.NEEDS)
        if value in (None, ""):
            feedback.pushInfo(self.tr("No needs table: gaps only say where partners are; every "
                                      "unit without partner is 'no_need_reported'"))
            return None, []
        located, layer = qgis_io.table_parameter(
            self, parameters, self.NEEDS, context,
            self.tr("Needs {value!r}: no such file or layer").format(value=value))
        if layer is not None:
            names, records = qgis_io.layer_records(layer)
            needs = needs_from_records(layer.name(), names, records)
        else:
            needs = read_needs(located[0])
        frame = needs_at_level(needs, parents, level)
        for note in needs.notes:
            feedback.pushInfo(note)
        return frame, needs.sources

    def _options(self, parameters, context, level, feedback):
        def codes(name):
            return separated_values(self.parameterAsString(parameters, name, context))
        protection = self.protection_policy(parameters, context)
        feedback.pushInfo(protection.describe())
        return GapOptions(
            clusters=codes(self.CLUSTERS) or None, periods=codes(self.PERIODS) or None,
            admin_level=level,
            min_partners=self.parameterAsInt(parameters, self.MIN_PARTNERS, context),
            partners_per_10k=self.parameterAsDouble(parameters, self.PARTNERS_PER_10K, context),
            coverage_bands=parse_bands(
                self.parameterAsString(parameters, self.COVERAGE_BANDS, context)),
            protection=protection)

    # Writing ------------------------------------------------------------------------------

    @staticmethod
    def _geometry_of(units, shapes):
        """P-code -> polygon: the boundaries', else the presence layer's."""
        polygons = dict(shapes)
        if units is not None:
            polygons.update(units.polygons(units.table["pcode"]))
        return polygons.get

    def _write(self, staged, feedback, result, crs, geometry):
        progress = Progress(feedback.setProgress, feedback.isCanceled)
        layers = (
            (self.OUTPUT_GAPS, result.gaps, True, (90, 94)),
            (self.OUTPUT_OVERLAPS, result.overlaps, False, (94, 96)),
            (self.OUTPUT_OVERLAP_UNITS, result.overlap_units, True, (96, 98)),
            (self.OUTPUT_CHANGES, result.changes, False, (98, 100)),
        )
        for key, frame, spatial, span in layers:
            units = {pcode: geometry(pcode) for pcode in dict.fromkeys(frame["pcode"])} \
                if spatial else None
            qgis_io.write_output(staged, key, frame, crs, units=units, prepare=_safe,
                                 progress=progress.within(*span))

    def createInstance(self):
        return GapsOverlapsAlgorithm()


def _safe(frame, destination):
    """Partners' texts neutralised where the output opens in a spreadsheet."""
    return neutralised_frame(frame)[0] if qgis_io.opens_in_spreadsheets(destination) else frame


ALGORITHM = GapsOverlapsAlgorithm
