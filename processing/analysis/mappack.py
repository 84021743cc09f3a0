"""Map pack planning: which maps to make and every text printed on them (no QGIS here).

A map is one cluster x one period of the presence output of ``join_4w``. This module decides the
list of maps, the marginalia texts in the map language (fixed texts come from
``resources/templates/marginalia.json``, cluster names from the cluster vocabulary), the OCHA-style
file names (slugs in map_files.py) and the rows of the optional partner table; periods are
labelled by map_periods.py. The QGIS side (layouts.py) only places these texts in the layout.

Data protection (protection.py): the export protects the presence records first; a map of a
sensitive cluster (``MapSpec.protected``) names no partner, prints "<k" for counts below k
(legend classes, partner table) and withholds its partner and activity numbers.
"""
import datetime as dt
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Dict, Iterable, List, Mapping, Optional, Sequence, Tuple

from .clusters import ClusterVocabulary
from .countries import country_name
from .map_files import short_slug, slug
from .map_periods import format_date, period_end, period_label, span_period
from .org_types import ORG_TYPES, short_name
from .plurals import plural
from .protection import ProtectionPolicy
from .vocabulary import load_json_file

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"
LANGUAGES = ("en", "fr", "es", "ar")
RIGHT_TO_LEFT = {"ar"}
PAPERS = {"a4_landscape": "A4L", "a4_portrait": "A4P", "a3_landscape": "A3L"}
PARTNER_SEPARATOR = "; "
SMALL = "small"  # a unit value: from 1 to k-1 partners, hidden (data protection)
ID_CHARS = 40  # the cluster part of a map id, in a file name: long names are cut (and hashed)



def marginalia_texts(language: str) -> Dict[str, Any]:
    """The fixed texts of one map language (English for any text a language lacks)."""
    languages = load_json_file(TEMPLATES_DIR / "marginalia.json")["languages"]
    if language not in languages:
        raise ValueError(f"map language {language!r} is not one of {', '.join(languages)}")
    return {**languages["en"], **languages[language]}


# Which maps --------------------------------------------------------------------------------------

@dataclass
class MapSpec:
    """One map of the pack: a cluster in a period, with the figures its marginalia quote."""

    cluster: str
    period: str
    admin_level: Optional[int]
    partners: int = 0
    activities: int = 0
    units: int = 0
    unspecified_rows: int = 0
    unspecified: bool = False  # some rows name only a higher admin level
    protected: bool = False  # a sensitive cluster: no partner name, no count below k


def map_key(record: Mapping[str, Any]) -> tuple:
    """(cluster, period) of a presence, gaps or overlap-units record ("all" without periods)."""
    return str(record.get("cluster")), str(record.get("period") or "all")


def records_of(records: Iterable[Mapping[str, Any]], spec: MapSpec) -> List[Mapping[str, Any]]:
    """The records of one map's cluster and period."""
    return [record for record in records if map_key(record) == (spec.cluster, spec.period)]


def unit_specified(record: Mapping[str, Any]) -> bool:
    """False for the join's "unit not specified" rows (no unit at the map's admin level)."""
    return record.get("unit_specified") not in (False, 0)


def plan_maps(records: Iterable[Mapping[str, Any]], clusters: Sequence[str] = (),
              periods: Sequence[str] = ()) -> List[MapSpec]:
    """One map per cluster x period present in the presence records (both filters optional).

    Partners are counted as distinct names over the map's records (a partner working in five
    units is one partner), those of rows naming only a higher admin level included, as the
    panel counts them; activities are the 4W rows behind the map.
    """
    wanted_clusters = {c.strip().upper() for c in clusters if c and c.strip()}
    wanted_periods = {p.strip() for p in periods if p and p.strip()}
    maps: Dict[tuple, MapSpec] = {}
    names: Dict[tuple, set] = {}
    for record in records:
        key = map_key(record)
        cluster, period = key
        if wanted_clusters and cluster.upper() not in wanted_clusters:
            continue
        if wanted_periods and period not in wanted_periods:
            continue
        spec = maps.setdefault(key, MapSpec(cluster, period, None))
        spec.protected |= bool(record.get("protected"))
        rows = int(record.get("rows") or 0)
        spec.activities += rows
        if not record.get("protected"):  # (a protected list names nobody)
            names.setdefault(key, set()).update(split_partners(record.get("partner_list")))
        if not unit_specified(record):
            spec.unspecified_rows += rows
            spec.unspecified = True
            continue
        level = record.get("admin_level")
        if level is not None:
            spec.admin_level = max(spec.admin_level or 0, int(level))
        spec.units += 1
        spec.partners = max(spec.partners, int(record.get("partners") or 0))
    for key, spec in maps.items():
        spec.partners = max(spec.partners, len(names.get(key, ())))
    return [maps[key] for key in sorted(maps)]


def _chosen_span(records, periods) -> Tuple[list, str]:
    """The records of ``periods`` (all when none is given) and the span they make."""
    wanted = {p.strip() for p in periods if p and p.strip()}
    chosen = [r for r in records if not wanted or map_key(r)[1] in wanted]
    return chosen, span_period(wanted or {map_key(r)[1] for r in chosen})


def combine_periods(records: Iterable[Mapping[str, Any]], periods: Sequence[str] = ()
                    ) -> List[Dict[str, Any]]:
    """Presence records of several periods as one period (one map of a range of months): per
    unit and cluster, the distinct partners over the periods and the sum of the rows, under
    the span of ``periods`` (every period of the records when empty).

    Where a record is protected its partner names are not there to count: the unit gets the
    largest count the periods show (a blank, "fewer than k", when every one is blank), never
    more than the data says."""
    chosen, span = _chosen_span(records, periods)
    merged: Dict[tuple, Dict[str, Any]] = {}
    names: Dict[tuple, set] = {}
    for record in chosen:
        key = (str(record.get("pcode")), str(record.get("cluster")), unit_specified(record))
        into = merged.get(key)
        if into is None:
            into = merged[key] = {**record, "period": span, "rows": 0, "activities": 0,
                                  "partners": None, "protected": False}
            names[key] = set()
        into["rows"] += int(record.get("rows") or 0)
        into["activities"] += int(record.get("activities") or 0)
        into["protected"] |= bool(record.get("protected"))
        count = record.get("partners")
        if count is not None:
            into["partners"] = max(into["partners"] or 0, int(count))
        if not record.get("protected"):
            names[key].update(split_partners(record.get("partner_list")))
    for key, record in merged.items():
        if not record["protected"]:
            record["partners"] = max(record["partners"] or 0, len(names[key]))
            record["partner_list"] = PARTNER_SEPARATOR.join(sorted(names[key]))
    return list(merged.values())


def combine_gap_periods(records: Iterable[Mapping[str, Any]], periods: Sequence[str] = ()
                        ) -> List[Dict[str, Any]]:
    """Gaps or overlap-units records of several periods as one (see ``combine_periods``): a
    unit is a need without partner when no period had a partner and one had that status;
    its overlaps are the most any period had."""
    chosen, span = _chosen_span(records, periods)
    grouped: Dict[tuple, List[Mapping[str, Any]]] = {}
    for record in chosen:
        grouped.setdefault((str(record.get("pcode")), str(record.get("cluster"))),
                           []).append(record)
    combined = []
    for group in grouped.values():
        statuses = {r.get("gap_status") for r in group}
        if "no_partner_with_need" in statuses and not statuses & {"covered", "underserved"}:
            status = "no_partner_with_need"
        else:
            status = next((s for s in ("covered", "underserved", "no_need_reported")
                           if s in statuses), "no_report")
        overlaps = [int(r.get("overlaps") or 0) for r in group]
        combined.append({**group[0], "period": span, "gap_status": status,
                         "overlaps": max(overlaps),
                         "protected": any(r.get("protected") for r in group)})
    return combined


def split_partners(text: Any) -> List[str]:
    if not text:
        return []
    return [name.strip() for name in str(text).split(PARTNER_SEPARATOR.strip()) if name.strip()]


# Texts -------------------------------------------------------------------------------------------

@dataclass
class Marginalia:
    title: str
    subtitle: str
    as_of: str
    summary: str
    note: str
    sources: str
    producer: str
    created: str
    map_id: str
    projection: str
    disclaimer: str
    legend_title: str
    no_data: str
    zero: str
    gap_no_partner: str
    overlaps: str
    unspecified: str
    right_to_left: bool
    protected: bool = False  # legend classes "<k" and "k+" only
    small_count: int = 5
    language: str = "en"
    chart_admin1: str = ""  # side panel: partners per admin 1, by organisation type
    chart_types: str = ""
    type_labels: Dict[str, str] = field(default_factory=dict)

    def more_units(self, count: int) -> str:
        """"and 3 more admin 1 units", under a chart that cannot show them all."""
        return plural(marginalia_texts(self.language)["chart_more"], self.language, count)


def map_id(spec: MapSpec) -> str:
    return "COORDMAP-" + "-".join(
        part for part in (short_slug(spec.cluster, ID_CHARS), slug(spec.period)) if part
    ).upper()


def marginalia(spec: MapSpec, language: str, created: dt.date, *, title: str = "",
               sources: str = "", boundaries: str = "", producer: str = "", crs_name: str = "",
               vocabulary: Optional[ClusterVocabulary] = None,
               small_count: int = 5, country: Optional[str] = None) -> Marginalia:
    """Every text of one map in ``language``; ``title``/``sources``/``producer`` override,
    ``country`` (alpha-3) goes in front of the title. The sources are by default the
    partners' 4W reports and the ``boundaries`` (their name), never the join's files. The "as
    of" date is the end of the data's period (none for a table without dates), never after
    ``created``. A protected map withholds its partner and activity numbers."""
    texts = marginalia_texts(language)
    cluster = cluster_name(spec.cluster, language, vocabulary)
    period = period_label(spec.period, texts)
    level = texts["admin_level"].format(level=spec.admin_level) if spec.admin_level else ""
    end = period_end(spec.period)
    place = country_name(country, language)
    default_title = texts["title_country"].format(country=place, cluster=cluster) if place \
        else texts["title"].format(cluster=cluster)

    def counted(key, count):
        return plural(texts[key], language, count)

    units = counted("units_n", spec.units)
    return Marginalia(
        title=title or default_title,
        subtitle=" | ".join(part for part in (cluster, level, period) if part),
        as_of=texts["as_of"].format(date=format_date(min(end, created), texts)) if end else "",
        summary=texts["summary_protected"].format(units=units) if spec.protected else
        texts["summary"].format(partners=counted("partners_n", spec.partners),
                                activities=counted("activities_n", spec.activities),
                                units=units),
        note=texts["note"],
        sources=texts["sources"].format(sources=sources or ", ".join(
            part for part in (texts["sources_4w"], boundaries) if part)),
        producer=texts["producer"].format(producer=producer) if producer else "",
        created=texts["created"].format(date=created.isoformat()),
        map_id=texts["map_id"].format(id=map_id(spec)),
        projection=texts["projection"].format(crs=crs_name) if crs_name else "",
        disclaimer=texts["disclaimer"],
        legend_title=texts["legend_partners"],
        no_data=texts["no_data"],
        zero=texts["zero"],
        gap_no_partner=texts["gap_no_partner"],
        overlaps=texts["overlaps"],
        unspecified=_unspecified(spec, texts, language),
        right_to_left=language in RIGHT_TO_LEFT,
        protected=spec.protected, small_count=small_count, language=language,
        chart_admin1=texts["chart_admin1"], chart_types=texts["chart_types"],
        type_labels={kind: texts[f"type_{kind}"] for kind in ORG_TYPES},
    )


def _unspecified(spec: MapSpec, texts: Mapping[str, Any], language: str) -> str:
    if not spec.unspecified:
        return ""
    if spec.protected:
        return texts["unspecified_protected"]
    return plural(texts["unspecified"], language, spec.unspecified_rows)


def cluster_name(code: str, language: str,
                 vocabulary: Optional[ClusterVocabulary] = None) -> str:
    vocabulary = vocabulary or ClusterVocabulary.load()
    return vocabulary.name(code, language)


def source_text(paths: Iterable[Any]) -> str:
    """Sources named after the input files ("som_3w.xlsx, som_adm2.geojson"), in order, once."""
    names = []
    for path in paths:
        name = Path(str(path).split("|")[0]).name if path else ""
        if name and name not in names:
            names.append(name)
    return ", ".join(names)


# File names --------------------------------------------------------------------------------------

def file_stem(spec: MapSpec, paper: str, created: dt.date,
              vocabulary: Optional[ClusterVocabulary] = None) -> str:
    """OCHA-style ``<id>_<short-name>_<paper>_<yyyymmdd>``, e.g.
    ``COORDMAP-EDU-2025-01_3W-Education_A4L_20250131``."""
    short = slug("3W " + cluster_name(spec.cluster, "en", vocabulary))[:40].strip("-")
    return f"{map_id(spec)}_{short}_{PAPERS[paper]}_{created:%Y%m%d}"


def pack_stem(paper: str, created: dt.date) -> str:
    """File name of the whole pack as one PDF, in the same pattern as the single maps."""
    return f"COORDMAP-MAPPACK_3W-map-pack_{PAPERS[paper]}_{created:%Y%m%d}"


# Partner table -----------------------------------------------------------------------------------

@dataclass
class PartnerRow:
    unit: str
    pcode: str
    partners: Optional[int]  # None: hidden (data protection)
    count: str  # as printed: the number, or "<k"
    names: str


def partner_table_texts(spec: MapSpec, language: str,
                        vocabulary: Optional[ClusterVocabulary] = None) -> Dict[str, Any]:
    """Title and column headings of the partner table page, in the map language."""
    texts = marginalia_texts(language)
    return {
        "table_title": texts["table_title"].format(
            cluster=cluster_name(spec.cluster, language, vocabulary),
            period=period_label(spec.period, texts)),
        **{key: texts[key] for key in ("table_unit", "table_pcode", "table_count",
                                       "table_names", "withheld")},
        "right_to_left": language in RIGHT_TO_LEFT,
    }


def partner_rows(records: Iterable[Mapping[str, Any]], spec: MapSpec,
                 policy: Optional[ProtectionPolicy] = None, withheld: str = "withheld",
                 gap_records: Iterable[Mapping[str, Any]] = (),
                 acronyms: Optional[Mapping[str, str]] = None) -> List[PartnerRow]:
    """The partners of each unit of one map, largest first, by their short names (the
    table's ``acronyms``, or one in brackets in the name). Where the map's cluster is
    sensitive (``policy``), or the feature (or the gaps feature of the same unit, cluster and
    period) is ``protected``, names are withheld and counts below k read "<k"."""
    policy = policy or ProtectionPolicy()
    sensitive = spec.protected or policy.is_sensitive(spec.cluster)
    protected = {(str(r["pcode"]), *map_key(r)) for r in gap_records if r.get("protected")}
    rows = []
    for record in records_of(records, spec):
        if not unit_specified(record):
            continue
        hidden = sensitive or bool(record.get("protected")) or \
            (str(record.get("pcode")), spec.cluster, spec.period) in protected
        partners = record.get("partners")
        partners = None if partners is None or (hidden and policy.is_small(partners)) \
            else int(partners)
        names = withheld if hidden else ", ".join(
            short_name(name, acronyms) for name in split_partners(record.get("partner_list")))
        rows.append(PartnerRow(str(record.get("name") or ""), str(record.get("pcode") or ""),
                               partners, policy.count_text(partners, hidden), names))
    return sorted(rows, key=lambda row: (-(row.partners or 0), row.unit))


# Side panel -------------------------------------------------------------------------------------

def partners_per_admin1(records: Iterable[Mapping[str, Any]], spec: MapSpec,
                        admin1_of: Mapping[str, Optional[str]]) -> List[tuple]:
    """[(admin-1 P-code, distinct partners)] of one map, most first: the partners of the
    units within each admin-1 unit (``admin1_of``: unit P-code -> its admin-1 P-code, an
    admin-1 P-code -> itself), those of rows naming only the admin-1 unit included. Empty
    for a protected map (it names nobody)."""
    if spec.protected:
        return []
    names: Dict[str, set] = {}
    for record in records_of(records, spec):
        if record.get("protected"):
            continue
        admin1 = admin1_of.get(str(record.get("pcode")))
        if admin1:
            names.setdefault(admin1, set()).update(split_partners(record.get("partner_list")))
    return sorted(((code, len(found)) for code, found in names.items() if found),
                  key=lambda item: (-item[1], item[0]))


def map_partners(records: Iterable[Mapping[str, Any]], spec: MapSpec) -> set:
    """The partners named on one map (none on a protected one)."""
    if spec.protected:
        return set()
    return {name for record in records_of(records, spec) if not record.get("protected")
            for name in split_partners(record.get("partner_list"))}


# Values drawn on a map ---------------------------------------------------------------------------

class UnitValues:
    """Partners per unit P-code for any map, telling zero from no data (indexed once).

    A unit gets its partner count where the map's cluster is present (``SMALL`` where data
    protection hid it); 0 where the 4W reached the
    unit in that period (another cluster is present there, or the gaps analysis has a report for
    it); None (no data) where nothing was reported at all. Units come from the presence records
    of every cluster and period at the map's admin level, and from the gaps records.
    """

    def __init__(self, records: Iterable[Mapping[str, Any]],
                 gap_records: Iterable[Mapping[str, Any]] = (),
                 other_periods: Iterable[Mapping[str, Any]] = ()):
        """``other_periods``: records of periods left out of ``records`` (several periods
        drawn as one map): their units are drawn, as "no data" unless ``records`` say more."""
        self.levels: Dict[str, Any] = {}
        for record in other_periods:
            if unit_specified(record):
                self.levels.setdefault(str(record["pcode"]), record.get("admin_level"))
        self.reported: Dict[tuple, set] = {}  # (admin level, period) -> P-codes
        self.partners: Dict[tuple, Dict[str, int]] = {}  # (cluster, period) -> P-code -> n
        self.gap_units: Dict[str, None] = {}
        self.gap_reported: Dict[tuple, set] = {}  # (cluster, period) -> P-codes
        for record in records:
            if not unit_specified(record):
                continue
            pcode, (cluster, period) = str(record["pcode"]), map_key(record)
            level = record.get("admin_level")
            self.levels.setdefault(pcode, level)
            self.reported.setdefault((level, period), set()).add(pcode)
            hidden = record.get("protected") and record.get("partners") is None
            self.partners.setdefault((cluster, period), {})[pcode] = \
                SMALL if hidden else int(record.get("partners") or 0)
        for record in gap_records:
            pcode = str(record["pcode"])
            self.gap_units.setdefault(pcode)
            if record.get("gap_status") not in (None, "no_report"):
                self.gap_reported.setdefault(map_key(record), set()).add(pcode)

    def __call__(self, spec: MapSpec) -> Dict[str, Any]:
        level = spec.admin_level
        units = [pcode for pcode, unit_level in self.levels.items()
                 if not level or unit_level == level]
        units += [pcode for pcode in self.gap_units if pcode not in self.levels]
        present = self.partners.get((spec.cluster, spec.period), {})
        reported = self.reported.get((level, spec.period), set()) if level else set().union(
            *(pcodes for (_, period), pcodes in self.reported.items() if period == spec.period))
        reported = reported | self.gap_reported.get((spec.cluster, spec.period), set())
        return {pcode: present.get(pcode, 0 if pcode in reported else None) for pcode in units}


def unit_values(records: Iterable[Mapping[str, Any]], spec: MapSpec,
                gap_records: Iterable[Mapping[str, Any]] = ()) -> Dict[str, Any]:
    """``UnitValues`` of one map (index the records once with UnitValues for many maps)."""
    return UnitValues(records, gap_records)(spec)
