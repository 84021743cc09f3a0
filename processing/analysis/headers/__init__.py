"""Find the header of a raw 3W/4W table and give its columns roles (org, cluster, adm1_code ...).

Layout: title and blank rows may precede the header; the header may have a group row above it
(merged cells, so group labels are carried right); an HXL hashtag row may sit under (or over) it.
Roles come from HXL tags first, then from the multilingual header vocabulary in
resources/vocabulary/columns.json, and an explicit mapping overrides both. The admin roles are
a first guess: the join decides them from the values, against the boundaries
(matching/columns.py), and the header's admin words are only hints there.

Modules: ``parse`` (parse_table: the steps in order), ``layout`` (header layout detection: which
rows are title, group, header, HXL, data, blank or total rows), ``columns`` (labels under that
layout), ``roles`` (column role assignment), ``vocabulary`` and ``tokens`` (what headers are
compared with, and how), ``profiles`` (mapping profiles), ``table4w`` (the result).
"""
from .parse import parse_table, set_location_roles
from .profiles import load_mapping_profile, mapping_from_text, mapping_profile_to_json
from .table4w import ROLE_KEYS, SOURCE_ROW, Table4W
from .tokens import header_tokens, listed, normalise_hxl
from .vocabulary import MAX_ADMIN_LEVEL, ColumnVocabulary

__all__ = ["MAX_ADMIN_LEVEL", "ROLE_KEYS", "SOURCE_ROW", "ColumnVocabulary", "Table4W",
           "header_tokens", "listed", "load_mapping_profile", "mapping_from_text",
           "mapping_profile_to_json", "normalise_hxl", "parse_table", "set_location_roles"]
