"""Read a 3W/4W table (CSV/TXT or spreadsheet) into a raw grid of cells with file row numbers.

``reader`` has the entry points; ``raw`` the table they give; ``text_file`` reads CSV/TXT
(``encoding``, then records by ``fast_csv`` or ``plain_csv``), ``spreadsheets`` the rest.
"""
from .raw import RawTable, cells_of
from .reader import list_sheets, read_table, table_from_records
from .spreadsheets import SPREADSHEET_SUFFIXES, SheetChoice

__all__ = ["SPREADSHEET_SUFFIXES", "RawTable", "SheetChoice", "cells_of", "list_sheets",
           "read_table", "table_from_records"]
