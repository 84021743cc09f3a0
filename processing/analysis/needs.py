"""Read needs tables (people in need, targets, severity by P-code and cluster) and bring them to
the admin level of the gap analysis.

Needs data comes in two shapes, both read with the 4W column and cluster vocabulary:
- long: one row per unit x sector, with a cluster column and measure columns (HXL ``#inneed``,
  ``#targeted``, ``#severity`` or the header words of the ``pin``/``targeted``/``severity`` roles
  in resources/vocabulary/columns.json); breakdown rows (sex, age, population group ...) are
  reduced to the unit's total, never summed across overlapping groups;
- wide: one column per cluster (group rows above the header allowed), one sheet per measure:
  the measure is named by the sheet, the group row or the title (``PiN``, ``Severity`` ...).

Levels (``needs_at_level``): a needs unit at the analysis level is used as given; deeper units
are rolled up (PiN and target summed over the distinct sub-units of one cluster, which are
disjoint; severity = the highest); coarser units are rolled down (each child takes the parent's
severity; PiN and targets cannot be divided, so they stay blank there). Every such step is said
in the notes.
"""
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Dict, Iterable, List, Optional, Sequence, Union

import numpy as np
import pandas as pd

from .clusters import ClusterVocabulary
from .errors import InputError
from .headers import (
    MAX_ADMIN_LEVEL,
    SOURCE_ROW,
    ColumnVocabulary,
    Table4W,
    header_tokens,
    parse_table,
)
from .table import RawTable, list_sheets, read_table, table_from_records
from .textnorm import clean_cell, code_key, fold
from .translation import QT_TRANSLATE_NOOP

MEASURES = ("pin", "target", "severity")
# column role in columns.json -> measure (the 4W role "targeted" doubles as the needs target)
ROLE_MEASURES = {"pin": "pin", "targeted": "target", "severity": "severity"}
# Breakdown columns of long needs tables (HXL hashtags or header words): rows split by these are
# parts of the unit's figure, so only their total row is read.
BREAKDOWN_HXL = ("#gender", "#sex", "#age", "#population_group", "#is_disabled", "#group",
                 "#population_type")
BREAKDOWN_WORDS = ("gender", "sex", "age", "age range", "age group", "population group",
                   "population type", "disabled", "disability", "sexe", "genre",
                   "groupe de population", "sexo", "edad", "grupo de poblacion")
TOTAL_VALUES = {"", "all", "a", "total", "t", "tous", "toutes", "todos", "todas", "all ages"}
_NUMBER_JUNK = re.compile(r"[\s,'\u00a0]")
_FIRST_DIGIT = re.compile(r"\d+(?:\.\d+)?")


@dataclass
class Needs:
    """Needs at the level they were given: one row per needs unit x cluster."""
    frame: pd.DataFrame  # pcode, code_level, parents (dict level -> code), cluster, measures
    sources: List[str]  # 'file, sheet' read, for the maps' source line
    notes: List[str] = field(default_factory=list)


# Reading ---------------------------------------------------------------------------------------

def read_needs(path: Union[str, Path], clusters: Optional[ClusterVocabulary] = None,
               vocabulary: Optional[ColumnVocabulary] = None) -> Needs:
    """Every sheet of a workbook (or the one table of a CSV) that holds needs by P-code."""
    sheets = list_sheets(path) or [None]
    raws = [read_table(path, sheet) for sheet in sheets]
    return needs_from_raw_tables([raw for raw in raws if raw.height], clusters, vocabulary,
                                 Path(path).name)


def needs_from_records(source: str, names: Sequence[str], records: Iterable[Sequence],
                       clusters: Optional[ClusterVocabulary] = None) -> Needs:
    """Needs from a loaded layer's attribute rows (field names = header)."""
    return needs_from_raw_tables([table_from_records(source, names, records)], clusters,
                                 None, source)


def needs_from_raw_tables(raws: List[RawTable], clusters: Optional[ClusterVocabulary],
                          vocabulary: Optional[ColumnVocabulary], source: str) -> Needs:
    clusters = clusters or ClusterVocabulary.load()
    vocabulary = vocabulary or ColumnVocabulary.load()
    frames, notes, sources = [], [], []
    for raw in raws:
        try:
            table = parse_table(raw, vocabulary=vocabulary)
        except InputError as error:
            notes.append(f"{raw.where}: not read as needs ({error})")
            continue
        frame, sheet_notes = _read_sheet(table, raw, clusters, vocabulary)
        notes.extend(sheet_notes)
        if frame is not None and not frame.empty:
            frames.append(frame)
            sources.append(table.where)
    if not frames:
        raise InputError(QT_TRANSLATE_NOOP(
            "InputError", "{source}: no needs found: a needs table needs admin P-code columns "
                          "and either a cluster/sector column with people in need, targets or "
                          "severity (long shape), or one column per cluster on a sheet named for "
                          "its measure, e.g. 'PiN' or 'Severity' (wide shape). {notes}"),
            source=source, notes=" ".join(notes))
    return Needs(_combine_sheets(pd.concat(frames, ignore_index=True)), sources, notes)


def _read_sheet(table: Table4W, raw: RawTable, clusters, vocabulary):
    codes = _code_columns(table)
    if not codes:
        return None, [f"{table.where}: not read as needs: no admin P-code column"]
    measures = _measure_columns(table, vocabulary)
    if "cluster" in table.roles and measures:
        return _read_long(table, codes, measures, clusters)
    return _read_wide(table, raw, codes, clusters, vocabulary)


def _code_columns(table: Table4W) -> Dict[int, str]:
    return {level: table.roles[f"adm{level}_code"] for level in range(1, MAX_ADMIN_LEVEL + 1)
            if f"adm{level}_code" in table.roles}


def _measure_columns(table: Table4W, vocabulary: ColumnVocabulary) -> Dict[str, str]:
    """measure -> column, by HXL tag first and header words second (the 4W parser only keeps
    4W roles, so the needs roles are looked up here with the same vocabulary)."""
    found: Dict[str, str] = {}
    taken = {label for role, label in table.roles.items() if role != "targeted"}
    for by_hxl in (True, False):
        for label, tag in zip(table.columns, table.hxl):
            if label in taken or label in found.values():
                continue
            candidates = vocabulary.hxl_candidates(tag) if by_hxl else \
                vocabulary.header_candidates(header_tokens(label, split_camel_case=False))
            for _score, role in sorted(candidates, reverse=True):
                measure = ROLE_MEASURES.get(role)
                if measure and measure not in found:
                    found[measure] = label
                    break
    return found


def _read_long(table, codes, measures, clusters):
    data = table.data
    notes = [f"{table.where}: long needs table; " + ", ".join(
        f"{m} <- {c}" for m, c in measures.items())]
    data, breakdown_notes = _total_rows(table, data, measures)
    notes.extend(breakdown_notes)
    frame = _located(data, codes)
    frame = frame.join(clusters.normalise_series(data[table.roles["cluster"]]))
    for measure, column in measures.items():
        frame[measure] = _values(data[column], measure)
    return _finished(frame, table, notes)


def _total_rows(table, data, measures):
    """Only the rows that give a unit x cluster total: all breakdown columns at a total value;
    where a unit x cluster has no total row, the rows split along one breakdown column only
    (the others at total) are summed, since those parts are disjoint."""
    breakdown = _breakdown_columns(table, measures)
    if not breakdown:
        return data, []
    is_total = pd.DataFrame({c: data[c].map(_is_total_value) for c in breakdown})
    total = is_total.all(axis=1)
    key = _unit_cluster_key(table, data)
    with_total = set(key[total])
    kept = [data[total]]
    open_rows = ~key.isin(with_total)
    summed_groups = 0
    for column in breakdown:
        others = [c for c in breakdown if c != column]
        one_way = open_rows & ~is_total[column] & is_total[others].all(axis=1)
        if one_way.any():
            part = data[one_way]
            kept.append(_summed_parts(part, key[one_way], measures))
            summed_groups += key[one_way].nunique()
            open_rows &= ~key.isin(set(key[one_way]))
    notes = [f"{table.where}: breakdown columns {', '.join(breakdown)}: only total rows read "
             f"({int(total.sum())} of {len(data)} rows)"]
    if summed_groups:
        notes.append(f"{table.where}: {summed_groups} unit x cluster figures had no total row "
                     "and were summed over one breakdown column (disjoint groups)")
    if open_rows.any():
        notes.append(f"{table.where}: {int(key[open_rows].nunique())} unit x cluster figures "
                     "only come broken down along several columns at once and were not read "
                     f"(rows {_row_list(data.loc[open_rows, SOURCE_ROW])})")
    return pd.concat(kept, ignore_index=True), notes


def _breakdown_columns(table, measures) -> List[str]:
    used = set(table.roles.values()) | set(measures.values())
    columns = []
    for label, tag in zip(table.columns, table.hxl):
        if label in used:
            continue
        hashtag = (tag or "").split("+")[0]
        words = fold(label)
        if hashtag in BREAKDOWN_HXL or words in BREAKDOWN_WORDS:
            columns.append(label)
    return columns


def _is_total_value(value) -> bool:
    return fold(clean_cell(value) or "") in TOTAL_VALUES


def _unit_cluster_key(table, data) -> pd.Series:
    parts = [data[c].map(lambda v: clean_cell(v) or "") for c in _code_columns(table).values()]
    parts.append(data[table.roles["cluster"]].map(lambda v: fold(clean_cell(v) or "")))
    key = parts[0]
    for part in parts[1:]:
        key = key + "|" + part
    return key


def _summed_parts(part, key, measures):
    """One row per unit x cluster: the first row's labels with the summed measures (severity:
    the highest)."""
    first = part.groupby(key.values, sort=False).head(1).copy()
    first.index = key[first.index].values
    for measure, column in measures.items():
        values = _values(part[column], measure).groupby(key.values)
        first[column] = (values.max() if measure == "severity" else values.sum(min_count=1))
    return first.reset_index(drop=True)


def _read_wide(table, raw, codes, clusters, vocabulary):
    measure = _sheet_measure(table, raw, vocabulary)
    cluster_columns = {}
    for label in table.columns:
        if label in table.roles.values():
            continue
        match = clusters.normalise(label.split(" / ")[-1])
        if match.known:
            cluster_columns[label] = match
    if not cluster_columns:
        return None, [f"{table.where}: not read as needs: no cluster column and no column "
                      "named after a cluster"]
    if measure is None:
        return None, [f"{table.where}: not read as needs: columns are named after clusters but "
                      "neither the sheet name, the title nor the header says whether they hold "
                      "people in need, targets or severity"]
    data = table.data
    located = _located(data, codes)
    parts = []
    for label, match in cluster_columns.items():
        part = located.copy()
        part["cluster_code"], part["cluster_name"] = match.code, match.name
        part[measure] = _values(data[label], measure)
        parts.append(part[part[measure].notna()])
    others = [c for c in table.unassigned_columns if c not in cluster_columns]
    notes = [f"{table.where}: wide needs table of {measure}: "
             + ", ".join(f"{label} -> {m.code}" for label, m in cluster_columns.items())]
    if others:
        notes.append(f"{table.where}: columns not read (not a cluster): {', '.join(others)}")
    return _finished(pd.concat(parts, ignore_index=True), table, notes)


def _sheet_measure(table, raw, vocabulary) -> Optional[str]:
    """The measure a wide sheet holds, from its name, title rows and column labels."""
    first_header = min(table.header_rows) if table.header_rows else 1
    texts = [table.sheet or Path(table.source).stem]  # a CSV's file name names its measure
    texts += [str(cell) for i, number in enumerate(raw.row_numbers)
              if number <= first_header for cell in raw.row(i) if cell is not None]
    texts += table.columns
    votes = dict.fromkeys(MEASURES, 0)
    for text in texts:
        for _score, role in vocabulary.header_candidates(
                header_tokens(text, split_camel_case=False)):
            measure = ROLE_MEASURES.get(role)
            if measure:
                votes[measure] += 1
    best = max(votes, key=votes.get)
    return best if votes[best] else None


def _located(data, codes: Dict[int, str]) -> pd.DataFrame:
    """pcode = the deepest code given on the row, code_level its column's level, and the
    row's codes of upper levels (used to roll up without boundaries)."""
    frame = pd.DataFrame(index=data.index)
    frame["pcode"], frame["code_level"] = None, np.nan
    for level in sorted(codes):
        values = data[codes[level]].map(clean_cell)
        frame[f"code{level}"] = values
        given = values.notna()
        frame.loc[given, "pcode"] = values[given]
        frame.loc[given, "code_level"] = level
    frame[SOURCE_ROW] = data[SOURCE_ROW]
    return frame


def _values(series: pd.Series, measure: str) -> pd.Series:
    """Numbers as written in needs tables ('12,500', '3 - Severe', blanks, '-')."""
    def number(value):
        if value is None or (isinstance(value, float) and np.isnan(value)):
            return np.nan
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return float(value)
        text = _NUMBER_JUNK.sub("", str(value))
        found = _FIRST_DIGIT.match(text) if measure == "severity" else None
        try:
            return float(found.group(0) if found else text)
        except ValueError:
            return np.nan
    values = series.map(number).astype(float)
    return values.where(values >= 0)


def _finished(frame, table, notes):
    national = frame["pcode"].isna()
    if national.any():
        notes.append(f"{table.where}: {int(national.sum())} rows without a P-code (national or "
                     f"blank totals) not read: rows {_row_list(frame.loc[national, SOURCE_ROW])}")
    frame = frame[~national & frame["cluster_code"].notna()].copy()
    if "cluster_known" in frame:  # long tables; a wide table's columns are known clusters
        unknown = frame.loc[~frame["cluster_known"], "cluster_code"].unique()
        if len(unknown):
            notes.append(f"{table.where}: sectors not in the cluster vocabulary, kept as "
                         "written: " + ", ".join(map(str, unknown)))
    for measure in MEASURES:
        if measure not in frame:
            frame[measure] = np.nan
    return frame.rename(columns={"cluster_code": "cluster"}), notes


def _combine_sheets(frame: pd.DataFrame) -> pd.DataFrame:
    """One row per needs unit x cluster. Several rows for one (duplicates, or two columns of
    one cluster such as Shelter and NFI): the highest figure, never a sum, because the same
    people would be counted twice."""
    code_columns = [c for c in frame.columns if re.fullmatch(r"code\d", c)]
    frame = frame.assign(source_rows=frame[SOURCE_ROW].astype(str))
    grouped = frame.groupby(["pcode", "cluster"], sort=True)
    combined = grouped.agg(
        code_level=("code_level", "max"), cluster_name=("cluster_name", "first"),
        pin=("pin", "max"), target=("target", "max"), severity=("severity", "max"),
        source_rows=("source_rows", lambda s: ", ".join(dict.fromkeys(s))),
        **{c: (c, "first") for c in code_columns})
    return combined.reset_index()


def _row_list(rows: pd.Series, limit: int = 10) -> str:
    values = [str(v) for v in rows.head(limit)]
    return ", ".join(values) + (" ..." if len(rows) > limit else "")


# Levels ----------------------------------------------------------------------------------------

def needs_at_level(needs: Needs, units: Dict[str, Optional[str]], level: int) -> pd.DataFrame:
    """Needs per analysis unit x cluster (``units``: pcode -> parent pcode, for the analysis
    units and, where known, the units above them; the analysis units are those without
    children there). Adds to ``needs.notes`` what was rolled up or
    down and which needs units were found nowhere."""
    frame = needs.frame
    key_of = {code_key(p): p for p in units}
    children = _children(units)
    targets = {p for p in units if p not in children}
    direct, up, down, unplaced = [], [], [], []
    for row in frame.itertuples(index=False):
        code = key_of.get(code_key(str(row.pcode)))
        if code in targets:
            direct.append(_needs_row(row, code, "direct"))
            continue
        parent = _ancestor_among(row, key_of, targets)
        if parent is not None:
            up.append(_needs_row(row, parent, "up"))
            continue
        below = _descendants(code, children) if code is not None else \
            _prefixed(str(row.pcode), targets)
        below = [c for c in below if c in targets]
        if below:
            down.extend(_needs_row(row, child, "down") for child in below)
        else:
            unplaced.append(str(row.pcode))
    result = _merge_levels(direct, up, down)
    _level_notes(needs, direct, up, down, unplaced, level)
    return result


def _children(units):
    children: Dict[str, List[str]] = {}
    for code, parent in units.items():
        if parent:
            children.setdefault(parent, []).append(code)
    return children


def _ancestor_among(row, key_of, targets) -> Optional[str]:
    """The analysis unit above a deeper needs unit: from the row's own upper-level codes, then
    the codes' parents, then a unique analysis code the needs code starts with."""
    for column in sorted((c for c in row._fields if re.fullmatch(r"code\d", c)), reverse=True):
        value = getattr(row, column)
        if value and column != f"code{int(row.code_level)}":
            code = key_of.get(code_key(str(value)))
            if code in targets:
                return code
    prefixes = [p for p in key_of if code_key(str(row.pcode)).startswith(p)
                and key_of[p] in targets and p != code_key(str(row.pcode))]
    if len(prefixes) == 1:
        return key_of[prefixes[0]]
    return None


def _descendants(code, children) -> List[str]:
    found, todo = [], list(children.get(code, []))
    while todo:
        child = todo.pop()
        found.append(child)
        todo.extend(children.get(child, []))
    return found


def _prefixed(pcode: str, targets) -> List[str]:
    key = code_key(pcode)
    return [t for t in targets if code_key(t).startswith(key) and code_key(t) != key]


def _needs_row(row, pcode, how):
    return {"pcode": pcode, "cluster": row.cluster, "cluster_name": row.cluster_name,
            "pin": row.pin, "target": row.target, "severity": row.severity,
            "source_rows": row.source_rows, "needs_pcode": row.pcode, "how": how}


def _merge_levels(direct, up, down) -> pd.DataFrame:
    """Given figures win over rolled-up ones, which win over rolled-down ones."""
    columns = ["pcode", "cluster", "cluster_name", "pin", "target", "severity", "source_rows",
               "needs_pcode", "how"]
    parts = []
    if direct:
        parts.append(pd.DataFrame(direct, columns=columns))
    if up:
        rolled = pd.DataFrame(up, columns=columns).groupby(["pcode", "cluster"], sort=False)
        parts.append(rolled.agg(
            cluster_name=("cluster_name", "first"), pin=("pin", lambda s: s.sum(min_count=1)),
            target=("target", lambda s: s.sum(min_count=1)), severity=("severity", "max"),
            source_rows=("source_rows", ", ".join), needs_pcode=("needs_pcode", "; ".join),
            how=("how", "first")).reset_index())
    if down:
        rolled = pd.DataFrame(down, columns=columns)
        parts.append(rolled.assign(pin=np.nan, target=np.nan))
    if not parts:
        return pd.DataFrame(columns=columns)
    merged = pd.concat(parts, ignore_index=True)
    merged["priority"] = merged["how"].map({"direct": 0, "up": 1, "down": 2})
    merged = merged.sort_values(["pcode", "cluster", "priority"])
    return merged.drop_duplicates(["pcode", "cluster"]).drop(columns="priority") \
        .reset_index(drop=True)


def _level_notes(needs, direct, up, down, unplaced, level):
    if up:
        needs.notes.append(
            f"needs of {len({r['needs_pcode'] for r in up})} deeper units rolled up to admin "
            f"{level}: PiN and targets summed over the distinct sub-units of each cluster, "
            "severity = the highest")
    if down:
        needs.notes.append(
            f"needs of {len({r['needs_pcode'] for r in down})} coarser units rolled down to "
            f"admin {level}: each unit takes its parent's severity; PiN and targets cannot be "
            "divided and stay blank there")
    if unplaced:
        distinct = sorted(set(unplaced))
        needs.notes.append(
            f"{len(distinct)} needs P-codes match no unit of the analysis and were not used: "
            + ", ".join(distinct[:15]) + (" ..." if len(distinct) > 15 else ""))
