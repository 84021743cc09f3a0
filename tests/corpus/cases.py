"""The hostile-input corpus: every case with the outcome a partner's file must get.

An outcome is either ``Fails``: a clear InputError whose message matches every pattern (the
file, and the sheet, line/row and column where one is to blame), or ``Kept``: the join runs, the
row statuses are exactly these (so no row is lost), the QA report lists exactly these issue
categories with the number of rows each concerns, and the notes (report rows of category
"table"/"boundaries") say what was repaired. Expected figures are worked out by hand from the
rows each builder writes (see make_corpus.py), not taken from a run.

Used by tests/plain/test_corpus.py (every case through the analysis layer) and
tests/qgis/test_corpus_qgis.py (the cases marked ``qgis`` through processing.run).
"""
import importlib.util
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, Optional, Tuple, Union

_spec = importlib.util.spec_from_file_location(
    "coordmap_corpus_make", Path(__file__).with_name("make_corpus.py"))
make = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(make)

row, csv_file, csv_text, text_file = make.row, make.csv_file, make.csv_text, make.text_file
HEADER = make.HEADER


@dataclass(frozen=True)
class Fails:
    patterns: Tuple[str, ...]  # regular expressions, each must be found in the message


@dataclass(frozen=True)
class Kept:
    statuses: Dict[str, int]  # status -> rows, exactly (statuses not listed: none)
    issues: Dict[str, int] = field(default_factory=dict)  # category -> rows, exactly
    notes: Tuple[str, ...] = ()  # regular expressions, each found among the notes
    check: Optional[Callable[[Any], None]] = None  # further checks on the JoinResult


@dataclass(frozen=True)
class Case:
    file_name: str
    write: Callable[[Path], None]
    expected: Union[Fails, Kept]
    layer: Callable[[], Any] = make.boundaries  # -> (records, geometries)
    mapping: Optional[Dict[str, str]] = None
    sheet: Optional[str] = None
    period: str = "all"  # presence per period: "all", "month" or "quarter"
    default_year: Optional[int] = None
    admin_fields: Optional[Dict[str, str]] = None  # pcode_field / name_field of the boundaries
    qgis: bool = False  # also run through processing.run in the QGIS tier
    slow: bool = False  # takes seconds (10,000 columns): marked slow

    @property
    def name(self) -> str:
        return self.file_name


def fails(*patterns: str) -> Fails:
    return Fails(patterns)


EACH_DISTRICT = [row(pcode=pcode) for pcode, *_ in make.DISTRICTS]
NOT_A_TABLE = r"no admin P-code, admin name or latitude/longitude column|no data rows"


# ---- further checks ---------------------------------------------------------------------------
def _targeted_total(expected):
    def check(result):
        assert result.presence["targeted"].sum() == expected, result.presence["targeted"]
    return check


def _column_is(column, expected):
    def check(result):
        from coordmap.tests.helpers import cells  # (make_corpus.py also runs as a script)

        assert cells(result.rows[column]) == expected, result.rows[column].tolist()
    return check


def _both(*checks):
    def check(result):
        for one in checks:
            one(result)
    return check


def _long_organisation(result):
    assert result.rows["organisation"].str.len().max() > 1_000_000


def _periods_are(expected):
    def check(result):
        assert dict(zip(result.presence["period"], result.presence["partners"])) == expected, \
            result.presence[["period", "partners"]].values.tolist()
    return check


def _reason_has(position, pattern):
    def check(result):
        reason = result.rows["reason"].iloc[position]
        assert re.search(pattern, reason), reason
    return check


def _partner_list_is(expected):
    def check(result):
        assert result.presence["partner_list"].tolist() == expected, result.presence[
            ["partners", "partner_list"]].values.tolist()
        assert result.presence["partners"].tolist() == [len(e.split("; ")) for e in expected]
    return check


ORGANISATION_HEADER = ["Organisation", "Acronym", "Cluster", "Admin2 Pcode"]
# One district, seven rows, four organisations (never merged on a similarity alone: "Save the
# Child" is not Save the Children)
ORGANISATION_ROWS = [
    ["Save the Children", None, "Health", "XY0101"],
    ["SAVE THE CHILDREN ", None, "Health", "XY0101"],
    ["Save the Children International", "SCI", "Health", "XY0101"],
    ["Norwegian Refugee Council", "NRC", "Health", "XY0101"],
    ["NRC", None, "Health", "XY0101"],
    ["Médecins Sans Frontières (MSF)", None, "Health", "XY0101"],
    ["Save the Child", None, "Health", "XY0101"],
]


def _reason_has_issue(category, pattern):
    def check(result):
        reasons = result.issues.loc[result.issues["category"] == category, "reason"].tolist()
        assert any(re.search(pattern, reason) for reason in reasons), reasons
    return check


def _header_rows(expected):
    def check(result):
        assert result.summary["header rows"] == expected, result.summary["header rows"]
    return check


FORMULA_TEXTS = ['=HYPERLINK("http://example.com/x","click")', "+1+1", "-2+3", "@SUM(A1)",
                 "\tcmd"]

# ---- protection and safety (issue 19) ---------------------------------------------------------
# How partners write GBV and child protection; the last two cells name several clusters.
SENSITIVE_SPELLINGS = [
    "Protection (GBV)", "Protection: GBV", "Protection - Child Protection", "Protección - VBG",
    "CPiE", "VBG (Protection)", "العنف القائم على النوع الاجتماعي", "حماية الطفل", "GBV AoR",
    "Violences basées sur le genre", "GBV/CP", "GBV, Health",
]
SENSITIVE_ROWS = [row(f"Discreet Partner {n:02d}", spelling, make.DISTRICTS[n % 4][0])
                  for n, spelling in enumerate(SENSITIVE_SPELLINGS)]
EXPRESSIONS = ["[% env('HOME') %]", "[% file_exists('/etc/passwd') %]", "$CURRENT_DATE",
               "[% eval('6*7') %]"]
ARABIC_CLUSTERS = ["برنامج الإغاثة ألف", "برنامج الإغاثة باء"]  # unknown, and told apart
LONG_CLUSTER = "Cluster of " + "very " * 58 + "long name"  # 300 characters
# Last month's rows output given back as a 4W table: its own fields, and the partner's
# columns already renamed orig_* because they had the names of those fields.
ROWS_OUTPUT_HEADER = ["source_row", "status", "reason", "pcode", "cluster", "organisation",
                      "orig_Organisation", "orig_Cluster", "Admin2 Pcode", "Month",
                      "orig_Status", "Status"]
ROWS_OUTPUT = [[2, "used", "matched", "XY0101", "HEA", "ACF", "ACF", "Health", "XY0101",
                "2025-01", "ongoing", "checked"],
               [3, "used", "matched", "XY0102", "WSH", "NRC", "NRC", "WASH", "XY0102",
                "2025-01", "ongoing", "checked"]]


def _sensitive_rows_protected(result):
    """Every sensitive spelling is found by the data protection: the presence it publishes
    names none of those partners and has no count below 5."""
    from coordmap.processing.analysis.protection import ProtectionPolicy

    published = ProtectionPolicy().protect_presence(result.presence)
    assert published["protected"].all(), published[["cluster", "protected"]]
    assert not published["partner_list"].str.contains("Discreet").any()
    assert published["partners"].isna().all()


def _texts_kept_as_written(column, texts):
    def check(result):
        assert set(texts) <= set(result.rows[column]), result.rows[column].tolist()
    return check


def _unique_field_names(result):
    names = [name.casefold() for name in result.rows.columns]
    assert len(names) == len(set(names)), result.rows.columns.tolist()
    assert {"orig_status", "orig_orig_status", "orig_organisation",
            "orig_orig_organisation"} <= set(names)


CASES = [
    # ---- empty, or nothing under the header ---------------------------------------------------
    Case("empty_file.csv", make.raw_bytes(b""), fails(r"empty_file\.csv: the file is empty"),
         qgis=True),
    Case("blank_lines_only.csv", text_file("\n\r\n   \n\n"),
         fails(r"blank_lines_only\.csv: the file is empty")),
    Case("bom_only.csv", make.raw_bytes(b"\xef\xbb\xbf"),
         fails(r"bom_only\.csv: the file is empty")),
    Case("header_only.csv", csv_file([]),
         fails(r"header_only\.csv: the table has a header \(row 1\) but no data rows"), qgis=True),
    Case("header_then_blank_lines.csv", text_file(csv_text([]) + ",,,,,\n\n  \n"),
         fails(r"header_then_blank_lines\.csv: the table has a header \(row 1\) but no data")),
    # ---- encodings, delimiters, bytes -----------------------------------------------------------
    Case("nul_bytes.csv", text_file(csv_text([row("A\x00CF"), row(pcode="XY01\x0002")])),
         Kept({"used": 2}, notes=(r"2 NUL bytes removed",),
              check=_column_is("pcode", ["XY0101", "XY0102"])), qgis=True),
    Case("mixed_encodings.csv", make.mixed_encodings,
         Kept({"used": 2}, notes=(r"mixed encodings: 1 line\(s\) in cp1252 .*line 3, the ot",),
              check=_column_is("organisation", ["Médecins du Monde", "Médecins Sans Frontières"]))),
    Case("cp1252_semicolon.csv",
         csv_file([row("Médecins du Monde", "Santé"), row(pcode="XY0102")], delimiter=";",
                  encoding="cp1252"),
         Kept({"used": 2}, notes=(r"cp1252", r"delimiter ';'"))),
    Case("cp1256_arabic.csv",
         csv_file([row("منظمة الإغاثة", "الصحة"), row("جمعية الهلال", "المياه والصرف الصحي",
                                                      pcode="XY0102")],
                  delimiter=";", encoding="cp1256"),
         # Windows-Arabic, not cp1252: the names come out as written, and the clusters are read
         Kept({"used": 2}, notes=(r"encoding cp1256 \(Windows Arabic\) detected",),
              check=_both(_column_is("organisation", ["منظمة الإغاثة", "جمعية الهلال"]),
                          _column_is("cluster", ["HEA", "WSH"]))), qgis=True),
    Case("cp1251_cyrillic.csv",
         csv_file([row("Красный Крест"), row("Право на защиту", pcode="XY0102")],
                  delimiter=";", encoding="cp1251"),
         Kept({"used": 2}, notes=(r"encoding cp1251 \(Windows Cyrillic\) detected",),
              check=_column_is("organisation", ["Красный Крест", "Право на защиту"]))),
    Case("utf16_tab.txt", csv_file(EACH_DISTRICT[:2], delimiter="\t", encoding="utf-16"),
         Kept({"used": 2}, notes=(r"UTF-16", r"delimiter tab"))),
    Case("utf16le_no_bom.csv", csv_file(EACH_DISTRICT[:2], encoding="utf-16-le"),
         Kept({"used": 2}, notes=(r"UTF-16-LE \(no BOM\)",))),
    Case("mixed_delimiters.csv",
         text_file(csv_text([row()]) + "ACF;Health;XY0102;;2025-01;10\n"
                   + csv_text([row(pcode="XY0201")], header=[])),
         # the ';' line is one cell (all of it in Organisation): no location, so unmatched
         Kept({"used": 2, "unmatched": 1},
              {"unmatched_location": 1, "unknown_cluster": 1, "period": 1},
              notes=(r"1 line\(s\) have a different number of cells .*line 3",))),
    Case("unclosed_quote.csv",
         text_file(csv_text([row()]) + 'ACF,"Health,XY0102,,2025-01,10\n'
                   + "ACF,Health,XY0201,,2025-01,10\n"),
         fails(r"unclosed_quote\.csv, line 3, column 2: a quote \(\"\) opens in this cell and "
               r"is never closed"), qgis=True),
    Case("binary_garbage.csv", make.binary_garbage, fails(r"binary_garbage\.csv", NOT_A_TABLE)),
    Case("cr_line_endings.csv", csv_file(EACH_DISTRICT[:2], newline="\r"), Kept({"used": 2})),
    Case("crlf_line_endings.csv", csv_file(EACH_DISTRICT[:2], newline="\r\n"), Kept({"used": 2})),
    Case("text_named_xlsx.xlsx", csv_file(EACH_DISTRICT[:2]),
         Kept({"used": 2}, notes=(r"named \.xlsx but holds text",)), qgis=True),
    Case("html_named_xls.xls",
         text_file("<html><body><table><tr><td>Organisation</td><td>District</td></tr>"
                   "<tr><td>ACF</td><td>Alpha</td></tr></table></body></html>"),
         fails(r"html_named_xls\.xls", NOT_A_TABLE)),
    # ---- shape of the table ----------------------------------------------------------------------
    Case("wide_10000_columns.csv", make.wide_csv(10_000, with_location=True),
         Kept({"used": 1}, notes=(r"columns kept without a role: .* and \d{4} more",)),
         slow=True),
    Case("wide_10000_columns_no_location.csv", make.wide_csv(10_000, with_location=False),
         fails(r"wide_10000_columns_no_location\.csv: no admin P-code",
               r"Field 0, Field 1, .* and \d{4} more\. Name the columns"), qgis=True, slow=True),
    Case("extra_cells.csv",
         text_file(csv_text([row()]) + "ACF,Health,XY0102,,2025-01,10,surplus,more\n"),
         Kept({"used": 2}, notes=(r"1 line\(s\) have a different number of cells",),
              check=lambda r: r.rows["Column H"].tolist() == [None, "more"])),
    Case("short_rows.csv", text_file(csv_text([row()]) + "ACF,Health,XY0102\n"),
         Kept({"used": 2}, {"period": 1}, notes=(r"different number of cells .*line 3",))),
    Case("duplicate_column_names.csv",
         csv_file([["ACF", "UNICEF", "Health", "XY0101", "XY0102", "2025-01"]],
                  header=["Organisation", "Organisation", "Cluster", "Admin2 Pcode",
                          "Admin2 Pcode", "Month"]),
         Kept({"used": 1}, notes=(r"Organisation \(2\)", r"Admin2 Pcode \(2\)"),
              check=_column_is("pcode", ["XY0101"]))),
    Case("title_rows.csv", text_file("Partner 4W report, January 2025\n\n"
                                     + csv_text(EACH_DISTRICT[:2])),
         Kept({"used": 2, "skipped": 2}, {"skipped_row": 2}, check=_header_rows("3"))),
    Case("header_below_notes.csv",
         text_file("".join(f"Note {n}: read the guidance before filling in\n" for n in range(45))
                   + csv_text(EACH_DISTRICT[:2])),
         Kept({"used": 2, "skipped": 45}, {"skipped_row": 45},
              notes=(r"header found at row 46",), check=_header_rows("46")), qgis=True),
    Case("repeated_header.csv",
         csv_file(EACH_DISTRICT[:2] + [HEADER] + EACH_DISTRICT[2:]),
         # two sheets pasted one under the other: the second header is no partner's row
         Kept({"used": 4, "skipped": 1}, {"skipped_row": 1},
              check=_reason_has(2, r"^repeated header$")), qgis=True),
    Case("hxl_row.csv",
         text_file(csv_text([["#org", "#sector", "#adm2+code", "#adm2+name", "#date+month",
                              "#targeted"]] + EACH_DISTRICT[:2])),
         Kept({"used": 2}, notes=(r"HXL hashtag row found at row 2",),
              check=_header_rows("1, 2"))),
    Case("blank_rows_between.csv",
         text_file(csv_text([row()]) + ",,,,,\n" + csv_text([row(pcode="XY0102")], header=[])),
         Kept({"used": 2, "skipped": 1}, {"skipped_row": 1})),
    Case("total_row.csv", csv_file(EACH_DISTRICT[:2] + [["Total", None, None, None, None, 20]]),
         Kept({"used": 2, "skipped": 1}, {"skipped_row": 1}, check=_targeted_total(20))),
    Case("duplicate_rows.csv", csv_file([row(), row(), row(pcode="XY0102")]),
         Kept({"used": 3}, {"duplicate_rows": 2})),
    Case("long_cell.csv", make.long_cell, Kept({"used": 2}, check=_long_organisation)),
    # ---- names: right-to-left, invisible marks, combining accents -------------------------------
    Case("rtl_and_combining.csv",
         csv_file([row("منظمة الإغاثة", pcode="XY0101\u200f"),
                   row(pcode="\u202bXY0102\u202c"),
                   row("Cafe\u0301 Solidarité", pcode=None, name="Ga\u0301mma")]),
         # codes with direction marks are matched, and reported as irregular
         Kept({"used": 3}, {"irregular_pcode": 2},
              check=_both(_column_is("pcode", ["XY0101", "XY0102", "XY0201"]),
                          _column_is("organisation", ["منظمة الإغاثة", "ACF",
                                                      "Cafe\u0301 Solidarité"]))),
         qgis=True),
    # ---- numbers -------------------------------------------------------------------------------
    Case("negative_numbers.csv",
         csv_file([row(targeted=-5), row(pcode="XY0102", targeted=-1),
                   row(pcode="XY0201", targeted=10)]),
         Kept({"used": 3}, {"invalid_number": 2}, check=_targeted_total(10))),
    Case("absurd_numbers.csv",
         csv_file([row(targeted="1e12"), row(pcode="XY0102", targeted="inf"),
                   row(pcode="XY0201", targeted="nan"),
                   row(pcode="XY0202", targeted="99999999999999999999"),
                   row(pcode="XY0101", month="2025-02", targeted=5)]),
         Kept({"used": 5}, {"invalid_number": 4}, check=_targeted_total(5)), qgis=True),
    Case("numbers_as_text.csv",
         csv_file([row(targeted="1,000"), row(pcode="XY0102", targeted="1 000"),
                   row(pcode="XY0201", targeted="about 50"),
                   row(pcode="XY0202", targeted="12.5")]),
         Kept({"used": 4}, {"invalid_number": 1}, check=_targeted_total(2012.5))),
    Case("decimal_comma_semicolon.csv",
         csv_file([row(targeted="1.234"), row(pcode="XY0102", targeted="12.500"),
                   row(pcode="XY0201", targeted="7")], delimiter=";"),
         # a ';' file comes from a decimal-comma locale: '.' groups thousands
         Kept({"used": 3}, notes=(r'"Targeted": decimal comma, \'\.\' as thousands separator '
                                  r"\(from the file's ';' delimiter\)",),
              check=_targeted_total(13741)), qgis=True),
    Case("decimal_comma_in_values.txt",
         csv_file([row(targeted="1.234"), row(pcode="XY0102", targeted="2,5"),
                   row(pcode="XY0201", targeted="1.000,5")], delimiter="\t"),
         Kept({"used": 3}, notes=(r"decimal comma.*from the column's values",),
              check=_targeted_total(2237))),
    Case("point_thousands_in_comma_file.csv",
         csv_file([row(targeted="1,234"), row(pcode="XY0102", targeted="1.500")]),
         # a comma is no decimal in a ',' file; "1.500" may be 1.5 or 1500: flagged
         Kept({"used": 2}, {"ambiguous_number": 1}, check=_targeted_total(2734))),
    Case("ambiguous_separators.txt",
         csv_file([row(targeted="1.234"), row(pcode="XY0102", targeted="12")], delimiter="\t"),
         # nothing decides: read as thousands (people are whole), and the row flagged
         Kept({"used": 2}, {"ambiguous_number": 1}, check=_targeted_total(1246))),
    # ---- organisations (issue 18): one partner however written, every merge reported --------
    Case("organisation_spellings.csv", csv_file(ORGANISATION_ROWS, header=ORGANISATION_HEADER),
         Kept({"used": 7}, {"organisation_merged": 5, "period": 7},
              check=_partner_list_is(["Médecins Sans Frontières (MSF); NRC; Save the Child; "
                                      "SAVE THE CHILDREN"])), qgis=True),
    # ---- P-codes ------------------------------------------------------------------------------
    Case("pcodes_as_numbers.csv",
         csv_file([row(pcode="101"), row(pcode="0102"), row(pcode="201.0")]),
         # 101 and 201.0 are 0101 and 0201 with the leading zero lost
         Kept({"used": 3}, {"irregular_pcode": 2},
              check=_column_is("pcode", ["0101", "0102", "0201"])),
         layer=make.boundaries_numeric),
    Case("pcodes_as_numbers.xlsx",
         make.xlsx_file([row(pcode=101), row(pcode=102), row(pcode="0201")]),
         Kept({"used": 3}, {"irregular_pcode": 2},
              check=_column_is("pcode", ["0101", "0102", "0201"])),
         layer=make.boundaries_numeric, qgis=True),
    Case("pcodes_with_float_ending.csv",
         csv_file([row(pcode="XY0102.0"), row(pcode="1.01E+03"), row(pcode="XY0201")]),
         # "XY0102.0" is XY0102 stored as a number; "1.01E+03" lost its digits: not trusted
         Kept({"used": 2, "unmatched": 1}, {"irregular_pcode": 1, "unmatched_location": 1},
              check=_both(_column_is("pcode", ["XY0102", None, "XY0201"]),
                          _reason_has(1, r"scientific notation.*cannot be trusted"))),
         qgis=True),
    Case("pcodes_of_another_country.csv",
         csv_file([row(pcode="ZZ0101"), row(pcode="ZZ0102")]),
         # nothing placed: the outputs are written (the report says why), never a quiet success
         Kept({"unmatched": 2}, {"unmatched_location": 2, "no_presence": 2},
              check=_reason_has_issue("no_presence", r"presence is empty")), qgis=True),
    Case("national_and_placeholders.csv",
         csv_file([row(pcode="Nationwide"), row(pcode="#N/A"), row(pcode="-"),
                   row(pcode="XY0102")]),
         Kept({"used": 1, "unmatched": 3}, {"national_coverage": 1, "unmatched_location": 2})),
    Case("split_cells.csv", csv_file([row(pcode="XY0101, XY0102"), row(pcode="XY0201")]),
         Kept({"used": 2}, {"split_cell": 2})),
    # ---- dates ---------------------------------------------------------------------------------
    Case("dates_as_text.csv",
         csv_file([row(month="45678"), row(month="15/01/2025"), row(month="January 2025"),
                   row(month="2025-13"), row(month="31/02/2025")]),
         Kept({"used": 5}, {"period": 2})),
    Case("dates.xlsx", make.dates_workbook,
         Kept({"used": 5}, {"period": 1},
              check=_column_is("period", ["2025-01", "2025-02", "2025-03", "2025-04", None])),
         qgis=True),
    # ---- periods (issue 18): ranges count in each month; a year is found or asked for --------
    Case("month_ranges.csv",
         csv_file([row(month="Jan-Mar 2025"), row("NRC", month="janvier - février 2025"),
                   row("IRC", month="Q1 2025"), row("MSF", month="Feb 2025")]),
         Kept({"used": 4}, check=_periods_are({"2025-01": 3, "2025-02": 4, "2025-03": 2})),
         period="month", qgis=True),
    Case("months_without_a_year.csv",
         csv_file([row(month="January"), row(pcode="XY0102", month="February")]),
         fails(r"months_without_a_year\.csv: presence per month needs the year of each month",
               r'"Month" column', r"DEFAULT_YEAR", r"whole table"),
         period="month", qgis=True),
    Case("months_without_a_year_given_one.csv",
         csv_file([row(month="January"), row(pcode="XY0102", month="February")]),
         Kept({"used": 2}, {"period": 2}, check=_periods_are({"2024-01": 1, "2024-02": 1})),
         period="month", default_year=2024),
    Case("4w_march_2023.csv", csv_file([row(month="March")]),
         Kept({"used": 1}, {"period": 1}, check=_periods_are({"2023-03": 1})), period="month",
         qgis=True),
    Case("no_period_column.csv",
         csv_file([["ACF", "Health", "XY0101"]], header=["Organisation", "Cluster",
                                                          "Admin2 Pcode"]),
         fails(r"no_period_column\.csv: presence per quarter needs a month, quarter or date "
               r"column", r"whole table"), period="quarter", qgis=True),
    # ---- formulas and formula-like text ---------------------------------------------------------
    Case("formula_text.csv", csv_file([row(org=text, pcode=pcode) for text, pcode in zip(
        FORMULA_TEXTS, ["XY0101", "XY0102", "XY0201", "XY0202", "XY0101"])]),
         Kept({"used": 5}, check=_column_is("organisation", [
             '=HYPERLINK("http://example.com/x","click")', "+1+1", "-2+3", "@SUM(A1)", "cmd"]))),
    Case("formulas_cached.xlsx", make.formulas(cached=True),
         Kept({"used": 2}, check=_both(_column_is("organisation", ["ACF", "ACF"]),
                                       _targeted_total(15)))),
    Case("formulas_uncached.xlsx", make.formulas(cached=False),
         # no value saved with the formulas: read as empty cells, reported
         Kept({"used": 2}, {"no_organisation": 1}, check=_targeted_total(10))),
    # ---- columns the user names -----------------------------------------------------------------
    Case("no_location_column.csv",
         csv_file([["ACF", "Health", "2025-01"]], header=["Organisation", "Cluster", "Month"]),
         fails(r"no_location_column\.csv: no admin P-code.*among: Organisation, Cluster, Month")),
    Case("mapping_swapped.csv",
         csv_file([row(org, cluster, pcode) for (pcode, *_), (org, cluster) in zip(
             make.DISTRICTS, [("ACF", "Health"), ("NRC", "Shelter"), ("IRC", "WASH"),
                              ("Oxfam", "Nutrition")])]),
         # organisation and cluster swapped in the mapping: accepted, and the report warns
         Kept({"used": 4}, {"mapping": 4, "unknown_cluster": 4},
              check=_reason_has_issue("mapping", r'the organisation column "Cluster" holds '
                                      r"cluster names: the two columns look swapped")),
         mapping={"org": "Cluster", "cluster": "Organisation"}, qgis=True),
    Case("mapping_missing_column.csv", csv_file(EACH_DISTRICT[:1]),
         fails(r'mapping_missing_column\.csv: the mapping gives column "District Pcode" for '
               r'role "adm2_code" but there is no such column'),
         mapping={"adm2_code": "District Pcode"}, qgis=True),
    # ---- spreadsheets, broken --------------------------------------------------------------------
    Case("truncated_half.xlsx", make.truncated(make.sample_xlsx, 0.5),
         fails(r"truncated_half\.xlsx: cannot be opened as a spreadsheet"), qgis=True),
    Case("truncated_10_bytes.xlsx", make.truncated(make.sample_xlsx, 10 / 6000),
         fails(r"truncated_10_bytes\.xlsx: cannot be opened as a spreadsheet")),
    Case("zip_without_workbook.xlsx", make.zip_without_workbook,
         fails(r"zip_without_workbook\.xlsx: cannot be opened as a spreadsheet")),
    Case("damaged_sheet.xlsx", make.damaged_sheet_xml,
         fails(r'damaged_sheet\.xlsx, sheet "4W": the sheet is damaged'), qgis=True),
    Case("shared_string_out_of_range.xlsx", make.shared_string_out_of_range,
         fails(r'shared_string_out_of_range\.xlsx, sheet "4W": the sheet is damaged'),
         qgis=True),
    Case("zip_bomb.xlsx", make.zip_bomb,
         fails(r"zip_bomb\.xlsx: the file unpacks to 200 MB, [\d,]+ times its size")),
    Case("ole_garbage.xls", make.raw_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600)),
         fails(r"ole_garbage\.xls: cannot be opened as a spreadsheet")),
    Case("truncated.ods", make.truncated(lambda: make.ods_data(EACH_DISTRICT), 0.6),
         fails(r"truncated\.ods: cannot be opened as a spreadsheet")),
    # ---- spreadsheets, odd -----------------------------------------------------------------------
    Case("header_only.xlsx", make.xlsx_file([]),
         fails(r'header_only\.xlsx, sheet "4W": the table has a header \(row 1\) but no data'),
         qgis=True),
    Case("empty_workbook.xlsx", make.xlsx_file(sheets={"Sheet1": []}),
         fails(r"empty_workbook\.xlsx: no sheet has any data")),
    Case("missing_sheet.xlsx", make.xlsx_file(EACH_DISTRICT[:1]),
         fails(r'missing_sheet\.xlsx: no sheet "Data"; available sheets: "4W"'), sheet="Data"),
    Case("first_sheet_empty.xlsx",
         make.xlsx_file(sheets={"Cover": [], "4W": [HEADER] + EACH_DISTRICT[:2]}),
         Kept({"used": 2}, notes=(r'sheet "4W" read \(2 sheets in file\)',))),
    Case("instructions_first.xlsx", make.xlsx_file(sheets={
        "Instructions": [["How to fill in this template"], ["One row per activity and place"],
                         ["Use the P-codes of the lists sheet"]],
        "Lists": [["Organisation", "Cluster"], ["ACF", "Health"], ["NRC", "Shelter"]],
        "Data": [HEADER] + EACH_DISTRICT}),
         # the 4W is on the third sheet: found, and the report says which and why
         Kept({"used": 4}, notes=(r'sheet "Data" read \(3 sheets in file\)',
                                  r'sheet "Data" chosen: it looks most like a 4W table \(other '
                                  r'sheets with data: "Instructions", "Lists"',)), qgis=True),
    Case("hidden_rows.xlsx", make.xlsx_file(EACH_DISTRICT, hidden=[3, 5]),
         # hidden (or filtered out) rows are read like the others, and counted
         Kept({"used": 4}, notes=(r"2 row\(s\) hidden or filtered out in the sheet \(row 3, 5\)",)),
         qgis=True),
    Case("no_sheet_with_a_location.xlsx", make.xlsx_file(sheets={
        "Read me": [["Fill in the 4W on the partner sheet"]],
        "Pivot": [["Row Labels", "Sum of Targeted"], ["ACF", 10], ["NRC", 20]]}),
         fails(r'no_sheet_with_a_location\.xlsx, sheet "Pivot": no admin P-code',
               r'The file has other sheets \("Read me"\): give the Sheet'), qgis=True),
    Case("sheet_named_2.xlsx", make.xlsx_file(sheets={"1": [HEADER] + EACH_DISTRICT[:1],
                                                      "2": [HEADER] + EACH_DISTRICT}),
         Kept({"used": 4}, notes=(r'sheet "2" read',)), sheet="2", qgis=True),
    Case("merged_cells.xlsx",
         make.xlsx_file(sheets={"4W": [["Who", None, "Where", None, "When", None], HEADER,
                                       row(), row(org=None, pcode="XY0102")]},
                        merged=["A1:B1", "C1:D1", "A3:A4"]),
         # the merged organisation cell is only in row 3: row 4 has no organisation
         Kept({"used": 2}, {"no_organisation": 1}, notes=(r"two-row header",),
              check=_header_rows("1, 2")), qgis=True),
    Case("wide_10000_columns.xlsx",
         make.xlsx_file(sheets={"4W": [HEADER + [f"x{i}" for i in range(9994)],
                                       row() + list(range(9994))]}),
         Kept({"used": 1}, notes=(r"and \d{4} more",)), slow=True),
    Case("minimal.ods", make.ods_file(EACH_DISTRICT), Kept({"used": 4}), qgis=True),
    Case("filtered_rows.ods", make.ods_file(EACH_DISTRICT, hidden=[2, 4]),
         Kept({"used": 4}, notes=(r"2 row\(s\) hidden or filtered out in the sheet \(row 2, 4\)",)),
         qgis=True),
    Case("broken_tag.ods", make.ods_with_broken_tag,
         fails(r"broken_tag\.ods: the file is damaged \(its sheet XML is broken at line 1, "
               r"column \d+"), qgis=True),
    Case("header_only.ods", make.ods_file([]),
         fails(r'header_only\.ods, sheet "4W": the table has a header \(row 1\) but no data')),
    # ---- boundary layers ------------------------------------------------------------------------
    Case("for_duplicate_pcodes.csv", csv_file(EACH_DISTRICT),
         Kept({"used": 4}, notes=(r"5 features dissolved into 4 admin 2 units",)),
         layer=make.boundaries_with_duplicate_pcodes, qgis=True),
    Case("for_far_duplicate_pcode.csv", csv_file(EACH_DISTRICT),
         Kept({"used": 4}, notes=(r"P-code XY0101: 2 features share it, one of them 41 times "
                                  r"the width of a typical unit away",)),
         layer=make.boundaries_with_far_duplicate_pcode, qgis=True),
    Case("for_code_field.csv", csv_file(EACH_DISTRICT),
         # a P-code field named CODE: found from its values, and said
         Kept({"used": 4}, notes=(r"P-code field 'CODE' \(found from its values\), names from "
                                  r"'LIBELLE'",)),
         layer=make.boundaries_with_field_names("CODE", "LIBELLE", keep_admin1=False), qgis=True),
    Case("for_pcode_field_given.csv", csv_file([row(pcode=None, name=name)
                                                for _, name, *_ in make.DISTRICTS]),
         # admin 1 fields named as usual, the districts' not: the fields given are used
         Kept({"used": 4}, notes=(r"P-code field 'pcode' \(given\), names from 'nm'",),
              check=_column_is("pcode", [pcode for pcode, *_ in make.DISTRICTS])),
         layer=make.boundaries_with_field_names("pcode", "nm", keep_admin1=True),
         admin_fields={"pcode_field": "pcode", "name_field": "nm"}, qgis=True),
    Case("for_null_pcodes.csv", csv_file(EACH_DISTRICT),
         Kept({"used": 4}, notes=(r"4 features without a P-code",)),
         layer=make.boundaries_with_null_pcodes, qgis=True),
    Case("for_invalid_geometries.csv", csv_file(EACH_DISTRICT),
         Kept({"used": 4}, notes=(r"2 invalid geometries repaired",)),
         layer=make.boundaries_with_invalid_geometries, qgis=True),
    Case("for_empty_geometries.csv", csv_file(EACH_DISTRICT),
         Kept({"used": 4}, notes=(r"2 of 4 features have no geometry \(P-code XY0201, XY0202\)",)),
         layer=make.boundaries_with_empty_geometries),
    Case("for_line_boundaries.csv", csv_file(EACH_DISTRICT),
         fails(r"boundary layer: it has no polygon"), layer=make.boundaries_without_polygons),
    Case("for_geometryless_boundaries.csv", csv_file(EACH_DISTRICT),
         fails(r"boundary layer: it has no polygon"), layer=make.boundaries_all_empty),
    Case("for_boundaries_without_pcodes.csv", csv_file(EACH_DISTRICT),
         fails(r"boundary layer: no P-code field found .*fields seen: NAME, REGION"),
         layer=make.boundaries_without_pcode_field, qgis=True),
    # ---- protection and safety ------------------------------------------------------------------
    Case("sensitive_spellings.csv", csv_file(SENSITIVE_ROWS),
         Kept({"used": 12}, {"unknown_cluster": 2}, check=_sensitive_rows_protected), qgis=True),
    Case("expression_cells.csv", csv_file([row(text, text, pcode) for text, (pcode, *_) in zip(
        EXPRESSIONS, make.DISTRICTS)]),
         # (no cell names a cluster: the report asks whether it is the cluster column)
         Kept({"used": 4}, {"unknown_cluster": 4, "mapping": 4},
              check=_both(_texts_kept_as_written("organisation", EXPRESSIONS),
                          _texts_kept_as_written("cluster", EXPRESSIONS))), qgis=True),
    Case("arabic_cluster_names.csv", csv_file([row(cluster=name) for name in ARABIC_CLUSTERS]),
         Kept({"used": 2}, {"unknown_cluster": 2},
              check=_texts_kept_as_written("cluster", ARABIC_CLUSTERS)), qgis=True),
    Case("long_cluster_name.csv", csv_file([row(cluster=LONG_CLUSTER)]),
         Kept({"used": 1}, {"unknown_cluster": 1}), qgis=True),
    Case("rows_output_as_input.csv", csv_file(ROWS_OUTPUT, header=ROWS_OUTPUT_HEADER),
         Kept({"used": 2}, check=_unique_field_names), qgis=True),
]
