"""QGIS 4 (Qt6) readiness of the shipped code: no name PyQt6 lacks (tools/qt6_check.py, the
logic of QGIS's pyqt5_to_pyqt6.py migration script) and flake8-qgis's Qt6 rules clean."""
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

pytestmark = pytest.mark.qgis

ROOT = Path(__file__).resolve().parents[2]
SHIPPED = [ROOT / "plugin", ROOT / "processing", ROOT / "__init__.py"]


@pytest.fixture(scope="module")
def qt6_check():
    from coordmap.tools import qt6_check

    return qt6_check


def test_shipped_code_uses_no_name_missing_from_qt6(qt6_check):
    findings = qt6_check.scan(SHIPPED)
    assert not findings, "\n".join(map(str, findings)) + \
        "\n(python3 tools/qt6_check.py --fix plugin processing scopes the enums)"


def test_the_check_finds_each_kind_of_qt6_missing_name(qt6_check, tmp_path):
    bad = tmp_path / "bad.py"
    bad.write_text(textwrap.dedent("""
        from qgis.core import Qgis, QgsField, QgsProcessing, QgsWkbTypes
        from qgis.PyQt.QtCore import Qt, QVariant
        from qgis.PyQt.QtWidgets import QDialog, qApp

        QgsField("a", QVariant.String)
        QgsField("b", QVariant.Type.Int)
        label.setAlignment(Qt.AlignRight | Qt.AlignmentFlag.AlignTop)
        types = [QgsProcessing.TypeVectorPolygon, QgsWkbTypes.Type.Point]
        level = Qgis.Warning
        QDialog().exec_()
    """))
    found = {(f.found, f.replacement, f.fixable) for f in qt6_check.scan([bad])}
    assert found == {
        ("QVariant.String", "QMetaType.Type.QString (field_types)", False),
        ("QVariant.Type.Int", "QMetaType.Type.Int (field_types)", False),
        ("Qt.AlignRight", "Qt.AlignmentFlag.AlignRight", True),
        ("QgsProcessing.TypeVectorPolygon", "QgsProcessing.SourceType.TypeVectorPolygon", True),
        ("Qgis.Warning", "Qgis.MessageLevel.Warning", True),
        ("exec_", "exec", False),
        ("qApp", "QApplication.instance()", False),
    }


def test_fix_writes_scoped_enums_that_resolve_on_this_qgis(qt6_check, tmp_path):
    source = tmp_path / "enums.py"
    source.write_text("from qgis.core import QgsFeatureSink, QgsProcessing\n"
                      "FLAGS = (QgsFeatureSink.FastInsert, QgsProcessing.TypeVector)\n")
    assert qt6_check.fix(source, qt6_check.scan([source])) == 2
    assert qt6_check.scan([source]) == []
    namespace = {}
    exec(source.read_text(), namespace)  # the scoped names exist on QGIS 3.22 / PyQt5
    from qgis.core import QgsFeatureSink, QgsProcessing

    assert namespace["FLAGS"] == (QgsFeatureSink.FastInsert, QgsProcessing.TypeVector)


def test_field_types_build_fields_on_this_qgis():
    from qgis.core import QgsField
    from qgis.PyQt.QtCore import QMetaType

    from coordmap.processing.algorithms import field_types

    kinds = {name: int(QgsField(name, getattr(field_types, name)).type())
             for name in ("STRING", "INT", "LONG_LONG", "DOUBLE", "BOOL")}
    # Qt5's QgsField reports a QVariant type: the same number as the QMetaType Qt6 uses.
    assert kinds == {"STRING": int(QMetaType.Type.QString), "INT": int(QMetaType.Type.Int),
                     "LONG_LONG": int(QMetaType.Type.LongLong),
                     "DOUBLE": int(QMetaType.Type.Double), "BOOL": int(QMetaType.Type.Bool)}


@pytest.mark.skipif(not shutil.which("flake8", path=str(Path(sys.executable).parent)),
                    reason="flake8 (requirements-dev.txt) is not in this venv")
def test_flake8_qgis_qt6_rules_pass_on_the_shipped_code():
    flake8 = shutil.which("flake8", path=str(Path(sys.executable).parent))
    done = subprocess.run([flake8, "--select=QGS4", *map(str, SHIPPED)], capture_output=True,
                          text=True, timeout=300, check=False)
    assert done.returncode == 0, done.stdout + done.stderr
