"""The CoordMap plugin class: what QGIS calls on load and unload."""
from qgis.core import Qgis, QgsApplication, QgsMessageLog
from qgis.PyQt.QtCore import QCoreApplication, QLocale, QTranslator
from qgis.PyQt.QtGui import QIcon
from qgis.PyQt.QtWidgets import QAction

from ..processing.algorithms.base import ui_language
from ..processing.metadata import PLUGIN_DIR, icon_path

MENU = "&CoordMap"


class CoordMapPlugin:
    def __init__(self, iface):  # noqa: QGS105 - QGIS hands it to classFactory; tests pass a stand-in
        self.iface = iface  # None under qgis_process
        self.provider = None
        self.translator = None
        self.toolbar = None
        self.dock = None
        self.actions = []
        self._install_translator()

    def tr(self, text):
        # self.tr inside the class: pylupdate5 files these under "CoordMapPlugin" too.
        return QCoreApplication.translate("CoordMapPlugin", text)

    # Processing -----------------------------------------------------------------------------

    def initProcessing(self):  # noqa: N802 (QGIS API name)
        if self.provider is not None:  # initGui calls it too; register once
            return
        from ..processing.provider import CoordMapProvider

        self.provider = CoordMapProvider()
        QgsApplication.processingRegistry().addProvider(self.provider)
        self._report_missing_dependencies()

    def _report_missing_dependencies(self):
        provider = self.provider
        if not provider.problems:
            return
        lines = [provider.summary()] + provider.install_advice()
        QgsMessageLog.logMessage("\n".join(lines), "CoordMap", Qgis.MessageLevel.Warning)
        if self.iface is not None:  # stays until closed: the command is to be copied
            self.iface.messageBar().pushMessage(
                "CoordMap", " ".join(lines), "\n".join(lines), Qgis.MessageLevel.Warning, 0)

    # GUI ------------------------------------------------------------------------------------

    def initGui(self):  # noqa: N802 (QGIS API name)
        self.initProcessing()
        from .dock import CoordMapDock

        self.dock = CoordMapDock(self.iface, self.iface.mainWindow())
        if self.translator is not None:  # the dock reads the way its language is written
            self.dock.setLayoutDirection(QLocale(ui_language()).textDirection())
        self.iface.addDockWidget(self.dock.default_area(), self.dock)
        self.dock.hide()

        self.toolbar = self.iface.addToolBar("CoordMap")
        self.toolbar.setObjectName("CoordMapToolbar")
        panel_action = self.dock.toggleViewAction()
        panel_action.setIcon(QIcon(icon_path()))
        panel_action.setText(self.tr("CoordMap panel"))
        self._add_action(panel_action)

        join_action = QAction(QIcon(icon_path()), self.tr("Join 4W to boundaries…"),
                              self.iface.mainWindow())
        join_action.triggered.connect(lambda: self.dock.open_algorithm("coordmap:join_4w"))
        self._add_action(join_action)

    def _add_action(self, action):
        self.iface.addPluginToMenu(MENU, action)
        self.toolbar.addAction(action)
        self.actions.append(action)

    def unload(self):
        for action in self.actions:
            self.iface.removePluginMenu(MENU, action)
        self.actions = []
        if self.toolbar is not None:
            self.toolbar.deleteLater()
            self.toolbar = None
        if self.dock is not None:
            self.dock.close_down()
            self.iface.removeDockWidget(self.dock)
            self.dock.deleteLater()
            self.dock = None
        if self.provider is not None:
            QgsApplication.processingRegistry().removeProvider(self.provider)
            self.provider = None
        if self.translator is not None:
            QCoreApplication.removeTranslator(self.translator)
            self.translator = None

    # Translation ----------------------------------------------------------------------------

    def _install_translator(self):
        # Before the provider exists, so every name it reads is already translated.
        qm_file = PLUGIN_DIR / "i18n" / f"coordmap_{ui_language()}.qm"
        if not qm_file.is_file():
            return
        translator = QTranslator()
        if translator.load(str(qm_file)):
            QCoreApplication.installTranslator(translator)
            self.translator = translator
