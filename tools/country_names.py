"""Add country names in English, French, Spanish and Arabic to resources/vocabulary/iso3166.json.

    python3 tools/country_names.py

The names come from Debian's iso-codes package (its JSON and gettext catalogues, installed with
QGIS), in the form a map title reads: "Democratic Republic of the Congo", not ISO's inverted
"Congo, The Democratic Republic of the". Inverted names are turned round; the few the
catalogues get wrong or leave untranslated are set below (the names the United Nations uses).
Run it again after an iso-codes update and review the diff. Stdlib only.
"""
import gettext
import json
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "resources" / "vocabulary" / "iso3166.json"
ISO_CODES = Path("/usr/share/iso-codes/json/iso_3166-1.json")
LOCALES = Path("/usr/share/locale")
LANGUAGES = ("fr", "es", "ar")
# A list of places ("Bonaire, Sint Eustatius and Saba") is not an inverted name.
_LIST_WORDS = re.compile(r"\b(?:and|et|y)\b|\sو")
OVERRIDES = {
    "BFA": {"es": "Burkina Faso"},
    "BOL": {"fr": "État plurinational de Bolivie", "es": "Estado Plurinacional de Bolivia"},
    "CIV": {"es": "Côte d'Ivoire"},
    "COD": {"en": "Democratic Republic of the Congo", "ar": "جمهورية الكونغو الديمقراطية"},
    "FLK": {"fr": "Îles Malouines (Falkland)"},
    "IRN": {"fr": "Iran", "es": "Irán", "ar": "إيران"},
    "KOR": {"es": "República de Corea", "ar": "جمهورية كوريا"},
    "PRK": {"es": "República Popular Democrática de Corea",
            "ar": "جمهورية كوريا الشعبية الديمقراطية"},
    "LAO": {"fr": "République démocratique populaire lao", "ar": "لاو"},
    "MDA": {"ar": "جمهورية مولدوفا"},
    "SHN": {"ar": "سانت هيلينا وأسينشين وتريستان دا كونا"},
    "SYR": {"fr": "République arabe syrienne", "es": "República Árabe Siria",
            "ar": "الجمهورية العربية السورية"},
    "TUN": {"es": "Túnez"},
    "TUR": {"ar": "تركيا"},
    "TWN": {"fr": "Taïwan", "es": "Taiwán", "ar": "تايوان"},
    "VEN": {"fr": "République bolivarienne du Venezuela"},
    "VGB": {"es": "Islas Vírgenes Británicas"},
    "VIR": {"fr": "Îles Vierges des États-Unis", "es": "Islas Vírgenes de los Estados Unidos"},
    "VNM": {"ar": "فييت نام"},
    "XKX": {"en": "Kosovo", "fr": "Kosovo", "es": "Kosovo", "ar": "كوسوفو"},
}


def readable(name, language):
    """An inverted catalogue name turned round: "Salomon, Îles" -> "Îles Salomon"."""
    if language == "ar" and "، " in name:
        return name.split("، ", 1)[1]
    if ", " not in name or _LIST_WORDS.search(name):
        return name
    head, tail = name.split(", ", 1)
    if tail.endswith("'"):
        return f"{tail}{head}"
    return f"{tail} {head}"


def names_of(entry, catalogues):
    english = entry.get("common_name") or readable(entry["name"], "en")
    names = {"en": english}
    for language, catalogue in catalogues.items():
        names[language] = readable(catalogue.gettext(entry["name"]), language)
    names.update(OVERRIDES.get(entry["alpha_3"], {}))
    return names


def main():
    catalogues = {language: gettext.translation("iso_3166-1", localedir=str(LOCALES),
                                                languages=[language])
                  for language in LANGUAGES}
    by_code = {entry["alpha_3"]: entry for entry in
               json.loads(ISO_CODES.read_text(encoding="utf-8"))["3166-1"]}
    data = json.loads(TARGET.read_text(encoding="utf-8"))
    for country in data["countries"]:
        entry = by_code.get(country["alpha3"])
        if entry is not None:
            country["names"] = names_of(entry, catalogues)
        elif country["alpha3"] in OVERRIDES:
            country["names"] = dict(OVERRIDES[country["alpha3"]])
    data["about"] = (
        "ISO 3166-1 country codes: alpha-2 <-> alpha-3 (249 ISO entries, generated from the "
        "pycountry 26.2.16 ISO data, plus Kosovo's user-assigned XK/XKX used by OCHA). Used to "
        "recognise P-code prefixes written with the other alpha form, e.g. NGA008 for NG008, "
        "and to name the country of a map (names in en/fr/es/ar: tools/country_names.py, from "
        "Debian's iso-codes).")
    TARGET.write_text(json.dumps(data, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(TARGET)


if __name__ == "__main__":
    main()
