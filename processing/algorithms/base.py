"""What every CoordMap algorithm shares: translation, group, icon, toolbox texts, help URL,
enumerations by name."""
from typing import Optional, Sequence

from qgis.core import QgsApplication, QgsProcessingAlgorithm, QgsProcessingParameterEnum
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..metadata import icon_path
from . import catalog

# Metadata key of an enumeration's names, in the order of its options.
ENUM_NAMES = "coordmap_names"
# Names of the "Admin level" options: automatic, then the level's number.
ADMIN_LEVEL_NAMES = ("auto", "1", "2", "3", "4")


def ui_language():
    """The language QGIS runs in, two letters ("fr" for fr_FR): our .qm files are named by it."""
    return QgsApplication.locale()[:2].lower()


def named_enum(name: str, description: str, options: Sequence[str], names: Sequence[str],
               default: int = 0) -> QgsProcessingParameterEnum:
    """An enumeration that takes an option's number or its name: LANGUAGE=1 or LANGUAGE=fr.

    Options are translated, so their labels cannot be the values (as with QGIS's static
    strings); numbers stay the stored value (batch, models), names are read where given."""
    parameter = QgsProcessingParameterEnum(name, description, options=list(options),
                                           defaultValue=default)
    parameter.setMetadata({**parameter.metadata(), ENUM_NAMES: [n.lower() for n in names]})
    return parameter


def enum_index(definition, value) -> Optional[int]:
    """The option number of an enumeration name given as ``value``; None for anything else."""
    names = definition.metadata().get(ENUM_NAMES) if definition is not None else None
    if not names or not isinstance(value, str):
        return None
    text = value.strip().lower()
    return names.index(text) if text in names else None


def with_enum_indexes(algorithm: QgsProcessingAlgorithm, parameters: dict) -> dict:
    """``parameters`` with each enumeration name replaced by its option number."""
    named = {}
    for definition in algorithm.parameterDefinitions():
        index = enum_index(definition, parameters.get(definition.name()))
        if index is not None:
            named[definition.name()] = index
    return {**parameters, **named} if named else parameters


class CoordMapAlgorithm(QgsProcessingAlgorithm):
    def tr(self, text):
        # The subclass name: the context pylupdate5 gives to self.tr("...") written in it.
        return QCoreApplication.translate(type(self).__name__, text)

    def displayName(self):
        return catalog.translated(self.name(), catalog.CATALOG[self.name()].display_name)

    def shortDescription(self):
        return catalog.translated(self.name(), catalog.CATALOG[self.name()].short_description)

    def tags(self):
        return list(catalog.tags(self.name()))

    def helpUrl(self):
        return catalog.help_url(self.name(), ui_language())

    def group(self):
        # Not self.tr: that would look the text up under each subclass's name.
        return QCoreApplication.translate("CoordMapAlgorithm", "Coordination")

    def groupId(self):
        return "coordination"

    def icon(self):
        return QIcon(icon_path())

    # Enumerations by name: checked and read as their option numbers.
    def checkParameterValues(self, parameters, context):
        return super().checkParameterValues(with_enum_indexes(self, parameters), context)

    def parameterAsEnum(self, parameters, name, context):
        return super().parameterAsEnum(with_enum_indexes(self, parameters), name, context)
