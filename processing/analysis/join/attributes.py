"""Each row's attributes other than its location: cluster, period, people counts, other
organisations; and the first texts of a role's columns (organisation, activity ...)."""
from typing import Dict, List, Tuple

import numpy as np
import pandas as pd

from ..coded import CodedColumn, combinations
from ..organisations import Organisations, row_counts
from ..period_values import year_in_texts
from ..periods import PERIOD_ROLES, parse_periods, period_span_key
from .counts import people_counts

PARTNER_ROLES = ("org", "org_acronym")
ALL_ORGANISATION_ROLES = ("lead_org", "donor")


def per_distinct(series: pd.Series, func) -> pd.Series:
    """The element-wise ``func`` (Series -> Series) worked out on the distinct values only."""
    codes, uniques = pd.factorize(series, use_na_sentinel=False)
    result = func(pd.Series(uniques, dtype=series.dtype))
    return pd.Series(result.to_numpy()[codes], index=series.index)


def row_attributes(table, index, clusters, options) -> pd.DataFrame:
    roles = table.roles
    out = {}
    if "cluster" in roles:
        column = roles["cluster"]
        normalised = clusters.normalise_series(table.column(column), table.coded(column))
        out.update((name, normalised[name]) for name in normalised.columns)
    else:
        out["cluster_code"], out["cluster_name"] = None, None
        out["cluster_known"], out["cluster_note"] = False, "no cluster column"
    period_roles = [role for role in PERIOD_ROLES if role in roles]
    if period_roles:
        periods = parse_periods({role: table.column(roles[role]) for role in period_roles},
                                options.default_year,
                                {role: table.coded(roles[role]).used() for role in period_roles},
                                year_in_texts(_year_places(table)))
        out.update((name, periods[name]) for name in periods.columns)
    else:
        out["period_start"], out["period_end"] = pd.NaT, pd.NaT
        out["period"], out["period_note"] = None, "no period column"
    notes = []  # (the separators each count column is read with)
    for role in ("targeted", "reached"):
        out[role], out[f"{role}_problem"] = people_counts(table, index, roles.get(role), notes)
    if options.count_all_organisations:  # (only then asked for)
        extra = [roles[r] for r in ALL_ORGANISATION_ROLES if r in roles]
        out["other_organisations"] = _all_texts(table, extra) if extra else None
    out = pd.DataFrame(out, index=index, copy=False)  # (no copy of the columns into blocks)
    out["period_key"] = _period_key(out, options.period)
    out.attrs["notes"] = notes
    return out


def _year_places(table):
    """Where a table may name its year, in the order to trust them."""
    places = [(table.sheet, f'from the sheet name "{table.sheet}"')] if table.sheet else []
    places += [(text, f'from the title row "{text}"') for text in table.titles]
    return places + [(table.source, f'from the file name "{table.source}"')]


def _period_key(attributes, mode):
    """The presence period of each row: a month ("2025-03") or quarter ("2025-Q1"), or a range
    of them ("2025-01/2025-03": the row counts in each, see ``periods.periods_in``); None where
    the row has no period or only a coarser one (a bare year)."""
    period = attributes["period"].astype(object, copy=False)
    if mode in ("month", "quarter"):
        months = per_distinct(period, lambda p: ~p.str.fullmatch(r"\d{4}", na=True))
        starts, ends = attributes["period_start"], attributes["period_end"]
        inverse, firsts = combinations([pd.factorize(starts)[0], pd.factorize(ends)[0]],
                                       len(attributes))
        keys = np.array([period_span_key(starts.iat[first], ends.iat[first], mode)
                         for first in firsts], dtype=object)
        return pd.Series(keys[inverse], index=attributes.index).where(months)
    if not pd.notna(period.to_numpy()).any():
        return pd.Series("all", index=attributes.index)
    first, last = attributes["period_start"].min(), attributes["period_end"].max()
    span = f"{first:%Y-%m}/{last:%Y-%m}" if pd.notna(first) and pd.notna(last) else "all"
    return pd.Series(span, index=attributes.index)


class FirstTexts:
    """``_first_texts`` of a table, per list of columns, worked out once per join (the rows
    output, presence and QA report ask for the same ones)."""

    def __init__(self, table):
        self.table = table
        self._done: Dict[Tuple[str, ...], CodedColumn] = {}

    def __call__(self, columns: List[str]) -> CodedColumn:
        key = tuple(columns)
        if key not in self._done:
            self._done[key] = _first_texts(self.table, columns)
        return self._done[key]

    def column(self, columns: List[str], index: pd.Index):
        """The rows output's column of them; NaN when there is no column (as pandas fills a
        missing one)."""
        if not columns:
            return pd.Series(np.nan, index=index, dtype=object)
        return self(columns)


def _first_texts(table, columns) -> CodedColumn:
    """Per row, the first non-blank text among ``columns`` (runs of spaces made one); worked
    out per distinct value of a column."""
    texts: Dict[str, int] = {}
    result = np.full(table.height, -1, dtype=np.int64)
    for column in columns:
        coded = table.coded(column)
        found = (" ".join(str(value).split()) for value in coded.values)
        numbers = np.array([texts.setdefault(text, len(texts)) if text else -1
                            for text in found], dtype=np.int64)
        blank = result < 0
        result[blank] = coded.lookup(numbers, -1, blank)
    return CodedColumn(result, np.array(list(texts), dtype=object))


def _all_texts(table, columns) -> np.ndarray:
    """Every non-blank text among ``columns`` per row (a list, possibly empty)."""
    texts = [_first_texts(table, [column]).cells() for column in columns]
    return pd.Series([[t for t in values if t is not None] for values in zip(*texts)],
                     dtype=object).to_numpy()


def partner_columns(table):
    return [table.roles[role] for role in PARTNER_ROLES if role in table.roles]


def table_organisations(table, texts, reviewed=None) -> Organisations:
    """The partners the organisations of ``table`` are (its organisation texts: see
    ``partner_columns``), tied by its acronym column where it has one."""
    spellings = texts(partner_columns(table))
    pairs = []
    if "org" in table.roles and "org_acronym" in table.roles:
        names, acronyms = texts([table.roles["org"]]), texts([table.roles["org_acronym"]])
        both = (names.codes >= 0) & (acronyms.codes >= 0)
        firsts = combinations([names.codes[both], acronyms.codes[both]], int(both.sum()))[1]
        pairs = [(names.values[names.codes[both][i]], acronyms.values[acronyms.codes[both][i]])
                 for i in firsts]
    return Organisations(list(spellings.values),
                         row_counts(spellings.codes, len(spellings.values)), pairs, reviewed)


def role_columns(table, role):
    return [table.roles[role]] if role in table.roles else []
