"""The country of a map, from the ISO 3166 code that COD P-codes start with ("SO2201": SO).

Names per language come from resources/vocabulary/iso3166.json ("names", written by
tools/country_names.py). P-codes without a country part, or with a code that is no country
(the sample's "XY"), name no country: the map title then goes without one.
"""
import re
from collections import Counter
from functools import lru_cache
from typing import Dict, Iterable, Optional

from .vocabulary import load_vocabulary

_PREFIX = re.compile(r"^([A-Za-z]{2,3})\d")


def _countries():
    return load_vocabulary("iso3166")["countries"]


@lru_cache(maxsize=1)
def by_alpha() -> Dict[str, dict]:
    """ISO 3166 alpha-2 and alpha-3 code -> the country's entry (two and three letters: the
    keys never collide)."""
    countries = _countries()
    return {**{c["alpha3"]: c for c in countries}, **{c["alpha2"]: c for c in countries}}


def country_code(pcodes: Iterable[str]) -> Optional[str]:
    """The alpha-3 code most of ``pcodes`` start with (alpha-2 or alpha-3), or None."""
    found = Counter()
    for pcode in pcodes:
        match = _PREFIX.match(str(pcode or "").strip())
        if match:
            code = (by_alpha().get(match.group(1).upper()) or {}).get("alpha3")
            found[code] += 1
    if not found:
        return None
    code, count = found.most_common(1)[0]
    return code if code is not None and count * 2 > sum(found.values()) else None


def country_name(alpha3: Optional[str], language: str) -> str:
    """The country's name in ``language`` (English where that language has none); "" for
    None or an unknown code."""
    for country in _countries():
        if country["alpha3"] == alpha3:
            names = country.get("names", {})
            return names.get(language) or names.get("en") or country["name"]
    return ""
