"""The matching cascade on real OCHA 3W tables and COD-AB boundaries (figures worked out by
hand from the files; see ../shared/data/real/README.md)."""
import pandas as pd

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.matching import Matcher
from coordmap.tests.plain.geo_loader import read_units


def counts(result):
    table = result.groupby(["status", "admin_level", "match_method"], dropna=False).size()
    return {(s, None if pd.isna(lvl) else int(lvl), m): int(n) for (s, lvl, m), n in table.items()}


def test_nigeria_state_codes_with_iso3_prefix(real_data):
    units = AdminUnits.merge(read_units(real_data / "nga" / "nga_adm1_2019.topojson"),
                             read_units(real_data / "nga" / "nga_adm2_2019.topojson"))
    table = pd.read_excel(real_data / "nga" / "nga_3w_q4_2023.xlsx", engine="calamine",
                          dtype=str, keep_default_na=False, skiprows=[1])  # row 2 is HXL
    assert len(table) == 9366
    states = Matcher(units).resolve_frame(table, {1: "State Pcode"}, {})
    assert counts(states) == {("used", 1, "normalised"): 9366}
    expected = table["State Pcode"].str.replace("NGA", "NG", regex=False)
    assert (states["pcode"] == expected).all()  # NGA008 -> NG008 and so on, every state
    assert "prefix NGA written for NG" in states["reason"].iloc[0]
    both = Matcher(units).resolve_frame(table, {1: "State Pcode", 2: "LGA PCode"},
                                        {1: "State", 2: "LGA"})
    assert counts(both) == {("used", 2, "exact"): 9366}
    assert not both["reason"].str.contains("disagrees").any()  # normalised states agree


def test_somalia_banadir_sub_districts_roll_up(real_data):
    units = read_units(real_data / "som" / "som_adm2_2023.geojson")
    table = pd.read_excel(real_data / "som" / "som_3w_jan_apr_2025.xlsx", engine="calamine",
                          dtype=str, keep_default_na=False)
    result = Matcher(units).resolve_frame(table, {1: "RegionPcode", 2: "DistrictPcode"},
                                          {1: "Region", 2: "District"})
    # 12 rows name a district (code and name) outside the region they name (code and name):
    # two cells against two, so they are not placed, with both units suggested; one more,
    # Hodan, a Banadir sub-district (SO2208), is given under Middle Shabelle (code and name):
    # two against one is no clear majority either
    assert counts(result) == {("used", 2, "exact"): 3553, ("rolled_up", 1, "exact"): 580,
                              ("unmatched", None, "none"): 13}
    rolled = result[result["status"] == "rolled_up"]
    assert (rolled["pcode"] == "SO22").all() and len(rolled) == 580
    assert sorted(rolled["raw_value"].unique()) == [f"SO22{n:02d}" for n in range(2, 18)]
    assert rolled["reason"].iloc[0].endswith("is not in the boundaries; counted at admin 1 SO22")
    na_row = result.loc[table.index[table["RegionPcode"] == "#N/A"]]
    assert na_row[["pcode", "status"]].values.tolist() == [["SO1604", "used"]]
    assert "admin 1 code '#N/A' is a placeholder" in na_row["reason"].iloc[0]
    split = result[result["status"] == "unmatched"]
    assert split["reason"].str.startswith("the location cells disagree").all()
    bay_xudur = split.loc[table.loc[split.index, "RegionPcode"].eq("SO24")
                          & table.loc[split.index, "DistrictPcode"].eq("SO2501")]
    assert set(bay_xudur["suggestion"]) == {"ambiguous: SO2501 Xudur or SO24 Bay or SO25 Bakool"}
    # (the 13 rows where the district won over the region before)
    assert len(split) == 13
    used = result[result["status"] == "used"]
    assert not used["reason"].str.contains("disagree").any()


def test_lebanon_admin1_only_rows(real_data):
    units = AdminUnits.merge(read_units(real_data / "lbn" / "lbn_adm1_2019.topojson"),
                             read_units(real_data / "lbn" / "lbn_adm2_2019.topojson"))
    table = pd.read_csv(real_data / "lbn" / "lbn_sectors_by_district_2024_hxl.csv",
                        skiprows=[1], dtype=str, keep_default_na=False)
    assert (table["Admin2Code"] == "").sum() == 2552
    codes = Matcher(units).resolve_frame(table, {1: "Admin1Code", 2: "Admin2Code"}, {})
    # the 2,552 rows without admin-2 code: 2,517 used at admin 1, 35 have no location at all
    # 44 rows give LB3 with LB11 (Beirut, in LB1): one code against the other, not placed
    assert counts(codes) == {("used", 2, "exact"): 11003, ("used", 1, "exact"): 2517,
                             ("unmatched", None, "none"): 35 + 44}
    split = codes[codes["reason"].str.startswith("the location cells disagree")]
    assert len(split) == 44 and set(split["suggestion"]) == {"ambiguous: LB11 Beirut or LB1 "
                                                             "Beirut or LB3 Mount Lebanon"}
    # Their names disagree as their codes do (Mount_Lebanon, Beirut): still not placed
    names = Matcher(units).resolve_frame(table, {1: "Admin1Code", 2: "Admin2Code"},
                                         {1: "Admin1", 2: "Admin2"})
    assert counts(names) == {("used", 2, "exact"): 11003, ("used", 2, "name_exact"): 1848,
                             ("used", 2, "name_normalised"): 275, ("used", 2, "name_fuzzy"): 221,
                             ("used", 1, "exact"): 164, ("rolled_up", 1, "exact"): 9,
                             ("unmatched", None, "none"): 79}
    fuzzy = names[names["match_method"] == "name_fuzzy"]  # slips, within the row's region
    assert dict(zip(fuzzy["raw_value"], fuzzy["pcode"])) == {
        "Bent Jbayl": "LB41", "Metn": "LB36", "Zahleh": "LB25"}
    # other romanisations of the same names (aa/a, ai/a, doubled letters)
    spelt = names[names["match_method"] == "name_normalised"]
    assert dict(zip(spelt["raw_value"], spelt["pcode"])) == {
        "Aakar": "LB51", "Aaley": "LB31", "Hasbaiya": "LB42", "Rachaiya": "LB23"}
    rolled = names[names["status"] == "rolled_up"]
    assert set(zip(rolled["raw_value"], rolled["pcode"])) == {("Bent Jbayl", "LB1")}
    # 'Bent Jbayl' under Beirut (LB1) is not taken for Bent Jbeil (LB41, in LB4)
    beirut = names[(table.reindex(names.index)["Admin1Code"] == "LB1")
                   & (names["raw_value"] == "Bent Jbayl")]
    assert (beirut["pcode"] == "LB1").all() and len(beirut) == 9
    assert "outside LB1" in beirut["suggestion"].iloc[0]


# Every spelling of the Burundi table (whitespace-trimmed: 58), checked by hand against the
# 18 provinces. Value: expected P-codes (None = not matched) and, for non-matches, a text the
# suggestion or reason must contain.
BURUNDI = {
    "Bubanza": ["BDI001"], "BUBANZA": ["BDI001"], "bubanza": ["BDI001"],
    "Bujumbura Mairie": ["BDI017"], "BUJUMBURA MAIRIE": ["BDI017"], "Bujumbura mairie": ["BDI017"],
    "bujumbura Mairie": ["BDI017"], "Bujumbura-Mairie": ["BDI017"], "Bujumbura-mairie": ["BDI017"],
    "Bujumbura Rural": ["BDI002"], "BUJUMBURA(MAIRIE,RURAL)": ["BDI017", "BDI002"],
    "Bujumbura": [(None, "ambiguous")], "BUJUMBURA": [(None, "ambiguous")],
    "Province Bujumbura": [(None, "Bujumbura Mairie")],
    "Bujumbura,Bururi": [(None, "ambiguous"), "BDI003"],
    "Mairie": [(None, "not found")], "Rural": [(None, "not found")],
    "Mairie,Cibitoke": [(None, "not found"), "BDI005"],
    "Bururi": ["BDI003"], "Cankuzo": ["BDI004"],
    "Cibitoke": ["BDI005"], "CIBITOKE": ["BDI005"], "cibitoke": ["BDI005"],
    "Gitega": ["BDI006"], "GITEGA": ["BDI006"], "gitega": ["BDI006"],
    "Karuzi": ["BDI007"], "Karusi": ["BDI007"], "KARUSI": ["BDI007"],  # (one letter: s/z)
    "Kayanza": ["BDI008"], "KAYANZA": ["BDI008"], "Kirundo": ["BDI009"], "KIRUNDO": ["BDI009"],
    "Makamba": ["BDI010"], "MAKAMBA": ["BDI010"], "Muramvya": ["BDI011"],
    "Muyinga": ["BDI012"], "MUYINGA": ["BDI012"], "muyinga": ["BDI012"],
    "muyinga cankuzo": ["BDI012", "BDI004"], "Mwaro": ["BDI013"],
    "Ngozi": ["BDI014"], "NGOZI": ["BDI014"], "ngozi": ["BDI014"],
    "DS Ngozi": [(None, "BDI014 Ngozi")],  # a health district, not the province: suggestion only
    "DS Kinyinya": [(None, "not found")],
    "Rumonge": ["BDI018"], "RUMONGE": ["BDI018"], "rumonge": ["BDI018"],
    "Rumonge Gitega Ngozi": ["BDI018", "BDI006", "BDI014"],
    "Rutana": ["BDI015"], "Ruyigi": ["BDI016"], "RUYIGI": ["BDI016"], "ruyigi": ["BDI016"],
    "Couverture nationale": [(None, "national coverage")],
    "couverture nationale": [(None, "national coverage")],
    "Toutes les provinces sauf CANKUZO": [(None, "national coverage")],
    "toutes les provinces  qui ont besoin de formation": [(None, "national coverage")],
}


def test_burundi_province_names_no_wrong_match(real_data):
    units = read_units(real_data / "bdi" / "bdi_adm1_2019.topojson")
    table = pd.read_excel(real_data / "bdi" / "bdi_3w_feb_2023.ods", engine="calamine",
                          dtype=str, keep_default_na=False, skiprows=[1])  # row 2 is HXL
    assert len(table) == 320
    spellings = table["Province"].str.strip()
    assert len(BURUNDI) == 58 and set(spellings[spellings != ""]) == set(BURUNDI)
    result = Matcher(units).resolve_frame(table, {}, {1: "Province"})
    for spelling, expected in BURUNDI.items():
        rows = table.index[spellings == spelling]
        got = result.loc[[rows[0]]]
        assert len(got) == len(expected), spelling
        for (_, match), want in zip(got.iterrows(), expected):
            if isinstance(want, str):
                assert (match["pcode"], match["status"]) == (want, "used"), spelling
                assert (match["match_method"] == "split") == (len(expected) > 1), spelling
            else:
                assert match["pcode"] is None and match["status"] == "unmatched", spelling
                text = f"{match['reason']} {match['suggestion']}"
                assert want[1] in text, (spelling, text)
    national = result[result["match_method"] == "national"]
    assert len(national) == 8  # 4 + 2 'couverture nationale', 2 'toutes les provinces ...'
    # 8 blank rows + 51 unmatched names (44 'Bujumbura' alone, 2 parts of splits, 5 others;
    # the 2 rows writing Karusi for Karuzi are placed)
    assert counts(result)[("unmatched", None, "none")] == 8 + 51
    assert counts(result)[("used", 1, "split")] == 1 + 2 + 1 + 2 + 3
