"""The CoordMap Processing provider (id ``coordmap``)."""
import importlib

from qgis.core import QgsProcessingProvider
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from .algorithms.unavailable import UnavailableAlgorithm
from .deps import (
    ALGORITHM_REQUIREMENTS,
    blocking_problems,
    current_platform,
    dependency_problems,
    install_advice,
    runnable_algorithms,
)
from .metadata import icon_path, plugin_version
from .models import shipped_models


class CoordMapProvider(QgsProcessingProvider):
    def __init__(self):
        super().__init__()
        self.problems = dependency_problems()
        self.platform = current_platform(self.problems) if self.problems else None

    def tr(self, text):
        return QCoreApplication.translate("CoordMapProvider", text)

    def id(self):
        return "coordmap"

    def name(self):
        return "CoordMap"

    def longName(self):
        return self.tr("CoordMap humanitarian coordination")

    def icon(self):
        return QIcon(icon_path())

    def svgIconPath(self):
        return icon_path()

    def versionInfo(self):
        return plugin_version()

    def problems_text(self, problems=None):
        """The dependency problems in the user's language, one sentence."""
        return "; ".join(problem.describe(QCoreApplication.translate)
                         for problem in (self.problems if problems is None else problems))

    def summary(self):
        """One sentence: what cannot be used and what that stops."""
        if runnable_algorithms(self.problems) == list(ALGORITHM_REQUIREMENTS):
            text = self.tr("Some CoordMap features are off: {problems}.")
        else:
            text = self.tr("Some CoordMap algorithms cannot run: {problems}.")
        return text.format(problems=self.problems_text())

    def install_advice(self):
        return install_advice(self.problems, self.platform, QCoreApplication.translate) \
            if self.problems else []

    def loadAlgorithms(self):
        # Modules are imported only when their packages are there and recent enough; the
        # others are listed as stand-ins that say why they cannot run.
        runnable = runnable_algorithms(self.problems)
        for name in ALGORITHM_REQUIREMENTS:
            if name in runnable:
                module = importlib.import_module(f".algorithms.{name}", package=__package__)
                self.addAlgorithm(module.ALGORITHM())
            else:
                self.addAlgorithm(UnavailableAlgorithm(name, self._refusal(name)))
        for model in shipped_models(runnable):
            self.addAlgorithm(model)

    def _refusal(self, name):
        return "\n".join([self.tr("CoordMap cannot run this algorithm: {problems}.").format(
            problems=self.problems_text(blocking_problems(name, self.problems)))]
            + self.install_advice())
