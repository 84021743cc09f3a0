"""No network: the whole pipeline (join, then gaps/overlaps and the map export where they are
registered) runs with every way out blocked and watched.

- Python: socket connect/connect_ex, getaddrinfo and create_connection raise and are recorded;
- Qt/QGIS (QgsNetworkAccessManager) and GDAL: routed through a local proxy that records and
  refuses every request.
Both traps are shown to work first, so an empty record means nothing tried, not a blind trap.
"""
import socket

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
                                                qt_and_gdal_through, python_sockets_blocked):
    proxy_requests, python_attempts = qt_and_gdal_through, python_sockets_blocked
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
        params = {"PRESENCE": join["OUTPUT"], "CLUSTERS": cluster, "PERIODS": period,
                  "FORMAT": 1, "OUTPUT_FOLDER": str(output_dir / "maps")}
        if gaps is not None:
            params.update(GAPS=gaps["OUTPUT_GAPS"], OVERLAPS=gaps["OUTPUT_OVERLAP_UNITS"])
        result = run_algorithm("coordmap:export_maps", params)
        assert result["OUTPUT_FILES"], "the export wrote maps"
        ran.append("coordmap:export_maps")

    print("stages run offline:", ", ".join(ran))
    assert python_attempts == [], python_attempts
    assert proxy_requests == [], proxy_requests


def first_cluster_and_period(presence_path):
    first = helpers.features(presence_path)[0]
    return first["cluster"], first["period"]
