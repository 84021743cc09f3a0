"""The QA report a cluster sends back to partners: XLSX (with HXL rows) or CSV.

Every text cell that a spreadsheet would run as a formula (=, +, -, @, tab, carriage return at
the start) is neutralised with a leading apostrophe, and the summary says how many were.
The report quotes the partners' rows, sensitive clusters included: its first line (of every
sheet) says it is for the IM officer, not for publication, above the headings and HXL row.
"""
import csv
import re
from pathlib import Path
from typing import Dict, List, Sequence, Tuple, Union

import pandas as pd

from .errors import InputError
from .translation import QT_TRANSLATE_NOOP, Translate, translated, untranslated

# Headings (first row) are translated when written; the HXL row under them never is.
ISSUE_COLUMNS: Tuple[Tuple[str, str], ...] = (
    (QT_TRANSLATE_NOOP("QaReport", "category"), "#meta+category"),
    (QT_TRANSLATE_NOOP("QaReport", "column"), "#meta+column"),
    (QT_TRANSLATE_NOOP("QaReport", "value"), "#meta+value"),
    (QT_TRANSLATE_NOOP("QaReport", "level"), "#meta+admin_level"),
    (QT_TRANSLATE_NOOP("QaReport", "parent"), "#meta+parent"),
    (QT_TRANSLATE_NOOP("QaReport", "rows"), "#meta+count"),
    (QT_TRANSLATE_NOOP("QaReport", "first_row"), "#meta+row"),
    (QT_TRANSLATE_NOOP("QaReport", "reason"), "#description"),
    (QT_TRANSLATE_NOOP("QaReport", "suggestion"), "#meta+suggestion"),
)
MAPPING_COLUMNS = ((QT_TRANSLATE_NOOP("QaReport", "role"), "#meta+role"),
                   (QT_TRANSLATE_NOOP("QaReport", "column"), "#meta+column"),
                   (QT_TRANSLATE_NOOP("QaReport", "source"), "#meta+source"))
SUMMARY_COLUMNS = ((QT_TRANSLATE_NOOP("QaReport", "item"), "#meta+item"),
                   (QT_TRANSLATE_NOOP("QaReport", "value"), "#meta+value"))
NOT_FOR_PUBLICATION = QT_TRANSLATE_NOOP(
    "QaReport", "For the IM officer, not for publication: this report quotes partners' rows, "
    "sensitive clusters (GBV, child protection) included. Check what you send back to a "
    "partner.")
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NEUTRALISED_NOTE = QT_TRANSLATE_NOOP(
    "JoinSummary", "cells neutralised in spreadsheet outputs (text starting with = + - @)")
_NOT_IN_SHEET_TITLES = re.compile(r"[\\/*?:\[\]]")  # Excel refuses these (and > 31 characters)


def neutralise(value):
    """A text cell that a spreadsheet would evaluate, made inert."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def neutralised_frame(frame: pd.DataFrame) -> Tuple[pd.DataFrame, int]:
    """(copy of ``frame`` with formula-like text made inert, number of cells changed)."""
    frame = frame.copy()
    changed = 0
    for column in frame.columns:
        if frame[column].dtype != object:
            continue  # numbers stay numbers: -5 is not a formula
        safe = frame[column].map(neutralise, na_action="ignore")
        changed += int((safe.notna() & (safe != frame[column])).sum())
        frame[column] = safe
    return frame, changed


def _neutralised_rows(frame: pd.DataFrame, columns: Sequence[str]) -> Tuple[List[list], int]:
    rows, changed = [], 0
    for record in frame.reindex(columns=list(columns)).itertuples(index=False):
        row = []
        for value in record:
            safe = None if _is_missing(value) else neutralise(value)
            changed += safe is not value and isinstance(value, str)
            row.append(safe)
        rows.append(row)
    return rows, changed


def _is_missing(value) -> bool:
    try:
        return bool(pd.isna(value))
    except (TypeError, ValueError):
        return False


def write_report(path: Union[str, Path], summary: Dict[str, object], issues: pd.DataFrame,
                 mapping: pd.DataFrame, translate: Translate = untranslated) -> Path:
    """Write the report; the format follows the file extension (.xlsx or .csv)."""
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".xlsx":
        _write_xlsx(path, summary, issues, mapping, translate)
    elif suffix in (".csv", ".txt"):
        _write_csv(path, summary, issues, mapping, translate)
    else:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "QA report {file}: use a .xlsx or .csv file name"),
            file=path.name)
    return path


def _sheets(summary, issues, mapping, translate):
    issue_names = [name for name, _ in ISSUE_COLUMNS]
    issue_rows, changed = _neutralised_rows(issues, issue_names)
    mapping_names = [name for name, _ in MAPPING_COLUMNS]
    mapping_rows, changed_mapping = _neutralised_rows(mapping, mapping_names)
    summary_rows = [[translated(key, "JoinSummary", translate), neutralise(value)]
                    for key, value in summary.items()]
    changed += sum(row[1] is not value for row, value in zip(summary_rows, summary.values()))
    summary_rows.append([
        translate("QaReport", QT_TRANSLATE_NOOP(
            "QaReport", "cells neutralised (text starting with = + - @)")),
        changed + changed_mapping])
    return [
        (translate("QaReport", QT_TRANSLATE_NOOP("QaReport", "Summary")), list(SUMMARY_COLUMNS),
         summary_rows),
        (translate("QaReport", QT_TRANSLATE_NOOP("QaReport", "Issues")), list(ISSUE_COLUMNS),
         issue_rows),
        (translate("QaReport", QT_TRANSLATE_NOOP("QaReport", "Columns")), list(MAPPING_COLUMNS),
         mapping_rows),
    ]


def _write_xlsx(path, summary, issues, mapping, translate):
    try:
        from openpyxl import Workbook
        from openpyxl.styles import Font
    except ImportError as error:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "QA report {file}: writing XLSX needs the Python package openpyxl; "
                          "install it or choose a .csv report"),
            file=path.name) from error
    workbook = Workbook()
    workbook.remove(workbook.active)
    notice = translate("QaReport", NOT_FOR_PUBLICATION)
    for title, header, rows in _sheets(summary, issues, mapping, translate):
        sheet = workbook.create_sheet(_NOT_IN_SHEET_TITLES.sub(" ", title).strip()[:31])
        sheet.append([notice])
        sheet["A1"].font = Font(bold=True, color="C00000")
        sheet.append([translate("QaReport", name) for name, _ in header])
        sheet.append([tag for _, tag in header])
        for row in rows:
            sheet.append(row)
        for cell in sheet[2]:
            cell.font = Font(bold=True)
        sheet.freeze_panes = "A4"
        for letter, width in zip("ABCDEFGHI", (22, 24, 30, 8, 12, 8, 10, 60, 40)):
            sheet.column_dimensions[letter].width = width
    _quote_text_cells(workbook)
    workbook.save(path)


def _quote_text_cells(workbook):
    # openpyxl turns any string starting with "=" into a formula: force the text type.
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    cell.data_type = "s"


def _write_csv(path, summary, issues, mapping, translate):
    """One CSV: the issues table (with its HXL row), summary and mapping as extra categories."""
    sheets = _sheets(summary, issues, mapping, translate)
    summary_rows = [["summary", None, value, None, None, None, None, item, None]
                    for item, value in sheets[0][2]]
    mapping_rows = [["column_mapping", column, role, None, None, None, None, source, None]
                    for role, column, source in sheets[2][2]]
    with open(path, "w", newline="", encoding="utf-8-sig") as handle:
        writer = csv.writer(handle)
        writer.writerow([translate("QaReport", NOT_FOR_PUBLICATION)])
        writer.writerow([translate("QaReport", name) for name, _ in ISSUE_COLUMNS])
        writer.writerow([tag for _, tag in ISSUE_COLUMNS])
        writer.writerows(summary_rows + sheets[1][2] + mapping_rows)
