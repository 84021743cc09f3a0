"""A text file's encoding: UTF-8 (with or without BOM), UTF-16, a Windows code page, or a mix
by line.

A file that is not UTF-8 was saved by Windows in the code page of its language: which one is
told by charset-normalizer (it ships with QGIS, through requests) among the Windows code pages;
cp1252 where it cannot tell a difference. Where it is missing, words made of high bytes only
tell a non-Latin script (``_script_code_page``), else cp1252.
"""
import codecs
import re
import unicodedata
from typing import List, Optional, Tuple

SNIFF_CHARS = 65536
LEGACY_SAMPLE_BYTES = 65536  # of the lines that are not UTF-8: enough to tell the code page
CODE_PAGES = {"cp1252": "Windows Western", "cp1250": "Windows Central European",
              "cp1251": "Windows Cyrillic", "cp1253": "Windows Greek", "cp1254": "Windows Turkish",
              "cp1255": "Windows Hebrew", "cp1256": "Windows Arabic", "cp1257": "Windows Baltic",
              "cp1258": "Windows Vietnamese"}
# Without charset-normalizer: the code pages of scripts written in whole words of high bytes,
# in the order to try them (Arabic first: Arabic bytes read as cp1251 are Cyrillic letters,
# while Cyrillic bytes read as cp1256 are partly Latin ones). Greek and Hebrew bytes read as
# cp1251 are Cyrillic letters too: they are left to charset-normalizer.
SCRIPT_CODE_PAGES = (("cp1256", "ARABIC"), ("cp1251", "CYRILLIC"))
SCRIPT_SHARE = 0.9  # of the letters of those words in the script
_HIGH_BYTE_WORDS = re.compile(rb"[\x80-\xff]{3,}")


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
    """Not UTF-8 as a whole: each line as UTF-8 where it is, else in the file's code page
    (see ``legacy_encoding``; latin-1 for bytes it leaves undefined). A file edited in two
    programs mixes both."""
    lines = data.split(b"\n")
    legacy = [number for number, line in enumerate(lines, 1) if not _is_utf8(line)]
    codec = legacy_encoding([lines[number - 1] for number in legacy])
    texts = [_decoded_line(line, codec) for line in lines]
    name = f"{codec} ({CODE_PAGES[codec]})"
    not_utf8 = set(legacy)
    if any(not line.isascii() for number, line in enumerate(lines, 1) if number not in not_utf8):
        note = (f"mixed encodings: {len(legacy)} line(s) in {name}, e.g. "
                f"line {', '.join(map(str, legacy[:5]))}, the others UTF-8")
    else:
        note = f"encoding {name} detected: not UTF-8"
    return "\n".join(texts), note


def legacy_encoding(lines: List[bytes]) -> str:
    """The Windows code page of ``lines`` (not UTF-8), as charset-normalizer tells it; cp1252
    where it gives the same text (or cannot tell, or is missing)."""
    sample, size = [], 0
    for line in lines:
        if size >= LEGACY_SAMPLE_BYTES:
            break
        sample.append(line)
        size += len(line)
    try:
        from charset_normalizer import from_bytes
    except ImportError:  # (a Python without requests)
        return _script_code_page(b"\n".join(sample)) or "cp1252"
    matches = from_bytes(b"\n".join(sample), cp_isolation=list(CODE_PAGES))
    best = matches.best()
    if best is None or best.encoding not in CODE_PAGES or any(
            "cp1252" in match.could_be_from_charset and match.chaos <= best.chaos
            for match in matches):
        return "cp1252"  # (as likely as the best: the most common, e.g. French "è" is no "č")
    return best.encoding


def _script_code_page(data: bytes) -> Optional[str]:
    """Without charset-normalizer: the code page of a non-Latin script whose letters the
    file's words of high bytes are (Arabic or Cyrillic), else None. Latin
    text has a few accented letters per word, other scripts whole words of them."""
    words = _HIGH_BYTE_WORDS.findall(data)
    if not words:
        return None
    for codec, script in SCRIPT_CODE_PAGES:
        letters = [c for c in b" ".join(words).decode(codec, errors="replace") if c.isalpha()]
        in_script = sum(unicodedata.name(c, "").startswith(script) for c in letters)
        if letters and in_script >= SCRIPT_SHARE * len(letters):
            return codec
    return None


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def _decoded_line(line: bytes, codec: str) -> str:
    try:
        return line.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return line.decode(codec)
    except UnicodeDecodeError:
        return line.decode("latin-1")


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
