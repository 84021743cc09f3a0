"""Map pack planning and texts (processing/analysis/mappack.py): no QGIS."""
import datetime as dt
import json
import re

import pytest

from coordmap.processing.analysis import map_files, map_periods, mappack
from coordmap.processing.analysis.protection import ProtectionPolicy

CREATED = dt.date(2025, 5, 6)


def record(cluster, pcode, partners, period="2025-01", partner_list="", rows=1, level=2,
           specified=True, **extra):
    return {"cluster": cluster, "pcode": pcode, "name": f"Unit {pcode}", "period": period,
            "partners": partners, "partner_list": partner_list, "rows": rows,
            "admin_level": level, "unit_specified": specified, **extra}


RECORDS = [
    record("EDU", "XY0101", 2, partner_list="Org A; Org B", rows=5),
    record("EDU", "XY0102", 1, partner_list="Org A", rows=2),
    record("EDU", "XY01", 1, partner_list="Org C", rows=3, level=1, specified=False),
    record("HEA", "XY0103", 1, partner_list="Org D", rows=1),
    record("HEA", "XY0101", 3, period="2025-02", partner_list="Org D; Org E; Org F", rows=4),
    record("PRO-GBV", "XY0102", 2, partner_list="Org G; Org H", rows=2),
]


def test_one_map_per_cluster_and_period_present():
    maps = mappack.plan_maps(RECORDS)
    assert [(m.cluster, m.period) for m in maps] == [
        ("EDU", "2025-01"), ("HEA", "2025-01"), ("HEA", "2025-02"), ("PRO-GBV", "2025-01")]


def test_filters_on_clusters_and_periods_ignore_case_and_blanks():
    maps = mappack.plan_maps(RECORDS, clusters=[" hea ", ""], periods=["2025-02"])
    assert [(m.cluster, m.period) for m in maps] == [("HEA", "2025-02")]


def test_partners_are_distinct_names_and_activities_every_row():
    edu = mappack.plan_maps(RECORDS, clusters=["EDU"])[0]
    # Org A works in two units: one partner. Org C is only in the admin-1 "unit not specified"
    # bucket: it is a partner of the cluster (the panel counts it too), its rows count as
    # activities and are reported as not mapped.
    assert edu.partners == 3
    assert edu.activities == 5 + 2 + 3
    assert edu.units == 2
    assert edu.unspecified_rows == 3
    assert edu.admin_level == 2


def test_unit_values_tell_zero_from_no_data():
    spec = mappack.plan_maps(RECORDS, clusters=["EDU"])[0]
    values = mappack.unit_values(RECORDS, spec)
    # XY0103: HEA reported there in 2025-01 -> the 4W reached it, no EDU partner -> 0.
    assert values == {"XY0101": 2, "XY0102": 1, "XY0103": 0}
    later = mappack.MapSpec("EDU", "2025-02", 2)
    # In 2025-02 only XY0101 was reported (by HEA): the others have no data at all.
    assert mappack.unit_values(RECORDS, later) == {"XY0101": 0, "XY0102": None, "XY0103": None}


def test_unit_values_take_reports_and_units_from_the_gaps_layer():
    spec = mappack.MapSpec("EDU", "2025-02", 2)
    gaps = [{"pcode": "XY0104", "cluster": "EDU", "period": "2025-02",
             "gap_status": "no_partner_with_need"},
            {"pcode": "XY0105", "cluster": "EDU", "period": "2025-02", "gap_status": "no_report"}]
    values = mappack.unit_values(RECORDS, spec, gaps)
    assert values["XY0104"] == 0 and values["XY0105"] is None


@pytest.mark.parametrize("period, end, label", [
    ("2025-02", dt.date(2025, 2, 28), "February 2025"),
    ("2024-Q4", dt.date(2024, 12, 31), "Q4 2024"),
    ("2025-01/2025-04", dt.date(2025, 4, 30), "January - April 2025"),
    ("2024-11/2025-02", dt.date(2025, 2, 28), "November 2024 - February 2025"),
    ("all", None, "period not given in the 4W"),
])
def test_period_end_and_label(period, end, label):
    assert map_periods.period_end(period) == end
    assert map_periods.period_label(period, mappack.marginalia_texts("en")) == label


def test_marginalia_in_english():
    spec = mappack.plan_maps(RECORDS, clusters=["EDU"])[0]
    texts = mappack.marginalia(spec, "en", CREATED, sources="4w.xlsx, adm2.geojson",
                               producer="IM unit", crs_name="WGS 84")
    assert texts.title == "Education: operational presence"
    assert texts.subtitle == "Education | Admin level 2 | January 2025"
    assert texts.as_of == "As of 31 January 2025"
    assert texts.summary == "3 partners, 10 activities reported (4W rows), 2 units"
    assert texts.sources == "Sources: 4w.xlsx, adm2.geojson"
    assert texts.producer == "Produced by: IM unit"
    assert texts.map_id == "Map ID: COORDMAP-EDU-2025-01"
    assert texts.projection == "Projection: WGS 84"
    assert "3 4W rows" in texts.unspecified
    assert texts.disclaimer == (
        "The boundaries and names shown and the designations used on this map do not imply "
        "official endorsement or acceptance by the United Nations.")
    assert not texts.right_to_left


def test_as_of_is_never_after_the_creation_date():
    spec = mappack.MapSpec("EDU", "2025-05", 2)
    assert mappack.marginalia(spec, "en", CREATED).as_of == "As of 6 May 2025"


@pytest.mark.parametrize("language, disclaimer_start, title", [
    ("fr", "Les frontières et les noms indiqués", "Éducation : présence opérationnelle"),
    ("es", "Los límites y los nombres que figuran", "Educación: presencia operacional"),
])
def test_marginalia_translated(language, disclaimer_start, title):
    spec = mappack.plan_maps(RECORDS, clusters=["EDU"])[0]
    texts = mappack.marginalia(spec, language, CREATED)
    assert texts.disclaimer.startswith(disclaimer_start)
    assert texts.title == title
    assert texts.legend_title != mappack.marginalia_texts("en")["legend_partners"]


def test_arabic_is_right_to_left_and_every_language_has_every_text():
    english = set(json.loads((mappack.TEMPLATES_DIR / "marginalia.json").read_text(
        encoding="utf-8"))["languages"]["en"])
    languages = json.loads((mappack.TEMPLATES_DIR / "marginalia.json").read_text(
        encoding="utf-8"))["languages"]
    assert set(languages) == set(mappack.LANGUAGES)
    for language, texts in languages.items():
        assert set(texts) == english, language
        assert len(texts["months"]) == 12
    spec = mappack.MapSpec("EDU", "2025-01", 2)
    arabic = mappack.marginalia(spec, "ar", CREATED)
    assert arabic.right_to_left
    assert "الأمم المتحدة" in arabic.disclaimer


def test_unknown_language_is_refused():
    with pytest.raises(ValueError, match="xx"):
        mappack.marginalia_texts("xx")


def test_file_names_follow_the_ocha_pattern():
    spec = mappack.MapSpec("PRO-GBV", "2025-01/2025-04", 2)
    stem = mappack.file_stem(spec, "a4_landscape", CREATED)
    assert stem == "COORDMAP-PRO-GBV-2025-01-2025-04_3W-Gender-Based-Violence_A4L_20250506"
    assert re.fullmatch(r"[A-Za-z0-9-]+_[A-Za-z0-9-]+_A4L_\d{8}", stem)
    assert mappack.pack_stem("a3_landscape", CREATED) == \
        "COORDMAP-MAPPACK_3W-map-pack_A3L_20250506"


def test_slug_drops_accents_and_punctuation():
    assert map_files.slug("Sécurité alimentaire / Food (FSC)") == "Securite-alimentaire-Food-FSC"


def test_source_text_names_files_once_in_order():
    assert mappack.source_text(["/data/som_3w.xlsx|layername=Sheet1", "/b/adm2.geojson",
                                "/c/som_3w.xlsx", None]) == "som_3w.xlsx, adm2.geojson"


def test_partner_rows_withhold_names_and_small_counts_of_sensitive_and_protected_units():
    records = RECORDS + [record("EDU", "XY0103", 1, partner_list="Org X", protected=True),
                         record("EDU", "XY0104", 7, partner_list="hidden", protected=True)]
    # A protected feature comes from a protected cluster: the whole map is protected.
    edu = mappack.plan_maps(records, clusters=["EDU"])[0]
    assert edu.protected
    rows = mappack.partner_rows(records, edu, withheld="withheld")
    assert [(r.pcode, r.count, r.names) for r in rows] == [
        ("XY0104", "7", "withheld"), ("XY0101", "<5", "withheld"), ("XY0102", "<5", "withheld"),
        ("XY0103", "<5", "withheld")]
    gbv = mappack.plan_maps(RECORDS, clusters=["PRO-GBV"])[0]
    assert [(r.count, r.names) for r in mappack.partner_rows(
        RECORDS, gbv, withheld="withheld")] == [("<5", "withheld")]
    unprotected = ProtectionPolicy(enabled=False)
    assert [(r.count, r.names) for r in mappack.partner_rows(RECORDS, gbv, unprotected)] == \
        [("2", "Org G, Org H")]


def test_partner_rows_follow_the_protected_flag_of_the_gaps_layer():
    edu = mappack.plan_maps(RECORDS, clusters=["EDU"])[0]
    gaps = [{"pcode": "XY0102", "cluster": "EDU", "period": "2025-01", "protected": True},
            {"pcode": "XY0101", "cluster": "EDU", "period": "2025-02", "protected": True}]
    rows = mappack.partner_rows(RECORDS, edu, withheld="withheld", gap_records=gaps)
    assert [(r.pcode, r.names) for r in rows] == [("XY0101", "Org A, Org B"),
                                                  ("XY0102", "withheld")]


def test_unit_values_index_gives_the_same_as_one_map_at_a_time():
    index = mappack.UnitValues(RECORDS)
    for spec in mappack.plan_maps(RECORDS):
        assert index(spec) == mappack.unit_values(RECORDS, spec)
