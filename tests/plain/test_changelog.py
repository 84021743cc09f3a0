"""The changelog users see in the Plugin Manager (metadata.txt) is CHANGELOG.md's, and both stay
user-facing (the benchmark log lives in benchmarks/README.md)."""
import configparser
import zipfile
from pathlib import Path

from coordmap.tools import package

ROOT = Path(__file__).resolve().parents[2]


def _changelog_value(text):
    parser = configparser.ConfigParser(interpolation=None)
    parser.read_string(text)
    return parser["general"]["changelog"]


def test_metadata_changelog_is_the_changelog_file():
    lines = package.changelog_lines((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert lines[0].startswith("0.1.0") and len(lines) > 5
    assert _changelog_value((ROOT / "metadata.txt").read_text(encoding="utf-8")) == \
        "\n".join(lines), "run `python3 tools/package.py --sync-metadata` and commit metadata.txt"


def test_the_zip_carries_the_changelog(coordmap_zip):
    with zipfile.ZipFile(coordmap_zip) as archive:
        metadata = archive.read("coordmap/metadata.txt").decode("utf-8")
    lines = package.changelog_lines((ROOT / "CHANGELOG.md").read_text(encoding="utf-8"))
    assert _changelog_value(metadata) == "\n".join(lines)


def test_syncing_replaces_only_the_changelog(tmp_path):
    (tmp_path / "metadata.txt").write_text(
        "[general]\nname=X\nchangelog=old\n  - old entry\nicon=i.svg\n", encoding="utf-8")
    (tmp_path / "CHANGELOG.md").write_text(
        "# Changelog\nintro\n\n## 1.1\n### Fixed\n- A `fix`\n  on two lines.\n\n## 1.0\n- First.\n",
        encoding="utf-8")
    assert package.sync_metadata_changelog(tmp_path)
    assert (tmp_path / "metadata.txt").read_text(encoding="utf-8") == (
        "[general]\nname=X\nchangelog=1.1\n  - A fix on two lines.\n  1.0\n  - First.\n"
        "icon=i.svg\n")
    assert not package.sync_metadata_changelog(tmp_path)


def test_entries_are_short_and_for_users():
    for line in package.changelog_lines((ROOT / "CHANGELOG.md").read_text(encoding="utf-8")):
        assert len(line) <= 420, f"keep entries to a sentence or two: {line[:80]}..."
        assert "%" not in line, "the Plugin Manager's metadata parser reads % as interpolation"
