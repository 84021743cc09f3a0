"""OCHA-style file names of the map pack: map ids, slugs, names made unique."""
import re
import unicodedata
import zlib
from typing import List, Sequence


def slug(text: str) -> str:
    """ASCII letters, digits and hyphens only (accents dropped, other runs become one '-')."""
    ascii_text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode()
    return re.sub(r"[^A-Za-z0-9]+", "-", ascii_text).strip("-")


def short_slug(text: str, limit: int) -> str:
    """``slug`` of at most ``limit`` characters; a text cut short, or with letters a slug
    drops (Arabic, Cyrillic ...), ends with a hash of the whole text, so two such texts do not
    get the same name."""
    plain = slug(text)
    lost = any(char.isalnum() and not char.isascii()
               for char in unicodedata.normalize("NFKD", str(text)))
    if not lost and len(plain) <= limit:
        return plain
    digest = f"{zlib.crc32(str(text).encode('utf-8')):08x}"
    return "-".join(part for part in (plain[:limit - 9].strip("-"), digest) if part)


def unique_names(stems: Sequence[str]) -> List[str]:
    """``stems`` made unique without regard to case (as file names on any disk), in order:
    a repeated one gets "-2", "-3" ..."""
    taken, names = set(), []
    for stem in stems:
        name, number = stem, 1
        while name.casefold() in taken:
            number += 1
            name = f"{stem}-{number}"
        taken.add(name.casefold())
        names.append(name)
    return names
