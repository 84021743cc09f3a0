"""Mapping profiles: the column roles of a table as JSON, read back next round, and mappings
as users type them."""
import json
from pathlib import Path
from typing import Dict, Optional, Union

from ..errors import InputError
from ..translation import QT_TRANSLATE_NOOP
from ..vocabulary import load_json_file
from .roles import ROLE_KEYS
from .table4w import Table4W


def mapping_profile_to_json(table: Table4W) -> str:
    """A JSON profile {role: column label} that load_mapping_profile() reads back next round."""
    return json.dumps(table.roles, ensure_ascii=False, indent=2)


def load_mapping_profile(path: Union[str, Path]) -> Dict[str, Optional[str]]:
    """Read a mapping profile written by mapping_profile_to_json (or by hand)."""
    name = Path(path).name
    profile = load_json_file(path)
    if not isinstance(profile, dict):
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{file}: a mapping profile must be a JSON object {{role: column}}"),
            file=name)
    for role, column in profile.items():
        if role not in ROLE_KEYS:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", '{file}: unknown role "{role}"; roles are: {roles}'),
                file=name, role=role, roles=", ".join(ROLE_KEYS))
        if column is not None and not isinstance(column, str):
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", '{file}: role "{role}" must name a column (text) or be null'),
                file=name, role=role)
    return dict(profile)


def mapping_from_text(text: str) -> Optional[Dict[str, Optional[str]]]:
    """A column mapping as users give it: a JSON profile file, inline JSON, or role=column
    pairs separated by ';' (an empty column switches a role off). None when blank."""
    text = text.strip()
    if not text:
        return None
    if Path(text).is_file():
        return load_mapping_profile(text)
    if text.startswith("{"):
        return json.loads(text)
    pairs = [part.split("=", 1) for part in text.split(";") if part.strip()]
    if any(len(pair) != 2 for pair in pairs):
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "Mapping {mapping!r}: write role=column pairs separated by ';' (e.g. "
                          "org=Partner;adm2_code=District Pcode) or give a JSON profile file"),
            mapping=text)
    return {role.strip(): column.strip() for role, column in pairs}
