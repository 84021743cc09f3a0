"""The checked-in Xyland sample (resources/sample) is what tools/sample_country.py generates,
and it has the properties and counts its README promises."""
import csv
import json
import re
from pathlib import Path

import numpy as np
import pytest

shapely = pytest.importorskip("shapely")
openpyxl = pytest.importorskip("openpyxl")
from shapely.geometry import shape  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
TEXT_FILES = ["xy_adm1.geojson", "xy_adm2.geojson", "xy_adm3.geojson", "xy_needs.csv"]
PCODE_RE = {1: r"XY\d{2}", 2: r"XY\d{4}", 3: r"XY\d{6}"}
TOLERANCE = 1e-7  # degrees, far below the 1e-5 grid


@pytest.fixture(scope="module")
def gen():
    from coordmap.tools import sample_country

    return sample_country


@pytest.fixture(scope="module")
def regenerated(gen, tmp_path_factory):
    out = tmp_path_factory.mktemp("xy")
    gen.main(["--out", str(out)])
    return out


@pytest.fixture(scope="module")
def truth(gen):
    country = gen.make_country()
    frame = gen.make_4w(country, gen.SAMPLE_4W_ROWS, gen.FOURW_SEED, messy=True, truth=True)
    needs = gen.make_needs(country)
    return country, frame, needs


def _features(level):
    return json.loads((SAMPLE / f"xy_adm{level}.geojson").read_text(encoding="utf-8"))["features"]


def _xlsx_rows(path):
    wb = openpyxl.load_workbook(path, read_only=True)
    try:
        return [tuple(r) for r in wb["4W"].iter_rows(values_only=True)]
    finally:
        wb.close()


def _readme_facts():
    text = (SAMPLE / "README.md").read_text(encoding="utf-8")
    section = text.split("## Facts", 1)[1].split("\n## ", 1)[0]
    facts = {}
    for line in section.splitlines():
        m = re.match(r"\|\s*(.+?)\s*\|\s*([\d,]+)\s*\|$", line.strip())
        if m:
            facts[m.group(1)] = int(m.group(2).replace(",", ""))
    return facts


# --- reproducibility -----------------------------------------------------------------------
# The GEOS the checked-in boundaries were made with (shapely 2.0.7's). Another GEOS nodes the
# snapped cells a little differently (a vertex within one grid step), so there the boundaries
# are compared feature by feature instead of byte by byte.
SAMPLE_GEOS = (3, 11, 4)


@pytest.mark.parametrize("name", TEXT_FILES)
def test_text_files_are_byte_identical_to_a_fresh_generation(gen, regenerated, name):
    fresh, checked_in = (regenerated / name).read_bytes(), (SAMPLE / name).read_bytes()
    if name.endswith(".geojson") and shapely.geos_version != SAMPLE_GEOS:
        fresh, checked_in = (json.loads(data)["features"] for data in (fresh, checked_in))
        assert [f["properties"] for f in fresh] == [f["properties"] for f in checked_in]
        assert max(shapely.hausdorff_distance(shape(a["geometry"]), shape(b["geometry"]))
                   for a, b in zip(fresh, checked_in)) <= gen.GRID
        return
    assert fresh == checked_in, (
        f"{name} differs from the generator's output: run tools/sample_country.py")


def test_xlsx_cell_values_are_identical_to_a_fresh_generation(regenerated):
    assert _xlsx_rows(regenerated / "xy_4w_2025.xlsx") == _xlsx_rows(SAMPLE / "xy_4w_2025.xlsx")


def test_xlsx_is_byte_reproducible(gen, tmp_path):
    gen.main(["--out", str(tmp_path / "a")])
    gen.main(["--out", str(tmp_path / "b")])
    assert (tmp_path / "a" / "xy_4w_2025.xlsx").read_bytes() == \
        (tmp_path / "b" / "xy_4w_2025.xlsx").read_bytes()


def test_readme_facts_match_the_generator(gen, truth):
    country, frame, needs = truth
    assert _readme_facts() == gen.facts(country, frame, needs)


# --- boundaries ----------------------------------------------------------------------------
def test_unit_counts_and_fields():
    facts = _readme_facts()
    for level in (1, 2, 3):
        feats = _features(level)
        assert len(feats) == facts[f"admin {level} units"]
        for f in feats:
            props = f["properties"]
            for upper in range(0, level + 1):
                assert props[f"ADM{upper}_EN"], (level, upper, props)
                assert props[f"ADM{upper}_PCODE"], (level, upper, props)
            assert props["ADM0_PCODE"] == "XY" and props["ADM0_EN"] == "Xyland"
            for lvl in range(1, level + 1):
                assert re.fullmatch(PCODE_RE[lvl], props[f"ADM{lvl}_PCODE"])
            for lvl in range(1, level):  # a code starts with its parent's code
                assert props[f"ADM{lvl + 1}_PCODE"].startswith(props[f"ADM{lvl}_PCODE"])
        codes = [f["properties"][f"ADM{level}_PCODE"] for f in feats]
        assert len(set(codes)) == len(codes)


def test_coordinates_have_at_most_five_decimals_and_files_are_small():
    total = 0
    for level in (1, 2, 3):
        path = SAMPLE / f"xy_adm{level}.geojson"
        total += path.stat().st_size
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"\d\.\d{6,}", text)
        assert '"urn:ogc:def:crs:OGC:1.3:CRS84"' in text
    assert total < 2_000_000


def test_geometries_are_valid_single_polygons_in_the_expected_box():
    for level in (1, 2, 3):
        for f in _features(level):
            geom = shape(f["geometry"])
            assert geom.is_valid, (level, f["properties"], shapely.is_valid_reason(geom))
            assert geom.geom_type == "Polygon" and not geom.is_empty
            minx, miny, maxx, maxy = geom.bounds
            assert 19.5 < minx < maxx < 26.5 and 4.5 < miny < maxy < 11.5


def test_hierarchy_nests_exactly():
    geoms = {lvl: {f["properties"][f"ADM{lvl}_PCODE"]: (f["properties"], shape(f["geometry"]))
                   for f in _features(lvl)} for lvl in (1, 2, 3)}
    for lvl in (2, 3):
        children_area = {}
        for code, (props, geom) in geoms[lvl].items():
            parent_code = props[f"ADM{lvl - 1}_PCODE"]
            assert parent_code in geoms[lvl - 1], code
            parent_props, parent = geoms[lvl - 1][parent_code]
            assert props[f"ADM{lvl - 1}_EN"] == parent_props[f"ADM{lvl - 1}_EN"]
            assert geom.within(parent.buffer(TOLERANCE)), (code, parent_code)
            children_area[parent_code] = children_area.get(parent_code, 0.0) + geom.area
        for parent_code, (_, parent) in geoms[lvl - 1].items():
            assert children_area[parent_code] == pytest.approx(parent.area, rel=1e-9)


def test_admin3_units_tile_the_country_without_overlaps():
    cells = [shape(f["geometry"]) for f in _features(3)]
    country = shapely.union_all([shape(f["geometry"]) for f in _features(1)])
    assert country.geom_type == "Polygon"
    assert sum(c.area for c in cells) == pytest.approx(country.area, rel=1e-9)
    tree = shapely.STRtree(cells)
    left, right = tree.query(cells, predicate="overlaps")
    assert len(left) == 0, list(zip(left, right))[:5]


def test_names_unique_within_parent_and_confusables_present():
    feats2 = [f["properties"] for f in _features(2)]
    feats3 = [f["properties"] for f in _features(3)]
    for feats, lvl in ((feats2, 2), (feats3, 3)):
        seen = set()
        for p in feats:
            key = (p[f"ADM{lvl - 1}_PCODE"], p[f"ADM{lvl}_EN"])
            assert key not in seen, key
            seen.add(key)
    mokara = sorted(p["ADM1_PCODE"] for p in feats2 if p["ADM2_EN"] == "Mokara")
    assert len(mokara) == 2 and mokara[0] != mokara[1]
    names2 = {p["ADM2_EN"] for p in feats2}
    assert {"South Tamba", "South West Tamba"} <= names2
    all_names = names2 | {p["ADM3_EN"] for p in feats3} | {p["ADM1_EN"] for p in feats2}
    assert any("-" in n for n in all_names)
    assert any(re.search(r"[éèêàô]", n) for n in all_names)


# --- needs ---------------------------------------------------------------------------------
def test_needs_csv(gen):
    with open(SAMPLE / "xy_needs.csv", encoding="utf-8", newline="") as fh:
        rows = list(csv.reader(fh))
    assert rows[0] == gen.NEEDS_COLUMNS
    assert rows[1] == ["#adm2+code", "#adm2+name", "#sector+code", "#inneed", "#severity"]
    data = rows[2:]
    facts = _readme_facts()
    assert len(data) == facts["needs rows"]
    assert sum(r[3] == "0" for r in data) == facts["needs rows with PiN 0"] > 0
    adm2 = {f["properties"]["ADM2_PCODE"]: f["properties"]["ADM2_EN"] for f in _features(2)}
    clusters = set(gen.CLUSTER_CODES)
    pairs = set()
    for code, name, cluster, pin, severity in data:
        assert adm2[code] == name and cluster in clusters
        assert int(pin) >= 0 and 1 <= int(severity) <= 5
        pairs.add((code, cluster))
    assert len(pairs) == len(data)
    assert len(adm2) * len(clusters) - len(pairs) == \
        facts["needs admin2 x cluster pairs without a row"] > 0


# --- 4W ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def fourw_rows():
    return _xlsx_rows(SAMPLE / "xy_4w_2025.xlsx")


def test_4w_layout(gen, fourw_rows):
    facts = _readme_facts()
    assert fourw_rows[0][0] == "Xyland 4W - 2025 - OCHA" and not any(fourw_rows[0][1:])
    assert not any(fourw_rows[1])
    assert list(fourw_rows[2]) == gen.FOURW_COLUMNS
    assert fourw_rows[3][0] == "#org +name" and fourw_rows[3][7] == "#adm2 +code"
    assert len(fourw_rows) == facts["4W last Excel row"]
    body = fourw_rows[4:]
    blank = [i for i, r in enumerate(body) if not any(v not in (None, "") for v in r)]
    assert len(blank) == facts["4W blank rows in the middle"] + facts["4W blank rows at the end"]
    assert blank[-3:] == [len(body) - 4, len(body) - 3, len(body) - 2]
    total = body[-1]
    assert total[0] == "Total"
    data = [r for i, r in enumerate(body[:-1]) if i not in set(blank)]
    assert len(data) == facts["4W data rows"]
    assert total[14] == sum(r[14] for r in data)
    assert total[15] == sum(r[15] or 0 for r in data)
    assert len({r[0] for r in data}) == facts["4W organisations"]


def test_4w_mess_counts_recounted_from_the_file(fourw_rows):
    facts = _readme_facts()
    body = fourw_rows[4:-1]
    data = [r for r in body if any(v not in (None, "") for v in r)]
    a2code = [r[7] for r in data]

    def count(pred):
        return sum(1 for r in data if pred(r))

    assert count(lambda r: isinstance(r[7], str) and re.fullmatch(r"(?i)xy\d{4}", r[7])
                 and not r[7].startswith("XY")) == facts["4W rows mess=pcode_case"]
    assert count(lambda r: isinstance(r[7], str) and re.fullmatch(r"XYZ\d{4}|\d{4}", r[7])) \
        == facts["4W rows mess=pcode_prefix"]
    assert count(lambda r: isinstance(r[7], str) and re.fullmatch(r"XY\d{2,3}", r[7])) \
        == facts["4W rows mess=pcode_padding"]
    assert count(lambda r: r[7] is None and r[8] is not None) == facts["4W rows mess=name_only"]
    assert a2code.count("XY9999") == facts["4W rows mess=unknown_code"]
    assert count(lambda r: r[7] is None and r[8] is None and r[9] is None) \
        == facts["4W rows mess=adm1_only"]
    assert a2code.count("#N/A") == facts["4W rows mess=na"]
    assert count(lambda r: r[8] and r[8].isupper()) \
        == facts["4W rows mess=name_upper"]
    assert count(lambda r: r[8] and r[8] != r[8].strip()) == facts["4W rows mess=name_space"]
    assert count(lambda r: isinstance(r[11], str)) == facts["4W rows month as name"]
    assert count(lambda r: r[1] and r[5] and re.fullmatch(r"XY\d{2}", r[5])) == len(data)
    # every "clean" or name-mess row carries right, nested codes
    good = [r for r in data if isinstance(r[7], str) and re.fullmatch(r"XY\d{4}", r[7])
            and r[7] != "XY9999"]
    assert len(good) == facts["4W rows mess=clean"] + facts["4W rows mess=name_upper"] + \
        facts["4W rows mess=name_space"]
    assert all(r[9].startswith(r[7]) and r[7].startswith(r[5]) for r in good)


def test_4w_truth_matches_the_boundaries(truth):
    country, frame, _needs = truth
    data = frame[frame["_kind"] == "data"]
    assert set(data["_adm3"]) <= set(country.adm3["ADM3_PCODE"])
    clean = data[data["_mess"] == "clean"]
    assert (clean["Admin3 Pcode"] == clean["_adm3"]).all()
    assert data["_month"].between(1, 12).all()
    facts = _readme_facts()
    assert facts["admin2 x cluster x month x activity with 2+ partners"] > 0
    assert facts["gaps: admin2 x cluster with PiN > 0 and no 4W row"] > 0


def test_make_4w_scales_and_is_deterministic(gen, truth):
    country = truth[0]
    a = gen.make_4w(country, 20_000, seed=3)
    b = gen.make_4w(country, 20_000, seed=3)
    assert a.equals(b)
    n_blank = gen.N_BLANK_MIDDLE + gen.N_BLANK_END
    assert len(a) == 20_000 + n_blank + 1
    clean = gen.make_4w(country, 5_000, seed=3, messy=False)
    assert len(clean) == 5_000
    assert clean["Admin2 Pcode"].str.fullmatch(r"XY\d{4}").all()
    assert set(clean["Month"]) <= set(range(1, 13))
    assert np.isin(clean["Cluster"], [v[0] for v in gen.CLUSTERS.values()]).all()
