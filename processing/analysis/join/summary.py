"""The summary (row counts by status, match rates per admin level) and the log line."""
from typing import Dict

import numpy as np

from ..translation import QT_TRANSLATE_NOOP, Template
from .locations import present_values
from .rows import STATUSES, as_text

# The summary's labels and log line are translated under the context "JoinSummary" when shown.
STATUS_LABELS = {"used": QT_TRANSLATE_NOOP("JoinSummary", "rows used"),
                 "rolled_up": QT_TRANSLATE_NOOP("JoinSummary", "rows rolled_up"),
                 "unmatched": QT_TRANSLATE_NOOP("JoinSummary", "rows unmatched"),
                 "skipped": QT_TRANSLATE_NOOP("JoinSummary", "rows skipped")}


def summary_of(table, units, rows, per_row, level, code_cols, name_cols):
    counts = dict.fromkeys(STATUSES, 0)  # of the rows output: data rows, then skipped rows
    counts["skipped"] += len(table.skipped)
    rows_per_match = np.bincount(per_row.numbers, minlength=len(per_row.matches)).tolist()
    for match, count in zip(per_row.matches, rows_per_match):
        if match.status in counts:
            counts[match.status] += count
    data_rows = int(len(rows))
    rates = _match_rates(table, per_row, code_cols, name_cols, units.levels)
    unit_levels = units.table["admin_level"].to_numpy()
    summary = {
        QT_TRANSLATE_NOOP("JoinSummary", "file"): table.source,
        QT_TRANSLATE_NOOP("JoinSummary", "sheet"): table.sheet or "",
        QT_TRANSLATE_NOOP("JoinSummary", "header rows"): ", ".join(map(str, table.header_rows)),
        QT_TRANSLATE_NOOP("JoinSummary", "rows below the header"): data_rows,
        **{STATUS_LABELS[status]: int(counts[status]) for status in STATUSES},
        QT_TRANSLATE_NOOP("JoinSummary", "admin level of the presence"): level,
        **{Template(QT_TRANSLATE_NOOP("JoinSummary", "match rate admin {level}"), level=lvl):
           f"{rate:.1%}" for lvl, rate in rates.items()},
        QT_TRANSLATE_NOOP("JoinSummary", "boundary units"): ", ".join(
            f"admin {lvl}: {np.count_nonzero(unit_levels == lvl)}" for lvl in units.levels),
    }
    rate_text = ", ".join(f"admin {lvl} {rate:.1%}" for lvl, rate in rates.items())
    log_line = Template(QT_TRANSLATE_NOOP(
        "JoinSummary", "CoordMap join: {rows} rows read, {used} used, {rolled_up} rolled up, "
                       "{unmatched} unmatched, {skipped} skipped; match rate {rates}"),
        rows=data_rows, used=counts["used"], rolled_up=counts["rolled_up"],
        unmatched=counts["unmatched"], skipped=counts["skipped"], rates=rate_text or "n/a")
    return summary, log_line


def _match_rates(table, per_row, code_cols, name_cols, levels) -> Dict[int, float]:
    """Per boundary level: of the data rows giving a code or name at that level, the share
    located at it or deeper."""
    rates = {}
    # located, even if then skipped for its period
    found = present_values(per_row.field("pcode"))[per_row.numbers]
    located_at = np.array([m.admin_level or 0 for m in per_row.matches],
                          dtype=np.int64)[per_row.numbers]
    for lvl in sorted((set(code_cols) | set(name_cols)) & set(levels)):
        given = np.zeros(per_row.row_count, dtype=bool)
        for column in (c for c in (code_cols.get(lvl), name_cols.get(lvl)) if c):
            given |= table.coded(column).map(_has_text, False, bool)
        if given.any():
            rates[lvl] = float((given & (located_at >= lvl) & found).sum() / given.sum())
    return rates


def _has_text(value) -> bool:
    """Whether a cell's value is more than blanks (text first: most cells are)."""
    return (value if isinstance(value, str) else as_text(value)).strip() != ""
