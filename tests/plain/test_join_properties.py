"""Properties of join_4w over generated 4W tables (hypothesis, derandomised) on a fixed country.

Generated cells mix valid codes, wrong-case codes, unknown codes, absent codes whose region
exists, names (exact, wrong case, misspelt, unknown), placeholders, several-unit cells, blank
rows, known and unknown clusters, months and bad numbers.
"""
import csv
import re
import tempfile
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, reject, settings
from hypothesis import strategies as st
from shapely.geometry import box

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import STATUSES, JoinOptions, join_4w
from coordmap.processing.analysis.matching import Crosswalk, write_suggestions_csv
from coordmap.processing.analysis.table import read_table, table_from_records
from coordmap.tests.corpus.make_corpus import boundaries
from coordmap.tests.helpers import CSV_PATHS, csv_path

UNITS = AdminUnits.from_features(*boundaries())  # tests/corpus/make_corpus.py's country

FIELDS = ["Organisation", "Cluster", "Admin1 Pcode", "Admin2 Pcode", "Admin2 Name", "Month",
          "Targeted"]
PLACEHOLDERS = ["#N/A", "-", "N/A", "0"]
ORGS = st.sampled_from(["UNICEF", "unicef", " Unicef ", "Save the Children",
                        "save the  children", "MSF", "IRC", None])
CLUSTERS = st.sampled_from(["Health", "WASH", "Education", "Santé", "Shelter", "Foo cluster",
                            "Bar sector", None])
ADM1 = st.sampled_from(["XY01", "xy02", "XY02", "ZZ07", "North", None, *PLACEHOLDERS])
ADM2_CODES = st.sampled_from([
    "XY0101", "XY0102", "XY0201", "XY0202",      # valid
    "xy0101", "Xy0202", "XY-02-01",               # wrong case / separators
    "XY0109", "XY0299",                           # absent, region exists: rolled up
    "ZZ0101", "QQ9999",                           # unknown
    "XY0101, XY0102", "XY0201; ZZ0101",           # several units in one cell
    None, *PLACEHOLDERS,
])
ADM2_NAMES = st.sampled_from([
    "Alpha", "beta", "GAMMA", "Riversyde", "Rivrside", "Atlantis", "Nowhere Town",
    "Alpha, Beta", "Gamma Riverside", None, *PLACEHOLDERS,
])
MONTHS = st.sampled_from(["2025-01", "2025-02", "March 2025", "04/2025", "Q2 2025", "2024-12",
                          "not a month", None])
NUMBERS = st.sampled_from(["100", "1,000", "-5", "abc", "n/a", 7, 12.0, None])

DATA_ROW = st.tuples(ORGS, CLUSTERS, ADM1, ADM2_CODES, ADM2_NAMES, MONTHS, NUMBERS).map(list)
BLANK_ROW = st.just([None] * len(FIELDS))
ROWS = st.lists(st.one_of(DATA_ROW, DATA_ROW, DATA_ROW, BLANK_ROW), min_size=1, max_size=14)
PERIODS = st.sampled_from(["all", "month", "quarter"])

SETTINGS = settings(derandomize=True, max_examples=40, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow])


def make_table(records):
    table = parse_table(table_from_records("generated.csv", FIELDS, records))
    assert table.header_rows == [1], "the generated header must be found on row 1"
    return table


def join(records, period="all", crosswalk=None):
    return join_per_period(make_table(records), UNITS, period, crosswalk)


def join_per_period(table, units, period, crosswalk=None):
    """The join; with presence per month or quarter, a table where no located row has such a
    period stops with what to do (never an empty success): such examples are set aside."""
    try:
        return join_4w(table, units, JoinOptions(period=period), crosswalk=crosswalk)
    except InputError as error:
        assert period != "all", error
        assert re.search(rf"presence per {period} needs .*or choose presence for the whole "
                         "table", str(error)), error
        reject()


def status_counts(result):
    return Counter(result.rows["status"])


def comparable_presence(result) -> pd.DataFrame:
    """The presence table in a fixed row order; partner_list compared ignoring case (which of
    two case variants of a partner is displayed is not part of these properties)."""
    presence = result.presence.copy()
    presence["partner_list"] = presence["partner_list"].str.casefold()
    keys = ["admin_level", "pcode", "cluster", "period"]
    return presence.sort_values(keys, na_position="last").reset_index(drop=True)


# ---- (a) rows in == rows out ------------------------------------------------------------------
@SETTINGS
@given(records=ROWS, period=PERIODS)
def test_every_row_in_is_one_row_out(records, period):
    table = make_table(records)
    result = join_per_period(table, UNITS, period)
    assert len(result.rows) == len(table.data) + len(table.skipped)
    assert len(result.rows) == len(records)  # header on row 1, nothing above it
    expected = sorted(table.data["source_row"].tolist() + [r for r, _ in table.skipped])
    assert sorted(result.rows["source_row"]) == expected
    assert result.rows["source_row"].is_unique
    assert result.rows["source_row"].tolist() == list(range(2, len(records) + 2))
    assert result.rows["reason"].notna().all()


# ---- (b) statuses add up ----------------------------------------------------------------------
@SETTINGS
@given(records=ROWS, period=PERIODS)
def test_statuses_add_up_to_the_total(records, period):
    result = join(records, period)
    counts = status_counts(result)
    assert set(counts) <= set(STATUSES)
    assert sum(counts[s] for s in STATUSES) == len(result.rows)
    summary = result.summary
    assert sum(summary[f"rows {s}"] for s in STATUSES) == summary["rows below the header"]
    assert [summary[f"rows {s}"] for s in STATUSES] == [counts[s] for s in STATUSES]
    blank = sum(1 for r in records if all(c is None for c in r))
    assert counts["skipped"] >= blank
    if period == "all":
        assert counts["skipped"] == blank
    # presence only from rows that count, and every counted row is in the presence
    counted = result.rows[result.rows["status"].isin(["used", "rolled_up"])]
    assert int(result.presence["rows"].sum()) >= len(counted)
    assert result.presence.empty == counted.empty


# ---- duplicate rows of tables wider than the duplicate screen ---------------------------------
# Wider than the duplicate screen (its first 20 columns): 13 columns alike in every row, then
# 3 that vary, so rows built on one data row are alike in the screened columns and identical
# in full or not.
WIDE_FIELDS = FIELDS + [f"Indicator {i}" for i in range(16)]
WIDE_ROWS = st.lists(DATA_ROW, min_size=1, max_size=3).flatmap(lambda bases: st.lists(
    st.tuples(st.sampled_from(bases), st.lists(st.sampled_from(["1", "2"]), min_size=3,
                                               max_size=3)).map(
        lambda pair: pair[0] + ["x"] * 13 + pair[1]), min_size=1, max_size=12))


@SETTINGS
@given(records=WIDE_ROWS)
def test_duplicate_rows_of_a_wide_table_are_exactly_the_identical_rows(records):
    table = parse_table(table_from_records("generated.csv", WIDE_FIELDS, records))
    result = join_4w(table, UNITS)
    issues = result.issues
    reported = issues.loc[issues["category"] == "duplicate_rows", "value"].tolist()
    rows_of = {}
    for number, record in enumerate(records, 2):  # (row 1: the header)
        rows_of.setdefault(tuple((type(cell), cell) for cell in record), []).append(number)
    expected = [", ".join(map(str, rows)) for rows in rows_of.values() if len(rows) > 1]
    assert sorted(reported) == sorted(expected)
    assert len(result.rows) == len(records)


# ---- (c) row order does not matter ------------------------------------------------------------
@SETTINGS
@given(records=ROWS, period=PERIODS, data=st.data())
def test_counts_do_not_depend_on_row_order(records, period, data):
    shuffled = data.draw(st.permutations(records), label="shuffled")
    first, second = join(records, period), join(shuffled, period)
    assert status_counts(first) == status_counts(second)
    pd.testing.assert_frame_equal(comparable_presence(first), comparable_presence(second))
    # the same rows (by content) get the same status
    def by_content(result, rows):
        return Counter((tuple(map(str, rows[r - 2])), s)
                       for r, s in zip(result.rows["source_row"], result.rows["status"]))
    assert by_content(first, records) == by_content(second, shuffled)


def test_partner_list_spelling_does_not_depend_on_row_order():
    rows = [["unicef", "Health", None, "XY0101", None, None, None],
            ["UNICEF", "Health", None, "XY0101", None, None, None]]
    lists = {join(order).presence["partner_list"].iloc[0] for order in (rows, rows[::-1])}
    assert len(lists) == 1, lists


# ---- (d) the crosswalk from the suggestions ---------------------------------------------------
_PCODE_IN_TEXT = re.compile(r"\b(XY\d{2,4})\b")


def crosswalk_from_suggestions(result, folder: Path) -> Crosswalk:
    """write_suggestions_csv, then fill each empty pcode from its suggestion (as a reviewer
    accepting every suggestion would), then read it back as the crosswalk."""
    path = folder / "crosswalk.csv"
    write_suggestions_csv(path, result.matches)
    lines = path.read_text(encoding="utf-8").splitlines()
    comments = [line for line in lines if line.startswith("#")]
    rows = list(csv.DictReader([line for line in lines if not line.startswith("#")]))
    for row in rows:
        found = _PCODE_IN_TEXT.search(row.get("suggestion") or "")
        if not row["pcode"] and found and found.group(1) in UNITS:
            row["pcode"] = found.group(1)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        handle.write("\n".join(comments) + "\n")
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]) if rows else
                                ["raw_value", "level", "parent", "pcode"])
        writer.writeheader()
        writer.writerows(rows)
    return Crosswalk.read_csv(path)


@SETTINGS
@given(records=ROWS, period=PERIODS)
def test_crosswalk_from_suggestions_is_idempotent_and_never_loses_rows(records, period):
    without = join(records, period)
    with tempfile.TemporaryDirectory() as folder:
        crosswalk = crosswalk_from_suggestions(without, Path(folder))
    once, twice = join(records, period, crosswalk), join(records, period, crosswalk)
    pd.testing.assert_frame_equal(once.rows, twice.rows)
    pd.testing.assert_frame_equal(once.presence, twice.presence)
    pd.testing.assert_frame_equal(once.issues, twice.issues)
    assert once.log_line == twice.log_line
    assert status_counts(once)["unmatched"] <= status_counts(without)["unmatched"]
    assert len(once.rows) == len(without.rows)
    assert once.rows["source_row"].tolist() == without.rows["source_row"].tolist()


def test_corrected_fuzzy_match_in_the_crosswalk_is_applied():
    rows = [["MSF", "Health", None, None, "Rivrside", None, None]]
    first = join(rows)
    assert first.rows[["pcode", "match_method"]].values.tolist() == [["XY0202", "name_fuzzy"]]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "crosswalk.csv"
        write_suggestions_csv(path, first.matches)
        text = path.read_text(encoding="utf-8")
        assert "Rivrside,2,XY02,XY0202" in text
        path.write_text(text.replace("Rivrside,2,XY02,XY0202", "Rivrside,2,XY02,XY0201"),
                        encoding="utf-8")  # the reviewer corrects the fuzzy match
        crosswalk = Crosswalk.read_csv(path)
    second = join(rows, crosswalk=crosswalk)
    assert second.rows[["pcode", "match_method"]].values.tolist() == [["XY0201", "crosswalk"]]


# ---- generated countries: the properties hold for any boundaries, not only the fixed one ----
GENERATED = settings(SETTINGS, max_examples=15)
NAME_POOL = ["Alpha", "Beta", "Gamma", "Delta", "Riverside", "Hill Town", "Lakeside", "Mont-Vert",
             "São Bento", "Al Qasr", "Nord", "Est", "Centre", "Bay"]


@st.composite
def countries(draw):
    """Boundaries of a generated country: a prefix, 1-3 regions of 1-4 districts, codes of
    2 or 3 digits per level, names drawn from a pool (repeats across regions allowed)."""
    prefix = draw(st.sampled_from(["XY", "QZ", "ABC", "KE", ""]))
    width = draw(st.sampled_from([2, 3]))
    records, geometries, x = [], [], 0
    for region in range(1, draw(st.integers(1, 3)) + 1):
        region_code = f"{prefix}{region:0{width}d}"
        region_name = draw(st.sampled_from(NAME_POOL))
        for district in range(1, draw(st.integers(1, 4)) + 1):
            records.append({"ADM1_PCODE": region_code, "ADM1_EN": region_name,
                            "ADM2_PCODE": f"{region_code}{district:0{width}d}",
                            "ADM2_EN": draw(st.sampled_from(NAME_POOL))})
            geometries.append(box(x, 0, x + 1, 1))
            x += 1
    return AdminUnits.from_features(records, geometries), records


@st.composite
def country_and_rows(draw):
    units, records = draw(countries())
    codes = [r["ADM2_PCODE"] for r in records]
    names = [r["ADM2_EN"] for r in records]
    regions = sorted({r["ADM1_PCODE"] for r in records})
    code_cell = st.one_of(
        st.sampled_from(codes), st.sampled_from(codes).map(str.lower),
        st.sampled_from(codes).map(lambda c: c[:-1] + "9"),  # absent district of a region
        st.sampled_from(["ZZ0101", "#N/A", "-", None, "Nationwide"]),
        st.lists(st.sampled_from(codes), min_size=2, max_size=2).map(", ".join))
    name_cell = st.one_of(st.sampled_from(names), st.sampled_from(names).map(str.upper),
                          st.sampled_from(["Atlantis", None]))
    data_row = st.tuples(ORGS, CLUSTERS, st.one_of(st.sampled_from(regions), st.none()),
                         code_cell, name_cell, MONTHS, NUMBERS).map(list)
    rows = draw(st.lists(st.one_of(data_row, data_row, data_row, BLANK_ROW), min_size=1,
                         max_size=12))
    return units, rows


def join_in(units, records, period="all", crosswalk=None):
    return join_per_period(make_table(records), units, period, crosswalk)


@GENERATED
@given(country=country_and_rows(), period=PERIODS)
def test_generated_country_rows_in_equal_rows_out(country, period):
    units, records = country
    result = join_in(units, records, period)
    assert len(result.rows) == len(records)
    assert result.rows["source_row"].tolist() == list(range(2, len(records) + 2))
    counts = status_counts(result)
    assert set(counts) <= set(STATUSES) and sum(counts.values()) == len(records)
    assert sum(result.summary[f"rows {s}"] for s in STATUSES) == len(records)
    located = result.rows[result.rows["status"].isin(["used", "rolled_up"])]
    assert located["pcode"].notna().all()
    assert all(p in units for pcodes in located["pcode"] for p in pcodes.split(";"))


@GENERATED
@given(country=country_and_rows(), period=PERIODS, data=st.data())
def test_generated_country_counts_do_not_depend_on_row_order(country, period, data):
    units, records = country
    shuffled = data.draw(st.permutations(records), label="shuffled")
    first, second = join_in(units, records, period), join_in(units, shuffled, period)
    assert status_counts(first) == status_counts(second)
    pd.testing.assert_frame_equal(comparable_presence(first), comparable_presence(second))


def written_crosswalk(result, folder: Path):
    """The crosswalk a run writes (fuzzy matches filled in, to confirm), read back as is."""
    path = folder / "crosswalk.csv"
    return Crosswalk.read_csv(path) if write_suggestions_csv(path, result.matches) else None


@GENERATED
@given(country=country_and_rows(), period=PERIODS)
def test_generated_country_rerun_with_the_written_crosswalk_is_idempotent(country, period):
    units, records = country
    first = join_in(units, records, period)
    with tempfile.TemporaryDirectory() as folder:
        second = join_in(units, records, period, written_crosswalk(first, Path(folder)))
        third = join_in(units, records, period, written_crosswalk(second, Path(folder)))
    # the written crosswalk only confirms what the run decided: nothing moves
    assert status_counts(second) == status_counts(first)
    pd.testing.assert_series_equal(second.rows["pcode"], first.rows["pcode"])
    pd.testing.assert_frame_equal(second.rows, third.rows)
    pd.testing.assert_frame_equal(second.presence, third.presence)


# ---- the generated tables as CSV files, read by either CSV path ------------------------------
def written_csv(records, folder: Path) -> Path:
    """The records as a CSV file under the header (an empty cell for None)."""
    path = folder / "generated.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(FIELDS)
        writer.writerows([["" if cell is None else cell for cell in record]
                          for record in records])
    return path


def join_csv(path: Path, reading: str, period: str):
    """The join of a CSV file read by the ``reading`` path, or the message it is refused with."""
    with csv_path(reading):
        try:
            return join_4w(parse_table(read_table(path)), UNITS, JoinOptions(period=period))
        except InputError as error:
            return str(error)


@pytest.mark.parametrize("reading", CSV_PATHS)
@SETTINGS
@given(records=ROWS, period=PERIODS)
def test_every_line_of_a_csv_file_is_one_row_out(reading, records, period):
    with tempfile.TemporaryDirectory() as folder:
        result = join_csv(written_csv(records, Path(folder)), reading, period)
    filled = [i for i, record in enumerate(records) if any(c is not None for c in record)]
    if not filled:  # only blank lines under the header
        assert "the table has a header (row 1) but no data rows" in result
        return
    if isinstance(result, str):  # no row with the period asked for: never an empty success
        assert period != "all" and "or choose presence for the whole table" in result, result
        return
    lines = filled[-1] + 1  # (blank lines at the end of a file are not rows)
    assert result.rows["source_row"].tolist() == list(range(2, lines + 2))
    counts = status_counts(result)
    assert set(counts) <= set(STATUSES) and sum(counts.values()) == lines
    assert counts["skipped"] >= sum(1 for record in records[:lines]
                                    if all(c is None for c in record))
    assert result.rows["reason"].notna().all()


@SETTINGS
@given(records=ROWS, period=PERIODS)
def test_either_csv_path_gives_the_same_join(records, period):
    with tempfile.TemporaryDirectory() as folder:
        path = written_csv(records, Path(folder))
        fast, plain = (join_csv(path, reading, period) for reading in CSV_PATHS)
    if isinstance(fast, str) or isinstance(plain, str):
        assert fast == plain
        return
    for name in ("rows", "presence", "issues", "mapping", "matches"):
        pd.testing.assert_frame_equal(getattr(fast, name), getattr(plain, name))
    assert fast.summary == plain.summary and fast.log_line == plain.log_line
