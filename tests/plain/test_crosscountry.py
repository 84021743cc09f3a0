"""The cross-country evaluation (tests/crosscountry): the generator checked against the real
gazetteer, a sample of countries through the join, and ``score_sample()`` for the targets of
issue 17 (precision >= 99.9% and recall >= 99% of resolvable rows, with no mapping).

Today's figures on the sample are in benchmarks/README.md ("crosscountry"); the threshold
assertion belongs with the change that reaches them.
"""
import importlib.util
import json
import random
import re
from collections import Counter
from pathlib import Path

import pandas as pd
import pytest

from coordmap.tests.crosscountry import conventions as cv
from coordmap.tests.crosscountry import reference
from coordmap.tests.crosscountry.columns import build_columns
from coordmap.tests.crosscountry.generate import generate
from coordmap.tests.crosscountry.score import (
    TableScore,
    by_country,
    score_rows,
    score_table,
    totals,
)
from coordmap.tests.crosscountry.style import choose_style
from coordmap.tests.crosscountry.truth import CONTRADICTION, Cell, resolve
from coordmap.tests.plain.geo_loader import read_vector

# Countries of every continent, language and ladder the evaluation covers (health pyramids,
# admin 3 below the boundaries, "Département" at admin 1 and at admin 2, "Wilaya" at admin 1
# and at admin 2, P-codes without a country part, single-level countries), one seed each.
SAMPLE = ("COD", "MLI", "HTI", "NGA", "UKR", "MOZ", "SYR", "COL", "SSD", "BTN", "MRT", "ARE",
          "TJK", "IRQ", "TZA", "CIV", "BEN", "OMN", "KGZ", "PHL")
SAMPLE_SEED = 1
SAMPLE_MAX_ROWS = 500
# Generated (not joined) to check that every convention occurs: countries x seeds.
CORPUS = SAMPLE + ("AFG", "BFA", "CMR", "ETH", "GTM", "LBN", "PER", "SDN", "YEM", "VEN")
CORPUS_SEEDS = (1, 2)
CORPUS_MAX_ROWS = 600
HEADER_SEEDS = range(1, 6)  # column headers only (no rows), every country


@pytest.fixture(scope="module")
def gazetteer():
    if not reference.available():
        pytest.skip(f"reference gazetteers {reference.REFERENCE_DIR} are absent (only CI and "
                    "dev machines have ../shared)")
    return reference


@pytest.fixture(scope="module")
def corpus(gazetteer, tmp_path_factory):
    folder = tmp_path_factory.mktemp("crosscountry-corpus")
    return [generate(iso3, seed, folder / f"{iso3}_{seed}", CORPUS_MAX_ROWS)
            for iso3 in CORPUS for seed in CORPUS_SEEDS]


@pytest.fixture(scope="module")
def header_corpus(gazetteer):
    """(country, column) of the columns the generator's first steps draw for every country
    and seed (as ``generate`` does, without its boundary, rows and files)."""
    columns = []
    for iso3 in gazetteer.country_codes():
        country = gazetteer.load_country(iso3)
        for seed in HEADER_SEEDS:
            rng = random.Random(f"{iso3}:{seed}")
            columns += [(iso3, c) for c in build_columns(country, choose_style(country, rng), rng)]
    return columns


def score_sample(folder: Path, countries=SAMPLE, seed=SAMPLE_SEED, max_rows=SAMPLE_MAX_ROWS):
    """(per-table scores, per-country frame, totals) of the sample joined with no mapping.

    The issue's targets, for the engineer whose change reaches them::

        scores, per_country, total = score_sample(tmp_path)
        assert total["precision"] >= 0.999 and total["recall"] >= 0.99
    """
    scores = [score_table(generate(iso3, seed, Path(folder) / iso3, max_rows))
              for iso3 in countries]
    return scores, by_country(scores), totals(scores)


@pytest.fixture(scope="module")
def sample(gazetteer, tmp_path_factory):
    return score_sample(tmp_path_factory.mktemp("crosscountry-sample"))


# -- The generator ----------------------------------------------------------------------------

def test_admin_words_cover_every_country_at_its_real_levels(gazetteer):
    words = reference.admin_words()
    assert set(words) == set(gazetteer.country_codes())
    for iso3, entry in words.items():
        country = gazetteer.load_country(iso3)
        assert entry["source"], iso3
        assert abs(sum(lang["share"] for lang in entry["languages"].values()) - 1) < 1e-9
        for language, lang in entry["languages"].items():
            assert len(lang["levels"]) >= country.depth, (iso3, language)
    # not one ladder: the same word sits at different levels in different countries
    levels_of = {}
    for entry in words.values():
        for lang in entry["languages"].values():
            for level, options in enumerate(lang["levels"][:2], start=1):
                for word in options:
                    levels_of.setdefault(word, set()).add(level)
    for word in ("Département", "District", "Province", "Wilaya", "Governorate", "Region"):
        assert levels_of[word] == {1, 2}, word


def test_truth_is_consistent_with_the_reference(corpus):
    for table in corpus:
        country = reference.load_country(table.iso3)
        truth = table.truth
        assert truth["source_row"].is_unique
        for row in truth.itertuples():
            units = [p for p in row.expected.split(";") if p]
            for pcode in units:
                unit = country.units[pcode]  # a real unit of the reference, not a synthetic one
                assert not reference.is_synthetic(unit) and unit.level == row.level, row
            if row.resolvable:
                assert units and all(p in table.boundary.pcodes for p in units), row
            else:
                assert row.reason, row


def test_parents_in_the_written_table_agree_with_the_truth(corpus):
    """Read back with pandas: every admin-1 code written as the reference writes it, in a row
    whose truth is an admin-2 unit and not overruled, is that unit's parent."""
    checked = 0
    for table in corpus:
        country = reference.load_country(table.iso3)
        frame = _read_back(table)
        adm1 = [j for j, c in enumerate(table.columns) if c.role == "adm1_code"]
        if not adm1:
            continue
        header = table.columns[adm1[0]].header
        truth = table.truth.set_index("source_row")
        for source_row, cell in zip(truth.index, frame.iloc[:, adm1[0]]):
            t = truth.loc[source_row]
            if t["level"] != 2 or header in t["overruled"].split(";") or ";" in t["expected"]:
                continue
            if str(cell) in country.units and country.units[str(cell)].level == 1:
                assert country.units[t["expected"]].parent == str(cell), (table.name, source_row)
                checked += 1
    assert checked > 1000


def _read_back(table) -> pd.DataFrame:
    rows = table.header_rows
    if table.path.suffix == ".xlsx":
        frame = pd.read_excel(table.path, header=None, dtype=str, keep_default_na=False)
    else:
        encoding, delimiter = _csv_format(table)
        frame = pd.read_csv(table.path, header=None, dtype=str, keep_default_na=False,
                            encoding=encoding, sep=delimiter, skip_blank_lines=False)
    return frame.iloc[rows:rows + len(table.truth)].reset_index(drop=True)


def _csv_format(table):
    _, encoding, delimiter = table.style["written_as"].split(" ")
    return encoding, "\t" if delimiter == "tab" else delimiter


def test_every_convention_occurs_in_the_corpus(corpus):
    tags = Counter(t for table in corpus for cell in table.truth["tags"]
                   for t in cell.split(";") if t)
    for tag in ("code_lower", "code_prefix", "code_padding", "code_number", "code_separator",
                "code_mixed", "contradiction", "split_contradiction", "list", "unknown_name",
                "typo", "transliteration", "accents", "partial_name", "parent_hint",
                "qualifier", "homonym", "adm1_only", "code_only", "name_only", "national",
                "no_location", "total_row"):
        assert tags[tag] > 0, tag
    reasons = Counter(r for table in corpus for r in table.truth["reason"])
    assert any("rolled up to admin 1" in r for r in reasons)
    assert any(r.startswith("list cell of") for r in reasons)
    assert reasons[CONTRADICTION] > 0
    assert any(o for table in corpus for o in table.truth["overruled"])  # majority won
    styles = [table.style for table in corpus]

    def seen(key):
        return {style[key] for style in styles}

    assert seen("layout") == set(cv.LAYOUT)
    assert seen("location_kind") == set(cv.LOCATION_KINDS)
    assert seen("header_style") == set(cv.HEADER_STYLE)
    assert {w.split(" ")[0] for w in seen("written_as")} == {"csv", "xlsx"}
    csv_files = [w.split(" ") for w in seen("written_as") if w != "xlsx"]
    assert {encoding for _, encoding, _ in csv_files} == set(cv.CSV_ENCODING)
    assert {delimiter for _, _, delimiter in csv_files} == {",", ";", "tab"}
    assert seen("vocabulary") == set(cv.TABLE_LANGUAGES)
    for flag in ("title_rows", "hxl", "hxl_spaces", "two_row_header", "level_groups",
                 "vertical_merges", "single_level", "split_features", "total_row", "accented",
                 "partial_names", "people_breakdown"):
        assert seen(flag) == {True, False}, flag
    assert any(style["trailing_blank_rows"] for style in styles)
    assert {b.split(" ")[0] for b in seen("boundary")} == set(cv.BOUNDARY_SCHEMA)
    # (GeoPackages are written with GDAL: a venv without its bindings writes GeoJSON only)
    written = {"geojson", "gpkg"} if importlib.util.find_spec("osgeo") else {"geojson"}
    assert {b.split(" ")[1] for b in seen("boundary")} == written
    assert {style["layer_level"] for style in styles} == {1, 2}


def test_headers_carry_the_conventions_of_real_tables(header_corpus):
    joined = "\n".join(c.header for _, c in header_corpus)
    for pattern in (r"Pcod\b", r"P_code", r"\bCod\. ", r"Code adm\d", r"_P[Cc][Oo][Dd][Ee]\b",
                    r"^pcode\d$", r"^group_\w+/", r"^Location\.", r"Admin\d", r"^_uuid$"):
        assert re.search(pattern, joined, re.MULTILINE), pattern
    roles = Counter(c.role for _, c in header_corpus)
    for role in ("hz_code", "hz_name", "ha_name", "targeted", "reached", "targeted_men",
                 "reached_girls", "adm3_code", "adm3_name", "location", "meta"):
        assert roles[role] > 0, role
    # location columns are named with the country's own words at their real levels
    words = reference.admin_words()
    located = Counter()
    for iso3, column in header_corpus:
        if column.level in (1, 2) and column.kind == "name" and column.header in {
                w for lang in words[iso3]["languages"].values()
                for w in lang["levels"][column.level - 1]}:
            located[iso3] += 1
    assert len(located) > 100


def test_boundary_files_use_real_cod_field_names(corpus):
    fields = set()
    for table in corpus:
        records, geometries = read_vector(table.boundary.path)
        fields |= set(records[0])
        assert all(g is not None and g.is_valid for g in geometries), table.boundary.path
        pcodes = {v for r in records for k, v in r.items() if re.search(r"(?i)pcode", k)}
        assert pcodes - {reference.load_country(table.iso3).prefix, table.iso3} \
            <= table.boundary.pcodes
    assert {"ADM2_PCODE", "ADM1_PCODE", "adm2_pcode", "adm2_name", "admin2Pcode",
            "admin2Name"} <= fields
    for language in ("EN", "FR", "ES", "PT"):  # names in the country's language, as COD-ABs
        assert any(re.match(rf"ADM\d_{language}$", f) for f in fields), language


def test_health_zone_names_include_admin_names_of_elsewhere(corpus):
    """The trap of real health tables: a zone named like an admin unit of another region."""
    traps = 0
    for table in corpus:
        country = reference.load_country(table.iso3)
        zone_columns = [j for j, c in enumerate(table.columns) if c.role == "hz_name"]
        if not zone_columns or table.truth.empty:
            continue
        frame = _read_back(table)
        for cell, expected in zip(frame.iloc[:, zone_columns[0]], table.truth["expected"]):
            if not expected or ";" in expected:
                continue
            own_top = country.ancestor(expected, 1)
            for level in (1, 2):
                for pcode in country.named(level, str(cell)):
                    traps += country.ancestor(pcode, 1) != own_top
    assert traps > 0


def test_generation_is_deterministic(gazetteer, tmp_path):
    for iso3, seed in (("COD", 1), ("SYR", 2), ("ARE", 1)):
        first = generate(iso3, seed, tmp_path / "a" / iso3)
        second = generate(iso3, seed, tmp_path / "b" / iso3)
        pd.testing.assert_frame_equal(first.truth, second.truth)
        assert [vars(c) for c in first.columns] == [vars(c) for c in second.columns]
        assert first.style == second.style
        pd.testing.assert_frame_equal(_read_back(first), _read_back(second))
        if first.boundary.file_format == "geojson":
            assert first.boundary.path.read_bytes() == second.boundary.path.read_bytes()
        assert json.loads((first.path.parent / "columns.json").read_text()) == \
            json.loads((second.path.parent / "columns.json").read_text())
    one, two = (generate("COD", seed, tmp_path / "c" / str(seed)) for seed in (1, 2))
    assert one.style != two.style and not one.truth.equals(two.truth)


# -- Truth rules (no generation) ----------------------------------------------------------------

def test_truth_rules_majority_split_roll_up_and_lists(gazetteer):
    country = reference.load_country("NGA")
    unit = next(u for u in country.at_level(2) if not country.is_homonym(u.pcode))
    sibling = next(p for p in country.children[unit.parent] if p != unit.pcode)
    elsewhere = next(u for u in country.at_level(2) if u.parent != unit.parent)
    layer = {u.pcode for u in country.units.values() if u.level <= 2}

    def cell(level, kind, pcode, item=None):
        return Cell(f"{kind}{level}", level, kind, pcode, frozenset({pcode}), item)

    agreeing = [cell(1, "code", unit.parent), cell(1, "name", unit.parent),
                cell(2, "name", unit.pcode)]
    truth = resolve(country, agreeing + [cell(2, "code", elsewhere.pcode)], layer, (1, 2))
    assert (truth.pcodes, truth.overruled) == ((unit.pcode,), ("code2",))
    split = resolve(country, [cell(1, "code", unit.parent), cell(2, "code", elsewhere.pcode)],
                    layer, (1, 2))
    assert not split.resolvable and split.reason == CONTRADICTION
    tie = resolve(country, [cell(1, "code", unit.parent), cell(2, "code", sibling),
                            cell(2, "name", unit.pcode)], layer, (1, 2))
    assert tie.pcodes == (unit.parent,) and tie.reason == "rolled up to admin 1"
    adm2_layer = {u.pcode for u in country.at_level(2)}
    single_level = resolve(country, [cell(1, "code", unit.parent)], adm2_layer, (2,))
    assert single_level.pcodes == (unit.parent,) and not single_level.resolvable
    listed = resolve(country, [cell(1, "name", unit.parent), cell(2, "name", unit.pcode, 0),
                               cell(2, "name", sibling, 1)], layer, (1, 2))
    assert listed.pcodes == tuple(sorted((unit.pcode, sibling))) and listed.resolvable
    # a name is no evidence at a level the boundary file does not carry
    names_only = resolve(country, [cell(1, "name", unit.parent)], adm2_layer, (2,))
    assert names_only.pcodes == () and not names_only.resolvable


def test_scorer_counts_exact_true_and_wrong_placements(gazetteer):
    country = reference.load_country("NGA")
    unit = country.at_level(2)[0]
    other = next(u for u in country.at_level(2) if u.parent != unit.parent)
    truth = pd.DataFrame({"source_row": [2, 3, 4, 5], "resolvable": [True, True, True, False],
                          "expected": [unit.pcode, unit.pcode, unit.pcode, ""],
                          "reason": ["unit"] * 3 + ["national coverage"], "tags": [""] * 4})
    rows = pd.DataFrame({"source_row": [2, 3, 4, 5],
                         "status": ["used", "rolled_up", "used", "used"],
                         "pcode": [unit.pcode, unit.parent, other.pcode, other.pcode],
                         "reason": [""] * 4})
    score = TableScore("t", "NGA")
    score_rows(score, country, truth, rows)
    assert (score.placed, score.true_placements, score.exact) == (4, 2, 1)
    assert [w["source_row"] for w in score.wrong] == [4, 5]
    assert [m["source_row"] for m in score.missed] == [3, 4]
    assert score.rows_out_ok
    short = TableScore("t", "NGA")
    score_rows(short, country, truth, rows.iloc[:3])  # a row lost on the way
    assert not short.rows_out_ok


# -- The join on the sample ---------------------------------------------------------------------

def test_sample_every_row_in_and_out_and_scored(sample):
    scores, per_country, total = sample
    assert len(scores) == len(SAMPLE) and set(per_country.index) == set(SAMPLE)
    for score in scores:
        if score.error is None:  # a table the join accepted: every row comes out, once
            assert score.rows_out_ok, score.name
        else:  # a refused table: a clear message naming the file
            assert score.name.split("_")[0].lower() in score.error
        assert score.placed <= score.rows and score.exact <= score.resolvable
        assert score.exact + len(score.missed) == score.resolvable, score.name
        assert score.true_placements + len(score.wrong) == score.placed, score.name
    assert total["rows"] == sum(s.rows for s in scores) > 5000
    assert 0 <= total["precision"] <= 1 and 0 <= total["recall"] <= 1
    assert total["errors"] < len(SAMPLE)  # most tables are read


def test_sample_meets_the_targets(sample):
    """Issue 17's targets on the sample, joined with no mapping: at least 99.9% of the rows
    placed are in the right unit and 99% of the rows that can be placed are."""
    _scores, _per_country, total = sample
    assert total["precision"] >= 0.999, total
    assert total["recall"] >= 0.99, total


def test_real_tables_no_wrong_match(real_data):
    """The four real tables scored against their partners' own P-codes: no wrong match, and
    every row the codes can judge placed but those whose location cells disagree (a district
    outside the region the row names: not placed, both units suggested)."""
    from coordmap.tests.crosscountry.real_tables import REAL_TABLES, score_real

    for real in REAL_TABLES:
        score = score_real(real, real_data)
        assert score.rows_out_ok, real.name
        assert score.wrong == [], (real.name, score.wrong[:3])
        split = [row for row in score.missed
                 if str(row.get("join_reason")).startswith("the location cells disagree")]
        assert split == score.missed, (real.name, [r for r in score.missed if r not in split])
        assert len(split) <= 0.005 * score.resolvable, real.name
