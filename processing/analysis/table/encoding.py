"""A text file's encoding: UTF-8 (with or without BOM), UTF-16, cp1252, or a mix by line."""
import codecs
from typing import Tuple

SNIFF_CHARS = 65536


def as_utf8(data: bytes) -> Tuple[bytes, str]:
    """The file as UTF-8 bytes, and a note naming its encoding when it is not plain UTF-8. A
    file whose start is UTF-8 is taken as it is (not decoded whole: most files are UTF-8, and
    the CSV parser decodes every cell; if one is not, the caller decodes the file then)."""
    try:
        utf8_start(data, strict=True)
    except UnicodeDecodeError:
        pass
    else:
        if not data.startswith(_BOMS) and not _utf16_without_bom(data):
            return data, ""
    text, note = decode(data)
    return text.encode("utf-8"), note


def utf8_start(data: bytes, strict: bool = False) -> str:
    """The text of the file's start: enough bytes for more than SNIFF_CHARS characters (a
    character cut at the end is left out)."""
    return codecs.utf_8_decode(data[:4 * SNIFF_CHARS + 4], "strict" if strict else "replace",
                               False)[0]


def decode(data: bytes) -> Tuple[str, str]:
    """Text and a note naming the encoding when it is not plain UTF-8."""
    for bom, codec, note in _BOM_CODECS:
        if data.startswith(bom):
            return data.decode(codec, errors="replace"), note
    utf16 = _utf16_without_bom(data)
    if utf16:
        return data.decode(utf16, errors="replace"), f"encoding {utf16.upper()} (no BOM) detected"
    try:
        return data.decode("utf-8"), ""
    except UnicodeDecodeError:
        pass
    return _decode_lines(data)


_BOM_CODECS = [
    (b"\xef\xbb\xbf", "utf-8-sig", "encoding UTF-8 with BOM detected"),
    (b"\xff\xfe", "utf-16", "encoding UTF-16 (little-endian, BOM) detected"),
    (b"\xfe\xff", "utf-16", "encoding UTF-16 (big-endian, BOM) detected"),
]


_BOMS = tuple(bom for bom, _, _ in _BOM_CODECS)


def _decode_lines(data: bytes) -> Tuple[str, str]:
    """Not UTF-8 as a whole: each line as UTF-8 where it is, else as cp1252 (latin-1 for the
    bytes cp1252 leaves undefined). A file edited in two programs mixes both."""
    lines = data.split(b"\n")
    texts, legacy, utf8_accents = [], [], False
    for number, line in enumerate(lines, 1):
        try:
            text = line.decode("utf-8")
            utf8_accents = utf8_accents or not line.isascii()
        except UnicodeDecodeError:
            legacy.append(number)
            try:
                text = line.decode("cp1252")
            except UnicodeDecodeError:
                text = line.decode("latin-1")
        texts.append(text)
    if utf8_accents:
        note = (f"mixed encodings: {len(legacy)} line(s) in cp1252 (Windows Western), e.g. "
                f"line {', '.join(map(str, legacy[:5]))}, the others UTF-8")
    else:
        note = "encoding cp1252 (Windows Western) detected: not UTF-8"
    return "\n".join(texts), note


def _utf16_without_bom(data: bytes) -> str:
    """'utf-16-le'/'utf-16-be' when most odd/even bytes are NUL (ASCII text in UTF-16)."""
    sample = data[:4096]
    if len(sample) < 4:
        return ""
    half = len(sample) // 2
    odd_nuls = sample[1::2].count(0) / half
    even_nuls = sample[0::2].count(0) / half
    if odd_nuls > 0.4 and even_nuls < 0.05:
        return "utf-16-le"
    if even_nuls > 0.4 and odd_nuls < 0.05:
        return "utf-16-be"
    return ""
