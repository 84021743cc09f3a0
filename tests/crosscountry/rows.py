"""The data rows of a generated table: every cell, and the evidence its location cells give
(truth.py decides the row's unit from it)."""
import datetime
import random
import zlib
from dataclasses import dataclass
from typing import Any, Dict, List, Optional, Sequence, Set, Tuple

from . import conventions as cv
from .columns import Column
from .reference import Country, PlaceNamer, health_zones, is_synthetic
from .style import Style
from .truth import Cell
from .variants import NameWriter, any_code_variant, code_variant, parent_abbreviation, qualifier

PEOPLE_ROLES = tuple(f"{group}_{who}" for group in ("targeted", "reached")
                     for who in ("men", "women", "boys", "girls"))
REPLACING_KINDS = ("contradiction", "split_contradiction", "list", "unknown_name")


@dataclass
class Row:
    cells: Dict[int, Any]
    evidence: List[Cell]
    tags: List[str]
    total: bool = False


class RowMaker:
    """The cells of each data row and the evidence its location cells give (truth.py)."""

    def __init__(self, country: Country, style: Style, columns: List[Column],
                 rng: random.Random):
        self.country, self.style, self.columns, self.rng = country, style, columns, rng
        self.names = NameWriter(country, rng)
        self.namer = PlaceNamer(country, rng)
        self.vocab = style.vocabulary
        self.zones = health_zones(country, rng, style.hz_code_style) if style.health else {}
        self.location = [(i, c) for i, c in enumerate(columns) if c.level is not None]
        self.code_levels = sorted({c.level for _, c in self.location if c.kind == "code"})
        self.name_levels = sorted({c.level for _, c in self.location if c.kind == "name"})
        self.units = self._focus_units()
        self.sites = [self.namer.invent(strict=False) for _ in range(40)]
        self.orgs = self._organisations()
        self.code_column_styles = self._code_column_styles()

    # choices made once per table
    def _focus_units(self) -> List[str]:
        top = sorted(self.country.at_level(1), key=lambda u: u.pcode)
        low, high = cv.FOCUS_SHARE
        focus = self.rng.sample(top, max(1, round(len(top) * self.rng.uniform(low, high))))
        level = self.country.depth
        units = [u.pcode for u in self.country.at_level(level)
                 if self.country.ancestor(u.pcode, 1) in {t.pcode for t in focus}]
        return sorted(units)

    def _organisations(self) -> List[Tuple[str, str]]:
        orgs = list(self.rng.sample(cv.INTERNATIONAL_ORGS, 10))
        places = [u.name for u in self.country.units.values() if not is_synthetic(u)]
        for _ in range(4):
            pattern = self.rng.choice(cv.LOCAL_ORG_PATTERNS[self.vocab])
            name = pattern.format(place=self.rng.choice(places))
            orgs.append((name, "".join(w[0] for w in name.split() if w[0].isalpha()).upper()))
        return orgs

    def _code_column_styles(self) -> Dict[int, str]:
        styles = {}
        first = min(self.code_levels) if self.code_levels else None
        for level in self.code_levels:
            if self.style.code_style_columns == "first" and level != first:
                styles[level] = "clean"
            else:
                styles[level] = self.style.code_style
        return styles

    # one row
    def row(self) -> Row:
        rng = self.rng
        kind = self._row_kind()
        unit = rng.choice(self.units)
        chain = {lvl: self.country.ancestor(unit, lvl) for lvl in (1, 2) if
                 self.country.ancestor(unit, lvl)}
        if 3 in self.style.table_levels:
            chain[3] = rng.choice(self.country.children[chain[2]])
        cells: Dict[int, Any] = {}
        evidence: List[Cell] = []
        tags: List[str] = []
        kind = self._location_cells(kind, chain, cells, evidence, tags)
        if kind != "full":
            tags.insert(0, kind)
        self._other_cells(chain, cells)
        return Row(cells, evidence, tags)

    def _row_kind(self) -> str:
        roll = self.rng.random()
        for kind, rate in self.style.row_kinds.items():
            if roll < rate:
                return kind
            roll -= rate
        return "full"

    def _location_cells(self, kind, chain, cells, evidence, tags) -> str:
        """Writes the row's location cells; returns the row kind actually written (a kind
        the table's columns cannot carry, say a list without a name column, is "full")."""
        deepest = max(self.style.table_levels)
        blank_levels: Set[int] = set()
        only_kind = None
        if kind == "adm1_only":
            blank_levels = set(range(2, deepest + 1))
        elif kind == "code_only":
            only_kind = "code"
        elif kind == "name_only":
            only_kind = "name"
        if kind in ("national", "no_location"):
            self._cells_without_place(kind == "national", cells, evidence)
            return kind
        replaced = self._replacement(kind, chain, tags)
        if kind in REPLACING_KINDS and not replaced:
            kind = "full"
        if kind == "list":  # a row of several units has no single unit below them
            listed = next(level for level, k in replaced if k == "name")
            blank_levels = set(range(listed + 1, deepest + 1))
        skip_columns: Set[int] = set()
        if kind == "split_contradiction":
            firsts = [i for i, c in self.location if c.level == 1]
            skip_columns = set(firsts[1:])
        for i, column in self.location:
            level = column.level
            if level in blank_levels or (only_kind and column.kind != only_kind) \
                    or i in skip_columns or level not in chain:
                cells[i] = self._blank_or_placeholder()
                continue
            if (level, column.kind) in replaced:
                text, cell = replaced[(level, column.kind)](column)
            elif column.kind == "code":
                text, cell = self._code_cell(column, chain[level], tags)
            else:
                text, cell = self._name_cell(column, chain[level], tags)
            cells[i] = text
            evidence.extend(cell if isinstance(cell, list) else [cell])
        return kind

    def _cells_without_place(self, national: bool, cells, evidence) -> None:
        """Blank or placeholder location cells; a national phrase in the first one."""
        for i, column in self.location:
            text = self._blank_or_placeholder()
            cells[i] = text
            evidence.append(Cell(column.header, column.level, column.kind, text, None))
        if national:
            i, column = self.location[0]
            cells[i] = self.rng.choice(cv.NATIONAL[self.vocab])
            evidence[0] = Cell(column.header, column.level, column.kind, cells[i], None,
                               national=True)

    def _replacement(self, kind, chain, tags):
        """Cells a row kind writes instead of the row's own unit's (by (level, kind))."""
        country, rng = self.country, self.rng
        named_levels = [lvl for lvl in self.name_levels if lvl <= 2]  # no gazetteer below
        if kind == "contradiction" and self.code_levels:
            level = max(self.code_levels)
            other = self._other_unit(chain, level)
            if other:
                return {(level, "code"): lambda col: self._code_cell(col, other, tags)}
        if kind == "split_contradiction" and 2 in self.name_levels and 2 in chain:
            other = self._other_unit(chain, 2, same_top=False, unique_name=True)
            if other:
                return {(2, "name"): lambda col: self._name_cell(col, other, tags),
                        (2, "code"): lambda col: (self._blank_or_placeholder(), [])}
        if kind == "list":
            level = max(named_levels) if named_levels else None
            if level and level in chain:
                parent = country.units[chain[level]].parent
                siblings = [p for p in country.children[parent]] if parent else \
                    [u.pcode for u in country.at_level(1)]
                items = [chain[level]] + rng.sample(
                    [p for p in siblings if p != chain[level]], min(len(siblings) - 1,
                                                                   rng.choice((1, 1, 2))))
                if len(items) > 1:
                    return {(level, "name"): lambda col: self._list_cell(col, items),
                            (level, "code"): lambda col: (self._blank_or_placeholder(), [])}
        if kind == "unknown_name" and named_levels:
            level = max(named_levels)
            village = self.namer.invent()
            return {(level, "name"): lambda col: (village, Cell(col.header, level, "name",
                                                                village, frozenset())),
                    (level, "code"): lambda col: (self._blank_or_placeholder(), [])}
        return {}

    def _other_unit(self, chain, level, same_top=None, unique_name=False) -> Optional[str]:
        country, rng = self.country, self.rng
        own = chain.get(level)
        if same_top is None:
            same_top = rng.random() < 0.4
        if level >= 2 and same_top:
            parent = country.units[own].parent
            pool = [p for p in country.children.get(parent, []) if p != own]
        else:
            top = chain[1]
            pool = [u.pcode for u in country.at_level(level)
                    if country.ancestor(u.pcode, 1) != top]
        if unique_name:
            pool = [p for p in pool if not country.is_homonym(p)]
        return rng.choice(sorted(pool)) if pool else None

    def _blank_or_placeholder(self) -> str:
        if self.rng.random() < cv.PLACEHOLDER_FOR_BLANK:
            return self.rng.choice(cv.PLACEHOLDERS)
        return ""

    def _code_cell(self, column: Column, pcode: str, tags: List[str]):
        style = self.code_column_styles.get(column.level, "clean")
        text = pcode
        if style == "mixed":
            if self.rng.random() < cv.MIXED_CODE_CELL:
                kind, text = any_code_variant(self.country, pcode, self.rng)
                tags += ["code_mixed", f"code_{kind}"]
        elif style != "clean":
            text = code_variant(self.country, pcode, style) or pcode
            if text != pcode:
                tags.append(f"code_{style}")
        return text, Cell(column.header, column.level, "code", text, frozenset({pcode}))

    def _name_cell(self, column: Column, pcode: str, tags: List[str]):
        country, rng, names = self.country, self.rng, self.names
        unit = country.units[pcode]
        if is_synthetic(unit):  # no gazetteer below admin 2: not evidence
            return self._cased(unit.name), Cell(column.header, 3, "name", unit.name, None)
        text, bases = unit.name, {unit.name}
        if self.style.partial_names and rng.random() < cv.PARTIAL_NAME:
            short = names.partial(text)
            if short:
                text, bases = short, bases | {short}
                tags.append("partial_name")
        if self.style.accented and rng.random() < cv.ACCENT_NAME:
            accented = names.accented(text, self.vocab)
            if accented:
                text = accented
                tags.append("accents")
        roll = rng.random()
        if roll < cv.NAME_VARIANTS["typo"]:
            variant = names.typo(text, unit.level)
            if variant:
                text = variant
                tags.append("typo")
        elif roll < cv.NAME_VARIANTS["typo"] + cv.NAME_VARIANTS["transliteration"]:
            variant = names.transliteration(text, unit.level)
            if variant:
                text = variant
                tags.append("transliteration")
        candidates = {p for base in bases for p in country.named(unit.level, base)} | {pcode}
        hint = unit.parent and (rng.random() < cv.NAME_VARIANTS["parent_hint"] or (
            len(candidates) > 1 and rng.random() < cv.PARENT_HINT_HOMONYM))
        if hint:
            parent = country.units[unit.parent]
            if rng.random() < 0.5:
                text = f"{text} ({parent_abbreviation(country, unit, rng)})"
            else:
                text = f"{text} - {parent.name}"
            candidates = {p for p in candidates if country.units[p].parent == unit.parent}
            tags.append("parent_hint")
        elif unit.level >= 2 and rng.random() < cv.NAME_VARIANTS["qualifier"]:
            text = qualifier(text, rng)
            tags.append("qualifier")
        if len(candidates) > 1:
            tags.append("homonym")
        text = self._cased(text)
        return text, Cell(column.header, unit.level, "name", text, frozenset(candidates))

    def _list_cell(self, column: Column, items: Sequence[str]):
        separator = self.rng.choice([s for s in cv.LIST_SEPARATORS if
                                     cv.LIST_SEPARATOR_LANGUAGE.get(s, self.vocab) == self.vocab])
        parts, cells = [], []
        for item in items:
            unit = self.country.units[item]
            parts.append(self._cased(unit.name))
            candidates = frozenset(self.country.named(unit.level, unit.name))
            cells.append(Cell(column.header, unit.level, "name", unit.name, candidates,
                              item_of=len(cells)))
        return separator.join(parts), cells

    def _cased(self, text: str) -> str:
        case = self.style.name_case
        return text.upper() if case == "upper" else text.lower() if case == "lower" else \
            text.title() if case == "title" else text

    def _other_cells(self, chain, cells) -> None:
        """The row's cells of every column but the location ones, in column order."""
        rng, vocab = self.rng, self.vocab
        org, acronym = rng.choice(self.orgs)
        month = rng.randint(1, 3)
        people = self._people()
        place = self.country.units[rng.choice(self.units)].name
        values = {
            "org": lambda: org,
            "org_acronym": lambda: acronym,
            "lead_org": lambda: rng.choice(self.orgs)[0],
            "org_type": lambda: rng.choice(cv.ORG_TYPES[vocab]),
            "donor": lambda: rng.choice(cv.DONORS),
            "cluster": lambda: rng.choice(cv.CLUSTERS[vocab]),
            "subsector": lambda: rng.choice(cv.SUBSECTORS),
            "activity": lambda: rng.choice(cv.ACTIVITIES[vocab]).format(place=place),
            "status": lambda: rng.choice(cv.STATUSES[vocab]),
            "modality": lambda: rng.choice(cv.MODALITIES[vocab]),
            "month": lambda: self._month(month),
            "start_date": lambda: self._date(datetime.date(2025, month, 1)),
            "end_date": lambda: self._date(datetime.date(2025, month + 1, 1)
                                           - datetime.timedelta(days=1)),
            "comment": lambda: rng.choice(cv.COMMENTS[vocab]).format(place=place),
            "location": lambda: rng.choice(self.sites) if rng.random() < 0.85 else place,
            "project": lambda: f"{self.country.iso3}-25/{rng.choice(('H', 'WS', 'E', 'P'))}/"
                               f"{rng.randint(1, 400):03d}",
            **{role: (lambda role=role: self._health_cell(role, chain))
               for role in ("hz_code", "hz_name", "ha_name")},
            **{role: (lambda value=value: value) for role, value in people.items()},
        }
        for i, column in enumerate(self.columns):
            if i not in cells:
                value = values.get(column.role)
                cells[i] = value() if value else self._meta(column.header)

    def _people(self) -> Dict[str, Any]:
        rng = self.rng
        values: Dict[str, Any] = {}
        for group, scale in (("targeted", 1.0), ("reached", rng.uniform(0.3, 1.0))):
            parts = [int(rng.randint(0, 400) * scale) for _ in range(4)]
            for who, value in zip(("men", "women", "boys", "girls"), parts):
                values[f"{group}_{who}"] = value
            values[group] = sum(parts)
        if rng.random() < 0.05:
            values[rng.choice(list(values))] = rng.choice(("-", "", "N/A"))
        return values

    def _month(self, month: int) -> str:
        form = self.rng.random()
        if form < 0.6:
            return cv.MONTHS[self.vocab][month - 1]
        if form < 0.8:
            return f"2025-{month:02d}"
        return datetime.date(2025, month, 1).strftime("%b-%y")

    def _date(self, day: datetime.date):
        if self.style.file_format == "xlsx" and self.rng.random() < 0.5:
            return datetime.datetime(day.year, day.month, day.day)
        return day.isoformat() if self.rng.random() < 0.5 else day.strftime("%d/%m/%Y")

    def _health_cell(self, role: str, chain) -> str:
        unit = chain.get(self.country.depth)
        zones = self.zones.get(unit, [])
        if not zones:
            return ""
        zone = zones[zlib.crc32(f"{unit}".encode()) % len(zones)] if self.rng.random() < 0.5 \
            else self.rng.choice(zones)
        if role == "hz_code":
            return zone.code
        if role == "hz_name":
            return self._cased(zone.name)
        return self.rng.choice(zone.areas)

    def _meta(self, header: str) -> Any:
        rng = self.rng
        if header in ("_id", "Record ID"):
            return rng.randint(10_000_000, 99_999_999)
        if header == "_uuid":
            parts = [rng.getrandbits(b) for b in (32, 16, 16, 16, 48)]
            return "-".join(f"{p:0{w}x}" for p, w in zip(parts, (8, 4, 4, 4, 12)))
        if header in ("start", "end", "_submission_time"):
            return f"2025-03-{rng.randint(1, 28):02d}T{rng.randint(6, 18):02d}:12:00"
        if header == "today":
            return f"2025-03-{rng.randint(1, 28):02d}"
        if header == "deviceid":
            return f"collect:{rng.getrandbits(40):x}"
        if header == "_index":
            return rng.randint(1, 9999)
        if header == "Database":
            return f"4W 2025 {self.country.iso3}"
        if header == "Form":
            return "Activities"
        if header == "Indicator":
            return rng.choice(("# people reached", "# kits distributed", "# sessions"))
        return ""

    def total_row(self, rows: Sequence[Row]) -> Row:
        cells: Dict[int, Any] = {i: "" for i in range(len(self.columns))}
        first_text = next(i for i, c in enumerate(self.columns) if c.role not in ("meta",))
        cells[first_text] = cv.TOTAL_WORD[self.vocab]
        for i, column in enumerate(self.columns):
            if column.role in ("targeted", "reached") or column.role in PEOPLE_ROLES:
                cells[i] = sum(r.cells[i] for r in rows if isinstance(r.cells.get(i), int))
        return Row(cells, [], ["total_row"], total=True)
