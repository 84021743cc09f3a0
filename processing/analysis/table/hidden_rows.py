"""Rows hidden (or filtered out) in an XLSX or ODS sheet: read like the others, and counted for
the report (a person looking at the sheet does not see them, the join does). Row tags are found
by regular expressions over the sheet's XML bytes: no tree of a large sheet is built."""
import posixpath
import re
import zipfile
from pathlib import Path
from typing import List, Optional
from xml.etree import ElementTree
from xml.sax.saxutils import quoteattr

_RELATIONSHIP_ID = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"
_ROW_TAG = re.compile(rb"<(?:\w+:)?row\b[^>]*>")
_HIDDEN = re.compile(rb'\shidden="(?:1|true)"')
_ROW_NUMBER = re.compile(rb'\sr="(\d+)"')
MAX_REPEATED = 100_000  # a hidden run of empty rows to the sheet's end is repeated a million times
_ODS_ROW_TAG = re.compile(rb"<table:table-row\b[^>]*>|</table:table>")
_ODS_HIDDEN = re.compile(rb'\stable:visibility="(?:collapse|filter)"')
_ODS_REPEATED = re.compile(rb'\stable:number-rows-repeated="(\d+)"')


def hidden_rows(path: Path, sheet: str) -> List[int]:
    """1-based numbers of the rows of ``sheet`` marked hidden; none for other formats or a
    sheet that cannot be found (hidden rows are only counted, never needed)."""
    suffix = path.suffix.lower()
    try:
        with zipfile.ZipFile(path) as archive:
            if suffix == ".ods":
                return _ods_hidden_rows(archive.read("content.xml"), sheet)
            if suffix not in (".xlsx", ".xlsm"):
                return []
            member = _sheet_member(archive, sheet)
            return _xlsx_hidden_rows(archive.read(member)) if member else []
    except (zipfile.BadZipFile, KeyError, OSError, ElementTree.ParseError):
        return []


def _xlsx_hidden_rows(data: bytes) -> List[int]:
    numbers, previous = [], 0
    for tag in _ROW_TAG.finditer(data):
        given = _ROW_NUMBER.search(tag.group())
        previous = int(given.group(1)) if given else previous + 1  # (r is optional)
        if _HIDDEN.search(tag.group()):
            numbers.append(previous)
    return numbers


def _ods_hidden_rows(content: bytes, sheet: str) -> List[int]:
    """The hidden rows of the ODS table named ``sheet`` (rows may be repeated: one tag)."""
    start = content.find(b"<table:table table:name=" + quoteattr(sheet).encode("utf-8"))
    if start < 0:
        return []
    numbers, row = [], 0
    for tag in _ODS_ROW_TAG.finditer(content, start):
        if tag.group().startswith(b"</"):
            break
        repeated = _ODS_REPEATED.search(tag.group())
        count = int(repeated.group(1)) if repeated else 1
        if _ODS_HIDDEN.search(tag.group()):
            numbers += range(row + 1, row + 1 + min(count, MAX_REPEATED))
        row += count
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
