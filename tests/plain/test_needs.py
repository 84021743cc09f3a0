"""Needs tables: long and wide shapes, breakdown rows, levels (roll up / roll down), on hand-made
files and on the real JIAF and HNO files (expected values read with plain pandas)."""
import numpy as np
import pandas as pd
import pytest

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.needs import needs_at_level, read_needs


def write(path, text):
    path.write_text(text, encoding="utf-8")
    return path


def by_unit_cluster(frame):
    return frame.set_index(["pcode", "cluster"])


# Long shape ----------------------------------------------------------------------------------

def test_sample_long_needs_read_as_given(sample_dir):
    needs = read_needs(sample_dir / "xy_needs.csv")
    source = pd.read_csv(sample_dir / "xy_needs.csv", skiprows=[1])  # row 2 is the HXL row
    got = by_unit_cluster(needs.frame)
    assert len(got) == len(source.drop_duplicates(["Admin2 Pcode", "Cluster"]))
    for row in source.itertuples(index=False):
        assert got.loc[(row[0], row[2]), "pin"] == row[3]
        assert got.loc[(row[0], row[2]), "severity"] == row[4]


def test_header_words_numbers_and_severity_text(tmp_path):
    path = write(tmp_path / "needs.csv",
                 "District Pcode,Sector,People in need,Severity\n"
                 'D01,Health,"12,500",3 - Severe\n'
                 "D01,WASH,-,2\n"
                 "D02,Nutrition,800,\n")
    got = by_unit_cluster(read_needs(path).frame)
    assert got.loc[("D01", "HEA"), "pin"] == 12500
    assert got.loc[("D01", "HEA"), "severity"] == 3
    assert np.isnan(got.loc[("D01", "WSH"), "pin"])  # '-' is no figure, not zero
    assert got.loc[("D02", "NUT"), "pin"] == 800


def test_breakdown_rows_total_first_then_one_way_sum(tmp_path):
    # D01 has a total row (100): the parts are not added to it. D02 has no total row but is
    # split by population group only (IDP 30 + host 50 = 80). D03 is split by sex and group at
    # once: not read (summing could count people twice), and said so.
    path = write(tmp_path / "hno.csv",
                 "Admin 2 PCode,Sector,Gender,Population Group,In Need\n"
                 "#adm2+code,#sector+code,#gender,#population_group,#inneed\n"
                 "D01,HEA,a,ALL,100\nD01,HEA,f,ALL,60\nD01,HEA,a,IDP,70\n"
                 "D02,HEA,a,IDP,30\nD02,HEA,a,HST,50\n"
                 "D03,HEA,f,IDP,5\nD03,HEA,m,HST,6\n")
    needs = read_needs(path)
    got = by_unit_cluster(needs.frame)
    assert got.loc[("D01", "HEA"), "pin"] == 100
    assert got.loc[("D02", "HEA"), "pin"] == 80
    assert ("D03", "HEA") not in got.index
    assert any("several columns at once" in note for note in needs.notes)


def test_real_hno_totals(real_data):
    path = real_data / "nga/nga_hno_2024.csv"
    hno = pd.read_csv(path, skiprows=[1])
    totals = hno[(hno["Gender"] == "a") & (hno["Age Range"] == "ALL")
                 & (hno["Population Group"] == "ALL") & hno["Admin 2 PCode"].notna()]
    needs = read_needs(path)
    got = by_unit_cluster(needs.frame)
    health = totals[totals["Sector"] == "HEA"]
    assert len(health) > 50
    for row in health.itertuples(index=False):
        expected = row[10]  # In Need
        value = got.loc[(row[1], "HEA"), "pin"]
        assert (np.isnan(value) and np.isnan(expected)) or value == expected
    assert any("without a P-code" in note for note in needs.notes)  # national rows said


# Wide shape ----------------------------------------------------------------------------------

def test_real_jiaf_wide_pin_and_severity(real_data):
    path = real_data / "jiaf_2025_pin_severity_som_nga.xlsx"
    pin = pd.read_excel(path, sheet_name="PiN", header=1)  # row 1 is the group row
    severity = pd.read_excel(path, sheet_name="Severity", header=2)  # title + blank rows
    needs = read_needs(path)
    assert len(needs.sources) == 2
    got = by_unit_cluster(needs.frame)
    for column, code in (("Health", "HEA"), ("WASH", "WSH"), ("GBV", "PRO-GBV")):
        for pcode, value in pin.set_index("Admin 2 P-Code")[column].dropna().items():
            assert got.loc[(pcode, code), "pin"] == pytest.approx(value)
        for pcode, value in severity.set_index("Admin 2 P-Code")[column].dropna().items():
            assert got.loc[(pcode, code), "severity"] == value
    # intersectoral columns are not clusters
    assert not needs.frame["cluster"].str.contains("Final").any()


def test_wide_two_columns_of_one_cluster_take_the_highest(tmp_path):
    path = write(tmp_path / "PiN by cluster.csv",
                 "Admin2 Pcode,Shelter,NFI,Health\nD01,100,250,40\n")
    got = by_unit_cluster(read_needs(path).frame)
    assert got.loc[("D01", "SHL"), "pin"] == 250  # not 350: the same people twice
    assert got.loc[("D01", "HEA"), "pin"] == 40


def test_wide_without_measure_is_refused_with_the_file_name(tmp_path):
    path = write(tmp_path / "table.csv", "Admin2 Pcode,Shelter,Health\nD01,1,2\n")
    with pytest.raises(InputError, match="table.csv"):
        read_needs(path)


# Levels --------------------------------------------------------------------------------------

def test_roll_up_sums_sub_units_and_takes_highest_severity(tmp_path):
    path = write(tmp_path / "needs.csv",
                 "Admin2 Pcode,Admin3 Pcode,Cluster,PiN,Severity\n"
                 "D01,D0101,HEA,100,2\nD01,D0102,HEA,50,4\nD02,D0201,HEA,7,3\n")
    needs = read_needs(path)
    units = {"D01": "R1", "D02": "R1"}
    got = by_unit_cluster(needs_at_level(needs, units, 2))
    assert got.loc[("D01", "HEA"), "pin"] == 150
    assert got.loc[("D01", "HEA"), "severity"] == 4
    assert got.loc[("D02", "HEA"), "pin"] == 7
    assert any("rolled up" in note for note in needs.notes)


def test_roll_down_gives_severity_not_pin(tmp_path):
    path = write(tmp_path / "needs.csv",
                 "Admin1 Pcode,Cluster,PiN,Severity\nR1,HEA,1000,4\nR9,HEA,5,5\n")
    needs = read_needs(path)
    units = {"D01": "R1", "D02": "R1", "D03": "R2", "R1": None, "R2": None}
    got = by_unit_cluster(needs_at_level(needs, units, 2))
    assert set(got.index) == {("D01", "HEA"), ("D02", "HEA")}
    assert got.loc[("D01", "HEA"), "severity"] == 4
    assert np.isnan(got.loc[("D01", "HEA"), "pin"])
    assert any("rolled down" in note for note in needs.notes)
    assert any("R9" in note for note in needs.notes)  # found nowhere: said, not dropped


def test_given_level_wins_over_rolled_figures(tmp_path):
    path = write(tmp_path / "needs.csv",
                 "Admin1 Pcode,Admin2 Pcode,Cluster,PiN,Severity\n"
                 "R1,,HEA,1000,5\nR1,D01,HEA,300,3\n")
    needs = read_needs(path)
    got = by_unit_cluster(needs_at_level(needs, {"D01": "R1", "D02": "R1", "R1": None}, 2))
    assert got.loc[("D01", "HEA"), "pin"] == 300  # its own figure
    assert got.loc[("D02", "HEA"), "severity"] == 5  # the region's, rolled down
