"""Run the ratio benchmarks and print a table (optionally write JSON).

    python benchmarks/run.py [--scale 10000,100000] [--only NAME[,NAME]] [--repeat 3]
                             [--json out.json] [--no-memory] [--no-rss] [--list]

The checkout is imported as the package ``coordmap`` through ``build/plugins/coordmap`` (a
symlink, as tests/conftest.py does): the checkout itself never goes on ``sys.path``.
"""
import argparse
import json
import sys
import time
from dataclasses import asdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PLUGINS_DIR = ROOT / "build" / "plugins"


def _link_package():
    if sys.path and Path(sys.path[0]).resolve() == Path(__file__).resolve().parent:
        sys.path.pop(0)  # the script's folder: import its modules as coordmap.benchmarks.*
    PLUGINS_DIR.mkdir(parents=True, exist_ok=True)
    link = PLUGINS_DIR / "coordmap"
    if not link.exists():
        link.symlink_to(ROOT, target_is_directory=True)
    if str(PLUGINS_DIR) not in sys.path:
        sys.path.insert(0, str(PLUGINS_DIR))


def _scales(text):
    return [int(float(s.replace("_", ""))) for s in text.split(",") if s.strip()]


def main(argv=None):
    parser = argparse.ArgumentParser(description="CoordMap ratio benchmarks")
    parser.add_argument("--scale", type=_scales, default=None,
                        help="comma-separated row counts (default: each benchmark's own)")
    parser.add_argument("--only", default=None, help="comma-separated benchmark names")
    parser.add_argument("--repeat", type=int, default=3, help="timed repeats; the best counts")
    parser.add_argument("--json", default=None, help="write results and environment here")
    parser.add_argument("--no-memory", action="store_true", help="skip the tracemalloc pass")
    parser.add_argument("--no-rss", action="store_true", help="skip the forked RSS pass")
    parser.add_argument("--list", action="store_true", help="list benchmarks and exit")
    args = parser.parse_args(argv)

    _link_package()
    from coordmap.benchmarks import harness

    registry = harness.discover()
    if args.list:
        for name, bench in registry.items():
            print(f"{name}: {bench.description} (baseline {bench.baseline})")
        return 0
    names = list(registry) if not args.only else [n.strip() for n in args.only.split(",")]
    unknown = [n for n in names if n not in registry]
    if unknown:
        parser.error(f"unknown benchmark(s) {unknown}; known: {sorted(registry)}")

    def log(msg):
        print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)

    results = []
    for name in names:
        bench = registry[name]
        results += harness.run_benchmark(bench, args.scale or bench.default_scales,
                                         repeat=args.repeat, memory=not args.no_memory,
                                         rss=not args.no_rss, log=log)
    print(harness.format_table(results), end="")
    if args.json:
        payload = {"environment": harness.environment(), "repeat": args.repeat,
                   "results": [asdict(r) for r in results]}
        Path(args.json).write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
        print(f"wrote {args.json}")
    return 1 if any(r.error for r in results) else 0


if __name__ == "__main__":
    raise SystemExit(main())
