"""Translation hooks for the pure-Python layer, which must not import Qt.

Texts a person reads (QA report headings) are written as ``QT_TRANSLATE_NOOP(context, text)``:
at run time it returns the English text, and pylupdate5 extracts it into i18n/*.ts like any
``self.tr``. Functions that write such texts take ``translate(context, text)``: the algorithms pass
``QCoreApplication.translate``, plain Python and the plain tests get English. Chosen over JSON
word lists under resources/ so every visible string has one workflow (.ts files, Qt Linguist,
the same completeness test).
"""
from typing import Callable

Translate = Callable[[str, str], str]


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:  # noqa: N802 - the name pylupdate5 reads
    return text


def untranslated(context: str, text: str) -> str:
    return text


class Template(str):
    """An English text made from a translatable template and its values, e.g. the summary
    label "match rate admin 2" from "match rate admin {level}": it is the English text (a
    dictionary key, a log line) and knows its template, so ``translated`` writes it in the
    user's language."""

    def __new__(cls, template: str, **values) -> "Template":
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template, text.values = template, values
        return text


def translated(text: str, context: str, translate: Translate = untranslated) -> str:
    """``text`` in the user's language: a Template from its template and values, another text
    as a whole (itself where it has no translation)."""
    if isinstance(text, Template):
        message = translate(context, text.template)
        return message.format(**text.values) if text.values else message
    return translate(context, text)
