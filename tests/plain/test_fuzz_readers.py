"""Fuzzing the readers: mutated real files never crash or hang the join.

Seeds: the bundled sample (XLSX and CSV) and, where ../shared/data/real is present, real OCHA
files (CSV, XLSX, ODS). Hypothesis mutates their bytes (flips, inserts, deletions, cuts,
repeats) or, for zip-based spreadsheets, the bytes of the sheet XML inside an intact zip (so the
XML parser is reached, not only the zip check). Every mutant must end as a result or as an
InputError naming the file: never another exception, never a hang.

``make test`` runs a bounded, derandomised number of examples (about 20 s);
``COORDMAP_FUZZ_EXAMPLES=2000 .venv/bin/pytest tests/plain/test_fuzz_readers.py`` runs a longer,
random campaign on demand.
"""
import io
import os
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from shapely.geometry import box

from coordmap.processing.analysis.boundaries import AdminUnits
from coordmap.processing.analysis.errors import InputError
from coordmap.processing.analysis.headers import parse_table
from coordmap.processing.analysis.join import join_4w
from coordmap.processing.analysis.table import read_table
from coordmap.tests.helpers import CSV_PATHS, csv_path

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "resources" / "sample"
REAL = ROOT.parent / "shared" / "data" / "real"
REAL_SEEDS = ["nga/nga_population_adm1_2020.csv", "lbn/lbn_sectors_by_district_2024_hxl.csv",
              "som/som_3w_jan_apr_2025.xlsx", "bdi/bdi_3w_feb_2023.ods"]
CSV_SEED_LINES = 300  # a real CSV is cut to its first lines: mutations, not size, are the point
ON_DEMAND = os.environ.get("COORDMAP_FUZZ_EXAMPLES")
EXAMPLES = int(ON_DEMAND or 50)
FUZZ = settings(max_examples=EXAMPLES, derandomize=not ON_DEMAND, database=None,
                deadline=None, suppress_health_check=list(HealthCheck))
UNITS = AdminUnits.from_features(
    [{"ADM1_PCODE": "XY01", "ADM1_EN": "North", "ADM2_PCODE": p, "ADM2_EN": n}
     for p, n in (("XY0101", "Alpha"), ("XY0102", "Beta"))],
    [box(0, 0, 1, 1), box(1, 0, 2, 1)])


def _seed_bytes(path: Path) -> bytes:
    data = path.read_bytes()
    if path.suffix == ".csv":
        data = b"\n".join(data.split(b"\n")[:CSV_SEED_LINES])
    return data


def _seeds():
    seeds = {name: SAMPLE / name for name in ("xy_4w_2025.xlsx", "xy_needs.csv")}
    if REAL.is_dir():
        seeds.update({Path(name).name: REAL / name for name in REAL_SEEDS
                      if (REAL / name).is_file()})
    return {name: _seed_bytes(path) for name, path in seeds.items()}


SEEDS = _seeds()


def test_real_seeds_are_used_where_present():
    if not REAL.is_dir():
        pytest.skip(f"real data folder {REAL} is absent: fuzzing the bundled sample only")
    assert {".csv", ".xlsx", ".ods"} <= {Path(name).suffix for name in SEEDS}


# ---- mutations -----------------------------------------------------------------------------
position = st.floats(0, 1, allow_nan=False)
MUTATION = st.one_of(
    st.tuples(st.just("flip"), position, st.integers(1, 255)),
    st.tuples(st.just("insert"), position, st.binary(min_size=1, max_size=64)),
    st.tuples(st.just("insert"), position, st.sampled_from(
        [b"\x00", b'"', b"\r", b"\n\n", b";", b"\t", b"\xff\xfe", b"<", b"&", b"]]>", b"=1+1",
         "é".encode("cp1252"), b"\xe2\x80\x8f"])),
    st.tuples(st.just("delete"), position, st.integers(1, 512)),
    st.tuples(st.just("cut"), position, st.just(0)),
    st.tuples(st.just("repeat"), position, st.integers(1, 2048)),
)


def mutate(data: bytes, mutations) -> bytes:
    for kind, where, amount in mutations:
        at = int(where * len(data))
        if kind == "flip" and data:
            at = min(at, len(data) - 1)
            data = data[:at] + bytes([data[at] ^ amount]) + data[at + 1:]
        elif kind == "insert":
            data = data[:at] + amount + data[at:]
        elif kind == "delete":
            data = data[:at] + data[at + amount:]
        elif kind == "cut":
            data = data[:at]
        elif kind == "repeat":
            data = data[:at + amount] + data[at:]
    return data


def mutate_inside_zip(data: bytes, mutations) -> bytes:
    """The largest member (the sheet XML) mutated, the zip rebuilt intact around it."""
    with zipfile.ZipFile(io.BytesIO(data)) as source:
        members = [(info.filename, source.read(info.filename)) for info in source.infolist()]
    target_name = max(members, key=lambda member: len(member[1]))[0]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members:
            target.writestr(name, mutate(content, mutations) if name == target_name else content)
    return buffer.getvalue()


def read_and_join(path: Path):
    """What the algorithm does with a file: read, find the header and roles, join."""
    table = parse_table(read_table(path))
    if any(role.startswith("adm") for role in table.roles):
        return join_4w(table, UNITS)
    return table


def outcome_is_a_result_or_input_error(path: Path) -> None:
    try:
        result = read_and_join(path)
    except InputError as error:
        assert path.name in str(error) or "boundary" in str(error) or "mapping" in str(error), \
            f"the message must name the file: {error}"
        return
    rows = getattr(result, "rows", None)
    if rows is not None:
        assert rows["source_row"].is_unique
        assert rows["status"].notna().all()


@pytest.mark.timeout(600, method="thread")  # a hang in Rust ignores signals
@pytest.mark.parametrize("reading", CSV_PATHS)
@FUZZ
@given(seed=st.sampled_from(sorted(SEEDS)), mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_bytes_give_a_result_or_an_input_error(tmp_path_factory, reading, seed,
                                                         mutations):
    path = tmp_path_factory.mktemp("fuzz") / f"mutant_{seed}"
    path.write_bytes(mutate(SEEDS[seed], mutations))
    with csv_path(reading):
        outcome_is_a_result_or_input_error(path)


def read_or_refuse(path: Path, reading: str):
    """The raw table read by the ``reading`` CSV path, or the message it is refused with."""
    with csv_path(reading):
        try:
            return read_table(path)
        except InputError as error:
            return str(error)


ZIPPED = sorted(name for name in SEEDS if name.endswith((".xlsx", ".ods")))
TEXTS = sorted(set(SEEDS) - set(ZIPPED))


@pytest.mark.timeout(600, method="thread")
@FUZZ
@given(seed=st.sampled_from(TEXTS), mutations=st.lists(MUTATION, min_size=1, max_size=4))
def test_mutated_text_is_read_alike_by_either_csv_path(tmp_path_factory, seed, mutations):
    path = tmp_path_factory.mktemp("fuzz") / f"mutant_{seed}"
    path.write_bytes(mutate(SEEDS[seed], mutations))
    fast, plain = (read_or_refuse(path, reading) for reading in CSV_PATHS)
    assert fast == plain


@pytest.mark.timeout(600, method="thread")  # a hang in Rust ignores signals
@FUZZ
@given(seed=st.sampled_from(ZIPPED), mutations=st.lists(MUTATION, min_size=1, max_size=3))
def test_mutated_sheet_xml_gives_a_result_or_an_input_error(tmp_path_factory, seed, mutations):
    path = tmp_path_factory.mktemp("fuzz") / f"mutant_{seed}"
    path.write_bytes(mutate_inside_zip(SEEDS[seed], mutations))
    outcome_is_a_result_or_input_error(path)
