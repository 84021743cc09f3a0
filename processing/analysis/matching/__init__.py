"""Matching of partners' admin codes and names to boundary units (the P-code cascade).

For one combination of raw values (codes and names per admin level) ``Matcher.resolve`` walks:

1. placeholders ('#N/A', '-', '0', ...) are emptied; national-coverage phrases are set aside;
2. codes, every level: crosswalk -> exact P-code -> normalised P-code (case, separators, zero
   padding, ISO3 prefix for ISO2 and back, digits without prefix) -> a code absent from the
   boundaries whose parent code exists rolls up (or, below the boundaries' deepest level, is
   ``derived`` to it);
3. names, top-down, within the parent found so far: crosswalk -> exact -> normalised (case,
   accents, punctuation; then without generic words like 'Province') -> fuzzy;
4. the deepest unit found wins; disagreeing levels are reported in the reason.

Fuzzy rule (conservative, a wrong match is worse than none): similarity = max(ratio,
token_sort_ratio) of the folded names; accepted only when >= FUZZY_ACCEPT (90) AND at least
FUZZY_MARGIN (5) points above the best other unit. Anything else is only a *suggestion*, and so
is a name found outside the parent the row gives.

A cell listing several units ('A, B', 'A; B', 'Stem(a,b)', 'A B' when every word is a unit)
gives one Match per unit. Everything is cached per unique combination of raw values, so large
tables cost what their distinct values cost.

Modules: ``matcher`` (the cascade: steps 1 and 4, splits), ``codes`` (step 2), ``names``
(step 3), ``crosswalk`` (reviewed decisions, and the suggestions file that makes them),
``records`` (``Match`` and the evidence records) and ``lines`` (``MatchLines``, a table's result).
"""
from .columns import LocationColumns, decide_location_columns, with_units_from_codes
from .crosswalk import (
    CROSSWALK_COLUMNS,
    SUGGESTION_COLUMNS,
    Crosswalk,
    CrosswalkEntry,
    write_suggestions_csv,
)
from .lines import MatchLines
from .matcher import Matcher
from .names import FUZZY_ACCEPT, FUZZY_MARGIN, SUGGEST_FROM
from .records import FRAME_COLUMNS, Match

__all__ = ["CROSSWALK_COLUMNS", "FRAME_COLUMNS", "FUZZY_ACCEPT", "FUZZY_MARGIN",
           "SUGGESTION_COLUMNS", "SUGGEST_FROM", "Crosswalk", "CrosswalkEntry", "Match",
           "LocationColumns", "MatchLines", "Matcher", "decide_location_columns",
           "with_units_from_codes",
           "write_suggestions_csv"]
