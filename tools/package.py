"""Build coordmap.zip: the installable plugin (top folder coordmap/), without dev files."""
import argparse
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
INCLUDE_FILES = ["metadata.txt", "__init__.py", "LICENSE", "README.md", "CHANGELOG.md"]
INCLUDE_DIRS = ["plugin", "processing", "resources"]
SKIP_PARTS = {"__pycache__"}
SKIP_SUFFIXES = {".pyc", ".pyo"}


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
    with zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in plugin_files():
            archive.write(path, Path("coordmap") / path.relative_to(ROOT))
    return output


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--output", default=str(ROOT / "coordmap.zip"))
    print(f"Built {build(Path(parser.parse_args().output))}")
