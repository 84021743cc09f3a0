"""Helpers shared by test modules: ``from coordmap.tests.helpers import ...``.

tests/conftest.py makes the checkout importable as the package ``coordmap``, so its folders
without ``__init__.py`` (tests/, tools/) import as namespace packages: tests import
``coordmap.tools.sample_country`` or ``coordmap.tests.corpus.cases`` directly, no file loader.
"""
import contextlib
import socketserver
import subprocess
import sys
import threading

CSV_PATHS = ("fast", "plain")  # how CSV files are read: pandas' C parser, or the csv module


@contextlib.contextmanager
def csv_path(name: str):
    """CSV files read by the fast path (``table.fast_csv``) or by the plain one (the csv
    module, its reference) within the block: tests run both alike."""
    from coordmap.processing.analysis.table import fast_csv

    enabled = fast_csv.ENABLED
    fast_csv.ENABLED = name == "fast"
    try:
        yield
    finally:
        fast_csv.ENABLED = enabled


def run_join(run_algorithm, folder, table, admin, **extra):
    """coordmap:join_4w of ``table`` on ``admin``, writing presence.gpkg, rows.gpkg and
    qa_report.xlsx into ``folder``; ``extra`` adds or overrides parameters."""
    return run_algorithm("coordmap:join_4w", {
        "INPUT": str(table), "ADMIN": str(admin),
        "OUTPUT": str(folder / "presence.gpkg"),
        "OUTPUT_ROWS": str(folder / "rows.gpkg"),
        "OUTPUT_REPORT": str(folder / "qa_report.xlsx"),
        **extra})


def output_layer(path):
    """A fresh OGR layer (no subset string) of a written vector output; it must be valid."""
    from qgis.core import QgsVectorLayer

    layer = QgsVectorLayer(str(path), "out", "ogr")
    assert layer.isValid(), path
    return layer


def features(path):
    """Every feature of a written vector output as {field: plain value} (NULL -> None)."""
    from coordmap.processing.algorithms.qgis_io import plain_value

    layer = output_layer(path)
    names = layer.fields().names()
    return [dict(zip(names, map(plain_value, f.attributes()))) for f in layer.getFeatures()]


ROWS_NOTICE = "For the IM officer, not for publication"


def data_rows(path):
    """The features of a rows output after its first one, which must be the notice that the
    layer is not for publication (status 'notice'); a CSV's HXL row, read as a feature, before
    it is left out."""
    rows = features(path)
    if rows and rows[0]["status"] == "#meta+status":
        rows = rows[1:]
    assert rows and rows[0]["status"] == "notice", rows[:1]
    assert str(rows[0]["reason"]).startswith(ROWS_NOTICE), rows[0]
    assert not any(row["status"] == "notice" for row in rows[1:])
    return rows[1:]


def finished_translations(language):
    """{(context, source): translation} of the finished entries of i18n/coordmap_<language>.ts."""
    from coordmap.tools import i18n

    return {(context, source): text
            for context, source, text, kind in i18n.messages(i18n.ts_path(language)) if not kind}


class _RefusingProxy(socketserver.ThreadingTCPServer):
    """A local HTTP proxy that records each request line and refuses it (403)."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self):
        self.requests = []
        super().__init__(("127.0.0.1", 0), _RefusingProxyHandler)


class _RefusingProxyHandler(socketserver.StreamRequestHandler):
    timeout = 5

    def handle(self):
        try:
            line = self.rfile.readline(4096).decode("latin-1").strip()
        except OSError:
            line = "(unreadable request)"
        self.server.requests.append(line or "(empty request)")
        with contextlib.suppress(OSError):
            self.wfile.write(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n"
                             b"Connection: close\r\n\r\n")


_RECORDER = """
import socket, sys
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(64)
print(server.getsockname()[1], flush=True)
while True:
    connection, address = server.accept()
    with open(sys.argv[1], "a") as log:
        log.write(f"{address}\\n")
    connection.close()
"""


class ConnectionRecorder:
    """A local server in a process of its own (so it answers even while this process waits in
    C code that holds the GIL) that notes each connection and closes it at once."""

    def __init__(self, log):
        self.log = log
        self.process = subprocess.Popen([sys.executable, "-c", _RECORDER, str(log)],
                                        stdout=subprocess.PIPE, text=True)
        self.port = int(self.process.stdout.readline())

    def count(self):
        return len(self.log.read_text().splitlines()) if self.log.exists() else 0

    def close(self):
        self.process.terminate()
        self.process.wait(10)
        self.process.stdout.close()


@contextlib.contextmanager
def connection_recorder(log):
    recorder = ConnectionRecorder(log)
    try:
        yield recorder
    finally:
        recorder.close()


@contextlib.contextmanager
def refusing_proxy():
    """A running refusing proxy; ``server_address`` and ``requests`` (each request line)."""
    server = _RefusingProxy()
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield server
    finally:
        server.shutdown()
        server.server_close()


def cells(column):
    """A column's values, a missing cell as None: pandas 3 keeps text as its str dtype, whose
    missing value is NaN where pandas 2's object columns kept None."""
    return [None if value is None or value != value else value for value in column.tolist()]
