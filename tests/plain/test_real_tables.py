"""Real OCHA 3W tables: figures checked by hand (openpyxl/csv/ODS XML read directly, not this code).

See /work/shared/data/real/README.md. Facts asserted here were counted independently:
som 4,147 sheet rows = 1 header + 4,146 data; nga 9,368 = header + HXL + 9,366; lbn 13,601 lines =
header + HXL + 13,599; bdi 322 rows = header + HXL + 320 (Calamine reports 3 used columns).
"""
from collections import Counter

import pytest

from coordmap.processing.analysis.clusters import ClusterVocabulary
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.periods import parse_periods
from coordmap.processing.analysis.table import read_table

SOM_SHEET = "3W_Dataset_January - April 2025"


@pytest.fixture(scope="module")
def som(real_data):
    return parse_table(read_table(real_data / "som" / "som_3w_jan_apr_2025.xlsx", SOM_SHEET))


@pytest.fixture(scope="module")
def nga(real_data):
    return parse_table(read_table(real_data / "nga" / "nga_3w_q4_2023.xlsx"))


@pytest.fixture(scope="module")
def lbn(real_data):
    return parse_table(read_table(real_data / "lbn" / "lbn_sectors_by_district_2024_hxl.csv"))


@pytest.fixture(scope="module")
def bdi(real_data):
    return parse_table(read_table(real_data / "bdi" / "bdi_3w_feb_2023.ods"))


@pytest.fixture(scope="module")
def clusters():
    return ClusterVocabulary.load()


def cluster_counts(table, clusters):
    out = clusters.normalise_series(table.data[table.roles["cluster"]])
    return Counter(zip(out["cluster_code"], out["cluster_known"]))


def test_row_counts(som, nga, lbn, bdi):
    assert (len(som.data), som.header_rows, som.skipped) == (4146, [1], [])
    assert (len(nga.data), nga.header_rows, nga.skipped) == (9366, [1, 2], [])
    assert (len(lbn.data), lbn.header_rows, lbn.skipped) == (13599, [1, 2], [])
    assert (len(bdi.data), bdi.header_rows, bdi.skipped) == (320, [1, 2], [])
    assert som.data["source_row"].iloc[[0, -1]].tolist() == [2, 4147]
    assert lbn.data["source_row"].iloc[[0, -1]].tolist() == [3, 13601]


def test_som_roles_from_headers(som):
    assert som.roles == {
        "org": "Organization_Name", "org_type": "Organization Type", "cluster": "Cluster",
        "adm1_code": "RegionPcode", "adm1_name": "Region", "adm2_code": "DistrictPcode",
        "adm2_name": "District", "month": "Month",
    }
    assert set(som.role_sources.values()) == {"header"}
    assert som.hxl == [None] * 8
    assert som.data["Organization_Name"].nunique() == 208
    assert (som.data["RegionPcode"] == "#N/A").sum() == 1  # a data cell, not an HXL row


def test_hxl_roles_nga_lbn_bdi(nga, lbn, bdi):
    assert nga.hxl[:3] == ["#org", "#org+acronym", "#org+type"]
    assert nga.roles["adm1_code"] == "State Pcode" and nga.roles["adm2_code"] == "LGA PCode"
    assert nga.roles["cluster"] == "Project Sector" and nga.roles["year"] == "Year"
    assert nga.role_sources["org_acronym"] == "hxl"
    assert lbn.roles["org"] == "partner.partner_full_name"
    assert lbn.roles["org_acronym"] == "partner.name"
    assert lbn.roles["adm2_code"] == "Admin2Code" and lbn.roles["quarter"] == "quarter"
    assert (lbn.data["Admin2Code"].isna()).sum() == 2552  # rows reported at admin 1 only
    assert bdi.roles == {"org_acronym": "Acronyme de l'Organisation", "cluster": "Secteur",
                         "adm1_name": "Province"}
    assert set(bdi.role_sources.values()) == {"hxl"}


def test_clusters_som_and_nga_all_known(som, nga, clusters):
    som_counts = cluster_counts(som, clusters)
    assert all(known for _, known in som_counts)
    assert len(som_counts) == 13
    assert som_counts[("PRO-MIN", True)] == 14  # "Explosive Hazards"
    assert som_counts[("MPC", True)] == 124  # "MPCA"
    nga_counts = cluster_counts(nga, clusters)
    assert dict(nga_counts) == {
        ("PRO", True): 4897, ("NUT", True): 1398, ("HEA", True): 1276, ("WSH", True): 649,
        ("CCM", True): 394, ("FSC", True): 335, ("SHL", True): 150, ("EDU", True): 146,
        ("ERY", True): 121,
    }


def test_clusters_lbn_and_bdi_unknowns_are_the_ones_without_an_iasc_code(lbn, bdi, clusters):
    # Lebanon's LCRP "Social Stability" sector has no IASC cluster; Burundi's "SSPE" acronym and
    # "Formation Professionnelle" (vocational training) are not identifiable as one cluster.
    lbn_unknown = {code: n for (code, known), n in cluster_counts(lbn, clusters).items()
                   if not known}
    assert lbn_unknown == {"Social Stability": 57}
    bdi_unknown = {code: n for (code, known), n in cluster_counts(bdi, clusters).items()
                   if not known}
    assert bdi_unknown == {"SSPE": 14, "Formation Professionnelle": 1}
    assert cluster_counts(bdi, clusters)[("PRO-GBV", True)] == 19  # "  VBG" with spaces


def test_periods_som_months_jan_to_apr_2025(som):
    out = parse_periods({"month": som.data["Month"]}, default_year=2025)
    assert out["period"].value_counts().to_dict() == {
        "2025-03": 1089, "2025-01": 1073, "2025-02": 1005, "2025-04": 979}


def test_periods_nga_and_lbn(nga, lbn):
    nga_out = parse_periods({"month": nga.data["Month"], "year": nga.data["Year"]})
    assert nga_out["period"].value_counts().to_dict() == {
        "2023-11": 3391, "2023-10": 3372, "2023-12": 2603}  # 46 rows say "October "
    lbn_out = parse_periods({r: lbn.data[lbn.roles[r]] for r in ("month", "year", "quarter")})
    counts = lbn_out["period"].value_counts()
    assert counts.sum() == 13599 and counts["2024-03"] == 2932 and counts["2024-08"] == 327
