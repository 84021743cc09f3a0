"""The dock's pure logic: period order, filter expressions, cluster list, summary numbers
and the parameters of the algorithms it runs."""
import sqlite3
import tempfile
from pathlib import Path

import pandas as pd
import pytest

from coordmap.processing.analysis.join import PERIOD_MODES
from coordmap.processing.analysis.selection import (
    PANEL_PERIOD_MODES,
    SelectionData,
    cluster_colour,
    cluster_entries,
    export_parameters,
    filter_expression,
    gaps_outputs,
    gaps_parameters,
    join_outputs,
    join_parameters,
    new_run_folder,
    ordered_periods,
    period_outcome,
    quote_literal,
    read_gpkg_table,
    selection_values,
    summarise,
)


def test_periods_in_time_order_months_quarters_years_spans():
    given = ["2025-11", "2024-Q4", "2025-02", "2025", "2025-01/2025-06", None, "", "2025-02",
             "2024-12", "later"]
    assert ordered_periods(given) == ["2024-Q4", "2024-12", "2025-01/2025-06", "2025",
                                      "2025-02", "2025-11", "later"]


def test_quoting_makes_any_text_a_single_literal():
    assert quote_literal("O'Brien") == "'O''Brien'"
    assert quote_literal("x') OR (1=1") == "'x'') OR (1=1'"


def test_filter_expression_all_some_none():
    clusters, periods = ["EDU", "WSH"], ["2025-01", "2025-02"]
    assert filter_expression(clusters, periods, clusters, periods) == ""
    assert filter_expression(["WSH"], periods, clusters, periods) == "\"cluster\" IN ('WSH')"
    assert filter_expression(clusters, ["2025-02"], clusters, periods) == \
        "\"period\" IN ('2025-02')"
    assert filter_expression(["WSH", "EDU"], ["2025-01"], clusters + ["HEA"], periods) == \
        "\"cluster\" IN ('WSH', 'EDU') AND \"period\" IN ('2025-01')"
    assert filter_expression([], periods, clusters, periods) == "0 = 1"
    assert filter_expression(clusters, [], clusters, periods) == "0 = 1"


def test_filter_expression_runs_in_sqlite_with_hostile_codes():
    """The expression is valid SQL that selects exactly the chosen lines, quotes included."""
    codes = ["A'B", "C\"D", "E; DROP TABLE t"]
    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (cluster TEXT, period TEXT)")
    connection.executemany("INSERT INTO t VALUES (?, ?)",
                           [(c, p) for c in codes for p in ("2025-01", "2025-02")])
    where = filter_expression(codes[:2], ["2025-02"], codes, ["2025-01", "2025-02"])
    found = connection.execute(f"SELECT cluster, period FROM t WHERE {where}").fetchall()
    assert sorted(found) == [("A'B", "2025-02"), ("C\"D", "2025-02")]


def _presence():
    # unit x cluster x period, as join_4w writes it (XY01 is an "admin 2 not specified" bucket)
    return pd.DataFrame([
        ("XY0101", True, "WSH", "WASH", "2025-01", 2, 3, "Alpha; Beta"),
        ("XY0102", True, "WSH", "WASH", "2025-01", 1, 1, "Alpha"),
        ("XY0101", True, "WSH", "WASH", "2025-02", 1, 2, "Gamma"),
        ("XY0101", True, "EDU", "Education", "2025-02", 2, 2, "Alpha; Delta"),
        ("XY01", False, "EDU", "Education", "2025-03", 1, 1, "Epsilon"),
    ], columns=["pcode", "unit_specified", "cluster", "cluster_name", "period", "partners",
                "activities", "partner_list"])


def _rows():
    return pd.DataFrame({
        "status": ["used", "unmatched", "unmatched", "unmatched", "skipped"],
        "cluster": ["WSH", "WSH", "EDU", None, "WSH"],
        "period": ["2025-01", "2025-01", "2025-03", "2025-01", None],
    })


def _gaps():
    return pd.DataFrame({
        "pcode": ["XY0101", "XY0102", "XY0103", "XY0103"],
        "cluster": ["WSH", "WSH", "WSH", "EDU"],
        "period": ["2025-01", "2025-01", "2025-02", "2025-02"],
        "gap_status": ["covered", "underserved", "no_partner_with_need", "no_partner_with_need"],
    })


def test_summary_counts_distinct_partners_not_a_sum():
    data = SelectionData.prepare(_presence(), _rows(), _gaps())
    assert data.clusters == ["EDU", "WSH"]
    assert data.periods == ["2025-01", "2025-02", "2025-03"]
    summary = summarise(data, ["WSH"], ["2025-01", "2025-02"])
    # Alpha, Beta, Gamma: 3 distinct, although the per-unit counts add up to 2 + 1 + 1 = 4
    assert summary.partners == 3
    assert summary.activities == 3 + 1 + 2
    assert summary.units_covered == 2  # XY0101, XY0102
    assert summary.units_with_gap == 2  # XY0102 underserved, XY0103 no partner
    assert summary.unmatched_rows == 1  # the WSH 2025-01 one
    assert summary.unmatched_total == 3


def test_summary_all_chosen_counts_buckets_as_partners_but_not_as_units():
    data = SelectionData.prepare(_presence(), _rows(), None)
    summary = summarise(data, data.clusters, data.periods)
    assert summary.partners == 5  # Alpha, Beta, Gamma, Delta, Epsilon
    assert summary.units_covered == 2  # the unspecified XY01 bucket is not a covered unit
    assert summary.units_with_gap is None
    assert summary.unmatched_rows == 2  # the row without a cluster is in no cluster's count
    nothing = summarise(data, [], data.periods)
    assert (nothing.partners, nothing.activities, nothing.units_covered) == (0, 0, 0)


def test_cluster_entries_count_partners_in_the_chosen_periods():
    data = SelectionData.prepare(_presence(), _rows())
    entries = {e.code: e for e in cluster_entries(data, ["2025-02"])}
    assert (entries["WSH"].name, entries["WSH"].partners) == ("WASH", 1)
    assert entries["EDU"].partners == 2
    assert {e.code: e.partners for e in cluster_entries(data, data.periods)} == \
        {"EDU": 3, "WSH": 3}
    assert entries["WSH"].colour == cluster_colour("WSH")
    assert cluster_colour("WSH").startswith("#") and len(cluster_colour("WSH")) == 7
    given = cluster_entries(data, data.periods, colours={"EDU": "#123456"})
    assert [e.colour for e in given] == ["#123456", cluster_colour("WSH")]


def small_gpkg(path, table, columns, lines):
    """A GeoPackage as far as read_gpkg_table needs: gpkg_contents naming one table."""
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE gpkg_contents (table_name TEXT, data_type TEXT)")
    connection.execute("INSERT INTO gpkg_contents VALUES (?, 'features')", (table,))
    connection.execute(f"CREATE TABLE {table} ({columns})")
    marks = ", ".join("?" * len(lines[0]))
    connection.executemany(f"INSERT INTO {table} VALUES ({marks})", lines)
    connection.commit()
    connection.close()
    return path


def test_read_gpkg_table_reads_named_columns(tmp_path):
    path = small_gpkg(tmp_path / "p.gpkg", "presence",
                      "fid INTEGER, cluster TEXT, partners INTEGER", [(1, "WSH", 3)])
    frame = read_gpkg_table(str(path), ["cluster", "partners"])
    assert frame.to_dict("records") == [{"cluster": "WSH", "partners": 3}]
    with pytest.raises(ValueError, match="no column missing"):
        read_gpkg_table(str(path), ["missing"])


def test_join_parameters_give_the_join_the_panel_s_period_mode(tmp_path):
    for choice, mode in enumerate(PANEL_PERIOD_MODES):
        parameters = join_parameters("4w.xlsx", "adm.gpkg", 2, choice, tmp_path)
        assert PERIOD_MODES[parameters["PERIOD"]] == mode
    assert {parameters[key] for key in ("OUTPUT", "OUTPUT_ROWS", "OUTPUT_REPORT")} == \
        {str(path) for path in (tmp_path / "presence.gpkg", tmp_path / "rows.gpkg",
                                tmp_path / "qa_report.xlsx")}


def test_outputs_are_files_and_optional_inputs_are_passed_only_when_given(tmp_path):
    outputs = join_outputs({"OUTPUT": "/o/presence.gpkg|layername=presence",
                            "OUTPUT_ROWS": "/o/rows.gpkg", "OUTPUT_REPORT": "/o/qa.xlsx"})
    assert outputs == {"presence": "/o/presence.gpkg", "rows": "/o/rows.gpkg",
                       "report": "/o/qa.xlsx"}
    assert "NEEDS" not in gaps_parameters(outputs, "adm.gpkg", 0, "", tmp_path)
    assert gaps_parameters(outputs, "adm.gpkg", 0, "needs.csv", tmp_path)["NEEDS"] == "needs.csv"
    assert set(export_parameters(outputs, ["WSH"], ["2025-01"], "pack")).isdisjoint(
        {"GAPS", "OVERLAPS"})
    with_gaps = gaps_outputs(outputs, {"OUTPUT_GAPS": "/o/gaps.gpkg|layername=gaps",
                                       "OUTPUT_OVERLAP_UNITS": "/o/overlap_units.gpkg"})
    parameters = export_parameters(with_gaps, ["WSH", "EDU"], ["2025-01", "2025-02"], "pack")
    assert (parameters["GAPS"], parameters["OVERLAPS"]) == ("/o/gaps.gpkg",
                                                            "/o/overlap_units.gpkg")
    assert (parameters["CLUSTERS"], parameters["PERIODS"]) == ("WSH,EDU", "2025-01,2025-02")


def test_each_run_gets_a_new_folder_next_to_the_project_else_in_the_temporary_folder(tmp_path):
    first, second = new_run_folder(str(tmp_path)), new_run_folder(str(tmp_path))
    assert first != second  # an earlier run's files may still be open as layers
    assert first.parent == second.parent == tmp_path / "coordmap_outputs"
    assert first.is_dir() and not any(first.iterdir())
    unsaved = new_run_folder("")  # a project never saved has no folder
    try:
        assert unsaved.parent == Path(tempfile.gettempdir()) and unsaved.is_dir()
    finally:
        unsaved.rmdir()


def test_summary_counts_activities_as_the_map_pack_does_and_gaps_need_needs():
    presence = _presence().assign(rows=[4, 1, 2, 3, 1], admin_level=[2, 2, 2, 2, 1])
    data = SelectionData.prepare(presence, _rows(), _gaps())
    assert summarise(data, ["WSH"], ["2025-01"]).activities == 4 + 1  # 4W rows
    without_needs = _gaps().assign(gap_status="no_need_reported")
    data = SelectionData.prepare(presence, _rows(), without_needs)
    assert not data.needs_given
    assert summarise(data, ["WSH"], data.periods).units_with_gap is None  # not "0"


def test_selection_values_are_distinct_partners_over_clusters_and_periods():
    presence = _presence().assign(rows=[4, 1, 2, 3, 1], admin_level=[2, 2, 2, 2, 1])
    data = SelectionData.prepare(presence, _rows())
    # XY0101: Alpha, Beta (WSH Jan), Gamma (WSH Feb), Alpha, Delta (EDU Feb): 4 distinct
    assert selection_values(data, ["WSH", "EDU"], data.periods) == {"XY0101": 4, "XY0102": 1}
    # EDU in January: nobody; both units were reached by the 4W (WSH): 0, not "no data"
    assert selection_values(data, ["EDU"], ["2025-01"]) == {"XY0101": 0, "XY0102": 0}
    # February only: XY0102 had no report at all that month: no data
    assert selection_values(data, ["WSH"], ["2025-02"]) == {"XY0101": 1, "XY0102": None}


def test_period_outcome_counts_rows_without_a_usable_period(tmp_path):
    path = small_gpkg(tmp_path / "rows.gpkg", "rows", "status TEXT, reason TEXT", [
        ("used", ""), ("skipped", "no usable period: presence per month needs a month"),
        ("skipped", "no usable period: presence per month needs a month"),
        ("skipped", "blank row"), ("unmatched", "no such P-code")])
    assert period_outcome(str(path)) == (1, 2)
    assert join_parameters("4w.xlsx", "adm.gpkg", 0, 0, tmp_path, 2025)["DEFAULT_YEAR"] == 2025
    assert "DEFAULT_YEAR" not in join_parameters("4w.xlsx", "adm.gpkg", 0, 0, tmp_path)
