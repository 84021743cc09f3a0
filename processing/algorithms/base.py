"""What every CoordMap algorithm shares: translation, group, icon, help URL."""
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingException,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..analysis.errors import InputError
from ..metadata import icon_path
from .destinations import destination_conflict


def ui_language():
    """The language QGIS runs in, two letters ("fr" for fr_FR): our .qm files are named by it."""
    return QgsApplication.locale()[:2].lower()


class CoordMapAlgorithm(QgsProcessingAlgorithm):
    PROTECT_SENSITIVE = "PROTECT_SENSITIVE"
    SENSITIVE_CLUSTERS = "SENSITIVE_CLUSTERS"
    SMALL_COUNT = "SMALL_COUNT"

    def tr(self, text):
        # The subclass name: the context pylupdate5 gives to self.tr("...") written in it.
        return QCoreApplication.translate(type(self).__name__, text)

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        ok, message = super().checkParameterValues(parameters, context)
        if not ok:
            return ok, message
        return self.destinations_checked(parameters, context)

    def destinations_checked(self, parameters, context):
        """(False, why) when a destination would overwrite an input, else (True, "")."""
        conflict = destination_conflict(self, parameters, context)
        return (False, conflict) if conflict else (True, "")

    def add_protection_parameters(self):
        """Data protection, the same in every algorithm: on unless switched off; clusters
        added to GBV and child protection (never instead of them); the threshold k."""
        translate = QCoreApplication.translate  # (the context of the base class, for all)
        self.addParameter(QgsProcessingParameterBoolean(
            self.PROTECT_SENSITIVE, translate(
                "CoordMapAlgorithm",
                "Protect sensitive clusters (hide partners, blank small counts)"),
            defaultValue=True))
        self.addParameter(QgsProcessingParameterString(
            self.SENSITIVE_CLUSTERS, translate(
                "CoordMapAlgorithm",
                "Sensitive clusters besides GBV and child protection (codes or names)"),
            defaultValue="", optional=True))
        self.addParameter(QgsProcessingParameterNumber(
            self.SMALL_COUNT, translate(
                "CoordMapAlgorithm", "Small count threshold k (counts below k are hidden)"),
            type=QgsProcessingParameterNumber.Integer, defaultValue=5,  # as protection.py
            minValue=2))

    def protection_policy(self, parameters, context, vocabulary=None):
        # (pandas: imported when an algorithm runs; the plugin loads without it)
        from ..analysis.protection import ProtectionPolicy

        try:
            return ProtectionPolicy.from_parameters(
                self.parameterAsBoolean(parameters, self.PROTECT_SENSITIVE, context),
                self.parameterAsString(parameters, self.SENSITIVE_CLUSTERS, context),
                self.parameterAsInt(parameters, self.SMALL_COUNT, context), vocabulary)
        except InputError as error:
            raise QgsProcessingException(str(error)) from error

    def group(self):
        # Not self.tr: that would look the text up under each subclass's name.
        return QCoreApplication.translate("CoordMapAlgorithm", "Coordination")

    def groupId(self):
        return "coordination"

    def icon(self):
        return QIcon(icon_path())
