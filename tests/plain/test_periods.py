"""Month / quarter / date parsing into reporting periods."""
import datetime as dt

import pandas as pd
import pytest

from coordmap.processing.analysis.period_values import (
    detect_dayfirst,
    parse_date,
    parse_month,
    parse_month_span,
    parse_quarter,
)
from coordmap.processing.analysis.periods import parse_periods


@pytest.mark.parametrize(
    "value, expected",
    [
        ("janvier", (None, 1)), ("févr.", (None, 2)), ("Enero", (None, 1)), ("Sept", (None, 9)),
        ("Março", (None, 3)), ("October ", (None, 10)), (3, (None, 3)), ("03", (None, 3)),
        ("2025-03", (2025, 3)), ("03/2025", (2025, 3)), ("Mar-25", (2025, 3)),
        ("March 2025", (2025, 3)), ("2025 Sept", (2025, 9)), (dt.datetime(2024, 7, 1), (2024, 7)),
        (45717, (2025, 3)), ("202411", (2024, 11)),
    ],
)
def test_parse_month(value, expected):
    assert parse_month(value)[:2] == expected


@pytest.mark.parametrize("value", ["xyz", "2025-13", 0, "1850-01", 13.5])
def test_parse_month_rejects_with_a_note(value):
    year, month, note = parse_month(value)
    assert month is None and note


@pytest.mark.parametrize(
    "value, expected",
    [("Q1", (None, 1)), ("T1", (None, 1)), ("2024 Q3", (2024, 3)), ("Q4-2023", (2023, 4)),
     ("1er trimestre 2024", (2024, 1)), ("Trimestre 2", (None, 2)), (4, (None, 4))],
)
def test_parse_quarter(value, expected):
    assert parse_quarter(value)[:2] == expected


def test_parse_date_formats_and_impossible_dates():
    march = pd.Timestamp(2025, 3, 15)
    for value in ["2025-03-15", "15/03/2025", "15.03.2025", "15 mars 2025", "March 15, 2025",
                  dt.date(2025, 3, 15), 45731]:
        assert parse_date(value) == (march, ""), value
    assert parse_date("03/15/2025", dayfirst=False)[0] == march
    assert parse_date(0)[0] is None and "zero" in parse_date(0)[1]
    assert parse_date(dt.datetime(1899, 12, 30))[0] is None
    assert parse_date("31/02/2025")[0] is None
    assert parse_date("1985-01-01")[0] is None


def test_month_first_columns_are_detected():
    assert detect_dayfirst(["03/15/2024", "04/01/2024"])[0] is False
    assert detect_dayfirst(["15/03/2024", "04/01/2024"])[0] is True
    assert detect_dayfirst(["04/01/2024"])[0] is True  # ambiguous: day first


def test_parse_periods_month_and_year_columns():
    month = pd.Series(["January", "février", None, "Mar-24"], index=[5, 6, 7, 8], dtype=object)
    year = pd.Series([2025, "2025", 2025, None], index=[5, 6, 7, 8], dtype=object)
    out = parse_periods({"month": month, "year": year})
    assert out.index.tolist() == [5, 6, 7, 8]
    assert out["period"].tolist() == ["2025-01", "2025-02", "2025", "2024-03"]
    assert out.loc[6, "period_end"] == pd.Timestamp(2025, 2, 28)


def test_default_year_is_used_and_said_and_missing_year_is_reported():
    month = pd.Series(["April", "May"], dtype=object)
    assumed = parse_periods({"month": month}, default_year=2023)
    assert assumed["period"].tolist() == ["2023-04", "2023-05"]
    assert all("2023 assumed" in note for note in assumed["period_note"])
    missing = parse_periods({"month": month})
    assert missing["period"].isna().all() and set(missing["period_note"]) == {"no year"}


def test_quarter_and_start_end_dates():
    quarter = parse_periods({"quarter": pd.Series(["Q3"], dtype=object),
                             "year": pd.Series([2024], dtype=object)})
    assert quarter.loc[0, "period"] == "2024-Q3"
    assert quarter.loc[0, "period_end"] == pd.Timestamp(2024, 9, 30)
    dates = parse_periods({
        "start_date": pd.Series(["03/15/2024", "04/01/2024"], dtype=object),
        "end_date": pd.Series(["03/30/2024", "02/01/2024"], dtype=object),
    })
    assert dates["period"].tolist() == ["2024-03", "2024-04"]
    assert dates.loc[0, "period_end"] == pd.Timestamp(2024, 3, 30)
    assert "before start" in dates.loc[1, "period_note"]
    assert "month-first" in dates.loc[0, "period_note"]


def test_many_rows_are_parsed_per_unique_combination():
    months = pd.Series(["January", "February", "March"] * 100_000, dtype=object)
    out = parse_periods({"month": months}, default_year=2025)
    assert len(out) == 300_000
    assert out["period"].value_counts().to_dict() == {"2025-01": 100_000, "2025-02": 100_000,
                                                     "2025-03": 100_000}


@pytest.mark.parametrize("text, expected", [
    ("كانون الثاني 2025", (2025, 1)), ("مارس 2025", (2025, 3)), ("تشرين الأول 2024", (2024, 10)),
    ("Сентябрь 2025", (2025, 9)), ("березень 2025", (2025, 3)), ("лютого 2025", (2025, 2)),
    ("março 2025", (2025, 3)), ("Dezembro 2024", (2024, 12)),
])
def test_months_in_arabic_russian_ukrainian_and_portuguese(text, expected):
    year, month, _ = parse_month(text)
    assert (year, month) == expected


def test_a_month_range_in_arabic_or_ukrainian_spans_its_months():
    span = parse_month_span("يناير - مارس 2025")
    assert (span.year, span.month, span.months) == (2025, 1, 3)
    span = parse_month_span("січень - березень 2025")
    assert (span.year, span.month, span.months) == (2025, 1, 3)
