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
