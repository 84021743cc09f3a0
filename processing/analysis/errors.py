"""Errors the analysis layer raises for problems a user can fix in their input."""


class InputError(ValueError):
    """A file, sheet, row or column the user supplied cannot be used as it is.

    The message always names the file (and sheet, row and column where relevant) so the GUI can
    show it unchanged.
    """
