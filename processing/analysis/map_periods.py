"""Periods as a map prints them: month, quarter or span of the join's periods, the end date
of a period ("as of") and its label in the map's language."""
import calendar
import datetime as dt
import re
from typing import Any, Iterable, Mapping, Optional

_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_SPAN = re.compile(r"^(\d{4})-(\d{2})/(\d{4})-(\d{2})$")


def period_end(period: str) -> Optional[dt.date]:
    """Last day of a "YYYY-MM", "YYYY-Qn" or "YYYY-MM/YYYY-MM" period (None for others)."""
    text = str(period or "")
    if _SPAN.match(text):
        text = text.split("/")[1]
    if _MONTH.match(text):
        year, number = int(text[:4]), int(text[5:7])
    elif _QUARTER.match(text):
        year, number = int(text[:4]), 3 * int(text[-1])
    else:
        return None
    return dt.date(year, number, calendar.monthrange(year, number)[1])


def period_months(period: str) -> Optional[tuple]:
    """(first, last) month of a period as (year, month) pairs; None for one without dates."""
    text = str(period or "")
    span = _SPAN.match(text)
    if span:
        first_year, first, last_year, last = map(int, span.groups())
        return (first_year, first), (last_year, last)
    if _MONTH.match(text):
        return (int(text[:4]), int(text[5:7])), (int(text[:4]), int(text[5:7]))
    if _QUARTER.match(text):
        year, quarter = int(text[:4]), int(text[-1])
        return (year, 3 * quarter - 2), (year, 3 * quarter)
    if re.fullmatch(r"\d{4}", text):
        return (int(text), 1), (int(text), 12)
    return None


def span_period(periods: Iterable[str]) -> str:
    """One period covering all of ``periods``: "2025-01/2025-04" (a single month as itself);
    "all" when none of them has dates."""
    bounds = [found for found in map(period_months, periods) if found is not None]
    if not bounds:
        return "all"
    first, last = min(b[0] for b in bounds), max(b[1] for b in bounds)
    if first == last:
        return f"{first[0]}-{first[1]:02d}"
    return f"{first[0]}-{first[1]:02d}/{last[0]}-{last[1]:02d}"


def period_label(period: str, texts: Mapping[str, Any]) -> str:
    """A period as people read it: "January 2025", "Q1 2025", "January - April 2025"."""
    text = str(period or "")
    months = texts["months"]
    if _MONTH.match(text):
        return f"{months[int(text[5:7]) - 1]} {text[:4]}"
    if _QUARTER.match(text):
        return texts["quarter"].format(quarter=text[-1], year=text[:4])
    span = _SPAN.match(text)
    if span:
        first_year, first, last_year, last = span.groups()
        start = months[int(first) - 1] + ("" if first_year == last_year else f" {first_year}")
        return f"{start} - {months[int(last) - 1]} {last_year}"
    if text.lower() in ("", "all"):
        return texts["no_period"]
    return text


def format_date(day: dt.date, texts: Mapping[str, Any]) -> str:
    return f"{day.day} {texts['months'][day.month - 1]} {day.year}"
