"""What changed per unit x cluster from one period to the next, on the gaps grid: coverage
gained or lost, partners that started or stopped (``gaps.gaps_overlaps`` calls it)."""
import numpy as np
import pandas as pd

from .coded import folded_texts

CHANGE_FIELDS = ["pcode", "name", "cluster", "period", "previous_period", "change", "partner",
                 "partners_before", "partners_now", "protected"]
PARTNER_SEPARATOR = "; "  # between the names of a presence line's partner list


def find_changes(gaps) -> pd.DataFrame:
    """Per unit x cluster, each period against the one before: coverage gained or lost, and
    partners that started or stopped. Nothing is said for a unit that did not report this
    period (its status, no_report, says so) and no partner 'started' after such a period.

    ``gaps`` is the full unit x cluster x period grid sorted by unit, cluster and period, so
    the previous period of row ``r`` is row ``r - 1`` wherever ``r`` is not a first period."""
    gaps = gaps.reset_index(drop=True)
    first_period = sorted(gaps["period"].unique())[0]
    has_previous = (gaps["period"] != first_period).to_numpy()
    status = gaps["gap_status"].to_numpy()
    before = np.roll(status, 1)
    covered, was_covered = status == "covered", before == "covered"
    gained = has_previous & covered & ~was_covered & (before != "no_report")
    lost = has_previous & was_covered & np.isin(status, ["underserved", "no_partner_with_need"])
    reporting = has_previous & (status != "no_report") & (gaps["partners"] > 0).to_numpy()
    rows, partners = _listed_partners(gaps)
    codes = pd.factorize(partners["partner_key"])[0].astype("int64")
    width = int(codes.max()) + 1 if len(codes) else 1
    listed = rows * width + codes
    # the previous period's partners, keyed on the following row
    shifted = (rows + 1) * width + codes
    started = reporting[rows] & (before[rows] != "no_report") & ~np.isin(listed, shifted)
    following = np.minimum(rows + 1, len(gaps) - 1)
    stopped = (rows + 1 < len(gaps)) & reporting[following] & ~np.isin(shifted, listed)
    parts = [
        (np.flatnonzero(gained), "gained_coverage", None),
        (np.flatnonzero(lost), "lost_coverage", None),
        (rows[started], "partner_started", partners["partner"].to_numpy()[started]),
        (following[stopped], "partner_stopped", partners["partner"].to_numpy()[stopped]),
    ]
    return _change_frame(gaps, parts)


def _listed_partners(gaps):
    """Row number in ``gaps`` and name of every listed partner (the join lists each
    organisation once per unit x cluster x period)."""
    listed = gaps["partner_list"].fillna("").str.split(PARTNER_SEPARATOR).explode()
    listed = listed[listed.fillna("") != ""]
    partners = pd.DataFrame({"partner": listed.to_numpy()})
    partners["partner_key"] = folded_texts(partners["partner"])
    return listed.index.to_numpy(dtype="int64"), partners


def _change_frame(gaps, parts):
    rows = np.concatenate([p[0] for p in parts]).astype("int64")
    change = np.concatenate([np.full(len(p[0]), p[1], dtype=object) for p in parts])
    partner = np.concatenate([np.full(len(p[0]), None, dtype=object) if p[2] is None
                              else p[2].astype(object) for p in parts])
    order = np.argsort(rows, kind="stable")
    rows, change, partner = rows[order], change[order], partner[order]
    previous = np.maximum(rows - 1, 0)
    return pd.DataFrame({
        "pcode": gaps["pcode"].to_numpy()[rows], "name": gaps["name"].to_numpy()[rows],
        "cluster": gaps["cluster"].to_numpy()[rows], "period": gaps["period"].to_numpy()[rows],
        "previous_period": gaps["period"].to_numpy()[previous], "change": change,
        "partner": partner, "partners_before": gaps["partners"].to_numpy()[previous],
        "partners_now": gaps["partners"].to_numpy()[rows],
        "protected": gaps["protected"].to_numpy()[rows]}, columns=CHANGE_FIELDS)
