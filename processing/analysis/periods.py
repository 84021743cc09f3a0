"""Reporting periods from month / year / quarter / start / end columns, in any of
en/fr/es/pt/ar/ru/uk.

The reporting month wins over the quarter, the quarter over activity start/end dates, and those
over a bare year. Periods are "YYYY-MM" (month or dates), "YYYY-MM/YYYY-MM" (a range of months:
"Jan-Mar", "janvier - mars", "Q1 2025" in a month column), "YYYY-Qn" (quarter only) or "YYYY"
(year only). A month without a year takes the year the user gives, else the one year of the
table's other dates, else the one year its sheet name, title rows or file name give. Work is done
once per distinct combination of cell values, so a million rows with a few dozen months cost a
few dozen parses.
"""
from typing import Dict, Iterable, List, Mapping, Optional, Tuple

import pandas as pd

from .coded import CodedColumn, combinations
from .period_values import (
    MonthSpan,
    YearHint,
    detect_dayfirst,
    parse_date,
    parse_month_span,
    parse_quarter,
    parse_year,
)

PERIOD_ROLES = ("month", "year", "quarter", "start_date", "end_date")


# ---------------------------------------------------------------------------------------------
# whole columns


def parse_periods(
    columns: Mapping[str, pd.Series], default_year: Optional[int] = None,
    coded: Optional[Mapping[str, CodedColumn]] = None, year_hint: Optional[YearHint] = None,
) -> pd.DataFrame:
    """period_start, period_end, period, period_note for each row.

    ``columns`` maps roles (month, year, quarter, start_date, end_date) to Series sharing one
    index; missing roles are simply absent. A month without a year takes ``default_year``, else
    the one year of the table's other dates, else ``year_hint`` (see ``year_in_texts``).
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
    fallback = _fallback_year(default_year, parsed, year_hint)
    roles = list(present)
    inverse, firsts = combinations([codes[r] for r in roles], len(index))
    results = [_combine({role: codes[role][first] for role in roles}, parsed, fallback,
                        dayfirst) for first in firsts]
    return _result_frame(results, inverse, index)


def _fallback_year(default_year, parsed, year_hint) -> Optional[Tuple[int, str]]:
    """The year a month without one takes, and the note saying where it comes from."""
    if default_year:
        return int(default_year), f"year {default_year} assumed (no year given)"
    years = set(_years_given(parsed))
    if len(years) == 1:
        year = years.pop()
        return year, f"year {year} assumed (no year given; the table's other dates are all in it)"
    if not years and year_hint is not None:
        return year_hint.year, f"year {year_hint.year} assumed (no year given; {year_hint.where})"
    return None


def _years_given(parsed) -> Iterable[int]:
    """The years the table's period cells give (months with a year, years, quarters, dates)."""
    for role, values in parsed.items():
        for value in values:
            if role in ("start_date", "end_date"):
                if value[0] is not None:
                    yield value[0].year
            elif value[0] is not None:
                yield value[0]


def _parse_uniques(uniques, dayfirst) -> Dict[str, list]:
    parsers = {
        "month": parse_month_span,
        "year": parse_year,
        "quarter": parse_quarter,
        "start_date": lambda v: parse_date(v, dayfirst["start_date"][0]),
        "end_date": lambda v: parse_date(v, dayfirst["end_date"][0]),
    }
    return {role: [parsers[role](v) for v in values] for role, values in uniques.items()}


def _value(parsed, role, codes):
    code = codes.get(role, -1)
    return parsed[role][code] if code >= 0 else None


def _combine(codes, parsed, fallback, dayfirst) -> Tuple:
    """(start, end, period, note) for one combination of value codes."""
    filled = [role for role in codes if codes[role] >= 0]
    notes = [_value(parsed, role, codes)[-1] for role in filled]
    notes += [dayfirst[role][1] for role in filled if role in dayfirst]
    year, year_note = _value(parsed, "year", codes) or (None, "")
    month = _value(parsed, "month", codes) or MonthSpan(None, None, 1, "")
    quarter = _value(parsed, "quarter", codes) or (None, None, "")
    start, _ = _value(parsed, "start_date", codes) or (None, "")
    end, _ = _value(parsed, "end_date", codes) or (None, "")
    if month.month:
        year = month.year or year or quarter[0] or (start.year if start is not None else None)
        return _month_period(year, month.month, month.months, fallback, notes)
    if quarter[1]:
        return _quarter_period(quarter[0] or year, quarter[1], fallback, notes)
    if start is not None or end is not None:
        return _date_period(start, end, notes)
    if year:
        return (pd.Timestamp(year, 1, 1), pd.Timestamp(year, 12, 31), str(year), _join(notes))
    return (None, None, None, _join(notes or ["no period"]))


def _resolve_year(year, fallback, notes) -> Optional[int]:
    """The year given, else the fallback year (see ``_fallback_year``) and its note."""
    if year:
        return year
    if fallback:
        notes.append(fallback[1])
        return fallback[0]
    notes.append("no year")
    return None


def _month_period(year, month, months, fallback, notes):
    year = _resolve_year(year, fallback, notes)
    if year is None:
        return (None, None, None, _join(notes))
    start = pd.Timestamp(year, month, 1)
    end = start + pd.DateOffset(months=months - 1) + pd.offsets.MonthEnd(0)
    label = f"{year}-{month:02d}"
    if months > 1:
        label += f"/{end.year}-{end.month:02d}"
    return (start, end, label, _join(notes))


def _quarter_period(year, quarter, fallback, notes):
    year = _resolve_year(year, fallback, notes)
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


def period_span_key(start, end, mode: str) -> Optional[str]:
    """The presence period of a row from ``start`` to ``end``: its month ("2025-03") or quarter
    ("2025-Q1") when it lies within one, else the range of them ("2025-01/2025-03")."""
    if pd.isna(start) or pd.isna(end):
        return None
    if mode == "month":
        first, last = f"{start.year}-{start.month:02d}", f"{end.year}-{end.month:02d}"
    else:
        first, last = f"{start.year}-Q{start.quarter}", f"{end.year}-Q{end.quarter}"
    return first if first == last else f"{first}/{last}"


def periods_in(key: str) -> List[str]:
    """The months or quarters of a presence period ("2025-11/2026-01": three months)."""
    first, _, last = key.partition("/")
    if not last:
        return [key]
    frequency = "Q" if "Q" in first else "M"
    spans = pd.period_range(pd.Period(first, frequency), pd.Period(last, frequency),
                            freq=frequency)
    return [f"{p.year}-Q{p.quarter}" if frequency == "Q" else f"{p.year}-{p.month:02d}"
            for p in spans]


def _join(notes) -> str:
    return "; ".join(dict.fromkeys(n for n in notes if n))


def _result_frame(results, inverse, index) -> pd.DataFrame:
    table = pd.DataFrame(results, columns=["period_start", "period_end", "period", "period_note"])
    for column in ("period_start", "period_end"):
        table[column] = pd.to_datetime(table[column])
    table["period"] = table["period"].astype(object)
    return pd.DataFrame({name: table[name].to_numpy()[inverse] for name in table.columns},
                        index=index)  # (one take per column, no copy of the frame after it)
