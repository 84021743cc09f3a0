"""The CoordMap dock driven through its real widgets in headless QGIS (pytest-qt).

Expected numbers are worked out here with plain Python from the features of the layers the
join wrote (read through a second, unfiltered layer on the same file), never from the panel.
"""
from pathlib import Path

import pytest

pytest.importorskip("pytestqt")

from qgis.core import QgsApplication, QgsProject, QgsVectorLayer  # noqa: E402
from qgis.PyQt.QtCore import Qt, QTimer  # noqa: E402

from coordmap.tests.helpers import features  # noqa: E402

JOIN_TIMEOUT_MS = 180_000
GAP_STATUSES = {"no_partner_with_need", "underserved"}


@pytest.fixture
def dock(coordmap_plugin, stand_in_iface, qtbot, tmp_path):
    from coordmap.plugin.dock import CoordMapDock

    QgsProject.instance().clear()
    QgsProject.instance().setPresetHomePath(str(tmp_path))  # outputs go next to "the project"
    panel = CoordMapDock(stand_in_iface, stand_in_iface.mainWindow())
    qtbot.addWidget(panel)
    panel.show()
    yield panel
    panel.cancel()
    qtbot.waitUntil(lambda: not panel.is_running(), timeout=JOIN_TIMEOUT_MS)
    panel.close_down()
    QgsProject.instance().clear()


def run_join_on_sample(dock, qtbot, sample_dir, with_needs=True):
    dock.table_file.setFilePath(str(sample_dir / "xy_4w_2025.xlsx"))
    dock.admin_file.setFilePath(str(sample_dir / "xy_adm2.geojson"))
    dock.admin_level.setCurrentIndex(2)
    dock.period_mode.setCurrentIndex(0)  # month
    if with_needs:
        dock.needs_file.setFilePath(str(sample_dir / "xy_needs.csv"))
    qtbot.mouseClick(dock.run_button, Qt.MouseButton.LeftButton)
    assert dock.is_running() and not dock.run_button.isEnabled()
    assert dock.progress.isVisibleTo(dock) and dock.cancel_button.isVisibleTo(dock)
    qtbot.waitUntil(lambda: not dock.is_running(), timeout=JOIN_TIMEOUT_MS)
    assert dock.data is not None, dock.status.text()
    assert dock.outputs["presence"].startswith(QgsProject.instance().homePath())


def expected_summary(presence, rows, gaps, clusters, periods):
    chosen = [f for f in presence if f["cluster"] in clusters and f["period"] in periods]
    # Protected lines (GBV, child protection) name nobody and their numbers are withheld.
    named = [f for f in chosen if not f["protected"]]
    partners = {name for f in named if f["partner_list"] for name in
                f["partner_list"].split("; ")}
    covered = {f["pcode"] for f in chosen
               if f["unit_specified"] and (f["protected"] or f["partners"] > 0)}
    unmatched = [r for r in rows if r["status"] == "unmatched"]

    def withheld(count):
        if len(named) == len(chosen):
            return str(count)
        return f"{count} + withheld (protected data)" if count else "withheld (protected data)"

    expected = {
        "partners": withheld(len(partners)),
        # activities: the 4W rows, as the map pack says them
        "activities": withheld(sum(f["rows"] for f in named)),
        "units_covered": str(len(covered)),
        "unmatched_rows": "{} ({} in the whole table)".format(
            sum(1 for r in unmatched if r["cluster"] in clusters and r["period"] in periods),
            len(unmatched)),
    }
    if gaps is not None and any(g["gap_status"] != "no_need_reported" for g in gaps):
        expected["units_with_gap"] = str(len({
            g["pcode"] for g in gaps if g["cluster"] in clusters and g["period"] in periods
            and g["gap_status"] in GAP_STATUSES}))
    return expected


def shown_summary(dock, keys):
    return {key: dock.summary_labels[key].text() for key in keys}


def item_of(dock, code):
    return next(i for i in dock.cluster_items() if i.data(Qt.ItemDataRole.UserRole) == code)


def test_empty_state_and_keyboard_order(dock):
    assert "Load a 4W table to start" in dock.empty_state.text()
    assert dock.empty_state.isVisibleTo(dock)
    assert not dock.clusters_box.isEnabled() and not dock.summary_box.isEnabled()
    assert dock.run_button.isEnabled() and not dock.cancel_button.isVisibleTo(dock)
    dock.run_button.click()  # nothing chosen: says what to do, starts nothing
    assert not dock.is_running()
    assert "Choose a 4W table" in dock.status.text()
    # Tab goes down the panel in reading order: sources, run, clusters, periods, export.
    chain, widget = [], dock.table_layer
    for _ in range(200):
        chain.append(widget)
        widget = widget.nextInFocusChain()
        if widget is dock.table_layer:
            break
    order = [dock.table_layer, dock.table_file.lineEdit(), dock.admin_layer,
             dock.admin_file.lineEdit(), dock.admin_level, dock.period_mode,
             dock.needs_file.lineEdit(), dock.run_button, dock.cluster_list, dock.all_button,
             dock.period_range.first_combo, dock.period_range.last_combo, dock.export_button]
    positions = [chain.index(w) for w in order]
    assert positions == sorted(positions)


def test_join_runs_in_background_and_the_choice_filters_layers_and_summary(dock, qtbot,
                                                                           sample_dir):
    ticks = []
    timer = QTimer()
    timer.timeout.connect(lambda: ticks.append(1))
    timer.start(20)
    run_join_on_sample(dock, qtbot, sample_dir)
    timer.stop()
    # The event loop kept running while the join worked in its thread.
    assert len(ticks) >= 3, len(ticks)
    assert not dock.empty_state.isVisibleTo(dock)

    layers = dock.layers()
    presence_layer = layers["presence"]
    assert presence_layer.id() in QgsProject.instance().mapLayers()
    # styled on the number of partners (the bundled style, else a graduated renderer)
    assert presence_layer.renderer().type() != "singleSymbol"
    assert "partners" in presence_layer.renderer().dump()
    assert presence_layer.renderer().orderByEnabled()  # most partners drawn on top
    presence = features(dock.outputs["presence"])
    rows = features(dock.outputs["rows"])
    gaps = features(dock.outputs["gaps"]) if dock.outputs.get("gaps") else None
    all_clusters = sorted({f["cluster"] for f in presence})
    all_periods = sorted({f["period"] for f in presence})  # YYYY-MM sorts in time order
    assert [i.data(Qt.ItemDataRole.UserRole) for i in dock.cluster_items()] == all_clusters
    assert all(i.checkState() == Qt.CheckState.Checked for i in dock.cluster_items())
    assert dock.period_range.periods == all_periods
    # Everything chosen: no filter, and the numbers are those of the whole presence.
    assert presence_layer.subsetString() == ""
    keys = ["partners", "activities", "units_covered", "unmatched_rows"] + \
        (["units_with_gap"] if gaps is not None else [])
    assert shown_summary(dock, keys) == expected_summary(presence, rows, gaps, all_clusters,
                                                         all_periods)
    # Each cluster line: code, name and its distinct partners over the periods.
    wash = item_of(dock, "WSH")
    wash_partners = {n for f in presence if f["cluster"] == "WSH" and f["partner_list"]
                     for n in f["partner_list"].split("; ")}
    assert wash.text().startswith("WSH – ") and wash.text().endswith(f"({len(wash_partners)})")
    assert not wash.icon().isNull()
    # GBV: protected by the join, its number of partners is withheld in the panel too.
    assert item_of(dock, "PRO-GBV").text().endswith("(withheld)")
    assert "withheld (protected data)" in dock.summary_labels["partners"].text()

    # The officer's move: only WASH, then March to May.
    qtbot.mouseClick(dock.none_button, Qt.MouseButton.LeftButton)
    assert presence_layer.subsetString() == "0 = 1"
    assert presence_layer.featureCount() == 0
    assert "No cluster ticked" in dock.choice_note.text()
    wash.setCheckState(Qt.CheckState.Checked)  # what a click on its box does
    assert presence_layer.subsetString() == "\"cluster\" IN ('WSH')"
    march, may = all_periods.index("2025-03"), all_periods.index("2025-05")
    dock.period_range.slider.setRange(march, may)  # the end of a drag
    chosen_periods = ["2025-03", "2025-04", "2025-05"]
    expression = "\"cluster\" IN ('WSH') AND \"period\" IN ('2025-03', '2025-04', '2025-05')"
    for layer in dock.layers().values():
        assert layer.subsetString() == expression, layer.name()
    shown = [(f["cluster"], f["period"]) for f in presence_layer.getFeatures()]
    assert len(shown) == sum(1 for f in presence
                             if f["cluster"] == "WSH" and f["period"] in chosen_periods) > 0
    assert {c for c, _ in shown} == {"WSH"} and {p for _, p in shown} <= set(chosen_periods)
    assert shown_summary(dock, keys) == expected_summary(presence, rows, gaps, ["WSH"],
                                                         chosen_periods)
    assert (dock.period_range.first_combo.currentText(),
            dock.period_range.last_combo.currentText()) == ("2025-03", "2025-05")

    # Keyboard: the "To" list, then "Latest period".
    dock.period_range.last_combo.setFocus()
    qtbot.keyClick(dock.period_range.last_combo, Qt.Key.Key_Down)
    assert dock.period_range.chosen_periods() == ["2025-03", "2025-04", "2025-05", "2025-06"]
    qtbot.mouseClick(dock.period_range.latest_button, Qt.MouseButton.LeftButton)
    assert dock.period_range.chosen_periods() == [all_periods[-1]]
    assert shown_summary(dock, keys) == expected_summary(presence, rows, gaps, ["WSH"],
                                                         [all_periods[-1]])
    assert dock.last_update_seconds < 0.2
    assert "Open the QA report" in dock.report_link.text()
    assert dock.outputs["report"] and Path(dock.outputs["report"]).is_file()
    assert all(label.toolTip() for label in dock.summary_labels.values())

    # Keyboard: Space on a cluster line ticks it, as a click on its box does.
    health = item_of(dock, "HEA")
    dock.cluster_list.setFocus()
    dock.cluster_list.setCurrentItem(health)
    qtbot.keyClick(dock.cluster_list, Qt.Key.Key_Space)
    assert dock.chosen_clusters() == ["HEA", "WSH"]
    assert presence_layer.subsetString().startswith("\"cluster\" IN ('HEA', 'WSH')")


def test_gaps_and_overlaps_layers_follow_the_choice(dock, qtbot, sample_dir):
    if QgsApplication.processingRegistry().algorithmById("coordmap:gaps_overlaps") is None:
        pytest.skip("coordmap:gaps_overlaps is not registered in this build")
    run_join_on_sample(dock, qtbot, sample_dir)
    layers = dock.layers()
    assert {"presence", "gaps", "overlap_units"} <= set(layers), dock.status.text()
    dock.check_clusters(["HEA", "WSH"])
    for layer in layers.values():
        assert layer.subsetString() == "\"cluster\" IN ('HEA', 'WSH')", layer.name()
        assert {f["cluster"] for f in layer.getFeatures()} <= {"HEA", "WSH"}
    gaps = features(dock.outputs["gaps"])
    assert dock.summary_labels["units_with_gap"].text() == expected_summary(
        features(dock.outputs["presence"]), [], gaps, ["HEA", "WSH"],
        dock.period_range.periods)["units_with_gap"]


def test_presence_is_loaded_when_the_gaps_step_fails(dock, qtbot, sample_dir, tmp_path):
    if QgsApplication.processingRegistry().algorithmById("coordmap:gaps_overlaps") is None:
        pytest.skip("coordmap:gaps_overlaps is not registered in this build")
    needs = tmp_path / "needs.csv"
    needs.write_text("nothing,useful\n1,2\n", encoding="utf-8")  # no P-code column
    dock.table_file.setFilePath(str(sample_dir / "xy_4w_2025.xlsx"))
    dock.admin_file.setFilePath(str(sample_dir / "xy_adm2.geojson"))
    dock.needs_file.setFilePath(str(needs))
    dock.run_button.click()
    qtbot.waitUntil(lambda: dock.data is not None or "Stopped" in dock.status.text(),
                    timeout=JOIN_TIMEOUT_MS)
    qtbot.waitUntil(lambda: not dock.is_running(), timeout=JOIN_TIMEOUT_MS)
    assert dock.data is not None
    assert set(dock.layers()) == {"presence"}
    # the load's own line stays, the gaps' failure is said after it
    assert "Tick clusters" in dock.status.text()
    assert "Gaps and overlaps were not computed" in dock.status.text()
    assert dock.summary_labels["units_with_gap"].text() == "not computed"


def test_choice_is_saved_in_the_project_and_restored(dock, qtbot, sample_dir, tmp_path):
    run_join_on_sample(dock, qtbot, sample_dir, with_needs=False)
    dock.check_clusters(["EDU", "WSH"])
    dock.period_range.set_bounds("2025-02", "2025-04")
    expression = dock.layers()["presence"].subsetString()
    summary = {key: label.text() for key, label in dock.summary_labels.items()}
    project = QgsProject.instance()
    path = tmp_path / "meeting.qgs"
    assert project.write(str(path))
    project.clear()
    project.setPresetHomePath(str(tmp_path))
    assert dock.data is None and dock.cluster_list.count() == 0
    assert dock.empty_state.isVisibleTo(dock)
    assert project.read(str(path))
    assert dock.data is not None
    assert dock.chosen_clusters() == ["EDU", "WSH"]
    assert dock.period_range.chosen_bounds() == ("2025-02", "2025-04")
    layers = dock.layers()
    # the project's layers, not new copies, and the choice's layer drawn anew once
    assert len(project.mapLayers()) == len(layers) + 1
    assert selection_values_shown(dock)
    assert layers["presence"].subsetString() == expression
    assert {key: label.text() for key, label in dock.summary_labels.items()} == summary
    assert dock.admin_level.currentIndex() == 2
    assert dock.table_file.filePath() == str(sample_dir / "xy_4w_2025.xlsx")


def selection_layer(dock):
    from coordmap.plugin.canvas_layers import SELECTION_PROPERTY

    (layer,) = [layer for layer in QgsProject.instance().mapLayers().values()
                if layer.customProperty(SELECTION_PROPERTY)]
    return layer


def selection_values_shown(dock):
    """{P-code: partners} the canvas draws for the choice (once drawn: the panel draws it
    when the events waiting are handled)."""
    QgsApplication.processEvents()
    assert not dock.draw_timer.isActive()
    return {f["pcode"]: f["partners"] for f in selection_layer(dock).getFeatures()}


def test_canvas_draws_partners_over_the_choice_as_the_printed_map(dock, qtbot, sample_dir,
                                                                   tmp_path):
    from qgis import processing

    run_join_on_sample(dock, qtbot, sample_dir)
    presence = features(dock.outputs["presence"])
    # several clusters and periods: distinct organisations over them, one value per unit
    dock.check_clusters(["HEA", "WSH"])
    dock.period_range.set_bounds("2025-02", "2025-04")
    chosen = [f for f in presence if f["cluster"] in ("HEA", "WSH") and f["unit_specified"]
              and f["period"] in ("2025-02", "2025-03", "2025-04")]
    expected = {}
    for f in chosen:
        expected.setdefault(f["pcode"], set()).update(
            n for n in (f["partner_list"] or "").split("; ") if n)
    shown = selection_values_shown(dock)
    assert {pcode: len(names) for pcode, names in expected.items()} == \
        {pcode: n for pcode, n in shown.items() if pcode in expected}
    assert not any(shown[pcode] for pcode in set(shown) - set(expected))  # 0 or no data
    # the hatching and need outlines stay above the fill
    order = [layer.id() for layer in QgsProject.instance().layerTreeRoot().layerOrder()]
    overlaps = dock.layers().get("overlap_units")
    if overlaps is not None:
        assert order.index(overlaps.id()) < order.index(selection_layer(dock).id())

    # one cluster and a range: the printed map of the range is the canvas, unit by unit
    dock.check_clusters(["WSH"])
    canvas = selection_values_shown(dock)
    project = QgsProject.instance()
    before = {layout.name() for layout in project.layoutManager().layouts()}
    processing.run("coordmap:export_maps", {
        "PRESENCE": dock.outputs["presence"], "GAPS": dock.outputs.get("gaps"),
        "CLUSTERS": "WSH", "PERIODS": "2025-02,2025-03,2025-04", "COMBINE_PERIODS": True,
        "ADD_LAYOUTS": True, "OUTPUT_FOLDER": str(tmp_path / "pack")})
    (layout,) = [layout for layout in project.layoutManager().layouts()
                 if layout.name() not in before]
    printed_layer = layout.itemById("main_map").layers()[-1]
    printed = {f["pcode"]: f["partners"] for f in printed_layer.getFeatures()}
    try:
        assert printed == canvas
        assert any(value is None for value in canvas.values()) or \
            any(value == 0 for value in canvas.values())
    finally:
        for layer in layout.itemById("main_map").layers():
            project.removeMapLayer(layer.id())
        project.layoutManager().removeLayout(layout)


def write_table(sample_dir, path, change):
    """The sample 4W table (header row, HXL row, data) changed by ``change``, as CSV."""
    import pandas as pd

    table = pd.read_excel(sample_dir / "xy_4w_2025.xlsx", header=2)
    change(table).to_csv(path, index=False)
    return path


def join_table(dock, qtbot, sample_dir, table):
    dock.table_file.setFilePath(str(table))
    dock.admin_file.setFilePath(str(sample_dir / "xy_adm2.geojson"))
    dock.period_mode.setCurrentIndex(0)  # month, the default
    dock.run_button.click()
    qtbot.waitUntil(lambda: dock.data is not None and not dock.is_running(),
                    timeout=JOIN_TIMEOUT_MS)


def test_month_names_without_a_year_map_the_whole_table_and_say_the_fix(dock, qtbot,
                                                                        sample_dir, tmp_path):
    months = ["January", "February", "March", "April", "May", "June", "July", "August",
              "September", "October", "November", "December"]

    def month_names_only(table):
        table = table.drop(columns=["Year"])
        table["Month"] = [value if not str(value).isdigit() else months[int(value) - 1]
                          for value in table["Month"]]
        return table

    assert dock.default_year.isVisibleTo(dock)
    join_table(dock, qtbot, sample_dir,
               write_table(sample_dir, tmp_path / "no_year.csv", month_names_only))
    status = dock.status.text()
    assert "No row has a usable month" in status and "Year of months without a year" in status
    assert dock.period_mode.currentIndex() == 2  # whole table
    assert dock.data.clusters and dock.export_button.isEnabled()
    assert any(selection_values_shown(dock).values())
    qtbot.mouseClick(dock.none_button, Qt.MouseButton.LeftButton)
    assert not dock.export_button.isEnabled()
    # the fix the message names: the year, per month again
    dock.default_year.setValue(2025)
    join_table(dock, qtbot, sample_dir, tmp_path / "no_year.csv")
    assert "2025-03" in dock.period_range.periods, dock.status.text()


def test_a_table_without_dates_is_one_map_of_the_whole_table(dock, qtbot, sample_dir,
                                                              tmp_path):
    join_table(dock, qtbot, sample_dir, write_table(
        sample_dir, tmp_path / "no_dates.csv",
        lambda table: table.drop(columns=["Month", "Year"])))
    assert dock.data.clusters and dock.export_button.isEnabled()
    assert any(selection_values_shown(dock).values())
    assert "whole table" in dock.choice_note.text(), dock.choice_note.text()
    assert "1 period." in dock.status.text() and "1 periods" not in dock.status.text()


def test_cancel_stops_the_join_and_adds_nothing(dock, qtbot, sample_dir):
    dock.table_file.setFilePath(str(sample_dir / "xy_4w_2025.xlsx"))
    dock.admin_file.setFilePath(str(sample_dir / "xy_adm2.geojson"))
    dock.run_button.click()
    qtbot.mouseClick(dock.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.is_running(), timeout=JOIN_TIMEOUT_MS)
    assert dock.data is None
    assert "Cancelled" in dock.status.text()
    assert QgsProject.instance().mapLayers() == {}
    assert dock.run_button.isEnabled()


def test_export_button_runs_the_map_pack_for_the_choice(dock, qtbot, sample_dir, tmp_path):
    registered = QgsApplication.processingRegistry().algorithmById("coordmap:export_maps")
    if registered is None:
        assert not dock.export_button.isEnabled()
        assert "not available" in dock.export_button.toolTip()
        return
    run_join_on_sample(dock, qtbot, sample_dir, with_needs=False)
    assert dock.export_button.isEnabled()
    dock.check_clusters(["WSH"])
    dock.period_range.select_latest()
    dock.export_folder.setFilePath(str(tmp_path / "pack"))
    qtbot.mouseClick(dock.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.is_running(), timeout=JOIN_TIMEOUT_MS)
    assert "Map pack written" in dock.status.text(), dock.status.text()
    written = sorted(p.name for p in (tmp_path / "pack").rglob("*.*"))
    assert written, "no file in the map pack folder"
    # the current choice only: WASH, latest period
    latest = dock.period_range.periods[-1]
    assert all("WSH" in name and latest in name for name in written), written


def test_a_map_folder_that_cannot_be_written_is_a_message_in_the_panel(dock, qtbot, sample_dir,
                                                                      unwritable):
    if QgsApplication.processingRegistry().algorithmById("coordmap:export_maps") is None:
        pytest.skip("coordmap:export_maps is not registered in this build")
    run_join_on_sample(dock, qtbot, sample_dir, with_needs=False)
    dock.check_clusters(["WSH"])
    dock.period_range.select_latest()
    dock.export_folder.setFilePath(str(unwritable / "pack"))
    qtbot.mouseClick(dock.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dock.is_running(), timeout=JOIN_TIMEOUT_MS)
    status = dock.status.text()
    assert status.startswith("Stopped:") and "cannot be written" in status, status
    assert str(unwritable / "pack") in status and "Traceback" not in status
    assert dock.export_button.isEnabled() and list(unwritable.iterdir()) == []


def test_presence_gets_a_graduated_style_when_the_style_file_is_missing(
        coordmap_plugin, sample_dir, monkeypatch, tmp_path, run_algorithm):
    from coordmap.plugin import canvas_layers

    results = run_algorithm("coordmap:join_4w", {
        "INPUT": str(sample_dir / "xy_4w_2025.xlsx"),
        "ADMIN": str(sample_dir / "xy_adm2.geojson"),
        "OUTPUT": str(tmp_path / "presence.gpkg"), "OUTPUT_ROWS": "TEMPORARY_OUTPUT"})
    layer = QgsVectorLayer(results["OUTPUT"], "presence", "ogr")
    monkeypatch.setattr(canvas_layers, "RESOURCES_DIR", tmp_path)  # no styles folder there
    canvas_layers.style_layer(layer, "presence")
    renderer = layer.renderer()
    assert renderer.type() == "graduatedSymbol" and renderer.classAttribute() == "partners"
    assert len(renderer.ranges()) >= 2 and renderer.orderByEnabled()


def test_period_range_ends_cannot_cross_and_keep_the_slider_in_step(qgis_app, qtbot):
    from coordmap.plugin.widgets import PeriodRangeWidget

    widget = PeriodRangeWidget()
    qtbot.addWidget(widget)
    changes = []
    widget.rangeChanged.connect(lambda: changes.append(widget.chosen_periods()))
    widget.set_periods(["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"])
    assert widget.chosen_periods() == ["2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"]
    assert changes == []  # a new list is not a change of choice
    widget.last_combo.setCurrentIndex(1)
    widget.first_combo.setCurrentIndex(3)  # "From" past "To": "To" follows
    assert widget.chosen_bounds() == ("2025-Q4", "2025-Q4")
    assert (widget.slider.lowerValue(), widget.slider.upperValue()) == (3, 3)
    widget.last_combo.setCurrentIndex(0)  # "To" before "From": "From" follows
    assert widget.chosen_bounds() == ("2025-Q1", "2025-Q1")
    assert changes == [["2025-Q1", "2025-Q2"], ["2025-Q4"], ["2025-Q1"]]
    widget.set_periods(["2025-01/2025-12"])  # whole table: nothing to choose
    assert not widget.isEnabled() and widget.chosen_periods() == ["2025-01/2025-12"]


def test_the_join_dialog_opens_on_the_panel_s_sources(dock, sample_dir):
    dock.table_file.setFilePath(str(sample_dir / "xy_4w_2025.xlsx"))
    dock.admin_file.setFilePath(str(sample_dir / "xy_adm2.geojson"))
    dock.admin_level.setCurrentIndex(2)
    dock.period_mode.setCurrentIndex(2)
    dock.default_year.setValue(2024)
    values = dock.join_dialog_values()
    # not whatever layer the dialog would find first (the last run's presence, say)
    assert values["INPUT"] == str(sample_dir / "xy_4w_2025.xlsx")
    assert values["ADMIN"] == str(sample_dir / "xy_adm2.geojson")
    assert (values["ADMIN_LEVEL"], values["PERIOD"], values["DEFAULT_YEAR"]) == (2, 0, 2024)
