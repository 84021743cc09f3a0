"""Graphical models shipped with the plugin (``resources/models/*.model3``).

Each file becomes an algorithm of the CoordMap provider under a stable id
(``coordmap:model_<file stem without the coordmap_ prefix>``), listed in the toolbox with the
other CoordMap algorithms and usable from ``qgis_process`` and other models. The files are
written by ``tools/make_model.py``.
"""
from pathlib import Path
from typing import Iterable, List

from qgis.core import QgsProcessingModelAlgorithm
from qgis.PyQt.QtCore import QCoreApplication

from .algorithms import catalog
from .algorithms.base import ui_language, with_enum_indexes
from .algorithms.destinations import destination_conflict
from .metadata import RESOURCES_DIR, icon_path

MODELS_DIR = RESOURCES_DIR / "models"


class ShippedModel(QgsProcessingModelAlgorithm):
    """A model file with a stable lowercase id and a translatable name."""

    def __init__(self, model_id: str = "", path: str = ""):
        super().__init__()
        self._model_id = model_id
        self._path = path
        if path:
            self.fromFile(path)
            self.setSourceFilePath(path)

    def name(self):
        return self._model_id

    def displayName(self):
        return QCoreApplication.translate("ShippedModel", super().displayName())

    def group(self):
        return QCoreApplication.translate("ShippedModel", "Models")

    def groupId(self):
        return "models"

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """As every CoordMap algorithm: no output of any step over an input of the model,
        refused before the first step runs (each step checks its own again)."""
        ok, message = super().checkParameterValues(with_enum_indexes(self, parameters), context)
        if not ok:  # (its choices take their names too: language=fr, as the algorithms')
            return ok, message
        conflict = destination_conflict(self, parameters, context)
        return (False, conflict) if conflict else (True, "")

    def svgIconPath(self):
        return icon_path()

    def shortDescription(self):
        return QCoreApplication.translate(
            "ShippedModel", "The monthly run in one step: join, gaps and overlaps, map pack.")

    def tags(self):
        return [*catalog.common_tags(), "model"]

    def helpUrl(self):
        return catalog.help_url(self._model_id, ui_language())

    def createInstance(self):
        return ShippedModel(self._model_id, self._path)


def model_id(path: Path) -> str:
    return "model_" + path.stem.removeprefix("coordmap_")


def shipped_models(runnable: Iterable[str]) -> List[ShippedModel]:
    """The models whose every step is a registered CoordMap algorithm (or a QGIS one)."""
    runnable = {f"coordmap:{name}" for name in runnable}
    models = []
    for path in sorted(MODELS_DIR.glob("*.model3")):
        model = ShippedModel(model_id(path), str(path))
        steps = {child.algorithmId() for child in model.childAlgorithms().values()}
        if all(step in runnable for step in steps if step.startswith("coordmap:")):
            models.append(model)
    return models
