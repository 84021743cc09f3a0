"""join_4w on a small hand-made country: every expected number below is worked out by hand.

Country XY (shapely unit boxes along the x axis):

    admin 1   XY01 North                    XY02 South
    admin 2   XY0101 Alpha  XY0102 Beta     XY0201 Gamma  XY0202 Delta
    x range   0-1           1-2             2-3           3-4          (y 0-1)
"""
import datetime as dt
import math
import re
import warnings

import numpy as np
import pandas as pd
import pytest

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import (
    PRESENCE_FIELDS,
    ROW_FIELDS,
    STATUSES,
    JoinOptions,
    join_4w,
    per_distinct,
)
from coordmap.processing.analysis.table import read_table, table_from_records
from coordmap.tests.corpus.make_corpus import boundaries

DISTRICTS = [
    ("XY0101", "Alpha", "XY01", "North", 0),
    ("XY0102", "Beta", "XY01", "North", 1),
    ("XY0201", "Gamma", "XY02", "South", 2),
    ("XY0202", "Delta", "XY02", "South", 3),
]


def make_units() -> AdminUnits:
    return AdminUnits.from_features(*boundaries(DISTRICTS))


@pytest.fixture(scope="module")
def units():
    return make_units()


def table(fields, records, source="4w.csv"):
    return parse_table(table_from_records(source, fields, records))


def run(units, fields, records, **options):
    return join_4w(table(fields, records), units, JoinOptions(**options))


def presence_of(result, pcode, cluster="HEA", period=None):
    found = result.presence[(result.presence["pcode"] == pcode)
                            & (result.presence["cluster"] == cluster)]
    if period is not None:
        found = found[found["period"] == period]
    assert len(found) == 1, result.presence
    return found.iloc[0]


def row_of(result, source_row):
    found = result.rows[result.rows["source_row"] == source_row]
    assert len(found) == 1, result.rows
    return found.iloc[0]


def issues_of(result, category):
    return result.issues[result.issues["category"] == category]


def is_missing(value) -> bool:
    return value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA


# ---- partners, activities, partner list -------------------------------------------------------
PARTNER_FIELDS = ["Organisation", "Donor", "Lead organisation", "Cluster", "Admin2 Pcode",
                  "Activity"]
PARTNER_RECORDS = [
    ["UNICEF", "ECHO", None, "Health", "XY0101", "Vaccination"],          # row 2
    [" unicef ", "ECHO", None, "Health", "XY0101", "Clinics"],            # row 3: same partner
    ["Save the  Children", None, None, "Health", "XY0101", "Clinics"],    # row 4
    ["save the children", None, "WHO", "Health", "XY0101", "Clinics"],    # row 5: same partner
    ["MSF", "ECHO", None, "Health", "XY0101", "Clinics"],                 # row 6
    ["MSF", None, None, "Nutrition", "XY0101", "Screening"],              # row 7: other cluster
    ["IRC", None, None, "Health", "XY0102", "Clinics"],                   # row 8: other unit
]


def test_partners_are_distinct_implementing_organisations_per_unit_and_cluster(units):
    result = run(units, PARTNER_FIELDS, PARTNER_RECORDS)
    health = presence_of(result, "XY0101", "HEA")
    # UNICEF (2 spellings), Save the Children (2 spellings), MSF; donors and lead orgs not counted
    assert health["partners"] == 3
    assert health["partner_list"] == "MSF; Save the Children; UNICEF"
    # activities = distinct (organisation, activity): UNICEF|Vaccination, UNICEF|Clinics,
    # Save the Children|Clinics, MSF|Clinics
    assert health["activities"] == 4
    assert health["rows"] == 5
    assert bool(health["unit_specified"]) is True
    assert (health["name"], health["admin_level"], health["parent_pcode"]) == ("Alpha", 2, "XY01")
    nutrition = presence_of(result, "XY0101", "NUT")
    assert (nutrition["partners"], nutrition["activities"], nutrition["rows"]) == (1, 1, 1)
    assert nutrition["partner_list"] == "MSF"
    beta = presence_of(result, "XY0102", "HEA")
    assert (beta["partners"], beta["partner_list"]) == (1, "IRC")
    assert len(result.presence) == 3
    assert list(result.presence.columns) == PRESENCE_FIELDS


def test_organisation_text_is_whitespace_collapsed_in_rows(units):
    result = run(units, PARTNER_FIELDS, PARTNER_RECORDS)
    assert row_of(result, 3)["organisation"] == "unicef"
    assert row_of(result, 4)["organisation"] == "Save the Children"


def test_count_all_organisations_adds_donors_and_lead_organisations(units):
    result = run(units, PARTNER_FIELDS, PARTNER_RECORDS, count_all_organisations=True)
    health = presence_of(result, "XY0101", "HEA")
    # + ECHO (donor of rows 2, 3, 6) + WHO (lead of row 5)
    assert health["partners"] == 5
    assert health["partner_list"] == "ECHO; MSF; Save the Children; UNICEF; WHO"
    assert health["activities"] == 4  # other organisations add partners, not activities
    assert presence_of(result, "XY0102", "HEA")["partners"] == 1


def test_count_all_organisations_keeps_numbers_and_row_count(units):
    fields = ["Organisation", "Donor", "Cluster", "Admin2 Pcode", "Targeted"]
    records = [["UNICEF", "ECHO", "Health", "XY0101", "100"],
               ["MSF", None, "Health", "XY0101", "10"]]
    plain = presence_of(run(units, fields, records), "XY0101")
    assert (plain["targeted"], plain["rows"], plain["partners"]) == (110, 2, 2)
    every = presence_of(run(units, fields, records, count_all_organisations=True), "XY0101")
    assert every["partners"] == 3
    assert (every["targeted"], every["rows"]) == (110, 2)


def test_count_all_organisations_counts_both_lead_and_donor(units):
    fields = ["Organisation", "Lead organisation", "Donor", "Cluster", "Admin2 Pcode"]
    records = [["UNICEF", "WHO", "ECHO", "Health", "XY0101"]]
    health = presence_of(run(units, fields, records, count_all_organisations=True), "XY0101")
    assert health["partner_list"] == "ECHO; UNICEF; WHO"
    assert health["partners"] == 3


def test_rows_without_organisation_count_as_activities_not_partners(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode"]
    records = [["UNICEF", "Health", "XY0101"], [None, "Health", "XY0101"],
               [None, "Health", "XY0101"]]
    result = run(units, fields, records)
    health = presence_of(result, "XY0101")
    # no activity column: every row is an activity of its own (key "<organisation>|<row>"),
    # so 3 activities, but only UNICEF is a partner
    assert (health["partners"], health["rows"], health["partner_list"]) == (1, 3, "UNICEF")
    assert health["activities"] == 3
    issue = issues_of(result, "no_organisation")
    assert issue[["rows", "first_row"]].values.tolist() == [[2, 3]]
    assert issue["column"].iloc[0] == "Organisation"


# ---- targeted / reached -------------------------------------------------------------------------
NUMBER_FIELDS = ["Organisation", "Cluster", "Admin2 Pcode", "Targeted", "Reached"]


def test_targeted_and_reached_sums_skip_bad_numbers_and_report_them(units):
    records = [
        ["A", "Health", "XY0101", "100", "40"],       # row 2
        ["B", "Health", "XY0101", "1,000", "-5"],     # row 3: thousands separator; negative
        ["C", "Health", "XY0101", "abc", "n/a"],      # row 4: text; n/a is blank, no issue
        ["D", "Health", "XY0101", 25, None],          # row 5: a number cell
        ["E", "Health", "XY0101", "-3", "many"],      # row 6: negative; text
        ["F", "Health", "XY0102", None, None],        # row 7: nothing to sum
    ]
    result = run(units, NUMBER_FIELDS, records)
    alpha = presence_of(result, "XY0101")
    assert alpha["targeted"] == 100 + 1000 + 25
    assert alpha["reached"] == 40
    beta = presence_of(result, "XY0102")
    assert is_missing(beta["targeted"]) and is_missing(beta["reached"])
    bad = issues_of(result, "invalid_number").sort_values(["column", "first_row"])
    got = bad[["column", "value", "rows", "first_row"]].values.tolist()
    assert got == [["Reached", "-5", 1, 3], ["Reached", "many", 1, 6],
                   ["Targeted", "abc", 1, 4], ["Targeted", "-3", 1, 6]]
    reasons = dict(zip(bad["value"], bad["reason"]))
    assert reasons["-5"] == "reached: negative number; not added up"
    assert reasons["abc"] == "targeted: not a number; not added up"
    # bad numbers never change a row's status
    assert set(result.rows["status"]) == {"used"}


def test_split_row_numbers_are_not_added_to_any_unit(units):
    records = [
        ["A", "Health", "XY0101, XY0102", "50", "20"],   # row 2: split over two units
        ["B", "Health", "XY0101", "7", "3"],             # row 3
    ]
    result = run(units, NUMBER_FIELDS, records)
    split = row_of(result, 2)
    assert (split["status"], split["match_method"], split["pcode"]) == \
        ("used", "split", "XY0101;XY0102")
    alpha, beta = presence_of(result, "XY0101"), presence_of(result, "XY0102")
    assert (alpha["targeted"], alpha["reached"], alpha["partners"], alpha["rows"]) == (7, 3, 2, 2)
    assert (beta["partners"], beta["rows"], beta["partner_list"]) == (1, 1, "A")
    assert is_missing(beta["targeted"]) and is_missing(beta["reached"])
    split_issues = issues_of(result, "split_cell")
    assert sorted(split_issues["value"]) == ["XY0101", "XY0102"]
    assert set(split_issues["first_row"]) == {2}


# ---- periods ------------------------------------------------------------------------------------
PERIOD_FIELDS = ["Organisation", "Cluster", "Admin2 Pcode", "Month"]
PERIOD_RECORDS = [
    ["A", "Health", "XY0101", "2025-01"],      # row 2
    ["B", "Health", "XY0101", "February 2025"],  # row 3
    ["C", "Health", "XY0101", "2025-04"],      # row 4
    ["D", "Health", "XY0101", None],           # row 5: no period
    ["E", "Health", "XY0101", "not a month"],  # row 6: no usable period
]


def test_period_all_counts_every_located_row_under_the_overall_span(units):
    result = run(units, PERIOD_FIELDS, PERIOD_RECORDS, period="all")
    assert set(result.rows["status"]) == {"used"}
    assert result.presence["period"].tolist() == ["2025-01/2025-04"]
    assert presence_of(result, "XY0101")["partners"] == 5
    assert row_of(result, 3)["period"] == "2025-02"  # the row keeps its own month


def test_period_month(units):
    result = run(units, PERIOD_FIELDS, PERIOD_RECORDS, period="month")
    assert [row_of(result, r)["status"] for r in (2, 3, 4, 5, 6)] == \
        ["used", "used", "used", "skipped", "skipped"]
    assert row_of(result, 5)["reason"].startswith("no usable period")
    assert "admin 2 code 'XY0101' found" in row_of(result, 5)["reason"]  # location kept
    assert result.presence["period"].tolist() == ["2025-01", "2025-02", "2025-04"]
    assert result.presence["partner_list"].tolist() == ["A", "B", "C"]
    assert [row_of(result, r)["period"] for r in (2, 3, 4)] == ["2025-01", "2025-02", "2025-04"]


def test_period_quarter(units):
    result = run(units, PERIOD_FIELDS, PERIOD_RECORDS, period="quarter")
    assert [row_of(result, r)["status"] for r in (2, 3, 4, 5, 6)] == \
        ["used", "used", "used", "skipped", "skipped"]
    assert result.presence[["period", "partners", "rows"]].values.tolist() == \
        [["2025-Q1", 2, 2], ["2025-Q2", 1, 1]]
    assert row_of(result, 3)["period"] == "2025-Q1"


def test_no_period_column_stops_a_period_mode_with_what_to_do(units):
    fields, records = ["Organisation", "Cluster", "Admin2 Pcode"], [["A", "Health", "XY0101"]]
    assert run(units, fields, records).rows["status"].tolist() == ["used"]
    assert run(units, fields, records).presence["period"].tolist() == ["all"]
    for mode in ("month", "quarter"):
        with pytest.raises(InputError, match=rf"presence per {mode} needs a month, quarter or "
                           r"date column.*among: Organisation, Cluster, Admin2 Pcode\. Name it "
                           r"in the Mapping .* or choose presence for the whole table"):
            run(units, fields, records, period=mode)


def test_months_without_a_year_anywhere_stop_a_period_mode_and_ask_for_the_year(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Month"]
    records = [["A", "Health", "XY0101", "January"], ["B", "Health", "XY0102", "février"]]
    with pytest.raises(InputError, match=r'needs the year of each month, and the "Month" column '
                       r"gives months without a year.*DEFAULT_YEAR.*whole table"):
        run(units, fields, records, period="month")
    assert run(units, fields, records, period="month", default_year=2024).presence[
        "period"].tolist() == ["2024-01", "2024-02"]
    whole = run(units, fields, records)  # the whole table needs no year
    assert set(whole.rows["status"]) == {"used"}


def test_a_year_is_taken_from_the_other_dates_or_the_title_or_file_name(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Month"]
    records = [["A", "Health", "XY0101", "January"], ["B", "Health", "XY0102", "Feb 2025"]]
    result = run(units, fields, records, period="month")
    assert result.presence["period"].tolist() == ["2025-01", "2025-02"]
    assert "the table's other dates are all in it" in issues_of(result, "period")[
        "reason"].iloc[0]
    titled = join_4w(parse_table(table_from_records("4w_2023.csv", fields, records[:1])),
                     units, JoinOptions(period="month"))
    assert titled.presence["period"].tolist() == ["2023-01"]
    assert 'from the file name "4w_2023.csv"' in issues_of(titled, "period")["reason"].iloc[0]


def test_unknown_period_mode_is_an_input_error(units):
    with pytest.raises(InputError, match="period must be one of all, month, quarter"):
        run(units, PERIOD_FIELDS, PERIOD_RECORDS, period="week")


def test_quarter_mode_does_not_put_year_only_rows_in_q1(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Year", "Quarter"]
    records = [["A", "Health", "XY0101", "2025", None], ["B", "Health", "XY0101", "2025", "Q3"]]
    result = run(units, fields, records, period="quarter")
    assert row_of(result, 3)["period"] == "2025-Q3"
    assert row_of(result, 2)["status"] == "skipped"
    assert result.presence["period"].tolist() == ["2025-Q3"]


def test_month_mode_counts_a_quarter_in_each_of_its_months(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Year", "Quarter", "Targeted"]
    records = [["A", "Health", "XY0101", "2025", "Q3", "30"],
               ["B", "Health", "XY0101", "2025", "Q4", "5"]]
    result = run(units, fields, records, period="month")
    assert result.rows["status"].tolist() == ["used", "used"]
    assert result.rows["period"].tolist() == ["2025-07/2025-09", "2025-10/2025-12"]
    presence = result.presence
    assert presence["period"].tolist() == ["2025-07", "2025-08", "2025-09", "2025-10",
                                           "2025-11", "2025-12"]
    assert presence["partner_list"].tolist() == ["A"] * 3 + ["B"] * 3
    # how many people each month is not known: added to none of them (as a split row's)
    assert presence["targeted"].isna().all()


def test_month_ranges_count_in_each_month_and_dates_across_months_too(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Month", "Start date", "End date"]
    records = [["A", "Health", "XY0101", "Jan-Mar 2025", None, None],
               ["B", "Health", "XY0101", "janvier - février 2025", None, None],
               ["C", "Health", "XY0101", None, "2025-02-10", "2025-03-05"],
               ["D", "Health", "XY0101", "Q1 2025", None, None]]
    result = run(units, fields, records, period="month")
    assert set(result.rows["status"]) == {"used"}
    assert dict(zip(result.presence["period"], result.presence["partner_list"])) == {
        "2025-01": "A; B; D", "2025-02": "A; B; C; D", "2025-03": "A; C; D"}
    quarters = run(units, fields, records, period="quarter").presence
    assert quarters[["period", "partners", "rows"]].values.tolist() == [["2025-Q1", 4, 4]]


# ---- locations ----------------------------------------------------------------------------------
LOCATION_FIELDS = ["Organisation", "Cluster", "Admin1 Pcode", "Admin2 Pcode", "Admin 3 Pcode"]


def test_admin1_only_rows_go_to_the_not_specified_bucket(units):
    records = [["A", "Health", "XY01", None, None], ["B", "Health", "XY01", "XY0101", None],
               ["C", "Health", "XY01", None, None]]
    result = run(units, LOCATION_FIELDS[:4], records)
    assert result.admin_level == 2
    row = row_of(result, 2)
    assert (row["status"], row["pcode"], row["admin_level"]) == ("used", "XY01", 1)
    bucket = presence_of(result, "XY01")
    assert bool(bucket["unit_specified"]) is False
    assert bucket["admin_level"] == 1
    assert bucket["name"] == "North (admin 2 not specified)"
    assert (bucket["partners"], bucket["partner_list"]) == (2, "A; C")
    assert is_missing(bucket["parent_pcode"])
    alpha = presence_of(result, "XY0101")
    assert bool(alpha["unit_specified"]) is True and alpha["partner_list"] == "B"


def test_admin1_target_level_counts_admin2_rows_at_their_region(units):
    records = [["A", "Health", "XY01", None, None], ["B", "Health", "XY01", "XY0102", None]]
    result = run(units, LOCATION_FIELDS[:4], records, admin_level=1)
    assert result.admin_level == 1
    assert row_of(result, 3)[["pcode", "admin_level", "match_method"]].tolist() == \
        ["XY01", 1, "derived"]
    north = presence_of(result, "XY01")
    assert bool(north["unit_specified"]) is True
    assert (north["name"], north["partners"]) == ("North", 2)


def test_codes_below_the_layer_roll_up(units):
    records = [
        ["A", "Health", None, None, "XY010203"],   # row 2: admin 3, finer than the layer
        ["B", "Health", "XY01", "XY0109", None],   # row 3: admin 2 code absent, region exists
    ]
    result = run(units, LOCATION_FIELDS, records)
    assert result.admin_level == 2  # the deepest level both table and boundaries have
    finer = row_of(result, 2)
    assert finer[["status", "pcode", "admin_level", "match_method"]].tolist() == \
        ["used", "XY0102", 2, "derived"]
    assert "finer than the boundaries" in finer["reason"]
    rolled = row_of(result, 3)
    assert rolled[["status", "pcode", "admin_level"]].tolist() == ["rolled_up", "XY01", 1]
    assert "'XY0109' is not in the boundaries; counted at admin 1 XY01" in rolled["reason"]
    assert presence_of(result, "XY0102")["partner_list"] == "A"
    bucket = presence_of(result, "XY01")
    assert bool(bucket["unit_specified"]) is False and bucket["partner_list"] == "B"
    assert issues_of(result, "rolled_up")[["value", "first_row"]].values.tolist() == \
        [["XY0109", 3]]
    assert issues_of(result, "derived_pcode")[["value", "level"]].values.tolist() == \
        [["XY010203", 3]]


def test_unmatched_rows_have_a_reason_and_no_presence(units):
    fields = ["Organisation", "Cluster", "Admin1 Pcode", "Admin2 Name"]
    records = [
        ["A", "Health", "ZZ99", None],         # row 2: unknown code
        ["B", "Health", None, "Atlantis"],     # row 3: unknown name
        ["C", "Health", None, None],           # row 4: no location
        ["D", "Health", "Nationwide", None],   # row 5: national coverage
        ["E", "Health", "XY02", "gamma"],      # row 6: name ignoring case
    ]
    result = run(units, fields, records)
    assert [row_of(result, r)["status"] for r in (2, 3, 4, 5, 6)] == \
        ["unmatched"] * 4 + ["used"]
    assert row_of(result, 2)["reason"] == "admin 1 code 'ZZ99' is not in the boundaries"
    assert row_of(result, 3)["reason"].startswith("admin 2 name 'Atlantis' not found")
    assert row_of(result, 4)["reason"] == "no admin code or name given"
    assert "national coverage" in row_of(result, 5)["reason"]
    assert row_of(result, 5)["match_method"] == "national"
    for r in (2, 3, 4, 5):
        assert is_missing(row_of(result, r)["pcode"])
    assert row_of(result, 6)[["pcode", "match_method"]].tolist() == \
        ["XY0201", "name_normalised"]
    assert result.presence["pcode"].tolist() == ["XY0201"]
    assert sorted(issues_of(result, "unmatched_location")["first_row"]) == [2, 3, 4]
    assert issues_of(result, "national_coverage")["value"].tolist() == ["Nationwide"]


def test_lat_lon_rows_without_codes_are_located_by_point_in_polygon(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Latitude", "Longitude"]
    records = [
        ["A", "Health", None, "0.5", "2.5"],     # row 2: inside Gamma (x 2-3)
        ["B", "Health", None, 0.25, 3.75],       # row 3: inside Delta, numbers as numbers
        ["C", "Health", None, "5", "50"],        # row 4: outside every unit
        ["D", "Health", "XY0101", "0.5", "2.5"],  # row 5: the code wins over the point
    ]
    result = run(units, fields, records)
    a, b, c, d = (row_of(result, r) for r in (2, 3, 4, 5))
    assert a[["status", "pcode", "admin_level", "match_method"]].tolist() == \
        ["used", "XY0201", 2, "point_in_polygon"]
    assert a["reason"] == "located by its coordinates"
    assert b[["pcode", "match_method"]].tolist() == ["XY0202", "point_in_polygon"]
    assert c["status"] == "unmatched"
    assert d[["pcode", "match_method"]].tolist() == ["XY0101", "exact"]
    assert sorted(result.presence["pcode"]) == ["XY0101", "XY0201", "XY0202"]


def test_lat_lon_only_table_targets_the_deepest_level(units):
    result = run(units, ["Organisation", "Cluster", "Latitude", "Longitude"],
                 [["A", "Health", 0.5, 1.5]])
    assert result.admin_level == 2
    assert row_of(result, 2)[["pcode", "match_method"]].tolist() == ["XY0102", "point_in_polygon"]


def test_split_unmatched_cell_with_coordinates_does_not_crash(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Latitude", "Longitude"]
    result = run(units, fields, [["A", "Health", "ZZ01, ZZ02", "0.5", "0.5"]])
    assert len(result.rows) == 1
    assert result.rows["status"].iloc[0] in STATUSES


# ---- rows out, skipped rows, original columns -----------------------------------------------
def test_blank_and_total_rows_are_skipped_rows_with_their_source_row(units, tmp_path):
    path = tmp_path / "partners.csv"
    path.write_text(
        "Organisation,Cluster,Admin2 Pcode,Targeted\n"  # line 1
        "A,Health,XY0101,10\n"                          # line 2
        ",,,\n"                                         # line 3: blank
        "B,Health,XY0102,20\n"                          # line 4
        "\n"                                            # line 5: blank
        "C,Health,ZZ0101,5\n"                           # line 6: unmatched
        "Total,,,35\n",                                 # line 7: total
        encoding="utf-8")
    result = join_4w(parse_table(read_table(path)), units)
    assert result.rows["source_row"].tolist() == [2, 3, 4, 5, 6, 7]
    assert result.rows["status"].tolist() == \
        ["used", "skipped", "used", "skipped", "unmatched", "skipped"]
    assert row_of(result, 3)["reason"] == "blank row"
    assert row_of(result, 7)["reason"] == "total row at the end of the table"
    assert is_missing(row_of(result, 7)["pcode"])
    skipped = issues_of(result, "skipped_row")
    assert skipped[["first_row", "reason"]].values.tolist() == \
        [[3, "blank row"], [5, "blank row"], [7, "total row at the end of the table"]]
    assert presence_of(result, "XY0101")["targeted"] == 10  # the total is never added
    assert result.summary["rows below the header"] == 6
    assert result.summary["rows skipped"] == 3
    assert result.summary["file"] == "partners.csv"


@pytest.mark.parametrize("size", [1, 2, 4, 100])
def test_rows_output_in_slices_is_the_whole_frame_cut(units, tmp_path, size):
    """The join's writer takes the rows output a slice at a time: the slices, blank and total
    rows among them, are the whole frame cut, whatever their size."""
    path = tmp_path / "partners.csv"
    path.write_text("Organisation,Cluster,Admin2 Pcode,Targeted\n"
                    "A,Health,XY0101,10\n,,,\nB,Health,XY0101;XY0102,20\n\n"
                    "C,Health,ZZ0101,5\nD,,XY0102,\nTotal,,,35\n", encoding="utf-8")
    result = join_4w(parse_table(read_table(path)), units)
    whole = result.rows_output.frame()
    slices = list(result.rows_output.frames(size))
    assert [len(part) for part in slices] == [min(size, 7 - start)
                                             for start in range(0, 7, size)]
    assert all(part["source_row"].is_monotonic_increasing for part in slices)
    pd.testing.assert_frame_equal(pd.concat(slices, ignore_index=True), whole)
    assert whole["source_row"].tolist() == list(range(2, 9))
    assert whole["status"].tolist() == ["used", "skipped", "used", "skipped", "unmatched",
                                        "used", "skipped"]
    pd.testing.assert_frame_equal(result.rows, whole)


def test_original_columns_clashing_with_output_fields_get_the_orig_prefix(units):
    fields = ["Organisation", "Status", "Cluster", "Admin2 Pcode", "Reason", "Comment"]
    records = [["  UNICEF ", "Ongoing", "Health", "XY0101", "because", 12.0]]
    result = run(units, fields, records)
    columns = list(result.rows.columns)
    assert columns[: len(ROW_FIELDS)] == ROW_FIELDS
    extra = columns[len(ROW_FIELDS):]
    # "Cluster" clashes with the output field "cluster" (names compared ignoring case)
    assert extra == ["orig_Organisation", "orig_Status", "orig_Cluster", "Admin2 Pcode",
                     "orig_Reason", "Comment"]
    row = row_of(result, 2)
    assert row["organisation"] == "UNICEF"
    assert row["orig_Organisation"] == "  UNICEF "  # the cell as given
    assert row["orig_Status"] == "Ongoing"
    assert row["status"] == "used"
    assert row["orig_Reason"] == "because"
    assert row["Comment"] == "12"  # integral number as text, no '.0'


def test_duplicate_rows_are_reported_and_kept(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Activity"]
    records = [["A", "Health", "XY0101", "Clinics"], ["B", "Health", "XY0101", "Clinics"],
               ["A", "Health", "XY0101", "Clinics"], ["A", "Health", "XY0101", "Clinics"]]
    result = run(units, fields, records)
    duplicates = issues_of(result, "duplicate_rows")
    assert duplicates[["value", "rows", "first_row"]].values.tolist() == [["2, 4, 5", 3, 2]]
    assert result.rows["status"].tolist() == ["used"] * 4
    alpha = presence_of(result, "XY0101")
    assert (alpha["partners"], alpha["activities"], alpha["rows"]) == (2, 2, 4)


def test_duplicate_rows_are_grouped_by_their_cells_not_by_their_cells_written_together(units):
    # Written together with a separator, 'x|y', 'z' and 'x', 'y|z' would read the same.
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Activity", "Comment"]
    records = [["A", "Health", "XY0101", "x|y", "z"], ["A", "Health", "XY0101", "x", "y|z"]] * 2
    duplicates = issues_of(run(units, fields, records), "duplicate_rows")
    assert duplicates[["value", "rows", "first_row"]].values.tolist() == [["2, 4", 2, 2],
                                                                          ["3, 5", 2, 3]]


def test_duplicate_rows_of_a_wide_table_differ_nowhere_not_only_in_the_first_columns(units):
    # 40 columns, the first 39 the same in every row: rows 2 and 3 differ in the last cell,
    # rows 2 and 4 in its type only (the text "7", the number 7: different cells); rows 3 and 5
    # are identical, blank cells included.
    fields = ["Organisation", "Cluster", "Admin2 Pcode"] + [f"Indicator {i}" for i in range(37)]
    common = ["A", "Health", "XY0101"] + [None, "x"] * 18
    records = [common + ["7"], common + ["8"], common + [7], common + ["8"]]
    duplicates = issues_of(run(units, fields, records), "duplicate_rows")
    assert duplicates[["value", "rows", "first_row"]].values.tolist() == [["3, 5", 2, 3]]


def test_table_with_only_blank_rows_joins_without_pandas_deprecations(units):
    with warnings.catch_warnings():
        warnings.simplefilter("error", FutureWarning)
        result = run(units, ["Organisation", "Cluster", "Admin2 Pcode"], [[None, None, None]])
    assert result.rows[["source_row", "status", "reason"]].values.tolist() == \
        [[2, "skipped", "blank row"]]
    assert result.presence.empty


# ---- errors -------------------------------------------------------------------------------------
def test_table_without_location_column_names_the_file_and_its_columns(units, tmp_path):
    path = tmp_path / "no_location.csv"
    path.write_text("Organisation,Cluster,Activity\nA,Health,Clinics\n", encoding="utf-8")
    with pytest.raises(InputError) as error:
        join_4w(parse_table(read_table(path)), units)
    message = str(error.value)
    assert message.startswith("no_location.csv: ")
    assert "among: Organisation, Cluster, Activity" in message


def test_admin_level_missing_from_the_boundaries_is_an_input_error(units):
    with pytest.raises(InputError, match=r"admin level 3 was asked for, but the boundaries "
                                         r"have levels 1, 2"):
        run(units, LOCATION_FIELDS, [["A", "Health", "XY01", "XY0101", "XY010101"]],
            admin_level=3)


# ---- summary and log line -----------------------------------------------------------------------
def test_log_line_numbers_add_up(units):
    fields = ["Organisation", "Cluster", "Admin1 Pcode", "Admin2 Pcode"]
    records = [
        ["A", "Health", "XY01", "XY0101"],   # used
        ["B", "Health", "XY01", "XY0109"],   # rolled up
        ["C", "Health", "ZZ", None],         # unmatched
        [None, None, None, None],            # skipped (blank)
        ["D", "WASH", "xy02", "xy0202"],     # used (normalised)
    ]
    result = run(units, fields, records)
    numbers = re.fullmatch(
        r"CoordMap join: (\d+) rows read, (\d+) used, (\d+) rolled up, (\d+) unmatched, "
        r"(\d+) skipped; match rate (.+)", result.log_line)
    assert numbers, result.log_line
    read, used, rolled, unmatched, skipped = map(int, numbers.groups()[:5])
    assert (read, used, rolled, unmatched, skipped) == (5, 2, 1, 1, 1)
    assert used + rolled + unmatched + skipped == read == len(result.rows)
    # admin 1 given on 4 rows, counted on 3; admin 2 given on 3 rows, located at admin 2 on 2
    assert numbers.group(6) == "admin 1 75.0%, admin 2 66.7%"
    summary = result.summary
    assert [summary[f"rows {s}"] for s in STATUSES] == [used, rolled, unmatched, skipped]
    assert summary["rows below the header"] == read
    assert summary["admin level of the presence"] == 2
    assert summary["boundary units"] == "admin 1: 2, admin 2: 4"


def test_match_rate_does_not_depend_on_the_period_mode(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Month"]
    records = [["A", "Health", "XY0101", "2025-01"], ["B", "Health", "XY0102", None]]
    rates = {mode: run(units, fields, records, period=mode).summary["match rate admin 2"]
             for mode in ("all", "month")}
    assert rates == {"all": "100.0%", "month": "100.0%"}


def test_mapping_lists_roles_and_their_source(units):
    result = run(units, PARTNER_FIELDS, PARTNER_RECORDS)
    mapping = dict(zip(result.mapping["role"], result.mapping["column"]))
    assert mapping["org"] == "Organisation"
    assert mapping["donor"] == "Donor"
    assert mapping["adm2_code"] == "Admin2 Pcode"
    sources = dict(zip(result.mapping["role"], result.mapping["source"]))
    assert sources.pop("adm2_code") == "values"  # admin roles: decided from the values
    assert set(sources.values()) == {"header"}


def test_rows_carry_role_resolved_values_for_downstream_steps(units):
    result = run(units, ["Organisation", "Cluster", "Activity", "Admin2 Pcode", "Start date",
                         "End date", "Status", "Modality", "People targeted", "People reached"],
                 [["MSF", "Health", "Mobile clinics", "XY0101", "2025-01-15", "2025-03-31",
                   "Ongoing", "In kind", "1 200", "800"],
                  ["IRC", "Health", None, "XY0102", None, None, None, None, None, "-5"]])
    first, second = result.rows.iloc[0], result.rows.iloc[1]
    assert (first["activity"], first["period_start"], first["period_end"]) == \
        ("Mobile clinics", "2025-01-15", "2025-03-31")
    assert (first["activity_status"], first["modality"]) == ("Ongoing", "In kind")
    assert (first["targeted"], first["reached"]) == (1200, 800)
    assert second["activity"] is None and second["period_start"] is None
    assert math.isnan(second["reached"])  # a negative count is reported, not used


# ---- work done once per distinct value ---------------------------------------------------------
def test_per_distinct_gives_what_the_function_gives_on_every_row():
    texts = pd.Series(["2025-01", None, "x", "2025-01", float("nan"), "2025-Q1", "x"] * 3)
    dates = pd.Series(pd.to_datetime(["2025-01-31", None, "2025-01-31", "2024-12-01"] * 2))
    for series, func in (
        (texts, lambda s: s.str.fullmatch(r"\d{4}-\d{2}", na=False)),
        (texts, lambda s: s.fillna("").astype(str).str.strip().ne("")),
        (dates, lambda s: s.dt.strftime("%Y-%m-%d").where(s.notna(), None).astype(object)),
    ):
        expected = func(series)
        found = per_distinct(series, func)
        assert found.index.equals(series.index)
        assert found.tolist() == expected.tolist()


def test_original_columns_are_text_whatever_the_cell_type(units):
    when = dt.datetime(2025, 3, 1)
    result = run(units, ["Organisation", "Cluster", "Admin2 Pcode", "Reached", "Date"],
                 [["UNICEF", "Health", "XY0101", 12.0, when],
                  ["MSF", "Health", "XY0102", None, None],
                  ["IRC", None, "XY0101", 2.5, "March"]])
    rows = result.rows.sort_values("source_row")  # names clashing with ROW_FIELDS get orig_
    assert rows["orig_Organisation"].tolist() == ["UNICEF", "MSF", "IRC"]
    assert rows["orig_Cluster"].tolist() == ["Health", "Health", None]
    assert rows["orig_Reached"].tolist() == ["12", None, "2.5"]
    assert rows["Date"].tolist() == ["2025-03-01T00:00:00", None, "March"]


def test_a_csv_table_is_joined_from_its_codes_without_making_its_whole_frame(units, tmp_path):
    path = tmp_path / "4w.csv"
    path.write_text("Partner,Cluster,Admin2 Pcode,Latitude,Longitude,Reached\n"
                    "A,WASH,XY0101,,,10\n,,,,,\nB,Health,,0.5,2.5,x\nB,Health,,0.5,2.5,x\n",
                    encoding="utf-8")
    table = parse_table(read_table(path))
    result = join_4w(table, units)
    assert table._data is None  # (a large table's frame would be a second copy of the file)
    assert result._matches is None  # the matcher's frame too: made when asked for
    assert result.matches["pcode"].tolist() == ["XY0101", "XY0201", "XY0201"]  # data rows
    assert result.rows["source_row"].tolist() == [2, 3, 4, 5]
    assert result.rows["pcode"].tolist()[2:] == ["XY0201", "XY0201"]  # by its coordinates
    assert result.rows["status"].tolist() == ["used", "skipped", "used", "used"]
    assert result.rows["orig_Reached"].tolist()[2:] == ["x", "x"]  # (as given)
    assert set(result.issues["category"]) >= {"invalid_number", "duplicate_rows", "skipped_row"}


@pytest.mark.parametrize("blank_every", [30, 2])
def test_rows_output_with_blank_rows_between_the_data_rows(units, blank_every):
    records = [("A", "WASH", "XY0101", n) for n in range(40)]
    records += [("B", "Health", "bad", "x")] * 40
    blank = (None, None, None, None)
    records = [r for i, record in enumerate(records)
               for r in ([record, blank] if i % blank_every == 1 else [record])]
    fields = ["Partner", "Cluster", "Admin2 Pcode", "Reached"]
    rows = run(units, fields, records).rows
    assert (rows["status"] == "skipped").sum() == len(range(1, 80, blank_every))
    assert rows["orig_Reached"].tolist()[:2] == ["0", "1"] and rows["status"][2] == "skipped"


def test_presence_order_is_that_of_a_frame_sort_with_missing_values_last():
    from coordmap.processing.analysis.join.presence import _sort_order

    keys = {
        "admin_level": np.array([2, 1, 2, 2, 2, 1, 2], dtype=np.int64),
        "pcode": np.array(["XY0102", "XY01", "XY0101", "XY0101", "XY0101", "XY02", "XY0102"],
                          dtype=object),
        "cluster": np.array(["WSH", None, "EDU", None, "EDU", "HEA", "EDU"], dtype=object),
        "period": np.array(["2025-02", "2025-01", None, "2025-01", "2025-01", None, "2025-01"],
                           dtype=object),
    }
    expected = pd.DataFrame(keys).sort_values(list(keys), na_position="last").index.to_numpy()
    assert _sort_order(list(keys.values())).tolist() == expected.tolist()


def test_rows_alike_in_a_wide_table_first_columns_are_no_duplicates(units):
    # The screen on the first columns keeps them; compared whole, no two rows are the same.
    fields = ["Organisation", "Cluster", "Admin2 Pcode"] + [f"Indicator {i}" for i in range(37)]
    common = ["A", "Health", "XY0101"] + [None, "x"] * 18
    result = run(units, fields, [common + ["7"], common + ["8"], common + ["9"]])
    assert issues_of(result, "duplicate_rows").empty
    assert result.rows["status"].tolist() == ["used"] * 3


def test_duplicates_are_the_rows_identical_in_every_column(units):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Activity"]
    records = [["A", "Health", "XY0101", "Clinics"], ["B", "Health", "XY0101", "Clinics"],
               ["A", "Health", "XY0101", "Clinics"]]
    duplicates = issues_of(run(units, fields, records), "duplicate_rows")
    assert duplicates[["value", "rows", "first_row"]].values.tolist() == [["2, 4", 2, 2]]
    no_twins = issues_of(run(units, fields, records[:2]), "duplicate_rows")
    assert no_twins.empty


@pytest.mark.parametrize("data_rows", [3, 100])
def test_rows_output_of_a_table_ending_with_a_total_row(units, data_rows):
    fields = ["Organisation", "Cluster", "Admin2 Pcode", "Targeted"]
    records = [[f"Org {i}", "Health", "XY0101", str(i)] for i in range(data_rows)]
    result = run(units, fields, records + [["Total", None, None, "999"]])
    rows = result.rows
    assert rows["source_row"].tolist() == list(range(2, data_rows + 3))
    assert rows["status"].tolist() == ["used"] * data_rows + ["skipped"]
    assert rows["organisation"].tolist()[:data_rows] == [f"Org {i}" for i in range(data_rows)]
    assert rows["targeted"].tolist()[:data_rows] == list(range(data_rows))
    assert pd.isna(rows["organisation"].iloc[-1]) and pd.isna(rows["targeted"].iloc[-1])


# ---- organisations ------------------------------------------------------------------------------
def test_organisation_spellings_are_one_partner_and_never_merged_on_similarity():
    from coordmap.processing.analysis.organisations import Organisations, name_key

    assert name_key("The Save the Children International Inc.") == ("save the children", None)
    assert name_key("Norwegian Refugee Council (NRC)") == ("norwegian refugee council", "nrc")
    spellings = ["Save the Children", "save the children", "Save the Children Intl",
                 "Norwegian Refugee Council", "NRC", "Save the Child", "Plan", "Plan Local"]
    organisations = Organisations(spellings, [1] * len(spellings),
                                  [("Norwegian Refugee Council", "NRC")])
    keys = [organisations.key(s) for s in spellings]
    assert keys[0] == keys[1] == keys[2] and keys[3] == keys[4]
    assert len(set(keys)) == 5  # Save the Child, Plan and Plan Local stay apart
    merges = {m.partner: m for m in organisations.merges()}
    assert set(merges) == {"Save the Children", "Norwegian Refugee Council"}
    assert "acronym" in merges["Norwegian Refugee Council"].reason
    # reviewed: Plan is Plan Local; a spelling new next round joins the partner it names
    reviewed = Organisations(spellings + ["PLAN LOCAL"], [1] * (len(spellings) + 1), [],
                             dict(zip(organisations.frame()["spelling"],
                                      organisations.frame()["partner"])) | {"Plan": "Plan Local"})
    assert reviewed.key("Plan") == reviewed.key("Plan Local") == reviewed.key("PLAN LOCAL")
    # the list decides, spelling by spelling: NRC stays tied without the acronym column
    assert reviewed.key("NRC") == reviewed.key("Norwegian Refugee Council")
