"""coordmap:export_hapi_presence — the join's presence as HDX HAPI's operational presence."""
import pandas as pd
from qgis.core import (
    QgsProcessing,
    QgsProcessingException,
    QgsProcessingParameterFeatureSource,
    QgsProcessingParameterFile,
    QgsProcessingParameterFileDestination,
    QgsProcessingParameterMultipleLayers,
    QgsProcessingParameterString,
)

from ..analysis.boundaries import AdminUnits
from ..analysis.clusters import ClusterVocabulary
from ..analysis.errors import InputError
from ..analysis.hapi import LINE_COLUMNS, operational_presence, write_operational_presence
from . import qgis_io
from .base import CoordMapAlgorithm, input_error, ui_language
from .destinations import StagedOutputs, cancelled, refuse_unsafe_destinations


class ExportHapiPresenceAlgorithm(CoordMapAlgorithm):
    ROWS = "ROWS"
    ADMIN = "ADMIN"
    ADMIN_PARENTS = "ADMIN_PARENTS"
    COUNTRY = "COUNTRY"
    CLUSTER_VOCABULARY = "CLUSTER_VOCABULARY"
    OUTPUT = "OUTPUT"

    def name(self):
        return "export_hapi_presence"

    def shortHelpString(self):
        return self.tr(
            "Writes the presence of the join in the shape of HDX HAPI's operational presence "
            "table, so a cluster can compare its figures with HDX's and share them in HDX's "
            "format: one row per organisation, sector, admin unit and period, with the "
            "country, admin 1 and admin 2 codes and names, the admin level, the organisation's "
            "acronym, name and type, the sector code and name, and the reference period's "
            "start and end. The file (CSV or XLSX) has HXL hashtags under its header.\n\n"
            "Give the rows output of 'Join 4W table to admin boundaries' and the boundaries "
            "the join used (every level, for the admin 1 and admin 2 names). Rows located "
            "below admin 2 count in their admin 2 unit; rows located at admin 1 have no admin "
            "2. The reference period is the row's month, quarter or year (its own dates when "
            "it has no period).\n\n"
            "Sector codes are CoordMap's cluster codes, which are HDX's, except two: "
            "multipurpose cash (MPC) is written Cash, and coordination and common services "
            "(CSS) CCM, as HDX HAPI files them. Organisation types get HDX's type code where "
            "CoordMap recognises them (INGO 437, NNGO 441, UN 447 ...).\n\n"
            "Data protection (on by default): the presence of GBV and child protection (and of "
            "the clusters you add) names no organisation: one row per unit, sector and period "
            "with the organisation blank.")

    def initAlgorithm(self, config=None):
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ROWS, self.tr("Rows with match status (output of the join)"),
            [QgsProcessing.SourceType.TypeVector]))
        self.addParameter(QgsProcessingParameterFeatureSource(
            self.ADMIN, self.tr("Admin boundaries (COD-AB polygons, as given to the join)"),
            [QgsProcessing.SourceType.TypeVectorPolygon]))
        self.addParameter(QgsProcessingParameterMultipleLayers(
            self.ADMIN_PARENTS,
            self.tr("Boundaries of other admin levels (when each level is a separate file)"),
            QgsProcessing.SourceType.TypeVectorPolygon, optional=True))
        self.addParameter(QgsProcessingParameterString(
            self.COUNTRY,
            self.tr("Country ISO 3166 code (default: from the admin 1 P-codes)"),
            optional=True))
        self.addParameter(QgsProcessingParameterFile(
            self.CLUSTER_VOCABULARY,
            self.tr("Extra cluster names (JSON, as given to the join)"),
            optional=True, fileFilter="JSON (*.json)"))
        self.add_protection_parameters()
        self.addParameter(QgsProcessingParameterFileDestination(
            self.OUTPUT, self.tr("Operational presence (HDX HAPI)"),
            "CSV (*.csv);;XLSX (*.xlsx)"))

    def processAlgorithm(self, parameters, context, feedback):
        refuse_unsafe_destinations(self, parameters, context)
        with StagedOutputs(self, parameters, context) as staged:
            staged.prepare()
            try:
                clusters = ClusterVocabulary.load(self.parameterAsFile(
                    parameters, self.CLUSTER_VOCABULARY, context) or None, ui_language())
                policy = self.protection_policy(parameters, context, clusters)
                rows, source = self._rows(parameters, context)
                result = operational_presence(
                    rows, self._units(parameters, context, feedback), clusters, policy,
                    self.parameterAsString(parameters, self.COUNTRY, context), source)
            except InputError as error:
                raise input_error(error) from error
            feedback.pushInfo(policy.describe())
            for note in result.notes:
                feedback.pushInfo(note)
            staged.write_file(self.OUTPUT, lambda path: write_operational_presence(
                path, result.table))
            if feedback.isCanceled():
                raise cancelled()
            staged.commit()
        feedback.pushInfo(self.tr("{rows} rows of operational presence").format(
            rows=len(result.table)))
        return staged.results

    def _rows(self, parameters, context):
        source = self.parameterAsSource(parameters, self.ROWS, context)
        if source is None:
            raise QgsProcessingException(self.tr("Rows: no such layer or file"))
        names, records = qgis_io.parameter_records(self, parameters, self.ROWS, context, source,
                                                   LINE_COLUMNS)
        return pd.DataFrame(records, columns=names), source.sourceName()

    def _units(self, parameters, context, feedback):
        first = self.parameterAsSource(parameters, self.ADMIN, context)
        if first is None:
            raise QgsProcessingException(self.tr("Admin boundaries: no such layer or file"))
        sources = [(first, first.sourceName())] + [
            (layer, layer.name())
            for layer in self.parameterAsLayerList(parameters, self.ADMIN_PARENTS, context)]
        crs = first.sourceCrs()
        units = []
        for source, name in sources:
            try:
                units.append(AdminUnits.from_features(*qgis_io.admin_features(
                    source, feedback, crs)))
            except InputError as error:  # the message must say which layer
                raise error.within(name) from error
        return AdminUnits.merge(*units) if len(units) > 1 else units[0]

    def createInstance(self):
        return ExportHapiPresenceAlgorithm()


ALGORITHM = ExportHapiPresenceAlgorithm
