"""The CoordMap dock panel: sources, join in the background, clusters, periods, live summary.

The join runs once (in a QgsTask); its outputs are GeoPackages added as layers and read once
into frames. Every later change of clusters or periods only filters: a subset string on the
presence, gaps and overlap layers and a summary computed in pandas (analysis/selection.py).
"""
import os
import time

from qgis.core import (
    Qgis,
    QgsMapLayerProxyModel,
    QgsProject,
    QgsVectorLayer,
)
from qgis.gui import QgsCollapsibleGroupBox, QgsDockWidget, QgsFileWidget, QgsMapLayerComboBox
from qgis.PyQt.QtCore import QCoreApplication, Qt, QTimer, QUrl
from qgis.PyQt.QtGui import QColor, QDesktopServices, QIcon, QPixmap
from qgis.PyQt.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from .canvas_layers import (
    LAYER_STYLES,
    add_choice_layer,
    draw_choice,
    remove_layers,
    style_layer,
)
from .tasks import AlgorithmRun, algorithm_available
from .widgets import PeriodRangeWidget

SCOPE = "CoordMap"  # project entries
JOIN_ID = "coordmap:join_4w"
GAPS_ID = "coordmap:gaps_overlaps"
EXPORT_ID = "coordmap:export_maps"
# Files the panel keeps (project entries outputs/<key>): the join's, then the gaps step's.
OUTPUT_KEYS = ("presence", "rows", "report", "gaps", "overlap_units")
WHOLE_TABLE = 2  # "Presence per" index of the whole table (selection.PANEL_PERIOD_MODES)
NO_YEAR = 1999  # the year box's "not given" (its minimum)
MAP_LANGUAGES = ("en", "fr", "es", "ar")  # the map pack's, in the order of its LANGUAGE option


def cluster_colours():
    """code -> "#rrggbb" of the map pack's cluster styles (the user's own file included), so a
    cluster has the same colour in the panel as on the maps; empty when they cannot be read."""
    from ..processing.algorithms.map_layers import cluster_styles  # pandas: only once there is data

    try:
        styles = cluster_styles()
    except (OSError, ValueError, KeyError):
        return {}
    return {code: colour.name() for code, (colour, _icon) in styles.items() if code}


class CoordMapDock(QgsDockWidget):
    def __init__(self, iface=None, parent=None):  # noqa: QGS105 - the plugin hands it over
        super().__init__(QCoreApplication.translate("CoordMapDock", "CoordMap"), parent)
        self.setObjectName("CoordMapDock")
        self.iface = iface
        self.data = None  # SelectionData once outputs are loaded
        self.outputs = {}  # presence, rows, report, gaps, overlap_units -> file path
        self.layer_ids = {}  # presence, gaps, overlap_units -> id of the layer in the project
        self.run = None  # the AlgorithmRun under way
        self.last_update_seconds = None  # time of the last filter + summary update
        self._restoring = False
        self.colours = {}  # cluster code -> colour, read when outputs are loaded
        self.selection = None  # (layer id, {P-code: feature id}, base renderer): the choice
        # The map of the choice is drawn once the events waiting are handled: a drag of the
        # period range draws it once, not at every step.
        self.draw_timer = QTimer(self)
        self.draw_timer.setSingleShot(True)
        self.draw_timer.timeout.connect(self._draw_selection)
        self.period_note = ""  # what the last join says about periods, shown once loaded
        self._build()
        project = QgsProject.instance()
        project.readProject.connect(self.restore_from_project)
        project.cleared.connect(self.reset)
        self.reset()

    # Layout ---------------------------------------------------------------------------------

    def _build(self):
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        body = QWidget(scroll)
        layout = QVBoxLayout(body)
        self.empty_state = QLabel(body)
        self.empty_state.setWordWrap(True)
        layout.addWidget(self.empty_state)
        self.sources_box = self._build_sources(body)
        layout.addWidget(self.sources_box)
        self.status = QLabel(body)
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        self.clusters_box = self._build_clusters(body)
        layout.addWidget(self.clusters_box)
        self.periods_box = QGroupBox(self.tr("Periods"), body)
        self.period_range = PeriodRangeWidget(self.periods_box)
        self.period_range.rangeChanged.connect(self.apply_choice)
        QVBoxLayout(self.periods_box).addWidget(self.period_range)
        layout.addWidget(self.periods_box)
        self.summary_box = self._build_summary(body)
        layout.addWidget(self.summary_box)
        self.export_box = self._build_export(body)
        layout.addWidget(self.export_box)
        layout.addStretch(1)
        scroll.setWidget(body)
        self.setWidget(scroll)
        # Never narrower than its content: with no horizontal scroll bar, a narrower panel
        # would cut labels and buttons (translations are often longer than English).
        self.setMinimumWidth(body.minimumSizeHint().width() + 2 * scroll.frameWidth()
                             + scroll.verticalScrollBar().sizeHint().width())

    def _build_sources(self, parent):
        box = QgsCollapsibleGroupBox(self.tr("Sources"), parent)  # folded once the data is loaded
        form = QFormLayout(box)
        self.table_layer, self.table_file = self._layer_or_file(
            box, form, QgsMapLayerProxyModel.Filter.VectorLayer, self.tr("4W table layer"),
            self.tr("or 4W file"),
            self.tr("4W tables (*.xlsx *.xls *.ods *.csv *.txt);;All files (*)"))
        self.table_file.setToolTip(
            self.tr("A 4W file (XLSX, XLS, ODS, CSV); it wins over the layer"))
        self.admin_layer, self.admin_file = self._layer_or_file(
            box, form, QgsMapLayerProxyModel.Filter.PolygonLayer,
            self.tr("Admin boundaries layer"), self.tr("or boundaries file"),
            self.tr("Boundaries (*.gpkg *.geojson *.json *.shp);;All files (*)"))
        self.admin_level = QComboBox(box)
        self.admin_level.addItems([self.tr("Automatic"), "1", "2", "3", "4"])
        form.addRow(self.tr("Admin level"), self.admin_level)
        self.period_mode = QComboBox(box)
        self.period_mode.addItems([self.tr("Month"), self.tr("Quarter"), self.tr("Whole table")])
        form.addRow(self.tr("Presence per"), self.period_mode)
        self.default_year = QSpinBox(box)
        self.default_year.setRange(NO_YEAR, 2100)
        self.default_year.setSpecialValueText(self.tr("not given"))
        self.default_year.setValue(NO_YEAR)
        self.default_year.setToolTip(self.tr(
            "The year of month names written without one (\"January\", \"Feb\"): without it, "
            "such rows have no usable month"))
        form.addRow(self.tr("Year of months without a year"), self.default_year)
        self.needs_file = QgsFileWidget(box)
        self.needs_file.setFilter(
            self.tr("Needs tables (*.csv *.xlsx *.ods *.gpkg);;All files (*)"))
        self.needs_file.setToolTip(
            self.tr("Optional: people in need per unit and cluster, for gaps"))
        form.addRow(self.tr("Needs (optional)"), self.needs_file)
        buttons = QHBoxLayout()
        self.run_button = QPushButton(self.tr("Run join"), box)
        self.run_button.setToolTip(self.tr("Join the 4W table to the boundaries in the background"))
        self.run_button.clicked.connect(self.run_join)
        self.cancel_button = QPushButton(self.tr("Cancel"), box)
        self.cancel_button.clicked.connect(self.cancel)
        self.dialog_button = QPushButton(self.tr("Join 4W to boundaries (all options)…"), box)
        self.dialog_button.clicked.connect(lambda: self.open_algorithm(JOIN_ID))
        buttons.addWidget(self.run_button)
        buttons.addWidget(self.cancel_button)
        form.addRow(buttons)
        self.progress = QProgressBar(box)
        self.progress.setRange(0, 100)
        form.addRow(self.progress)
        form.addRow(self.dialog_button)
        return box

    @staticmethod
    def _layer_or_file(box, form, layer_filter, layer_label, file_label, file_filter):
        """A source given as a loaded layer (none chosen at first) or as a file: two rows."""
        layer = QgsMapLayerComboBox(box)
        layer.setFilters(layer_filter)
        layer.setAllowEmptyLayer(True)
        layer.setLayer(None)
        file_widget = QgsFileWidget(box)
        file_widget.setFilter(file_filter)
        form.addRow(layer_label, layer)
        form.addRow(file_label, file_widget)
        return layer, file_widget

    def _build_clusters(self, parent):
        box = QGroupBox(self.tr("Clusters"), parent)
        layout = QVBoxLayout(box)
        self.cluster_list = QListWidget(box)
        self.cluster_list.setMinimumHeight(self.cluster_list.sizeHintForRow(0) * 8 + 40)
        self.cluster_list.setToolTip(self.tr("Tick the clusters to map; the number is the partners "
                                        "in the chosen periods"))
        self.cluster_list.itemChanged.connect(self.apply_choice)
        layout.addWidget(self.cluster_list)
        buttons = QHBoxLayout()
        self.all_button = QPushButton(self.tr("All"), box)
        self.all_button.clicked.connect(lambda: self.check_clusters(self.data.clusters))
        self.none_button = QPushButton(self.tr("None"), box)
        self.none_button.clicked.connect(lambda: self.check_clusters([]))
        buttons.addWidget(self.all_button)
        buttons.addWidget(self.none_button)
        layout.addLayout(buttons)
        return box

    def _build_summary(self, parent):
        box = QGroupBox(self.tr("Summary"), parent)
        form = QFormLayout(box)
        rows = (
            ("partners", self.tr("Partners"),
             self.tr("Distinct organisations working in the chosen clusters and periods, anywhere "
                "(each counted once, not once per unit)")),
            ("activities", self.tr("Activities"),
             self.tr("Organisation-activity pairs, counted once per unit, cluster and period")),
            ("units_covered", self.tr("Units covered"),
             self.tr("Admin units with at least one partner in the chosen clusters and periods")),
            ("units_with_gap", self.tr("Units with a gap"),
             self.tr("Admin units with a need and no partner, or too few partners for the need "
                "(needs the gaps analysis: pick a needs table)")),
            ("unmatched_rows", self.tr("Unmatched rows"),
             self.tr("Rows of the chosen clusters and periods that could not be placed on an admin "
                "unit (and, in brackets, in the whole table); the QA report lists them")),
        )
        self.summary_labels = {}
        for key, title, tooltip in rows:
            name = QLabel(title, box)
            value = QLabel(box)
            value.setObjectName(f"summary_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            for label in (name, value):
                label.setToolTip(tooltip)
            form.addRow(name, value)
            self.summary_labels[key] = value
        self.report_link = QLabel(box)
        self.report_link.linkActivated.connect(
            lambda link: QDesktopServices.openUrl(QUrl(link)))
        form.addRow(self.report_link)
        self.choice_note = QLabel(box)
        self.choice_note.setWordWrap(True)
        form.addRow(self.choice_note)
        return box

    def _build_export(self, parent):
        box = QGroupBox(self.tr("Map pack"), parent)
        form = QFormLayout(box)
        self.export_folder = QgsFileWidget(box)
        self.export_folder.setStorageMode(QgsFileWidget.StorageMode.GetDirectory)
        self.export_folder.lineEdit().setPlaceholderText(
            self.tr("Default: coordmap_map_pack next to the project, or in your home folder"))
        form.addRow(self.tr("Folder"), self.export_folder)
        self.map_language = QComboBox(box)
        self.map_language.addItems(["English", "Français", "Español", "العربية"])
        from ..processing.algorithms.base import ui_language

        language = ui_language()
        self.map_language.setCurrentIndex(
            MAP_LANGUAGES.index(language) if language in MAP_LANGUAGES else 0)
        form.addRow(self.tr("Map language"), self.map_language)
        self.map_template = QComboBox(box)
        self.map_template.addItems([self.tr("A4 landscape"), self.tr("A4 portrait"),
                                    self.tr("A3 landscape")])
        form.addRow(self.tr("Template"), self.map_template)
        self.map_title = QLineEdit(box)
        self.map_title.setPlaceholderText(self.tr("Default: country – cluster: operational "
                                                  "presence"))
        form.addRow(self.tr("Title"), self.map_title)
        self.map_sources = QLineEdit(box)
        self.map_sources.setPlaceholderText(self.tr("Default: partners' 4W reports and the "
                                                    "boundaries"))
        form.addRow(self.tr("Sources"), self.map_sources)
        self.map_producer = QLineEdit(box)
        self.map_producer.setPlaceholderText(self.tr("e.g. OCHA IM unit, im@example.org"))
        form.addRow(self.tr("Producer"), self.map_producer)
        self.one_map = QCheckBox(self.tr("One map of the chosen periods"), box)
        self.one_map.setToolTip(self.tr(
            "Distinct partners over the whole range, as the map in the panel; unticked: one "
            "map per period"))
        self.one_map.setChecked(True)
        form.addRow(self.one_map)
        self.same_classes = QCheckBox(self.tr("Same classes on every map"), box)
        self.same_classes.setToolTip(self.tr("To compare clusters side by side"))
        form.addRow(self.same_classes)
        self.export_button = QPushButton(self.tr("Export map pack"), box)
        self.export_button.clicked.connect(self.export_maps)
        form.addRow(self.export_button)
        return box

    @staticmethod
    def default_area():
        return Qt.DockWidgetArea.RightDockWidgetArea

    def open_algorithm(self, algorithm_id):
        """The algorithm's dialog; the join's opens on the panel's table, boundaries, level,
        period and year (else the dialog would offer whatever layer comes first, such as the
        presence of the last run, as both the table and the boundaries)."""
        from qgis import processing

        processing.execAlgorithmDialog(algorithm_id, self.join_dialog_values()
                                       if algorithm_id == JOIN_ID else {})

    def join_dialog_values(self):
        values = {"ADMIN_LEVEL": self.admin_level.currentIndex()}
        if self.table_source():
            values["INPUT"] = self.table_source()
        if self.admin_source():
            values["ADMIN"] = self.admin_source()
        from ..processing.analysis.selection import join_period

        values["PERIOD"] = join_period(self.period_mode.currentIndex())
        if self.default_year.value() != NO_YEAR:
            values["DEFAULT_YEAR"] = self.default_year.value()
        return values

    # States ---------------------------------------------------------------------------------

    def reset(self):
        """Back to "nothing loaded" (new project, or before the first join)."""
        self.draw_timer.stop()
        self.data = None
        self.outputs = {}
        self.layer_ids = {}
        self.cluster_list.clear()
        self.period_range.set_periods([])
        self.empty_state.setText(self.tr(
            "Load a 4W table to start: pick the partners' 4W table and the admin boundaries, "
            "then Run join."))
        self.empty_state.show()
        self.sources_box.setCollapsed(False)
        self.status.clear()
        self.report_link.clear()
        self.choice_note.clear()
        for label in self.summary_labels.values():
            label.setText("–")
        self._show_running(False)

    def _show_running(self, running):
        self.run_button.setEnabled(not running)
        self.cancel_button.setVisible(running)
        self.progress.setVisible(running)
        self.progress.setValue(0)
        loaded = self.data is not None
        for box in (self.clusters_box, self.periods_box, self.summary_box):
            box.setEnabled(loaded)
        self._update_export_button(running)

    def _update_export_button(self, running=False):
        if not algorithm_available(EXPORT_ID):
            self.export_button.setEnabled(False)
            self.export_button.setToolTip(self.tr("The map pack export is not available in this "
                                             "installation (algorithm {id})").format(id=EXPORT_ID))
            return
        chosen = self.data is not None and bool(self.chosen_clusters())
        self.export_button.setEnabled(chosen and not running)
        self.export_button.setToolTip(
            self.tr("Export the maps of the chosen clusters and periods in the background")
            if chosen else self.tr("Tick at least one cluster to export its maps"))

    def _say(self, text, level=Qgis.MessageLevel.Info):
        self.status.setText(text)
        if self.iface is not None and level != Qgis.MessageLevel.Info:
            self.iface.messageBar().pushMessage(self.tr("CoordMap"), text, level)

    # Running the join (and the gaps) ----------------------------------------------------------

    def table_source(self):
        path = self.table_file.filePath()
        if path:
            return path
        layer = self.table_layer.currentLayer()
        return layer.id() if layer is not None else ""

    def admin_source(self):
        path = self.admin_file.filePath()
        if path:
            return path
        layer = self.admin_layer.currentLayer()
        if layer is None:
            return ""
        # a file is read in the task's thread; only a non-file layer goes by its id
        return layer.source() if layer.providerType() == "ogr" else layer.id()

    def run_join(self):
        self.period_note = ""  # (a join that switched to the whole table sets it again)
        table, admin = self.table_source(), self.admin_source()
        if not table or not admin:
            self._say(self.tr("Choose a 4W table and admin boundaries first."))
            return
        from ..processing.analysis.selection import join_parameters, new_run_folder

        folder = new_run_folder(QgsProject.instance().homePath())
        year = self.default_year.value()
        parameters = join_parameters(table, admin, self.admin_level.currentIndex(),
                                     self.period_mode.currentIndex(), folder,
                                     None if year == NO_YEAR else year)
        self._start(JOIN_ID, parameters, self.tr("CoordMap: join 4W table"),
                    lambda results: self._on_join_done(results, folder), self._on_join_failed)
        self._say(self.tr("Joining the 4W table to the boundaries…"))

    def _start(self, algorithm_id, parameters, description, on_success, on_failure=None):
        self.run = AlgorithmRun(algorithm_id, parameters, description)
        self.run.progressChanged.connect(lambda value: self.progress.setValue(int(value)))
        self.run.finished.connect(lambda ok, results, message: self._on_finished(
            ok, results, message, on_success, on_failure))
        self._show_running(True)
        self.run.start()

    def cancel(self):
        if self.run is not None:
            self.run.cancel()

    def is_running(self):
        return self.run is not None

    def _on_finished(self, ok, results, message, on_success, on_failure):
        self.run = None
        self._show_running(False)
        if ok:
            on_success(results)
            return
        self._say(self.tr("Stopped: {message}").format(message=message), Qgis.MessageLevel.Warning)
        if on_failure is not None:
            on_failure(message)

    def _on_join_failed(self, message):
        """A table without dates, or with month names without a year, stops a join per month:
        the whole table still makes a map; say why and how to get one per month."""
        from ..processing.analysis.selection import asks_for_whole_table

        if not asks_for_whole_table(message) or self.period_mode.currentIndex() == WHOLE_TABLE:
            return
        self.period_mode.setCurrentIndex(WHOLE_TABLE)
        self.run_join()
        self.period_note = self.tr(
            "No row has a usable month (no date column, or month names without a year): "
            "the map shows the whole table. To map month by month, give the year in "
            "\"Year of months without a year\", choose Presence per Month and run the join "
            "again.")

    def _on_join_done(self, results, folder):
        from ..processing.analysis.selection import (
            gaps_outputs,
            gaps_parameters,
            join_outputs,
            period_outcome,
        )

        outputs = join_outputs(results)
        try:
            placed, no_period = period_outcome(outputs["rows"])
        except (OSError, ValueError):
            placed, no_period = 1, 0  # (an older rows output: the load says what it can)
        if no_period:
            self.period_note = self.tr(
                "{count} rows have no usable period and are not on the map: give the year of "
                "month names without one in \"Year of months without a year\", or choose "
                "Presence per Whole table, and run the join again.").format(count=no_period)
        if not algorithm_available(GAPS_ID) or not placed:
            self.load_outputs(outputs)
            return
        parameters = gaps_parameters(outputs, self.admin_source(), self.admin_level.currentIndex(),
                                     self.needs_file.filePath(), folder)
        self._say(self.tr("Computing gaps and overlaps…"))
        self._start(GAPS_ID, parameters, self.tr("CoordMap: gaps and overlaps"),
                    lambda gap_results: self.load_outputs(gaps_outputs(outputs, gap_results)),
                    on_failure=lambda message: self._load_without_gaps(outputs, message))

    def _load_without_gaps(self, outputs, message):
        """The presence is good even when the gaps step failed or was cancelled: show it."""
        self.load_outputs(outputs)
        self._say(" ".join((self.status.text(), self.tr(
            "Gaps and overlaps were not computed: {message}").format(message=message))),
            Qgis.MessageLevel.Warning)

    # Loading the outputs ------------------------------------------------------------------------

    def load_outputs(self, outputs, layer_ids=None, choice=None):
        """Layers into the project (or the project's own, when restoring), frames into memory,
        lists filled; then the choice (all clusters, all periods by default) is applied."""
        # pandas: imported when there is data
        from ..processing.analysis.selection import SelectionData, index_choice_columns

        try:
            self.data = SelectionData.read(outputs)
        except (OSError, ValueError) as error:
            self._say(self.tr("Cannot read the join outputs: {error}").format(error=error),
                      Qgis.MessageLevel.Warning)
            return
        self.colours = cluster_colours()
        for key in LAYER_STYLES:
            if outputs.get(key):
                index_choice_columns(outputs[key])
        self._remove_layers()
        self.outputs = outputs
        self.layer_ids = self._add_layers(outputs, layer_ids or {})
        self._add_selection_layer()
        self.empty_state.hide()
        self.sources_box.setCollapsed(True)  # room for the clusters, periods and numbers
        self._fill_lists()
        self._show_running(False)
        self._show_report_link()
        if choice is not None:
            self.check_clusters(choice["clusters"], apply=False)
            self.period_range.set_bounds(choice["first"], choice["last"])
        self.apply_choice()
        self._save_sources()
        note, self.period_note = self.period_note, ""
        if not self.data.clusters:
            self._say(" ".join(part for part in (note or self.tr(
                "No row of the 4W table could be placed on an admin unit: open the QA report "
                "to see why for each row, fix the P-codes or names, and run the join again."),)
                if part), Qgis.MessageLevel.Warning)
            return
        found = self.tr("{clusters} and {periods}.").format(
            clusters=self._counted(len(self.data.clusters), self.tr("1 cluster"),
                                   self.tr("{n} clusters")),
            periods=self._counted(len(self.data.periods), self.tr("1 period"),
                                  self.tr("{n} periods")))
        self._say(" ".join(part for part in (found, self.tr(
            "Tick clusters and move the period range: the map and the numbers follow."), note)
            if part), Qgis.MessageLevel.Warning if note else Qgis.MessageLevel.Info)

    @staticmethod
    def _counted(count, one, many):
        """"1 period" or "3 periods" (the two forms given translated)."""
        return one if count == 1 else many.format(n=count)

    def _add_layers(self, outputs, known_ids):
        project = QgsProject.instance()
        names = {"presence": self.tr("Partner presence"), "gaps": self.tr("Gaps"),
                 "overlap_units": self.tr("Overlapping partners")}
        layer_ids = {}
        # each layer goes on top of the previous: the overlap hatching ends on top
        for key in ("presence", "gaps", "overlap_units"):
            if not outputs.get(key):
                continue
            layer = project.mapLayer(known_ids.get(key, ""))
            if layer is None:
                layer = QgsVectorLayer(outputs[key], names[key], "ogr")
                if not layer.isValid():
                    self._say(self.tr("Cannot open {path}").format(path=outputs[key]),
                              Qgis.MessageLevel.Warning)
                    continue
                style_layer(layer, key)
                project.addMapLayer(layer)
            layer_ids[key] = layer.id()
        return layer_ids

    def _remove_layers(self):
        remove_layers(self.layer_ids.values())
        self.layer_ids = {}
        self.selection = None

    def _add_selection_layer(self):
        presence = self.layers().get("presence")
        if presence is not None:
            self.selection = add_choice_layer(presence, self.outputs["presence"], self.tr(
                "Partners (chosen clusters and periods)"))

    def _draw_selection(self):
        """The choice's partners per unit on the canvas: values, classes and colour."""
        layer = QgsProject.instance().mapLayer(self.selection[0]) if self.selection else None
        if layer is None or self.data is None:
            return
        clusters, periods = self.chosen_clusters(), self.period_range.chosen_periods()
        from ..processing.algorithms.base import ui_language
        from ..processing.analysis.mappack import marginalia_texts
        from ..processing.analysis.selection import selection_values

        values = selection_values(self.data, clusters, periods) if clusters else {}
        language = ui_language() if ui_language() in MAP_LANGUAGES else "en"
        colour = QColor(self.colours.get(clusters[0], "#4292c6")) if len(clusters) == 1 \
            else QColor("#4292c6")
        draw_choice(layer, self.selection, values, colour, marginalia_texts(language))
        if self.iface is not None:
            self.iface.layerTreeView().refreshLayerSymbology(layer.id())

    def layers(self):
        """The panel's layers still in the project, by output key."""
        project = QgsProject.instance()
        found = {key: project.mapLayer(layer_id) for key, layer_id in self.layer_ids.items()}
        return {key: layer for key, layer in found.items() if layer is not None}

    def _fill_lists(self):
        self.cluster_list.blockSignals(True)
        self.cluster_list.clear()
        for code in self.data.clusters:
            item = QListWidgetItem(self.cluster_list)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
        self.cluster_list.blockSignals(False)
        self.period_range.set_periods(self.data.periods)
        for button in (self.all_button, self.none_button):
            button.setEnabled(bool(self.data.clusters))

    def _show_report_link(self):
        report = self.outputs.get("report")
        if report and os.path.isfile(report):
            self.report_link.setText('<a href="{url}">{text}</a>'.format(
                url=QUrl.fromLocalFile(report).toString(), text=self.tr("Open the QA report")))
        else:
            self.report_link.clear()

    # The choice -------------------------------------------------------------------------------

    def cluster_items(self):
        return [self.cluster_list.item(i) for i in range(self.cluster_list.count())]

    def chosen_clusters(self):
        return [item.data(Qt.ItemDataRole.UserRole) for item in self.cluster_items()
                if item.checkState() == Qt.CheckState.Checked]

    def check_clusters(self, codes, apply=True):
        wanted = set(codes)
        self.cluster_list.blockSignals(True)
        for item in self.cluster_items():
            code = item.data(Qt.ItemDataRole.UserRole)
            item.setCheckState(Qt.CheckState.Checked if code in wanted
                               else Qt.CheckState.Unchecked)
        self.cluster_list.blockSignals(False)
        ticked = [item for item in self.cluster_items() if item.checkState() ==
                  Qt.CheckState.Checked]
        if ticked:
            self.cluster_list.scrollToItem(ticked[0])
        if apply:
            self.apply_choice()

    def apply_choice(self):
        """Filter the layers and update the numbers for the ticked clusters and the periods."""
        if self.data is None:
            return
        from ..processing.analysis.selection import cluster_entries, filter_expression, summarise

        started = time.perf_counter()
        clusters, periods = self.chosen_clusters(), self.period_range.chosen_periods()
        expression = filter_expression(clusters, periods, self.data.clusters, self.data.periods)
        for layer in self.layers().values():
            if layer.subsetString() != expression:
                layer.setSubsetString(expression)
        self._show_summary(summarise(self.data, clusters, periods))
        self._show_cluster_entries(cluster_entries(self.data, periods, self.colours))
        self.last_update_seconds = time.perf_counter() - started
        self.draw_timer.start(0)
        self.choice_note.setText(self._choice_text(clusters, periods))
        self._update_export_button(self.is_running())
        self._save_choice()

    def _choice_text(self, clusters, periods):
        if not self.data.clusters:
            return ""
        if not clusters:
            return self.tr("No cluster ticked: tick at least one to see the map.")
        dated = [period for period in periods if period and period != "all"]
        if not dated:
            return self.tr("The whole table (the 4W gives no period)")
        if len(dated) == 1:
            return self.tr("Period: {period}").format(period=dated[0])
        return self.tr("Periods: {first} to {last}").format(first=dated[0], last=dated[-1])

    def _show_summary(self, summary):
        labels = self.summary_labels
        labels["partners"].setText(self._withheld_text(summary.partners, summary.withheld))
        labels["activities"].setText(self._withheld_text(summary.activities, summary.withheld))
        labels["units_covered"].setText(str(summary.units_covered))
        labels["units_with_gap"].setText(
            self.tr("not computed") if summary.units_with_gap is None
            else str(summary.units_with_gap))
        labels["unmatched_rows"].setText(self.tr("{chosen} ({total} in the whole table)").format(
            chosen=summary.unmatched_rows, total=summary.unmatched_total))

    def _withheld_text(self, count, withheld):
        """A summary number; with protected clusters chosen, their part is said withheld."""
        if not withheld:
            return str(count)
        if not count:
            return self.tr("withheld (protected data)")
        return self.tr("{count} + withheld (protected data)").format(count=count)

    def _show_cluster_entries(self, entries):
        self.cluster_list.blockSignals(True)
        for item, entry in zip(self.cluster_items(), entries):
            partners = self.tr("withheld") if entry.partners is None else entry.partners
            item.setText(self.tr("{code} – {name} ({partners})").format(
                code=entry.code, name=entry.name, partners=partners))
            item.setToolTip(self.tr(
                "Protected data: partner names and numbers below the threshold are not shown")
                if entry.partners is None else self.tr(
                    "{partners} partners in the chosen periods").format(partners=partners))
            if item.data(Qt.ItemDataRole.DecorationRole) is None:
                chip = QPixmap(12, 12)
                chip.fill(QColor(entry.colour))
                item.setIcon(QIcon(chip))
        self.cluster_list.blockSignals(False)

    # Project persistence ----------------------------------------------------------------------

    def _save_sources(self):
        if self._restoring:
            return
        project = QgsProject.instance()
        for key in OUTPUT_KEYS:
            project.writeEntry(SCOPE, f"outputs/{key}", self.outputs.get(key) or "")
        for key in LAYER_STYLES:
            project.writeEntry(SCOPE, f"layers/{key}", self.layer_ids.get(key, ""))
        project.writeEntry(SCOPE, "sources/table", self.table_source())
        project.writeEntry(SCOPE, "sources/admin", self.admin_source())
        project.writeEntry(SCOPE, "sources/needs", self.needs_file.filePath())
        project.writeEntry(SCOPE, "sources/admin_level", self.admin_level.currentIndex())
        project.writeEntry(SCOPE, "sources/period_mode", self.period_mode.currentIndex())
        project.writeEntry(SCOPE, "sources/default_year", self.default_year.value())

    def _save_choice(self):
        if self._restoring:
            return
        project = QgsProject.instance()
        first, last = self.period_range.chosen_bounds()
        project.writeEntry(SCOPE, "choice/clusters", self.chosen_clusters())
        project.writeEntry(SCOPE, "choice/first_period", first)
        project.writeEntry(SCOPE, "choice/last_period", last)
        project.writeEntry(SCOPE, "choice/export_folder", self.export_folder.filePath())

    def restore_from_project(self):
        """The panel as it was saved with the project: sources, layers, clusters, periods."""
        project = QgsProject.instance()

        def text(key):
            return project.readEntry(SCOPE, key, "")[0]

        self.reset()
        self._restoring = True
        try:
            self.admin_level.setCurrentIndex(project.readNumEntry(SCOPE, "sources/admin_level",
                                                                  0)[0])
            self.period_mode.setCurrentIndex(project.readNumEntry(SCOPE, "sources/period_mode",
                                                                  0)[0])
            self.default_year.setValue(project.readNumEntry(SCOPE, "sources/default_year",
                                                            NO_YEAR)[0])
            self._restore_source(text("sources/table"), self.table_layer, self.table_file)
            self._restore_source(text("sources/admin"), self.admin_layer, self.admin_file)
            self.needs_file.setFilePath(text("sources/needs"))
            self.export_folder.setFilePath(text("choice/export_folder"))
            outputs = {key: text(f"outputs/{key}") for key in OUTPUT_KEYS}
            if not (os.path.isfile(outputs["presence"]) and os.path.isfile(outputs["rows"])):
                return
            clusters, found = project.readListEntry(SCOPE, "choice/clusters")
            choice = {"clusters": clusters, "first": text("choice/first_period"),
                      "last": text("choice/last_period")} if found else None
            layer_ids = {key: text(f"layers/{key}") for key in LAYER_STYLES}
            self.load_outputs({k: v for k, v in outputs.items() if v}, layer_ids, choice)
        finally:
            self._restoring = False
        project.setDirty(False)

    @staticmethod
    def _restore_source(value, layer_combo, file_widget):
        layer = QgsProject.instance().mapLayer(value) if value else None
        if layer is not None:
            layer_combo.setLayer(layer)
        else:
            file_widget.setFilePath(value)

    # Export -----------------------------------------------------------------------------------

    def export_maps(self):
        if self.data is None or not algorithm_available(EXPORT_ID):
            return
        from ..processing.analysis.selection import export_parameters

        # (the algorithm makes the folder, or says why it cannot)
        folder = self.export_folder.filePath() or self._default_export_folder()
        admin = self.admin_source()
        outputs = dict(self.outputs, admin=admin if os.path.isfile(admin.split("|")[0]) else "")
        periods = self.period_range.chosen_periods()
        parameters = export_parameters(outputs, self.chosen_clusters(), periods, folder, {
            "LANGUAGE": self.map_language.currentIndex(),
            "TEMPLATE": self.map_template.currentIndex(),
            "TITLE": self.map_title.text().strip(), "SOURCE": self.map_sources.text().strip(),
            "PRODUCER": self.map_producer.text().strip(),
            "COMBINE_PERIODS": self.one_map.isChecked() and len(periods) > 1,
            "COMPARABLE": self.same_classes.isChecked()})
        self._save_choice()
        self._say(self.tr("Exporting the map pack to {folder}…").format(folder=folder))
        self._start(EXPORT_ID, parameters, self.tr("CoordMap: export map pack"),
                    lambda results: self._say(self.tr("Map pack written to {folder}").format(
                        folder=results.get("OUTPUT_FOLDER", folder)), Qgis.MessageLevel.Success))

    @staticmethod
    def _default_export_folder():
        home = QgsProject.instance().homePath() or os.path.expanduser("~")
        return os.path.join(home, "coordmap_map_pack")

    # Unload -------------------------------------------------------------------------------------

    def close_down(self):
        """Disconnect from the project and stop a run (the plugin is unloading)."""
        project = QgsProject.instance()
        project.readProject.disconnect(self.restore_from_project)
        project.cleared.disconnect(self.reset)
        self.draw_timer.stop()
        if self.run is not None:
            self.run.finished.disconnect()
            self.run.progressChanged.disconnect()
            self.run.cancel()
            self.run = None
