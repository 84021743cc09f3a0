"""The CoordMap dock panel (minimal for now: empty state and a way into the join)."""
from qgis.gui import QgsDockWidget
from qgis.PyQt.QtCore import QCoreApplication, Qt
from qgis.PyQt.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget


def tr(text):
    return QCoreApplication.translate("CoordMapDock", text)


class CoordMapDock(QgsDockWidget):
    def __init__(self, parent=None):
        super().__init__(tr("CoordMap"), parent)
        self.setObjectName("CoordMapDock")
        body = QWidget(self)
        layout = QVBoxLayout(body)
        self.empty_state = QLabel(tr("Load a 4W table to start: run the join on your partners' "
                                     "table and the admin boundaries."), body)
        self.empty_state.setWordWrap(True)
        layout.addWidget(self.empty_state)
        self.join_button = QPushButton(tr("Join 4W to boundaries…"), body)
        self.join_button.clicked.connect(lambda: self.open_algorithm("coordmap:join_4w"))
        layout.addWidget(self.join_button)
        layout.addStretch(1)
        self.setWidget(body)

    @staticmethod
    def default_area():
        return Qt.DockWidgetArea.RightDockWidgetArea

    @staticmethod
    def open_algorithm(algorithm_id):
        from qgis import processing

        processing.execAlgorithmDialog(algorithm_id)
