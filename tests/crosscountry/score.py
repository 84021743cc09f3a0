"""Run coordmap's join as a new user would (the table and one boundary file, no MAPPING, no
CROSSWALK) and score every row and column against the generated truth.

The join runs through the analysis API, as the coordmap:join_4w algorithm does: ``read_table``
-> ``parse_table`` -> ``join_4w`` with ``AdminUnits.from_features`` of the boundary file's
records and geometries, read with GDAL (as QGIS reads them). tests/qgis/test_crosscountry_qgis.py
shows that ``processing.run("coordmap:join_4w", ...)`` gives the same rows.

Scores (README.md, "Scores"):

* a *placement* is a row with status used or rolled_up; it is *true* when every unit it names
  is a truth unit of the row or an ancestor of one (a roll-up to the right parent is true,
  only less precise), and *exact* when its units are the truth's units;
* precision = true placements / placements; recall = exact placements / resolvable rows;
* a *wrong* placement is a placement that is not true; a *missed* row is a resolvable row not
  placed exactly;
* column roles: every admin, targeted and reached role the join chose is compared with the
  true role of its column; a true role the join left unassigned is a missed role.
"""
import re
from dataclasses import dataclass, field
from typing import Dict, List, Optional, Sequence, Tuple

import pandas as pd

from .columns import Column
from .generate import GeneratedTable
from .reference import Country, fold, load_country

SCORED_ROLES = tuple(f"adm{k}_{kind}" for k in range(1, 5) for kind in ("code", "name")) + (
    "targeted", "reached")
PLACED = ("used", "rolled_up")


@dataclass
class TableScore:
    name: str
    iso3: str
    rows: int = 0
    resolvable: int = 0
    placed: int = 0
    true_placements: int = 0
    exact: int = 0
    wrong: List[dict] = field(default_factory=list)
    missed: List[dict] = field(default_factory=list)
    roles_wrong: List[dict] = field(default_factory=list)
    rows_out_ok: bool = True  # every data row is in the rows output exactly once
    unscored: int = 0  # real tables: rows with a name but no official code
    error: Optional[str] = None
    summary: Dict[str, object] = field(default_factory=dict)
    style: Dict[str, object] = field(default_factory=dict)

    @property
    def precision(self) -> float:
        return self.true_placements / self.placed if self.placed else 1.0

    @property
    def recall(self) -> float:
        return self.exact / self.resolvable if self.resolvable else 1.0


def read_boundary(path):
    """(records, geometries) of a boundary file, read with GDAL like QGIS reads it."""
    from coordmap.tests.plain.geo_loader import read_vector

    return read_vector(path)


def run_join(table_path, boundary_path, sheet=None):
    """(Table4W, JoinResult) of the analysis path coordmap:join_4w runs, with no mapping."""
    from coordmap.processing.analysis.boundaries import AdminUnits
    from coordmap.processing.analysis.headers import parse_table
    from coordmap.processing.analysis.join import join_4w
    from coordmap.processing.analysis.table import read_table

    records, geometries = read_boundary(boundary_path)
    units = AdminUnits.from_features(records, geometries)
    table = parse_table(read_table(table_path, sheet))
    return table, join_4w(table, units)


def score_table(generated: GeneratedTable) -> TableScore:
    from coordmap.processing.analysis.errors import InputError

    score = TableScore(generated.name, generated.iso3, style=dict(generated.style))
    truth = generated.truth
    score.rows, score.resolvable = len(truth), int(truth["resolvable"].sum())
    try:
        table, result = run_join(generated.path, generated.boundary.path)
    except InputError as error:  # the join refused the table: nothing placed
        score.error = str(error)
        score.missed = [_row_record(t, None) for t in truth.itertuples() if t.resolvable]
        score.rows_out_ok = False
        return score
    score.summary = dict(result.summary)
    score_rows(score, load_country(generated.iso3), truth, result.rows)
    score.roles_wrong = score_roles(generated.columns, table.columns, table.roles)
    return score


def score_rows(score: TableScore, country: Country, truth: pd.DataFrame,
               rows: pd.DataFrame) -> None:
    """Fills ``score`` from the join's rows output (source_row, status, pcode)."""
    by_row = rows.groupby("source_row").size()
    score.rows_out_ok = bool(by_row.reindex(truth["source_row"]).eq(1).all()) \
        and bool(by_row.max() == 1)
    outcome = rows.drop_duplicates("source_row").set_index("source_row")
    if "scored" in truth:  # real tables: rows the partner's codes cannot judge
        score.unscored = int((~truth["scored"]).sum())
        truth = truth[truth["scored"]]
    for t in truth.itertuples(index=False):
        got = outcome.loc[t.source_row] if t.source_row in outcome.index else None
        placed = got is not None and got["status"] in PLACED and isinstance(got["pcode"], str)
        expected = set(t.expected.split(";")) if t.expected else set()
        units = set(got["pcode"].split(";")) if placed else set()
        if placed:
            score.placed += 1
            if units and all(_within(country, p, expected) for p in units):
                score.true_placements += 1
            else:
                score.wrong.append(_row_record(t, got))
        if t.resolvable:
            if placed and units == expected:
                score.exact += 1
            else:
                score.missed.append(_row_record(t, got))


def _within(country: Country, pcode: str, expected: set) -> bool:
    """``pcode`` is one of the expected units or an ancestor of one."""
    if pcode in expected:
        return True
    if pcode not in country.units:
        return False
    level = country.units[pcode].level
    return any(e in country.units and country.ancestor(e, level) == pcode for e in expected)


def _row_record(truth_row, got) -> dict:
    return {"source_row": truth_row.source_row, "expected": truth_row.expected,
            "truth_reason": truth_row.reason, "tags": truth_row.tags,
            "status": None if got is None else got["status"],
            "pcode": None if got is None else got["pcode"],
            "join_reason": None if got is None else got["reason"]}


def score_roles(columns: Sequence[Column], labels: Sequence[str],
                roles: Dict[str, str]) -> List[dict]:
    """Scored roles the join gave to a column of another true role, or left unassigned."""
    index = column_index(columns, labels)
    errors = []
    for role, label in roles.items():
        if role not in SCORED_ROLES:
            continue
        j = index.get(label)
        true_role = columns[j].role if j is not None else None
        if true_role != role:
            errors.append({"role": role, "column": label, "true_role": true_role})
    chosen = set(roles)
    for column in columns:
        if column.role in SCORED_ROLES and column.role not in chosen:
            errors.append({"role": column.role, "column": None, "true_role": column.role,
                           "missed": column.header})
            chosen.add(column.role)
    return errors


def column_index(columns: Sequence[Column], labels: Sequence[str]) -> Dict[str, int]:
    """The generated column behind each label of the parsed table: by position when the
    parser kept every column, else by matching headers in file order."""
    if len(labels) == len(columns):
        return {label: j for j, label in enumerate(labels)}
    index, start = {}, 0
    for label in labels:
        text = _squeezed(label)
        for j in range(start, len(columns)):
            column = columns[j]
            names = {_squeezed(column.header), _squeezed(column.header.rsplit("/", 1)[-1])}
            if any(name and name in text for name in names):
                index[label], start = j, j + 1
                break
    return index


def _squeezed(text: str) -> str:
    return re.sub(r"\s+", "", fold(text))


# -- Aggregation ----------------------------------------------------------------------------

def by_country(scores: Sequence[TableScore]) -> pd.DataFrame:
    records = [{
        "country": s.iso3, "tables": 1, "rows": s.rows, "resolvable": s.resolvable,
        "placed": s.placed, "true": s.true_placements, "exact": s.exact,
        "wrong": len(s.wrong), "missed": len(s.missed), "roles_wrong": len(s.roles_wrong),
        "errors": int(s.error is not None), "rows_out_ok": int(s.rows_out_ok)}
        for s in scores]
    frame = pd.DataFrame(records).groupby("country", sort=True).sum()
    return _with_rates(frame)


def totals(scores: Sequence[TableScore]) -> pd.Series:
    frame = by_country(scores)
    total = frame.drop(columns=["precision", "recall"]).sum()
    return _with_rates(total.to_frame().T).iloc[0]


def _with_rates(frame: pd.DataFrame) -> pd.DataFrame:
    frame = frame.copy()
    frame["precision"] = (frame["true"] / frame["placed"]).where(frame["placed"] > 0, 1.0)
    frame["recall"] = (frame["exact"] / frame["resolvable"]).where(frame["resolvable"] > 0, 1.0)
    return frame


# Conventions in the order a failed row is put down to them (the first its row carries).
CAUSE_ORDER = ("contradiction", "split_contradiction", "list", "qualifier", "parent_hint",
               "partial_name", "typo", "transliteration", "accents", "homonym", "code_prefix",
               "code_lower", "code_padding", "code_number", "code_separator", "code_spaces",
               "code_mixed", "adm1_only", "name_only", "code_only", "national", "no_location",
               "unknown_name", "total_row")
REFUSED = "table refused (no location column recognised)"
COLUMN_ROLES = "location column roles"


def primary_cause(score: TableScore, row: dict) -> str:
    """What a wrong or missed row is put down to: the table (refused by the join, or a
    location column of the boundaries' levels given a wrong role or none), else the first
    convention of CAUSE_ORDER its row carries ("plain": none)."""
    if score.error is not None:
        return REFUSED
    layer_level = _layer_level(score)
    for error in score.roles_wrong:
        levels = {int(r[3]) for r in (error["role"], error["true_role"] or "")
                  if r.startswith("adm")}
        if levels and min(levels) <= layer_level:
            return COLUMN_ROLES
    tags = set((row["tags"] or "").split(";"))
    return next((tag for tag in CAUSE_ORDER if tag in tags), "plain")


def _layer_level(score: TableScore) -> int:
    return int(score.style.get("layer_level", 4))


def failure_causes(scores: Sequence[TableScore]) -> pd.DataFrame:
    """Wrong and missed rows per primary cause, and the share of the rows carrying the
    convention that failed."""
    records = [(primary_cause(s, r), kind) for s in scores
               for kind, rows in (("wrong", s.wrong), ("missed", s.missed)) for r in rows]
    frame = pd.DataFrame(records, columns=["cause", "kind"])
    if frame.empty:
        return pd.DataFrame(columns=["wrong", "missed"])
    table = frame.value_counts().unstack(fill_value=0)
    for kind in ("wrong", "missed"):
        if kind not in table:
            table[kind] = 0
    table = table[["wrong", "missed"]]
    return table.sort_values(["wrong", "missed"], ascending=False)


def role_errors(scores: Sequence[TableScore]) -> pd.Series:
    """Wrong roles counted as "role <- true role of the column", missed ones as "role not
    found"."""
    return pd.Series([f"{e['role']} <- {e['true_role'] or 'a column the generator did not write'}"
                      if e["column"] else f"{e['role']} not found"
                      for s in scores for e in s.roles_wrong], dtype=object).value_counts()


def generate_and_score(iso3: str, seed: int, folder, max_rows: Optional[int] = None
                       ) -> Tuple[GeneratedTable, TableScore]:
    from .generate import generate

    generated = generate(iso3, seed, folder, max_rows)
    return generated, score_table(generated)
