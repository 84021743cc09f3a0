"""Which columns say where a row is, and which unit each row is in, decided from the values.

Country XY (admin 2 boundaries with admin-1 fields; the names are chosen as traps):

    admin 1   XY01 North                          XY02 South
    admin 2   XY0101 Alpha   XY0102 North         XY0201 Gamma   XY0202 Alpha
              (Alpha is in both regions; North is also the name of a district)
"""
import pytest

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import JoinOptions, join_4w
from coordmap.processing.analysis.matching.evidence import Cell, weigh
from coordmap.processing.analysis.table import table_from_records
from coordmap.tests.corpus.make_corpus import boundaries

DISTRICTS = [
    ("XY0101", "Alpha", "XY01", "North", 0),
    ("XY0102", "North", "XY01", "North", 1),
    ("XY0201", "Gamma", "XY02", "South", 2),
    ("XY0202", "Alpha", "XY02", "South", 3),
]


@pytest.fixture(scope="module")
def units():
    return AdminUnits.from_features(*boundaries(DISTRICTS))


def run(units, fields, records, **options):
    table = parse_table(table_from_records("4w.csv", fields, records))
    return join_4w(table, units, JoinOptions(**options))


def mapping_of(result):
    return dict(zip(result.mapping["role"], result.mapping["column"]))


def placed(result):
    """(source row, status, P-code) of every row."""
    return [(int(row.source_row), row.status, row.pcode if row.status != "unmatched" else None)
            for row in result.rows.itertuples() if row.status != "notice"]


# ---- columns -------------------------------------------------------------------------------

def test_a_plain_title_over_codes_is_an_admin_code_column(units):
    result = run(units, ["Partner", "Sector", "Where"],
                 [["A", "Health", "XY0101"], ["B", "Health", "XY0202"], ["C", "WASH", "XY0201"]])
    assert mapping_of(result)["adm2_code"] == "Where"
    assert [status for _row, status, _pcode in placed(result)] == ["used"] * 3


def test_the_values_decide_the_level_not_the_header_word(units):
    """'Zone' over admin-2 codes, 'Département' over admin-1 names: each column takes the level
    its values show, whatever rank its word has in another country."""
    result = run(units, ["Organisation", "Cluster", "Departement", "Zone"],
                 [["A", "Health", "North", "XY0101"], ["B", "Health", "South", "XY0202"]])
    mapping = mapping_of(result)
    assert (mapping["adm1_name"], mapping["adm2_code"]) == ("Departement", "Zone")
    assert [pcode for _row, _status, pcode in placed(result)] == ["XY0101", "XY0202"]


def test_a_health_zone_named_like_a_district_is_not_an_admin_column(units):
    """The health zone 'Gamma' serves rows of district Alpha: its names are not taken for
    admin units (a parallel hierarchy), the district codes decide."""
    result = run(units, ["Organisation", "Cluster", "Code district", "Zone de sante"],
                 [["A", "Health", "XY0101", "Gamma"], ["B", "Health", "XY0102", "Gamma"],
                  ["C", "Health", "XY0201", "Gamma"]])
    mapping = mapping_of(result)
    assert mapping["adm2_code"] == "Code district"
    assert "Zone de sante" not in mapping.values()
    assert [pcode for _row, _status, pcode in placed(result)] == ["XY0101", "XY0102", "XY0201"]


def test_a_region_column_whose_names_are_also_districts(units):
    """'North' is a region and a district: the column is the region column because its rows
    agree with the district column (each district lies in the region named)."""
    result = run(units, ["Organisation", "Cluster", "Region", "District"],
                 [["A", "Health", "North", "Alpha"], ["B", "Health", "South", "Alpha"],
                  ["C", "Health", "North", "North"], ["D", "Health", "South", "Gamma"]])
    mapping = mapping_of(result)
    assert (mapping["adm1_name"], mapping["adm2_name"]) == ("Region", "District")
    assert [pcode for _row, _status, pcode in placed(result)] == \
        ["XY0101", "XY0202", "XY0102", "XY0201"]


def test_parents_learnt_from_the_table_codes_settle_homonyms(units):
    """Boundaries of admin 2 only (no admin-1 fields): the table's region codes start the
    district codes, so they name the districts' parents and 'Alpha' is found in each."""
    records = [{"ADM2_PCODE": pcode, "ADM2_EN": name} for pcode, name, *_ in DISTRICTS]
    only_districts = AdminUnits.from_features(records, boundaries(DISTRICTS)[1])
    result = run(only_districts, ["Organisation", "Cluster", "Region code", "District"],
                 [["A", "Health", "XY01", "Alpha"], ["B", "Health", "XY02", "Alpha"]])
    assert [pcode for _row, _status, pcode in placed(result)] == ["XY0101", "XY0202"]


# ---- rows ----------------------------------------------------------------------------------

def test_cells_that_disagree_two_against_two_stay_unmatched_and_reported(units):
    """Region code and name say South, district code and name say North (a district of the
    North); (three cells against one overrule it: 'Alpha' is also a district of the South)."""
    fields = ["Organisation", "Cluster", "Admin1 Pcode", "Admin1 Name", "Admin2 Pcode",
              "Admin2 Name"]
    result = run(units, fields, [["A", "Health", "XY02", "South", "XY0102", "North"],
                                 ["B", "Health", "XY02", "South", "XY0101", "Alpha"]])
    assert placed(result) == [(2, "unmatched", None), (3, "used", "XY0202")]
    row = result.rows.iloc[-2]
    assert row["reason"].startswith("the location cells disagree")
    assert "XY0102" in row["suggestion"] and "XY02" in row["suggestion"]
    conflicts = result.issues[result.issues["category"] == "location_conflict"]
    assert sorted(conflicts["first_row"]) == [2, 3]


def test_a_lone_cell_is_overruled_by_three_and_the_report_says_so(units):
    """The admin-2 code says Gamma; the region code, region name and district name say Alpha
    of the North: the row is placed in XY0101 and the overruled code reported."""
    fields = ["Organisation", "Cluster", "Admin1 Pcode", "Admin1 Name", "Admin2 Pcode",
              "Admin2 Name"]
    result = run(units, fields, [["A", "Health", "XY01", "North", "XY0201", "Alpha"],
                                 ["B", "Health", "XY02", "South", "XY0201", "Gamma"]])
    assert placed(result) == [(2, "used", "XY0101"), (3, "used", "XY0201")]
    assert "'XY0201'" in result.rows.iloc[-2]["reason"]
    conflicts = result.issues[result.issues["category"] == "location_conflict"]
    assert conflicts["first_row"].tolist() == [2]


# ---- the weighing itself -------------------------------------------------------------------

PARENTS = {"XY0101": "XY01", "XY0102": "XY01", "XY0201": "XY02", "XY0202": "XY02"}


def ancestor(pcode, level):
    return pcode if len(pcode) == 2 + 2 * level else \
        (PARENTS.get(pcode) if level == 1 else None)


def cell(units, level, kind="code"):
    return Cell(kind, level, "raw", frozenset(units), level)


def test_weigh_homonyms_are_settled_by_the_coarser_cell():
    verdict = weigh([cell({"XY0101", "XY0202"}, 2, "name"), cell({"XY02"}, 1)], ancestor)
    assert (verdict.unit, verdict.level, verdict.overruled) == ("XY0202", 2, ())


def test_weigh_two_districts_of_one_region_give_the_region():
    verdict = weigh([cell({"XY0101"}, 2), cell({"XY0102"}, 2, "name")], ancestor)
    assert (verdict.unit, verdict.level) == ("XY01", 1)


def test_weigh_one_against_one_is_split_with_both_as_rivals():
    verdict = weigh([cell({"XY0101"}, 2), cell({"XY02"}, 1)], ancestor)
    assert verdict.unit is None
    assert set(verdict.rivals) >= {"XY0101", "XY02"}


def test_weigh_a_reviewed_decision_outweighs_the_row():
    reviewed = cell({"XY0201"}, 2)._replace(weight=10)
    verdict = weigh([reviewed, cell({"XY01"}, 1), cell({"XY0101"}, 2, "name")], ancestor)
    assert verdict.unit == "XY0201" and len(verdict.overruled) == 2
