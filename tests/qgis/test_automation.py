"""Automation: the shipped model through processing.run, batch-style repeated runs in one
session (no state leaks between runs) and the next round reusing this round's mapping profile
and reviewed crosswalk."""
import csv
from collections import Counter

import pytest
from pypdf import PdfReader

from coordmap.tests.helpers import data_rows, features, run_join

pytestmark = pytest.mark.qgis

MODEL = "coordmap:model_4w_to_map_pack"
GAP_STATUSES = {"no_partner_with_need", "underserved", "covered", "no_need_reported",
                "no_report"}
LAST_MONTH = "2025-12"  # the sample 4W covers January to December 2025


def join(run_algorithm, folder, table, admin, **extra):
    folder.mkdir(parents=True, exist_ok=True)
    return run_join(run_algorithm, folder, table, admin,
                    OUTPUT_REPORT=str(folder / "qa_report.csv"), **extra)


def test_the_model_ships_in_the_provider_and_is_valid(coordmap_plugin):
    from qgis.core import QgsApplication

    model = QgsApplication.processingRegistry().createAlgorithmById(MODEL)
    assert model is not None, "the shipped model is not registered"
    steps = {child.algorithmId() for child in model.childAlgorithms().values()}
    assert steps == {"coordmap:join_4w", "coordmap:gaps_overlaps", "coordmap:export_maps"}
    for child_id in model.childAlgorithms():
        valid, problems = model.validateChildAlgorithm(child_id)
        assert valid, (child_id, problems)
    assert model.shortHelpString(), "the model says what it does"


def test_model_runs_the_monthly_pipeline_on_the_sample(run_algorithm, output_dir, sample_dir):
    pack = output_dir / "model_pack"
    result = run_algorithm(MODEL, {
        "table": str(sample_dir / "xy_4w_2025.xlsx"),
        "boundaries": str(sample_dir / "xy_adm2.geojson"),
        "needs": str(sample_dir / "xy_needs.csv"),
        "periods": LAST_MONTH, "language": 1,  # French
        "join:OUTPUT": str(output_dir / "model_presence.gpkg"),
        "join:OUTPUT_ROWS": str(output_dir / "model_rows.gpkg"),
        "join:OUTPUT_REPORT": str(output_dir / "model_report.xlsx"),
        "gaps:OUTPUT_GAPS": str(output_dir / "model_gaps.gpkg"),
        "gaps:OUTPUT_OVERLAPS": str(output_dir / "model_overlaps.gpkg"),
        "gaps:OUTPUT_OVERLAP_UNITS": str(output_dir / "model_overlap_units.gpkg"),
        "gaps:OUTPUT_CHANGES": str(output_dir / "model_changes.gpkg"),
        "export:OUTPUT_FOLDER": str(pack),
    })
    presence = features(result["join:OUTPUT"])
    rows = data_rows(result["join:OUTPUT_ROWS"])
    assert Counter(row["status"] for row in rows)["used"] > 0
    assert (output_dir / "model_report.xlsx").stat().st_size > 0
    assert {p["period"] for p in presence} >= {LAST_MONTH}, "presence per month"
    gaps = features(result["gaps:OUTPUT_GAPS"])
    assert {g["gap_status"] for g in gaps} <= GAP_STATUSES
    assert any(g["gap_status"] == "no_partner_with_need" for g in gaps), \
        "the sample's needs leave some units without partners"
    clusters = {p["cluster"] for p in presence if p["period"] == LAST_MONTH}
    pdfs = sorted(pack.glob("*.pdf"))
    assert len(pdfs) == len(clusters), (clusters, [p.name for p in pdfs])
    assert all(f"-{LAST_MONTH}_" in pdf.name for pdf in pdfs)
    text = " ".join(PdfReader(pdfs[0]).pages[0].extract_text().split())
    assert "Nations Unies" in text, "French map texts (the disclaimer)"


def test_repeated_join_runs_in_one_session_do_not_leak_state(run_algorithm, output_dir,
                                                             sample_dir):
    """What QGIS's batch interface does: the same algorithm, several inputs, one session."""
    table = sample_dir / "xy_4w_2025.xlsx"
    first = join(run_algorithm, output_dir / "batch1", table, sample_dir / "xy_adm2.geojson")
    other = join(run_algorithm, output_dir / "batch2", table, sample_dir / "xy_adm3.geojson",
                 PERIOD=1)
    again = join(run_algorithm, output_dir / "batch3", table, sample_dir / "xy_adm2.geojson")

    def summary(result):
        presence = features(result["OUTPUT"])
        return (Counter(r["status"] for r in data_rows(result["OUTPUT_ROWS"])),
                sorted((p["pcode"], p["cluster"], p["partners"]) for p in presence),
                {p["admin_level"] for p in presence if p["unit_specified"]})

    assert summary(first) == summary(again)
    assert summary(other)[2] == {3} and summary(first)[2] == {2}


def test_repeated_exports_keep_to_their_own_choice(run_algorithm, output_dir, sample_dir):
    joined = join(run_algorithm, output_dir / "export_batch", sample_dir / "xy_4w_2025.xlsx",
                  sample_dir / "xy_adm2.geojson", PERIOD=1)
    written = {}
    for cluster in ("WSH", "HEA"):
        folder = output_dir / "export_batch" / cluster
        result = run_algorithm("coordmap:export_maps", {
            "PRESENCE": joined["OUTPUT"], "CLUSTERS": cluster, "PERIODS": LAST_MONTH,
            "OUTPUT_FOLDER": str(folder)})
        written[cluster] = sorted(p.name for p in folder.iterdir())
        assert result["OUTPUT_FILES"].count(";") == 0, "one map per run"
    assert len(written["WSH"]) == len(written["HEA"]) == 1
    assert "WSH" in written["WSH"][0] and "HEA" in written["HEA"][0]


def test_next_round_reuses_the_mapping_profile_and_the_reviewed_crosswalk(
        run_algorithm, output_dir, sample_dir):
    table, admin = sample_dir / "xy_4w_2025.xlsx", sample_dir / "xy_adm2.geojson"
    round1 = output_dir / "round1"
    first = join(run_algorithm, round1, table, admin,
                 OUTPUT_MAPPING=str(round1 / "mapping.json"),
                 OUTPUT_CROSSWALK=str(round1 / "crosswalk.csv"))
    unknown = [r for r in data_rows(first["OUTPUT_ROWS"]) if r["Admin2 Pcode"] == "XY9999"]
    # Known only at admin 1 this round (the partner gave its province).
    assert unknown and {r["status"] for r in unknown} == {"rolled_up"}
    province = sorted({r["Admin1 Pcode"] for r in unknown})[0]
    district = province + "01"
    fixed = [r for r in unknown if r["Admin1 Pcode"] == province]

    # The officer reviews the crosswalk: in that province, XY9999 means its first district.
    with open(round1 / "crosswalk.csv", encoding="utf-8-sig") as handle:
        comment = handle.readline()
        entries = list(csv.DictReader(handle))
    assert any(entry["raw_value"] == "XY9999" for entry in entries)
    entries.append({**entries[0], "raw_value": "XY9999", "level": "2", "parent": province,
                    "pcode": district})
    reviewed = round1 / "crosswalk_reviewed.csv"
    with open(reviewed, "w", encoding="utf-8", newline="") as handle:
        handle.write(comment)
        writer = csv.DictWriter(handle, fieldnames=list(entries[0]))
        writer.writeheader()
        writer.writerows(entries)

    second = join(run_algorithm, output_dir / "round2", table, admin,
                  MAPPING=str(round1 / "mapping.json"), CROSSWALK=str(reviewed))
    again = {r["source_row"]: r for r in data_rows(second["OUTPUT_ROWS"])}
    for row in unknown:
        now = again[row["source_row"]]
        expected = ("used", district, "crosswalk") if row in fixed else \
            ("rolled_up", row["pcode"], row["match_method"])
        assert (now["status"], now["pcode"], now["match_method"]) == expected
    before = Counter(r["status"] for r in data_rows(first["OUTPUT_ROWS"]))
    after = Counter(r["status"] for r in again.values())
    assert after["used"] == before["used"] + len(fixed)
