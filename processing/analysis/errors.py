"""Errors the analysis layer raises for problems a user can fix in their input."""
from typing import Any

from .translation import QT_TRANSLATE_NOOP, Translate, untranslated

CONTEXT = "InputError"  # the translation context of every message template


class InputError(ValueError):
    """A file, sheet, row or column the user supplied cannot be used as it is.

    The message always names the file (and sheet, row and column where relevant) so the GUI can
    show it unchanged. It is a template in English, marked for translation under the context
    ``InputError``, with its values given by name::

        raise InputError(QT_TRANSLATE_NOOP("InputError", "{file}: the file is empty"),
                         file=path.name)

    ``str(error)`` is the English message; ``error.text(translate)`` the message in the user's
    language (the algorithms pass ``QCoreApplication.translate``). A value may be another
    InputError (a message naming the layer around it): it is translated too. A message given
    without values is used as it is (and translated where it is a known template).
    """

    def __init__(self, template: str, **values: Any):
        self.template = template
        self.values = values
        super().__init__(self.text(untranslated))

    def text(self, translate: Translate = untranslated) -> str:
        message = translate(CONTEXT, self.template)
        if not self.values:
            return message
        return message.format(**{name: value.text(translate) if isinstance(value, InputError)
                                 else value for name, value in self.values.items()})

    def within(self, where: str) -> "InputError":
        """This message, preceded by where it happened (a layer, a file)."""
        return InputError(QT_TRANSLATE_NOOP("InputError", "{where}: {error}"), where=where,
                          error=self)
