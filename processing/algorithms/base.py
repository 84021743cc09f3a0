"""What every CoordMap algorithm shares: translation, group, icon, toolbox texts, help URL,
enumerations by name, destinations checked against inputs, data protection parameters."""
from typing import Optional, Sequence

from qgis.core import (
    QgsApplication,
    QgsProcessingAlgorithm,
    QgsProcessingParameterBoolean,
    QgsProcessingParameterDefinition,
    QgsProcessingParameterEnum,
    QgsProcessingParameterNumber,
    QgsProcessingParameterString,
)
from qgis.PyQt.QtCore import QCoreApplication
from qgis.PyQt.QtGui import QIcon

from ..analysis.errors import InputError
from ..metadata import icon_path
from . import catalog
from .destinations import destination_conflict, input_error  # noqa: F401 (ours to import)

# Metadata key of an enumeration's names, in the order of its options.
ENUM_NAMES = "coordmap_names"
# Names of the "Admin level" options: automatic, then the level's number.
ADMIN_LEVEL_NAMES = ("auto", "1", "2", "3", "4")


def ui_language():
    """The language QGIS runs in, two letters ("fr" for fr_FR): our .qm files are named by it."""
    return QgsApplication.locale()[:2].lower()


def advanced(parameter: QgsProcessingParameterDefinition) -> QgsProcessingParameterDefinition:
    """``parameter`` shown under "Advanced Parameters" in the dialog, folded at first: the
    dialog opens on the few a first run needs."""
    parameter.setFlags(parameter.flags() | QgsProcessingParameterDefinition.Flag.FlagAdvanced)
    return parameter


def mark_advanced(algorithm: QgsProcessingAlgorithm, names: Sequence[str]) -> None:
    """``names`` (parameters already added) under "Advanced Parameters" in the dialog."""
    for name in names:
        advanced(algorithm.parameterDefinition(name))


def with_decimals(parameter: QgsProcessingParameterDefinition, decimals: int
                  ) -> QgsProcessingParameterDefinition:
    """A number the dialog shows with ``decimals`` places (0.5, not 0.500000)."""
    parameter.setMetadata({**parameter.metadata(), "widget_wrapper": {"decimals": decimals}})
    return parameter


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
    PROTECT_SENSITIVE = "PROTECT_SENSITIVE"
    SENSITIVE_CLUSTERS = "SENSITIVE_CLUSTERS"
    SMALL_COUNT = "SMALL_COUNT"

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

    def checkParameterValues(self, parameters, context):  # noqa: N802 (QGIS API name)
        """Choices given by name are checked as their option numbers; then no destination
        may be an input."""
        ok, message = super().checkParameterValues(with_enum_indexes(self, parameters), context)
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
        self.addParameter(advanced(QgsProcessingParameterString(
            self.SENSITIVE_CLUSTERS, translate(
                "CoordMapAlgorithm",
                "Sensitive clusters besides GBV and child protection (codes or names)"),
            defaultValue="", optional=True)))
        self.addParameter(advanced(QgsProcessingParameterNumber(
            self.SMALL_COUNT, translate(
                "CoordMapAlgorithm", "Small count threshold k (counts below k are hidden)"),
            type=QgsProcessingParameterNumber.Type.Integer, defaultValue=5,  # as protection.py
            minValue=2)))

    def protection_policy(self, parameters, context, vocabulary=None):
        # (pandas: imported when an algorithm runs; the plugin loads without it)
        from ..analysis.protection import ProtectionPolicy

        try:
            return ProtectionPolicy.from_parameters(
                self.parameterAsBoolean(parameters, self.PROTECT_SENSITIVE, context),
                self.parameterAsString(parameters, self.SENSITIVE_CLUSTERS, context),
                self.parameterAsInt(parameters, self.SMALL_COUNT, context), vocabulary)
        except InputError as error:
            raise input_error(error) from error

    def group(self):
        # Not self.tr: that would look the text up under each subclass's name.
        return QCoreApplication.translate("CoordMapAlgorithm", "Coordination")

    def groupId(self):
        return "coordination"

    def icon(self):
        return QIcon(icon_path())

    # Enumerations by name: read as their option numbers (checked so in checkParameterValues).
    def parameterAsEnum(self, parameters, name, context):
        return super().parameterAsEnum(with_enum_indexes(self, parameters), name, context)
