"""Cluster normalisation to IASC/HDX codes."""
import json

import pandas as pd
import pytest

from coordmap.processing.analysis.clusters import ClusterVocabulary
from coordmap.tests.helpers import cells


@pytest.fixture(scope="module")
def clusters():
    return ClusterVocabulary.load()


@pytest.mark.parametrize(
    "text, code",
    [
        ("WASH", "WSH"), ("Eau, hygiène et assainissement", "WSH"),
        ("Agua, saneamiento e higiene", "WSH"), ("Food Security and Livelihoods", "FSC"),
        ("FSL", "FSC"), ("Sécurité alimentaire", "FSC"), ("Seguridad alimentaria", "FSC"),
        ("Shelter/NFI", "SHL"), ("Abris", "SHL"), ("Alojamiento", "SHL"), ("CCCM", "CCM"),
        ("Camp Coordination and Camp Management", "CCM"), ("Child Protection", "PRO-CPN"),
        ("Protection de l'enfance", "PRO-CPN"), ("GBV", "PRO-GBV"), ("VBG", "PRO-GBV"),
        ("Violencia basada en género", "PRO-GBV"), ("HLP", "PRO-HLP"),
        ("Logement, terre et propriété", "PRO-HLP"), ("Mine Action", "PRO-MIN"),
        ("Lutte antimines", "PRO-MIN"), ("Education in Emergencies", "EDU"), ("Santé", "HEA"),
        ("Salud", "HEA"), ("Saúde", "HEA"), ("Nutrición", "NUT"), ("Logistique", "LOG"),
        ("ETC", "TEL"), ("Emergency Telecommunications", "TEL"), ("Early recovery", "ERY"),
        ("Relèvement précoce", "ERY"), ("Recuperación temprana", "ERY"), ("Cash", "MPC"),
        ("Multi-Purpose Cash", "MPC"), ("Coordination", "CSS"), ("  wash cluster ", "WSH"),
        ("PROTECTION", "PRO"), ("pro-gbv", "PRO-GBV"),
        # a cluster named with one of its areas of responsibility is that area
        ("Protection (GBV)", "PRO-GBV"), ("Protection: GBV", "PRO-GBV"),
        ("Protection - Child Protection", "PRO-CPN"), ("Protección - VBG", "PRO-GBV"),
        ("VBG (Protection)", "PRO-GBV"), ("CPiE", "PRO-CPN"), ("Protection/GBV", "PRO-GBV"),
        # Arabic names (they used to fold to nothing)
        ("العنف القائم على النوع الاجتماعي", "PRO-GBV"), ("حماية الطفل", "PRO-CPN"),
        ("الحماية", "PRO"), ("الصحة", "HEA"),
    ],
)
def test_known_names_map_to_codes(clusters, text, code):
    match = clusters.normalise(text)
    assert (match.code, match.known, match.original) == (code, True, text)


def test_names_come_in_the_chosen_language():
    assert ClusterVocabulary.load(language="fr").normalise("WASH").name == (
        "Eau, hygiène et assainissement")
    assert ClusterVocabulary.load().normalise("Abris").name == "Shelter"


def test_unknown_is_kept_blank_is_none_and_lists_are_reported(clusters):
    unknown = clusters.normalise("Social Stability")
    assert (unknown.code, unknown.name, unknown.known) == ("Social Stability", "Social Stability",
                                                          False)
    assert clusters.normalise(None).code is None and clusters.normalise("  ").code is None
    several = clusters.normalise("Health, Nutrition")
    assert (several.code, several.known) == ("Health, Nutrition", False)
    assert "HEA, NUT" in several.note
    assert clusters.normalise("Cash for work").known is False  # 'cash' too short for a prefix
    for cell, codes in (("GBV/CP", "PRO-GBV, PRO-CPN"), ("GBV, Health", "PRO-GBV, HEA")):
        match = clusters.normalise(cell)
        assert (match.code, match.known, match.note) == (
            cell, False, f"names several clusters: {codes}")


def test_default_vocabulary_has_no_alias_claimed_by_two_codes(clusters):
    assert clusters.alias_conflicts() == {}
    expected = {"CCM", "EDU", "ERY", "FSC", "HEA", "LOG", "NUT", "PRO", "PRO-CPN", "PRO-GBV",
                "PRO-HLP", "PRO-MIN", "SHL", "TEL", "WSH", "MPC", "CSS"}
    assert set(clusters.codes) == expected
    for code in expected:
        assert all(clusters.name(code, lang) for lang in ("en", "fr", "es", "pt"))


def test_extension_file_adds_codes_and_aliases(tmp_path):
    extra = tmp_path / "mine.json"
    extra.write_text(json.dumps({"clusters": {
        "SOC": {"names": {"en": "Social Stability"}, "aliases": ["Social cohesion"]},
        "FSC": {"aliases": ["SECAL-X"]},
    }}), encoding="utf-8")
    vocabulary = ClusterVocabulary.load(extra)
    assert vocabulary.normalise("social stability").code == "SOC"
    assert vocabulary.normalise("Social cohesion").name == "Social Stability"
    assert vocabulary.normalise("secal-x").code == "FSC"
    assert vocabulary.normalise("WASH").code == "WSH"


def test_normalise_series_keeps_index_and_order(clusters):
    values = pd.Series(["WASH", None, "Foo", "WASH"], index=[10, 11, 12, 13], dtype=object)
    out = clusters.normalise_series(values)
    assert out.index.tolist() == [10, 11, 12, 13]
    assert cells(out["cluster_code"]) == ["WSH", None, "Foo", "WSH"]
    assert out["cluster_known"].tolist() == [True, False, False, True]
