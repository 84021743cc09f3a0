"""The real gazetteer of one country (../shared/data/reference), plus what a generated table
needs around it: the level words of admin_words.json, the units below admin 2 that 5W tables
carry (synthetic), the health pyramid (synthetic), and invented place names.

Plain Python (pandas, rapidfuzz); nothing here imports coordmap or qgis. The reference files
are read at run time and never copied into the repository.
"""
import json
import random
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
REFERENCE_DIR = ROOT.parent / "shared" / "data" / "reference"
UNITS_FILE = "global_pcodes_adm1_2.csv"
LENGTHS_FILE = "global_pcode_lengths.csv"
WORDS_FILE = HERE / "admin_words.json"

# ISO 3166 alpha-2 of the countries whose P-codes start with the alpha-3 code (the others start
# with the alpha-2 code, which is then read off the codes themselves).
ALPHA2_OF_ALPHA3_PREFIXED = {"BDI": "BI", "DOM": "DO", "GAB": "GA", "KAZ": "KZ", "MMR": "MM",
                             "QAT": "QA", "TCD": "TD", "TUR": "TR"}
DEFAULT_ADM3_DIGITS = 2


def fold(text: str) -> str:
    """Lower case, accents and punctuation removed, spaces squeezed: how a careful reader
    compares two spellings before looking at typos."""
    text = unicodedata.normalize("NFKD", str(text))
    text = "".join(ch for ch in text if not unicodedata.combining(ch)).casefold()
    return " ".join(re.sub(r"[^0-9a-z]+", " ", text).split())


@dataclass(frozen=True)
class Unit:
    pcode: str
    name: str
    level: int
    parent: Optional[str]  # P-code of the unit one level up (None at admin 1)


@dataclass
class Country:
    iso3: str
    units: Dict[str, Unit]  # every admin 1 and admin 2 unit (and synthetic admin 3), by P-code
    prefix: str  # country part of the P-codes ("" when the codes have none)
    alpha2: str
    words: dict  # the country's entry of admin_words.json
    adm3_digits: Optional[int]  # digits of an admin-3 code's own part; None: no admin 3
    children: Dict[Optional[str], List[str]] = field(default_factory=dict)
    _by_name: Dict[Tuple[int, str], List[str]] = field(default_factory=dict)
    depth: int = field(init=False)  # deepest real level (1 or 2); synthetic admin 3 not counted

    def __post_init__(self):
        self.depth = max(u.level for u in self.units.values() if not is_synthetic(u))
        for unit in self.units.values():
            self.children.setdefault(unit.parent, []).append(unit.pcode)
        for unit in self.units.values():
            self._by_name.setdefault((unit.level, fold(unit.name)), []).append(unit.pcode)

    def at_level(self, level: int) -> List[Unit]:
        return [u for u in self.units.values() if u.level == level]

    def ancestor(self, pcode: str, level: int) -> Optional[str]:
        unit = self.units[pcode]
        while unit.level > level:
            if unit.parent is None:
                return None
            unit = self.units[unit.parent]
        return unit.pcode if unit.level == level else None

    def named(self, level: int, text: str) -> List[str]:
        """P-codes of the units of ``level`` whose official name folds to ``text``'s fold."""
        return list(self._by_name.get((level, fold(text)), []))

    def is_homonym(self, pcode: str) -> bool:
        unit = self.units[pcode]
        return len(self.named(unit.level, unit.name)) > 1

    @property
    def languages(self) -> Dict[str, dict]:
        return self.words["languages"]

    def level_words(self, language: str, level: int) -> List[str]:
        levels = self.languages[language]["levels"]
        return levels[level - 1] if level <= len(levels) else []


def is_synthetic(unit: Unit) -> bool:
    return unit.level >= 3


@lru_cache(maxsize=1)
def _reference_tables(folder: str) -> Tuple[pd.DataFrame, pd.DataFrame]:
    units = pd.read_csv(Path(folder) / UNITS_FILE, encoding="utf-8-sig", dtype=str,
                        keep_default_na=False)
    lengths = pd.read_csv(Path(folder) / LENGTHS_FILE, encoding="utf-8-sig", dtype=str,
                          keep_default_na=False)
    return units, lengths


@lru_cache(maxsize=1)
def admin_words() -> Dict[str, dict]:
    return json.loads(WORDS_FILE.read_text(encoding="utf-8"))["countries"]


def available(folder: Path = REFERENCE_DIR) -> bool:
    return (folder / UNITS_FILE).is_file() and (folder / LENGTHS_FILE).is_file()


def country_codes(folder: Path = REFERENCE_DIR) -> List[str]:
    units, _ = _reference_tables(str(folder))
    return sorted(units["Location"].unique())


@cache
def load_country(iso3: str, folder: str = str(REFERENCE_DIR)) -> Country:
    """The country's real admin 1 and 2 units, with synthetic admin-3 units under each admin-2
    unit where its P-code structure has an admin 3 (see ``_adm3_units``)."""
    table, lengths = _reference_tables(folder)
    rows = table[table["Location"] == iso3]
    if rows.empty:
        raise KeyError(f"{iso3} is not in {UNITS_FILE}")
    units = {}
    for pcode, name, level, parent in zip(rows["P-Code"], rows["Name"], rows["Admin Level"],
                                          rows["Parent P-Code"]):
        level = int(level)
        units[pcode] = Unit(pcode, name.strip(), level, parent if level > 1 else None)
    length = lengths[lengths["Location"] == iso3].iloc[0]
    prefix_length = int(length["Country Length"] or 0)
    first = next(iter(units))
    prefix = first[:prefix_length]
    alpha2 = ALPHA2_OF_ALPHA3_PREFIXED.get(iso3, prefix if len(prefix) == 2 else "")
    country = Country(iso3, units, prefix, alpha2, admin_words()[iso3], _adm3_digits(length))
    if country.adm3_digits and country.depth == 2:
        extra = _adm3_units(country)
        country = Country(iso3, {**units, **extra}, prefix, alpha2, country.words,
                          country.adm3_digits)
    return country


def _adm3_digits(length: pd.Series) -> Optional[int]:
    """Digits of an admin-3 code's own part ("4|3": the last; 0 or -1: a default)."""
    text = str(length.get("Admin 3 Length", "")).strip()
    if not text:
        return None
    value = int(float(text.split("|")[-1]))
    return value if value > 0 else DEFAULT_ADM3_DIGITS


def _adm3_units(country: Country) -> Dict[str, Unit]:
    """Two to five admin-3 units under each admin-2 unit: the admin-2 P-code followed by a
    number (the nesting real P-codes have), invented names; one in three admin-2 units has an
    admin-3 unit of its own name (its main town), as real ladders often do."""
    rng = random.Random(f"adm3:{country.iso3}")
    namer = PlaceNamer(country, rng)
    extra = {}
    for unit in sorted(country.at_level(2), key=lambda u: u.pcode):
        count = rng.randint(2, 5)
        for number in range(1, count + 1):
            pcode = f"{unit.pcode}{number:0{country.adm3_digits}d}"
            name = unit.name if number == 1 and rng.random() < 1 / 3 else namer.invent()
            extra[pcode] = Unit(pcode, name, 3, unit.pcode)
    return extra


class PlaceNamer:
    """Invented place names that sound like the country's own (syllables of its unit names
    recombined), never one of its official names; ``strict`` (villages, health zones, admin-3
    units): no official name within two edits either, so that no careful reader could take
    one for an admin unit (a site name need not be that far)."""

    VOWELS = "aeiouy"

    def __init__(self, country: Country, rng: random.Random):
        self.rng = rng
        names = sorted({u.name for u in country.units.values() if u.level <= 2})
        self._taken = {fold(n) for n in names}
        self._official = sorted(self._taken)
        syllables = sorted({s for n in names for word in fold(n).split()
                            for s in self._syllables(word) if len(s) >= 2})
        self._syllables_pool = syllables or ["ka", "lo", "mi", "ra", "to", "sa"]

    @classmethod
    def _syllables(cls, word: str) -> List[str]:
        return re.findall(r"[^aeiouy\s]*[aeiouy]+(?:[^aeiouy\s](?![aeiouy]))?", word)

    def invent(self, strict: bool = True) -> str:
        for _ in range(200):
            parts = [self.rng.choice(self._syllables_pool)
                     for _ in range(self.rng.choice((2, 2, 3)))]
            word = "".join(parts)
            if len(word) < 4 or word in self._taken:
                continue
            if strict and process.extractOne(word, self._official, scorer=Levenshtein.distance,
                                             score_cutoff=2) is not None:
                continue
            self._taken.add(word)
            return word.capitalize()
        raise RuntimeError("could not invent a place name")  # pragma: no cover


@dataclass(frozen=True)
class HealthZone:
    code: str
    name: str
    adm2: str  # the admin-2 (or admin-1) unit it lies in
    areas: Tuple[str, ...]  # names of its health areas


def health_zones(country: Country, rng: random.Random,
                 code_style: str) -> Dict[str, List[HealthZone]]:
    """The health pyramid: one to three zones per unit of the deepest real level. Most zones
    have invented names, a quarter of a unit's first zones the unit's own name, and one zone
    in ten the name of an admin unit of another admin-1 unit (a town that gave its name to a
    health zone elsewhere): the trap that makes a health-zone column look like an admin
    column."""
    namer = PlaceNamer(country, rng)
    level = country.depth
    units = sorted(country.at_level(level), key=lambda u: u.pcode)
    elsewhere = [u for u in country.units.values() if u.level <= 2]
    zones: Dict[str, List[HealthZone]] = {}
    number = 0
    for unit in units:
        for k in range(rng.choice((1, 1, 2, 3))):
            number += 1
            roll = rng.random()
            if roll < 0.25:
                name = unit.name if k == 0 else namer.invent()
            elif roll < 0.35:
                name = _name_elsewhere(country, unit, elsewhere, rng) or namer.invent()
            else:
                name = namer.invent()
            areas = tuple(namer.invent(strict=False) for _ in range(rng.randint(2, 4)))
            zones.setdefault(unit.pcode, []).append(
                HealthZone(health_zone_code(country, number, code_style, rng), name,
                           unit.pcode, areas))
    return zones


def _name_elsewhere(country: Country, unit: Unit, candidates: Sequence[Unit],
                    rng: random.Random) -> Optional[str]:
    own_top = country.ancestor(unit.pcode, 1)
    for _ in range(20):
        other = rng.choice(candidates)
        if country.ancestor(other.pcode, 1) != own_top:
            return other.name
    return None


def health_zone_code(country: Country, number: int, style: str, rng: random.Random) -> str:
    """Codes of health information systems, never P-codes: DHIS2 uids, 'ZS' numbers, plain
    numbers."""
    if style == "dhis2":
        alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
        return rng.choice(alphabet[:52]) + "".join(rng.choice(alphabet) for _ in range(10))
    if style == "zs":
        return f"ZS{number:04d}"
    return f"{7000 + number}"
