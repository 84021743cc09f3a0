"""Small widgets of the CoordMap panel."""
from qgis.gui import QgsRangeSlider
from qgis.PyQt.QtCore import Qt, pyqtSignal
from qgis.PyQt.QtWidgets import QComboBox, QGridLayout, QLabel, QPushButton, QWidget


class PeriodRangeWidget(QWidget):
    """A range of periods (months, quarters or spans, in time order): a two-handle slider for
    the mouse and From/To lists for the keyboard, kept in step, plus "Latest period"."""

    rangeChanged = pyqtSignal()  # noqa: N815 (Qt signal naming)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.periods = []
        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.slider = QgsRangeSlider(Qt.Orientation.Horizontal, self)
        self.slider.setToolTip(self.tr("Drag either end to choose the first and last period"))
        self.slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # the lists below take the keys
        self.first_combo = QComboBox(self)
        self.last_combo = QComboBox(self)
        self.latest_button = QPushButton(self.tr("Latest period"), self)
        self.latest_button.setToolTip(self.tr("Show only the most recent period in the data"))
        from_label = QLabel(self.tr("&From"), self)
        from_label.setBuddy(self.first_combo)
        to_label = QLabel(self.tr("&To"), self)
        to_label.setBuddy(self.last_combo)
        layout.addWidget(self.slider, 0, 0, 1, 5)
        layout.addWidget(from_label, 1, 0)
        layout.addWidget(self.first_combo, 1, 1)
        layout.addWidget(to_label, 1, 2)
        layout.addWidget(self.last_combo, 1, 3)
        layout.addWidget(self.latest_button, 1, 4)
        self.slider.rangeChanged.connect(self._from_slider)
        self.first_combo.currentIndexChanged.connect(self._from_combos)
        self.last_combo.currentIndexChanged.connect(self._from_combos)
        self.latest_button.clicked.connect(self.select_latest)
        self._syncing = False
        self.set_periods([])

    def set_periods(self, periods):
        """New list of periods (time order); the whole range is chosen."""
        self._syncing = True
        self.periods = list(periods)
        for combo in (self.first_combo, self.last_combo):
            combo.clear()
            combo.addItems(self.periods)
        last = max(len(self.periods) - 1, 0)
        self.slider.setRangeLimits(0, last)
        self.slider.setRange(0, last)
        self.first_combo.setCurrentIndex(0 if self.periods else -1)
        self.last_combo.setCurrentIndex(last if self.periods else -1)
        self.setEnabled(len(self.periods) > 1)
        self._syncing = False

    def chosen_periods(self):
        if not self.periods:
            return []
        return self.periods[self.slider.lowerValue():self.slider.upperValue() + 1]

    def chosen_bounds(self):
        chosen = self.chosen_periods()
        return (chosen[0], chosen[-1]) if chosen else ("", "")

    def set_bounds(self, first, last):
        """Choose from ``first`` to ``last`` (periods no longer in the data are ignored)."""
        if first in self.periods and last in self.periods:
            low, high = sorted((self.periods.index(first), self.periods.index(last)))
            self._set_range(low, high)

    def select_latest(self):
        if self.periods:
            self._set_range(len(self.periods) - 1, len(self.periods) - 1)

    def _set_range(self, low, high):
        if (low, high) != (self.slider.lowerValue(), self.slider.upperValue()):
            self.slider.setRange(low, high)  # -> _from_slider -> rangeChanged

    def _from_slider(self, low, high):
        if self._syncing:
            return
        self._show_in_combos(low, high)
        self.rangeChanged.emit()

    def _show_in_combos(self, low, high):
        self._syncing = True
        self.first_combo.setCurrentIndex(low)
        self.last_combo.setCurrentIndex(high)
        self._syncing = False

    def _from_combos(self):
        if self._syncing:
            return
        low, high = self.first_combo.currentIndex(), self.last_combo.currentIndex()
        if high < low:  # moving one end past the other takes the other along
            if self.sender() is self.first_combo:
                high = low
            else:
                low = high
        self._show_in_combos(low, high)
        self._set_range(low, high)
