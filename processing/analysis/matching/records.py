"""The records of matching: how a cell was placed (``Match``) and the evidence the cascade
weighs (``Found``, ``Miss``)."""
from typing import NamedTuple, Optional

FRAME_COLUMNS = ["pcode", "admin_level", "match_method", "match_score", "status", "reason",
                 "suggestion", "input_index", "raw_level", "raw_value", "raw_parent"]


class Match(NamedTuple):
    """How one cell (or combination of cells) was placed. A named tuple, like the evidence
    records below: thousands are made per table, and a tuple is the quickest record to make."""

    pcode: Optional[str]
    admin_level: Optional[int]
    # crosswalk | exact | normalised | derived | name_exact | name_normalised | name_fuzzy |
    # split | national | none
    method: str
    score: float  # 1.0 exact ... fuzzy ratio/100; 0 when unmatched
    status: str  # used | unmatched | rolled_up
    reason: str
    suggestion: Optional[str] = None
    raw_level: Optional[int] = None
    raw_value: Optional[str] = None
    raw_parent: Optional[str] = None  # parent P-code the raw value was looked up in (crosswalk)
    conflict: bool = False  # the row's location cells disagree (some overruled, or split)


class Found(NamedTuple):
    """One level's evidence: the unit a raw value points to, and how."""

    pcode: str
    method: str
    score: float
    detail: str
    column_level: int
    raw: str
    rolled_from: Optional[str] = None  # raw code absent from the boundaries; pcode is its parent


class Miss(NamedTuple):
    column_level: int
    raw: str
    kind: str  # 'code' or 'name'
    reason: str
    suggestion: Optional[str] = None
    parent: Optional[str] = None


# ---- crosswalk ----------------------------------------------------------------------------
