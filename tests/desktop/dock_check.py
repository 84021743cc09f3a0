"""Runs INSIDE the real QGIS desktop (``qgis --code dock_check.py``, from test_desktop_dock.py).

Uses the CoordMap panel as an officer does: opens it from its action, picks the sample 4W
table, boundaries and needs, presses "Run join", waits for the background task, keeps WASH only
and March to May, zooms to the presence layer, waits for the map to render, saves a screenshot
of the whole window and writes what it saw as JSON; then quits QGIS. Executed by ``exec``: no
``__file__``, everything inside one function scope.

Environment (set by the test):
    COORDMAP_DOCK_OUT         folder for findings.json and the screenshot
    COORDMAP_DOCK_SAMPLE      folder of the sample data (resources/sample)
    COORDMAP_DOCK_SCREENSHOT  screenshot path
    COORDMAP_DOCK_DEADLINE    seconds before giving up (default 120)
    COORDMAP_DOCK_NO_YEAR     a 4W table whose months have no year, joined last: the panel
                              must still give a map, and say why and how to map per month
"""


def _dock_check():
    import json
    import os
    import time
    import traceback

    import qgis.utils
    from qgis.core import QgsApplication, QgsProject
    from qgis.PyQt.QtCore import Qt, QTimer
    from qgis.PyQt.QtWidgets import QApplication, QDockWidget

    out = os.environ["COORDMAP_DOCK_OUT"]
    sample = os.environ["COORDMAP_DOCK_SAMPLE"]
    deadline = time.monotonic() + float(os.environ.get("COORDMAP_DOCK_DEADLINE", "120"))
    found = {"run_id": os.environ.get("COORDMAP_DOCK_RUN_ID", ""), "errors": [],
             "unexpected_dialogs": [], "steps": []}
    iface = qgis.utils.iface
    window = iface.mainWindow()
    state = {"step": "wait_plugin", "timer": QTimer(), "since": time.monotonic()}

    def write():
        path = os.path.join(out, "dock_findings.json")
        with open(path + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(found, handle, indent=2, sort_keys=True)
        os.replace(path + ".tmp", path)

    def finish():
        state["timer"].stop()
        write()
        QgsProject.instance().removeAllMapLayers()
        QgsProject.instance().setDirty(False)
        iface.actionExit().trigger()
        QTimer.singleShot(10000, lambda: QgsApplication.exit(3))

    def go(step):
        found["steps"].append(step)
        state["step"], state["since"] = step, time.monotonic()

    def dock():
        return window.findChild(QDockWidget, "CoordMapDock")

    def tick():
        try:
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                found["unexpected_dialogs"].append(f"{type(dialog).__name__}: "
                                                   f"{dialog.windowTitle()}")
                dialog.close()
            if time.monotonic() > deadline:
                found["errors"].append(f"deadline reached in step {state['step']}")
                finish()
                return
            STEPS[state["step"]]()
        except Exception:  # noqa: BLE001 - recorded; the test fails on it
            found["errors"].append(traceback.format_exc())
            finish()

    def wait_plugin():
        if "coordmap" in qgis.utils.active_plugins and dock() is not None:
            window.setGeometry(QApplication.primaryScreen().availableGeometry())
            panel = dock()
            panel.toggleViewAction().trigger()  # the "CoordMap panel" action
            panel.raise_()
            window.resizeDocks([panel], [430], Qt.Orientation.Horizontal)
            found["empty_state"] = panel.empty_state.text()
            QgsProject.instance().setPresetHomePath(out)  # the join writes its outputs there
            panel.table_file.setFilePath(os.path.join(sample, "xy_4w_2025.xlsx"))
            panel.admin_file.setFilePath(os.path.join(sample, "xy_adm2.geojson"))
            panel.admin_level.setCurrentIndex(2)
            panel.needs_file.setFilePath(os.path.join(sample, "xy_needs.csv"))
            panel.run_button.click()
            found["running_after_click"] = panel.is_running()
            go("wait_join")

    def wait_join():
        panel = dock()
        if panel.is_running():
            return
        found["status"] = panel.status.text()
        if panel.data is None:
            found["errors"].append("the join gave no data: " + panel.status.text())
            finish()
            return
        panel.check_clusters(["WSH"])
        panel.period_range.set_bounds("2025-03", "2025-05")
        presence = panel.layers()["presence"]
        canvas = iface.mapCanvas()
        canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(
            presence, presence.extent()))
        canvas.refresh()
        found["layers"] = {key: layer.name() for key, layer in panel.layers().items()}
        found["subset_strings"] = {key: layer.subsetString()
                                   for key, layer in panel.layers().items()}
        found["presence_features_shown"] = presence.featureCount()
        found["summary"] = {key: label.text() for key, label in panel.summary_labels.items()}
        found["chosen_clusters"] = panel.chosen_clusters()
        found["chosen_periods"] = panel.period_range.chosen_periods()
        go("wait_render")

    def wait_render():
        canvas = iface.mapCanvas()
        if canvas.isDrawing() or time.monotonic() - state["since"] < 3:
            return
        panel = dock()
        path = os.environ["COORDMAP_DOCK_SCREENSHOT"]
        pixmap = window.grab()
        found["screenshot_saved"] = bool(pixmap.save(path, "PNG"))
        found["screenshot_size"] = [pixmap.width(), pixmap.height()]
        found["dock_geometry"] = [panel.x(), panel.y(), panel.width(), panel.height()]
        found["dock_visible"] = panel.isVisible()
        found["canvas_geometry"] = [canvas.mapTo(window, canvas.rect().topLeft()).x(),
                                    canvas.mapTo(window, canvas.rect().topLeft()).y(),
                                    canvas.width(), canvas.height()]
        # a first run on a table whose months have no year, as the panel opens: per month
        panel.table_file.setFilePath(os.environ["COORDMAP_DOCK_NO_YEAR"])
        panel.needs_file.setFilePath("")
        panel.period_mode.setCurrentIndex(0)
        panel.run_button.click()
        go("wait_no_year")

    def wait_no_year():
        panel = dock()
        if panel.is_running() or panel.draw_timer.isActive():  # (the map is drawn after)
            return
        from coordmap.plugin.canvas_layers import SELECTION_PROPERTY

        found["no_year"] = {
            "status": panel.status.text(), "period_mode": panel.period_mode.currentIndex(),
            "clusters": len(panel.data.clusters) if panel.data is not None else 0,
            "export_enabled": panel.export_button.isEnabled(),
            "units_with_partners": sum(
                1 for layer in QgsProject.instance().mapLayers().values()
                if layer.customProperty(SELECTION_PROPERTY)
                for feature in layer.getFeatures() if feature["partners"])}
        go("done")
        finish()

    STEPS = {"wait_plugin": wait_plugin, "wait_join": wait_join, "wait_render": wait_render,
             "wait_no_year": wait_no_year, "done": lambda: None}
    state["timer"].setInterval(250)
    state["timer"].timeout.connect(tick)
    state["timer"].start()
    # keep the timer (and with it this closure) alive after exec returns
    import builtins

    builtins._coordmap_dock_check = state


_dock_check()
