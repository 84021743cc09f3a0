"""What the Processing toolbox shows of each CoordMap algorithm before it runs: name, one-line
description, search tags, help page.

Kept apart from the algorithms (and free of pandas) so the provider can list an algorithm whose
packages are missing or too old, with a message saying why it cannot run. Each text is
translated under the algorithm's class name, the context its ``self.tr`` texts have.
"""
from dataclasses import dataclass
from typing import Dict, Tuple

from qgis.PyQt.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QUrl

from ..metadata import RESOURCES_DIR

HELP_DIR = RESOURCES_DIR / "help"

# Words an officer types in the toolbox search: acronyms are the same in every language...
COMMON_TAGS = ("humanitarian", "OCHA", "HXL", "HDX", "P-code", "pcode", "COD-AB", "3W", "4W",
               "5W", "cluster", "sector", "partner", "presence", "coordination")
# ... the words are also searched in the user's language (one translatable list).
COMMON_TRANSLATED_TAGS = QT_TRANSLATE_NOOP(
    "CoordMapAlgorithm", "humanitarian,cluster,sector,partner,presence,coordination,who does "
                         "what where")


@dataclass(frozen=True)
class Entry:
    context: str  # the algorithm's class name
    display_name: str
    short_description: str
    tags: str  # comma-separated, translatable


CATALOG: Dict[str, Entry] = {
    "join_4w": Entry(
        "Join4WAlgorithm",
        QT_TRANSLATE_NOOP("Join4WAlgorithm", "Join 4W table to admin boundaries"),
        QT_TRANSLATE_NOOP(
            "Join4WAlgorithm", "Joins the partners' 3W/4W/5W table (HXL or not) to the admin "
                               "boundaries by P-code: partner presence per unit and cluster, "
                               "and a QA report of every row it could not use."),
        QT_TRANSLATE_NOOP("Join4WAlgorithm",
                          "join,P-code,admin boundaries,matching,QA report,operational presence")),
    "gaps_overlaps": Entry(
        "GapsOverlapsAlgorithm",
        QT_TRANSLATE_NOOP("GapsOverlapsAlgorithm",
                          "Gaps, overlaps and changes per cluster and period"),
        QT_TRANSLATE_NOOP(
            "GapsOverlapsAlgorithm", "Finds needs with no or too few partners, partners doing "
                                     "the same activity in the same place and period, and what "
                                     "changed since the previous period."),
        QT_TRANSLATE_NOOP("GapsOverlapsAlgorithm",
                          "gap,overlap,duplication,needs,PiN,severity,coverage,change")),
    "export_maps": Entry(
        "ExportMapsAlgorithm",
        QT_TRANSLATE_NOOP("ExportMapsAlgorithm", "Export 3W map pack"),
        QT_TRANSLATE_NOOP(
            "ExportMapsAlgorithm", "Makes the OCHA-style partner presence maps, one per cluster "
                                   "(and period), as PDF, PNG or SVG."),
        QT_TRANSLATE_NOOP("ExportMapsAlgorithm",
                          "map pack,map,PDF,print layout,atlas,operational presence")),
    "export_hapi_presence": Entry(
        "ExportHapiPresenceAlgorithm",
        QT_TRANSLATE_NOOP("ExportHapiPresenceAlgorithm",
                          "Export operational presence for HDX (HAPI)"),
        QT_TRANSLATE_NOOP(
            "ExportHapiPresenceAlgorithm", "Writes the partner presence in the shape of HDX "
                                           "HAPI's operational presence table (one row per "
                                           "organisation, sector, admin unit and period), "
                                           "with HXL hashtags."),
        QT_TRANSLATE_NOOP("ExportHapiPresenceAlgorithm",
                          "HDX,HAPI,operational presence,3W,export,share,sector")),
}


def _translated_words(context: str, text: str) -> Tuple[str, ...]:
    return tuple(word.strip() for word in QCoreApplication.translate(context, text).split(",")
                 if word.strip())


def _words(context: str, text: str) -> Tuple[str, ...]:
    """The comma-separated words of ``text``, in English and in the user's language."""
    return tuple(word.strip() for word in text.split(",")) + _translated_words(context, text)


def common_tags() -> Tuple[str, ...]:
    """Search tags of everything CoordMap adds to the toolbox."""
    return COMMON_TAGS + _words("CoordMapAlgorithm", COMMON_TRANSLATED_TAGS)


def tags(name: str) -> Tuple[str, ...]:
    """Search tags of an algorithm: CoordMap's own, then the algorithm's, each in English and
    in the user's language (both are searched)."""
    entry = CATALOG[name]
    return tuple(dict.fromkeys(common_tags() + _words(entry.context, entry.tags)))


def translated(name: str, text: str) -> str:
    return QCoreApplication.translate(CATALOG[name].context, text)


def help_url(name: str, language: str) -> str:
    """file:// URL of the section ``name`` of the help shipped with the plugin (in the user's
    language where there is a page in it): it opens without network."""
    page = HELP_DIR / f"index.{language}.html"
    if not page.is_file():
        page = HELP_DIR / "index.html"
    url = QUrl.fromLocalFile(str(page))
    url.setFragment(name)
    return url.toString()
