"""How partners write P-codes and unit names: the variants real 4W tables carry.

Every variant here stays recoverable by a careful reader (truth.py counts it as its unit): a
typo or transliteration that would land on (or next to) another official name is not made.
"""
import random
import re
from typing import Dict, List, Optional, Tuple

from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from .reference import Country, Unit, fold

# Words that official names carry and partners leave out ("Region de Tarapaca" -> "Tarapaca",
# "Hebei Province" -> "Hebei").
PREFIX_WORDS = ("Region de ", "Region del ", "Provincia de ", "District Autonome D'",
                "District Autonome De ", "Bashkia ", "Autonomous Republic of ", "Municipality of ",
                "Departement du ", "Departement de ")
SUFFIX_WORDS = (" Province", " Region", " Municipality", " Municipal", " District", " City",
                " city", " County", " Governorate", " Prefecture", " State", " Territory",
                " Metropolitan", " Municipal District", " Federal District")
_GENERIC = re.compile(
    "^(?:" + "|".join(re.escape(w) for w in PREFIX_WORDS) + ")"
    "|(?:" + "|".join(re.escape(w) for w in SUFFIX_WORDS) + ")$", re.IGNORECASE)

# Spelling rules of transliterated names (each tried where it changes the name).
TRANSLITERATIONS: Tuple[Tuple[str, str], ...] = (
    (r"\bAl-", "Al "), (r"\bAl ", "Al-"), (r"\bAl-", "El "), (r"\bEl ", "Al-"), (r"\bAl ", ""),
    (r"ou", "u"), (r"u(?!u)", "ou"), (r"kh", "h"), (r"Kh", "H"), (r"ch", "sh"), (r"sh", "ch"),
    (r"y", "i"), (r"i(?=[aeou])", "y"), (r"ee", "i"), (r"aa", "a"), (r"dh", "d"), (r"q", "k"),
    (r"K(?=[aeiou])", "C"), (r"C(?=[aou])", "K"), (r"w", "ou"), (r"ph", "f"), (r"-", " "),
    (r" ", "-"), (r"j", "dj"), (r"yi", "i"), (r"skyi\b", "sky"), (r"'", ""),
)
# Accents partners type where the COD's romanised names have none.
ACCENTS: Dict[str, Tuple[Tuple[str, str], ...]] = {
    "es": ((r"on\b", "ón"), (r"\bSan Jose\b", "San José"), (r"\bMaria\b", "María"),
           (r"\bBolivar\b", "Bolívar"), (r"\bCordoba\b", "Córdoba"), (r"\bBogota\b", "Bogotá"),
           (r"\bPeten\b", "Petén"), (r"\bQuiche\b", "Quiché"), (r"epequez\b", "epéquez"),
           (r"\bMexico\b", "México"), (r"\bMichoacan\b", "Michoacán"), (r"\bYucatan\b",
           "Yucatán"), (r"\bQueretaro\b", "Querétaro"), (r"\bPotosi\b", "Potosí"),
           (r"\bCanar\b", "Cañar"), (r"\bNuble\b", "Ñuble"), (r"\bAraucania\b", "Araucanía")),
    "fr": ((r"\bRegion\b", "Région"), (r"\bExtreme\b", "Extrême"), (r"\bIle\b", "Île"),
           (r"\bSegou\b", "Ségou"), (r"\bLekoumou\b", "Lékoumou"), (r"ee\b", "ée"),
           (r"\bEquateur\b", "Équateur"), (r"\bPrefecture\b", "Préfecture"),
           (r"\bKasai\b", "Kasaï"), (r"\bUele\b", "Uélé"), (r"\bDepartement\b", "Département")),
    "pt": ((r"\bSao\b", "São"), (r"ao\b", "ão"), (r"cao\b", "ção"), (r"coes\b", "ções"),
           (r"\bPrincipe\b", "Príncipe"), (r"\bTome\b", "Tomé"), (r"\bAmapa\b", "Amapá"),
           (r"\bPara\b", "Pará"), (r"\bGoias\b", "Goiás"), (r"\bParana\b", "Paraná"),
           (r"\bCeara\b", "Ceará"), (r"\bPiaui\b", "Piauí"), (r"\bRondonia\b", "Rondônia"),
           (r"\bEspirito\b", "Espírito")),
}
NEIGHBOUR_KEYS = dict(zip("aeioubdgkmnprstlyzch", "eaoiupbtjnmbeadkiskj"))
QUALIFIERS = ("{name} /Zone {n}", "{name} (zone {n})", "{name} / Zone {n}", "{name} /zone{n}",
              "{name} (urbain)")


class NameWriter:
    """Name variants of one country's units, each checked against its official names."""

    def __init__(self, country: Country, rng: random.Random):
        self.country = country
        self.rng = rng
        self._official: Dict[int, List[str]] = {}
        for unit in country.units.values():
            self._official.setdefault(unit.level, []).append(fold(unit.name))
        self._every_name = {name for names in self._official.values() for name in names}

    def typo(self, name: str, level: int) -> Optional[str]:
        """One slip of the keyboard, not in the first letter, in a name of five letters or more."""
        letters = [i for i, ch in enumerate(name) if ch.isalpha() and i > 0]
        if len([ch for ch in name if ch.isalpha()]) < 5 or not letters:
            return None
        for _ in range(6):
            i = self.rng.choice(letters)
            kind = self.rng.choice(("drop", "double", "swap", "neighbour"))
            if kind == "drop":
                variant = name[:i] + name[i + 1:]
            elif kind == "double":
                variant = name[:i] + name[i] + name[i:]
            elif kind == "swap" and i + 1 < len(name) and name[i + 1].isalpha():
                variant = name[:i] + name[i + 1] + name[i] + name[i + 2:]
            else:
                lower = name[i].lower()
                if lower not in NEIGHBOUR_KEYS:
                    continue
                swapped = NEIGHBOUR_KEYS[lower]
                variant = name[:i] + (swapped.upper() if name[i].isupper() else swapped) \
                    + name[i + 1:]
            if self.recoverable(variant, name, level):
                return variant
        return None

    def transliteration(self, name: str, level: int) -> Optional[str]:
        rules = list(TRANSLITERATIONS)
        self.rng.shuffle(rules)
        for pattern, replacement in rules:
            variant = re.sub(pattern, replacement, name, count=1)
            if variant != name and variant.strip() and self.recoverable(variant, name, level):
                return variant
        return None

    def accented(self, name: str, language: str) -> Optional[str]:
        variant = name
        for pattern, replacement in ACCENTS.get(language, ()):
            variant = re.sub(pattern, replacement, variant)
        return variant if variant != name else None  # accents fold away: the same name

    def partial(self, name: str) -> Optional[str]:
        """The official name without its generic word ("Hebei Province" -> "Hebei")."""
        variant = _GENERIC.sub("", name).strip(" -'")
        if variant != name and len(variant) >= 3:
            return variant
        return None

    def recoverable(self, variant: str, official: str, level: int) -> bool:
        """A careful reader finds the official name back, and no other: the variant is not an
        official name and is closer to ``official`` than to any other name of its level."""
        folded, own = fold(variant), fold(official)
        if folded == own:
            return True
        if not folded or folded in self._every_name:
            return False
        distance = Levenshtein.distance(folded, own)
        close = process.extract(folded, self._official[level], scorer=Levenshtein.distance,
                                score_cutoff=distance, limit=None)
        return all(name == own for name, _, _ in close)


def parent_abbreviation(country: Country, unit: Unit, rng: random.Random) -> str:
    """How partners abbreviate a region in a hint: its first letters or its initials."""
    parent = country.units[unit.parent].name
    words = [w for w in re.split(r"[\s\-]+", parent) if w[:1].isalpha()]
    if len(words) > 1 and rng.random() < 0.5:
        return "".join(w[0] for w in words).upper()
    return re.sub(r"[^A-Za-z]", "", parent)[:3].upper() or parent


def qualifier(name: str, rng: random.Random) -> str:
    return rng.choice(QUALIFIERS).format(name=name, n=rng.randint(1, 5))


# P-codes ------------------------------------------------------------------------------------

CODE_VARIANTS = ("lower", "prefix", "padding", "number", "separator", "spaces")


def code_variant(country: Country, pcode: str, kind: str) -> Optional[str]:
    """``pcode`` as partners write it; None when ``kind`` does not apply to this code."""
    unit = country.units[pcode]
    prefix, rest = country.prefix, pcode[len(country.prefix):]
    if kind == "lower":
        return pcode.lower() if pcode.lower() != pcode else None
    if kind == "prefix":
        if not prefix:
            return None
        other = country.iso3 if prefix == country.alpha2 else country.alpha2
        if not rest.isdigit():  # "IQG01": partners do not re-prefix codes of this shape
            return None
        return other + rest if other and other != prefix else None
    if kind == "padding":  # admin-1 codes only: one number, its padding unambiguous
        if unit.level != 1 or not rest.isdigit() or not prefix:
            return None
        stripped = rest.lstrip("0") or "0"
        return prefix + (stripped if stripped != rest else "0" + rest)
    if kind == "number":
        return pcode + ".0"
    if kind == "separator":
        if unit.parent and pcode.startswith(unit.parent) and len(pcode) > len(unit.parent):
            return unit.parent + "-" + pcode[len(unit.parent):]
        return prefix + "-" + rest if prefix and rest else None
    if kind == "spaces":
        return f" {pcode} "
    raise ValueError(kind)


def any_code_variant(country: Country, pcode: str, rng: random.Random,
                     kinds=CODE_VARIANTS) -> Tuple[str, str]:
    """(kind, variant) of one variant that applies to ``pcode``, ("clean", pcode) if none."""
    for kind in rng.sample(list(kinds), len(kinds)):
        variant = code_variant(country, pcode, kind)
        if variant is not None:
            return kind, variant
    return "clean", pcode

