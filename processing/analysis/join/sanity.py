"""Checks of the columns' roles against their values: a MAPPING (or a header) that gives a role
to the wrong column is accepted by the join, and its output looks plausible (clusters named
after organisations). What the values say is reported, so the user can correct the mapping."""
from typing import List

import numpy as np

from .issues import Issue, issue

MOSTLY = 0.5  # share of a column's distinct values
FEW_KNOWN = 0.2  # a cluster column with fewer known clusters than this is suspect
MIN_VALUES = 3  # fewer distinct values tell nothing
EXAMPLES = 3


def role_warnings(table, attributes, clusters) -> List[Issue]:
    """Issues ('mapping') where the cluster column's values are mostly no cluster: more so
    when the organisation column's values are clusters (the two columns swapped)."""
    if "cluster" not in table.roles:
        return []
    column = table.roles["cluster"]
    values = [v for v in table.coded(column).used().values if v is not None and str(v).strip()]
    if len(values) < MIN_VALUES:
        return []
    known = np.array([clusters.normalise(v).known for v in values], dtype=bool)
    if known.mean() >= FEW_KNOWN:
        return []
    unknown = [str(v) for v, k in zip(values, known) if not k][:EXAMPLES]
    rows = int((~attributes["cluster_known"].to_numpy(dtype=bool)).sum())
    where = "the Mapping" if table.role_sources.get("cluster") == "mapping" else "its header"
    org = table.roles.get("org")
    if org is not None and _mostly_clusters(table, org, clusters):
        reason = (f'the cluster column "{column}" holds values that are no cluster ('
                  f"{', '.join(unknown)} ...) and the organisation column \"{org}\" holds "
                  f"cluster names: the two columns look swapped (check {where}: cluster="
                  f"{org};org={column}?)")
    else:
        reason = (f'the cluster column "{column}" mostly holds values that are no cluster ('
                  f"{', '.join(unknown)} ...): check that it is the cluster column ({where})")
    return [issue("mapping", column, "; ".join(unknown), rows=rows, reason=reason)]


def _mostly_clusters(table, column, clusters) -> bool:
    values = [v for v in table.coded(column).used().values if v is not None and str(v).strip()]
    return len(values) >= MIN_VALUES and np.mean(
        [clusters.normalise(v).known for v in values]) >= MOSTLY
