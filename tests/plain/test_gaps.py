"""Gap statuses, rank, overlaps, changes, protection and beneficiary figures on hand-made cases
(every expected value worked out by hand in the comments)."""
import pandas as pd
import pytest
from shapely.geometry import box

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.gaps import (
    GapOptions,
    analysis_units,
    gaps_overlaps,
    parse_bands,
    presence_frame,
    rows_frame,
)
from coordmap.processing.analysis.params import separated_values

ROW_COLUMNS = ["source_row", "status", "pcode", "cluster", "period", "organisation", "activity",
               "period_start", "period_end", "activity_status", "modality", "reached"]


def presence_row(pcode, cluster, period, partners, reached=None):
    return {"pcode": pcode, "name": f"Unit {pcode}", "admin_level": 2, "parent_pcode": "P1",
            "unit_specified": True, "cluster": cluster, "cluster_name": cluster,
            "period": period, "partners": len(partners), "activities": len(partners),
            "partner_list": "; ".join(partners), "targeted": None, "reached": reached,
            "rows": len(partners)}


def row(number, pcode, cluster, period, organisation, activity="Water trucking", start=None,
        end=None, status="Ongoing", modality=None, reached=None, row_status="used"):
    return dict(zip(ROW_COLUMNS, [number, row_status, pcode, cluster, period, organisation,
                                  activity, start, end, status, modality, reached]))


@pytest.fixture
def every_status():
    """Five units, cluster WSH, months 2025-01 and 2025-02. In 2025-02:
    U1 need (PiN 10,000) and 2 partners -> covered; U2 PiN 50,000 and one partner reaching
    1,000 (coverage 0.02 < 0.25) -> underserved; U3 severity 4, no PiN, no partner ->
    no_partner_with_need; U4 nothing at all -> no_need_reported; U5 partners in January, none
    in February -> no_report."""
    presence = pd.DataFrame([
        presence_row("U1", "WSH", "2025-01", ["Alpha"], 3000),
        presence_row("U1", "WSH", "2025-02", ["Alpha", "Beta"], 5000),
        presence_row("U2", "WSH", "2025-02", ["Gamma"], 1000),
        presence_row("U5", "WSH", "2025-01", ["Delta"], 10),
    ])
    rows = pd.DataFrame([
        row(2, "U1", "WSH", "2025-01", "Alpha", reached=3000),
        row(3, "U1", "WSH", "2025-02", "Alpha", reached=2000, start="2025-02-01",
            end="2025-02-20"),
        row(4, "U1", "WSH", "2025-02", "Beta", reached=3000, start="2025-02-10",
            end="2025-02-28"),
        row(5, "U2", "WSH", "2025-02", "Gamma", reached=1000),
        row(6, "U5", "WSH", "2025-01", "Delta", reached=10),
    ])
    needs = pd.DataFrame([
        {"pcode": "U1", "cluster": "WSH", "cluster_name": "WASH", "pin": 10000, "target": None,
         "severity": 3},
        {"pcode": "U2", "cluster": "WSH", "cluster_name": "WASH", "pin": 50000, "target": None,
         "severity": 4},
        {"pcode": "U3", "cluster": "WSH", "cluster_name": "WASH", "pin": None, "target": None,
         "severity": 4},
    ])
    units = {f"U{i}": f"Unit U{i}" for i in range(1, 6)}
    return presence, rows, needs, units


def status_of(gaps, pcode, period="2025-02"):
    found = gaps[(gaps["pcode"] == pcode) & (gaps["period"] == period)]
    assert len(found) == 1
    return found.iloc[0]


def test_every_gap_status(every_status):
    presence, rows, needs, units = every_status
    gaps = gaps_overlaps(presence, rows, needs, units).gaps
    assert len(gaps) == 5 * 2  # every unit x cluster x period, partners or not
    expected = {"U1": "covered", "U2": "underserved", "U3": "no_partner_with_need",
                "U4": "no_need_reported", "U5": "no_report"}
    assert {p: status_of(gaps, p)["gap_status"] for p in expected} == expected
    # In January U5 had Delta: covered? it has no need reported, so covered (partners, no need).
    assert status_of(gaps, "U5", "2025-01")["gap_status"] == "covered"
    # U3 in January: severity 4 and nobody before -> no_partner_with_need, not no_report.
    assert status_of(gaps, "U3", "2025-01")["gap_status"] == "no_partner_with_need"


def test_rank_and_inter_cluster(every_status):
    presence, rows, needs, units = every_status
    gaps = gaps_overlaps(presence, rows, needs, units).gaps
    # February gaps: U3 (no partner) ranks before U2 (underserved) whatever their PiN.
    assert status_of(gaps, "U3")["gap_rank"] == 1
    assert status_of(gaps, "U2")["gap_rank"] == 2
    assert pd.isna(status_of(gaps, "U1")["gap_rank"])
    assert pd.isna(status_of(gaps, "U5")["gap_rank"])
    # One cluster only: U1 has WSH present and with need.
    assert (status_of(gaps, "U1")["clusters_present"],
            status_of(gaps, "U1")["clusters_with_need"]) == (1, 1)
    assert (status_of(gaps, "U4")["clusters_present"],
            status_of(gaps, "U4")["clusters_with_need"]) == (0, 0)


def test_beneficiaries_sum_and_max_never_added_across_clusters(every_status):
    presence, rows, needs, units = every_status
    gaps = gaps_overlaps(presence, rows, needs, units).gaps
    u1 = status_of(gaps, "U1")
    assert u1["reached"] == 5000  # Alpha 2,000 + Beta 3,000
    assert u1["reached_max"] == 3000  # Beta alone
    assert u1["coverage"] == pytest.approx(3000 / 10000)  # the maps use the largest partner


def test_partners_per_10k_and_min_partners(every_status):
    presence, rows, needs, units = every_status
    # U1: 2 partners for 10,000 in need = 2 per 10k: underserved below 3 per 10k.
    gaps = gaps_overlaps(presence, rows, needs, units,
                         GapOptions(partners_per_10k=3, coverage_bands=())).gaps
    assert status_of(gaps, "U1")["gap_status"] == "underserved"
    gaps = gaps_overlaps(presence, rows, needs, units,
                         GapOptions(min_partners=3, coverage_bands=())).gaps
    assert status_of(gaps, "U1")["gap_status"] == "underserved"
    gaps = gaps_overlaps(presence, rows, needs, units, GapOptions(coverage_bands=())).gaps
    assert status_of(gaps, "U2")["gap_status"] == "covered"  # coverage not checked then


def test_overlaps_need_overlapping_dates_and_distinct_partners():
    presence = pd.DataFrame([presence_row("U1", "WSH", "2025-03", ["A", "B", "C", "D"])])
    rows = pd.DataFrame([
        # A and B overlap from 10 to 15 March; C starts after B ends; D's row is cancelled.
        row(2, "U1", "WSH", "2025-03", "A", start="2025-03-01", end="2025-03-15"),
        row(3, "U1", "WSH", "2025-03", "B", start="2025-03-10", end="2025-03-20"),
        row(4, "U1", "WSH", "2025-03", "C", start="2025-03-21", end="2025-03-31"),
        row(5, "U1", "WSH", "2025-03", "D", start="2025-03-01", end="2025-03-31",
            status="Cancelled"),
        # Same partner twice: no overlap with itself.
        row(6, "U1", "WSH", "2025-03", "A", activity="Latrines", start="2025-03-01",
            end="2025-03-31"),
        row(7, "U1", "WSH", "2025-03", "A", activity="Latrines", start="2025-03-05",
            end="2025-03-06"),
        # Other modality: not the same key as A's cash row.
        row(8, "U1", "WSH", "2025-03", "E", activity="Hygiene kits", modality="Cash"),
        row(9, "U1", "WSH", "2025-03", "F", activity="Hygiene kits", modality="In-kind"),
    ])
    result = gaps_overlaps(presence, rows, None, {"U1": "Unit U1"},
                           GapOptions(protect_sensitive=False))
    overlaps = result.overlaps
    assert len(overlaps) == 1
    found = overlaps.iloc[0]
    assert (found["activity"], found["partners"], found["duplication"]) == \
        ("Water trucking", 2, 1)
    assert found["partner_list"] == "A; B"
    assert (found["first_start"], found["last_end"]) == ("2025-03-01", "2025-03-20")
    assert any("cancelled" in note for note in result.notes)
    units = result.overlap_units
    assert units[["pcode", "overlaps", "max_partners"]].values.tolist() == [["U1", 1, 2]]


def test_changes_between_periods(every_status):
    presence, rows, needs, units = every_status
    changes = gaps_overlaps(presence, rows, needs, units).changes
    u1 = changes[changes["pcode"] == "U1"]
    # U1 Jan covered (Alpha) -> Feb covered (Alpha, Beta): Beta started, no coverage change.
    assert u1[["change", "partner", "partners_before", "partners_now"]].values.tolist() == \
        [["partner_started", "Beta", 1, 2]]
    u2 = changes[changes["pcode"] == "U2"]
    # U2 Jan no partner with need -> Feb underserved with Gamma: Gamma started.
    assert u2["change"].tolist() == ["partner_started"]
    # U5 did not report in February: no 'stopped' for Delta, no lost coverage either.
    assert changes[changes["pcode"] == "U5"].empty


def test_lost_and_gained_coverage():
    presence = pd.DataFrame([
        presence_row("U1", "HEA", "2025-01", ["A"]),
        presence_row("U1", "HEA", "2025-02", ["B"]),
        presence_row("U2", "HEA", "2025-02", ["C"]),
    ])
    needs = pd.DataFrame([{"pcode": p, "cluster": "HEA", "cluster_name": "Health", "pin": 100,
                           "target": None, "severity": 3} for p in ("U1", "U2")])
    options = GapOptions(min_partners=1, coverage_bands=())
    changes = gaps_overlaps(presence, None, needs, None, options).changes
    got = sorted(map(tuple, changes[["pcode", "change", "partner"]].fillna("").values))
    assert got == [("U1", "partner_started", "B"), ("U1", "partner_stopped", "A"),
                   ("U2", "gained_coverage", ""), ("U2", "partner_started", "C")]
    options = GapOptions(min_partners=2, coverage_bands=())
    presence.loc[0, ["partners", "partner_list"]] = [2, "A; D"]
    changes = gaps_overlaps(presence, None, needs, None, options).changes
    assert ("U1", "lost_coverage") in set(map(tuple, changes[["pcode", "change"]].values))


def test_protection_hides_names_and_small_counts():
    presence = pd.DataFrame([
        presence_row("U1", "PRO-GBV", "2025-01", ["A", "B"], 3),
        presence_row("U1", "PRO-GBV", "2025-02", ["A"], 40),
        presence_row("U1", "HEA", "2025-01", ["A", "B"], 3),
    ])
    rows = pd.DataFrame([
        row(2, "U1", "PRO-GBV", "2025-01", "A", activity="Case management", reached=1),
        row(3, "U1", "PRO-GBV", "2025-01", "B", activity="Case management", reached=2),
        row(4, "U1", "PRO-GBV", "2025-02", "A", activity="Case management", reached=40),
        row(5, "U1", "HEA", "2025-01", "A", activity="Consultations", reached=1),
        row(6, "U1", "HEA", "2025-01", "B", activity="Consultations", reached=2),
    ])
    result = gaps_overlaps(presence, rows, None, {"U1": "Unit U1"}, GapOptions(small_count=5))
    gaps = result.gaps.set_index(["cluster", "period"])
    gbv = gaps.loc[("PRO-GBV", "2025-01")]
    assert bool(gbv["protected"]) and gbv["partner_list"] == "<5"
    assert pd.isna(gbv["partners"]) and pd.isna(gbv["reached"])
    assert gaps.loc[("PRO-GBV", "2025-02"), "reached"] == 40  # not small: kept
    health = gaps.loc[("HEA", "2025-01")]
    assert not health["protected"] and health["partner_list"] == "A; B"
    assert health["partners"] == 2
    overlaps = result.overlaps.set_index("cluster")
    assert overlaps.loc["PRO-GBV", "partner_list"] == "<5"
    assert pd.isna(overlaps.loc["PRO-GBV", "partners"])
    assert overlaps.loc["HEA", "partner_list"] == "A; B"
    changes = result.changes
    assert set(changes.loc[changes["cluster"] == "PRO-GBV", "partner"]) == {"hidden"}
    assert "B" not in " ".join(result.gaps.loc[result.gaps["protected"].astype(bool),
                                               "partner_list"])
    unprotected = gaps_overlaps(presence, rows, None, {"U1": "Unit U1"},
                                GapOptions(protect_sensitive=False)).gaps
    assert not unprotected["protected"].any()
    assert "A; B" in set(unprotected.loc[unprotected["cluster"] == "PRO-GBV", "partner_list"])


def test_level_checks_and_bands():
    presence = pd.DataFrame([presence_row("U1", "HEA", "2025-01", ["A"])])
    with pytest.raises(InputError, match="admin level 3"):
        gaps_overlaps(presence, options=GapOptions(admin_level=3))
    assert parse_bands("25, 50,75") == (0.25, 0.5, 0.75)
    assert parse_bands("0.5;0.2") == (0.2, 0.5)
    with pytest.raises(InputError):
        parse_bands("low, high")


def test_asked_periods_still_look_back(every_status):
    presence, rows, needs, units = every_status
    result = gaps_overlaps(presence, rows, needs, units, GapOptions(periods=["2025-02"]))
    assert set(result.gaps["period"]) == {"2025-02"}
    # U5's January partners are still seen: February is no_report, not no_need_reported.
    assert status_of(result.gaps, "U5")["gap_status"] == "no_report"
    assert set(result.changes["period"]) == {"2025-02"}


def test_target_group_is_part_of_the_overlap_key():
    presence = pd.DataFrame([presence_row("U1", "EDU", "2025-04", ["A", "B", "C"])])
    rows = pd.DataFrame([
        row(2, "U1", "EDU", "2025-04", "A", activity="Classes"),
        row(3, "U1", "EDU", "2025-04", "B", activity="Classes"),
        row(4, "U1", "EDU", "2025-04", "C", activity="Classes"),
    ]).assign(**{"Target group": ["IDP", "Host", "IDP"]})
    overlaps = gaps_overlaps(presence, rows, None, None).overlaps
    # A and C teach IDPs (no dates: the whole month); B teaches the host community apart.
    assert overlaps[["partners", "partner_list"]].values.tolist() == [[2, "A; C"]]


def test_parameter_lists_split_on_commas_and_semicolons():
    assert separated_values(" HEA, WSH;NUT ,, ") == ["HEA", "WSH", "NUT"]
    assert separated_values(None) == [] and separated_values("") == []


def test_join_outputs_read_back_are_checked_and_completed():
    presence = presence_frame([presence_row("U1", "HEA", "2025-01", ["A"])], "presence.gpkg")
    assert presence.loc[0, "partner_list"] == "A"
    with pytest.raises(InputError, match="presence.gpkg: not a presence layer of the join: "
                                         "fields partner_list, partners are missing"):
        presence_frame([{"pcode": "U1", "admin_level": 2, "cluster": "HEA", "period": "x"}],
                       "presence.gpkg")
    rows = rows_frame(["status", "pcode", "cluster", "period", "organisation"],
                      [["used", "U1", "HEA", "2025-01", "A"]], "rows.gpkg")
    # the fields overlaps and reached_max read are there, blank
    assert rows[["activity", "activity_status", "modality", "period_start", "period_end",
                 "reached"]].isna().all().all()
    with pytest.raises(InputError, match="rows.gpkg: not the rows output of the join: "
                                         "fields organisation, status are missing"):
        rows_frame(["pcode", "cluster", "period"], [["U1", "HEA", "2025-01"]], "rows.gpkg")


def test_analysis_units_from_boundaries_then_presence():
    # Boundaries: admin 2 D01, D02 in region R1 (the admin-1 unit dissolved from them).
    # Presence adds D09 (not in the boundaries) and an admin-1 feature that is not a unit.
    records = [{"ADM2_PCODE": code, "ADM2_EN": name, "ADM1_PCODE": "R1", "ADM1_EN": "North"}
               for code, name in (("D01", "Alpha"), ("D02", "Beta"))]
    boundaries = AdminUnits.from_features(records, [box(0, 0, 1, 1), box(1, 0, 2, 1)])
    presence = pd.DataFrame([
        presence_row("D01", "HEA", "2025-01", ["A"]) | {"name": "Alpha (presence)"},
        presence_row("D09", "HEA", "2025-01", ["A"]) | {"parent_pcode": "R9"},
        presence_row("R1", "HEA", "2025-01", ["A"]) | {"admin_level": 1},
    ])
    names, parents = analysis_units(presence, boundaries, 2)
    assert names == {"D01": "Alpha", "D02": "Beta", "D09": "Unit D09"}  # boundaries win
    assert parents == {"D01": "R1", "D02": "R1", "R1": None, "D09": "R9"}
    names, parents = analysis_units(presence, None, 2)
    assert names == {"D01": "Alpha (presence)", "D09": "Unit D09"}
    assert parents == {"D01": "P1", "D09": "R9"}
