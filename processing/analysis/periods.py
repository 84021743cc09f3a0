"""Reporting periods from month / year / quarter / start / end columns, in any of en/fr/es/pt.

The reporting month wins over the quarter, the quarter over activity start/end dates, and those
over a bare year. Periods are "YYYY-MM" (month or dates), "YYYY-Qn" (quarter only) or "YYYY"
(year only). Work is done once per distinct combination of cell values, so a million rows with a
few dozen months cost a few dozen parses.
"""
import datetime as dt
import re
from functools import lru_cache
from typing import Any, Dict, Mapping, Optional, Tuple

import numpy as np
import pandas as pd

from .coded import CodedColumn, combinations
from .vocabulary import load_vocabulary, normalise_text

PERIOD_ROLES = ("month", "year", "quarter", "start_date", "end_date")
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


# ---------------------------------------------------------------------------------------------
# vocabulary


@lru_cache(maxsize=1)
def _month_words() -> Dict[str, int]:
    months = load_vocabulary("months")["months"]
    return {normalise_text(word): int(number) for number, words in months.items() for word in words}


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
    return normalise_text(value)


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
    """(year, month, note) from a month cell: name, number, '2025-03', '03/2025', 'Mar-25', date."""
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return None, None, ""
    stamp = _as_timestamp(value)
    if stamp is not None:
        return _checked_month(stamp.year, stamp.month, value)
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return _month_from_number(float(value))
    return _month_from_text(str(value))


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


# ---------------------------------------------------------------------------------------------
# whole columns


def parse_periods(
    columns: Mapping[str, pd.Series], default_year: Optional[int] = None,
    coded: Optional[Mapping[str, CodedColumn]] = None,
) -> pd.DataFrame:
    """period_start, period_end, period, period_note for each row.

    ``columns`` maps roles (month, year, quarter, start_date, end_date) to Series sharing one
    index; missing roles are simply absent. ``default_year`` fills a month without a year.
    ``coded`` maps roles to the columns as codes of their values when the caller has them; the
    values must be ones some row has (they decide day-first dates: see ``CodedColumn.used``).
    """
    present = {role: s for role, s in columns.items() if role in PERIOD_ROLES and s is not None}
    if not present:
        raise ValueError("parse_periods needs at least one of: " + ", ".join(PERIOD_ROLES))
    index = next(iter(present.values())).index
    coded = coded or {}
    codes, uniques = {}, {}
    for role, series in present.items():
        column = coded[role] if role in coded else CodedColumn.of_cells(series.astype(object))
        codes[role], uniques[role] = column.codes, column.values
    dayfirst = {role: detect_dayfirst(uniques[role]) for role in ("start_date", "end_date")
                if role in uniques}
    parsed = _parse_uniques(uniques, dayfirst)
    roles = list(present)
    inverse, firsts = combinations([codes[r] for r in roles], len(index))
    results = [_combine({role: codes[role][first] for role in roles}, parsed, default_year,
                        dayfirst) for first in firsts]
    return _result_frame(results, inverse, index)


def _parse_uniques(uniques, dayfirst) -> Dict[str, list]:
    parsers = {
        "month": parse_month,
        "year": parse_year,
        "quarter": parse_quarter,
        "start_date": lambda v: parse_date(v, dayfirst["start_date"][0]),
        "end_date": lambda v: parse_date(v, dayfirst["end_date"][0]),
    }
    return {role: [parsers[role](v) for v in values] for role, values in uniques.items()}


def _value(parsed, role, codes):
    code = codes.get(role, -1)
    return parsed[role][code] if code >= 0 else None


def _combine(codes, parsed, default_year, dayfirst) -> Tuple:
    """(start, end, period, note) for one combination of value codes."""
    filled = [role for role in codes if codes[role] >= 0]
    notes = [_value(parsed, role, codes)[-1] for role in filled]
    notes += [dayfirst[role][1] for role in filled if role in dayfirst]
    year, year_note = _value(parsed, "year", codes) or (None, "")
    month = _value(parsed, "month", codes) or (None, None, "")
    quarter = _value(parsed, "quarter", codes) or (None, None, "")
    start, _ = _value(parsed, "start_date", codes) or (None, "")
    end, _ = _value(parsed, "end_date", codes) or (None, "")
    if month[1]:
        year = month[0] or year or quarter[0] or (start.year if start is not None else None)
        return _month_period(year, month[1], default_year, notes)
    if quarter[1]:
        return _quarter_period(quarter[0] or year, quarter[1], default_year, notes)
    if start is not None or end is not None:
        return _date_period(start, end, notes)
    if year:
        return (pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), str(year), _join(notes))
    return (None, None, None, _join(notes or ["no period"]))


def _resolve_year(year, default_year, notes) -> Optional[int]:
    if year:
        return year
    if default_year:
        notes.append(f"year {default_year} assumed (no year given)")
        return int(default_year)
    notes.append("no year")
    return None


def _month_period(year, month, default_year, notes):
    year = _resolve_year(year, default_year, notes)
    if year is None:
        return (None, None, None, _join(notes))
    start = pd.Timestamp(year, month, 1)
    return (start, start + pd.offsets.MonthEnd(0), f"{year}-{month:02d}", _join(notes))


def _quarter_period(year, quarter, default_year, notes):
    year = _resolve_year(year, default_year, notes)
    if year is None:
        return (None, None, None, _join(notes))
    start = pd.Timestamp(year, 3 * quarter - 2, 1)
    return (start, start + pd.offsets.QuarterEnd(0), f"{year}-Q{quarter}", _join(notes))


def _date_period(start, end, notes):
    if start is not None and end is not None and end < start:
        notes.append(f"end date {end.date()} before start date {start.date()} ignored")
        end = None
    first = start if start is not None else end
    last = end if end is not None else first + pd.offsets.MonthEnd(0)
    return (first, last, f"{first.year}-{first.month:02d}", _join(notes))


def _join(notes) -> str:
    return "; ".join(dict.fromkeys(n for n in notes if n))


def _result_frame(results, inverse, index) -> pd.DataFrame:
    table = pd.DataFrame(results, columns=["period_start", "period_end", "period", "period_note"])
    for column in ("period_start", "period_end"):
        table[column] = pd.to_datetime(table[column])
    table["period"] = table["period"].astype(object)
    return pd.DataFrame({name: table[name].to_numpy()[inverse] for name in table.columns},
                        index=index)  # (one take per column, no copy of the frame after it)
