"""Processing algorithms run in the background (QGIS stays usable), with progress and cancel."""
from qgis.core import (
    QgsApplication,
    QgsProcessingAlgRunnerTask,
    QgsProcessingContext,
    QgsProcessingFeedback,
    QgsProject,
)
from qgis.PyQt.QtCore import QObject, pyqtSignal


def algorithm_available(algorithm_id):
    """Registered and able to run (not the stand-in of an algorithm whose packages are
    missing or too old)."""
    algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
    return algorithm is not None and algorithm.canExecute()[0]


class AlgorithmRun(QObject):
    """One run of a Processing algorithm as a QgsProcessingAlgRunnerTask.

    The task only points to the context and feedback: this object keeps them (and itself, in
    ``_ALIVE``) until the task manager has deleted the task, whoever drops it first.
    ``finished(ok, results, message)`` comes in the main thread; ``message`` is the error the
    algorithm reported, or "Cancelled".
    """

    progressChanged = pyqtSignal(float)  # noqa: N815 (Qt signal naming)
    finished = pyqtSignal(bool, dict, str)

    _ALIVE = set()

    def __init__(self, algorithm_id, parameters, description):
        super().__init__()
        algorithm = QgsApplication.processingRegistry().algorithmById(algorithm_id)
        if algorithm is None:
            raise LookupError(
                self.tr("The algorithm {id} is not available").format(id=algorithm_id))
        self.context = QgsProcessingContext()
        self.context.setProject(QgsProject.instance())
        self.feedback = QgsProcessingFeedback(False)
        self.feedback.progressChanged.connect(self.progressChanged)
        self.task = QgsProcessingAlgRunnerTask(algorithm, parameters, self.context,
                                               self.feedback)
        self.task.setDescription(description)
        self.task.executed.connect(self._on_executed)
        self.task.destroyed.connect(lambda: AlgorithmRun._ALIVE.discard(self))
        self.done = False

    def start(self):
        AlgorithmRun._ALIVE.add(self)
        QgsApplication.taskManager().addTask(self.task)

    def cancel(self):
        if not self.done:
            self.feedback.cancel()
            self.task.cancel()

    def _on_executed(self, successful, results):
        self.done = True
        if self.feedback.isCanceled():
            self.finished.emit(False, {}, self.tr("Cancelled"))
            return
        message = "" if successful else self._error_text()
        self.finished.emit(bool(successful and results), dict(results or {}), message)

    def _error_text(self):
        lines = [line for line in self.feedback.textLog().splitlines() if line.strip()]
        return lines[-1] if lines else self.tr("The algorithm failed (see the Processing log)")
