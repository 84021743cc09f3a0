"""The choices that make one generated table (country, seed): language, layout, file format,
headers, code and name styles, boundary file, row kinds, each drawn with the frequencies of
conventions.py."""
import math
import random
from dataclasses import dataclass, field
from typing import Dict, Tuple

from . import conventions as cv
from .reference import Country, is_synthetic


@dataclass
class Style:
    """Every per-table choice (see conventions.py for how often each is made)."""

    language: str
    vocabulary: str  # language of the generic words (one of conventions.TABLE_LANGUAGES)
    file_format: str
    encoding: str
    delimiter: str
    layout: str
    location_kind: str
    table_levels: Tuple[int, ...]
    layer_level: int
    boundary_schema: str
    single_level: bool
    gpkg: bool
    split_features: bool
    title_rows: bool
    hxl: bool
    hxl_spaces: bool
    two_row_header: bool
    header_style: str
    code_style: str
    code_style_columns: str
    name_case: str
    accented: bool
    partial_names: bool
    trailing_blank_rows: int
    total_row: bool
    rows: int
    health: bool
    hz_code_style: str
    kobo_codes: bool
    people_breakdown: bool
    level_groups: bool  # two-row 5W headers: level words over "Name" and "Pcode"
    vertical_merges: bool  # two-row headers: ungrouped columns' labels in the top row
    row_kinds: Dict[str, float] = field(default_factory=dict)


def pick(rng: random.Random, weights: Dict[str, float]) -> str:
    keys = list(weights)
    return rng.choices(keys, weights=[weights[k] for k in keys])[0]


def choose_style(country: Country, rng: random.Random) -> Style:
    languages = country.languages
    language = rng.choices(list(languages), [languages[k]["share"] for k in languages])[0]
    vocabulary = language if language in cv.TABLE_LANGUAGES else "en"
    depth = country.depth
    health_country = "health" in country.words
    layout = pick(rng, cv.LAYOUT_HEALTH_COUNTRY if health_country else cv.LAYOUT)
    layer_level = depth
    table_levels: Tuple[int, ...] = tuple(range(1, depth + 1))
    if depth == 2 and rng.random() < cv.BOUNDARY_LEVEL_1_SHARE:
        layer_level = 1
        if rng.random() < cv.ADMIN1_ONLY_TABLE_SHARE:
            table_levels = (1,)
    has_adm3 = bool(country.adm3_digits) and any(is_synthetic(u) for u in country.units.values())
    if layout == "five_w" and has_adm3 and table_levels == (1, 2):
        table_levels = (1, 2, 3)
    location_kind = pick(rng, cv.LOCATION_KINDS)
    if layout in ("names_simple", "activityinfo"):
        location_kind = "names_only"
    file_format = pick(rng, cv.FILE_FORMAT)
    encoding = pick(rng, cv.CSV_ENCODING)
    delimiter = "\t" if encoding == "utf-16" else pick(rng, cv.CSV_DELIMITER)
    kinds = {}
    for kind, (share, (low, high)) in cv.ROW_KINDS.items():
        if rng.random() < share:
            kinds[kind] = rng.uniform(low, high)
    if location_kind != "codes_and_names":
        kinds.pop("code_only", None)
        kinds.pop("name_only", None)
    if len(table_levels) == 1:
        kinds.pop("adm1_only", None)
    low, high = cv.ROWS
    return Style(
        language=language, vocabulary=vocabulary, file_format=file_format, encoding=encoding,
        delimiter=delimiter, layout=layout, location_kind=location_kind,
        table_levels=table_levels, layer_level=layer_level,
        boundary_schema=pick(rng, cv.BOUNDARY_SCHEMA),
        single_level=rng.random() < cv.BOUNDARY_SINGLE_LEVEL,
        gpkg=rng.random() < cv.BOUNDARY_GPKG,
        split_features=rng.random() < cv.BOUNDARY_SPLIT_FEATURES,
        title_rows=rng.random() < cv.TITLE_ROWS, hxl=rng.random() < cv.HXL_ROW,
        hxl_spaces=rng.random() < cv.HXL_WITH_SPACES,
        two_row_header=rng.random() < cv.TWO_ROW_HEADER[layout],
        header_style=pick(rng, cv.HEADER_STYLE), code_style=pick(rng, cv.CODE_STYLE),
        code_style_columns=pick(rng, cv.CODE_STYLE_COLUMNS), name_case=pick(rng, cv.NAME_CASE),
        accented=vocabulary in ("es", "fr", "pt") and rng.random() < cv.ACCENTED_TABLE,
        partial_names=rng.random() < cv.PARTIAL_NAMES_TABLE,
        trailing_blank_rows=rng.randint(1, 5) if rng.random() < cv.TRAILING_BLANK_ROWS else 0,
        total_row=rng.random() < cv.TOTAL_ROW,
        rows=int(math.exp(rng.uniform(math.log(low), math.log(high)))),
        health=layout == "health" or (layout == "activityinfo" and health_country
                                      and rng.random() < 0.5),
        hz_code_style=pick(rng, cv.HEALTH_ZONE_CODE_STYLE),
        kobo_codes=rng.random() < 0.7, people_breakdown=rng.random() < 0.7,
        level_groups=rng.random() < cv.LEVEL_GROUPS,
        vertical_merges=rng.random() < cv.VERTICAL_MERGES,
        row_kinds=kinds)
