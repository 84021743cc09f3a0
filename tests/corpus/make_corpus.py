"""Builders of the hostile-input corpus: broken or odd 4W files and boundary layers.

Every file is generated (deterministically) so the corpus needs nothing committed and nothing
from real partners. ``python3 tests/corpus/make_corpus.py FOLDER`` writes every 4W file of
``cases.py`` into FOLDER, e.g. to try them by hand in QGIS.

The fictional country is the one of tests/plain/test_join_properties.py: regions XY01 North and
XY02 South, districts XY0101 Alpha, XY0102 Beta, XY0201 Gamma, XY0202 Riverside (unit squares
side by side on the equator, lon/lat).
"""
import csv
import io
import json
import random
import zipfile
from datetime import datetime
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence, Tuple

from shapely.geometry import LineString, Polygon, box, mapping

DISTRICTS = [
    ("XY0101", "Alpha", "XY01", "North", 0),
    ("XY0102", "Beta", "XY01", "North", 1),
    ("XY0201", "Gamma", "XY02", "South", 2),
    ("XY0202", "Riverside", "XY02", "South", 3),
]
# Codes partners type as numbers: Excel drops the leading zero of 0101.
NUMERIC_DISTRICTS = [(p[2:], n, p1[2:], n1, x) for p, n, p1, n1, x in DISTRICTS]
HEADER = ["Organisation", "Cluster", "Admin2 Pcode", "Admin2 Name", "Month", "Targeted"]

Boundaries = Tuple[List[Dict[str, Any]], List[Any]]
Writer = Callable[[Path], None]


# ---- boundaries ---------------------------------------------------------------------------------
def boundaries(districts=DISTRICTS, geometry=None, drop_field=None) -> Boundaries:
    """(attribute records, shapely geometries) of an admin-2 layer with admin-1 fields."""
    records, geometries = [], []
    for pcode, name, pcode1, name1, x in districts:
        record = {"ADM1_PCODE": pcode1, "ADM1_EN": name1, "ADM2_PCODE": pcode, "ADM2_EN": name}
        if drop_field:
            record = {k: v for k, v in record.items() if not k.startswith(drop_field)}
        records.append(record)
        geometries.append(geometry(pcode, x) if geometry else box(x, 0, x + 1, 1))
    return records, geometries


def boundaries_with_duplicate_pcodes() -> Boundaries:
    """XY0101 drawn as two features (an island and the mainland): one unit after dissolving."""
    records, geometries = boundaries()
    records.append(dict(records[0]))
    geometries.append(box(0, 2, 1, 3))
    return records, geometries


def boundaries_with_far_duplicate_pcode() -> Boundaries:
    """XY0101 also given to a polygon far away (a P-code typed twice)."""
    records, geometries = boundaries()
    records.append(dict(records[0]))
    geometries.append(box(30, 30, 31, 31))
    return records, geometries


def boundaries_with_field_names(pcode_field: str, name_field: str,
                                 keep_admin1: bool) -> Callable[[], Boundaries]:
    """The districts with their P-codes and names in fields named as no COD-AB names them
    (with or without the usual admin 1 fields)."""
    def layer() -> Boundaries:
        records, geometries = boundaries()
        renamed = [{**({"ADM1_PCODE": r["ADM1_PCODE"], "ADM1_EN": r["ADM1_EN"]}
                       if keep_admin1 else {}),
                    pcode_field: r["ADM2_PCODE"], name_field: r["ADM2_EN"]} for r in records]
        return renamed, geometries
    return layer


def boundaries_with_null_pcodes() -> Boundaries:
    records, geometries = boundaries()
    for pcode in (None, "", "0", "N/A"):
        records.append({"ADM1_PCODE": "XY02", "ADM1_EN": "South", "ADM2_PCODE": pcode,
                        "ADM2_EN": "Lake"})
        geometries.append(box(4, 0, 5, 1))
    return records, geometries


def boundaries_with_invalid_geometries() -> Boundaries:
    """A bow-tie (self-intersecting) Beta and a Gamma with a spike: repaired, not dropped."""
    def shape(pcode, x):
        if pcode == "XY0102":
            return Polygon([(x, 0), (x + 1, 1), (x + 1, 0), (x, 1)])
        if pcode == "XY0201":
            return Polygon([(x, 0), (x + 1, 0), (x + 1, 1), (x + 0.5, 1), (x + 0.5, 3),
                            (x + 0.5, 1), (x, 1)])
        return box(x, 0, x + 1, 1)
    return boundaries(geometry=shape)


def boundaries_with_empty_geometries() -> Boundaries:
    """Gamma has a null geometry and Riverside an empty one: the units remain (by P-code)."""
    def shape(pcode, x):
        return {"XY0201": None, "XY0202": Polygon()}.get(pcode, box(x, 0, x + 1, 1))
    return boundaries(geometry=shape)


def boundaries_without_polygons() -> Boundaries:
    return boundaries(geometry=lambda pcode, x: LineString([(x, 0), (x + 1, 1)]))


def boundaries_all_empty() -> Boundaries:
    return boundaries(geometry=lambda pcode, x: None)


def boundaries_without_pcode_field() -> Boundaries:
    records, geometries = boundaries()
    return [{"NAME": r["ADM2_EN"], "REGION": r["ADM1_EN"]} for r in records], geometries


def boundaries_numeric() -> Boundaries:
    return boundaries(NUMERIC_DISTRICTS)


def write_geojson(path: Path, layer: Boundaries) -> Path:
    """A GeoJSON file of a boundary layer (the QGIS tier reads boundaries from files)."""
    records, geometries = layer
    features = [{"type": "Feature", "properties": record,
                 "geometry": None if geom is None or geom.is_empty else mapping(geom)}
                for record, geom in zip(records, geometries)]
    path.write_text(json.dumps({"type": "FeatureCollection", "features": features}),
                    encoding="utf-8")
    return path


# ---- text files ---------------------------------------------------------------------------------
def text_file(text: str, encoding: str = "utf-8") -> Writer:
    return lambda path: path.write_bytes(text.encode(encoding))


def raw_bytes(data: bytes) -> Writer:
    return lambda path: path.write_bytes(data)


def csv_text(rows: Sequence[Sequence[Any]], header=HEADER, delimiter=",", newline="\n") -> str:
    """CSV as a spreadsheet writes it (cells holding the delimiter or quotes are quoted)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=newline)
    writer.writerows(([header] if header else []) + [list(row) for row in rows])
    return buffer.getvalue()


def csv_file(rows, header=HEADER, delimiter=",", newline="\n", encoding="utf-8") -> Writer:
    return text_file(csv_text(rows, header, delimiter, newline), encoding)


def row(org="ACF", cluster="Health", pcode="XY0101", name=None, month="2025-01", targeted=10):
    return [org, cluster, pcode, name, month, targeted]


def mixed_encodings(path: Path) -> None:
    """UTF-8 lines and a cp1252 line in one file (a file edited in two programs)."""
    head = csv_text([row("Médecins du Monde", "Santé")]).encode("utf-8")
    tail = csv_text([row("Médecins Sans Frontières", "Santé", "XY0102")], header=[])
    path.write_bytes(head + tail.encode("cp1252"))


def binary_garbage(path: Path) -> None:
    generator = random.Random(9)
    path.write_bytes(bytes(generator.randrange(256) for _ in range(5000)))


def wide_csv(columns: int, with_location: bool) -> Writer:
    extra = [f"Indicator {i}" for i in range(columns - len(HEADER))]
    header = (HEADER if with_location else [f"Field {i}" for i in range(len(HEADER))]) + extra
    # (without a location: no P-code either, which the join would find under any header)
    values = (row() if with_location else row(pcode="")) + [str(i % 7) for i in range(len(extra))]
    return csv_file([values], header=header)


def long_cell(path: Path) -> None:
    csv_file([row(org="ACF " + "x" * 1_000_000), row(pcode="XY0102")])(path)


# ---- spreadsheets -------------------------------------------------------------------------------
def workbook(rows: Sequence[Sequence[Any]], merged: Sequence[str] = (), sheets=None,
             header=HEADER, hidden: Sequence[int] = ()) -> bytes:
    """XLSX bytes; ``sheets`` (name -> rows) for several sheets, else one sheet of rows;
    ``hidden`` rows (1-based) hidden in every sheet."""
    import openpyxl

    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, content in (sheets or {"4W": [header] + [list(r) for r in rows]}).items():
        sheet = book.create_sheet(title)
        for values in content:
            sheet.append(list(values))
        for cells in merged:
            sheet.merge_cells(cells)
        for number in hidden:
            sheet.row_dimensions[number].hidden = True
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def xlsx_file(rows=(), **kwargs) -> Writer:
    return lambda path: path.write_bytes(workbook(rows, **kwargs))


def _rewrite_zip(data: bytes, member: str, change: Callable[[bytes], bytes]) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        items = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in items:
            target.writestr(name, change(content) if name == member else content)
    return buffer.getvalue()


def truncated(data_of: Callable[[], bytes], keep: float) -> Writer:
    """The first ``keep`` share of a file (a download or attachment cut short)."""
    def write(path: Path) -> None:
        data = data_of()
        path.write_bytes(data[: max(1, int(len(data) * keep))])
    return write


def sample_xlsx() -> bytes:
    return workbook([row(), row(pcode="XY0102"), row(pcode="XY0201")])


def damaged_sheet_xml(path: Path) -> None:
    """The zip is intact but the sheet's XML stops in the middle of row 3."""
    def cut(xml: bytes) -> bytes:
        return xml[: xml.index(b'<row r="3"') + 40]
    path.write_bytes(_rewrite_zip(sample_xlsx(), "xl/worksheets/sheet1.xml", cut))


def shared_string_out_of_range(path: Path) -> None:
    """A cell pointing at shared string 10381 of a workbook that has none: python-calamine
    0.x panics on it (a Rust panic, raised as a BaseException) instead of an error."""
    def point_nowhere(xml: bytes) -> bytes:
        changed = xml.replace(b'<c r="A2" t="inlineStr"><is><t>ACF</t></is></c>',
                              b'<c r="A2" t="s"><v>10381</v></c>')
        assert changed != xml, "openpyxl wrote the cell differently"
        return changed
    path.write_bytes(_rewrite_zip(sample_xlsx(), "xl/worksheets/sheet1.xml", point_nowhere))


def zip_bomb(path: Path) -> None:
    """A valid workbook whose sheet XML carries 200 MB of blanks: 0.2 MB on disk."""
    def inflate(xml: bytes) -> bytes:
        return xml.replace(b"<sheetData>", b"<sheetData>" + b" " * (200 * 2**20), 1)
    path.write_bytes(_rewrite_zip(sample_xlsx(), "xl/worksheets/sheet1.xml", inflate))


def ods_with_broken_tag(path: Path) -> None:
    """A stray quote in the tag of row 3: python-calamine 0.x loops forever on it (found by
    the fuzz run on a real ODS)."""
    def break_tag(xml: bytes) -> bytes:
        first = xml.index(b"<table:table-row>") + 1
        second = xml.index(b"<table:table-row>", first)
        return xml[:second] + b'<table:table-row" a="b">' + xml[second + 17:]
    path.write_bytes(_rewrite_zip(ods_data([row(), row(pcode="XY0102")]), "content.xml",
                                  break_tag))


def zip_without_workbook(path: Path) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a workbook")
    path.write_bytes(buffer.getvalue())


def formulas(cached: bool) -> Writer:
    """Formulas for the organisation and the count; with the values Excel caches beside them
    (what a partner's Excel saves) or without (a file written by a script)."""
    def write(path: Path) -> None:
        data = workbook([row(org='="AC"&"F"', targeted="=2+3"), row(pcode="XY0102")])
        if cached:
            def add_cache(xml: bytes) -> bytes:
                # openpyxl writes the empty cache as <v></v> with lxml, <v /> without
                xml = xml.replace(b"<v />", b"<v></v>")
                cached_xml = xml.replace(
                    b'<c r="A2"><f>"AC"&amp;"F"</f><v></v></c>',
                    b'<c r="A2" t="str"><f>"AC"&amp;"F"</f><v>ACF</v></c>').replace(
                    b'<c r="F2"><f>2+3</f><v></v></c>', b'<c r="F2"><f>2+3</f><v>5</v></c>')
                assert cached_xml.count(b"</f><v>") == 2, "openpyxl wrote formulas differently"
                return cached_xml
            data = _rewrite_zip(data, "xl/worksheets/sheet1.xml", add_cache)
        path.write_bytes(data)
    return write


def ods_data(rows: Sequence[Sequence[Any]], header=HEADER, hidden: Sequence[int] = ()) -> bytes:
    """A minimal OpenDocument spreadsheet (what LibreOffice writes, without styles);
    ``hidden`` rows (1-based) filtered out."""
    def cell(value):
        if value is None:
            return "<table:table-cell/>"
        if isinstance(value, (int, float)):
            return (f'<table:table-cell office:value-type="float" office:value="{value}">'
                    f"<text:p>{value}</text:p></table:table-cell>")
        text = str(value).replace("&", "&amp;").replace("<", "&lt;")
        return f'<table:table-cell office:value-type="string"><text:p>{text}</text:p>' \
               "</table:table-cell>"

    def row_tag(number):
        return ('<table:table-row table:visibility="filter">' if number in hidden
                else "<table:table-row>")

    body = "".join(row_tag(number) + "".join(map(cell, values)) + "</table:table-row>"
                   for number, values in enumerate([header] + [list(r) for r in rows], 1))
    content = (
        '<?xml version="1.0" encoding="UTF-8"?><office:document-content '
        'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" '
        'xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" '
        'xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" office:version="1.2">'
        f'<office:body><office:spreadsheet><table:table table:name="4W">{body}'
        "</table:table></office:spreadsheet></office:body></office:document-content>")
    manifest = (
        '<?xml version="1.0" encoding="UTF-8"?><manifest:manifest '
        'xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" '
        'manifest:version="1.2"><manifest:file-entry manifest:full-path="/" manifest:media-'
        'type="application/vnd.oasis.opendocument.spreadsheet"/><manifest:file-entry '
        'manifest:full-path="content.xml" manifest:media-type="text/xml"/>'
        "</manifest:manifest>")
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"),
                         "application/vnd.oasis.opendocument.spreadsheet")
        archive.writestr("META-INF/manifest.xml", manifest)
        archive.writestr("content.xml", content)
    return buffer.getvalue()


def ods_file(rows: Sequence[Sequence[Any]], header=HEADER, hidden: Sequence[int] = ()
             ) -> Writer:
    return lambda path: path.write_bytes(ods_data(rows, header, hidden))


def dates_workbook(path: Path) -> None:
    """A real date cell, an Excel serial typed as a number, and dates as text."""
    path.write_bytes(workbook([
        row(month=datetime(2025, 1, 15)), row(month=45689),  # 45689 = 2025-02-01
        row(month="15/03/2025"), row(month="April 2025"), row(month="31/02/2025"),
    ]))


# ---- script entry -------------------------------------------------------------------------------
def write_all(folder: Path, cases) -> List[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for case in cases:
        path = folder / case.file_name
        case.write(path)
        written.append(path)
    return written


def main(argv: Optional[Sequence[str]] = None) -> int:
    import argparse
    import importlib.util

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    args = parser.parse_args(argv)
    spec = importlib.util.spec_from_file_location("corpus_cases", Path(__file__).with_name(
        "cases.py"))
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    for path in write_all(args.folder, cases.CASES):
        print(path)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
