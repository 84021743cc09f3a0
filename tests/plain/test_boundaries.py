"""AdminUnits on small hand-made layers (shapely boxes) and the real COD-AB files."""
import numpy as np
import pytest
from shapely.geometry import Point, Polygon, box

from coordmap.processing.analysis.boundaries import AdminUnits, detect_admin_fields
from coordmap.processing.analysis.errors import InputError
from coordmap.tests.plain.geo_loader import read_units


def _record(pcode, name, parent, parent_name):
    return {"ADM2_PCODE": pcode, "ADM2_EN": name, "ADM1_PCODE": parent, "ADM1_EN": parent_name,
            "ADM0_PCODE": "XY"}


def small_layer():
    """Admin 2 of country XY: XY0101 in two features, one bow-tie (invalid) polygon."""
    bowtie = Polygon([(10, 0), (20, 10), (20, 0), (10, 10)])
    records = [
        _record("XY0101", "Alpha", "XY01", "North"),
        _record("XY0101", "Alpha", "XY01", "North"),
        _record("XY0102", "Beta", "XY01", "North"),
        _record("XY0201", "Gamma", "XY02", "South"),
    ]
    geometries = [box(0, 0, 5, 5), box(0, 5, 5, 10), box(5, 0, 10, 10), bowtie]
    return records, geometries


@pytest.mark.parametrize("fields, expected", [
    (["ADM2_PCODE", "ADM2_EN", "ADM1_PCODE", "ADM1_EN"], {2: ("ADM2_PCODE", "ADM2_EN"),
                                                          1: ("ADM1_PCODE", "ADM1_EN")}),
    (["adm2_pcode", "adm2_name", "adm1_pcode", "adm1_name"], {2: ("adm2_pcode", "adm2_name"),
                                                              1: ("adm1_pcode", "adm1_name")}),
    (["id", "admin2Name", "admin2Pcode"], {2: ("admin2Pcode", "admin2Name")}),
    (["ADM1_FR", "ADM1_PCODE"], {1: ("ADM1_PCODE", "ADM1_FR")}),
    (["ADMIN1", "ADM1_PCODE"], {1: ("ADM1_PCODE", "ADMIN1")}),
    (["ADM1_NAME", "adm1_pcode", "ADM0_PCODE"], {1: ("adm1_pcode", "ADM1_NAME"),
                                                 0: ("ADM0_PCODE", None)}),
    (["OBJECTID", "name"], {}),
])
def test_detect_admin_fields_conventions(fields, expected):
    found = detect_admin_fields(fields)
    assert {lvl: (f.pcode_field, f.name_field) for lvl, f in found.items()} == expected


def test_detect_admin_fields_prefers_english_and_keeps_alternatives():
    found = detect_admin_fields(["ADM1_PCODE", "ADM1_FR", "ADM1_EN", "ADM1_REF", "ADM1ALT1_EN"])
    assert found[1].name_field == "ADM1_EN"
    assert set(found[1].alt_name_fields) == {"ADM1_FR", "ADM1_REF", "ADM1ALT1_EN"}


def test_dissolve_repair_and_upper_levels():
    units = AdminUnits.from_features(*small_layer())
    assert units.level == 2
    assert units.at_level(2)["pcode"].tolist() == ["XY0101", "XY0102", "XY0201"]
    assert sorted(units.at_level(1)["pcode"]) == ["XY01", "XY02"]
    assert "4 features dissolved into 3 admin 2 units" in units.notes
    assert "1 invalid geometries repaired (make_valid, polygons kept)" in units.notes
    assert units.geometry("XY0101").area == pytest.approx(50)
    assert units.geometry("XY0201").is_valid
    assert units.geometry("XY01").area == pytest.approx(100)  # dissolved from its districts
    assert units.parent("XY0102") == "XY01"
    assert units.parent("XY0102", 1) == "XY01"
    assert units.parent("XY0102", 0) == "XY"
    assert units.children("XY01") == ["XY0101", "XY0102"]
    assert units.level_of("XY02") == 1 and units.name("XY02") == "South"


def test_upper_units_cover_their_features_when_a_district_straddles_two_regions():
    """Admin 1 is dissolved from the admin 2 units already dissolved, except where a
    district's features name two regions: then from those features, so each region is still
    exactly the union of the features naming it."""
    records = [_record("XY0101", "Alpha", "XY01", "North"),
               _record("XY0102", "Beta", "XY01", "North"),
               _record("XY0102", "Beta", "XY02", "South"),  # a wrong region in one feature
               _record("XY0201", "Gamma", "XY02", "South")]
    geometries = [box(0, 0, 5, 10), box(5, 0, 10, 5), box(5, 5, 10, 10), box(10, 0, 20, 10)]
    units = AdminUnits.from_features(records, geometries)
    assert units.geometry("XY0102").equals(box(5, 0, 10, 10))
    assert units.geometry("XY01").equals(box(0, 0, 10, 5).union(box(0, 0, 5, 10)))
    assert units.geometry("XY02").equals(box(5, 5, 20, 10).union(box(10, 0, 20, 10)))
    assert units.geometry("XY").equals(box(0, 0, 20, 10))


def test_output_polygons_keep_the_files_and_simplify_the_dissolved():
    """Units of the file are stored as drawn; a dissolved unit to 1/10,000 of its width: the
    1,000 vertices of its wavy edge, 0.01 % of the width high, go."""
    wave = [(x / 100, 10 + 0.0005 * (-1) ** x) for x in range(1000, -1, -1)]
    west = Polygon([(0, 0), (10, 0)] + wave)
    records = [_record("XY0101", "Alpha", "XY01", "North"),
               _record("XY0102", "Beta", "XY01", "North")]
    units = AdminUnits.from_features(records, [west, box(10, 0, 20, 10)])
    polygons = units.polygons(["XY0101", "XY01", "XY99"])
    assert set(polygons) == {"XY0101", "XY01"}
    assert polygons["XY0101"].equals(west)
    assert len(polygons["XY01"].exterior.coords) < 10
    assert polygons["XY01"].area == pytest.approx(200, rel=1e-3)
    assert len(units.geometry("XY01").exterior.coords) > 1000  # the analysis keeps it whole


def test_code_scheme_is_learned():
    units = AdminUnits.from_features(*small_layer())
    scheme = units.schemes[2]
    assert (scheme.prefix, scheme.digit_widths, scheme.hierarchical) == ("XY", (4,), True)
    assert units.schemes[1].digit_widths == (2,)


def test_codes_that_do_not_nest_are_detected():
    records = [{"ADM2_PCODE": "XY51", "ADM1_PCODE": "XY7"},
               {"ADM2_PCODE": "XY11", "ADM1_PCODE": "XY1"}]
    units = AdminUnits.from_features(records, [box(0, 0, 1, 1), box(1, 0, 2, 1)])
    assert units.schemes[2].hierarchical is False
    assert units.schemes[2].exceptions == ("XY51",)
    assert any("do not start with their parent's" in n for n in units.notes)


def test_null_geometry_null_pcode_and_duplicate_names_are_reported():
    records = [{"adm1_pcode": "XY01", "adm1_name": "North"},
               {"adm1_pcode": "XY01", "adm1_name": "Nord"},
               {"adm1_pcode": None, "adm1_name": "Lost"},
               {"adm1_pcode": "XY02", "adm1_name": "South"}]
    geometries = [box(0, 0, 1, 1), box(0, 1, 1, 2), box(5, 5, 6, 6), None]
    units = AdminUnits.from_features(records, geometries)
    assert "1 of 4 features have no geometry (P-code XY02): their units cannot be drawn on a map" \
        in units.notes
    assert any("1 features without a P-code" in n for n in units.notes)
    assert any("XY01 has 2 names" in n for n in units.notes)


def test_layer_without_polygons_or_pcode_field_is_an_input_error():
    with pytest.raises(InputError, match="no polygon"):
        AdminUnits.from_features([{"ADM1_PCODE": "XY01"}], [Point(0, 0)])
    with pytest.raises(InputError, match="fields seen: OBJECTID, NAME"):
        AdminUnits.from_features([{"OBJECTID": 1, "NAME": "x"}], [box(0, 0, 1, 1)])


def test_locate_is_vectorised():
    units = AdminUnits.from_features(*small_layer())
    found = units.locate(np.array([1.0, 7.0, 12.0, 50.0, np.nan]), np.array([1.0, 5, 5, 5, 1]))
    assert found.tolist() == ["XY0101", "XY0102", "XY0201", None, None]
    assert units.locate([1.0], [1.0], level=1).tolist() == ["XY01"]


def test_merge_infers_parents_from_geometry():
    admin1 = AdminUnits.from_features(
        [{"admin1Pcode": "XY1", "admin1Name": "North"},
         {"admin1Pcode": "XY2", "admin1Name": "South"}],
        [box(0, 0, 10, 10), box(10, 0, 20, 10)])
    admin2 = AdminUnits.from_features(
        [{"admin2Pcode": "XY11", "admin2Name": "A"}, {"admin2Pcode": "XY25", "admin2Name": "B"},
         {"admin2Pcode": "XY21", "admin2Name": "C"}],
        [box(0, 0, 10, 10), box(10, 0, 15, 10), box(1, 1, 2, 2)])
    units = AdminUnits.merge(admin1, admin2)
    assert units.level == 2
    assert units.parent("XY11") == "XY1" and units.parent("XY25") == "XY2"
    assert units.parent("XY21") == "XY1"  # where it lies, not what its code says
    assert units.schemes[2].hierarchical is False


# ---- real COD-AB files ------------------------------------------------------------------
def test_real_split_by_zone_dissolves_to_74_districts(real_data):
    units = read_units(real_data / "som" / "som_adm2_itos_split_by_zone.geojson")
    assert len(units.at_level(2)) == 74 and len(units.at_level(1)) == 18
    assert "332 features dissolved into 74 admin 2 units" in units.notes
    assert units.at_level(2)["n_features"].sum() == 332
    assert units.schemes[2].hierarchical is True


@pytest.mark.parametrize("path, level, units_count, repaired", [
    ("nga/nga_adm1_2019.topojson", 1, 37, 1),
    ("nga/nga_adm2_2019.topojson", 2, 774, 15),
    ("bdi/bdi_adm1_2019.topojson", 1, 18, 4),
    ("bdi/bdi_adm2_2019.topojson", 2, 119, 3),
    ("lbn/lbn_adm1_2019.topojson", 1, 8, 3),
    ("lbn/lbn_adm2_2019.topojson", 2, 26, 4),
    ("som/som_adm1_2019.topojson", 1, 18, 0),
])
def test_real_topojson_repairs(real_data, path, level, units_count, repaired):
    units = read_units(real_data / path)
    assert units.level == level and len(units.at_level(level)) == units_count
    repaired_notes = [n for n in units.notes if "invalid geometries repaired" in n]
    expected = f"{repaired} invalid geometries repaired (make_valid, polygons kept)"
    assert repaired_notes == ([expected] if repaired else [])
    assert all(g.is_valid for g in units.table["geometry"])


def test_real_lebanon_admin3_placeholder_pcodes(real_data):
    units = read_units(real_data / "lbn" / "lbn_adm3_2019.topojson")
    # 1,611 distinct P-codes in the file, one of them the placeholder '0'
    assert len(units.at_level(3)) == 1610
    assert any("17 features without a P-code" in n for n in units.notes)


def test_real_lebanon_codes_do_not_nest(real_data):
    units = AdminUnits.merge(read_units(real_data / "lbn" / "lbn_adm1_2019.topojson"),
                             read_units(real_data / "lbn" / "lbn_adm2_2019.topojson"))
    assert units.parent("LB21") == "LB8"  # Baalbek lies in Baalbek-El Hermel, not in LB2 Bekaa
    assert units.schemes[2].hierarchical is False
    assert sorted(units.schemes[2].exceptions) == ["LB21", "LB22", "LB51"]


def test_the_layer_whose_pcodes_the_table_uses_is_chosen_else_the_user_is_asked():
    from coordmap.processing.analysis.boundary_fields import choose_layer

    layers = {"adm1": ["XY01", "XY02"], "adm2": ["XY0101", "XY0102", "XY0201"],
              "adm3": ["XY010101"]}
    name, note = choose_layer(layers, ["xy-0101", "XY0102", "XY01", None], "admin.gpkg")
    assert name == "adm2"
    assert note == ('layer "adm2" of admin.gpkg used: 2 of the table\'s 3 P-codes are in it '
                    '(other layers: "adm1" 1, "adm3" 0)')
    for codes in ([], ["XY0101", "XY01"]):  # nothing used, or two layers used as much
        with pytest.raises(InputError, match=r"admin\.gpkg: the file has 3 layers .* give the "
                                             r"layer \(e\.g\. admin\.gpkg\|layername="):
            choose_layer(layers, codes, "admin.gpkg")
