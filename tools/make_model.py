"""Write the shipped graphical model ``resources/models/coordmap_4w_to_map_pack.model3``.

The model is built through the QGIS API rather than drawn by hand, so it always names the
algorithms' real parameter ids; re-run this after changing them, then open the file in the
model designer to check the layout. Needs CoordMap loaded (run with the venv's Python):

    QT_HASH_SEED=1 .venv/bin/python -P tools/make_model.py

(QT_HASH_SEED=1: Qt writes the XML attributes in the order of the committed file, so the diff
shows only what changed.)
"""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MODEL_FILE = ROOT / "resources" / "models" / "coordmap_4w_to_map_pack.model3"
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _plugin_loaded():
    sys.path.append(QGIS_PYTHON_PLUGINS)
    build = ROOT / "build" / "plugins"
    build.mkdir(parents=True, exist_ok=True)
    link = build / "coordmap"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    import qgis.utils

    from processing.core.Processing import Processing

    Processing.initialize()
    sys.path.insert(0, str(build))  # loadPlugin imports the package from sys.path
    assert qgis.utils.loadPlugin("coordmap") and qgis.utils.startProcessingPlugin("coordmap")
    return app


def build_model():
    from qgis.core import (
        QgsProcessing,
        QgsProcessingModelAlgorithm,
        QgsProcessingModelChildAlgorithm,
        QgsProcessingModelOutput,
        QgsProcessingModelParameter,
        QgsProcessingParameterFeatureSource,
        QgsProcessingParameterMapLayer,
        QgsProcessingParameterNumber,
        QgsProcessingParameterString,
    )
    from qgis.core import (
        QgsProcessingModelChildParameterSource as Source,
    )
    from qgis.PyQt.QtCore import QPointF

    from coordmap.processing.algorithms.base import named_enum
    from coordmap.processing.analysis import mappack

    model = QgsProcessingModelAlgorithm(
        "4W table and boundaries to map pack", "CoordMap", "coordinationmodels")
    model.setHelpContent({
        "ALG_DESC": (
            "The monthly run in one step: joins the partners' 4W table to the admin boundaries "
            "by P-code (presence per month), computes gaps, overlaps and changes against the "
            "optional needs table, and exports one map per cluster for the latest period. "
            "Every output of the three steps can be kept; open the model in the model designer "
            "to change a step's settings."),
        "ALG_CREATOR": "CoordMap",
    })

    def add_input(definition, x, y):
        model.addModelParameter(definition, QgsProcessingModelParameter(definition.name()))
        model.parameterComponent(definition.name()).setPosition(QPointF(x, y))

    add_input(QgsProcessingParameterMapLayer(
        "table", "4W table (layer or CSV/XLSX/XLS/ODS file)",
        types=[QgsProcessing.SourceType.TypeVector]), 120, 60)
    add_input(QgsProcessingParameterFeatureSource(
        "boundaries", "Admin boundaries", [QgsProcessing.SourceType.TypeVectorPolygon]), 340, 60)
    add_input(QgsProcessingParameterMapLayer(
        "needs", "Needs: PiN, targets, severity (optional)",
        types=[QgsProcessing.SourceType.TypeVector], optional=True), 560, 60)
    add_input(QgsProcessingParameterNumber(
        "default_year", "Year of rows that give a month but no year",
        QgsProcessingParameterNumber.Type.Integer, optional=True, minValue=1990, maxValue=2100),
        780, 60)
    add_input(QgsProcessingParameterString(
        "periods", "Periods to map (e.g. 2025-03; default: every period)", optional=True),
        1000, 60)
    add_input(named_enum(  # language=fr as well as language=1, as the export's LANGUAGE
        "language", "Map language", ["English", "Français", "Español", "العربية"],
        mappack.LANGUAGES), 1220, 60)

    def child(algorithm_id, child_id, description, x, y, sources, outputs):
        step = QgsProcessingModelChildAlgorithm(algorithm_id)
        step.setChildId(child_id)
        step.setDescription(description)
        step.setPosition(QPointF(x, y))
        for name, source in sources.items():
            step.addParameterSources(name, [source])
        for definition in step.algorithm().parameterDefinitions():  # what the designer does
            if definition.name() not in sources and not definition.isDestination() \
                    and definition.defaultValue() is not None:
                step.addParameterSources(
                    definition.name(), [Source.fromStaticValue(definition.defaultValue())])
        step.setModelOutputs({
            name: _model_output(QgsProcessingModelOutput, label, child_id, name)
            for name, label in outputs.items()})
        model.addChildAlgorithm(step)

    param = Source.fromModelParameter
    child("coordmap:join_4w", "join", "Join 4W table to admin boundaries", 300, 220, {
        "INPUT": param("table"), "ADMIN": param("boundaries"),
        "PERIOD": Source.fromStaticValue(1),  # per month: gaps need it for no_report and changes
        "DEFAULT_YEAR": param("default_year"),
    }, {"OUTPUT": "Presence", "OUTPUT_ROWS": "Rows with match status",
        "OUTPUT_REPORT": "QA report"})
    child("coordmap:gaps_overlaps", "gaps", "Gaps, overlaps and changes", 300, 380, {
        "PRESENCE": Source.fromChildOutput("join", "OUTPUT"),
        "ROWS": Source.fromChildOutput("join", "OUTPUT_ROWS"),
        "NEEDS": param("needs"), "ADMIN": param("boundaries"),
    }, {"OUTPUT_GAPS": "Gaps", "OUTPUT_OVERLAPS": "Overlaps",
        "OUTPUT_OVERLAP_UNITS": "Units with overlaps", "OUTPUT_CHANGES": "Changes"})
    child("coordmap:export_maps", "export", "Export 3W map pack", 300, 540, {
        "PRESENCE": Source.fromChildOutput("join", "OUTPUT"),
        "GAPS": Source.fromChildOutput("gaps", "OUTPUT_GAPS"),
        "OVERLAPS": Source.fromChildOutput("gaps", "OUTPUT_OVERLAP_UNITS"),
        "PERIODS": param("periods"), "LANGUAGE": param("language"),
    }, {"OUTPUT_FOLDER": "Map pack folder"})
    return model


def _model_output(output_class, label, child_id, name):
    output = output_class(label)
    output.setChildId(child_id)
    output.setChildOutputName(name)
    output.setMandatory(True)
    return output


def main():
    app = _plugin_loaded()
    model = build_model()
    model.updateDestinationParameters()
    problems = [message for child_id in model.childAlgorithms()
                for message in _child_problems(model, child_id)]
    if problems:
        sys.exit("The model is not valid:\n" + "\n".join(problems))
    MODEL_FILE.parent.mkdir(parents=True, exist_ok=True)
    if not model.toFile(str(MODEL_FILE)):
        sys.exit(f"could not write {MODEL_FILE}")
    print(MODEL_FILE)
    app.exitQgis()


def _child_problems(model, child_id):
    valid, issues = model.validateChildAlgorithm(child_id)
    return [] if valid else [f"{child_id}: {issue}" for issue in issues]


if __name__ == "__main__":
    main()
