"""Plural forms of the map languages (Unicode CLDR cardinal rules, whole numbers only).

A text with a count is given per plural category ({"one": "{n} partner", "other": "{n}
partners"}); Arabic has six categories (zero, one, two, few, many, other). A category a text
does not give falls back to "other".
"""
from typing import Any, Mapping, Union


def plural_category(language: str, count: int) -> str:
    n = abs(int(count))
    if language == "ar":
        if n in (0, 1, 2):
            return ("zero", "one", "two")[n]
        if 3 <= n % 100 <= 10:
            return "few"
        if 11 <= n % 100 <= 99:
            return "many"
        return "other"
    if language == "fr":
        return "one" if n in (0, 1) else "other"
    return "one" if n == 1 else "other"


def plural(forms: Union[str, Mapping[str, str]], language: str, count: int, **fields: Any) -> str:
    """The form of ``forms`` for ``count``, with {n} and ``fields`` filled in."""
    if isinstance(forms, str):
        text = forms
    else:
        text = forms.get(plural_category(language, count), forms["other"])
    return text.format(n=count, **fields)
