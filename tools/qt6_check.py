"""Find (and fix) what QGIS 4 / PyQt6 no longer has in CoordMap's code.

The logic of QGIS's PyQt5-to-PyQt6 migration script (scripts/pyqt5_to_pyqt6/pyqt5_to_pyqt6.py),
run against the QGIS and PyQt5 of this machine instead of its table of PyQt6 enums:

- unscoped enum values (``Qt.AlignRight``, ``QgsProcessing.TypeVector``): PyQt6 only has them
  scoped (``Qt.AlignmentFlag.AlignRight``), which QGIS 3.22's PyQt5 has too; ``--fix`` writes
  the scoped form, after checking it resolves here;
- ``QVariant.String`` / ``QVariant.Type.String``: PyQt6 has no ``QVariant.Type``; QgsField
  takes ``QMetaType.Type`` from QGIS 3.38 (processing/algorithms/field_types.py bridges 3.22);
- names PyQt6 removed: ``exec_``, ``qApp``, ``QRegExp``, ``QDesktopWidget``, deprecated roles...

Usage (needs PyQGIS)::

    python3 tools/qt6_check.py plugin processing          # list findings, exit 1 if any
    python3 tools/qt6_check.py --fix plugin processing    # scope the enums in place
"""
import argparse
import ast
import importlib
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Dict, Iterable, List, Optional

# Names PyQt6/Qt6 removed, with what to use instead (the migration script's warnings).
REMOVED = {
    "exec_": "exec",
    "qApp": "QApplication.instance()",
    "QRegExp": "QRegularExpression",
    "QDesktopWidget": "QScreen (QGuiApplication.screens())",
    "resources_rc": "icons loaded from their file path",
    "MidButton": "Qt.MouseButton.MiddleButton",
    "TextColorRole": "Qt.ItemDataRole.ForegroundRole",
    "BackgroundColorRole": "Qt.ItemDataRole.BackgroundRole",
    "HighQualityAntialiasing": "QPainter.RenderHint.Antialiasing",
}
# QVariant.Type members renamed in QMetaType.Type (the script's qmetatype_mapping, in part).
QMETATYPE_NAMES = {"String": "QString", "StringList": "QStringList", "Date": "QDate",
                   "DateTime": "QDateTime", "Time": "QTime", "ByteArray": "QByteArray",
                   "List": "QVariantList", "Map": "QVariantMap", "Invalid": "UnknownType"}


@dataclass(frozen=True)
class Finding:
    path: Path
    line: int
    column: int
    found: str
    replacement: str
    fixable: bool  # an enum scoping --fix writes

    def __str__(self):
        return f"{self.path}:{self.line}:{self.column + 1}: {self.found} -> {self.replacement}"


def _imported_classes(tree: ast.AST) -> Dict[str, object]:
    """Names a file imports from qgis.* modules (qgis.core, qgis.gui, qgis.PyQt.QtCore...)."""
    names = {}
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("qgis"):
            try:
                module = importlib.import_module(node.module)
            except ImportError:
                continue
            for alias in node.names:
                if hasattr(module, alias.name):
                    names[alias.asname or alias.name] = getattr(module, alias.name)
    return names


def _enum_scope(owner, member: str) -> Optional[str]:
    """The enum of ``owner`` that ``owner.member`` belongs to, when it is an unscoped value."""
    value = getattr(owner, member, None)
    kind = type(value)
    if value is None or type(kind).__name__ not in ("enumtype", "EnumType", "EnumMeta") \
            or kind is value:
        return None
    scope = kind.__name__
    if getattr(owner, scope, None) is kind and getattr(kind, member, None) is not None:
        return scope
    return None


def scan_source(path: Path, source: str) -> List[Finding]:
    tree = ast.parse(source, filename=str(path))
    classes = _imported_classes(tree)
    parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
    findings = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Attribute) and node.attr in REMOVED:
            findings.append(Finding(path, node.lineno, node.col_offset, node.attr,
                                    REMOVED[node.attr], False))
        elif isinstance(node, ast.Name) and node.id in REMOVED:
            findings.append(Finding(path, node.lineno, node.col_offset, node.id,
                                    REMOVED[node.id], False))
        elif isinstance(node, ast.ImportFrom):
            findings += [Finding(path, node.lineno, node.col_offset, alias.name,
                                 REMOVED[alias.name], False)
                         for alias in node.names if alias.name in REMOVED]
        if not (isinstance(node, ast.Attribute) and isinstance(node.value, ast.Name)):
            continue
        owner_name, member = node.value.id, node.attr
        if owner_name == "QVariant":
            type_name = member
            parent = parents.get(node)
            if member == "Type" and isinstance(parent, ast.Attribute):
                type_name = parent.attr
            elif member == "Type" or not hasattr(getattr(classes.get("QVariant"), "Type", None),
                                                  member):
                continue
            new = QMETATYPE_NAMES.get(type_name, type_name)
            findings.append(Finding(path, node.lineno, node.col_offset,
                                    f"QVariant.{'Type.' if member == 'Type' else ''}{type_name}",
                                    f"QMetaType.Type.{new} (field_types)", False))
            continue
        owner = classes.get(owner_name)
        scope = _enum_scope(owner, member) if isinstance(owner, type) else None
        if scope:
            findings.append(Finding(path, node.lineno, node.col_offset,
                                    f"{owner_name}.{member}", f"{owner_name}.{scope}.{member}",
                                    True))
    return sorted(findings, key=lambda f: (f.line, f.column))


def python_files(paths: Iterable[Path]) -> List[Path]:
    files = []
    for path in map(Path, paths):
        files += sorted(path.rglob("*.py")) if path.is_dir() else [path]
    return [f for f in files if "__pycache__" not in f.parts]


def scan(paths: Iterable[Path]) -> List[Finding]:
    return [finding for path in python_files(paths)
            for finding in scan_source(path, path.read_text(encoding="utf-8"))]


def fix(path: Path, findings: List[Finding]) -> int:
    """Write the scoped form of each fixable finding of ``path``; the number written."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    fixable = [f for f in findings if f.fixable and f.path == path]
    for finding in sorted(fixable, key=lambda f: (f.line, f.column), reverse=True):
        text = lines[finding.line - 1]
        start = finding.column
        assert text[start:].startswith(finding.found), finding
        lines[finding.line - 1] = text[:start] + finding.replacement \
            + text[start + len(finding.found):]
    path.write_text("".join(lines), encoding="utf-8")
    return len(fixable)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("paths", nargs="+", type=Path)
    parser.add_argument("--fix", action="store_true", help="scope the enums in place")
    args = parser.parse_args(argv)
    findings = scan(args.paths)
    if args.fix:
        fixed = sum(fix(path, findings) for path in {f.path for f in findings})
        print(f"scoped {fixed} enum values")
        findings = scan(args.paths)
    for finding in findings:
        print(finding)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
