"""What every CoordMap algorithm shares: translation, group, icon, help URL."""
from qgis.core import QgsApplication, QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..metadata import icon_path
from .destinations import destination_conflict


def ui_language():
    """The language QGIS runs in, two letters ("fr" for fr_FR): our .qm files are named by it."""
    return QgsApplication.locale()[:2].lower()


class CoordMapAlgorithm(QgsProcessingAlgorithm):
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

    def group(self):
        # Not self.tr: that would look the text up under each subclass's name.
        return QCoreApplication.translate("CoordMapAlgorithm", "Coordination")

    def groupId(self):
        return "coordination"

    def icon(self):
        return QIcon(icon_path())
