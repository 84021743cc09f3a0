"""The cross-country evaluation through processing.run("coordmap:join_4w"): the rows output of
the algorithm (table and boundary file only, as a new user runs it) is the analysis path's
(tests/crosscountry/score.py) for generated tables of several countries, layouts and formats,
so the figures of benchmarks/bench_crosscountry.py hold for the algorithm too."""
import pytest

from coordmap.tests.crosscountry import reference
from coordmap.tests.crosscountry.generate import generate
from coordmap.tests.crosscountry.score import TableScore, score_rows
from coordmap.tests.crosscountry.score import run_join as analysis_join
from coordmap.tests.helpers import data_rows, run_join

pytestmark = pytest.mark.qgis

# (country, seed, layout, boundary level): an XLSX health table (a health pyramid beside admin
# 2), an Arabic 5W CSV with admin-3 codes below admin-2 boundaries, a KoBo export joined to
# admin-1 boundaries.
CASES = (("COD", 1, "health", 2), ("SYR", 1, "five_w", 2), ("HTI", 2, "kobo", 1))


@pytest.mark.parametrize("iso3, seed, layout, level", CASES)
def test_algorithm_rows_are_the_analysis_rows(run_algorithm, output_dir, iso3, seed, layout,
                                              level):
    if not reference.available():
        pytest.skip(f"reference gazetteers {reference.REFERENCE_DIR} are absent")
    generated = generate(iso3, seed, output_dir / f"{iso3}_{seed}")
    assert (generated.style["layout"], generated.boundary.level) == (layout, level)
    result = run_join(run_algorithm, output_dir, generated.path, generated.boundary.path)
    by_algorithm = {r["source_row"]: (r["status"], r["pcode"])
                    for r in data_rows(result["OUTPUT_ROWS"])}
    _, expected = analysis_join(generated.path, generated.boundary.path)
    by_analysis = {int(row.source_row): (row.status, row.pcode if isinstance(row.pcode, str)
                                         else None) for row in expected.rows.itertuples()}
    assert by_algorithm == by_analysis
    assert set(generated.truth["source_row"]) <= set(by_algorithm)  # every data row is out
    score = TableScore(generated.name, iso3)
    score_rows(score, reference.load_country(iso3), generated.truth, expected.rows)
    assert score.rows_out_ok and score.placed > 0.5 * len(generated.truth)
