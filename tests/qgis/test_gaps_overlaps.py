"""coordmap:gaps_overlaps through processing.run, after coordmap:join_4w, on the sample country
and on the real Somalia and Nigeria files. Expected figures are worked out in each test with
plain pandas on the source files."""
import re

import pandas as pd
import pytest

from coordmap.processing.analysis.gaps import GAP_FIELDS, GAP_STATUSES, OVERLAP_FIELDS
from coordmap.tests.helpers import features, output_layer, run_join

pytestmark = pytest.mark.qgis

MONTHS = {m: i for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december"], start=1)}


def run_gaps(run_algorithm, output_dir, join, **extra):
    params = {"PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
              "OUTPUT_GAPS": str(output_dir / "gaps.gpkg"),
              "OUTPUT_OVERLAPS": str(output_dir / "overlaps.gpkg"),
              "OUTPUT_OVERLAP_UNITS": str(output_dir / "overlap_units.gpkg"),
              "OUTPUT_CHANGES": str(output_dir / "changes.gpkg")}
    params.update(extra)
    return run_algorithm("coordmap:gaps_overlaps", params)


def frame_of(path):
    layer = output_layer(path)
    with_geometry = sum(1 for f in layer.getFeatures() if f.hasGeometry())
    return pd.DataFrame(features(path), columns=layer.fields().names()), with_geometry


def words(text):
    """Case- and punctuation-insensitive text, for counting distinct names independently."""
    return " ".join(re.sub(r"[^\w]+", " ", str(text).casefold()).split())


def expected_status(partners_by_period, period, pin, severity):
    """The documented rules, applied by hand (no coverage: these 3Ws have no 'reached')."""
    earlier = [p for p in partners_by_period if p < period and partners_by_period[p]]
    if partners_by_period.get(period):
        return "covered"
    if earlier:
        return "no_report"
    if (pd.notna(pin) and pin > 0) or (pd.notna(severity) and severity >= 3):
        return "no_partner_with_need"
    return "no_need_reported"


# Sample country -------------------------------------------------------------------------------

def test_sample_country_runs_on_defaults(run_algorithm, output_dir, sample_dir):
    join = run_join(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx",
                    sample_dir / "xy_adm2.geojson", PERIOD=1)
    result = run_gaps(run_algorithm, output_dir, join,
                      NEEDS=str(sample_dir / "xy_needs.csv"),
                      ADMIN=str(sample_dir / "xy_adm2.geojson"))
    gaps, with_geometry = frame_of(result["OUTPUT_GAPS"])
    assert set(GAP_FIELDS) <= set(gaps.columns)
    assert with_geometry == len(gaps)  # every unit has its polygon from the boundaries
    assert set(gaps["gap_status"]) <= set(GAP_STATUSES)
    units = gaps["pcode"].nunique()
    assert len(gaps) == units * gaps["cluster"].nunique() * gaps["period"].nunique()
    needs = pd.read_csv(sample_dir / "xy_needs.csv", skiprows=[1])
    # Needs are read as given: the PiN of every (unit, cluster) of the file is in the output.
    merged = gaps.drop_duplicates(["pcode", "cluster"]).merge(
        needs, left_on=["pcode", "cluster"], right_on=["Admin2 Pcode", "Cluster"])
    assert len(merged) == len(needs)
    assert (merged["pin"] == merged["People in need"]).all()
    protected = gaps[gaps["cluster"].isin(["PRO-GBV", "PRO-CPN"])]
    assert protected["protected"].all()
    assert set(protected["partner_list"]) <= {"hidden", "<5"}
    overlaps, _ = frame_of(result["OUTPUT_OVERLAPS"])
    assert set(OVERLAP_FIELDS) <= set(overlaps.columns)
    assert (overlaps["duplication"].dropna() >= 1).all()


def test_sample_without_boundaries_maps_presence_units(run_algorithm, output_dir, sample_dir):
    join = run_join(run_algorithm, output_dir, sample_dir / "xy_4w_2025.xlsx",
                    sample_dir / "xy_adm2.geojson", PERIOD=1)
    presence, _ = frame_of(join["OUTPUT"])
    result = run_gaps(run_algorithm, output_dir, join, NEEDS=str(sample_dir / "xy_needs.csv"))
    gaps, with_geometry = frame_of(result["OUTPUT_GAPS"])
    mapped = gaps["pcode"].isin(set(presence["pcode"]))
    # Units only in the needs table have no polygon without the boundaries: kept, unmapped.
    assert with_geometry == mapped.sum()
    needs = pd.read_csv(sample_dir / "xy_needs.csv", skiprows=[1])
    assert set(gaps["pcode"]) == set(presence.loc[presence["unit_specified"] == 1, "pcode"]) \
        | set(needs["Admin2 Pcode"])


# Somalia: 3W by month + JIAF workbook (wide, two sheets, group rows) ---------------------------

@pytest.fixture(scope="module")
def somalia(tmp_path_factory, coordmap_plugin, real_data):
    from qgis import processing

    output_dir = tmp_path_factory.mktemp("somalia")
    table = real_data / "som/som_3w_jan_apr_2025.xlsx"
    admin = real_data / "som/som_adm2_2023.geojson"

    def run(algorithm_id, params):
        return processing.run(algorithm_id, params)

    # Counts are checked for every cluster: the join and the gaps run without data protection.
    join = run_join(run, output_dir, table, admin, PERIOD=1, DEFAULT_YEAR=2025,
                    PROTECT_SENSITIVE=False)
    gaps = run_gaps(run, output_dir, join, NEEDS=str(real_data /
                    "jiaf_2025_pin_severity_som_nga.xlsx"), ADMIN=str(admin),
                    PROTECT_SENSITIVE=False)
    return join, gaps, pd.read_excel(table)


def test_somalia_health_gap_classes(somalia, real_data):
    _join, result, three_w = somalia
    gaps, with_geometry = frame_of(result["OUTPUT_GAPS"])
    assert with_geometry == len(gaps)
    workbook = real_data / "jiaf_2025_pin_severity_som_nga.xlsx"
    pin = pd.read_excel(workbook, sheet_name="PiN", header=1)
    severity = pd.read_excel(workbook, sheet_name="Severity", header=2)
    pin = pin[pin["Admin 0"] == "Somalia"].set_index("Admin 2 P-Code")["Health"]
    severity = severity[severity["Admin 0"] == "Somalia"].set_index("Admin 2 P-Code")["Health"]
    health = three_w[three_w["Cluster"] == "Health"]  # the vocabulary's HEA
    health = health.assign(period="2025-" + health["Month"].str.strip().str.lower().map(MONTHS)
                           .map("{:02d}".format), org=health["Organization_Name"].map(words))
    partners = health.groupby(["DistrictPcode", "period"])["org"].nunique()
    hea = gaps[(gaps["cluster"] == "HEA") & (gaps["period"] == "2025-03")].set_index("pcode")
    compared = 0
    for pcode, row in hea.iterrows():
        by_period = partners[pcode].to_dict() if pcode in partners.index.levels[0] else {}
        want = expected_status(by_period, "2025-03", pin.get(pcode), severity.get(pcode))
        assert row["gap_status"] == want, pcode
        compared += 1
    assert compared == 74  # every district of the boundaries
    statuses = set(hea["gap_status"])
    assert {"covered", "no_partner_with_need"} <= statuses


def placed(three_w):
    """The rows the join places: not the 13 whose district code lies outside the region code
    they give (with the names, two cells against two: the join leaves them unmatched)."""
    region, district = three_w["RegionPcode"].str.strip(), three_w["DistrictPcode"].str.strip()
    split = region.str.match(r"^SO\d\d$") & (district.str[:4] != region)
    assert split.sum() == 13
    return three_w[~split]


def test_somalia_overlap_counts(somalia):
    _join, result, three_w = somalia
    three_w = placed(three_w)
    overlaps, _ = frame_of(result["OUTPUT_OVERLAPS"])
    # No activity column and month-long dates: an overlap = a district x cluster x month with
    # two or more distinct organisations. Cluster names map one-to-one to codes in this file.
    rows = three_w.assign(org=three_w["Organization_Name"].map(words),
                          month=three_w["Month"].str.strip().str.lower().map(MONTHS))
    counts = rows.groupby(["DistrictPcode", "Cluster", "month"])["org"].nunique()
    boundaries = set(overlaps["pcode"])
    expected = counts[(counts >= 2) & counts.index.get_level_values(0).isin(boundaries)]
    # Banadir sub-district rows are not at an admin-2 unit of the boundaries: not compared.
    expected = expected[~expected.index.get_level_values(0).str.match(r"SO22(0[2-9]|1)")]
    assert len(overlaps) == len(expected)
    assert sorted(overlaps["partners"]) == sorted(expected.values)


# Nigeria: 3W Q4 2023 + HNO 2024 (long, HXL, broken down by sex, age and group) -----------------

@pytest.fixture(scope="module")
def nigeria(tmp_path_factory, coordmap_plugin, real_data):
    from qgis import processing

    output_dir = tmp_path_factory.mktemp("nigeria")
    admin2 = real_data / "nga/nga_adm2_2019.topojson"

    def run(algorithm_id, params):
        return processing.run(algorithm_id, params)

    join = run_join(run, output_dir, real_data / "nga/nga_3w_q4_2023.xlsx", admin2, PERIOD=1,
                    ADMIN_PARENTS=[str(real_data / "nga/nga_adm1_2019.topojson")],
                    PROTECT_SENSITIVE=False)
    gaps = run_gaps(run, output_dir, join, NEEDS=str(real_data / "nga/nga_hno_2024.csv"),
                    ADMIN=str(admin2), PROTECT_SENSITIVE=False)
    three_w = pd.read_excel(real_data / "nga/nga_3w_q4_2023.xlsx", skiprows=[1])
    return join, gaps, three_w


def test_nigeria_nutrition_gap_classes(nigeria, real_data):
    _join, result, three_w = nigeria
    gaps, _ = frame_of(result["OUTPUT_GAPS"])
    hno = pd.read_csv(real_data / "nga/nga_hno_2024.csv", skiprows=[1])
    totals = hno[(hno["Gender"] == "a") & (hno["Age Range"] == "ALL")
                 & (hno["Population Group"] == "ALL") & hno["Admin 2 PCode"].notna()]
    pin = totals[totals["Sector"] == "NUT"].set_index("Admin 2 PCode")["In Need"]
    nut = three_w[three_w["Project Sector"] == "NUT"]
    nut = nut.assign(period=nut["Year"].astype(int).astype(str) + "-"
                     + nut["Month"].str.strip().str.lower().map(MONTHS).map("{:02d}".format),
                     org=nut["Organization"].map(words))
    partners = nut.groupby(["LGA PCode", "period"])["org"].nunique()
    got = gaps[(gaps["cluster"] == "NUT") & (gaps["period"] == "2023-12")].set_index("pcode")
    assert len(got) == 774  # every LGA of the boundaries
    mismatches = []
    for pcode, row in got.iterrows():
        by_period = partners[pcode].to_dict() if pcode in partners.index.levels[0] else {}
        want = expected_status(by_period, "2023-12", pin.get(pcode), None)
        if row["gap_status"] != want:
            mismatches.append((pcode, row["gap_status"], want))
    assert not mismatches
    assert got.loc[pin.index.intersection(got.index), "pin"].tolist() == \
        pin[pin.index.intersection(got.index)].tolist()


def test_nigeria_overlap_counts(nigeria):
    _join, result, three_w = nigeria
    overlaps, _ = frame_of(result["OUTPUT_OVERLAPS"])
    rows = three_w[~three_w["Status"].astype(str).str.casefold().str.contains(
        "cancel|suspen", na=False)]
    rows = rows.assign(org=rows["Organization"].map(words),
                       activity=rows["Activities"].map(words),
                       month=rows["Month"].str.strip().str.lower().map(MONTHS))
    counts = rows.groupby(["LGA PCode", "Project Sector", "activity", "month"])["org"].nunique()
    expected = counts[counts >= 2]
    assert len(overlaps) == len(expected)
    assert overlaps["partners"].sum() == expected.sum()


def test_somalia_partner_changes(somalia):
    _join, result, three_w = somalia
    three_w = placed(three_w)
    changes, _ = frame_of(result["OUTPUT_CHANGES"])
    districts = set(frame_of(result["OUTPUT_GAPS"])[0]["pcode"])  # the boundaries' units
    rows = three_w.assign(org=three_w["Organization_Name"].map(words),
                          month=three_w["Month"].str.strip().str.lower().map(MONTHS))
    rows = rows[rows["Cluster"] == "Health"]
    orgs = rows.groupby(["DistrictPcode", "month"])["org"].agg(set)
    expected = 0
    for district in {d for d, _m in orgs.index} & districts:
        for month in range(2, 5):
            now, before = orgs.get((district, month), set()), orgs.get((district, month - 1))
            if not now:
                continue  # no report this month: nothing is said
            reported_earlier = any((district, m) in orgs.index for m in range(1, month - 1))
            if before is None and reported_earlier:
                continue  # the previous month was 'no_report': no partner 'started'
            expected += len(now - (before or set()))
    got = changes[(changes["cluster"] == "HEA") & (changes["change"] == "partner_started")]
    assert expected > 0
    assert len(got) == expected


def test_not_a_presence_layer_is_refused(run_algorithm, output_dir, sample_dir):
    from qgis.core import QgsProcessingException

    admin = str(sample_dir / "xy_adm2.geojson")
    with pytest.raises(QgsProcessingException, match="not a presence layer"):
        run_gaps(run_algorithm, output_dir, {"OUTPUT": admin, "OUTPUT_ROWS": None})
    assert not (output_dir / "gaps.gpkg").exists()  # nothing written half-way
