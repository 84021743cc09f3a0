"""coordmap:join_4w — read a 4W table and join it to admin boundaries by P-code."""
import os

import shapely
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterField,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMapLayer,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication

from ..analysis.boundaries import AdminUnits
from ..analysis.boundary_fields import choose_layer, detect_admin_fields
from ..analysis.clusters import ClusterVocabulary
from ..analysis.errors import InputError
from ..analysis.headers import mapping_from_text, mapping_profile_to_json, parse_table
from ..analysis.join import PERIOD_MODES, JoinOptions, join_4w
from ..analysis.matching import Crosswalk, write_suggestions_csv
from ..analysis.organisations import read_organisation_list, write_organisation_list
from ..analysis.progress import SILENT, Cancelled, Progress
from ..analysis.reasons import translate_column
from ..analysis.report import NEUTRALISED_NOTE, neutralised_frame, write_report
from ..analysis.table import read_table, table_from_records
from ..analysis.translation import translated
from . import qgis_io
from .base import (
    ADMIN_LEVEL_NAMES,
    CoordMapAlgorithm,
    input_error,
    mark_advanced,
    named_enum,
    ui_language,
    with_enum_indexes,
)
from .destinations import (
    StagedOutputs,
    cancelled,
    feature_sink,
    refuse_unsafe_destinations,
)


class Join4WAlgorithm(CoordMapAlgorithm):
    INPUT = "INPUT"
    SHEET = "SHEET"
    ADMIN = "ADMIN"
    ADMIN_PCODE_FIELD = "ADMIN_PCODE_FIELD"
    ADMIN_NAME_FIELD = "ADMIN_NAME_FIELD"
    ADMIN_PARENTS = "ADMIN_PARENTS"
    ADMIN_LEVEL = "ADMIN_LEVEL"
    MAPPING = "MAPPING"
    CROSSWALK = "CROSSWALK"
    ORGANISATIONS = "ORGANISATIONS"
    PERIOD = "PERIOD"
    DEFAULT_YEAR = "DEFAULT_YEAR"
    CLUSTER_VOCABULARY = "CLUSTER_VOCABULARY"
    COUNT_ALL_ORGANISATIONS = "COUNT_ALL_ORGANISATIONS"
    OUTPUT = "OUTPUT"
    OUTPUT_ROWS = "OUTPUT_ROWS"
    OUTPUT_REPORT = "OUTPUT_REPORT"
    OUTPUT_MAPPING = "OUTPUT_MAPPING"
    OUTPUT_CROSSWALK = "OUTPUT_CROSSWALK"
    OUTPUT_ORGANISATIONS = "OUTPUT_ORGANISATIONS"

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
            self.SHEET,
            self.tr("Sheet (name or number; default: the sheet that looks most like a 4W)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr("Admin boundaries (COD-AB polygons)"),
            types=[QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_PCODE_FIELD,
            self.tr("P-code field of the boundaries (default: found from names and values)"),
            parentLayerParameterName=self.ADMIN, optional=True))
        self.addParameter(QgsProcessingParameterField(
            self.ADMIN_NAME_FIELD, self.tr("Name field of the boundaries (default: found)"),
            parentLayerParameterName=self.ADMIN, optional=True))
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
        self.addParameter(QgsProcessingParameterFile(
            self.ORGANISATIONS,
            self.tr("Reviewed organisation list (CSV: spelling, partner)"),
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
        self.addParameter(feature_sink(
            self.OUTPUT, self.tr("Presence"), QgsProcessing.SourceType.TypeVectorPolygon))
        self.addParameter(feature_sink(
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
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT_ORGANISATIONS,
            self.tr("Organisation list to review (CSV: spelling, partner)"),
            "CSV (*.csv)", optional=True, createByDefault=False))
        # the dialog opens on what a first run needs: table, boundaries, level, period
        mark_advanced(self, (self.SHEET, self.ADMIN_PCODE_FIELD, self.ADMIN_NAME_FIELD,
                             self.ADMIN_PARENTS, self.MAPPING, self.CROSSWALK,
                             self.ORGANISATIONS, self.CLUSTER_VOCABULARY,
                             self.COUNT_ALL_ORGANISATIONS))

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
                units, crs = self._read_boundaries(parameters, context, feedback, table,
                                                   progress.within(18, 20))
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
        if result.presence.empty:
            feedback.reportError(self.tr(
                "No row could be placed on a unit of the boundaries: the presence layer is "
                "empty. The rows output and the QA report say why for each row (are the "
                "boundaries those of the table's country and P-code version?)"),
                fatalError=False)
        return staged.results

    # Reading ------------------------------------------------------------------------------

    def _read_table(self, parameters, context, feedback, progress):
        sheet = self.parameterAsString(parameters, self.SHEET, context).strip() or None
        raw = self._raw_table(parameters, context, sheet, progress.within(0, 12))
        table = parse_table(raw, self._mapping(parameters, context),
                            progress=progress.within(12, 18))
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

    def _read_boundaries(self, parameters, context, feedback, table, progress):
        parameters, note = self._admin_layer_chosen(parameters, context, table)
        source = self.parameterAsSource(parameters, self.ADMIN, context)
        if source is None:
            raise QgsProcessingException(self.tr("Admin boundaries: no such layer or file"))
        fields = {"pcode_field": self.parameterAsString(parameters, self.ADMIN_PCODE_FIELD,
                                                        context) or None,
                  "name_field": self.parameterAsString(parameters, self.ADMIN_NAME_FIELD,
                                                       context) or None}
        units, crs = self._units_of(source, source.sourceName(), feedback, fields=fields,
                                    progress=progress)
        if note:
            feedback.pushInfo(note)
            units.notes.insert(0, note)
        others = self.parameterAsLayerList(parameters, self.ADMIN_PARENTS, context)
        if not others:
            return units, crs
        return AdminUnits.merge(units, *(
            self._units_of(layer, layer.name(), feedback, crs)[0] for layer in others)), crs

    def _admin_layer_chosen(self, parameters, context, table):
        """``parameters`` with ADMIN naming one layer when it is a file of several boundary
        layers given without a layer name (a GeoPackage of admin 1, 2 and 3): the one whose
        P-codes the table uses (see ``choose_layer``); and the note saying so."""
        value = parameters.get(self.ADMIN)
        if not isinstance(value, str) or "|" in value or not os.path.isfile(value):
            return parameters, None
        # The layer Processing opened knows how many the file has: a file of one is not
        # opened again (OGR parses a GeoJSON whole: seconds for a detailed one).
        opened = self.parameterAsVectorLayer(parameters, self.ADMIN, context)
        if opened is not None and opened.dataProvider().subLayerCount() < 2:
            return parameters, None
        layers = _boundary_layers(value)
        if len(layers) < 2:
            return parameters, None
        codes = [code for role, column in table.roles.items() if role.endswith("_code")
                 for code in table.coded(column).used().values]
        name, note = choose_layer(layers, codes, os.path.basename(value))
        return {**parameters, self.ADMIN: f"{value}|layername={name}"}, note

    def _units_of(self, source, name, feedback, target_crs=None, fields=None,
                  progress=SILENT):
        """AdminUnits of one boundary source (reprojected to ``target_crs`` when given;
        ``fields``: its P-code and name fields, when the user names them; ``progress``: of
        reading and dissolving it, seconds for a detailed file)."""
        records, geometries = qgis_io.admin_features(source, feedback, target_crs,
                                                     progress.within(0, 50))
        present = [g for g in geometries if g is not None]
        if not present:
            raise QgsProcessingException(
                self.tr("{name}: the boundary layer has no polygons").format(name=name))
        crs, note = qgis_io.admin_crs(source, tuple(shapely.total_bounds(present)), name)
        if note:
            feedback.pushWarning(note)
        try:
            units = AdminUnits.from_features(records, geometries, **(fields or {}),
                                             progress=progress.within(50, 100))
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
                parameters, self.COUNT_ALL_ORGANISATIONS, context),
            organisations=self._organisations(parameters, context))

    def _organisations(self, parameters, context):
        path = self.parameterAsFile(parameters, self.ORGANISATIONS, context)
        return read_organisation_list(path) if path else None

    def _crosswalk(self, parameters, context):
        path = self.parameterAsFile(parameters, self.CROSSWALK, context)
        return Crosswalk.read_csv(path) if path else None

    def _clusters(self, parameters, context):
        path = self.parameterAsFile(parameters, self.CLUSTER_VOCABULARY, context)
        return ClusterVocabulary.load(path or None, language=ui_language())

    # Writing ------------------------------------------------------------------------------

    def _write_layers(self, staged, feedback, result, presence, units, crs):
        progress = Progress(feedback.setProgress, feedback.isCanceled)
        shapes = units.polygons(presence["pcode"])

        def safe(frame, output_id):
            return self._safe_for_spreadsheets(frame, output_id, result)

        reasons = {}  # (translated once, not once per slice of the rows output)

        def safe_rows(frame, output_id):
            return safe(translate_column(frame, "reason", QCoreApplication.translate, reasons),
                        output_id)

        qgis_io.write_output(staged, self.OUTPUT, presence, crs, units=shapes, prepare=safe,
                             progress=progress.within(90, 93))
        qgis_io.write_output(staged, self.OUTPUT_ROWS, result.rows_output, prepare=safe_rows,
                             progress=progress.within(93, 99), notice=self.tr(
                                 "For the IM officer, not for publication: every row with its "
                                 "partner, sensitive clusters (GBV, child protection) included"))

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
        staged.write_file(self.OUTPUT_ORGANISATIONS,
                          lambda path: write_organisation_list(path, result.organisations))

    @staticmethod
    def _translated(text):
        return translated(text, "JoinSummary", QCoreApplication.translate)

    def createInstance(self):
        return Join4WAlgorithm()


ALGORITHM = Join4WAlgorithm


def _boundary_layers(path):
    """The polygon layers of a file (name -> the P-codes of the deepest admin level its
    fields name); none for a file of one layer."""
    from osgeo import ogr

    source = ogr.Open(path)
    if source is None or source.GetLayerCount() < 2:
        return {}
    layers = {}
    for layer in source:
        kind = ogr.GeometryTypeToName(layer.GetGeomType()).upper()
        if "POLYGON" not in kind and "SURFACE" not in kind:
            continue
        fields = detect_admin_fields(d.GetName() for d in layer.schema)
        field = fields[max(fields)].pcode_field if fields else None
        layers[layer.GetName()] = [feature.GetField(field) for feature in layer] if field else []
    return layers
