"""The columns of a generated table: headers in the table's language with the country's level
words, group rows, HXL tags, and the true role of each column."""
import random
import re
from dataclasses import dataclass
from typing import List, Optional

from . import conventions as cv
from .reference import Country, fold
from .style import Style


@dataclass
class Column:
    header: str
    role: str  # the column's true role (README.md, "Roles")
    group: Optional[str] = None  # label of the group row above the header, if any
    hxl: Optional[str] = None
    level: Optional[int] = None  # admin level of a location column
    kind: Optional[str] = None  # "code" | "name" of a location column


class ColumnMaker:
    """Headers, groups and HXL tags of a table's columns, in the table's language."""

    def __init__(self, country: Country, style: Style, rng: random.Random):
        self.country, self.style, self.rng = country, style, rng
        self.language, self.vocab = style.language, style.vocabulary

    def role_header(self, role: str, **words) -> str:
        options = cv.ROLE_HEADERS[self.vocab][role]
        return self.rng.choice(options).format(**words)

    def level_word(self, level: int) -> str:
        words = self.country.level_words(self.language, level) or \
            self.country.level_words(next(iter(self.country.languages)), level)
        if not words:
            return f"Admin {level}"
        if len(words) == 1 or self.rng.random() < 0.75:
            return words[0]
        return self.rng.choice(words[1:])

    def location(self, level: int, kind: str) -> Column:
        word = self.level_word(level)
        header = self._location_header(level, kind, word)
        tag = f"#adm{level}+{kind}"
        return Column(header, f"adm{level}_{kind}", hxl=tag, level=level, kind=kind)

    def _location_header(self, level: int, kind: str, word: str) -> str:
        style = self.style.header_style if self.rng.random() < 0.7 else "plain"
        minor = self.language not in cv.TABLE_LANGUAGES
        if self.style.layout == "kobo":  # form field names are Latin, lower case
            latin = [fold(w) for lang in self.country.languages
                     for w in self.country.level_words(lang, level) if fold(w)]
            base = (fold(word) or (latin[0] if latin else f"admin{level}")).replace(" ", "_")
            suffix = "" if kind == ("code" if self.style.kobo_codes else "name") else f"_{kind}"
            return f"{cv.KOBO_GROUPS['location']}/{base}{suffix}"
        if self.style.layout == "activityinfo":
            return f"{cv.ACTIVITYINFO_LOCATION}.{word}.{'Name' if kind == 'name' else 'Code'}" \
                if self.rng.random() < 0.5 else word
        if style == "generic_admin":
            options = cv.GENERIC_ADMIN_CODE if kind == "code" else cv.GENERIC_ADMIN_NAME
            return self.rng.choice(options).format(k=level)
        if style == "abbreviated":
            abbreviation = _abbreviation(word)
            if kind == "code":
                template = self.rng.choice(cv.ABBREVIATED_CODE_TEMPLATES)
            else:
                template = self.rng.choice(cv.ABBREVIATED_NAME_TEMPLATES)
            return template.format(W=word, A=abbreviation, k=level, T=_header_typo(word, self.rng),
                                   N=cv.NAME_WORD[self.vocab])
        if style == "title_over_codes" and kind == "code":
            return word
        if kind == "name" and style == "title_over_codes" \
                and self.style.location_kind != "names_only":
            return self.rng.choice(cv.NAME_TEMPLATES[self.vocab][1:]).format(W=word)
        if minor:
            if kind == "name":
                return word
            return self.rng.choice(("{W} Pcode", "Pcode {W}")).format(W=word)
        templates = cv.NAME_TEMPLATES if kind == "name" else cv.CODE_TEMPLATES
        return self.rng.choice(templates[self.vocab]).format(W=word)

    def people(self) -> List[Column]:
        """Disaggregated and total people columns, targeted then reached."""
        columns = []
        groups = cv.PEOPLE_GROUPS[self.vocab]
        group_words = cv.PEOPLE_GROUP_WORD[self.vocab]
        sex_age = cv.SEX_AGE[self.vocab]
        single = self.rng.choice(cv.PEOPLE_SINGLE_ROW[self.vocab])  # one form per table
        total_form = self.rng.choice(cv.PEOPLE_TOTAL[self.vocab])
        for group, group_word, name in zip(groups, group_words, ("targeted", "reached")):
            whos = ("men", "women", "boys", "girls") if self.style.people_breakdown else ()
            for who, word in zip(whos, sex_age):
                header = single.format(S=word, g=group_word, G=group)
                tag = f"#{name}+{'m' if who in ('men', 'boys') else 'f'}" \
                      f"+{'adults' if who in ('men', 'women') else 'children'}"
                columns.append(Column(header, f"{name}_{who}", hxl=tag))
            total = total_form.format(g=group_word, G=group)
            columns.append(Column(total, name, hxl=f"#{name}+total"))
            if self.style.two_row_header:  # "Reached" over "Men | Women | ... | Total"
                for column, word in zip(columns[-len(whos) - 1:], (*sex_age[:len(whos)],
                                                                   sex_age[-1])):
                    column.header, column.group = word, group
        return columns


def _abbreviation(word: str) -> str:
    """"Dist", "Prov", "Reg", "Gov": the first letters, not ending on a vowel."""
    letters = re.sub(r"[^A-Za-z]", "", fold(word).title().replace(" ", ""))
    short = letters[:4] if len(letters) > 5 else letters[:3]
    while len(short) > 2 and short[-1] in "aeiouy":
        short = short[:-1]
    return short or "Adm"


def _header_typo(word: str, rng: random.Random) -> str:
    if len(word) < 5:
        return word + word[-1]
    i = rng.randint(2, len(word) - 2)
    return word[:i] + word[i + 1:]


HXL_OF_ROLE = {
    "org": "#org+name", "org_acronym": "#org+acronym", "org_type": "#org+type",
    "lead_org": "#org+lead", "donor": "#org+funder", "cluster": "#sector",
    "subsector": "#subsector", "activity": "#activity", "status": "#status",
    "modality": "#activity+modality", "month": "#date+month", "start_date": "#date+start",
    "end_date": "#date+end", "comment": "#description+notes", "location": "#loc+name",
    "project": "#activity+project+code", "hz_code": "#loc+hz+code", "hz_name": "#loc+hz+name",
    "ha_name": "#loc+ha+name",
}


def build_columns(country: Country, style: Style, rng: random.Random) -> List[Column]:
    maker = ColumnMaker(country, style, rng)
    location = _location_columns(maker, style)
    health = _health_columns(country, maker) if style.health else []
    simple = {role: Column(maker.role_header(role), role) for role in (
        "org", "org_acronym", "org_type", "lead_org", "donor", "cluster", "subsector",
        "activity", "status", "modality", "month", "start_date", "end_date", "comment",
        "location", "project")}

    def some(*roles, chance=0.5):
        return [simple[r] for r in roles if rng.random() < chance]

    people = maker.people()
    totals = [c for c in people if c.role in ("targeted", "reached")]
    if style.layout == "ocha_3w":
        columns = [simple["org"], *some("org_acronym", "org_type"), simple["cluster"],
                   *location, simple["activity"], *some("status"), simple["month"],
                   *(people if rng.random() < 0.3 else totals)]
    elif style.layout == "five_w":
        columns = [simple["lead_org"], simple["org"], simple["org_type"], simple["cluster"],
                   *some("subsector", "project"), *location, *some("location"),
                   simple["activity"], *some("modality"), simple["status"],
                   simple["start_date"], simple["end_date"], *people, *some("donor", "comment")]
    elif style.layout == "health":
        adm1 = [c for c in location if c.level == 1]
        deeper = [c for c in location if c.level != 1]
        middle = health + deeper if rng.random() < 0.3 else deeper + health
        columns = [simple["org"], *some("org_acronym", "cluster"), *adm1, *middle,
                   simple["activity"], simple["month"], *people, *some("comment")]
    elif style.layout == "activityinfo":
        meta = [Column(w, "meta") for w in cv.ACTIVITYINFO_META[:rng.randint(2, 4)]]
        columns = [*meta, Column("Partner", "org"), simple["start_date"], simple["end_date"],
                   Column(cv.ACTIVITYINFO_LOCATION, "location"), *location, *health,
                   *totals, *some("comment")]
    elif style.layout == "kobo":
        meta = [Column(w, "meta") for w in cv.KOBO_META]
        group = cv.KOBO_GROUPS
        columns = [*meta[:4], _kobo(simple["org"], group["org"], "org_name"),
                   _kobo(simple["cluster"], group["activity"], "cluster"), *location,
                   _kobo(simple["activity"], group["activity"], "activity"),
                   *[_kobo(c, group["people"], c.role) for c in people], *meta[4:]]
    else:  # names_simple: a short table of names (like the Burundi one)
        columns = [rng.choice((simple["org"], simple["org_acronym"])), simple["cluster"],
                   *location, *some("activity")]
    if not style.hxl:
        return columns
    for column in columns:
        if column.hxl is None:
            column.hxl = HXL_OF_ROLE.get(column.role)
    return columns


def _kobo(column: Column, group: str, name: str) -> Column:
    return Column(f"{group}/{fold(name).replace(' ', '_')}", column.role, hxl=column.hxl)


def _location_columns(maker: ColumnMaker, style: Style) -> List[Column]:
    columns = []
    for level in style.table_levels:
        kinds = {"codes_and_names": ("name", "code"), "names_only": ("name",),
                 "codes_only": ("code",)}[style.location_kind]
        if level == 3 and "code" in kinds and maker.rng.random() < 0.5:
            kinds = ("code",)  # 5W tables often give only the admin-3 code
        if maker.rng.random() < 0.3:
            kinds = tuple(reversed(kinds))
        pair = [maker.location(level, kind) for kind in kinds]
        if style.two_row_header and style.layout == "five_w" and style.level_groups:
            word = maker.level_word(level)
            sub = dict(zip(("name", "code"), cv.SUB_NAME_CODE[maker.vocab]))
            for column in pair:
                column.group, column.header = word, sub[column.kind]
        elif style.two_row_header:
            for column in pair:
                column.group = cv.GROUP_LOCATION[maker.vocab]
        columns += pair
    return columns


def _health_columns(country: Country, maker: ColumnMaker) -> List[Column]:
    words = country.words.get("health", {}).get(maker.vocab)
    zone_words, area_words = words if words else cv.HEALTH_WORDS[maker.vocab]
    zone, area = maker.rng.choice(zone_words), maker.rng.choice(area_words)
    columns = [Column(maker.role_header("hz_code", Z=zone), "hz_code"),
               Column(maker.role_header("hz_name", Z=zone), "hz_name")]
    if maker.rng.random() < 0.4:
        columns.append(Column(maker.role_header("ha_name", H=area), "ha_name"))
    if maker.rng.random() < 0.3:
        columns = columns[1:]  # zone names only
    return columns
