"""join_4w: a parsed 4W table + admin units -> every row with its status, presence, QA issues.

The invariant: every data row of the table (and every blank or total row skipped under the
header) is one row of ``JoinResult.rows`` with a status among used / rolled_up / unmatched /
skipped and a reason; nothing is dropped silently.

The steps (``pipeline.join_4w`` runs them in this order): ``locations`` (the matcher's lines
and points), ``attributes`` (cluster, period, ``counts`` of people, organisations), ``rows``
(each row's match and status), ``presence`` (partners per unit x cluster x period),
``issues`` (the QA report, with ``duplicates``), ``rows`` again (the rows output, made a
slice at a time when written: ``JoinResult.rows_output``) and ``summary``.
"""
from .attributes import per_distinct
from .options import PERIOD_MODES, JoinOptions
from .pipeline import JoinResult, join_4w
from .presence import PRESENCE_FIELDS
from .rows import COUNTED_STATUSES, ROW_FIELDS, STATUSES, WHOLE_TABLE_HINT, original_field_names

__all__ = ["COUNTED_STATUSES", "PERIOD_MODES", "PRESENCE_FIELDS", "ROW_FIELDS", "STATUSES",
           "WHOLE_TABLE_HINT", "JoinOptions", "JoinResult", "join_4w", "original_field_names",
           "per_distinct"]
