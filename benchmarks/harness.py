"""Ratio benchmarks: a tiny registry and runner (not pytest tests).

A ``Benchmark`` has a name, ``setup(scale) -> data`` (not timed) and candidates
``{label: callable(data)}``, one of which is the baseline. For every scale the runner reports,
per candidate: the best wall time of N repeats (``time.perf_counter``; the repeats run in
rounds, each calling every candidate once, each round starting one candidate further on), the
ratio to the baseline measured in the same run (so machines of different speed give comparable
numbers), the peak of Python allocations during one call (``tracemalloc``) and, where ``fork``
exists, the growth of the peak resident set size during one call in a forked child
(``resource.getrusage``: it also sees numpy/pandas buffers allocated in C that tracemalloc may
miss).

Benchmarks register themselves with ``register()``; ``discover()`` imports every
``benchmarks/bench_*.py`` module, so later issues add a file rather than editing this one.
"""
from __future__ import annotations

import atexit
import functools
import gc
import importlib
import io
import multiprocessing
import os
import platform
import shutil
import sys
import tempfile
import time
import tracemalloc
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Dict, List, Optional, Sequence

try:
    import resource
except ImportError:  # Windows
    resource = None

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
MB = 1024 * 1024
SETTLE_BYTES = 64 * MB  # the block _settle_allocator makes before each timed call
QGIS_PYTHON_PLUGINS = "/usr/share/qgis/python/plugins"  # QGIS's own `processing` package


@dataclass
class Benchmark:
    name: str
    setup: Callable[[int], Any]
    candidates: Dict[str, Callable[[Any], Any]]
    baseline: str
    description: str = ""
    default_scales: Sequence[int] = (10_000, 100_000)

    def __post_init__(self):
        if self.baseline not in self.candidates:
            raise ValueError(f"{self.name}: baseline {self.baseline!r} is not a candidate")


@dataclass
class Result:
    benchmark: str
    scale: int
    candidate: str
    baseline: str
    best_s: float
    times_s: List[float]
    ratio: float = float("nan")
    round_ratio: float = float("nan")  # median over rounds of this time / the baseline's
    py_peak_mb: Optional[float] = None
    rss_delta_mb: Optional[float] = None
    error: Optional[str] = None
    extra: Dict[str, Any] = field(default_factory=dict)


REGISTRY: Dict[str, Benchmark] = {}


def register(bench: Benchmark) -> Benchmark:
    if bench.name in REGISTRY and REGISTRY[bench.name] is not bench:
        raise ValueError(f"benchmark {bench.name!r} registered twice")
    REGISTRY[bench.name] = bench
    return bench


def discover() -> Dict[str, Benchmark]:
    """Import ``bench_*.py`` next to this file (they call ``register``); returns the registry."""
    for path in sorted(HERE.glob("bench_*.py")):
        importlib.import_module(f"{__package__}.{path.stem}")
    return REGISTRY


def load_tool(name: str):
    """``tools/<name>.py``: tools/ has no ``__init__.py`` but, the checkout being importable as
    ``coordmap``, it imports as the namespace package ``coordmap.tools`` (as in the tests)."""
    return importlib.import_module(f"coordmap.tools.{name}")


@functools.lru_cache(maxsize=1)
def qgis_app():
    """Headless QGIS with Processing, started once per process: the benchmarks needing QGIS
    share it (a second QgsApplication in one process would crash)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    profile = tempfile.mkdtemp(prefix="coordmap-bench-qgis-profile-")
    atexit.register(shutil.rmtree, profile, True)
    os.environ.setdefault("QGIS_CUSTOM_CONFIG_PATH", profile)
    if QGIS_PYTHON_PLUGINS not in sys.path:
        sys.path.append(QGIS_PYTHON_PLUGINS)
    from qgis.core import QgsApplication

    app = QgsApplication([], False)
    app.initQgis()
    from processing.core.Processing import Processing

    Processing.initialize()
    return app


def qgis_with_coordmap():
    """``qgis_app()`` with this checkout's plugin loaded and its algorithms registered."""
    qgis_app()
    import qgis.utils

    plugins = str(ROOT / "build" / "plugins")
    if plugins not in qgis.utils.plugin_paths:
        qgis.utils.plugin_paths.insert(0, plugins)
    if not (qgis.utils.loadPlugin("coordmap") and qgis.utils.startProcessingPlugin("coordmap")):
        raise RuntimeError("CoordMap could not be loaded")


# --------------------------------------------------------------------------------------------
# measuring
# --------------------------------------------------------------------------------------------
def _time_rounds(candidates: Dict[str, Callable[[Any], Any]], data: Any, repeat: int
                 ) -> Dict[str, Any]:
    """Wall times of ``repeat`` rounds, each calling every candidate once: a machine whose
    speed drifts from minute to minute (a shared VM) slows all candidates of a round alike,
    where timing one candidate's repeats after the other's favours whichever ran in the faster
    minute. Each round starts one candidate further on, so no candidate always runs right after
    the same one (a heavy one leaves the caches cold). Before each call, the previous call's
    garbage is collected and the allocator settled (``_settle_allocator``), outside the clock.
    Per label: the list of times, or the exception it raised (then it is not called again)."""
    labels = list(candidates)
    outcome: Dict[str, Any] = {label: [] for label in labels}
    for round_number in range(max(1, repeat)):
        start = round_number % len(labels)
        for label in labels[start:] + labels[:start]:
            if not isinstance(outcome[label], list):
                continue
            gc.collect()
            _settle_allocator()
            try:
                t0 = time.perf_counter()
                candidates[label](data)
                outcome[label].append(time.perf_counter() - t0)
            except Exception as exc:  # keep going: one broken candidate must not hide the rest
                outcome[label] = exc
    return outcome


def _settle_allocator() -> None:
    """Make and drop one large block. After the native QGIS chain (which frees millions of
    small blocks), the next large request took 0.15-0.27 s (the C allocator tidying them up, it
    seems): paid here, untimed, not by whichever candidate comes next."""
    block = bytearray(SETTLE_BYTES)
    del block


def median_ratio(times: Sequence[float], base_times: Sequence[float]) -> float:
    """The median, over the rounds both ran, of time / the baseline's time in that round: a
    ratio of two calls made seconds apart, where best against best may pair a lucky call of
    one with an ordinary call of the other."""
    ratios = sorted(t / b for t, b in zip(times, base_times) if b > 0)
    if not ratios:
        return float("nan")
    middle = len(ratios) // 2
    return ratios[middle] if len(ratios) % 2 else (ratios[middle - 1] + ratios[middle]) / 2


def _tracemalloc_peak(fn: Callable[[Any], Any], data: Any) -> float:
    gc.collect()
    tracemalloc.start()
    try:
        tracemalloc.reset_peak()
        fn(data)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return peak / MB


def _maxrss_mb() -> float:
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return rss / MB if sys.platform == "darwin" else rss / 1024  # bytes on macOS, KiB on Linux


def _rss_child(conn, bench: Benchmark, scale: int, label: str) -> None:  # pragma: no cover
    try:
        data = bench.setup(scale)
        gc.collect()
        before = _maxrss_mb()
        bench.candidates[label](data)
        conn.send(_maxrss_mb() - before)
    except BaseException as exc:  # report, never hang the parent
        conn.send(f"{type(exc).__name__}: {exc}")
    finally:
        conn.close()


def _rss_delta(bench: Benchmark, scale: int, label: str, timeout: float = 1800) -> Optional[float]:
    """Peak-RSS growth of one call in a forked child (setup runs in the child, not measured).

    ru_maxrss is a high-water mark: if setup peaked higher than the call, the delta reads 0.
    Returns None where fork or resource is unavailable.
    """
    if resource is None or "fork" not in multiprocessing.get_all_start_methods():
        return None
    ctx = multiprocessing.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rss_child, args=(child, bench, scale, label))
    proc.start()
    child.close()
    value = parent.recv() if parent.poll(timeout) else None
    proc.join(5)
    if proc.is_alive():
        proc.kill()
        proc.join()
    return value if isinstance(value, float) else None


def run_benchmark(bench: Benchmark, scales: Sequence[int], repeat: int = 3,
                  memory: bool = True, rss: bool = True,
                  log: Callable[[str], None] = lambda s: None) -> List[Result]:
    results: List[Result] = []
    for scale in scales:
        log(f"{bench.name} @ {scale:,}: setup")
        data = bench.setup(scale)
        by_label: Dict[str, Result] = {}
        # baseline first, then the others in registration order
        labels = [bench.baseline] + [k for k in bench.candidates if k != bench.baseline]
        log(f"{bench.name} @ {scale:,}: {repeat} rounds of {', '.join(labels)}")
        timed = _time_rounds({label: bench.candidates[label] for label in labels}, data, repeat)
        for label in labels:
            fn, times = bench.candidates[label], timed[label]
            if not isinstance(times, list):
                by_label[label] = Result(bench.name, scale, label, bench.baseline, float("nan"),
                                         [], error=f"{type(times).__name__}: {times}")
                continue
            if memory or rss:
                log(f"{bench.name} @ {scale:,}: {label}: memory")
            res = Result(bench.name, scale, label, bench.baseline, min(times), times)
            try:
                if memory:
                    res.py_peak_mb = _tracemalloc_peak(fn, data)
                if rss:
                    res.rss_delta_mb = _rss_delta(bench, scale, label)
            except Exception as exc:
                res = Result(bench.name, scale, label, bench.baseline, float("nan"), [],
                             error=f"{type(exc).__name__}: {exc}")
            by_label[label] = res
        base = by_label[bench.baseline]
        for label in bench.candidates:  # report in registration order
            res = by_label[label]
            res.ratio = res.best_s / base.best_s if base.best_s and base.best_s == base.best_s \
                else float("nan")
            res.round_ratio = median_ratio(res.times_s, base.times_s)
            results.append(res)
        del data
        gc.collect()
    return results


def environment() -> Dict[str, Any]:
    info = {"python": platform.python_version(), "platform": platform.platform(),
            "machine": platform.machine(), "cpus": os.cpu_count()}
    for mod in ("numpy", "pandas", "shapely", "openpyxl"):
        try:
            info[mod] = importlib.import_module(mod).__version__
        except Exception:  # optional package
            info[mod] = None
    return info


def format_table(results: Sequence[Result]) -> str:
    def mb(v: Optional[float]) -> str:
        return "-" if v is None else f"{v:,.1f}"

    header = ["benchmark", "scale", "candidate", "best s", "x baseline", "x base (rounds)",
              "py peak MB", "rss +MB"]
    rows = []
    for r in results:
        name = f"{r.candidate} (baseline)" if r.candidate == r.baseline else r.candidate
        if r.error:
            rows.append([r.benchmark, f"{r.scale:,}", name, "error", r.error[:60], "", "", ""])
            continue
        rows.append([r.benchmark, f"{r.scale:,}", name, f"{r.best_s:.4f}", f"{r.ratio:.2f}",
                     f"{r.round_ratio:.2f}", mb(r.py_peak_mb), mb(r.rss_delta_mb)])
    widths = [max(len(str(x)) for x in col) for col in zip(header, *rows)]
    out = io.StringIO()
    for i, row in enumerate([header] + rows):
        cells = [str(c).ljust(w) if j < 3 else str(c).rjust(w)
                 for j, (c, w) in enumerate(zip(row, widths))]
        out.write("  ".join(cells).rstrip() + "\n")
        if i == 0:
            out.write("  ".join("-" * w for w in widths) + "\n")
    return out.getvalue()


# --------------------------------------------------------------------------------------------
# built-in benchmark: the sample generator (proves the harness; join/gaps come in bench_*.py)
# --------------------------------------------------------------------------------------------
@functools.lru_cache(maxsize=1)
def _country():
    return load_tool("sample_country").make_country()


def _setup_generate_4w(scale: int):
    sc = load_tool("sample_country")
    country = _country()
    return {"sc": sc, "country": country, "n": scale,
            "frame": sc.make_4w(country, scale, seed=7)}


def _make_4w(d):
    return d["sc"].make_4w(d["country"], d["n"], seed=7)


def _to_csv(d):
    return d["frame"].to_csv(io.StringIO(), index=False)


register(Benchmark(
    name="generate_4w",
    description="tools/sample_country.make_4w (messy, vectorised) vs writing the same frame "
                "to CSV in memory",
    setup=_setup_generate_4w,
    candidates={"to_csv": _to_csv, "make_4w": _make_4w},
    baseline="to_csv",
))
