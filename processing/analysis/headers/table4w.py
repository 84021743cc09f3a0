"""Table4W: a 4W table's data rows, with its header rows, skipped rows and column roles."""
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Set, Tuple

import numpy as np
import pandas as pd

from ..coded import CodedColumn
from ..table.raw import FromFile, cells_of

SOURCE_ROW = "source_row"
ROLE_KEYS = (
    "org", "org_acronym", "org_type", "lead_org", "donor", "cluster", "subsector", "activity",
    "adm1_code", "adm1_name", "adm2_code", "adm2_name", "adm3_code", "adm3_name", "adm4_code",
    "adm4_name", "location", "lat", "lon", "month", "year", "quarter", "start_date", "end_date",
    "status", "modality", "targeted", "reached",
)


@dataclass(eq=False)
class Table4W(FromFile):
    columns: List[str]  # unique labels
    hxl: List[Optional[str]]  # normalised hashtag per column or None
    source_rows: np.ndarray  # file row number of each data row (int64)
    header_rows: List[int]  # file row numbers used as header (and the HXL row)
    skipped: List[Tuple[int, str]]  # (file row number, reason)
    roles: Dict[str, str]  # role -> column label
    role_sources: Dict[str, str]  # role -> "hxl" | "header" | "mapping"
    notes: List[str] = field(default_factory=list)
    titles: List[str] = field(default_factory=list)  # texts of the title rows above the header
    # label -> its cells as codes: see ``coded``; the reader's own when it has them
    _coded: Dict[str, CodedColumn] = field(default_factory=dict, repr=False)
    _data: Optional[pd.DataFrame] = field(default=None, repr=False)  # see ``data``
    # label -> the admin roles its header or HXL tag suggests, the likeliest first (the join
    # decides the admin roles from the values; see matching/columns.py)
    admin_hints: Dict[str, Tuple[str, ...]] = field(default_factory=dict)
    mapped_roles: Set[str] = field(default_factory=set)  # roles a user's mapping decides
    delimiter: Optional[str] = None  # a text file's (its locale's decimal separator follows)
    other_sheets: List[str] = field(default_factory=list)  # a workbook's sheets not read

    @property
    def height(self) -> int:
        """Number of data rows."""
        return len(self.source_rows)

    @property
    def data(self) -> pd.DataFrame:
        """The data rows: an object column per label (None: an empty cell), then source_row;
        a RangeIndex. When the reader gave each column's codes, made only when first asked
        for: the join works on the codes and ``column``, and never needs the whole frame."""
        if self._data is None:
            self._data = self._frame_from_codes(slice(None))
        return self._data

    def column(self, label: str) -> pd.Series:
        """One column of ``data`` (on its RangeIndex), made alone when the frame is not."""
        coded = self._reader_codes(label)
        if coded is None:
            return self.data[label]
        return pd.Series(coded.cells(), dtype=object)

    def rows_of(self, positions: np.ndarray) -> pd.DataFrame:
        """``data`` at ``positions`` (row labels kept), made alone when the frame is not: a
        step that needs a few rows of a large table in full."""
        if self._data is not None or not self._coded:
            return self.data.iloc[positions]
        frame = self._frame_from_codes(positions)
        frame.index = pd.Index(positions)
        return frame

    def distinct_values(self, label: str, count: int) -> list:
        """The first ``count`` distinct values of a column, in the order rows first have them,
        empty cells left out."""
        coded = self._reader_codes(label)
        if coded is None:
            return list(self.data[label].dropna().unique()[:count])
        return coded.first_values(count)

    def _reader_codes(self, label: str) -> Optional[CodedColumn]:
        """The reader's coded column while the frame is not made, else None."""
        return None if self._data is not None else self._coded.get(label)

    def _frame_from_codes(self, rows) -> pd.DataFrame:
        grid = cells_of([self._coded[label] for label in self.columns], rows)
        return data_frame(grid, self.columns, self.source_rows[rows])

    def coded(self, label: str) -> CodedColumn:
        """A column's cells as codes of its values (which may hold a few values no data row
        has, e.g. the header's own cell). 4W columns repeat a few values: work per distinct
        value goes through this, and each column is hashed once however many steps ask
        (``data`` must not change meanwhile)."""
        if label not in self._coded:
            self._coded[label] = CodedColumn.of_cells(self.data[label].to_numpy(dtype=object))
        return self._coded[label]

    def set_location_roles(self, roles: Dict[str, str], sources: Dict[str, str]) -> None:
        """Replace the admin roles (a column taking one loses any other role it had)."""
        kept = {role: label for role, label in self.roles.items()
                if not role.startswith("adm") and label not in roles.values()}
        merged = {**kept, **roles}
        self.roles = {role: merged[role] for role in ROLE_KEYS if role in merged}
        self.role_sources = {role: sources.get(role, self.role_sources.get(role, ""))
                             for role in self.roles}

    @property
    def unassigned_columns(self) -> List[str]:
        used = set(self.roles.values())
        return [label for label in self.columns if label not in used]


def data_frame(grid: np.ndarray, labels: List[str], source_rows: np.ndarray) -> pd.DataFrame:
    """``Table4W.data`` from a grid of its cells (kept as the frame's block: not copied)."""
    frame = pd.DataFrame(grid, columns=labels, index=pd.RangeIndex(len(source_rows)),
                         dtype=object, copy=False)
    frame[SOURCE_ROW] = source_rows
    return frame
