"""gaps: the coordmap:gaps_overlaps analysis vs a plain pandas implementation of the same rules.

Issue target (at 1M rows): coordmap within 2x of ``pandas``.

Data (setup, not timed): ``n`` synthetic rows shaped like the join's rows output (status used,
pcode among 1,000 units, 12 clusters, 6 months, 400 organisations, 40 activities, 3
modalities, ISO start/end dates inside the month, 2% cancelled rows, reached figures), the
presence computed from them as the join does (partners per unit x cluster x month, partner
list), and needs for 80% of unit x cluster pairs (PiN, severity 1-5).

Candidates, each from those frames to the gap statuses and the overlaps:

``pandas`` (baseline)
    The documented rules written plainly: full unit x cluster x period grid, merges, status by
    ``np.select`` with "reported in an earlier period" by a grouped cumulative sum, reached_max
    by grouped sum then max, overlaps as per-partner spans and a sweep (earlier cumulative max
    end / next start), changes by a shifted status and anti-joins of the exploded partner
    lists. No rank, no inter-cluster counts, no overlap units, no protection, no notes.
``coordmap``
    ``gaps_overlaps(presence, rows, needs, units)`` with the default options: everything the
    algorithm computes before writing (statuses, rank, inter-cluster counts, overlaps, overlap
    units, changes, protection of GBV and child protection).
"""
from __future__ import annotations

import functools
import sys
from pathlib import Path

import numpy as np
import pandas as pd

if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "build" / "plugins"))

from coordmap.benchmarks.harness import Benchmark, register
from coordmap.processing.analysis.gaps import gaps_overlaps

SEED = 11
UNITS, ORGANISATIONS, ACTIVITIES = 1000, 400, 40
CLUSTERS = ["CCM", "EDU", "ERY", "FSC", "HEA", "LOG", "NUT", "PRO", "PRO-CPN", "PRO-GBV",
            "SHL", "WSH"]
MONTHS = [f"2025-{m:02d}" for m in range(1, 7)]
STATUSES = ["Ongoing"] * 60 + ["Completed"] * 30 + ["Planned"] * 8 + ["Cancelled"] * 2


@functools.lru_cache(maxsize=1)
def _data(scale: int):
    rng = np.random.default_rng(SEED)
    month = rng.integers(0, len(MONTHS), scale)
    first_day = rng.integers(1, 20, scale)
    last_day = np.minimum(first_day + rng.integers(0, 20, scale), 28)
    period = np.array(MONTHS, dtype=object)[month]
    rows = pd.DataFrame({
        "source_row": np.arange(2, scale + 2), "status": "used",
        "pcode": pd.Series([f"U{u:04d}" for u in rng.integers(0, UNITS, scale)]),
        "cluster": np.array(CLUSTERS, dtype=object)[rng.integers(0, len(CLUSTERS), scale)],
        "period": period,
        "organisation": pd.Series([f"Org {o}" for o in rng.integers(0, ORGANISATIONS, scale)]),
        "activity": pd.Series([f"Activity {a}" for a in rng.integers(0, ACTIVITIES, scale)]),
        "period_start": [f"{p}-{d:02d}" for p, d in zip(period, first_day)],
        "period_end": [f"{p}-{d:02d}" for p, d in zip(period, last_day)],
        "activity_status": np.array(STATUSES, dtype=object)[rng.integers(0, 100, scale)],
        "modality": np.array(["Cash", "In-kind", None], dtype=object)[rng.integers(0, 3, scale)],
        "reached": rng.integers(0, 500, scale).astype(float),
    })
    groups = rows.groupby(["pcode", "cluster", "period"])
    presence = groups.agg(partners=("organisation", "nunique"),
                          activities=("activity", "nunique"), reached=("reached", "sum"),
                          partner_list=("organisation", lambda s: "; ".join(sorted(set(s))))
                          ).reset_index()
    presence = presence.assign(name=presence["pcode"], admin_level=2, parent_pcode=None,
                               unit_specified=True, cluster_name=presence["cluster"])
    pairs = pd.MultiIndex.from_product([[f"U{u:04d}" for u in range(UNITS)], CLUSTERS],
                                       names=["pcode", "cluster"]).to_frame(index=False)
    pairs = pairs.sample(frac=0.8, random_state=SEED).reset_index(drop=True)
    needs = pairs.assign(cluster_name=pairs["cluster"],
                         pin=rng.integers(0, 50_000, len(pairs)).astype(float),
                         target=np.nan, severity=rng.integers(1, 6, len(pairs)).astype(float))
    units = {f"U{u:04d}": f"Unit {u}" for u in range(UNITS)}
    return {"rows": rows, "presence": presence, "needs": needs, "units": units}


def _coordmap(d):
    result = gaps_overlaps(d["presence"], d["rows"], d["needs"], d["units"])
    return result.gaps, result.overlaps, result.changes


def _pandas(d):
    presence, rows, needs = d["presence"], d["rows"], d["needs"]
    keys = ["pcode", "cluster", "period"]
    grid = pd.MultiIndex.from_product(
        [sorted(d["units"]), sorted(presence["cluster"].unique()),
         sorted(presence["period"].unique())], names=keys).to_frame(index=False)
    grid = grid.merge(presence[keys + ["partners"]], on=keys, how="left")
    grid = grid.merge(needs[["pcode", "cluster", "pin", "severity"]], on=["pcode", "cluster"],
                      how="left")
    per_partner = rows.groupby(keys + ["organisation"])["reached"].sum()
    grid = grid.merge(per_partner.groupby(level=[0, 1, 2]).max().rename("reached_max"),
                      left_on=keys, right_index=True, how="left")
    partners = grid["partners"].fillna(0)
    reporting = (partners > 0).astype(int)
    before = reporting.groupby([grid["pcode"], grid["cluster"]]).cumsum() - reporting > 0
    need = (grid["pin"] > 0) | (grid["severity"] >= 3)
    coverage = grid["reached_max"] / grid["pin"].where(grid["pin"] > 0)
    grid["gap_status"] = np.select(
        [(partners == 0) & before, (partners == 0) & need, partners == 0,
         need & (coverage < 0.25)],
        ["no_report", "no_partner_with_need", "no_need_reported", "underserved"], "covered")

    live = rows[~rows["activity_status"].str.lower().str.contains("cancel|suspen")]
    live = live.assign(start=pd.to_datetime(live["period_start"]),
                       end=pd.to_datetime(live["period_end"]),
                       modality=live["modality"].fillna(""))
    okeys = keys + ["activity", "modality"]
    spans = live.groupby(okeys + ["organisation"]).agg(start=("start", "min"),
                                                       end=("end", "max")).reset_index()
    spans = spans.sort_values(okeys + ["start"])
    group = spans.groupby(okeys).ngroup()
    earlier = spans["end"].groupby(group).cummax().groupby(group).shift(1)
    later = spans["start"].groupby(group).shift(-1)
    hit = spans[((earlier >= spans["start"]) | (later <= spans["end"])).values]
    overlaps = hit.groupby(okeys).agg(partners=("organisation", "size"),
                                      partner_list=("organisation", "; ".join)).reset_index()
    changes = _pandas_changes(grid, presence, keys)
    return grid, overlaps, changes


def _pandas_changes(grid, presence, keys):
    periods = sorted(presence["period"].unique())
    next_of = dict(zip(periods[:-1], periods[1:]))
    grid = grid.sort_values(keys)
    before = grid.groupby(["pcode", "cluster"])["gap_status"].shift(1)
    covered, was_covered = grid["gap_status"] == "covered", before == "covered"
    gained = grid[covered & before.notna() & ~was_covered & (before != "no_report")]
    lost = grid[was_covered & grid["gap_status"].isin(["underserved", "no_partner_with_need"])]
    names = presence[keys].assign(partner=presence["partner_list"].str.split("; "))
    names = names.explode("partner").assign(key=lambda f: f["partner"].str.casefold())
    shifted = names[names["period"].isin(next_of)]
    shifted = shifted.assign(period=shifted["period"].map(next_of))
    previous = grid.assign(before=before)[keys + ["before"]]
    now = names.merge(previous, on=keys)
    now = now[now["before"] != "no_report"]
    started = now.merge(shifted[keys + ["key"]], how="left", on=keys + ["key"], indicator=True)
    started = started[started["_merge"] == "left_only"]
    stopped = shifted.merge(presence[keys], on=keys).merge(
        names[keys + ["key"]], how="left", on=keys + ["key"], indicator=True)
    stopped = stopped[stopped["_merge"] == "left_only"]
    return pd.concat([gained.assign(change="gained_coverage"), lost.assign(change="lost_coverage"),
                      started.assign(change="partner_started"),
                      stopped.assign(change="partner_stopped")], ignore_index=True)


BENCH = register(Benchmark(
    name="gaps",
    setup=_data,
    candidates={"pandas": _pandas, "coordmap": _coordmap},
    baseline="pandas",
    description="coordmap:gaps_overlaps analysis vs plain pandas of the same rules",
    default_scales=(100_000, 1_000_000),
))
