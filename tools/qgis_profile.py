"""A throw-away QGIS profile with CoordMap installed from the built zip and enabled.

Used by the desktop tests, the ``qgis_process`` tests and the demo. No ``qgis`` import here:
this runs in plain Python before any QGIS starts.

Layout QGIS expects (``--profiles-path BASE`` or ``QGIS_CUSTOM_CONFIG_PATH=BASE``)::

    BASE/profiles/<profile>/python/plugins/coordmap/...   (unzipped coordmap.zip)
    BASE/profiles/<profile>/QGIS/QGIS3.ini                 (settings below)

Command line::

    python3 tools/qgis_profile.py --zip coordmap.zip --base /tmp/qgis-base [--locale fr]
"""
import argparse
import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

PLUGIN = "coordmap"
ROOT = Path(__file__).resolve().parents[1]

# QSettings INI sections. QgsSettings keys are "section/key"; nested keys use "\" in the INI.
# Every key here keeps a fresh desktop quiet and offline (QGIS 3.22 names, checked against the
# QGIS sources: main.cpp, qgswelcomepage.cpp, qgsnewsfeedparser.cpp, pyplugin_installer).
QUIET_SETTINGS = {
    "qgis": {
        # QgsWelcomePage: no request to version.qgis.org (what --noversioncheck does too;
        # qgis_process ignores that flag, the settings hold for every entry point).
        "checkVersion": "false",
        "allowVersionCheck": "false",
    },
    "core": {
        # QgsWelcomePage reads core/NewsFeed/<keyForFeed("https://feed.qgis.org/")>/disabled:
        # no news panel, no fetch of feed.qgis.org and its preview images.
        r"NewsFeed\httpsfeedqgisorg\disabled": "true",
    },
    "app": {
        # Plugin manager: no fetch of plugins.qgis.org at start-up (default already false in
        # 3.22, pinned here so a later default cannot bring the request back).
        r"plugin_installer\checkOnStart": "false",
    },
    "migration": {
        # main.cpp shows QgsFirstRunDialog ("migrate your QGIS 2 settings?") when a QGIS 2
        # config exists in $HOME and this flag is below the running version. Any later
        # QGIS version compares lower than 99999, so the dialog never shows.
        "fileVersion": "2",
        "firstRunVersionFlag": "99999",
        "settings": "true",
    },
}


def _ini_text(sections):
    lines = []
    for section, values in sections.items():
        lines.append(f"[{section}]")
        lines.extend(f"{key}={value}" for key, value in values.items())
        lines.append("")
    return "\n".join(lines)


def profile_settings(locale=None, plugins=(PLUGIN,), proxy=None):
    """The QGIS3.ini sections make_profile writes (a dict of dicts, for tests to inspect)."""
    sections = {"PythonPlugins": {name: "true" for name in plugins}}
    sections.update({section: dict(values) for section, values in QUIET_SETTINGS.items()})
    if locale:
        # main.cpp: with overrideFlag=true the user locale wins over the system one.
        sections["locale"] = {"userLocale": locale, "overrideFlag": "true"}
    if proxy:
        # QgsNetworkAccessManager sends every request through this HTTP proxy: tests point
        # it at a local recorder that refuses everything, so QGIS cannot go online at all.
        host, port = proxy
        sections["proxy"] = {"proxyEnabled": "true", "proxyType": "HttpProxy",
                             "proxyHost": host, "proxyPort": str(port),
                             "proxyExcludedUrls": "", "noProxyUrls": ""}
    return sections


def make_profile(base_dir, zip_path, profile="default", locale=None, *, proxy=None) -> Path:
    """Create ``<base_dir>/profiles/<profile>`` with CoordMap unzipped and enabled.

    ``locale`` (e.g. "fr") overrides QGIS's user locale; ``proxy`` = (host, port) routes all
    of QGIS's network requests through that HTTP proxy. Returns the profile folder. An
    existing plugin folder or QGIS3.ini in that profile is replaced, so the profile always
    matches the zip it was made from.
    """
    base_dir = Path(base_dir)
    zip_path = Path(zip_path)
    profile_dir = base_dir / "profiles" / profile
    plugins_dir = profile_dir / "python" / "plugins"
    plugins_dir.mkdir(parents=True, exist_ok=True)
    target = plugins_dir / PLUGIN
    if target.exists():
        shutil.rmtree(target)
    with zipfile.ZipFile(zip_path) as archive:
        names = archive.namelist()
        if not names or any(not name.startswith(f"{PLUGIN}/") for name in names):
            raise ValueError(f"{zip_path}: every entry must be under a top folder {PLUGIN}/")
        archive.extractall(plugins_dir)
    if not (target / "metadata.txt").is_file():
        raise ValueError(f"{zip_path}: {PLUGIN}/metadata.txt is missing")
    settings_dir = profile_dir / "QGIS"
    settings_dir.mkdir(parents=True, exist_ok=True)
    (settings_dir / "QGIS3.ini").write_text(_ini_text(profile_settings(locale, proxy=proxy)),
                                            encoding="utf-8")
    return profile_dir


def python_site_paths():
    """site-packages of the Python running this (a venv with the plugin's dependencies).

    QGIS embeds the system Python, which does not see a venv. A user installs pandas & co
    with ``pip install --user``; putting these folders on PYTHONPATH is the test equivalent.
    """
    paths = []
    for key in ("purelib", "platlib"):
        path = sysconfig.get_paths()[key]
        if path not in paths and Path(path).is_dir():
            paths.append(path)
    return paths


def qgis_env(base_dir, *, with_site_packages=True, isolate_xdg=True, base_env=None,
             **overrides):
    """Environment for a QGIS child process (qgis, qgis_process) using the profiles in base_dir.

    - QGIS_CUSTOM_CONFIG_PATH points at base_dir (qgis_process has no --profiles-path).
    - PYTHONPATH gets this interpreter's site-packages (see python_site_paths), never the
      checkout: the plugin must come from the profile, as a user installs it.
    - PYTHONDONTWRITEBYTECODE keeps the unzipped plugin free of __pycache__.
    - isolate_xdg: XDG data/config/runtime folders under base_dir/xdg, so the developer's
      ~/.local/share/QGIS/QGIS3/startup.py, qgis_global_settings.ini and an old QGIS 2
      config (the migration dialog) cannot leak in. HOME and caches (fontconfig) stay.
    """
    env = dict(os.environ if base_env is None else base_env)
    env["QGIS_CUSTOM_CONFIG_PATH"] = str(base_dir)
    env["PYTHONDONTWRITEBYTECODE"] = "1"
    for name in ("PYTHONHOME", "PYTHONSTARTUP", "PYQGIS_STARTUP", "QGIS_PLUGINPATH",
                 "QGIS_GLOBAL_SETTINGS_FILE", "QGIS_DEBUG"):
        env.pop(name, None)
    if isolate_xdg:
        xdg = Path(base_dir) / "xdg"
        for name, sub in (("XDG_DATA_HOME", "data"), ("XDG_CONFIG_HOME", "config"),
                          ("XDG_RUNTIME_DIR", "runtime")):
            folder = xdg / sub
            folder.mkdir(parents=True, exist_ok=True)
            env[name] = str(folder)
        (xdg / "runtime").chmod(0o700)  # Qt ignores a runtime dir others can read
    if with_site_packages and sys.prefix != sys.base_prefix:
        extra = python_site_paths()
        if env.get("PYTHONPATH"):
            extra.append(env["PYTHONPATH"])
        env["PYTHONPATH"] = os.pathsep.join(extra)
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def build_zip(output) -> Path:
    """Build the plugin zip with tools/package.py (as `make package` does) into output."""
    output = Path(output)
    output.parent.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "package.py"), "--output", str(output)],
        capture_output=True, text=True, timeout=300, check=False)
    if result.returncode != 0 or not output.is_file():
        raise RuntimeError(f"tools/package.py failed ({result.returncode}):\n"
                           f"{result.stdout}{result.stderr}")
    return output


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--zip", required=True, help="the built coordmap.zip")
    parser.add_argument("--base", required=True, help="profiles base folder (created)")
    parser.add_argument("--profile", default="default")
    parser.add_argument("--locale", default=None, help="e.g. fr or es_ES")
    args = parser.parse_args()
    folder = make_profile(args.base, args.zip, args.profile, args.locale)
    print(f"Profile {folder}")
    print(f"Run: qgis --profiles-path {args.base} --profile {args.profile}")
