"""coordmap:join_4w — read a 4W table and join it to admin boundaries by P-code."""
import os

import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSink,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
    QgsWkbTypes,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..analysis.boundaries import AdminUnits
from ..analysis.clusters import ClusterVocabulary
from ..analysis.errors import InputError
from ..analysis.headers import mapping_from_text, mapping_profile_to_json, parse_table
from ..analysis.join import PERIOD_MODES, JoinOptions, join_4w
from ..analysis.matching import Crosswalk, write_suggestions_csv
from ..analysis.progress import Cancelled, Progress
from ..analysis.reasons import translate_column
from ..analysis.report import NEUTRALISED_NOTE, neutralised_frame, write_report
from ..analysis.table import read_table, table_from_records
from ..analysis.translation import translated
from . import qgis_io
from .base import (
    ADMIN_LEVEL_NAMES,
    CoordMapAlgorithm,
    input_error,
    named_enum,
    ui_language,
    with_enum_indexes,
)
from .destinations import StagedOutputs, cancelled, refuse_unsafe_destinations


class Join4WAlgorithm(CoordMapAlgorithm):
    INPUT = "INPUT"
    SHEET = "SHEET"
    ADMIN = "ADMIN"
    ADMIN_PARENTS = "ADMIN_PARENTS"
    ADMIN_LEVEL = "ADMIN_LEVEL"
    MAPPING = "MAPPING"
    CROSSWALK = "CROSSWALK"
    PERIOD = "PERIOD"
    DEFAULT_YEAR = "DEFAULT_YEAR"
    CLUSTER_VOCABULARY = "CLUSTER_VOCABULARY"
    COUNT_ALL_ORGANISATIONS = "COUNT_ALL_ORGANISATIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_ROWS = "OUTPUT_ROWS"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    OUTPUT_MAPPING = "OUTPUT_MAPPING"
    OUTPUT_CROSSWALK = "OUTPUT_CROSSWALK"

    def name(self):
        return "join_4w"

    def shortHelpString(self):
        return self.tr(
            "Reads a partners' 3W/4W/5W table (a loaded layer or a CSV, XLSX, XLS or ODS file), "
            "detects its header, HXL row and columns, normalises clusters and periods, and joins "
            "every row to the admin boundaries by P-code (then by name within the parent unit). "
            "No row is lost: every input row is in the rows output with its status "
            "(used, unmatched, rolled_up, skipped) and the reason, and the QA report lists what "
            "could not be matched with suggestions to send back to partners.\n\n"
            "Outputs: presence polygons (one feature per admin unit and cluster, and period when "
            "asked) with the number of distinct implementing partners; every input row with how "
            "it matched; the QA report; optionally the column mapping used (reuse it next round "
            "as Mapping) and a crosswalk of suggestions to review (reuse it as Crosswalk).\n\n"
            "Data protection (on by default): the presence of GBV and child protection (in any "
            "spelling or language, and of the other clusters you add) names no partner and "
            "gives no count below k: the partner list says fewer than k or 'hidden', smaller "
            "counts are blank and the 'protected' field is set. The rows output and the QA "
            "report keep every name: they are for you, not for publication, and say so in "
            "their first line."
        )

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterMapLayer(
            self.INPUT, self.tr("4W table (layer or CSV/XLSX/XLS/ODS file)"),
            types=[QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterString(
            self.SHEET, self.tr("Sheet (name or number; default: first sheet with data)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr("Admin boundaries (COD-AB polygons)"),
            types=[QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ADMIN_PARENTS,
            self.tr("Boundaries of other admin levels (when each level is a separate file)"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
        self.addParameter(named_enum(
            self.ADMIN_LEVEL, self.tr("Admin level of the presence output"),
            [self.tr("Automatic"), "1", "2", "3", "4"], ADMIN_LEVEL_NAMES))
        self.addParameter(QgsProcessingParameterString(
            self.MAPPING,
            self.tr("Column mapping (JSON profile file, or role=column pairs separated by ';')"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CROSSWALK, self.tr("Reviewed crosswalk (CSV: raw_value, level, parent, pcode)"),
            optional=True, fileFilter="CSV (*.csv)"))
        self.addParameter(named_enum(
            self.PERIOD, self.tr("Presence per period"),
            [self.tr("Whole table"), self.tr("Month"), self.tr("Quarter")], PERIOD_MODES))
        self.addParameter(QgsProcessingParameterNumber(
            self.DEFAULT_YEAR, self.tr("Year for rows with a month but no year"),
            type=QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1990,
            maxValue=2100))
        self.addParameter(QgsProcessingParameterFile(
            self.CLUSTER_VOCABULARY,
            self.tr("Extra cluster names (JSON, extends the built-in list)"),
            optional=True, fileFilter="JSON (*.json)"))
        self.addParameter(QgsProcessingParameterBoolean(
            self.COUNT_ALL_ORGANISATIONS,
            self.tr("Count programme/lead organisations and donors as partners too"),
            defaultValue=False))
        self.add_protection_parameters()
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT, self.tr("Presence"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(QgsProcessingParameterFeatureSink(
            self.OUTPUT_ROWS, self.tr("Rows with match status"),
            QgsProcessing.SourceType.TypeVector))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_REPORT, self.tr("QA report"), "XLSX (*.xlsx);;CSV (*.csv)",
            optional=True, createByDefault=True))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_MAPPING, self.tr("Column mapping profile used (JSON)"), "JSON (*.json)",
            optional=True, createByDefault=False))
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_CROSSWALK, self.tr("Crosswalk of suggestions to review (CSV)"),
            "CSV (*.csv)", optional=True, createByDefault=False))

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """A 4W *file* is judged by our reader, not by whether OGR can open it as a layer:
        partners' files are often ones OGR cannot read, and messages must name the file."""
        parameters = with_enum_indexes(self, parameters)
        located = qgis_io.file_behind(parameters.get(self.INPUT))
        if located is None:
            return super().checkParameterValues(parameters, context)
        path = located[0]
        if not os.path.isfile(path):
            return False, self.tr("4W table {path}: file not found").format(path=path)
        if os.path.getsize(path) == 0:
            return False, self.tr("4W table {name}: the file is empty").format(
                name=os.path.basename(path))
        for definition in self.parameterDefinitions():
            if definition.name() != self.INPUT and not definition.checkValueIsAcceptable(
                    parameters.get(definition.name()), context):
                return False, self.tr("Incorrect parameter value for {name}").format(
                    name=definition.name())
        return self.destinations_checked(parameters, context)

    def processAlgorithm(self, parameters, context, feedback):
        refuse_unsafe_destinations(self, parameters, context)
        progress = Progress(feedback.setProgress, feedback.isCanceled, feedback.pushInfo)
        with StagedOutputs(self, parameters, context) as staged:
            staged.prepare()  # an output folder that cannot be written fails now, not later
            try:
                table = self._read_table(parameters, context, feedback, progress)
                units, crs = self._read_boundaries(parameters, context, feedback)
                clusters = self._clusters(parameters, context)
                policy = self.protection_policy(parameters, context, clusters)
                result = join_4w(table, units, self._options(parameters, context),
                                 crosswalk=self._crosswalk(parameters, context),
                                 clusters=clusters, progress=progress.within(20, 90))
            except InputError as error:
                raise input_error(error) from error
            except Cancelled:
                raise cancelled() from None
            feedback.pushInfo(policy.describe())
            # Everything was read and checked: only now are outputs written, in a scratch
            # folder, and moved into place once all of them are.
            self._write_layers(staged, feedback, result, policy.protect_presence(
                result.presence), units, crs)
            self._write_files(staged, table, result)
            if feedback.isCanceled():
                raise cancelled()
            staged.commit()
        for key, value in result.summary.items():
            feedback.pushInfo(f"{self._translated(key)}: {value}")
        feedback.pushInfo(self._translated(result.log_line))
        return staged.results

    # Reading ------------------------------------------------------------------------------

    def _read_table(self, parameters, context, feedback, progress):
        sheet = self.parameterAsString(parameters, self.SHEET, context).strip() or None
        sheet = int(sheet) - 1 if sheet and sheet.isdigit() else sheet
        raw = self._raw_table(parameters, context, sheet, progress.within(0, 12))
        table = parse_table(raw, self._mapping(parameters, context),
                            progress=progress.within(12, 20))
        feedback.pushInfo(self.tr("Read {where}: {rows} data rows, header on row(s) {header}")
                          .format(where=table.where, rows=table.height,
                                  header=", ".join(map(str, table.header_rows))))
        for role, column in table.roles.items():
            feedback.pushInfo(f"  {role} <- {column} ({table.role_sources.get(role, '')})")
        return table

    def _raw_table(self, parameters, context, sheet, progress):
        located, layer = qgis_io.table_parameter(
            self, parameters, self.INPUT, context,
            self.tr("4W table {value!r}: no such file or layer").format(
                value=parameters.get(self.INPUT)))
        if layer is not None:
            names, records = qgis_io.layer_records(layer)
            return table_from_records(layer.name(), names, records)
        path, layer_sheet = located
        return read_table(path, sheet if sheet is not None else layer_sheet, progress)

    def _mapping(self, parameters, context):
        return mapping_from_text(self.parameterAsString(parameters, self.MAPPING, context))

    def _read_boundaries(self, parameters, context, feedback):
        source = self.parameterAsSource(parameters, self.ADMIN, context)
        if source is None:
            raise QgsProcessingException(self.tr("Admin boundaries: no such layer or file"))
        units, crs = self._units_of(source, source.sourceName(), feedback)
        others = self.parameterAsLayerList(parameters, self.ADMIN_PARENTS, context)
        if not others:
            return units, crs
        return AdminUnits.merge(units, *(
            self._units_of(layer, layer.name(), feedback, crs)[0] for layer in others)), crs

    def _units_of(self, source, name, feedback, target_crs=None):
        """AdminUnits of one boundary source (reprojected to ``target_crs`` when given)."""
        records, geometries = qgis_io.admin_features(source, feedback, target_crs)
        present = [g for g in geometries if g is not None]
        if not present:
            raise QgsProcessingException(
                self.tr("{name}: the boundary layer has no polygons").format(name=name))
        crs, note = qgis_io.admin_crs(source, tuple(shapely.total_bounds(present)), name)
        if note:
            feedback.pushWarning(note)
        try:
            units = AdminUnits.from_features(records, geometries)
        except InputError as error:  # the message must say which layer
            raise error.within(name) from error
        if note:
            units.notes.append(note)
        return units, crs

    def _options(self, parameters, context):
        level_index = self.parameterAsEnum(parameters, self.ADMIN_LEVEL, context)
        year = parameters.get(self.DEFAULT_YEAR)
        return JoinOptions(
            admin_level=level_index or None,
            period=PERIOD_MODES[self.parameterAsEnum(parameters, self.PERIOD, context)],
            default_year=None if year in (None, "") else
            self.parameterAsInt(parameters, self.DEFAULT_YEAR, context),
            count_all_organisations=self.parameterAsBoolean(
                parameters, self.COUNT_ALL_ORGANISATIONS, context))

    def _crosswalk(self, parameters, context):
        path = self.parameterAsFile(parameters, self.CROSSWALK, context)
        return Crosswalk.read_csv(path) if path else None

    def _clusters(self, parameters, context):
        path = self.parameterAsFile(parameters, self.CLUSTER_VOCABULARY, context)
        return ClusterVocabulary.load(path or None, language=ui_language())

    # Writing ------------------------------------------------------------------------------

    def _write_layers(self, staged, feedback, result, presence, units, crs):
        geometries = [units.geometry(pcode) for pcode in presence["pcode"]]
        self._write_layer(staged, self.OUTPUT, presence, QgsWkbTypes.Type.MultiPolygon, crs,
                          feedback, (90, 93), geometries, result)
        rows = translate_column(result.rows, "reason", QCoreApplication.translate)
        self._write_layer(staged, self.OUTPUT_ROWS, rows, QgsWkbTypes.Type.NoGeometry, None,
                          feedback, (93, 99), None, result, notice=self.tr(
                              "For the IM officer, not for publication: every row with its "
                              "partner, sensitive clusters (GBV, child protection) included"))

    def _write_layer(self, staged, key, frame, kind, crs, feedback, span, geometries, result,
                     notice=None):
        """One layer; ``notice``: the text of a first feature (status 'notice') saying what
        the layer is for."""
        fields = qgis_io.qgs_fields(frame)

        def write(sink, output_id):
            safe = self._safe_for_spreadsheets(frame, output_id, result)
            if notice is not None:
                qgis_io.write_frame(sink, fields, qgis_io.notice_frame(fields, notice))
            return qgis_io.write_frame(sink, fields, safe, geometries, feedback, span)

        staged.write_layer(key, fields, kind, crs, write)

    @staticmethod
    def _safe_for_spreadsheets(frame, destination, result):
        """Formula-like text neutralised when the sink is a CSV/XLSX/ODS file; the QA report's
        summary (written next) says how many cells were."""
        if not qgis_io.opens_in_spreadsheets(destination):
            return frame
        frame, changed = neutralised_frame(frame)
        note = NEUTRALISED_NOTE
        result.summary[note] = int(result.summary.get(note, 0)) + changed
        return frame

    def _write_files(self, staged, table, result):
        staged.write_file(self.OUTPUT_REPORT, lambda path: write_report(
            path, result.summary, translate_column(result.issues, "reason",
                                                   QCoreApplication.translate), result.mapping,
            translate=QCoreApplication.translate))
        staged.write_file(self.OUTPUT_MAPPING, lambda path: path.write_text(
            mapping_profile_to_json(table), encoding="utf-8"))
        staged.write_file(self.OUTPUT_CROSSWALK,
                          lambda path: write_suggestions_csv(path, result.matches))

    @staticmethod
    def _translated(text):
        return translated(text, "JoinSummary", QCoreApplication.translate)

    def createInstance(self):
        return Join4WAlgorithm()


ALGORITHM = Join4WAlgorithm
