"""Which fields of a boundary layer hold each level's P-codes and names (COD-AB conventions,
or found from the values), and which layer of a multi-layer file the table's P-codes are in."""
import re
from collections import defaultdict
from dataclasses import dataclass
from typing import Any, Dict, Iterable, List, Optional, Tuple

import numpy as np

from .errors import InputError
from .textnorm import clean_cell, code_key, is_placeholder
from .translation import QT_TRANSLATE_NOOP

_PCODE_FIELD = re.compile(r"^adm(?:in)?_?([0-4])_?p_?code$", re.I)
_CODE_FIELD = re.compile(r"^adm(?:in)?_?([0-4])_?code$", re.I)  # fallback when no *PCODE
_NAME_FIELD = re.compile(
    r"^adm(?:in)?_?([0-4])(?:_?(?:name|nom|nombre|nome))?(?:_?([a-z]{2,5}))?$", re.I
)
_LOOKS_LIKE_PCODE = re.compile(r"^[A-Za-z]{2,3}(\d{1,12})$")
_NAME_WORD = re.compile(r"name|nom|nombre|nome|label|libell", re.I)
_ALT_FIELD = re.compile(r"^adm(?:in)?_?([0-4])_?alt_?\d*(?:_?[a-z]{2,4})?$", re.I)
# Which name field is the main one: English, then unlabelled, then other UN/COD languages.
_LANGUAGE_RANK = {"en": 0, "": 1, "fr": 2, "es": 3, "pt": 4, "ru": 5, "ar": 6}
_NOT_A_LANGUAGE = {"ref", "type", "id"}




@dataclass(frozen=True)
class AdminFields:
    level: int
    pcode_field: str
    name_field: Optional[str]
    alt_name_fields: Tuple[str, ...] = ()


def detect_admin_fields(field_names: Iterable[str]) -> Dict[int, AdminFields]:
    """Admin fields per level (0-4) among a layer's field names, case-insensitively."""
    pcodes: Dict[int, str] = {}
    fallback_codes: Dict[int, str] = {}
    names: Dict[int, List[Tuple[int, str]]] = defaultdict(list)
    alts: Dict[int, List[str]] = defaultdict(list)
    for name in field_names:
        if (found := _PCODE_FIELD.match(name)):
            pcodes.setdefault(int(found.group(1)), name)
        elif (found := _CODE_FIELD.match(name)):
            fallback_codes.setdefault(int(found.group(1)), name)
        elif (found := _ALT_FIELD.match(name)):
            alts[int(found.group(1))].append(name)
        elif (found := _NAME_FIELD.match(name)):
            language = (found.group(2) or "").lower()
            if language in _NOT_A_LANGUAGE:
                alts[int(found.group(1))].append(name)
            else:
                names[int(found.group(1))].append((_LANGUAGE_RANK.get(language, 9), name))
    result = {}
    for level, pcode_field in {**fallback_codes, **pcodes}.items():
        ranked = [n for _, n in sorted(names[level])]
        main = ranked[0] if ranked else None
        result[level] = AdminFields(level, pcode_field, main, tuple(ranked[1:] + alts[level]))
    return dict(sorted(result.items()))


def fields_given_or_found(records, seen_fields, fields, level, pcode_field, name_field,
                           notes) -> Dict[int, AdminFields]:
    """``fields`` with the units' own P-code field: the one given, else the one found from the
    values (none found: ``fields`` as they are, and the caller says what is missing)."""
    if pcode_field:
        if pcode_field not in seen_fields:
            raise InputError(f"boundary layer: no field {pcode_field!r} for the P-codes; fields "
                             f"seen: {', '.join(map(str, seen_fields))}")
        if name_field and name_field not in seen_fields:
            raise InputError(f"boundary layer: no field {name_field!r} for the names; fields "
                             f"seen: {', '.join(map(str, seen_fields))}")
        why = "given"
    else:
        pcode_field = _pcode_field_from_values(records, seen_fields)
        if pcode_field is None:
            return fields
        why = "found from its values"
    own = level or _level_of_field(pcode_field) or _level_from_codes(records, pcode_field,
                                                                     fields)
    name_field = name_field or _name_field_from_values(records, seen_fields, pcode_field)
    upper = {lvl: f for lvl, f in fields.items() if lvl < own}
    notes.append(f"P-code field {pcode_field!r} ({why}), names from "
                 f"{name_field!r}" if name_field else f"P-code field {pcode_field!r} ({why})")
    return {**upper, own: AdminFields(own, pcode_field, name_field)}


def _pcode_field_from_values(records, seen_fields) -> Optional[str]:
    """The field whose values all look like P-codes (letters then digits), the most distinct
    of them (the deepest level's)."""
    best, best_count = None, 0
    for name in seen_fields:
        values = [record_pcode(r, name) for r in records]
        values = [v for v in values if v is not None]
        if len(values) * 2 < len(records) or not all(_LOOKS_LIKE_PCODE.match(v) for v in values):
            continue
        distinct = len(set(values))
        if distinct > best_count:
            best, best_count = name, distinct
    return best


def _name_field_from_values(records, seen_fields, pcode_field) -> Optional[str]:
    """A field of names for the units: named as names are, else mostly distinct words."""
    others = [name for name in seen_fields if name != pcode_field]
    named = [name for name in others if _NAME_WORD.search(str(name))]
    for name in named + others:
        values = [record_name(r, name) for r in records]
        words = [v for v in values if v is not None and any(c.isalpha() for c in v)
                 and not _LOOKS_LIKE_PCODE.match(v)]
        if len(words) * 2 > len(records) and len(set(words)) * 2 > len(words):
            return name
    return None


def _level_of_field(name: str) -> Optional[int]:
    found = re.search(r"(?<![0-9])([0-4])(?![0-9])", name)
    return int(found.group(1)) if found else None


def _level_from_codes(records, pcode_field, fields) -> int:
    """A level for codes from a field named without one: below the layer's named admin
    fields, else two digits per level as most P-codes are written (XY01 admin 1, XY0101
    admin 2)."""
    if fields:
        return max(fields) + 1
    digits = [len(found.group(1)) for r in records
              if (found := _LOOKS_LIKE_PCODE.match(record_pcode(r, pcode_field) or ""))]
    return max(1, min(4, round(float(np.median(digits)) / 2))) if digits else 1


def layer_level(records, fields, level, seen_fields) -> int:
    """The level of the layer's own units: the one asked for, else the deepest one filled."""
    if not fields:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "boundary layer: no P-code field found (expected e.g. ADM2_PCODE, "
                          "adm2_pcode or admin2Pcode, or a field of values such as XY0102); "
                          "fields seen: {fields}. Name the P-code field (P-code field of the "
                          "boundaries)"),
            fields=", ".join(map(str, seen_fields)))
    if level is not None:
        if level not in fields:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", "boundary layer: no admin {level} P-code field; fields seen: "
                              "{fields}"),
                level=level, fields=", ".join(map(str, seen_fields)))
        return level
    filled = [lvl for lvl, f in fields.items()
              if any(record_pcode(r, f.pcode_field) for r in records)]
    if not filled:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "boundary layer: the P-code fields {fields} are all empty"),
            fields=", ".join(f.pcode_field for f in fields.values()))
    return max(filled)


def choose_layer(layers: Dict[str, List[Any]], table_codes: Iterable[Any],
                 source: str) -> Tuple[str, str]:
    """Of a file's boundary layers (name -> the P-codes of its own level), the one whose
    P-codes the table uses most, and the note saying so. Stops (InputError) where the codes
    do not tell: none is used, or two layers are used as much."""
    wanted = {code_key(str(code)) for code in table_codes if clean_cell(code) is not None}
    used = {name: len(wanted & {code_key(str(p)) for p in pcodes if clean_cell(p) is not None})
            for name, pcodes in layers.items()}
    ranked = sorted(used, key=used.get, reverse=True)
    names = ", ".join(f'"{name}"' for name in layers)
    if not used[ranked[0]] or (len(ranked) > 1 and used[ranked[1]] == used[ranked[0]]):
        raise InputError(
            f"{source}: the file has {len(layers)} layers ({names}) and the table's P-codes do "
            f"not tell which one to use: give the layer (e.g. {source}|layername={ranked[0]})")
    others = ", ".join(f'"{name}" {used[name]}' for name in ranked[1:])
    return ranked[0], (f'layer "{ranked[0]}" of {source} used: {used[ranked[0]]} of the '
                       f"table's {len(wanted)} P-codes are in it (other layers: {others})")


def record_pcode(record, field_name) -> Optional[str]:
    """A feature's P-code; placeholders such as '0' or 'N/A' count as missing."""
    pcode = clean_cell(record.get(field_name))
    return None if pcode is None or is_placeholder(pcode) else pcode


def record_name(record, field_name) -> Optional[str]:
    return clean_cell(record.get(field_name)) if field_name else None
