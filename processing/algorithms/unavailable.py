"""The stand-in for an algorithm whose Python packages are missing or too old."""
from qgis.core import QgsProcessingException

from .base import CoordMapAlgorithm


class UnavailableAlgorithm(CoordMapAlgorithm):
    """Listed in the toolbox under the real algorithm's id and name, so searches, models and
    qgis_process find it; refuses to run with ``message`` (what is wrong, what to install)."""

    def __init__(self, name="", message=""):
        super().__init__()
        self._name = name
        self._message = message

    def name(self):
        return self._name

    def shortHelpString(self):
        return f"{self.shortDescription()}\n\n{self._message}"

    def initAlgorithm(self, config=None):
        pass

    def canExecute(self):
        return False, self._message

    def checkParameterValues(self, parameters, context):
        return False, self._message

    def processAlgorithm(self, parameters, context, feedback):
        raise QgsProcessingException(self._message)

    def createInstance(self):
        return UnavailableAlgorithm(self._name, self._message)
