"""Build coordmap.zip: the installable plugin (top folder coordmap/), without dev files.

First brings metadata.txt's ``changelog`` (what the Plugin Manager shows) in step with
CHANGELOG.md, so the two never differ in a package.
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


def sync_metadata_changelog(root: Path = ROOT) -> bool:
    """Write CHANGELOG.md's entries into metadata.txt; True if it changed."""
    path = root / "metadata.txt"
    old = path.read_text(encoding="utf-8")
    new = metadata_with_changelog(
        old, changelog_lines((root / "CHANGELOG.md").read_text(encoding="utf-8")))
    if new != old:
        path.write_text(new, encoding="utf-8")
    return new != old


def plugin_files():
    for name in INCLUDE_FILES:
        yield ROOT / name
    for folder in INCLUDE_DIRS:
        for path in sorted((ROOT / folder).rglob("*")):
            if path.is_file() and not SKIP_PARTS.intersection(path.parts) \
                    and path.suffix not in SKIP_SUFFIXES:
                yield path
    yield from sorted((ROOT / "i18n").glob("*.qm"))  # built translations only, not .ts sources


def build(output: Path):
    if sync_metadata_changelog():
        print("metadata.txt: changelog updated from CHANGELOG.md (commit it)")
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files():
            archive.write(path, Path("coordmap") / path.relative_to(ROOT))
    return output


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default=str(ROOT / "coordmap.zip"))
    print(f"Built {build(Path(parser.parse_args().output))}")
