"""Rows hidden (or filtered out) in an XLSX sheet: read like the others, and counted for the
report (a person looking at the sheet does not see them, the join does)."""
import posixpath
import re
import zipfile
from pathlib import Path
from typing import List, Optional
from xml.etree import ElementTree

_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')


def hidden_rows(path: Path, sheet: str) -> List[int]:
    """1-based numbers of the rows of ``sheet`` marked hidden; none for other formats or a
    sheet that cannot be found (hidden rows are only counted, never needed)."""
    try:
        with zipfile.ZipFile(path) as archive:
            member = _sheet_member(archive, sheet)
            data = archive.read(member) if member else b""
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return []
    numbers, previous = [], 0
    for tag in _ROW_TAG.finditer(data):
        given = _ROW_NUMBER.search(tag.group())
        previous = int(given.group(1)) if given else previous + 1  # (r is optional)
        if _HIDDEN.search(tag.group()):
            numbers.append(previous)
    return numbers


def _sheet_member(archive: zipfile.ZipFile, sheet: str) -> Optional[str]:
    """The zip member of the sheet named ``sheet`` (workbook.xml names it, its rels locate it)."""
    workbook = ElementTree.fromstring(archive.read("xl/workbook.xml"))
    ids = [element.get(_RELATIONSHIP_ID) for element in workbook.iter()
           if element.tag.endswith("}sheet") and element.get("name") == sheet]
    if not ids:
        return None
    relations = ElementTree.fromstring(archive.read("xl/_rels/workbook.xml.rels"))
    for relation in relations:
        if relation.get("Id") == ids[0]:
            target = relation.get("Target", "")
            return target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join("xl", target))
    return None


def hidden_rows_note(numbers: List[int], filled: List[int]) -> List[str]:
    """The note saying how many of the rows with data (``filled``, 1-based) are hidden."""
    shown = set(filled)
    hidden = [number for number in numbers if number in shown]
    if not hidden:
        return []
    listed = ", ".join(map(str, hidden[:5])) + (" ..." if len(hidden) > 5 else "")
    return [f"{len(hidden)} row(s) hidden or filtered out in the sheet (row {listed}): read "
            "like the others"]
