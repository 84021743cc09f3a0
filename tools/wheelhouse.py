"""Download the wheels QGIS does not bundle, for an offline field kit (``make wheelhouse``).

python-calamine, rapidfuzz and openpyxl (with et-xmlfile) at the versions of requirements.txt,
for each platform a QGIS installer targets and the Python versions they ship (OSGeo4W and the
Windows installers of QGIS 3.34-3.40: 3.12; the macOS bundles: 3.9 to 3.12; Debian 12: 3.11;
newer distributions: 3.12-3.13). One folder per platform holds every Python version's wheels,
so the folder for the field laptop's system is all it needs::

    python3 -m pip install --user --no-index --find-links wheelhouse/linux-x86_64 \
        python-calamine rapidfuzz openpyxl

The network is used here, at build time, never by the plugin.
"""
import argparse
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ("python-calamine", "rapidfuzz", "openpyxl")
PYTHONS = ("3.9", "3.10", "3.11", "3.12", "3.13")
PLATFORMS = {  # folder: pip platform tags (pip adds the older macOS/manylinux ones)
    "windows-x86_64": ("win_amd64",),
    "macos-arm64": ("macosx_11_0_arm64",),
    "macos-x86_64": ("macosx_10_15_x86_64",),
    "linux-x86_64": ("manylinux_2_17_x86_64", "manylinux2014_x86_64"),
    "linux-aarch64": ("manylinux_2_17_aarch64", "manylinux2014_aarch64"),
}


def pinned(packages=PACKAGES, requirements=ROOT / "requirements.txt"):
    """``name==version`` of each package as requirements.txt pins it."""
    pins = dict(re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", requirements.read_text(), re.M))
    return [f"{name}=={pins[name]}" for name in packages]


def download(folder: Path, tags, python: str) -> None:
    command = [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
               "--only-binary=:all:", "--implementation", "cp", "--python-version", python,
               "--dest", str(folder)]
    for tag in tags:
        command += ["--platform", tag]
    subprocess.run(command + pinned(), check=True)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--output", type=Path, default=ROOT / "build" / "wheelhouse")
    args = parser.parse_args(argv)
    for name, tags in PLATFORMS.items():
        folder = args.output / name
        folder.mkdir(parents=True, exist_ok=True)
        for python in PYTHONS:
            download(folder, tags, python)
        size = sum(path.stat().st_size for path in folder.glob("*.whl"))
        print(f"{folder}: {len(list(folder.glob('*.whl')))} wheels, {size / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
