"""The data protection policy (processing/analysis/protection.py): which clusters are sensitive
and what a publishable output of theirs may show."""
import numpy as np
import pandas as pd
import pytest

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.protection import HIDDEN, ProtectionPolicy

# How partners write GBV and child protection (the spellings of issue 19, and more).
SENSITIVE_SPELLINGS = [
    "PRO-GBV", "pro-cpn", "GBV", "Protection (GBV)", "Protection: GBV",
    "Protection - Child Protection", "Protección - VBG", "CPiE", "GBV/CP", "VBG (Protection)",
    "العنف القائم على النوع الاجتماعي", "حماية الطفل", "GBV, Health", "Child Protection AoR",
    "Violences basées sur le genre", "Protection de l'enfance", "Proteção da criança",
    "SGBV case management", "Gender-Based Violence", "GBV sub-cluster", "CP",
]
NOT_SENSITIVE = ["Health", "WASH", "Protection", "General Protection", "Mine Action", "HLP",
                 "Education", "Santé", "الحماية", "Food Security and Livelihoods", "", None,
                 "Camp Coordination", "Cash"]


@pytest.fixture(scope="module")
def policy():
    return ProtectionPolicy()


@pytest.mark.parametrize("text", SENSITIVE_SPELLINGS)
def test_every_spelling_of_gbv_and_child_protection_is_sensitive(policy, text):
    assert policy.is_sensitive(text)


@pytest.mark.parametrize("text", NOT_SENSITIVE)
def test_other_clusters_are_not(policy, text):
    assert not policy.is_sensitive(text)


def test_a_name_or_any_of_code_and_name_is_enough(policy):
    assert policy.is_sensitive("XYZ", "Gender-Based Violence")
    assert not policy.is_sensitive("HEA", "Health")


@pytest.mark.parametrize("areas", ["pro-min", "Mine Action", "MINE ACTION", "lutte antimines",
                                   " PRO-MIN ; "])
def test_added_areas_are_codes_or_names_in_any_case(areas):
    added = ProtectionPolicy.from_parameters(True, areas, 5)
    assert added.is_sensitive("PRO-MIN") and added.is_sensitive("Explosive Hazards")
    assert added.is_sensitive("GBV") and added.is_sensitive("Child Protection")
    assert added.unknown_areas == []


@pytest.mark.parametrize("areas", ["", None, " , ;", "PRO-GBBV", "pro-gbv"])
def test_an_empty_blank_or_mistyped_list_never_switches_protection_off(areas):
    policy = ProtectionPolicy.from_parameters(True, areas, 5)
    assert policy.is_sensitive("PRO-GBV") and policy.is_sensitive("PRO-CPN")
    assert not policy.is_sensitive("HEA")


def test_an_unknown_area_is_looked_for_as_written_and_said():
    policy = ProtectionPolicy.from_parameters(True, "PSEA", 5)
    assert policy.unknown_areas == ["PSEA"]
    assert policy.is_sensitive("psea") and policy.is_sensitive("Protection - PSEA network")
    assert "PSEA: not a cluster code or name" in policy.describe()


def test_only_the_explicit_switch_turns_protection_off():
    off = ProtectionPolicy.from_parameters(False, "PRO-GBV", 5)
    assert not off.is_sensitive("PRO-GBV")
    assert "OFF" in off.describe()
    with pytest.raises(InputError, match="k = 1: give 2 or more"):
        ProtectionPolicy(small_count=1)


def presence():
    return pd.DataFrame({
        "cluster": ["PRO-GBV", "PRO-GBV", "Protección - VBG", "HEA", "HEA"],
        "cluster_name": ["Gender-Based Violence", "Gender-Based Violence", "Protección - VBG",
                         "Health", "Health"],
        "partners": [3, 7, 1, 2, 0],
        "activities": [4, 9, 1, 2, 0],
        "rows": [4, 12, 1, 2, 1],
        "targeted": [np.nan, 300.0, 2.0, 10.0, np.nan],
        "reached": [np.nan, 250.0, 2.0, 8.0, np.nan],
        "partner_list": ["Org A; Org B; Org C", "Org A; Org B; Org C; Org D; Org E; Org F; Org G",
                         "Org S", "Org H; Org I", ""],
    })


def test_presence_names_nobody_and_no_count_below_k(policy):
    protected = policy.protect_presence(presence())
    assert protected["protected"].tolist() == [True, True, True, False, False]
    assert protected["partner_list"].tolist() == ["<5", HIDDEN, "<5", "Org H; Org I", ""]
    assert protected["partners"].tolist()[:3] == [pd.NA, 7, pd.NA]
    assert protected["activities"].tolist()[:3] == [pd.NA, 9, pd.NA]
    assert protected["reached"].iloc[1] == 250 and pd.isna(protected["reached"].iloc[2])
    assert protected["partners"].tolist()[3:] == [2, 0]  # Health keeps its small counts


def test_protection_is_never_undone_and_keeps_an_earlier_k(policy):
    once = policy.protect_presence(presence())
    off = ProtectionPolicy(enabled=False)
    again = off.protect_presence(once)
    assert again["protected"].tolist() == once["protected"].tolist()
    assert again["partner_list"].tolist() == once["partner_list"].tolist()
    stricter = ProtectionPolicy(small_count=10).protect_presence(once)
    assert stricter["partner_list"].tolist()[:3] == ["<5", "<10", "<5"]
    assert pd.isna(stricter["partners"].iloc[1])


def test_records_are_protected_like_frames(policy):
    records = presence().to_dict("records")
    out = policy.protect_records(records, ("partners", "rows"), "partner_list")
    assert [r["partners"] for r in out] == [None, 7, None, 2, 0]
    assert all(r["partner_list"] in ("<5", HIDDEN) for r in out[:3])
    assert policy.count_text(None) == "<5" and policy.count_text(3) == "<5"
    assert policy.count_text(12) == "12" and policy.count_text(3, protected=False) == "3"
