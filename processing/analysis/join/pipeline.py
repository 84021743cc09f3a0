"""join_4w: the steps of a join, in order, and their result."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional

import numpy as np
import pandas as pd

from ..boundaries import AdminUnits
from ..clusters import ClusterVocabulary
from ..errors import InputError
from ..headers import Table4W, set_location_roles
from ..matching import Crosswalk, MatchLines, decide_location_columns, with_units_from_codes
from ..progress import SILENT, Progress
from ..translation import QT_TRANSLATE_NOOP
from .attributes import FirstTexts, partner_columns, row_attributes, table_organisations
from .issues import Issue, issue, issues_table
from .locations import location_columns, match_locations, present_values, target_level
from .options import PERIOD_MODES, JoinOptions
from .presence import located, presence_table
from .rows import COUNTED_STATUSES, RowsOutput, matches_per_row, rows_output, status_per_row
from .sanity import role_warnings
from .summary import summary_of

NO_PRESENCE = ("no row could be placed on a unit of the boundaries: the presence is empty; each "
               "row's reason says why (are the boundaries those of the table's country and "
               "P-code version?)")


@dataclass
class JoinResult:
    rows_output: RowsOutput  # one row per data row: ROW_FIELDS + the original columns
    lines: MatchLines  # the matcher's result (a split row has one line per unit)
    presence: pd.DataFrame  # PRESENCE_FIELDS, one row per unit x cluster (x period)
    issues: pd.DataFrame  # the QA report's issues table (report.ISSUE_COLUMNS)
    mapping: pd.DataFrame  # role, column, source
    summary: Dict[str, object]
    admin_level: int
    log_line: str
    organisations: pd.DataFrame  # the reviewable organisation list (organisations.LIST_COLUMNS)
    _matches: Optional[pd.DataFrame] = field(default=None, repr=False)
    _rows: Optional[pd.DataFrame] = field(default=None, repr=False)

    @property
    def rows(self) -> pd.DataFrame:
        """The rows output as one frame, made when asked for (the join's writer takes
        ``rows_output`` a slice at a time instead)."""
        if self._rows is None:
            self._rows = self.rows_output.frame()
        return self._rows

    @property
    def matches(self) -> pd.DataFrame:
        """The matcher's frame (matching.FRAME_COLUMNS; a split row has one line per unit),
        made when asked for (the suggestions crosswalk): the join itself works on ``lines``."""
        if self._matches is None:
            self._matches = self.lines.frame(pd.RangeIndex(self.lines.row_count))
        return self._matches


def join_4w(table: Table4W, units: AdminUnits, options: Optional[JoinOptions] = None,
            crosswalk: Optional[Crosswalk] = None, clusters: Optional[ClusterVocabulary] = None,
            progress: Progress = SILENT) -> JoinResult:
    options = options or JoinOptions()
    if options.period not in PERIOD_MODES:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "period must be one of {modes}, not {period!r}"),
            modes=", ".join(PERIOD_MODES), period=options.period)
    # Rows are positions (the table's rows as a RangeIndex); the join reads the table's columns
    # by their codes and values and never makes the frame of the whole table (table.data).
    index = pd.RangeIndex(table.height)
    if not table.height and not table.skipped:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{table}: the table has a header (row {rows}) but no data rows under it"),
            table=table.where, rows=", ".join(map(str, table.header_rows)))
    progress.step(0, "Finding the location columns")
    decision = decide_location_columns(table.columns, table.coded, table.roles,
                                       table.role_sources, table.mapped_roles, units,
                                       table.admin_hints)
    set_location_roles(table, decision.roles, decision.sources, decision.notes)
    units = with_units_from_codes(units, table.roles, table.coded)
    try:
        code_cols, name_cols = location_columns(table)
    except InputError as error:  # (the 4W may be on a sheet not read: say which there are)
        if not table.other_sheets:
            raise
        others = ", ".join(f'"{name}"' for name in table.other_sheets)
        raise InputError(f"{error} The file has other sheets ({others}): give the Sheet that "
                         "holds the 4W table.") from None
    level = target_level(table, units, options.admin_level, code_cols, name_cols)
    progress.step(5, f"Matching locations at admin {level}")
    lines = match_locations(table, units, level, code_cols, name_cols, crosswalk,
                            progress.within(5, 55))
    progress.step(55, "Normalising clusters, periods and partners")
    texts = FirstTexts(table)
    organisations = table_organisations(table, texts, options.organisations)
    clusters = clusters or ClusterVocabulary.load()
    attributes = row_attributes(table, index, clusters, options)
    progress.step(70, "Counting partners per unit")
    # Each row's match (a split row's lines joined in one), then its period checked: per
    # row a number in ``per_row.matches`` (a table has few distinct ones: worked on once each).
    per_row = status_per_row(matches_per_row(lines), attributes, options, table)
    progress.step(74)  # large tables take seconds per step: keep the bar moving
    counted = np.isin(per_row.field("status"), COUNTED_STATUSES)[per_row.numbers][
        lines.rows] & present_values(lines.field("pcode"))[lines.numbers]
    presence = presence_table(table, located(lines, counted), attributes, texts, units, level,
                              options, progress.within(74, 84), organisations)
    progress.step(84, "Writing the QA report")
    issues = issues_table(table, lines, attributes, texts, units, progress.within(84, 91))
    issues = _with_issues(issues, role_warnings(table, attributes, clusters) + (
        [] if len(presence) else [issue("no_presence", rows=table.height + len(table.skipped),
                                        reason=NO_PRESENCE)]),
        _merge_issues(organisations, table))
    # The rows output last: the largest frame of the join (a text per row and column) is
    # not yet held while presence and issues are counted (the peak of memory at 1M rows).
    progress.step(91)
    rows = rows_output(table, index, per_row, attributes, texts, options,
                       progress.within(91, 97))
    progress.step(97)
    summary, log_line = summary_of(table, units, rows, per_row, level, code_cols, name_cols)
    mapping = pd.DataFrame(
        [(role, column, table.role_sources.get(role, "")) for role, column in table.roles.items()],
        columns=["role", "column", "source"])
    return JoinResult(rows, lines, presence, issues, mapping, summary, level, log_line,
                      organisations.frame())


def _merge_issues(organisations, table) -> List[Issue]:
    """A row per organisation written several ways (one partner)."""
    column = ", ".join(partner_columns(table)) or None
    return [issue("organisation_merged", column, "; ".join(m.spellings[:10]), rows=m.rows,
                  reason=m.reason) for m in organisations.merges()]


def _with_issues(issues: pd.DataFrame, first: List[Issue], last: List[Issue]) -> pd.DataFrame:
    """The issues with ``first`` before them and ``last`` after them."""
    parts = [pd.DataFrame.from_records(records, columns=issues.columns).astype(
        issues.dtypes.to_dict()) if records else None for records in (first, last)]
    frames = [frame for frame in (parts[0], issues, parts[1]) if frame is not None and len(frame)]
    return pd.concat(frames, ignore_index=True) if len(frames) > 1 else issues
