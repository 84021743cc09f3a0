"""What every CoordMap algorithm shares: translation, group, icon, help URL."""
from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingException
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..metadata import icon_path
from . import qgis_io


def ui_language():
    """The language QGIS runs in, two letters ("fr" for fr_FR): our .qm files are named by it."""
    return QgsApplication.locale()[:2].lower()


class CoordMapAlgorithm(QgsProcessingAlgorithm):
    def tr(self, text):
        # The subclass name: the context pylupdate5 gives to self.tr("...") written in it.
        return QCoreApplication.translate(type(self).__name__, text)

    def group(self):
        # Not self.tr: that would look the text up under each subclass's name.
        return QCoreApplication.translate("CoordMapAlgorithm", "Coordination")

    def groupId(self):
        return "coordination"

    def icon(self):
        return QIcon(icon_path())

    def table_parameter(self, parameters, key, context, missing_message):
        """Where a table parameter's rows are: ((path, sheet), None) when a file is behind it
        (read by our reader, not OGR), else (None, layer) for a loaded layer with no file."""
        value = parameters.get(key)
        located = qgis_io.file_behind(value) if isinstance(value, str) else None
        if located is not None:
            return located, None
        layer = self.parameterAsLayer(parameters, key, context)
        if layer is None:
            raise QgsProcessingException(missing_message)
        located = qgis_io.file_behind(None, layer)
        return (located, None) if located is not None else (None, layer)
