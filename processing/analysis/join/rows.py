"""The rows output: every row of the table with its status, reason, location and attributes,
then its own cells, in file order (the skipped rows too)."""
from typing import Iterator, List, Optional, Tuple

import numpy as np
import pandas as pd

from ..coded import CodedColumn
from ..errors import InputError
from ..headers import listed
from ..matching import Match, MatchLines
from ..periods import PERIOD_ROLES
from .attributes import partner_columns, role_columns

STATUSES = ("used", "rolled_up", "unmatched", "skipped")
COUNTED_STATUSES = ("used", "rolled_up")  # rows that count: presence, gaps, HAPI, maps
RESERVED_FIELD = "fid"  # a GeoPackage's own key: a column of that name is renamed
ROW_FIELDS = ["source_row", "status", "reason", "pcode", "admin_level", "match_method",
              "match_score", "suggestion", "cluster", "cluster_name", "period", "organisation",
              "organisation_acronym", "organisation_type", "activity", "period_start",
              "period_end", "activity_status", "modality", "targeted", "reached"]
SPLIT_RANKS = {"used": 0, "rolled_up": 1, "unmatched": 2}  # a split row: its best part's status


def matches_per_row(lines: MatchLines) -> MatchLines:
    """One line per input row: split cells list their units, the best status wins."""
    if not lines.split:
        return lines
    first = np.flatnonzero(np.diff(lines.rows, prepend=-1))  # each row's first line
    numbers, matches = lines.numbers[first], list(lines.matches)
    counts = np.diff(np.append(first, len(lines.rows)))
    for row in np.flatnonzero(counts > 1).tolist():
        parts = [lines.matches[n] for n in lines.numbers[first[row]:first[row] + counts[row]]]
        numbers[row] = len(matches)
        matches.append(_joined_match(parts))
    return MatchLines(np.arange(lines.row_count, dtype=np.int64), numbers, matches,
                      lines.row_count)


def _joined_match(parts: List[Match]) -> Match:
    """A split row's match: its units' P-codes, reasons and suggestions listed, the best
    status of its parts."""
    rank = min(SPLIT_RANKS.get(part.status, len(SPLIT_RANKS)) for part in parts)
    levels = [part.admin_level for part in parts if part.admin_level is not None]
    return Match(
        ";".join(part.pcode for part in parts if part.pcode is not None) or None,
        max(levels) if levels else None, "split", min(part.score for part in parts),
        next((status for status, r in SPLIT_RANKS.items() if r == rank), None),
        " | ".join(str(part.reason) for part in parts),
        " | ".join(part.suggestion for part in parts if part.suggestion is not None) or None,
        conflict=any(part.conflict for part in parts))


def status_per_row(per_row: MatchLines, attributes, options, table) -> MatchLines:
    """Rows whose period is needed (presence per month/quarter) but unknown are skipped; when
    that is every located row, the join stops and says what to do (an empty presence is never
    a result)."""
    if options.period == "all":
        return per_row
    located = np.isin(per_row.field("status"), COUNTED_STATUSES)[per_row.numbers]
    no_period = np.flatnonzero(located & attributes["period_key"].isna().to_numpy())
    if not len(no_period):
        return per_row
    if len(no_period) == np.count_nonzero(located):
        raise InputError(_no_period_message(table, attributes, options))
    note = attributes["period_note"].iloc[no_period].fillna("")
    period = attributes["period"].iloc[no_period].fillna("none").astype(str)
    asked = "a month" if options.period == "month" else "a quarter"
    location = pd.Series(per_row.field("reason")[per_row.numbers[no_period]],
                         index=note.index).fillna("")
    reasons = (f"no usable period: presence per {options.period} needs {asked}; "
               + note.where(note != "", "period given: " + period) + "; location: "
               + location).to_numpy()
    return per_row.changed(no_period, reasons.tolist(),
                           lambda match, reason: match._replace(status="skipped", reason=reason))


# Ends every message that stops a join for want of periods (the panel then maps the whole table)
WHOLE_TABLE_HINT = "choose presence for the whole table (Presence per period: Whole table)"


def _no_period_message(table, attributes, options) -> str:
    """Why no row has a period that presence per month or quarter can use, and what to do."""
    asked = f"presence per {options.period}"
    whole = f"or {WHOLE_TABLE_HINT}"
    period_columns = [table.roles[r] for r in PERIOD_ROLES if r in table.roles]
    if not period_columns:
        return (f"{table.where}: {asked} needs a month, quarter or date column, and none was "
                f"recognised among: {listed(table.columns)}. Name it in the Mapping (e.g. "
                f"month=Reporting month), {whole}")
    columns = listed(period_columns, quote='"')
    notes = attributes["period_note"].dropna()
    if notes.str.contains("no year").any():
        return (f"{table.where}: {asked} needs the year of each month, and the "
                f"{columns} column gives months without a year; no "
                "year was found in the table's other dates, its sheet name, title rows or file "
                "name. Give the year (Year for rows with a month but no year, DEFAULT_YEAR), "
                f"{whole}")
    first = notes[notes != ""]
    example = f" (e.g. row {table.source_rows[first.index[0]]}: {first.iloc[0]})" \
        if len(first) else ""
    return (f"{table.where}: {asked} needs a {options.period} on each row, and no row located "
            f"has one{example}. Check the {columns} column, {whole}")


def rows_output(table, index, per_row, attributes, texts, options, progress) -> "RowsOutput":
    def of_match(name):  # (the rows' match numbers: their fields are written straight out)
        return CodedColumn(per_row.numbers, per_row.field(name))

    fields = {
        "status": of_match("status"), "reason": of_match("reason"), "pcode": of_match("pcode"),
        "admin_level": pd.Series(pd.array(per_row.field("admin_level").tolist(), dtype="Int64")
                                 .take(per_row.numbers), index=index, copy=False),
        "match_method": of_match("method"),
        "match_score": pd.Series(np.array(per_row.field("score").tolist(), dtype=np.float64)[
            per_row.numbers], index=index, copy=False),
        "suggestion": of_match("suggestion"),
        "cluster": attributes["cluster_code"], "cluster_name": attributes["cluster_name"],
        "period": attributes["period_key"] if options.period != "all" else attributes["period"],
        "organisation": texts.column(partner_columns(table), index),
        "organisation_acronym": texts.column(role_columns(table, "org_acronym"), index),
        "organisation_type": texts.column(role_columns(table, "org_type"), index),
        # Role-resolved values, so downstream steps (gaps, overlaps) need no column mapping.
        "activity": texts.column(role_columns(table, "activity"), index),
        "period_start": _iso_dates(attributes["period_start"]),
        "period_end": _iso_dates(attributes["period_end"]),
        "activity_status": texts.column(role_columns(table, "status"), index),
        "modality": texts.column(role_columns(table, "modality"), index),
        "targeted": attributes["targeted"], "reached": attributes["reached"],
    }
    progress.step(50)
    return RowsOutput(table.source_rows, list(fields.items()) + _original_columns(table),
                      table.skipped)


class RowsOutput:
    """The rows output, made as frames of some rows at a time: source_row, then ``columns``
    (name, Series on a RangeIndex: the data rows, or CodedColumn), with the blank and total
    rows under the header added as skipped rows (they are rows too), all sorted by file row.
    Whole, a million rows of 34 text columns are a 270 MB frame (a pointer per cell): the
    join's writer takes it in slices and never holds it all."""

    def __init__(self, source_rows, columns, skipped):
        self._data_rows = len(source_rows)
        source_row = np.concatenate([source_rows,
                                     np.array([row for row, _ in skipped], dtype=np.int64)])
        self._order = np.argsort(source_row, kind="stable")  # >= data rows: skipped rows
        self._source_row = source_row[self._order]
        self._columns = columns
        self._skipped = skipped

    def __len__(self) -> int:
        return len(self._order)

    def frame(self, start: int = 0, stop: Optional[int] = None) -> pd.DataFrame:
        """The rows from ``start`` to ``stop`` (positions in file order; all by default)."""
        return _in_file_order(self._source_row[start:stop], self._order[start:stop],
                              self._data_rows, self._columns, self._skipped)

    def frames(self, size: int) -> Iterator[pd.DataFrame]:
        """The rows as frames of ``size`` rows (the last one shorter), in file order."""
        for start in range(0, len(self), size):
            yield self.frame(start, start + size)


def _in_file_order(source_row, order, data_rows, columns, skipped) -> pd.DataFrame:
    """The frame of the rows ``order`` gives (positions among the data rows, then the
    skipped rows). The text columns are written straight into the frame's one block of text
    (no other copy of it); the typed ones are added to it."""
    by_position = np.minimum(order, data_rows)  # (a skipped row: the NaN after the data rows)
    texts = [(name, column) for name, column in columns if _is_text(column)]
    block = np.empty((len(order), len(texts)), dtype=object, order="F")
    for position, (_, column) in enumerate(texts):  # (on a RangeIndex: positions are labels)
        _cells_in_order(column, by_position, block[:, position])
    names = [name for name, _ in texts]
    extra = np.flatnonzero(order >= data_rows)
    block[extra, names.index("status")] = "skipped"
    block[extra, names.index("reason")] = [skipped[i][1] for i in order[extra] - data_rows]
    frame = pd.DataFrame(block, columns=names, dtype=object, copy=False)
    frame.insert(0, "source_row", source_row)
    positions = np.where(order < data_rows, order, -1)  # -1: a skipped row, missing values
    for position, (name, column) in enumerate(columns, 1):
        if not _is_text(column):
            frame.insert(position, name, _taken(column, positions), allow_duplicates=True)
    return frame


def _cells_in_order(column, by_position: np.ndarray, out: np.ndarray) -> None:
    """A text column's cells at ``by_position`` written into ``out``; position ``len(column)``
    (a skipped row): NaN. A CodedColumn's empty cell stays None. (Only the rows asked for
    are read: a slice of the rows output costs its own length, not the column's.)"""
    inside = by_position < len(column)
    if isinstance(column, CodedColumn):
        codes = np.full(len(by_position), len(column.values) + 1)  # the NaN: a skipped row
        codes[inside] = column.codes[by_position[inside]]
        codes[codes < 0] = len(column.values)  # the None: an empty cell
        np.take(np.append(column.values, np.array([None, np.nan], dtype=object)), codes,
                out=out)
    else:
        out[:] = np.nan
        out[inside] = column.to_numpy()[by_position[inside]]


def _is_text(column) -> bool:
    return isinstance(column, CodedColumn) or column.dtype == object


def _taken(series: pd.Series, positions: np.ndarray):
    """The values of ``series`` at ``positions`` (-1: missing), as its array type: what
    ``reindex`` gives, without looking up the labels."""
    return series.array.take(positions, allow_fill=True)


def _iso_dates(values: pd.Series) -> CodedColumn:
    """Dates as ISO texts (written per distinct date), as codes (-1: no date)."""
    codes, dates = pd.factorize(values)
    texts = pd.Series(dates, dtype=values.dtype).dt.strftime("%Y-%m-%d")
    return CodedColumn(codes, texts.to_numpy(dtype=object))


def _original_columns(table) -> List[Tuple[str, CodedColumn]]:
    """The rows' cells as given, as text, under their own column names."""
    return [(name, _as_texts(table, column))
            for name, column in zip(original_field_names(table.columns), table.columns)]


def _as_texts(table, column) -> CodedColumn:
    """A column with its distinct values as text (decided per distinct value, with numpy, not
    pandas, per column: a file may have 10,000)."""
    coded = table.coded(column)
    if _all_texts_in(coded.values):
        return coded
    return CodedColumn(coded.codes, np.array([as_text(value) for value in coded.values],
                                             dtype=object))


def _all_texts_in(values: np.ndarray) -> bool:
    """Whether every value is a str (checked in C: a column may have many distinct values)."""
    return pd.api.types.infer_dtype(values, skipna=False) in ("string", "empty")


def original_field_names(columns: List[str]) -> List[str]:
    """Output names of the original columns, unique without regard to case (GeoPackage and
    Shapefile names ignore it): a column keeps its name unless a field of the rows output or
    an earlier column has it; then 'orig_' goes before it, as often as it takes (last month's
    rows output given back as a 4W table has both "status" and "orig_Status"; a GeoPackage
    keeps "fid" for its own key)."""
    taken = {name.casefold() for name in ROW_FIELDS + [RESERVED_FIELD]}
    names: List[Optional[str]] = []
    for column in columns:  # first, the columns that can keep their own name
        own = column.casefold() not in taken
        names.append(column if own else None)
        taken.add(column.casefold())
    for index, column in enumerate(columns):
        name = column
        while names[index] is None:
            name = f"orig_{name}"
            if name.casefold() not in taken:
                names[index] = name
                taken.add(name.casefold())
    return names


def as_text(value):
    if value is None:
        return None
    if hasattr(value, "isoformat"):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
