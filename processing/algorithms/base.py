"""What every CoordMap algorithm shares: translation, group, icon, help URL."""
from qgis.core import QgsProcessingAlgorithm
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..metadata import icon_path


class CoordMapAlgorithm(QgsProcessingAlgorithm):
    def tr(self, text):
        return QCoreApplication.translate(type(self).__name__, text)

    def group(self):
        return self.tr("Coordination")

    def groupId(self):
        return "coordination"

    def icon(self):
        return QIcon(icon_path())
