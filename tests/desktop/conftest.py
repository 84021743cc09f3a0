"""Desktop tier: the real QGIS desktop under Xvfb, CoordMap installed from the built zip.

One QGIS start per session (a few seconds): ``qgis_desktop`` makes a fresh profile from the
zip, starts Xvfb on a free display, runs ``qgis --code startup_check.py`` (which also runs as
PYQGIS_STARTUP to record the message log, network requests and unexpected dialogs), and
returns what happened. The tests assert on the findings JSON and the screenshot; every
assertion message ends with the tail of QGIS's output and message log.

Output folder: $COORDMAP_TEST_OUTPUT/desktop (``make test``), else a pytest tmp folder:
    qgis_coordmap_dock.png   the main window with the CoordMap dock open
    startup_findings.json    what startup_check.py found
    qgis_output.log          QGIS's stdout and stderr
    qgis_messages.log        the QGIS message log (all tags), from Python start-up on
"""
import json
import os
import select
import shutil
import signal
import subprocess
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

import pytest

from coordmap.tests.helpers import refusing_proxy

ROOT = Path(__file__).resolve().parents[2]
STARTUP_CHECK = Path(__file__).resolve().parent / "startup_check.py"
SCREEN = (1600, 1000)
QGIS_TIMEOUT = 180  # seconds for the whole QGIS run (start, check, quit)
QGIS_DEADLINE = 120  # seconds startup_check.py allows itself before writing and quitting
OUTPUT_FILES = ("qgis_coordmap_dock.png", "startup_findings.json", "qgis_output.log",
                "qgis_messages.log", "xvfb.log")



def _tail(path: Path, lines: int, head: int = 0) -> str:
    """The last lines of a log (and its first ones: a crash's cause is often at the top)."""
    try:
        all_lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return f"({path.name}: not written)"
    if not all_lines:
        return f"({path.name}: empty)"
    if len(all_lines) <= head + lines:
        return "\n".join(all_lines)
    return "\n".join(all_lines[:head] + ["[...]"] + all_lines[-lines:])


@dataclass
class DesktopRun:
    output_dir: Path
    profile_dir: Path
    command: list
    run_id: str
    returncode: Optional[int] = None
    timed_out: bool = False
    seconds: float = 0.0
    findings: Optional[dict] = None
    findings_error: str = ""
    proxy_requests: list = field(default_factory=list)

    @property
    def screenshot(self) -> Path:
        return self.output_dir / "qgis_coordmap_dock.png"

    def context(self, lines: int = 40) -> str:
        """What to read when an assertion fails."""
        return (
            f"\n--- QGIS run: returncode={self.returncode} timed_out={self.timed_out} "
            f"seconds={self.seconds:.1f} output={self.output_dir}\n"
            f"--- command: {' '.join(self.command)}\n"
            f"--- findings: {self.findings_error or 'read'}\n"
            f"--- qgis_output.log:\n{_tail(self.output_dir / 'qgis_output.log', lines, 10)}\n"
            f"--- tail of qgis_messages.log:\n"
            f"{_tail(self.output_dir / 'qgis_messages.log', lines)}\n"
        )

    def require_findings(self) -> dict:
        """The findings of THIS run, or a failure that says why there are none."""
        assert self.findings is not None, "QGIS wrote no findings." + self.context()
        assert self.findings.get("run_id") == self.run_id, \
            "Findings are not from this run." + self.context()
        return self.findings


@pytest.fixture(scope="session")
def desktop_output(tmp_path_factory) -> Path:
    base = os.environ.get("COORDMAP_TEST_OUTPUT")
    folder = Path(base) / "desktop" if base else tmp_path_factory.mktemp("desktop")
    folder.mkdir(parents=True, exist_ok=True)
    for name in OUTPUT_FILES:  # a stale file must never make a test pass
        (folder / name).unlink(missing_ok=True)
    return folder


@pytest.fixture(scope="session")
def xvfb_display(desktop_output):
    """A private X server on a free display (Xvfb picks it: -displayfd), for this session."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        pytest.skip("Xvfb is not installed (make system-packages installs xvfb)")
    read_fd, write_fd = os.pipe()
    width, height = SCREEN
    log_path = desktop_output / "xvfb.log"
    with open(log_path, "wb") as log:  # a file, not a pipe nobody reads: Xvfb never blocks
        process = subprocess.Popen(
            [xvfb, "-displayfd", str(write_fd), "-screen", "0", f"{width}x{height}x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdin=subprocess.DEVNULL, stdout=log, stderr=log,
            start_new_session=True)
    os.close(write_fd)
    # Xvfb writes the number, then "\n", in two writes: read up to the newline before
    # closing, or its second write fails (EPIPE) and Xvfb quits ("Cannot write display
    # number to fd").
    received = b""
    deadline = time.monotonic() + 30
    try:
        while not received.endswith(b"\n") and time.monotonic() < deadline:
            ready, _, _ = select.select([read_fd], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(read_fd, 32) if ready else b""
            if not chunk:
                break
            received += chunk
    finally:
        os.close(read_fd)
    number = received.decode().strip()
    if not received.endswith(b"\n") or not number.isdigit() \
            or not Path(f"/tmp/.X11-unix/X{number}").exists() or process.poll() is not None:
        process.kill()
        process.wait(timeout=10)
        pytest.fail(f"Xvfb did not start (display {number!r}):\n{_tail(log_path, 30)}")
    try:
        yield f":{number}"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


@pytest.fixture(scope="session")
def offline_proxy():
    """(host, port, requests): where QGIS, GDAL and Python send HTTP(S) during the run."""
    with refusing_proxy() as server:
        yield server.server_address[0], server.server_address[1], server.requests


@pytest.fixture(scope="session")
def qgis_desktop(coordmap_zip, qgis_profile_tool, desktop_output, xvfb_display, offline_proxy,
                 tmp_path_factory) -> DesktopRun:
    qgis = shutil.which("qgis")
    if qgis is None:
        pytest.skip("the QGIS desktop (qgis) is not installed")
    tool = qgis_profile_tool
    base = tmp_path_factory.mktemp("qgis-desktop-profiles")
    # English whatever the machine's locale: the screenshot goes into the README.
    host, port, proxy_requests = offline_proxy
    profile_dir = tool.make_profile(base, coordmap_zip, profile="default", locale="en_US",
                                    proxy=(host, port))
    proxy_url = f"http://{host}:{port}"
    run = DesktopRun(
        output_dir=desktop_output, profile_dir=profile_dir, run_id=uuid.uuid4().hex,
        command=[qgis, "--profiles-path", str(base), "--profile", "default", "--nologo",
                 "--noversioncheck", "--code", str(STARTUP_CHECK)])
    env = tool.qgis_env(
        base,
        DISPLAY=xvfb_display,
        QT_QPA_PLATFORM="xcb",  # make test exports offscreen for the headless tiers
        PYQGIS_STARTUP=STARTUP_CHECK,
        COORDMAP_DESKTOP_OUT=desktop_output,
        COORDMAP_DESKTOP_RUN_ID=run.run_id,
        COORDMAP_DESKTOP_SCREENSHOT=run.screenshot,
        COORDMAP_DESKTOP_DEADLINE=QGIS_DEADLINE,
        # GDAL (curl) and Python's urllib read these; QGIS's own requests use the profile's.
        http_proxy=proxy_url, https_proxy=proxy_url, HTTP_PROXY=proxy_url,
        HTTPS_PROXY=proxy_url, no_proxy="", NO_PROXY="",
    )
    started = time.monotonic()
    with open(desktop_output / "qgis_output.log", "wb") as log:
        process = subprocess.Popen(run.command, env=env, cwd=base, stdin=subprocess.DEVNULL,
                                   stdout=log, stderr=subprocess.STDOUT,
                                   start_new_session=True)
        try:
            run.returncode = process.wait(timeout=QGIS_TIMEOUT)
        except subprocess.TimeoutExpired:
            run.timed_out = True
            os.killpg(process.pid, signal.SIGKILL)  # QGIS and anything it started
            run.returncode = process.wait(timeout=30)
    run.seconds = time.monotonic() - started
    run.proxy_requests = list(proxy_requests)
    findings_path = desktop_output / "startup_findings.json"
    try:
        run.findings = json.loads(findings_path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        run.findings_error = f"{findings_path} was not written"
    except ValueError as error:
        run.findings_error = f"{findings_path} is not JSON: {error}"
    return run
