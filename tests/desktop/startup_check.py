"""Runs INSIDE the real QGIS desktop (tests/desktop): checks CoordMap as a user gets it.

QGIS runs this file twice (``exec`` in ``__main__``, so no ``__file__`` and no imports of
the test package):

1. early, as ``PYQGIS_STARTUP`` (right after Python starts, before plugins load and before
   ``qgis.utils.iface`` exists): installs recorders for the QGIS message log, network requests
   (from then on only: the welcome page starts its news feed request earlier, which is why
   the test also routes QGIS through a refusing local proxy) and unexpected modal dialogs
   (recorded, then closed so QGIS never hangs on one), plus a deadline that writes the
   findings and quits if the check below never gets to run;
2. late, as ``--code`` (after the main window and the plugins are set up): waits until
   CoordMap is active, checks provider, algorithm, menu, toolbar and dock, opens the dock
   with the plugin's own action, saves a screenshot of the main window, writes the findings
   as JSON and quits QGIS.

Environment (set by tests/desktop/conftest.py):
    COORDMAP_DESKTOP_OUT        folder for findings, logs and the screenshot (required)
    COORDMAP_DESKTOP_RUN_ID     echoed in the findings: proves they come from this run
    COORDMAP_DESKTOP_SCREENSHOT screenshot path (default OUT/qgis_coordmap_dock.png)
    COORDMAP_DESKTOP_DEADLINE   seconds before giving up (default 120)
"""
import builtins
import json
import os
import sys
import time
import traceback

_STATE_NAME = "_coordmap_desktop_check"
_PLUGIN = "coordmap"
_ALGORITHM = "coordmap:join_4w"


def _out_dir():
    folder = os.environ.get("COORDMAP_DESKTOP_OUT")
    if not folder:
        raise RuntimeError("COORDMAP_DESKTOP_OUT is not set")
    os.makedirs(folder, exist_ok=True)
    return folder


class _DesktopCheck:
    """Shared by both phases; lives in ``builtins`` so the second exec finds the first's."""

    def __init__(self):
        from qgis.PyQt.QtCore import QTimer

        self.started = time.monotonic()
        self.out = _out_dir()
        self.findings = {
            "run_id": os.environ.get("COORDMAP_DESKTOP_RUN_ID", ""),
            "phase_early": False,
            "phase_late": False,
            "errors": [],
            "unexpected_dialogs": [],
            "network_requests": [],
            "python_errors": [],
        }
        self.finished = False
        self._visible_since = None
        # Open for the whole QGIS run, flushed per line (survives a crash).
        self._log = open(  # noqa: SIM115
            os.path.join(self.out, "qgis_messages.log"), "w", encoding="utf-8")
        self._connections = []
        self._timers = []
        self._poll_timer = QTimer()
        self._poll_timer.setInterval(500)
        self._poll_timer.timeout.connect(self._guard)
        self._poll_timer.start()
        self.deadline = float(os.environ.get("COORDMAP_DESKTOP_DEADLINE", "120"))

    # Recorders ----------------------------------------------------------------------------

    def install_recorders(self):
        from qgis.core import QgsApplication, QgsNetworkAccessManager

        self.findings["phase_early"] = True
        QgsApplication.messageLog().messageReceived.connect(self._on_message)
        QgsNetworkAccessManager.instance().requestAboutToBeCreated.connect(self._on_request)
        self.log("startup_check", f"recorders installed (pid {os.getpid()})")

    def log(self, tag, message, level=0):
        elapsed = time.monotonic() - self.started
        self._log.write(f"{elapsed:7.2f}s [{tag}] ({level}) {message}\n")
        self._log.flush()

    def _on_message(self, message, tag, level):
        try:
            level_value = int(level)
        except TypeError:
            level_value = getattr(level, "value", 0)
        self.log(tag, message, level_value)
        if "python" in tag.lower() and "error" in tag.lower():
            self.findings["python_errors"].append(message[-2000:])

    def _on_request(self, parameters):
        url = parameters.request().url().toString()
        self.log("network", url)
        self.findings["network_requests"].append(url)

    def _guard(self):
        """Every 0.5 s: close (and record) any modal dialog; enforce the deadline."""
        from qgis.PyQt.QtWidgets import QApplication

        try:
            dialog = QApplication.activeModalWidget()
            if dialog is not None:
                text = " ".join(
                    filter(None, [dialog.windowTitle(), getattr(dialog, "text", lambda: "")()]))
                when = "while quitting" if self.finished else "during start-up"
                self.findings["unexpected_dialogs"].append(
                    f"{type(dialog).__name__} {when}: {text}"[:1000])
                self.log("startup_check", f"closing unexpected modal dialog {text!r}")
                dialog.close()
                if hasattr(dialog, "reject"):
                    dialog.reject()
                if self.finished:
                    self.write_findings()
            if not self.finished and time.monotonic() - self.started > self.deadline:
                self.findings["errors"].append(
                    f"deadline of {self.deadline:.0f}s reached before the check finished")
                self.finish(exit_code=3)
        except Exception:  # noqa: BLE001 - the guard must keep running
            self.log("startup_check", traceback.format_exc())

    # The check ----------------------------------------------------------------------------

    def start_late_phase(self):
        from qgis.PyQt.QtCore import QTimer

        self.findings["phase_late"] = True
        self.log("startup_check", "late phase: waiting for the plugin")
        timer = QTimer()
        timer.setInterval(250)
        timer.timeout.connect(lambda: self._wait_for_plugin(timer))
        self._timers.append(timer)
        timer.start()

    def _wait_for_plugin(self, timer):
        import qgis.utils

        iface = qgis.utils.iface
        window = iface.mainWindow() if iface else None
        ready = (_PLUGIN in qgis.utils.active_plugins and window is not None
                 and window.isVisible())
        waited = time.monotonic() - self.started
        # Plugins load while the main window is built, before this phase starts: a plugin
        # not active a few seconds after the window shows is not going to be.
        if window is not None and window.isVisible() and self._visible_since is None:
            self._visible_since = time.monotonic()
        grace_over = (self._visible_since is not None
                      and time.monotonic() - self._visible_since > 10)
        if not ready and not grace_over and waited < self.deadline - 10:
            return
        timer.stop()
        self.findings["seconds_until_plugin_active"] = round(waited, 2)
        try:
            self._check()
        except Exception:  # noqa: BLE001 - recorded, then the test fails on it
            self.findings["errors"].append(traceback.format_exc())
            self.finish(exit_code=2)
            return
        # Let the dock lay out and paint before the screenshot.
        self._later(1500, self._screenshot_and_finish)

    def _later(self, msec, function):
        from qgis.PyQt.QtCore import QTimer

        timer = QTimer()
        timer.setSingleShot(True)
        timer.timeout.connect(function)
        self._timers.append(timer)
        timer.start(msec)

    def _check(self):
        import qgis.utils
        from qgis.core import Qgis, QgsApplication, QgsSettings
        from qgis.PyQt.QtWidgets import QApplication, QDockWidget, QLabel, QPushButton, QToolBar
        from qgis.utils import iface

        found = self.findings
        found["qgis_version"] = Qgis.QGIS_VERSION
        found["active_plugins"] = sorted(qgis.utils.active_plugins)
        found["plugin_active"] = _PLUGIN in qgis.utils.active_plugins
        found["processing_active"] = "processing" in qgis.utils.active_plugins
        found["locale"] = QgsSettings().value("locale/userLocale", "")
        found["settings_file"] = QgsSettings().fileName()
        module = sys.modules.get(_PLUGIN)
        found["plugin_dir"] = os.path.dirname(module.__file__) if module else None
        instance = qgis.utils.plugins.get(_PLUGIN)
        found["plugin_class"] = type(instance).__name__ if instance else None

        registry = QgsApplication.processingRegistry()
        provider = registry.providerById(_PLUGIN)
        found["provider_registered"] = provider is not None
        found["provider_ids"] = sorted(p.id() for p in registry.providers())
        if provider is not None:
            found["provider_name"] = provider.name()
            found["provider_version"] = provider.versionInfo()
            found["provider_algorithms"] = sorted(a.id() for a in provider.algorithms())
            found["missing_dependencies"] = [
                problem.describe() for problem in getattr(provider, "problems", [])]
        found["algorithm_in_registry"] = registry.algorithmById(_ALGORITHM) is not None

        window = iface.mainWindow()
        # The CoordMap submenu of the Plugins menu, as iface.addPluginToMenu makes it.
        menu_actions = []
        for action in iface.pluginMenu().actions():
            submenu = action.menu()
            if submenu is not None and action.text().replace("&", "") == "CoordMap":
                menu_actions = [a.text() for a in submenu.actions() if not a.isSeparator()]
        found["menu_actions"] = menu_actions
        toolbar = window.findChild(QToolBar, "CoordMapToolbar")
        found["toolbar_found"] = toolbar is not None
        found["toolbar_visible"] = bool(toolbar and toolbar.isVisible())
        found["toolbar_actions"] = [a.text() for a in toolbar.actions()] if toolbar else []

        # A README-sized window: without a window manager "maximised" means nothing, so
        # fill the screen explicitly.
        screen = QApplication.primaryScreen().availableGeometry()
        window.setGeometry(screen)
        dock = window.findChild(QDockWidget, "CoordMapDock")
        found["dock_found"] = dock is not None
        found["dock_visible_before"] = bool(dock and dock.isVisible())
        if dock is not None:
            # Open it the way a user does: the "CoordMap panel" action (menu and toolbar).
            panel_action = dock.toggleViewAction()
            found["panel_action_in_toolbar"] = bool(toolbar and panel_action in toolbar.actions())
            panel_action.trigger()
            dock.raise_()
            QApplication.processEvents()
            found["dock_visible"] = dock.isVisible()
            found["dock_area"] = int(window.dockWidgetArea(dock))
            found["dock_title"] = dock.windowTitle()
            found["dock_texts"] = [w.text() for w in dock.findChildren(QLabel)] + \
                [w.text() for w in dock.findChildren(QPushButton)]
            found["dock_size"] = [dock.width(), dock.height()]
        # Staging for the screenshot (a map, the toolbox found by a search); what the
        # screenshot then shows of the dock is checked from "docks_at_screenshot".
        self._load_sample_layer()
        self._show_toolbox()
        message_bar = iface.messageBar()
        found["message_bar_items"] = [
            " ".join(filter(None, [item.title(), item.text()]))
            for item in message_bar.items()] if hasattr(message_bar, "items") else []

    def _load_sample_layer(self):
        """Give the screenshot a map: the plugin's sample admin boundaries (offline data)."""
        import glob

        from qgis.core import QgsFillSymbol, QgsProject, QgsVectorLayer, QgsWkbTypes
        from qgis.utils import iface

        plugin_dir = self.findings.get("plugin_dir") or ""
        candidates = sorted(glob.glob(os.path.join(plugin_dir, "resources", "sample", "*")))
        candidates = [path for path in candidates
                      if path.lower().endswith((".geojson", ".gpkg", ".shp"))]
        # adm2 reads best at README size; otherwise the first polygon file there is.
        candidates.sort(key=lambda path: "adm2" not in os.path.basename(path).lower())
        self.findings["screenshot_layers"] = []
        for path in candidates:
            name = os.path.splitext(os.path.basename(path))[0]
            layer = QgsVectorLayer(path, name, "ogr")
            if not layer.isValid() or layer.geometryType() != QgsWkbTypes.PolygonGeometry:
                continue
            layer.renderer().setSymbol(QgsFillSymbol.createSimple(
                {"color": "#f1eee8", "outline_color": "#8c8c8c", "outline_width": "0.3"}))
            QgsProject.instance().addMapLayer(layer)
            canvas = iface.mapCanvas()
            canvas.setExtent(canvas.mapSettings().layerExtentToOutputExtent(
                layer, layer.extent()))
            canvas.refresh()
            self.findings["screenshot_layers"].append(name)
            break
        QgsProject.instance().setDirty(False)

    def _show_toolbox(self):
        """Open the Processing Toolbox filtered on CoordMap (as a user searching for it)."""
        import qgis.utils

        found = self.findings
        processing_plugin = qgis.utils.plugins.get("processing")
        toolbox = getattr(processing_plugin, "toolbox", None)
        found["toolbox_algorithms"] = []
        if toolbox is None:
            return None
        processing_plugin.toolboxAction.setChecked(True)
        toolbox.searchBox.setText("CoordMap")
        tree = toolbox.algorithmTree
        model = tree.model()
        pending = [model.index(row, 0) for row in range(model.rowCount())]
        while pending:
            index = pending.pop()
            algorithm = tree.algorithmForIndex(index)
            if algorithm is not None:
                found["toolbox_algorithms"].append(algorithm.id())
            pending.extend(model.index(row, 0, index) for row in range(model.rowCount(index)))
        tree.expandAll()
        found["toolbox_visible"] = toolbox.isVisible()
        return toolbox

    def _screenshot_and_finish(self):
        import qgis.utils
        from qgis.PyQt.QtWidgets import QApplication

        try:
            QApplication.processEvents()
            window = qgis.utils.iface.mainWindow()
            path = os.environ.get("COORDMAP_DESKTOP_SCREENSHOT") or os.path.join(
                self.out, "qgis_coordmap_dock.png")
            os.makedirs(os.path.dirname(path), exist_ok=True)
            from qgis.PyQt.QtWidgets import QDockWidget

            self.findings["docks_at_screenshot"] = [
                {"name": d.objectName(), "visible": d.isVisible(), "floating": d.isFloating(),
                 "area": int(window.dockWidgetArea(d)),
                 "geometry": [d.x(), d.y(), d.width(), d.height()],
                 "tabified_with": [t.objectName() for t in window.tabifiedDockWidgets(d)]}
                for d in window.findChildren(QDockWidget) if d.isVisible()]
            pixmap = window.grab()
            self.findings["screenshot_saved"] = bool(pixmap.save(path, "PNG"))
            self.findings["screenshot"] = path
            self.findings["screenshot_size"] = [pixmap.width(), pixmap.height()]
            self.findings["window_size"] = [window.width(), window.height()]
        except Exception:  # noqa: BLE001
            self.findings["errors"].append(traceback.format_exc())
        self.finish(exit_code=0)

    # Ending -------------------------------------------------------------------------------

    def write_findings(self):
        self.findings["seconds_total"] = round(time.monotonic() - self.started, 2)
        path = os.path.join(self.out, "startup_findings.json")
        with open(path + ".tmp", "w", encoding="utf-8") as handle:
            json.dump(self.findings, handle, indent=2, sort_keys=True)
        os.replace(path + ".tmp", path)  # never a half-written file
        self.log("startup_check", f"findings written to {path}")

    def finish(self, exit_code):
        """Write the findings, then quit QGIS without any "save project?" question."""
        if self.finished:
            return
        self.finished = True
        self.findings["exit_code_requested"] = exit_code
        self.write_findings()
        try:
            import qgis.utils
            from qgis.core import QgsApplication, QgsProject

            # Layers read from under /tmp count as "temporary": QGIS would ask before closing.
            QgsProject.instance().removeAllMapLayers()
            QgsProject.instance().setDirty(False)
            if exit_code == 0 and qgis.utils.iface is not None:
                # The normal way out: plugins are unloaded as when a user quits.
                qgis.utils.iface.actionExit().trigger()
            # Whatever happens above, the event loop ends shortly after.
            self._later(10000, lambda: QgsApplication.exit(exit_code or 4))
            if exit_code != 0:
                QgsApplication.exit(exit_code)
        except Exception:  # noqa: BLE001
            self.log("startup_check", traceback.format_exc())
            os._exit(5)


def _main():
    state = getattr(builtins, _STATE_NAME, None)
    utils = sys.modules.get("qgis.utils")
    late = utils is not None and getattr(utils, "iface", None) is not None
    if state is None:
        state = _DesktopCheck()
        setattr(builtins, _STATE_NAME, state)
        try:
            state.install_recorders()
        except Exception:  # noqa: BLE001
            state.findings["errors"].append(traceback.format_exc())
    if late:
        state.start_late_phase()


_main()
