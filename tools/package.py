"""Build coordmap.zip: the installable plugin (top folder coordmap/), without dev files.

The zip's metadata.txt carries CHANGELOG.md as its ``changelog`` (what the Plugin Manager
shows), so the two never differ in a package. The build leaves the checkout as it is;
``--sync-metadata`` writes the same changelog into the checkout's metadata.txt (a test fails
while the two differ).
"""
import argparse
import re
import zipfile
from pathlib import Path
from typing import List

ROOT = Path(__file__).resolve().parents[1]
INCLUDE_FILES = ["metadata.txt", "__init__.py", "LICENSE", "README.md", "CHANGELOG.md"]
INCLUDE_DIRS = ["plugin", "processing", "resources"]
SKIP_PARTS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


def changelog_lines(changelog: str) -> List[str]:
    """CHANGELOG.md as metadata.txt's changelog: each version, then its entries, one line each
    (markdown code marks dropped)."""
    lines = []
    for raw in changelog.splitlines():
        if raw.startswith("## "):
            lines.append(raw[3:].strip())
        elif raw.startswith("- "):
            lines.append(raw.strip())
        elif raw.startswith("  ") and raw.strip() and lines and lines[-1].startswith("- "):
            lines[-1] += " " + raw.strip()
    return [line.replace("`", "") for line in lines]


def metadata_with_changelog(metadata: str, lines: List[str]) -> str:
    """metadata.txt's text with its (multi-line) changelog value replaced by ``lines``."""
    value = "changelog=" + "\n".join([lines[0]] + [f"  {line}" for line in lines[1:]]) + "\n"
    return re.sub(r"^changelog=.*\n(?:[ \t]+.*\n?)*", lambda _match: value, metadata,
                  count=1, flags=re.M)


def plugin_files():
    for name in INCLUDE_FILES:
        yield ROOT / name
    for folder in INCLUDE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and not SKIP_PARTS.intersection(path.parts) \
                    and path.suffix not in SKIP_SUFFIXES:
                yield path
    yield from sorted((ROOT / "i18n").glob("*.qm"))  # built translations only, not .ts sources


def synced_metadata(root: Path = ROOT) -> str:
    """metadata.txt's text with CHANGELOG.md's entries as its changelog."""
    return metadata_with_changelog(
        (root / "metadata.txt").read_text(encoding="utf-8"),
        changelog_lines((root / "CHANGELOG.md").read_text(encoding="utf-8")))


def sync_metadata_changelog(root: Path = ROOT) -> bool:
    """Write CHANGELOG.md's entries into metadata.txt; True if it changed."""
    path = root / "metadata.txt"
    old, new = path.read_text(encoding="utf-8"), synced_metadata(root)
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


def build(output: Path):
    metadata = ROOT / "metadata.txt"
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files():
            target = Path("coordmap") / path.relative_to(ROOT)
            if path == metadata:
                archive.writestr(str(target), synced_metadata())
            else:
                archive.write(path, target)
    return output


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default=str(ROOT / "coordmap.zip"))
    parser.add_argument("--sync-metadata", action="store_true",
                        help="write CHANGELOG.md into metadata.txt's changelog and stop")
    arguments = parser.parse_args()
    if arguments.sync_metadata:
        changed = sync_metadata_changelog()
        print("metadata.txt: changelog " + ("updated" if changed else "already in step"))
    else:
        print(f"Built {build(Path(arguments.output))}")
