"""HDX HAPI's operational presence from the join's rows, worked out by hand on the small country
of test_join (XY01 North: XY0101 Alpha, XY0102 Beta; XY02 South: XY0201 Gamma, XY0202 Delta)."""
import datetime as dt

import pandas as pd
import pytest

from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.hapi import (
    HAPI_COLUMNS,
    HAPI_FIELDS,
    hapi_sector_codes,
    operational_presence,
    period_bounds,
    read_operational_presence,
    write_operational_presence,
)
from coordmap.processing.analysis.hxl import FIELD_TAGS, hxl_row
from coordmap.processing.analysis.join import JoinOptions, join_4w
from coordmap.tests.plain.test_join import make_units, table

FIELDS = ["Organisation", "Acronym", "Organisation type", "Cluster", "Admin1 Pcode",
          "Admin2 Pcode", "Month"]
RECORDS = [
    ["Aid International", "AI", "INGO", "Health", "XY01", "XY0101", "2025-01"],
    ["aid international", "AI", "INGO", "Santé", "XY01", "XY0101", "2025-01"],  # same org
    ["Aid International", "AI", "INGO", "Health", "XY01", "XY0101", "2025-02"],
    ["Local Help", None, "ONG nationale", "MPCA", "XY01", "XY0102", "2025-01"],
    ["Local Help", None, "ONG nationale", "Coordination", "XY02", None, "2025-01"],
    ["Safe Space", "SS", "NNGO", "GBV", "XY02", "XY0201", "2025-01"],
    ["Other Safe", "OS", "UN", "GBV", "XY02", "XY0201", "2025-01"],
    [None, None, None, "Health", "XY02", "XY0202", "2025-01"],  # no organisation
    ["Nowhere", "NW", "UN", "Health", "ZZ", "ZZ99", "2025-01"],  # unmatched
]


@pytest.fixture(scope="module")
def units():
    return make_units()


@pytest.fixture(scope="module")
def presence(units):
    result = join_4w(table(FIELDS, RECORDS), units, JoinOptions(period="month"))
    return operational_presence(result.rows, units, country="")


def rows_of(frame, **where):
    found = frame
    for column, value in where.items():
        found = found[found[column] == value]
    return found.to_dict("records")


def test_one_row_per_organisation_sector_unit_and_period(presence):
    table = presence.table
    assert list(table.columns) == HAPI_FIELDS
    health = rows_of(table, sector_code="HEA")
    assert [(r["org_name"], r["admin2_code"], r["reference_period_start"]) for r in health] == [
        ("Aid International", "XY0101", dt.date(2025, 1, 1)),
        ("Aid International", "XY0101", dt.date(2025, 2, 1))]
    first = health[0]
    assert (first["admin1_code"], first["admin1_name"], first["admin2_name"],
            first["admin_level"]) == ("XY01", "North", "Alpha", 2)
    assert (first["org_acronym"], first["org_type_code"], first["org_type_description"]) == \
        ("AI", "437", "International NGO")
    assert first["reference_period_end"] == dt.date(2025, 1, 31)
    assert first["sector_name"] == "Health"


def test_hapi_sector_codes_for_cash_and_coordination(presence):
    assert hapi_sector_codes() == {"MPC": "Cash", "CSS": "CCM"}
    cash = rows_of(presence.table, org_name="Local Help", admin1_code="XY01")
    assert [(r["sector_code"], r["sector_name"]) for r in cash] == [("Cash",
                                                                      "Multipurpose Cash")]
    coordination = rows_of(presence.table, org_name="Local Help", admin1_code="XY02")
    assert [(r["sector_code"], r["admin_level"], r["admin2_code"]) for r in coordination] == \
        [("CCM", 1, None)]
    assert coordination[0]["org_type_code"] == "441"
    assert any("have HAPI's sector code Cash" in note for note in presence.notes)


def test_sensitive_clusters_name_no_organisation(presence):
    gbv = rows_of(presence.table, sector_code="PRO-GBV")
    assert len(gbv) == 1, "two organisations, one row without their names"
    assert (gbv[0]["org_name"], gbv[0]["org_acronym"], gbv[0]["org_type_code"]) == \
        (None, None, None)
    assert gbv[0]["admin2_code"] == "XY0201"


def test_rows_left_out_are_said(presence):
    notes = " | ".join(presence.notes)
    assert "1 rows without organisation name or acronym" in notes
    assert "2 rows of sensitive clusters" in notes


def test_period_bounds():
    assert period_bounds("2024-02") == (dt.date(2024, 2, 1), dt.date(2024, 2, 29))
    assert period_bounds("2025-Q4") == (dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert period_bounds("2025") == (dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert period_bounds("2025-01/2025-04") == (None, None)
    assert period_bounds("2025-13") == (None, None)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_written_table_reads_back_in_hapi_schema(presence, tmp_path, suffix):
    path = write_operational_presence(tmp_path / f"op{suffix}", presence.table)
    back = read_operational_presence(path)
    assert list(back.columns) == HAPI_FIELDS
    assert back["admin_level"].dtype == "Int64"
    assert all(isinstance(v, dt.date) for v in back["reference_period_start"].dropna())
    expected = presence.table.astype(object).where(presence.table.notna(), None)
    assert back.astype(object).where(back.notna(), None).values.tolist() == \
        expected.values.tolist()


def test_every_hapi_column_has_its_hxl_tag():
    tags = hxl_row(HAPI_FIELDS)
    assert all(tags), dict(zip(HAPI_FIELDS, tags))
    assert FIELD_TAGS["admin1_code"] == "#adm1+code" and FIELD_TAGS["org_acronym"] == \
        "#org+acronym" and FIELD_TAGS["sector_code"] == "#sector+code"
    assert [kind for _, kind in HAPI_COLUMNS].count("date") == 2


def test_reader_refuses_other_tables(tmp_path):
    wrong = tmp_path / "wrong.csv"
    wrong.write_text("org_name,sector\n#org+name,#sector\n", encoding="utf-8")
    with pytest.raises(InputError, match="column\\(s\\) location_code"):
        read_operational_presence(wrong)
    untagged = tmp_path / "untagged.csv"
    pd.DataFrame([["x"] * len(HAPI_FIELDS)], columns=HAPI_FIELDS).to_csv(untagged, index=False)
    with pytest.raises(InputError, match="row 2 is not the HXL row"):
        read_operational_presence(untagged)


def test_no_counted_row_gives_an_empty_table_in_hapi_columns(units):
    result = join_4w(table(FIELDS, RECORDS[-1:]), units, JoinOptions())
    presence = operational_presence(result.rows, units)
    assert presence.table.empty and list(presence.table.columns) == HAPI_FIELDS


# HDX HAPI's sector codes (its sector table: the Global Coordination Groups codes and the
# entries HAPI adds), as of HAPI v1.
HAPI_SECTOR_CODES = {"CCM", "EDU", "ERY", "FSC", "HEA", "LOG", "NUT", "PRO", "PRO-CPN",
                     "PRO-GBV", "PRO-HLP", "PRO-MIN", "SHL", "TEL", "WSH", "Cash", "Hum",
                     "Multi", "Intersectoral"}


def test_every_cluster_code_is_a_hapi_sector_code_or_mapped_to_one():
    from coordmap.processing.analysis.clusters import ClusterVocabulary

    vocabulary = ClusterVocabulary.load()
    mapped = hapi_sector_codes()
    assert set(vocabulary.codes) - HAPI_SECTOR_CODES == \
        set(mapped), "a code HAPI does not have must be mapped (and documented)"
    assert set(mapped.values()) <= HAPI_SECTOR_CODES
    # HAPI's own codes and names read as CoordMap's clusters
    assert vocabulary.normalise("Cash").code == "MPC"
    assert vocabulary.normalise("Cash programming").code == "MPC"
    for code in HAPI_SECTOR_CODES & set(vocabulary.codes):
        assert vocabulary.normalise(code).code == code


def test_the_sector_code_mapping_is_documented():
    from pathlib import Path

    root = Path(__file__).resolve().parents[2]
    readme = (root / "README.md").read_text(encoding="utf-8")
    help_page = (root / "resources" / "help" / "index.html").read_text(encoding="utf-8")
    for ours, theirs in hapi_sector_codes().items():
        assert f"| `{ours}` | `{theirs}` |" in readme
        assert f"<td><code>{ours}</code></td><td><code>{theirs}</code></td>" in help_page
