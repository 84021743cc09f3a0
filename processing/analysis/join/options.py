"""What the user chooses for a join."""
from dataclasses import dataclass
from typing import Dict, Optional

PERIOD_MODES = ("all", "month", "quarter")


@dataclass
class JoinOptions:
    admin_level: Optional[int] = None  # None: the deepest level both the table and layer have
    period: str = "all"  # all | month | quarter
    default_year: Optional[int] = None
    organisations: Optional[Dict[str, str]] = None  # spelling -> partner, reviewed last round
    count_all_organisations: bool = False  # also count lead/programme organisations and donors
