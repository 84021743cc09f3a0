"""The column vocabulary (resources/vocabulary/columns.json, with a user's words merged over
it): header patterns, HXL patterns, admin terms and total-row words."""
import json
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Dict, FrozenSet, List, Optional, Tuple, Union

from ..vocabulary import load_json_file, load_vocabulary, normalise_text
from .tokens import PatternIndex, Tokens, contains, header_tokens, normalise_hxl, tokenised

MAX_ADMIN_LEVEL = 4
PEOPLE_ROLES = ("targeted", "reached")
# HXL's disaggregation attributes (sex and age): people counted by them are a breakdown
HXL_BREAKDOWN = frozenset({"f", "m", "i", "infants", "children", "adolescents", "youth",
                           "adults", "elderly"})


@dataclass
class AdminTerm:
    term: str
    order: int
    min_level: int
    patterns: List[Tokens]


class ColumnVocabulary:
    """Header patterns, HXL patterns and admin terms from columns.json, pre-tokenised."""

    def __init__(self, data: Dict[str, Any]):
        roles = data.get("roles", {})
        self.role_headers = {
            role: [header_tokens(text) for text in spec.get("headers", [])]
            for role, spec in roles.items()
        }
        self.role_values = {
            role: {normalise_text(text) for text in spec["values"]}
            for role, spec in roles.items()
            if spec.get("values")
        }
        hxl = {role: list(spec.get("hxl", [])) for role, spec in roles.items()}
        for level in range(1, MAX_ADMIN_LEVEL + 1):
            hxl[f"adm{level}_code"] = [f"#adm{level}+code"]
            hxl[f"adm{level}_name"] = [f"#adm{level}", f"#adm{level}+name"]
        self.hxl_patterns = self._parse_hxl_patterns(hxl)
        admin = data.get("admin", {})
        self.explicit_levels = {
            int(level): [header_tokens(text) for text in texts]
            for level, texts in admin.get("explicit_levels", {}).items()
        }
        self.admin_terms = [
            AdminTerm(t["term"], t["order"], t["min_level"], tokenised(t["patterns"]))
            for t in admin.get("terms", [])
        ]
        self.code_words = [header_tokens(text) for text in admin.get("code_words", [])]
        self.name_words = {normalise_text(text) for text in admin.get("name_words", [])}
        self.parallel_words = [header_tokens(text) for text in admin.get("parallel_words", [])]
        self.total_words = [normalise_text(text) for text in data.get("total_rows", [])]
        people = data.get("people", {})
        self.breakdown_words = {normalise_text(text) for text in people.get("breakdown", [])}
        self.people_total_words = {normalise_text(text) for text in people.get("total", [])}
        self._role_index = PatternIndex((role, pattern) for role, patterns
                                        in self.role_headers.items() for pattern in patterns)
        self._level_index = PatternIndex((level, pattern) for level, patterns
                                         in self.explicit_levels.items() for pattern in patterns)
        self._term_index = PatternIndex((position, pattern) for position, term in
                                        enumerate(self.admin_terms) for pattern in term.patterns)

    @classmethod
    def load(cls, extra_path: Union[str, Path, None] = None) -> "ColumnVocabulary":
        """The bundled vocabulary, with a user file of the same shape merged over it."""
        data = json.loads(json.dumps(load_vocabulary("columns")))  # private copy
        if extra_path:
            _merge_columns_vocabulary(data, load_json_file(extra_path))
        return cls(data)

    @staticmethod
    def _parse_hxl_patterns(hxl: Dict[str, List[str]]) -> List[Tuple[str, str, FrozenSet[str]]]:
        patterns = []
        for role, tags in hxl.items():
            for tag in tags:
                hashtag, *attrs = normalise_hxl(tag).split("+")
                patterns.append((role, hashtag, frozenset(attrs)))
        return patterns

    def hxl_candidates(self, tag: Optional[str]) -> List[Tuple[float, str]]:
        """(score, role) for a normalised tag; attributes another role claims exclude a role."""
        if not tag:
            return []
        hashtag, *attrs = tag.split("+")
        tag_attrs = set(attrs)
        found: Dict[str, float] = {}
        for role, pattern_tag, pattern_attrs in self.hxl_patterns:
            if pattern_tag != hashtag or not pattern_attrs <= tag_attrs:
                continue
            if tag_attrs & self._claimed_by_others(hashtag, role):
                continue
            if role in PEOPLE_ROLES and tag_attrs & HXL_BREAKDOWN:
                continue  # (#reached+f+children: a part of the people, not the total)
            bonus = 1.0 if role in PEOPLE_ROLES and "total" in tag_attrs else 0.0
            found[role] = max(found.get(role, -1.0), float(len(pattern_attrs)) + bonus)
        return [(score, role) for role, score in found.items()]

    def _claimed_by_others(self, hashtag: str, role: str) -> FrozenSet[str]:
        claimed = set()
        for other, pattern_tag, pattern_attrs in self.hxl_patterns:
            if other != role and pattern_tag == hashtag:
                claimed |= pattern_attrs
        own = {a for r, t, attrs in self.hxl_patterns if r == role and t == hashtag for a in attrs}
        return frozenset(claimed - own)

    def header_candidates(self, tokens: Tokens) -> List[Tuple[float, str]]:
        """(score, role) for the non-admin roles whose patterns occur in the header."""
        scores = self._role_index.best_scores(tokens)
        return [(scores[role], role) for role in self.role_headers if scores.get(role, 0.0) > 0]

    def admin_match(self, tokens: Tokens) -> Optional[Tuple[float, Union[int, AdminTerm], str]]:
        """(score, explicit level or term, 'code'|'name') for an admin header, else None."""
        best: Optional[Tuple[float, Union[int, AdminTerm]]] = None
        level_scores = self._level_index.best_scores(tokens)
        for level in self.explicit_levels:
            score = max(level_scores.get(level, 0.0), 0.0) + 1.0
            if score > 1.0 and (best is None or score > best[0]):
                best = (score, level)
        term_scores = self._term_index.best_scores(tokens)
        for position, term in enumerate(self.admin_terms):
            score = max(term_scores.get(position, 0.0), 0.0)
            if score > 0 and (best is None or score > best[0]):
                best = (score, term)
        if best is None:
            return None
        is_code = any(contains(tokens, word) >= 0 for word in self.code_words)
        extra_words = [t for t in tokens if t in self.name_words]
        bonus = 10.0 if is_code else 0.5 * len(extra_words)
        return best[0] + bonus, best[1], "code" if is_code else "name"

    def breaks_people_down(self, tokens: Tokens) -> bool:
        """Whether a header counts part of the people (men, women, boys, girls...)."""
        return any(token in self.breakdown_words for token in tokens)

    def says_total(self, tokens: Tokens) -> bool:
        return any(token in self.people_total_words for token in tokens)

    def names_parallel_hierarchy(self, variants: List[Tokens]) -> bool:
        """Whether a header names a health zone, health district or another hierarchy that
        is not the admin one."""
        return any(contains(tokens, word) >= 0 for tokens in variants
                   for word in self.parallel_words)

    def is_total_label(self, value: Any) -> bool:
        text = normalise_text(value)
        return any(text == word or text.startswith(word + " ") for word in self.total_words)


def _merge_columns_vocabulary(base: Dict[str, Any], extra: Dict[str, Any]) -> None:
    """User words are added to the bundled ones (lists extended, new roles/terms added)."""
    for role, spec in extra.get("roles", {}).items():
        target = base["roles"].setdefault(role, {})
        for key, values in spec.items():
            target[key] = list(values) + list(target.get(key, []))
    admin = base.setdefault("admin", {})
    for key, values in extra.get("admin", {}).items():
        if key == "terms":
            admin["terms"] = list(values) + admin.get("terms", [])
        elif key == "explicit_levels":
            for level, texts in values.items():
                admin["explicit_levels"].setdefault(level, []).extend(texts)
        elif isinstance(values, list):
            admin[key] = list(values) + admin.get(key, [])
    base["total_rows"] = extra.get("total_rows", []) + base.get("total_rows", [])
