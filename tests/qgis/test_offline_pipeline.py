"""No network: the whole pipeline (join, then gaps/overlaps and the map export where they are
registered) runs with every way out blocked and watched.

- Python: socket connect/connect_ex, getaddrinfo and create_connection raise and are recorded;
- Qt/QGIS (QgsNetworkAccessManager) and GDAL: routed through a local proxy that records and
  refuses every request;
- the print service: CUPS (which Qt asks for printers whenever a QPrinter is made, e.g. by
  QGIS's own PDF export) is pointed at another recording server, as a laptop with a remote
  print server configured would be.
Every trap is shown to work first, so an empty record means nothing tried, not a blind trap.
Then the same pipeline runs in a process of its own under strace: any connect() to an IPv4 or
IPv6 address, to any host and port, fails the test.
"""
import ctypes
import ctypes.util
import os
import re
import shutil
import socket
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from coordmap.tests import helpers

pytestmark = pytest.mark.qgis

STAGES_AFTER_JOIN = ("coordmap:gaps_overlaps", "coordmap:export_maps")


@pytest.fixture
def refusing_proxy():
    with helpers.refusing_proxy() as server:
        yield server


@pytest.fixture
def python_sockets_blocked(monkeypatch):
    """Every outgoing Python connection or name look-up raises; the attempts are returned."""
    attempts = []

    def refuse(what):
        def blocked(*args, **kwargs):
            attempts.append((what, args[1:] if what.startswith("socket.") else args))
            raise OSError(f"network blocked by the test ({what})")
        return blocked

    monkeypatch.setattr(socket.socket, "connect", refuse("socket.connect"))
    monkeypatch.setattr(socket.socket, "connect_ex", refuse("socket.connect_ex"))
    monkeypatch.setattr(socket, "getaddrinfo", refuse("getaddrinfo"))
    monkeypatch.setattr(socket, "create_connection", refuse("create_connection"))
    return attempts


@pytest.fixture
def qt_and_gdal_through(refusing_proxy, qgis_app):
    """QGIS's network manager (as the proxy settings of the test profile tell it) and GDAL's
    HTTP go through the refusing proxy; the settings are put back afterwards."""
    from osgeo import gdal
    from qgis.core import QgsNetworkAccessManager, QgsSettings

    host, port = refusing_proxy.server_address
    wanted = {"proxyEnabled": True, "proxyType": "HttpProxy", "proxyHost": host,
              "proxyPort": str(port), "proxyExcludedUrls": "", "noProxyUrls": ""}
    settings = QgsSettings()
    previous = {key: settings.value(f"proxy/{key}") for key in wanted}
    previous_gdal = gdal.GetConfigOption("GDAL_HTTP_PROXY")
    for key, value in wanted.items():
        settings.setValue(f"proxy/{key}", value)
    QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
    gdal.SetConfigOption("GDAL_HTTP_PROXY", f"{host}:{port}")
    try:
        yield refusing_proxy.requests
    finally:
        for key, value in previous.items():
            if value is None:
                settings.remove(f"proxy/{key}")
            else:
                settings.setValue(f"proxy/{key}", value)
        QgsNetworkAccessManager.instance().setupDefaultProxyAndCache()
        gdal.SetConfigOption("GDAL_HTTP_PROXY", previous_gdal)


@pytest.fixture
def print_service(qgis_app, tmp_path):
    """CUPS pointed at a recording server: the environment for new threads, and cupsSetServer
    for this one (libcups keeps the server it first found per thread)."""
    library = ctypes.util.find_library("cups")
    if library is None:
        pytest.skip("no CUPS library: nothing can ask a print service for printers here")
    cups = ctypes.CDLL(library)
    with helpers.connection_recorder(tmp_path / "print_service.log") as recorder:
        address = f"127.0.0.1:{recorder.port}"
        previous = os.environ.get("CUPS_SERVER")
        os.environ["CUPS_SERVER"] = address
        cups.cupsSetServer(ctypes.c_char_p(address.encode()))
        try:
            yield recorder
        finally:
            cups.cupsSetServer(None)
            if previous is None:
                os.environ.pop("CUPS_SERVER", None)
            else:
                os.environ["CUPS_SERVER"] = previous


def prove_the_print_trap_works(recorder):
    """A QPrinter asks CUPS for its printers: the recording server must hear of it. Returns
    the number of connections it has seen, once they stopped coming."""
    from qgis.PyQt.QtPrintSupport import QPrinter

    QPrinter()
    deadline = time.monotonic() + 5
    while not recorder.count() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert recorder.count(), "the print-service trap records what asks for printers"
    seen = -1
    while seen != recorder.count():  # the look-up makes several: wait for the last one
        seen = recorder.count()
        time.sleep(0.5)
    return seen


def prove_the_traps_work(python_attempts, proxy_requests):
    from qgis.core import QgsBlockingNetworkRequest
    from qgis.PyQt.QtCore import QUrl
    from qgis.PyQt.QtNetwork import QNetworkRequest

    with pytest.raises(OSError):
        socket.create_connection(("example.org", 80), timeout=1)
    assert python_attempts, "the Python trap records attempts"
    QgsBlockingNetworkRequest().get(QNetworkRequest(QUrl("http://example.org/trap-check")))
    assert any("trap-check" in line for line in proxy_requests), proxy_requests
    python_attempts.clear()
    proxy_requests.clear()


def registered(algorithm_id):
    from qgis.core import QgsApplication

    return QgsApplication.processingRegistry().algorithmById(algorithm_id) is not None


@pytest.mark.timeout(600)
def test_pipeline_runs_with_the_network_blocked(run_algorithm, output_dir, sample_dir,
                                                qt_and_gdal_through, python_sockets_blocked,
                                                print_service):
    proxy_requests, python_attempts = qt_and_gdal_through, python_sockets_blocked
    print_lookups = prove_the_print_trap_works(print_service)
    prove_the_traps_work(python_attempts, proxy_requests)

    join = run_algorithm("coordmap:join_4w", {
        "INPUT": str(sample_dir / "xy_4w_2025.xlsx"),
        "ADMIN": str(sample_dir / "xy_adm2.geojson"), "PERIOD": 1,
        "OUTPUT": str(output_dir / "presence.gpkg"), "OUTPUT_ROWS": str(output_dir / "rows.gpkg"),
        "OUTPUT_REPORT": str(output_dir / "qa.xlsx"),
        "OUTPUT_CROSSWALK": str(output_dir / "crosswalk.csv")})
    assert (output_dir / "presence.gpkg").is_file() and (output_dir / "qa.xlsx").is_file()
    ran = ["coordmap:join_4w"]

    gaps = None
    if registered("coordmap:gaps_overlaps"):
        gaps = run_algorithm("coordmap:gaps_overlaps", {
            "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
            "NEEDS": str(sample_dir / "xy_needs.csv"),
            "OUTPUT_GAPS": str(output_dir / "gaps.gpkg"),
            "OUTPUT_OVERLAPS": str(output_dir / "overlaps.csv"),
            "OUTPUT_OVERLAP_UNITS": str(output_dir / "overlap_units.gpkg"),
            "OUTPUT_CHANGES": str(output_dir / "changes.csv")})
        ran.append("coordmap:gaps_overlaps")
    if registered("coordmap:export_maps"):
        cluster, period = first_cluster_and_period(join["OUTPUT"])
        # PNG, one PDF per map (with the partner table) and the whole pack as one PDF
        for name, extra in (("png", {"FORMAT": 1}), ("pdf", {"PARTNER_TABLE": True}),
                            ("pack", {"SINGLE_PDF": True})):
            params = {"PRESENCE": join["OUTPUT"], "CLUSTERS": cluster, "PERIODS": period,
                      "OUTPUT_FOLDER": str(output_dir / f"maps_{name}"), **extra}
            if gaps is not None:
                params.update(GAPS=gaps["OUTPUT_GAPS"], OVERLAPS=gaps["OUTPUT_OVERLAP_UNITS"])
            result = run_algorithm("coordmap:export_maps", params)
            assert result["OUTPUT_FILES"], "the export wrote maps"
        ran.append("coordmap:export_maps")

    print("stages run offline:", ", ".join(ran))
    time.sleep(0.5)  # (a connection being made would have reached a trap by now)
    assert python_attempts == [], python_attempts
    assert proxy_requests == [], proxy_requests
    assert print_service.count() == print_lookups, "the export asked for printers"


PIPELINE = textwrap.dedent("""
    import os, sys
    sys.path.append("/usr/share/qgis/python/plugins")
    from qgis.core import QgsApplication
    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing
    Processing.initialize()
    import qgis.utils
    from qgis import processing
    plugins, sample, out = sys.argv[1:4]
    qgis.utils.plugin_paths.insert(0, plugins)
    sys.path.insert(0, plugins)
    assert qgis.utils.loadPlugin("coordmap") and qgis.utils.startProcessingPlugin("coordmap")
    join = processing.run("coordmap:join_4w", {
        "INPUT": f"{sample}/xy_4w_2025.xlsx", "ADMIN": f"{sample}/xy_adm2.geojson",
        "PERIOD": 1, "OUTPUT": f"{out}/presence.gpkg", "OUTPUT_ROWS": f"{out}/rows.gpkg",
        "OUTPUT_REPORT": f"{out}/qa.xlsx"})
    gaps = processing.run("coordmap:gaps_overlaps", {
        "PRESENCE": join["OUTPUT"], "ROWS": join["OUTPUT_ROWS"],
        "NEEDS": f"{sample}/xy_needs.csv", "OUTPUT_GAPS": f"{out}/gaps.gpkg",
        "OUTPUT_OVERLAPS": f"{out}/overlaps.csv", "OUTPUT_OVERLAP_UNITS": f"{out}/units.gpkg",
        "OUTPUT_CHANGES": f"{out}/changes.csv"})
    for name, extra in (("pdf", {"PARTNER_TABLE": True}), ("pack", {"SINGLE_PDF": True}),
                        ("png", {"FORMAT": 1})):
        processing.run("coordmap:export_maps", {
            "PRESENCE": join["OUTPUT"], "GAPS": gaps["OUTPUT_GAPS"],
            "OVERLAPS": gaps["OUTPUT_OVERLAP_UNITS"], "CLUSTERS": "WSH,PRO-GBV",
            "PERIODS": "2025-03", "OUTPUT_FOLDER": f"{out}/maps_{name}", **extra})
    print("PIPELINE DONE")
""")
PLUGINS_DIR = Path(__file__).resolve().parents[2] / "build" / "plugins"
INTERNET_CONNECT = re.compile(r"connect\(\d+, \{sa_family=AF_INET6?,.*")


def strace_works():
    if shutil.which("strace") is None:
        return False
    probe = subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "true"],
                           capture_output=True)
    return probe.returncode == 0


@pytest.mark.timeout(600)
def test_the_pipeline_connects_to_no_address_at_all(coordmap_plugin, sample_dir, tmp_path):
    """The pipeline in its own process under strace: no connect() to any IPv4 or IPv6 address
    (a print service on 127.0.0.1:631 included), whatever library would make it."""
    if not strace_works():
        pytest.skip("strace cannot trace processes here (Debian: apt-get install strace, "
                    "which make setup does)")
    script, trace, out = tmp_path / "pipeline.py", tmp_path / "trace.txt", tmp_path / "out"
    script.write_text(PIPELINE, encoding="utf-8")
    out.mkdir()
    # the check of the check: a QPrinter's look-up of the print service is seen
    probe = tmp_path / "probe.txt"
    subprocess.run(["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(probe),
                    sys.executable, "-c", "from qgis.PyQt.QtWidgets import QApplication;"
                    "from qgis.PyQt.QtPrintSupport import QPrinter;"
                    "app = QApplication([]); QPrinter()"], check=True, capture_output=True,
                   env=dict(os.environ, CUPS_SERVER="127.0.0.1:9"))
    assert INTERNET_CONNECT.search(probe.read_text()), "strace sees a print-service look-up"
    result = subprocess.run(
        ["strace", "-f", "-qq", "-e", "trace=connect", "-o", str(trace), sys.executable,
         str(script), str(PLUGINS_DIR), str(sample_dir), str(out)],
        capture_output=True, text=True, timeout=540, env=dict(os.environ))
    assert "PIPELINE DONE" in result.stdout, result.stderr[-3000:]
    connections = INTERNET_CONNECT.findall(trace.read_text())
    assert connections == [], connections


def first_cluster_and_period(presence_path):
    first = helpers.features(presence_path)[0]
    return first["cluster"], first["period"]
