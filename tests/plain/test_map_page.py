"""The map page's plain parts: classes fitted to the counts, the country of the P-codes,
organisation types and short names, plural forms, and several periods as one map."""
from collections import Counter

import pytest

from coordmap.processing.analysis import map_periods, mappack
from coordmap.processing.analysis.classes import CountClass, count_classes, readable
from coordmap.processing.analysis.countries import country_code, country_name
from coordmap.processing.analysis.org_types import (
    acronyms,
    organisation_type,
    partner_types,
    role_field,
    short_name,
    type_counts,
)
from coordmap.processing.analysis.plurals import plural, plural_category


def largest_share(values, classes):
    found = Counter(next(i for i, c in enumerate(classes) if c.holds(v)) for v in values)
    return max(found.values()) / len(values)


# Classes -----------------------------------------------------------------------------------------

def test_saturated_counts_get_classes_where_no_class_holds_half_the_units():
    # Most units of a real country have many partners: fixed 1/2/3-4/5+ put 51 of 53 in 5+.
    values = [1, 2, 3] + [6] * 5 + [8] * 6 + [11] * 8 + [14] * 9 + [18] * 8 + [22] * 8 + \
        [27] * 6
    classes = count_classes(values)
    assert 3 <= len(classes) <= 5
    assert classes[0].low == 1 and classes[-1].high is None
    assert largest_share(values, classes) <= 0.5
    assert all(readable(c.high) for c in classes[:-1])


def test_every_positive_count_falls_in_exactly_one_class():
    classes = count_classes(range(1, 80))
    for value in range(1, 200):
        assert sum(c.holds(value) for c in classes) == 1, value
    ends = [c.high for c in classes[:-1]]
    assert ends == sorted(ends) and len(set(ends)) == len(ends)


def test_few_distinct_counts_are_classes_of_their_own():
    assert [c.label for c in count_classes([1, 1, 2, 4, 4])] == ["1", "2-3", "4+"]
    assert [c.label for c in count_classes([3, 3, 3])] == ["1+"]
    assert [c.label for c in count_classes([None, 0, "x", float("nan")])] == ["1+"]


def test_class_expressions_and_labels():
    assert CountClass(3, 4).label == "3-4"
    assert CountClass(5, None).expression() == '"partners" >= 5'
    assert CountClass(2, 2).expression("n") == '"n" = 2'
    assert CountClass(1, 5).expression() == '"partners" >= 1 AND "partners" <= 5'


# Country -----------------------------------------------------------------------------------------

def test_country_from_pcodes_in_alpha2_or_alpha3():
    assert country_code(["SO2201", "SO1101", "SO2305"]) == "SOM"
    assert country_code(["BDI001", "BDI002"]) == "BDI"
    # the sample's "XY" is no country; a mix with no majority names none either
    assert country_code(["XY01", "XY02"]) is None
    assert country_code(["SO01", "NG001"]) is None
    assert country_code(["", None, "1234"]) is None


@pytest.mark.parametrize("language, name", [
    ("en", "Democratic Republic of the Congo"), ("fr", "République démocratique du Congo"),
    ("ar", "جمهورية الكونغو الديمقراطية")])
def test_country_names_read_as_a_title(language, name):
    assert country_name("COD", language) == name


def test_unknown_country_has_no_name():
    assert country_name(None, "en") == ""
    assert country_name("ZZZ", "fr") == ""


# Organisations -----------------------------------------------------------------------------------

@pytest.mark.parametrize("cell, kind", [
    ("INGO", "ingo"), ("ONG nationale", "nngo"), ("UN Agency", "un"), ("Red Crescent", "rcrc"),
    ("Croix-Rouge", "rcrc"), ("Government", "government"), ("NGO", "other"),
    ("Private sector", "other"), ("", None), (None, None)])
def test_organisation_types_in_several_languages(cell, kind):
    assert organisation_type(cell) == kind


def test_partner_types_take_the_type_most_rows_give():
    rows = [{"organisation": "Org A", "Organization Type": "INGO"},
            {"organisation": "Org A", "Organization Type": "INGO"},
            {"organisation": "Org A", "Organization Type": "NNGO"},
            {"organisation": "UNICEF", "Organization Type": "UN"}]
    types = partner_types(rows, "Organization Type")
    assert types == {"Org A": "ingo", "UNICEF": "un"}
    assert type_counts(["Org A", "UNICEF", "Org B", "Org A"], types) == \
        {"un": 1, "ingo": 1, "other": 1}


def test_type_and_acronym_columns_are_found_by_their_header():
    names = ["organisation", "Organization Type", "Organization_Acronym", "status"]
    assert role_field(names, "org_type") == "Organization Type"
    assert role_field(["organisation", "status"], "org_type") is None


def test_short_names_prefer_the_tables_acronym_then_brackets():
    rows = [{"organisation": "World Food Programme", "acr": "WFP"},
            {"organisation": "Small NGO", "acr": ""}]
    known = acronyms(rows, "acr")
    assert known == {"World Food Programme": "WFP"}
    assert short_name("World Food Programme", known) == "WFP"
    assert short_name("Norwegian Refugee Council (NRC)") == "NRC"
    assert short_name("Small NGO") == "Small NGO"


# Plurals -----------------------------------------------------------------------------------------

def test_plural_categories():
    assert [plural_category("ar", n) for n in (0, 1, 2, 3, 11, 100)] == \
        ["zero", "one", "two", "few", "many", "other"]
    assert plural_category("fr", 0) == "one" and plural_category("en", 0) == "other"
    forms = {"one": "{n} partner", "other": "{n} partners"}
    assert plural(forms, "en", 1) == "1 partner"
    assert plural(forms, "en", 3) == "3 partners"
    assert plural(forms, "ar", 3) == "3 partners"  # a category not given: "other"


def test_every_counted_marginalia_text_has_the_other_form():
    for language in mappack.LANGUAGES:
        texts = mappack.marginalia_texts(language)
        for key in ("partners_n", "activities_n", "units_n", "unspecified", "chart_more"):
            assert "other" in texts[key], (language, key)


# Several periods as one map ----------------------------------------------------------------------

RECORDS = [
    {"pcode": "XY0101", "cluster": "EDU", "period": "2025-01", "partners": 2, "rows": 3,
     "partner_list": "Org A; Org B", "admin_level": 2},
    {"pcode": "XY0101", "cluster": "EDU", "period": "2025-02", "partners": 2, "rows": 2,
     "partner_list": "Org B; Org C", "admin_level": 2},
    {"pcode": "XY0102", "cluster": "EDU", "period": "2025-03", "partners": 1, "rows": 1,
     "partner_list": "Org A", "admin_level": 2},
]


def test_a_range_of_months_is_one_map_of_distinct_partners():
    combined = mappack.combine_periods(RECORDS, ["2025-01", "2025-02"])
    assert len(combined) == 1
    (unit,) = combined
    assert unit["period"] == "2025-01/2025-02"
    assert unit["partners"] == 3 and unit["rows"] == 5
    assert unit["partner_list"] == "Org A; Org B; Org C"
    maps = mappack.plan_maps(mappack.combine_periods(RECORDS))
    assert [(m.period, m.partners, m.activities, m.units) for m in maps] == \
        [("2025-01/2025-03", 3, 6, 2)]


def test_span_of_periods():
    assert map_periods.span_period(["2025-03", "2025-01"]) == "2025-01/2025-03"
    assert map_periods.span_period(["2025-Q1"]) == "2025-01/2025-03"
    assert map_periods.span_period(["2025-02"]) == "2025-02"
    assert map_periods.span_period(["all"]) == "all"


def test_a_table_without_period_gives_no_as_of_date():
    spec = mappack.plan_maps([{**RECORDS[0], "period": "all"}])[0]
    texts = mappack.marginalia(spec, "en", mappack.dt.date(2026, 1, 1))
    assert texts.as_of == ""
    assert "period not given in the 4W" in texts.subtitle


def test_count_classes_leave_out_hidden_and_missing_values():
    """Callers hand over a map's values as they are: a hidden count (SMALL, a text), None, NaN
    and 0 do not shape the classes."""
    from coordmap.processing.analysis.mappack import SMALL

    assert count_classes([1, 2, 4, SMALL, None, float("nan"), 0]) == count_classes([1, 2, 4])
