"""Translations: regenerate the .ts sources from the code, list what is left to translate, fill it.

The .ts files in i18n/ are the source of truth (Qt Linguist opens them too). Workflow::

    make translations                      # = tools/i18n.py extract: new strings come in
                                           # unfinished, strings gone from the code obsolete
    python3 tools/i18n.py todo > todo.json # what is unfinished or obsolete, per language
    # fill the empty "translation" values in todo.json (keep {name} and %1 placeholders)
    python3 tools/i18n.py apply todo.json  # writes them and drops the obsolete entries
    make i18n                              # lrelease: .ts -> .qm (make package does it too)

Stdlib only: runs with the system python3 before any venv exists.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N_DIR = ROOT / "i18n"
LANGUAGES = ("fr", "es", "ar")
SOURCE_DIRS = ("plugin", "processing")  # shipped code only: not tests/ or tools/
# Shipped graphical models: processing/models.py looks their names up under this context.
MODELS_DIR = ROOT / "resources" / "models"
MODEL_CONTEXT = "ShippedModel"
# Python format fields ({name}, {0}, {value!r}) and Qt's %1 markers.
PLACEHOLDER = re.compile(r"\{[^{}]*\}|%\d+")


def ts_path(language, folder=I18N_DIR):
    return Path(folder) / f"coordmap_{language}.ts"


def source_files():
    """Every shipped .py file, relative to the repository root, in a stable order."""
    return sorted(str(path.relative_to(ROOT)) for folder in SOURCE_DIRS
                  for path in (ROOT / folder).rglob("*.py") if "__pycache__" not in path.parts)


def extract(ts_files):
    """Update ts_files from the code: translations kept, new texts unfinished, gone ones obsolete.

    pylupdate5 reads the code into a fresh file; the merge with the old translations is ours.
    """
    found = _extracted()
    for path in map(Path, ts_files):
        old = {(c, s): (text, kind) for c, s, text, kind in messages(path)} \
            if path.is_file() else {}
        _write_ts(path, _language_of(path), found, old)


def _extracted():
    """{context: {source: [(file relative to i18n/, line)]}}: what pylupdate5 finds in the code
    (in its order), then the names of the shipped models."""
    with tempfile.TemporaryDirectory() as folder:
        fresh = Path(folder) / "coordmap_xx.ts"
        result = subprocess.run(["pylupdate5", *source_files(), "-ts", str(fresh)],
                                cwd=ROOT, capture_output=True, text=True, check=False)
        if result.returncode != 0 or not fresh.is_file():
            raise RuntimeError(f"pylupdate5 failed:\n{result.stdout}{result.stderr}")
        found = {}
        for context in ET.parse(fresh).getroot().iter("context"):
            for message in context.iter("message"):
                locations = [(os.path.relpath(Path(folder, loc.get("filename")).resolve(),
                                              I18N_DIR), loc.get("line"))
                             for loc in message.iter("location")]
                found.setdefault(context.findtext("name"), {}).setdefault(
                    message.findtext("source"), []).extend(locations)
    for path in sorted(MODELS_DIR.glob("*.model3")):
        names = ET.parse(path).getroot().findall(".//Option[@name='model_name']")
        if names:
            found.setdefault(MODEL_CONTEXT, {}).setdefault(names[0].get("value"), []).append(
                (os.path.relpath(path, I18N_DIR), "1"))
    return found


def _language_of(path):
    return Path(path).stem.rsplit("_", 1)[-1]


def _write_ts(path, language, found, old):
    root = ET.Element("TS", version="2.1", language=language)
    contexts = {}
    for name, sources in found.items():
        contexts[name] = ET.SubElement(root, "context")
        ET.SubElement(contexts[name], "name").text = name
        for source, locations in sources.items():
            text, kind = old.get((name, source), ("", "unfinished"))
            if kind in ("obsolete", "vanished"):  # back in the code: its translation is too
                kind = "" if text else "unfinished"
            _add_message(contexts[name], source, text, kind, locations)
    for (name, source), (text, _kind) in old.items():
        if source not in found.get(name, {}):
            if name not in contexts:
                contexts[name] = ET.SubElement(root, "context")
                ET.SubElement(contexts[name], "name").text = name
            _add_message(contexts[name], source, text, "obsolete", [])
    ET.indent(root, space="    ")
    with open(path, "w", encoding="utf-8") as handle:
        handle.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        handle.write(ET.tostring(root, encoding="unicode"))
        handle.write("\n")


def _add_message(context, source, text, kind, locations):
    message = ET.SubElement(context, "message")
    for filename, line in locations:
        ET.SubElement(message, "location", filename=filename, line=line)
    ET.SubElement(message, "source").text = source
    translation = ET.SubElement(message, "translation")
    translation.text = text
    if kind:
        translation.set("type", kind)


def messages(path):
    """[(context, source, translation, type)] of a .ts file; type is "" when finished."""
    found = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            translation = message.find("translation")
            found.append((name, message.findtext("source"), translation.text or "",
                          translation.get("type", "")))
    return found


def extracted_keys():
    """{(context, source)} the current code has, as extract() files them."""
    return {(context, source) for context, sources in _extracted().items() for source in sources}


def placeholders(text):
    return sorted(PLACEHOLDER.findall(text or ""))


def todo():
    """{language: [{context, source, translation, state}]} for unfinished and obsolete entries."""
    return {language: [
        {"context": context, "source": source, "translation": text if kind == "obsolete" else "",
         "state": kind}
        for context, source, text, kind in messages(ts_path(language)) if kind]
        for language in LANGUAGES}


def apply(filled):
    """Write the non-empty translations of ``filled`` (todo()'s shape); drop obsolete entries.

    A translation whose placeholders differ from its source's is refused and stays unfinished.
    """
    found = _extracted()
    problems = []
    for language, entries in filled.items():
        path = ts_path(language)
        kept = {(c, s): (text, kind) for c, s, text, kind in messages(path)
                if kind not in ("obsolete", "vanished")}
        for entry in entries:
            key, text = (entry["context"], entry["source"]), entry.get("translation")
            if not text or key not in kept:
                continue
            if placeholders(text) != placeholders(entry["source"]):
                problems.append(f"{language} {key[0]}: placeholders differ in {text!r}")
            else:
                kept[key] = (text, "")
        _write_ts(path, language, found, kept)
    if problems:
        raise SystemExit("Not applied (placeholders differ):\n" + "\n".join(problems))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("extract", help="regenerate i18n/coordmap_{fr,es,ar}.ts from the code")
    commands.add_parser("todo", help="print unfinished and obsolete entries as JSON")
    apply_parser = commands.add_parser("apply", help="write translations from a todo JSON file")
    apply_parser.add_argument("file")
    args = parser.parse_args(argv)
    if args.command == "extract":
        I18N_DIR.mkdir(exist_ok=True)
        extract([ts_path(language) for language in LANGUAGES])
        left = {language: len(entries) for language, entries in todo().items()}
        print(f"Updated {', '.join(map(str, map(ts_path, LANGUAGES)))}; "
              f"unfinished or obsolete: {left}")
    elif args.command == "todo":
        json.dump(todo(), sys.stdout, ensure_ascii=False, indent=1)
        print()
    else:
        apply(json.loads(Path(args.file).read_text(encoding="utf-8")))


if __name__ == "__main__":
    main()
