"""The hostile-input corpus (tests/corpus/cases.py) through the analysis layer.

Each case ends as its declared outcome: an InputError naming the file (and sheet, line and
column where one is to blame), or a join in which every row is kept with the declared status,
issue categories and notes. Nothing else is acceptable: no other exception, no row lost.
"""
import re
from collections import Counter

import pytest

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import STATUSES, JoinOptions, join_4w
from coordmap.processing.analysis.table import read_table
from coordmap.tests.corpus import cases
from coordmap.tests.helpers import CSV_PATHS, csv_path

NOTE_CATEGORIES = ("table", "boundaries")
MAX_MESSAGE = 3000  # a message names what is wrong; it never lists 10,000 columns


@pytest.fixture(scope="module")
def corpus_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("corpus")
    cases.make.write_all(folder, cases.CASES)
    return folder


def run_case(case, folder):
    units = AdminUnits.from_features(*case.layer(), **(case.admin_fields or {}))
    raw = read_table(folder / case.file_name, case.sheet)
    options = JoinOptions(period=case.period, default_year=case.default_year)
    return join_4w(parse_table(raw, case.mapping), units, options)


def test_the_corpus_has_at_least_50_cases_with_unique_names():
    names = [case.name for case in cases.CASES]
    assert len(names) >= 50
    assert len(set(names)) == len(names)


@pytest.mark.timeout(180, method="thread")  # a hang in Rust ignores signals
@pytest.mark.parametrize("reading", CSV_PATHS)
@pytest.mark.parametrize("case", [
    pytest.param(case, id=case.name, marks=[pytest.mark.slow] if case.slow else [])
    for case in cases.CASES])
def test_case_outcome(case, corpus_dir, reading):
    with csv_path(reading):
        check_outcome(case, corpus_dir)


def check_outcome(case, corpus_dir):
    expected = case.expected
    if isinstance(expected, cases.Fails):
        with pytest.raises(InputError) as caught:
            run_case(case, corpus_dir)
        message = str(caught.value)
        assert len(message) < MAX_MESSAGE, message[:500]
        for pattern in expected.patterns:
            assert re.search(pattern, message, re.DOTALL), (pattern, message[:1000])
        return
    result = run_case(case, corpus_dir)
    rows = result.rows
    statuses = Counter(rows["status"])
    assert dict(statuses) == expected.statuses, dict(statuses)
    assert set(statuses) <= set(STATUSES)
    assert rows["source_row"].is_unique and rows["reason"].notna().all()
    assert sum(result.summary[f"rows {s}"] for s in STATUSES) == len(rows)
    issues = result.issues
    listed = issues[~issues["category"].isin(NOTE_CATEGORIES)]
    assert listed.groupby("category")["rows"].sum().to_dict() == expected.issues, \
        listed[["category", "value", "rows", "reason"]].to_string()
    notes = issues.loc[issues["category"].isin(NOTE_CATEGORIES), "reason"].tolist()
    for pattern in expected.notes:
        assert any(re.search(pattern, note) for note in notes), (pattern, notes)
    if expected.check is not None:
        assert expected.check(result) is not False
