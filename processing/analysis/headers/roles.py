"""Column role assignment: a user's mapping first, then HXL tags, then header texts (with the
values of a column checked against the role's words), each role and column used once."""
from typing import Dict, List, Optional, Tuple, Union

from ..errors import InputError
from ..translation import QT_TRANSLATE_NOOP
from ..vocabulary import normalise_text
from .columns import Column
from .table4w import ROLE_KEYS, Table4W
from .tokens import Tokens, listed, normalise_hxl
from .vocabulary import MAX_ADMIN_LEVEL, PEOPLE_ROLES, AdminTerm, ColumnVocabulary

VALUE_SAMPLE = 500
TOTAL_BONUS = 3.0  # "Total reached" over "Reached" when a table has both


def assign_roles(
    columns: List[Column],
    table: Table4W,
    mapping: Optional[Dict[str, Optional[str]]],
    vocabulary: ColumnVocabulary,
    where: str,
) -> Tuple[Dict[str, str], Dict[str, str]]:
    roles, sources = _mapped_roles(columns, mapping or {}, where)
    blocked_roles = set(mapping or {})
    free = [c for c in columns if c.label not in roles.values()]
    hxl = [(s, c, r) for c in free for s, r in vocabulary.hxl_candidates(c.hxl)]
    _assign_greedy(hxl, roles, sources, "hxl", blocked_roles)
    tagged = {c.label for c in free if vocabulary.hxl_candidates(c.hxl)}
    free = [c for c in free if c.label not in roles.values() and c.label not in tagged]
    header = _header_role_candidates(free, table, vocabulary)
    _assign_greedy(header, roles, sources, "header", blocked_roles)
    return roles, sources


def admin_hints(columns: List[Column], roles: Dict[str, str],
                vocabulary: ColumnVocabulary) -> Dict[str, Tuple[str, ...]]:
    """Per column, the admin roles its HXL tag or header suggests, the likeliest first: the
    tag's or the explicit level's ("Admin 2"); for a level word ("District"), the header
    guess's level first and then the others of the same kind, since a level word means
    different levels in different countries. Health-system columns (health zones and
    districts are a parallel hierarchy) and columns given another role (a status column
    headed "Estado" is no state) suggest none."""
    other_roles = {label for role, label in roles.items()
                   if not role.startswith("adm") and role != "location"}
    columns = [column for column in columns if column.label not in other_roles]
    matches = {c.label: _best_admin_match(c.primary, vocabulary) or
               _best_admin_match(c.grouped, vocabulary) for c in columns}
    guessed = _admin_levels([m[1] for m in matches.values() if m])
    hints = {}
    for column in columns:
        tagged = [role for _, role in sorted(vocabulary.hxl_candidates(column.hxl), reverse=True)
                  if role.startswith("adm")]
        if tagged:
            hints[column.label] = tuple(tagged)
            continue
        match = matches[column.label]
        if match is None or vocabulary.names_parallel_hierarchy(column.primary):
            continue
        _score, term, kind = match
        if isinstance(term, int):
            hints[column.label] = (f"adm{term}_{kind}",)
            continue
        first = guessed.get(term.term)
        levels = [first] + [lvl for lvl in range(1, MAX_ADMIN_LEVEL + 1) if lvl != first]
        hints[column.label] = tuple(f"adm{lvl}_{kind}" for lvl in levels
                                    if lvl and lvl <= MAX_ADMIN_LEVEL)
    return hints


def _assign_greedy(candidates, roles, sources, source, blocked_roles) -> None:
    """Best scores first; each role and each column used once; leftmost column wins ties."""
    used_columns = set(roles.values())
    for _score, column, role in sorted(candidates, key=lambda c: (-c[0], c[1].index)):
        if role in roles or role in blocked_roles or column.label in used_columns:
            continue
        roles[role] = column.label
        sources[role] = source
        used_columns.add(column.label)


def _header_role_candidates(columns, table, vocabulary) -> List[Tuple[float, Column, str]]:
    candidates = []
    admin = {c.label: _best_admin_match(c.primary, vocabulary) or
             _best_admin_match(c.grouped, vocabulary) for c in columns}
    levels = _admin_levels([m[1] for m in admin.values() if m])
    for column in columns:
        # a group label ("Targeted" over "Total") gives only a people role: over a wide
        # table's columns it names what they count ("Cluster PiN" over "Health"), not a role
        found = _header_candidates(column.primary, vocabulary) or \
            [pair for pair in _header_candidates(column.grouped, vocabulary)
             if pair[1] in PEOPLE_ROLES]
        for score, role in found:
            if role in vocabulary.role_values:
                score += _value_fit_bonus(table.distinct_values(column.label, VALUE_SAMPLE),
                                          vocabulary.role_values[role])
            candidates.append((score, column, role))
        match = admin[column.label]
        if match:
            score, term, kind = match
            level = term if isinstance(term, int) else levels.get(term.term)
            if level and level <= MAX_ADMIN_LEVEL:
                candidates.append((score, column, f"adm{level}_{kind}"))
    return [c for c in candidates if c[0] > 0]


def _header_candidates(variants: List[Tokens], vocabulary: ColumnVocabulary
                       ) -> List[Tuple[float, str]]:
    """(score, role) for the non-admin roles a header's variants name; people counts that
    break a total down (men, women, boys, girls...) are not the total's role."""
    found = [pair for tokens in variants for pair in vocabulary.header_candidates(tokens)]
    breakdown = any(vocabulary.breaks_people_down(tokens) for tokens in variants)
    totals = any(vocabulary.says_total(tokens) for tokens in variants)
    return [(score + (TOTAL_BONUS if totals else 0.0), role) for score, role in found
            if not (breakdown and role in PEOPLE_ROLES)]


def _best_admin_match(variants: List[Tokens], vocabulary: ColumnVocabulary):
    matches = [m for m in (vocabulary.admin_match(tokens) for tokens in variants) if m]
    return max(matches, key=lambda m: m[0]) if matches else None


def _admin_levels(matches: List[Union[int, AdminTerm]]) -> Dict[str, int]:
    """Levels for the admin terms one file uses: in vocabulary order, each deeper than the last."""
    terms = {m.term: m for m in matches if isinstance(m, AdminTerm)}
    levels, previous = {}, 0
    for term in sorted(terms.values(), key=lambda t: t.order):
        previous = max(term.min_level, previous + 1)
        levels[term.term] = previous
    return levels


def _value_fit_bonus(distinct: list, words: set) -> float:
    """+5 when most distinct values are words of the role (e.g. status), -8 when they are not."""
    values = [normalise_text(v) for v in distinct]
    values = [v for v in values if v]
    if not values:
        return 0.0
    share = sum(1 for v in values if v in words) / len(values)
    return 5.0 if share >= 0.5 else -8.0


def _mapped_roles(columns: List[Column], mapping: Dict[str, Optional[str]], where: str):
    roles, sources = {}, {}
    for role, target in mapping.items():
        if role not in ROLE_KEYS:
            raise InputError(QT_TRANSLATE_NOOP(
                "InputError", '{table}: the mapping names an unknown role "{role}"; roles are: '
                              "{roles}"),
                table=where, role=role, roles=", ".join(ROLE_KEYS))
        if target is None or not str(target).strip():
            continue  # the user says: no column has this role
        roles[role] = _resolve_mapping_target(columns, role, str(target), where)
        sources[role] = "mapping"
    return roles, sources


def _resolve_mapping_target(columns: List[Column], role: str, target: str, where: str) -> str:
    wanted = " ".join(target.split()).casefold()
    tag = normalise_hxl(target)
    for matches in (
        lambda c: c.label == target,
        lambda c: c.label.casefold() == wanted,
        lambda c: c.original.casefold() == wanted,
        lambda c: tag is not None and c.hxl == tag,
    ):
        found = [c for c in columns if matches(c)]
        if found:
            return found[0].label
    labels = listed([c.label for c in columns], quote='"')
    raise InputError(QT_TRANSLATE_NOOP(
        "InputError", '{table}: the mapping gives column "{column}" for role "{role}" but there '
                      "is no such column; columns are: {columns}"),
        table=where, column=target, role=role, columns=labels)


def in_role_order(values: Dict[str, str]) -> Dict[str, str]:
    return {role: values[role] for role in ROLE_KEYS if role in values}
