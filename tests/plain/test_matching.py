"""The P-code cascade on a small hand-made country (shapely boxes), step by step."""
import sys
import time

import numpy as np
import pandas as pd
import pytest
from shapely.geometry import box

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.matching import (
    Crosswalk,
    Match,
    Matcher,
    write_suggestions_csv,
)

# (admin 2 pcode, admin 2 name, admin 1 pcode, admin 1 name, x position)
DISTRICTS = [
    ("XY0101", "Alpha", "XY01", "North", 0),
    ("XY0102", "Beta", "XY01", "North", 1),
    ("XY0201", "Hasbaya", "XY02", "South West Ethiopia", 2),
    ("XY0202", "Central", "XY02", "South West Ethiopia", 3),
    ("XY0301", "Central", "XY03", "Bujumbura Mairie", 4),
    ("XY0401", "Rural One", "XY04", "Bujumbura Rural", 5),
]


def make_units(prefix="XY", level=None):
    records = [{"ADM2_PCODE": p.replace("XY", prefix), "ADM2_EN": n,
                "ADM1_PCODE": p1.replace("XY", prefix), "ADM1_EN": n1}
               for p, n, p1, n1, _ in DISTRICTS]
    geometries = [box(x, 0, x + 1, 1) for *_, x in DISTRICTS]
    units = AdminUnits.from_features(records, geometries)
    if level == 1:
        admin1 = units.table[units.table["admin_level"] == 1]
        return AdminUnits(admin1, 1)
    return units


@pytest.fixture(scope="module")
def matcher():
    return Matcher(make_units())


def one(matcher, codes=None, names=None) -> Match:
    matches = matcher.resolve(codes or {}, names or {})
    assert len(matches) == 1, matches
    return matches[0]


# ---- codes --------------------------------------------------------------------------------
def test_exact_code(matcher):
    m = one(matcher, {1: "XY01", 2: "XY0102"})
    assert (m.pcode, m.admin_level, m.method, m.status) == ("XY0102", 2, "exact", "used")
    assert m.score == 1
    assert m.raw_level == 2 and m.raw_value == "XY0102"


@pytest.mark.parametrize("raw", ["xy0102", " XY-01-02 ", "XY_01.02", "XY 0102"])
def test_normalised_case_and_separators(matcher, raw):
    m = one(matcher, {2: raw})
    assert (m.pcode, m.method, m.status) == ("XY0102", "normalised", "used")
    assert "case/separators" in m.reason


@pytest.mark.parametrize("raw, level, expected", [
    ("XY1", 1, "XY01"),       # padding learned from the layer: admin 1 has two digits
    ("XY001", 1, "XY01"),     # one zero too many
    ("XY102", 2, "XY0102"),   # the leading zero lost by a spreadsheet
    ("0102", 2, "XY0102"),    # digits only, where the layer has a prefix
    ("102", 2, "XY0102"),
    (102.0, 2, "XY0102"),     # a number read back from Excel
])
def test_normalised_padding_and_missing_prefix(matcher, raw, level, expected):
    m = one(matcher, {level: raw})
    assert (m.pcode, m.method, m.status) == (expected, "normalised", "used")


def test_iso3_prefix_for_iso2_layer_and_back():
    iso2 = Matcher(make_units(prefix="BI"))
    m = one(iso2, {1: "BDI01"})
    assert (m.pcode, m.method) == ("BI01", "normalised")
    assert "prefix BDI written for BI" in m.reason
    iso3 = Matcher(make_units(prefix="BDI"))
    assert one(iso3, {2: "BI0102"}).pcode == "BDI0102"
    assert one(iso3, {2: "NGA0102"}).status == "unmatched"  # another country's prefix


def test_code_below_the_layer_rolls_up_to_its_parent(matcher):
    m = one(matcher, {1: "XY01", 2: "XY0105"})
    assert (m.pcode, m.admin_level, m.status) == ("XY01", 1, "rolled_up")
    assert m.reason.startswith(
        "admin 2 code 'XY0105' is not in the boundaries; counted at admin 1 XY01")
    # without the admin-1 column too: the code's own prefix says where it belongs
    assert one(matcher, {2: "XY0207"}).pcode == "XY02"


def test_unknown_code_without_known_parent_is_unmatched(matcher):
    m = one(matcher, {2: "XY9901"})
    assert (m.pcode, m.method, m.status, m.score) == (None, "none", "unmatched", 0)
    assert "not in the boundaries" in m.reason


def test_admin2_code_finer_than_an_admin1_layer_is_derived():
    m = one(Matcher(make_units(level=1)), {1: "XY01", 2: "XY0102"})
    assert (m.pcode, m.admin_level, m.method, m.status) == ("XY01", 1, "derived", "used")
    assert "finer than the boundaries" in m.reason


def test_target_level_aggregates_deeper_matches():
    m = one(Matcher(make_units(), target_level=1), {2: "XY0201"})
    assert (m.pcode, m.admin_level, m.method, m.status) == ("XY02", 1, "derived", "used")


def test_upper_level_only_is_used_at_its_level(matcher):
    m = one(matcher, {1: "XY03", 2: None}, {2: ""})
    assert (m.pcode, m.admin_level, m.status) == ("XY03", 1, "used")


def test_one_cell_against_one_is_not_placed(matcher):
    """The deeper code does not win by being deeper: split evidence leaves the row unmatched,
    with both candidates as suggestions."""
    m = one(matcher, {1: "XY02", 2: "XY0101"})
    assert (m.pcode, m.status) == (None, "unmatched")
    assert "the location cells disagree" in m.reason and "'XY02' (XY02)" in m.reason
    assert "XY0101" in m.suggestion and "XY02" in m.suggestion


def test_the_cells_that_agree_overrule_the_one_that_does_not(matcher):
    """A deepest code contradicted by the row's other cells, which agree, is overruled."""
    m = one(matcher, {1: "XY01", 2: "XY0201"}, {1: "North", 2: "Alpha"})
    assert (m.pcode, m.status) == ("XY0101", "used")
    assert "admin 2 code 'XY0201' (XY0201) disagrees with" in m.reason
    assert m.reason.endswith("which agree on XY0101: overruled")
    two = one(matcher, {1: "XY02", 2: "XY0101"}, {1: "South West Ethiopia"})
    assert (two.pcode, two.status) == (None, "unmatched")  # two against one: no clear majority
    three = one(matcher, {1: "XY02", 2: "XY0101"}, {1: "South West Ethiopia", 2: "Hasbaya"})
    assert (three.pcode, three.status) == ("XY0201", "used")
    assert "admin 2 code 'XY0101' (XY0101) disagrees" in three.reason


# ---- placeholders and national coverage ---------------------------------------------------
@pytest.mark.parametrize("placeholder", ["#N/A", "N/A", "NA", "-", "0", "none", "nan", " "])
def test_placeholders_are_empty(matcher, placeholder):
    m = one(matcher, {1: placeholder, 2: "XY0101"})
    assert (m.pcode, m.status) == ("XY0101", "used")
    if placeholder.strip():
        assert f"admin 1 code {placeholder!r} is a placeholder" in m.reason
    alone = one(matcher, {1: placeholder})
    assert (alone.method, alone.status) == ("none", "unmatched")


@pytest.mark.parametrize("phrase", ["Couverture nationale", "nationwide", "Cobertura Nacional",
                                    "cobertura nacional", "All districts", "National",
                                    "Toutes les provinces sauf North"])
def test_national_coverage(matcher, phrase):
    m = one(matcher, names={1: phrase})
    assert (m.pcode, m.method, m.status) == (None, "national", "unmatched")
    assert "national coverage" in m.reason


# ---- names ---------------------------------------------------------------------------------
def test_name_exact_and_normalised(matcher):
    assert one(matcher, names={1: "North"}).method == "name_exact"
    m = one(matcher, names={1: "  BUJUMBURA-mairie "})
    assert (m.pcode, m.method, m.score) == ("XY03", "name_normalised", 1.0)
    assert one(matcher, names={1: "North Province"}).pcode == "XY01"


def test_name_within_the_parent(matcher):
    m = one(matcher, {1: "XY03"}, {2: "Central"})
    assert (m.pcode, m.method) == ("XY0301", "name_exact")
    ambiguous = one(matcher, names={2: "Central"})
    assert ambiguous.pcode is None and "ambiguous" in ambiguous.suggestion


def test_fuzzy_accepts_a_clear_close_name(matcher):
    m = one(matcher, {1: "XY02"}, {2: "Hasbaxa"})  # one letter off Hasbaya, far from the rest
    assert (m.pcode, m.method, m.status) == ("XY0201", "name_fuzzy", "used")
    assert m.score == 0.857


def test_another_transliteration_is_the_same_name(matcher):
    m = one(matcher, {1: "XY02"}, {2: "Hasbaiya"})  # Hasbaya: y/i, as romanisations differ
    assert (m.pcode, m.method, m.status) == ("XY0201", "name_normalised", "used")
    assert "as another transliteration" in m.reason


def test_a_parent_hint_or_a_qualifier_after_a_name(matcher):
    assert one(matcher, names={2: "Alpha - North"}).pcode == "XY0101"
    assert one(matcher, names={2: "Central (SWE)"}).pcode == "XY0202"  # initials of its region
    zone = one(matcher, names={2: "Beta /Zone 3"})
    assert (zone.pcode, zone.status) == ("XY0102", "used") and "qualifies it" in zone.reason


def test_fuzzy_never_matches_a_different_unit(matcher):
    m = one(matcher, names={1: "South Ethiopia"})
    assert (m.pcode, m.status) == (None, "unmatched")
    assert m.suggestion.startswith("did you mean XY02 South West Ethiopia")


def test_ambiguous_name_is_a_suggestion(matcher):
    m = one(matcher, names={1: "Bujumbura"})
    assert m.pcode is None and "is ambiguous" in m.reason
    assert "XY03 Bujumbura Mairie" in m.suggestion and "XY04 Bujumbura Rural" in m.suggestion


def test_name_in_another_parent_is_only_suggested(matcher):
    m = one(matcher, {1: "XY01"}, {2: "Hasbaya"})  # Hasbaya is in XY02: one cell against one
    assert (m.pcode, m.status) == (None, "unmatched")
    assert "XY0201" in m.suggestion and "XY01" in m.suggestion


def test_fuzzy_is_skipped_without_rapidfuzz(monkeypatch):
    monkeypatch.setitem(sys.modules, "rapidfuzz", None)
    plain = Matcher(make_units())
    assert any("rapidfuzz is not installed" in n for n in plain.notes)
    m = one(plain, {1: "XY02"}, {2: "Hasbaxa"})
    assert (m.pcode, m.status) == ("XY02", "rolled_up")
    assert "fuzzy matching unavailable" in m.reason
    assert one(plain, names={1: "NORTH"}).pcode == "XY01"


# ---- cells listing several units -----------------------------------------------------------
@pytest.mark.parametrize("cell", ["North; Bujumbura Rural", "North,Bujumbura Rural",
                                  "North / Bujumbura Rural", "north bujumbura rural"])
def test_split_cells(matcher, cell):
    matches = matcher.resolve({}, {1: cell})
    assert [m.pcode for m in matches] == ["XY01", "XY04"]
    assert all(m.method == "split" and m.status == "used" for m in matches)
    assert all("lists 2 units" in m.reason for m in matches)


def test_split_with_a_common_stem(matcher):
    matches = matcher.resolve({}, {1: "BUJUMBURA(MAIRIE,RURAL)"})
    assert [m.pcode for m in matches] == ["XY03", "XY04"]


def test_split_keeps_unmatched_parts(matcher):
    matches = matcher.resolve({}, {1: "Bujumbura,North"})
    assert [(m.pcode, m.status) for m in matches] == [(None, "unmatched"), ("XY01", "used")]
    assert matches[0].raw_value == "Bujumbura" and "ambiguous" in matches[0].suggestion


def test_words_are_not_split_unless_each_is_a_unit(matcher):
    m = one(matcher, names={1: "North Bujumbura"})
    assert m.pcode is None


# ---- frames --------------------------------------------------------------------------------
def test_resolve_frame_alignment_and_splits(matcher):
    df = pd.DataFrame({"c1": ["XY01", np.nan, "XY02", None], "c2": ["XY0102", None, None, None],
                       "n1": [None, "North;Bujumbura Rural", None, "#N/A"]},
                      index=[10, 11, 12, 13])
    out = matcher.resolve_frame(df, {1: "c1", 2: "c2"}, {1: "n1"})
    assert out.index.tolist() == [10, 11, 11, 12, 13]
    assert out["input_index"].tolist() == [10, 11, 11, 12, 13]
    assert out["pcode"].tolist() == ["XY0102", "XY01", "XY04", "XY02", None]
    assert out["status"].tolist() == ["used", "used", "used", "used", "unmatched"]
    assert out["admin_level"].tolist()[:4] == [2, 1, 1, 1]
    assert list(out.columns[:7]) == ["pcode", "admin_level", "match_method", "match_score",
                                     "status", "reason", "suggestion"]


def test_resolve_frame_resolves_each_combination_once():
    counting = Matcher(make_units())
    calls = []
    original = counting._resolve_with_splits
    counting._resolve_with_splits = lambda c, n: calls.append(1) or original(c, n)
    rng = np.random.default_rng(0)
    codes = np.array(["XY0101", "XY0102", "XY0201", "XY0105", "bad", None], dtype=object)
    df = pd.DataFrame({"c2": codes[rng.integers(0, len(codes), 1_000_000)]})
    started = time.perf_counter()
    out = counting.resolve_frame(df, {2: "c2"}, {})
    assert time.perf_counter() - started < 20
    # The cascade runs once for each of the six combinations (the empty cell is one).
    assert len(out) == len(df) and len(calls) == 6
    assert (out["pcode"].to_numpy()[df["c2"].to_numpy() == "XY0105"] == "XY01").all()


# Values that exercise each way out of the cascade: codes that are units (agreeing or not with
# the other levels), padded or rolled-up codes, placeholders, national coverage, names.
CODE_POOL = {1: ["XY01", "XY02", "xy03", "XY1", "XY09", "#N/A", "national", None],
             2: ["XY0101", "XY0102", "XY0201", "XY0105", "XY01", "xy0202", "bad", "-", None],
             3: ["XY010101", "XY020199", "XY0101", None]}
NAME_POOL = {1: ["North", "Bujumbura", "whole country", None],
             2: ["Alpha", "Central", "Alpha, Beta", "Betta", "N/A", None]}


@pytest.mark.parametrize("target", [1, 2])
def test_resolve_frame_gives_what_the_cascade_gives_for_each_row(target):
    units = make_units()
    rng = np.random.default_rng(3)
    columns = {f"c{lvl}": rng.choice(np.array(pool, dtype=object), 3_000)
               for lvl, pool in CODE_POOL.items()}
    columns.update({f"n{lvl}": rng.choice(np.array(pool, dtype=object), 3_000)
                    for lvl, pool in NAME_POOL.items()})
    df = pd.DataFrame(columns)
    out = Matcher(units, target_level=target).resolve_frame(
        df, {lvl: f"c{lvl}" for lvl in CODE_POOL}, {lvl: f"n{lvl}" for lvl in NAME_POOL})
    cascade = Matcher(units, target_level=target)
    expected = [match._asdict() for i, row in df.iterrows() for match in cascade.resolve(
        {lvl: row[f"c{lvl}"] for lvl in CODE_POOL}, {lvl: row[f"n{lvl}"] for lvl in NAME_POOL})]
    got = out.drop(columns="input_index").rename(columns={"match_method": "method",
                                                           "match_score": "score"})
    got = [{k: (None if pd.isna(v) else v) for k, v in row.items()}
           for row in got.to_dict("records")]
    assert got == [{k: row[k] for k in got[0]} for row in expected]
    assert {row["status"] for row in expected} == {"used", "rolled_up", "unmatched"}


def test_resolve_frame_missing_column_is_an_input_error(matcher):
    with pytest.raises(InputError, match="nope"):
        matcher.resolve_frame(pd.DataFrame({"a": [1]}), {1: "nope"}, {})


# ---- crosswalk ------------------------------------------------------------------------------
def test_crosswalk_is_applied_first(tmp_path):
    path = tmp_path / "cw.csv"
    path.write_text("# reviewed by the IMO\nraw_value,level,parent,pcode\n"
                    "Karusi,1,,XY04\nCentral,2,XY03,XY0301\nOld code,2,,XY0102\n", encoding="utf-8")
    crosswalk = Crosswalk.read_csv(path)
    m = Matcher(make_units(), crosswalk=crosswalk)
    hit = one(m, names={1: "KARUSI"})
    assert (hit.pcode, hit.method) == ("XY04", "crosswalk") and "cw.csv row 3" in hit.reason
    assert one(m, {1: "XY03"}, {2: "Central"}).method == "crosswalk"
    assert one(m, {2: "Old code"}).pcode == "XY0102"


@pytest.mark.parametrize("content, message", [
    ("raw,level,pcode\nA,1,XY01\n", "column(s) raw_value, parent missing"),
    ("raw_value,level,parent,pcode\nA,one,,XY01\n", "row 2, column level"),
    ("# note\nraw_value,level,parent,pcode\nA,1,,XY01\n,1,,XY02\n", "row 4, column raw_value"),
    ("raw_value,level,parent,pcode\nA,7,,XY01\n", "row 2, column level: 7"),
])
def test_bad_crosswalk_rows(tmp_path, content, message):
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.csv") as error:
        Crosswalk.read_csv(path)
    assert message in str(error.value)


def test_crosswalk_pcode_must_exist(tmp_path):
    path = tmp_path / "cw.csv"
    path.write_text("raw_value,level,parent,pcode\nA,1,,XY99\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"cw.csv: row 2, column pcode: 'XY99'"):
        Matcher(make_units(), crosswalk=Crosswalk.read_csv(path))


def test_suggestions_round_trip_is_idempotent(tmp_path):
    df = pd.DataFrame({"c1": ["XY02", "XY02", "XY01", None, None],
                       "n1": [None, None, None, "Karusi", "Karusi"],
                       "n2": ["Hasbaxa", "Hasbaxa", "Hasbaya", None, None]})
    first = Matcher(make_units()).resolve_frame(df, {1: "c1"}, {1: "n1", 2: "n2"})
    path = tmp_path / "suggestions.csv"
    assert write_suggestions_csv(path, first) == 3
    written = pd.read_csv(path, comment="#", dtype=str, keep_default_na=False)
    assert written.to_dict("records") == [
        {"raw_value": "Hasbaxa", "level": "2", "parent": "XY02", "pcode": "XY0201",
         "suggestion": "", "score": "0.857", "rows": "2"},
        {"raw_value": "Karusi", "level": "1", "parent": "", "pcode": "", "suggestion": "",
         "score": "", "rows": "2"},
        {"raw_value": "Hasbaya", "level": "2", "parent": "", "pcode": "",
         "suggestion": written.loc[2, "suggestion"], "score": "", "rows": "1"},
    ]
    written.loc[1, "pcode"] = "XY04"  # the reviewer's decision
    written.to_csv(path, index=False)
    second = Matcher(make_units(), Crosswalk.read_csv(path)).resolve_frame(
        df, {1: "c1"}, {1: "n1", 2: "n2"})
    assert second["match_method"].tolist() == ["crosswalk", "crosswalk", "none", "crosswalk",
                                               "crosswalk"]  # (XY01 and Hasbaya disagree)
    assert second["pcode"].tolist() == ["XY0201", "XY0201", None, "XY04", "XY04"]
    again = tmp_path / "again.csv"
    assert write_suggestions_csv(again, second) == 1  # only the still-unresolved Hasbaya
    third = Matcher(make_units(), Crosswalk.read_csv(path)).resolve_frame(
        df, {1: "c1"}, {1: "n1", 2: "n2"})
    pd.testing.assert_frame_equal(second, third)


def test_suggestions_accept_match_count_pairs(tmp_path, matcher):
    pairs = [(one(matcher, names={1: "South Ethiopia"}), 7), (one(matcher, {1: "XY01"}), 3)]
    path = tmp_path / "s.csv"
    assert write_suggestions_csv(path, pairs) == 1
    row = pd.read_csv(path, comment="#").iloc[0]
    assert (row["raw_value"], row["rows"]) == ("South Ethiopia", 7)
