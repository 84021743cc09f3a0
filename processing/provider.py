"""The CoordMap Processing provider (id ``coordmap``)."""
import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .deps import missing_dependencies, runnable_algorithms
from .metadata import icon_path, plugin_version
from .models import shipped_models


class CoordMapProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        self.missing = missing_dependencies()

    def id(self):
        return "coordmap"

    def name(self):
        return "CoordMap"

    def longName(self):
        return QCoreApplication.translate("CoordMapProvider", "CoordMap humanitarian coordination")

    def icon(self):
        return QIcon(icon_path())

    def svgIconPath(self):
        return icon_path()

    def versionInfo(self):
        return plugin_version()

    def loadAlgorithms(self):
        # Modules are imported only when their packages are there, so a QGIS without pandas
        # still loads the provider with what it can run.
        runnable = runnable_algorithms(self.missing)
        for name in runnable:
            module = importlib.import_module(f".algorithms.{name}", package=__package__)
            self.addAlgorithm(module.ALGORITHM())
        for model in shipped_models(runnable):
            self.addAlgorithm(model)
