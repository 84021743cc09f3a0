"""Progress and cancellation, without depending on QGIS (the glue adapts QgsProcessingFeedback)."""
from typing import Callable, Optional


class Cancelled(Exception):
    """The user cancelled: stop without writing anything."""


class Progress:
    def __init__(self, on_progress: Optional[Callable[[float], None]] = None,
                 is_cancelled: Optional[Callable[[], bool]] = None,
                 on_info: Optional[Callable[[str], None]] = None):
        self._on_progress = on_progress
        self._is_cancelled = is_cancelled
        self._on_info = on_info

    def step(self, percent: float, info: Optional[str] = None):
        """Report progress (0-100) and stop here if the user cancelled."""
        if self._is_cancelled is not None and self._is_cancelled():
            raise Cancelled()
        if self._on_progress is not None:
            self._on_progress(percent)
        if info:
            self.info(info)

    def info(self, message: str):
        if self._on_info is not None:
            self._on_info(message)

    def within(self, start: float, end: float) -> "Progress":
        """The progress of one stage: its 0-100 is ``start``-``end`` of this one (and cancelling
        this one cancels it)."""
        return Progress(lambda percent: self.step(start + (end - start) * percent / 100),
                        None, self.info)


SILENT = Progress()
