"""One period cell at a time: months (names in en/fr/es/pt/ar/ru/uk, numbers, Excel serials,
ranges such as "Jan-Mar"), years, quarters and dates (day-first or not), each with a note of how
it was read; and the one year a table's context (sheet name, title rows, file name) gives.
``periods`` reads whole columns with them."""
import datetime as dt
import re
from functools import lru_cache
from typing import Any, Dict, Iterable, List, NamedTuple, Optional, Tuple

import numpy as np
import pandas as pd

from .vocabulary import load_vocabulary, normalise_text

MIN_YEAR, MAX_YEAR = 1990, 2100
EXCEL_EPOCH = pd.Timestamp("1899-12-30")  # Excel's day 0 (1900 date system, Lotus leap bug)
EXCEL_MIN_SERIAL = (pd.Timestamp(MIN_YEAR, 1, 1) - EXCEL_EPOCH).days
EXCEL_MAX_SERIAL = (pd.Timestamp(MAX_YEAR, 12, 31) - EXCEL_EPOCH).days

_YEAR_MONTH = re.compile(r"^(\d{4})[-/. ](\d{1,2})(?:[-/. ](\d{1,2}))?(?:[ t].*)?$")
_MONTH_YEAR = re.compile(r"^(\d{1,2})[-/. ](\d{4})$")
_COMPACT_YEAR_MONTH = re.compile(r"^(\d{4})(\d{2})$")
_SLASH_DATE = re.compile(r"^(\d{1,2})[-/.](\d{1,2})[-/.](\d{2}|\d{4})(?:[ t].*)?$")
_ISO_DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ t].*)?$")
_YEAR = re.compile(r"(?<!\d)(\d{4})(?!\d)")
_NUMBER = re.compile(r"^\d+(?:\.0+)?$")

Month = Tuple[Optional[int], Optional[int], str]  # (year or None, month or None, note)
_DASHES = re.compile(r"\w\s*[-\u2010-\u2015]\s*\w")  # "Jan-Mar", "janvier - mars"


class MonthSpan(NamedTuple):
    """A month cell: its first month (and that month's year, when given), how many months it
    covers (1 for one month; "Jan-Mar" and "Q1" 3) and a note."""
    year: Optional[int]
    month: Optional[int]
    months: int
    note: str


class YearHint(NamedTuple):
    """The one year the table's context gives (sheet name, title rows, file name), and where."""
    year: int
    where: str


# ---------------------------------------------------------------------------------------------
# vocabulary


@lru_cache(maxsize=1)
def _month_words() -> Dict[str, int]:
    """Month names as one word each (a name of two words joined by '_', see ``_words``)."""
    months = load_vocabulary("months")["months"]
    return {normalise_text(word).replace(" ", "_"): int(number)
            for number, words in months.items() for word in words}


@lru_cache(maxsize=1)
def _month_phrases() -> "re.Pattern[str]":
    """The month names of two words or more ("كانون الثاني"), longest first."""
    phrases = sorted({name.replace("_", " ") for name in _month_words() if "_" in name},
                     key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, phrases)) + r")(?!\w)")


@lru_cache(maxsize=1)
def _range_words() -> frozenset:
    return frozenset(normalise_text(w) for w in load_vocabulary("months").get("range_words", []))


@lru_cache(maxsize=1)
def _quarter_pattern() -> "re.Pattern[str]":
    words = sorted({normalise_text(w) for w in load_vocabulary("months")["quarter_words"]}, key=len)
    alternatives = "|".join(re.escape(w) for w in reversed(words))
    # "q1", "t 2", "quarter 3", "1er trimestre", "2nd quarter", "3 trimestre"
    return re.compile(
        rf"(?:\b(?:{alternatives}) ?([1-4])\b)|(?:\b([1-4]) ?(?:er|e|eme|st|nd|rd|th|o)? "
        rf"(?:{alternatives})\b)"
    )


def _words(value: Any) -> str:
    """The normalised text, a month name of several words made one ("كانون_الثاني")."""
    text = normalise_text(value)
    if text.isascii():  # (the month names of several words are Arabic)
        return text
    return _month_phrases().sub(lambda match: match.group(1).replace(" ", "_"), text)


# ---------------------------------------------------------------------------------------------
# single values


def _plausible_year(year: int) -> bool:
    return MIN_YEAR <= year <= MAX_YEAR


def _full_year(year: int) -> int:
    return 2000 + year if year < 100 else year


def _excel_serial(number: float) -> Tuple[Optional[pd.Timestamp], str]:
    if int(number) == 0:
        return None, "Excel zero date (1899-12-30) ignored"
    if EXCEL_MIN_SERIAL <= number <= EXCEL_MAX_SERIAL:
        return (EXCEL_EPOCH + pd.Timedelta(days=int(number))), ""
    return None, f"number {number:g} is not a plausible date"


def _as_timestamp(value: Any) -> Optional[pd.Timestamp]:
    if isinstance(value, (dt.date, pd.Timestamp, np.datetime64)):
        return pd.Timestamp(value)
    return None


def parse_month(value: Any) -> Month:
    """(year, month, note) from a month cell: name, number, '2025-03', '03/2025', 'Mar-25', date.
    A range of months ("Jan-Mar") is not one month: see ``parse_month_span``."""
    span = parse_month_span(value)
    if span.months > 1:
        return None, None, f'"{value}" is a range of {span.months} months'
    return span.year, span.month, span.note


def parse_month_span(value: Any) -> MonthSpan:
    """A month cell as a MonthSpan: one month as ``parse_month`` reads it, or a range of months
    ("Jan-Mar", "janvier - mars", "Nov 2024 - Jan 2025", "Q1 2025")."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return MonthSpan(None, None, 1, "")
    stamp = _as_timestamp(value)
    if stamp is not None:
        return MonthSpan(*_one(_checked_month(stamp.year, stamp.month, value)))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return MonthSpan(*_one(_month_from_number(float(value))))
    return _month_span_from_text(str(value))


def _one(month: Month) -> Tuple[Optional[int], Optional[int], int, str]:
    return month[0], month[1], 1, month[2]


def _month_span_from_text(text: str) -> MonthSpan:
    words = _words(text).split()
    names = [_month_words()[w] for w in words if w in _month_words()]
    if len(names) == 2 and (_DASHES.search(text) or _range_words() & set(words)):
        return _month_range(text, names, [int(w) for w in words if w.isdigit()])
    if not names:
        quarter = _quarter_pattern().search(" ".join(words))
        if quarter:  # "Q1 2025" in a month column: its three months
            year, number, _ = parse_quarter(text)
            return MonthSpan(year, 3 * number - 2, 3, "")
    return MonthSpan(*_one(_month_from_text(text)))


def _month_range(text: str, names: List[int], numbers: List[int]) -> MonthSpan:
    """"Jan-Mar", "Jan-Mar 2025" (the year of the last month), "Nov 2024 - Jan 2025"."""
    first, last = names
    years = [_full_year(n) for n in numbers]
    if len(years) > 2 or not all(map(_plausible_year, years)):
        return MonthSpan(None, None, 1, f'month range "{text.strip()}" not understood')
    count = (last - first) % 12 + 1
    if len(years) == 2:
        count = 12 * (years[1] - years[0]) + last - first + 1
        if count < 1:
            return MonthSpan(None, None, 1, f'month range "{text.strip()}" ends before it starts')
    first_year = None
    if years:
        first_year = years[0] if len(years) == 2 else years[0] - (first > last)
    return MonthSpan(first_year, first, count, "")


def _month_from_number(number: float) -> Month:
    if number.is_integer() and 1 <= number <= 12:
        return None, int(number), ""
    stamp, note = _excel_serial(number)
    if stamp is None:
        return None, None, note or f"month {number:g} not understood"
    return stamp.year, stamp.month, ""


def _month_from_text(text: str) -> Month:
    raw = text.strip().lower()
    if _NUMBER.match(raw) and not _COMPACT_YEAR_MONTH.match(raw):
        return _month_from_number(float(raw))
    for pattern, year_group, month_group in (
        (_YEAR_MONTH, 1, 2),
        (_MONTH_YEAR, 2, 1),
        (_COMPACT_YEAR_MONTH, 1, 2),
    ):
        match = pattern.match(raw)
        if match:
            return _checked_month(int(match.group(year_group)), int(match.group(month_group)), text)
    slash = _SLASH_DATE.match(raw)
    if slash:
        stamp, note = parse_date(text, dayfirst=True)
        return (stamp.year, stamp.month, "") if stamp is not None else (None, None, note)
    return _month_from_words(text)


def _month_from_words(text: str) -> Month:
    """'janvier', 'Févr.', 'Mar-25', 'March 2025', '2025 Sept'."""
    words = _words(text).split()
    months = [_month_words()[w] for w in words if w in _month_words()]
    if len(months) != 1:
        return None, None, f'month "{text.strip()}" not understood'
    numbers = [int(w) for w in words if w.isdigit()]
    if not numbers:
        return None, months[0], ""
    if len(numbers) > 1:
        return None, None, f'month "{text.strip()}" not understood'
    return _checked_month(_full_year(numbers[0]), months[0], text)


def _checked_month(year: int, month: int, original: Any) -> Month:
    if not 1 <= month <= 12:
        return None, None, f'month "{original}" not understood'
    if not _plausible_year(year):
        return None, None, f'implausible year {year} in "{original}"'
    return year, month, ""


def parse_year(value: Any) -> Tuple[Optional[int], str]:
    """(year, note) from 2025, 2025.0, "2025", "FY2025", a date."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, ""
    stamp = _as_timestamp(value)
    if stamp is not None:
        year = stamp.year
    elif isinstance(value, (int, float)) and not isinstance(value, bool):
        year = int(value) if float(value).is_integer() else -1
    else:
        found = _YEAR.findall(str(value))
        year = int(found[0]) if len(set(found)) == 1 else -1
    if not _plausible_year(year):
        return None, f'year "{value}" not understood'
    return year, ""


def parse_quarter(value: Any) -> Tuple[Optional[int], Optional[int], str]:
    """(year, quarter, note) from "Q1", "T2", "2024 Q3", "Q3-2024", "1er trimestre 2024", 4."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, None, ""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        quarter = int(value) if float(value).is_integer() and 1 <= value <= 4 else None
        return None, quarter, "" if quarter else f'quarter "{value}" not understood'
    words = _words(value)
    match = _quarter_pattern().search(words)
    if not match:
        return None, None, f'quarter "{value}" not understood'
    quarter = int(match.group(1) or match.group(2))
    years = [int(y) for y in _YEAR.findall(words)]
    year = years[0] if years and _plausible_year(years[0]) else None
    return year, quarter, ""


def parse_date(value: Any, dayfirst: bool = True) -> Tuple[Optional[pd.Timestamp], str]:
    """(date, note): spreadsheet dates, Excel serials, ISO, dd/mm/yyyy or mm/dd, '15 mars 2025'."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, ""
    stamp = _as_timestamp(value)
    note = ""
    if stamp is None and isinstance(value, (int, float)) and not isinstance(value, bool):
        stamp, note = _excel_serial(float(value))
    elif stamp is None:
        stamp, note = _date_from_text(str(value).strip(), dayfirst)
    if stamp is None:
        return None, note
    stamp = stamp.normalize()
    if stamp == EXCEL_EPOCH:
        return None, "Excel zero date (1899-12-30) ignored"
    if not _plausible_year(stamp.year):
        return None, f"implausible date {stamp.date().isoformat()} ignored"
    return stamp, ""


def _date_from_text(text: str, dayfirst: bool) -> Tuple[Optional[pd.Timestamp], str]:
    lowered = text.lower()
    if _NUMBER.match(lowered):
        return _excel_serial(float(lowered))
    iso = _ISO_DATE.match(lowered)
    slash = _SLASH_DATE.match(lowered)
    try:
        if iso:
            return pd.Timestamp(int(iso.group(1)), int(iso.group(2)), int(iso.group(3))), ""
        if slash:
            first, second, year = (int(g) for g in slash.groups())
            day, month = (first, second) if dayfirst else (second, first)
            return pd.Timestamp(_full_year(year), month, day), ""
    except ValueError:
        return None, f'date "{text}" does not exist'
    return _date_from_words(text)


def _date_from_words(text: str) -> Tuple[Optional[pd.Timestamp], str]:
    """'15 mars 2025', 'March 15, 2025'."""
    words = _words(text).split()
    months = [_month_words()[w] for w in words if w in _month_words()]
    numbers = [int(w) for w in words if w.isdigit()]
    years = [n for n in numbers if n >= 1000]
    days = [n for n in numbers if n < 32]
    if len(months) == 1 and len(years) == 1 and len(days) == 1:
        try:
            return pd.Timestamp(years[0], months[0], days[0]), ""
        except ValueError:
            pass
    return None, f'date "{text}" not understood'


def detect_dayfirst(values: Any) -> Tuple[bool, str]:
    """Day-first unless some slash date can only be month-first (e.g. 03/25/2024)."""
    day_first_evidence = month_first_evidence = False
    for value in values:
        match = _SLASH_DATE.match(str(value).strip().lower()) if isinstance(value, str) else None
        if match:
            first, second = int(match.group(1)), int(match.group(2))
            day_first_evidence |= first > 12 >= second
            month_first_evidence |= second > 12 >= first
    if month_first_evidence and not day_first_evidence:
        return False, "dates read month-first (mm/dd/yyyy)"
    return True, ""


def year_in_texts(texts: Iterable[Tuple[str, str]]) -> Optional[YearHint]:
    """The first of ``texts`` ((text, where it is) in the order to trust them, e.g. the sheet
    name, the title rows, the file name) that names exactly one plausible year."""
    for text, where in texts:
        years = {int(y) for y in _YEAR.findall(str(text or "")) if _plausible_year(int(y))}
        if len(years) == 1:
            return YearHint(years.pop(), where)
    return None
