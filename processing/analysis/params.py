"""Text parameters of the algorithms as users type them in a dialog or on the command line."""
from typing import List


def separated_values(text) -> List[str]:
    """'HEA, WSH;NUT ' -> ['HEA', 'WSH', 'NUT']: parts separated by commas or semicolons,
    blanks dropped (None or '' -> [])."""
    return [part.strip() for part in str(text or "").replace(";", ",").split(",")
            if part.strip()]
