"""parse_table: header detection, HXL, row accounting and column roles."""
import json

import pytest

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.headers import (
    load_mapping_profile,
    mapping_profile_to_json,
    normalise_hxl,
    parse_table,
)
from coordmap.processing.analysis.table import RawTable


def raw(rows, source="f.xlsx", sheet="S"):
    return RawTable.from_rows(source, sheet, [list(r) for r in rows],
                              list(range(1, len(rows) + 1)))


def assert_rows_accounted(table, raw_table):
    assert len(table.data) + len(table.skipped) + len(table.header_rows) == len(raw_table.rows)


def test_title_rows_blank_rows_and_trailing_totals_are_skipped_and_counted():
    source = raw([
        ["3W Somewhere - March 2025"],
        [None],
        ["Region", "District", "Cluster", "Partner", "Reached"],
        ["North", "A", "WASH", "X", 10],
        [None, None, None, None, None],
        ["South", None, None, None, None],
        ["Total", None, None, None, 10],
        [None],
        ["Grand total", None, None, None, 10],
    ])
    table = parse_table(source)
    assert table.header_rows == [3]
    assert table.data["source_row"].tolist() == [4, 6]  # nearly empty row 6 is still data
    assert table.skipped == [
        (1, "title row above the header"), (2, "blank row"), (5, "blank row"),
        (7, "total row at the end of the table"), (8, "blank row"),
        (9, "total row at the end of the table"),
    ]
    assert_rows_accounted(table, source)
    assert table.roles["adm1_name"] == "Region" and table.roles["adm2_name"] == "District"
    assert table.roles["org"] == "Partner" and table.roles["reached"] == "Reached"


def test_a_total_row_in_the_middle_is_data():
    table = parse_table(raw([["Org", "Cluster"], ["Total", "x"], ["A", "WASH"]]))
    assert table.data["source_row"].tolist() == [2, 3]


def test_hxl_row_with_spaces_under_the_header_gives_roles():
    source = raw([
        ["Organisation", "Sigle", "Type", "Etat", "Code"],
        ["#org", "#org +acronym", "# org+ type", "#adm1 +name", "#adm1+ code"],
        ["Action", "ACF", "INGO", "Borno", "NG008"],
    ])
    table = parse_table(source)
    assert table.header_rows == [1, 2]
    assert table.hxl == ["#org", "#org+acronym", "#org+type", "#adm1+name", "#adm1+code"]
    assert table.roles == {
        "org": "Organisation", "org_acronym": "Sigle", "org_type": "Type",
        "adm1_code": "Code", "adm1_name": "Etat",
    }
    assert set(table.role_sources.values()) == {"hxl"}


def test_hxl_row_above_the_header_and_hxl_only_tables():
    over = parse_table(raw([["#sector", "#org"], ["Secteur", "Organisation"], ["Santé", "X"]]))
    assert over.columns == ["Secteur", "Organisation"] and over.header_rows == [1, 2]
    assert len(over.data) == 1
    only = parse_table(raw([["#sector", "#adm2+code"], ["Health", "SO2201"]]))
    assert only.columns == ["#sector", "#adm2+code"]
    assert only.roles == {"cluster": "#sector", "adm2_code": "#adm2+code"}


def test_normalise_hxl_sorts_attributes_and_rejects_plain_text():
    assert normalise_hxl("# Adm1+ Name +code") == "#adm1+code+name"
    assert normalise_hxl("# of people reached") is None
    assert normalise_hxl("#N/A") is None


def test_two_row_header_with_merged_group_cells_and_line_breaks():
    source = raw([
        [None, None, "Location", None, "Cluster PiN", None],
        ["Org", "Cluster", "Admin 1\nP-Code", "Admin 2 P-Code", "WASH", "Health"],
        ["A", "WASH", "X1", "X101", 5, 6],
    ])
    table = parse_table(source)
    assert table.columns == [
        "Org", "Cluster", "Location / Admin 1 P-Code", "Location / Admin 2 P-Code",
        "Cluster PiN / WASH", "Cluster PiN / Health",
    ]
    assert table.header_rows == [1, 2]
    assert table.roles["adm1_code"] == "Location / Admin 1 P-Code"
    assert table.roles["adm2_code"] == "Location / Admin 2 P-Code"


def test_instruction_text_in_header_does_not_decide_the_role():
    header = "Admin2 Pcode\n(cette colonne est renseignée automatiquement à partir de la province)"
    table = parse_table(raw([["Province", header, "Partenaire"], ["Bubanza", "BDI001", "X"]]))
    assert table.roles["adm2_code"] == table.columns[1]
    assert table.columns[1].startswith("Admin2 Pcode (cette colonne")
    assert table.roles["adm1_name"] == "Province"


def test_kobo_prefixes_are_stripped_and_duplicates_suffixed():
    source = raw([
        ["group_a/loc/district", "group_b/district", "grp/cluster", "source_row"],
        ["D1", "D2", "Nutrition", "x"],
    ])
    table = parse_table(source)
    assert table.columns == ["district", "district (2)", "cluster", "source_row (2)"]
    assert table.roles["adm2_name"] == "district" and table.roles["cluster"] == "cluster"
    assert any("KoBo" in note for note in table.notes)


@pytest.mark.parametrize(
    "header, role",
    [
        ("Organization_Name", "org"), ("Nom de l'organisation", "org"), ("Organización", "org"),
        ("Implementing partner", "org"), ("Acronyme", "org_acronym"),
        ("Organization Type", "org_type"), ("Donor", "donor"), ("Bailleur", "donor"),
        ("Secteur", "cluster"), ("Sub-sector", "subsector"), ("AoR", "subsector"),
        ("Activité", "activity"), ("Mois", "month"), ("Mes", "month"), ("Année", "year"),
        ("Año", "year"), ("Date de début", "start_date"), ("Fecha de inicio", "start_date"),
        ("End date", "end_date"), ("Statut", "status"), ("Modalité", "modality"),
        ("Bénéficiaires ciblés", "targeted"), ("Personas alcanzadas", "reached"),
        ("People reached", "reached"), ("Lat", "lat"), ("Longitude", "lon"),
        ("RegionPcode", "adm1_code"), ("admin2Pcode", "adm2_code"), ("LGA Pcode", "adm2_code"),
        ("Departamento", "adm1_name"), ("Trimestre", "quarter"), ("Site name", "location"),
    ],
)
def test_header_vocabulary(header, role):
    table = parse_table(raw([[header, "Other thing"], ["x", "y"]]))
    assert table.roles.get(role) == header, table.roles


def test_admin_levels_follow_the_terms_present():
    def levels(*headers):
        return parse_table(raw([list(headers), ["v"] * len(headers)])).roles
    assert levels("Region", "District") == {"adm1_name": "Region", "adm2_name": "District"}
    assert levels("Province", "Commune") == {"adm1_name": "Province", "adm2_name": "Commune"}
    assert levels("District", "Sub-district") == {"adm2_name": "District",
                                                 "adm3_name": "Sub-district"}
    assert levels("Région", "Province", "Commune") == {
        "adm1_name": "Région", "adm2_name": "Province", "adm3_name": "Commune"}
    assert levels("State", "State Pcode", "LGA", "LGA Pcode") == {
        "adm1_name": "State", "adm1_code": "State Pcode", "adm2_name": "LGA",
        "adm2_code": "LGA Pcode"}


def test_estado_is_status_or_state_depending_on_its_values():
    status = parse_table(raw([["Estado", "Organización"], ["En curso", "A"], ["Finalizado", "B"]]))
    assert status.roles.get("status") == "Estado" and "adm1_name" not in status.roles
    state = parse_table(raw([["Estado", "Municipio"], ["Zulia", "Maracaibo"]]))
    assert state.roles == {"adm1_name": "Estado", "adm2_name": "Municipio"}


def test_mapping_overrides_detection_by_label_or_hxl_and_can_remove_a_role():
    source = raw([["Partner", "Donor", "Sector"], ["#org", "#org+funder", "#sector"],
                  ["A", "ECHO", "WASH"]])
    table = parse_table(source, mapping={"org_acronym": "Partner", "donor": None,
                                         "cluster": "#sector"})
    assert table.roles == {"org_acronym": "Partner", "cluster": "Sector"}
    assert table.role_sources == {"org_acronym": "mapping", "cluster": "mapping"}
    with pytest.raises(InputError, match='f.xlsx, sheet "S".*"Nope"'):
        parse_table(source, mapping={"org": "Nope"})
    with pytest.raises(InputError, match="unknown role"):
        parse_table(source, mapping={"organisation": "Partner"})


def test_mapping_profile_round_trip(tmp_path):
    table = parse_table(raw([["Cluster", "Partner"], ["WASH", "A"]]))
    path = tmp_path / "profile.json"
    path.write_text(mapping_profile_to_json(table), encoding="utf-8")
    assert load_mapping_profile(path) == {"org": "Partner", "cluster": "Cluster"}
    path.write_text(json.dumps({"bad_role": "x"}), encoding="utf-8")
    with pytest.raises(InputError, match="profile.json.*bad_role"):
        load_mapping_profile(path)


def test_columns_without_header_or_data_are_dropped_but_unlabelled_data_is_kept():
    table = parse_table(raw([["Org", None, None], ["A", None, 5]]))
    assert table.columns == ["Org", "Column C"]
    assert table.data["Column C"].tolist() == [5]
    assert table.data.dtypes["Org"].kind == "O"


def test_mapping_from_text_accepts_pairs_json_and_profile_files(tmp_path):
    from coordmap.processing.analysis.errors import InputError
    from coordmap.processing.analysis.headers import mapping_from_text

    assert mapping_from_text("  ") is None
    assert mapping_from_text("org=Partner; adm2_code=District Pcode;adm2_name=") == {
        "org": "Partner", "adm2_code": "District Pcode", "adm2_name": ""}
    assert mapping_from_text('{"org": "Partner"}') == {"org": "Partner"}
    profile = tmp_path / "profile.json"
    profile.write_text('{"cluster": "Secteur"}', encoding="utf-8")
    assert mapping_from_text(str(profile)) == {"cluster": "Secteur"}
    with pytest.raises(InputError, match="role=column pairs"):
        mapping_from_text("org Partner")


# A CSV read by the fast path gives each column's codes; the table's frame is then made only
# when asked for, and must be what the same file read row by row gives.
MESSY_CSV = ("Title of the sheet\n\nPartner,Cluster,Admin2 Pcode,Estado,Reached\n"
             "#org,#sector,#adm2+code,,#reached\n"
             "A,WASH,XY0101,Activo,10\n,,,,\nB, Health ,XY0102,,\nA,WASH,XY0101,Activo,10\n"
             "C,Educación,,Finalizado,7\nTotal,,,,17\n")


def test_a_table_from_codes_gives_the_same_frame_values_and_rows_as_from_the_grid(
        tmp_path, monkeypatch):
    from coordmap.processing.analysis import table as table_module
    from coordmap.processing.analysis.table import fast_csv

    path = tmp_path / "4w.csv"
    path.write_text(MESSY_CSV, encoding="utf-8")
    coded = parse_table(table_module.read_table(path))
    with monkeypatch.context() as patch:
        patch.setattr(fast_csv, "parse_csv", lambda *args: None)
        gridded = parse_table(table_module.read_table(path))
    assert coded._data is None and gridded._data is not None  # (the frame: not made yet)
    assert coded.roles == gridded.roles and coded.skipped == gridded.skipped
    for label in coded.columns:
        assert coded.column(label).tolist() == gridded.data[label].tolist()
        assert coded.distinct_values(label, 2) == gridded.distinct_values(label, 2)
    assert coded.source_rows.tolist() == gridded.source_rows.tolist() == [5, 7, 8, 9]
    assert coded.rows_of([1, 3]).to_dict() == gridded.data.iloc[[1, 3]].to_dict()
    assert coded.data.equals(gridded.data) and coded.data.index.equals(gridded.data.index)


# ---- headers and cluster names per language (issue 18) ------------------------------------------
HEADERS_PER_LANGUAGE = {
    "ar": (["المنظمة", "القطاع", "رمز المديرية", "اسم المديرية", "الشهر", "المستهدفون"],
           {"org", "cluster", "adm2_code", "adm2_name", "month", "targeted"}),
    "ru": (["Организация", "Кластер", "Код района", "Район", "Месяц", "Охвачено"],
           {"org", "cluster", "adm2_code", "adm2_name", "month", "reached"}),
    "uk": (["Організація", "Кластер", "Код громади", "Громада", "Місяць", "Охоплено"],
           {"org", "cluster", "adm2_code", "adm2_name", "month", "reached"}),
    "pt": (["Organização", "Sector", "Código do distrito", "Distrito", "Mês",
            "Beneficiários alcançados"],
           {"org", "cluster", "adm2_code", "adm2_name", "month", "reached"}),
}


@pytest.mark.parametrize("language", sorted(HEADERS_PER_LANGUAGE))
def test_headers_are_recognised_in_arabic_russian_ukrainian_and_portuguese(language):
    from coordmap.processing.analysis.table import table_from_records

    headers, roles = HEADERS_PER_LANGUAGE[language]
    table = parse_table(table_from_records("4w.csv", headers, [["x"] * len(headers)]))
    assert set(table.roles) == roles, table.roles


CLUSTER_NAMES = {
    "SHL": ["Abris/AME", "Abris et articles ménagers essentiels", "Abrigo e itens não alimentares",
            "Albergue y artículos no alimentarios", "المأوى والمواد غير الغذائية",
            "Приют и непродовольственные товары", "Житло та непродовольчі товари"],
    "MPC": ["Transferts monétaires à usage multiple", "Cash à usage multiple",
            "Transferencias monetarias multipropósito", "Multi-purpose cash"],
    "FSC": ["Sécurité alimentaire", "Segurança alimentar", "الأمن الغذائي",
            "Продовольственная безопасность", "Продовольча безпека"],
    "HEA": ["Santé", "Saúde", "الصحة", "Здравоохранение", "Охорона здоров'я"],
    "PRO-CPN": ["Protection de l'enfance", "Protección de la infancia", "Protecção da criança",
                "حماية الطفل", "Захист дітей"],
}


@pytest.mark.parametrize("code", sorted(CLUSTER_NAMES))
def test_cluster_names_of_francophone_lusophone_hispanophone_arabic_and_slavic_systems(code):
    from coordmap.processing.analysis.clusters import ClusterVocabulary

    vocabulary = ClusterVocabulary.load()
    found = {name: vocabulary.normalise(name).code for name in CLUSTER_NAMES[code]}
    assert set(found.values()) == {code}, found
