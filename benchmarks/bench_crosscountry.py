"""crosscountry: the join on every country's generated 4W tables, scored row by row (a report,
not a timing ratio; see benchmarks/README.md, "crosscountry").

    .venv/bin/python benchmarks/bench_crosscountry.py                      # 156 countries x 3
    .venv/bin/python benchmarks/bench_crosscountry.py --countries COD,MLI --seeds 1 --keep /tmp/cc
    .venv/bin/python benchmarks/bench_crosscountry.py --markdown report.md --json scores.json

For each country of ../shared/data/reference and each seed, tests/crosscountry/generate.py
writes a table, its boundary file and the truth into a temporary folder; the join runs as a new
user would (table and boundary file only, no mapping) and every row is scored
(tests/crosscountry/score.py). The four real tables of ../shared/data/real are scored against
the P-codes their partners wrote. Prints a Markdown report: totals, every country, the worst 15,
the failures by cause, wrong column roles and the real tables. Nothing here is registered with
the ratio harness (run.py): it takes minutes, not seconds.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_SEEDS = "1,2,3"
WORST = 15


def run(countries, seeds, folder: Path, max_rows=None, log=print):
    from coordmap.tests.crosscountry.score import generate_and_score

    scores = []
    for iso3 in countries:
        for seed in seeds:
            started = time.perf_counter()
            _, score = generate_and_score(iso3, seed, folder / f"{iso3}_{seed}", max_rows)
            scores.append(score)
            log(f"{score.name}: {score.rows} rows, precision {score.precision:.4f}, recall "
                f"{score.recall:.4f}, {len(score.wrong)} wrong, {len(score.missed)} missed, "
                f"{len(score.roles_wrong)} roles wrong ({time.perf_counter() - started:.1f} s)")
    return scores


def run_real(folder: Path, log=print):
    from coordmap.tests.crosscountry.real_tables import REAL_TABLES, score_real

    found = []
    for real in REAL_TABLES:
        if (folder / real.table).is_file():
            found.append(score_real(real, folder))
            log(f"{real.name}: done")
    return found


def report(scores, real_scores, seeds) -> str:
    from coordmap.tests.crosscountry.score import (
        by_country,
        failure_causes,
        primary_cause,
        role_errors,
        totals,
    )

    per_country = by_country(scores)
    total = totals(scores)
    lines = [f"## crosscountry: {len(per_country)} countries, seeds {seeds}, "
             f"{int(total['tables'])} tables", "",
             "| | rows | resolvable | placed | precision | recall | wrong | missed | "
             "roles wrong | tables refused |", "|---|---|---|---|---|---|---|---|---|---|",
             _line("total", total), ""]
    rate = (per_country["wrong"] + per_country["missed"]) / per_country["resolvable"].clip(1)
    worst = per_country.assign(rate=rate).sort_values(["rate", "wrong"], ascending=False)
    causes_by_country = {}
    for s in scores:
        for row in s.wrong + s.missed:
            causes_by_country.setdefault(s.iso3, []).append(primary_cause(s, row))
    lines += [f"### The worst {WORST} countries (by wrong + missed rows per resolvable row)", "",
              "| country | rows | resolvable | placed | precision | recall | wrong | missed | "
              "roles wrong | tables refused | main causes |",
              "|---|---|---|---|---|---|---|---|---|---|---|"]
    for iso3, row in worst.head(WORST).iterrows():
        causes = _top(causes_by_country.get(iso3, []))
        lines.append(_line(iso3, row) + f" {causes} |")
    lines += ["", "### Failures by cause (rows)", "", "| cause | wrong | missed |", "|---|---|---|"]
    for cause, row in failure_causes(scores).iterrows():
        lines.append(f"| {cause} | {row['wrong']} | {row['missed']} |")
    lines += ["", "### Column roles (tables)", "", "| role error | tables |", "|---|---|"]
    for error, count in role_errors(scores).items():
        lines.append(f"| {error} | {count} |")
    if real_scores:
        lines += ["", "### Real tables (truth: the partner's own P-codes)", "",
                  "| table | rows | scored | resolvable | placed | precision | recall | wrong | "
                  "missed | join's match rates |", "|---|---|---|---|---|---|---|---|---|---|"]
        for s in real_scores:
            rates = ", ".join(f"{k[len('match rate '):]} {v}" for k, v in s.summary.items()
                              if k.startswith("match rate"))
            lines.append(f"| {s.name} | {s.rows:,} | {s.rows - s.unscored:,} | "
                         f"{s.resolvable:,} | {s.placed:,} | {s.precision:.2%} | "
                         f"{s.recall:.2%} | {len(s.wrong)} | {len(s.missed)} | {rates} |")
    lines += ["", "### Every country", "", "<details><summary>per country</summary>", "",
              "| country | rows | resolvable | placed | precision | recall | wrong | missed | "
              "roles wrong | tables refused |", "|---|---|---|---|---|---|---|---|---|---|"]
    lines += [_line(iso3, row) for iso3, row in per_country.iterrows()]
    lines += ["", "</details>", ""]
    return "\n".join(lines)


def _line(label, row) -> str:
    return (f"| {label} | {int(row['rows']):,} | {int(row['resolvable']):,} | "
            f"{int(row['placed']):,} | {row['precision']:.2%} | {row['recall']:.2%} | "
            f"{int(row['wrong'])} | {int(row['missed'])} | {int(row['roles_wrong'])} | "
            f"{int(row['errors'])} |")


def _top(causes, count=3) -> str:
    from collections import Counter

    return ", ".join(f"{cause} ({n})" for cause, n in Counter(causes).most_common(count))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--countries", default="", help="comma-separated ISO3 codes (all)")
    parser.add_argument("--seeds", default=DEFAULT_SEEDS)
    parser.add_argument("--max-rows", type=int, default=None, help="cap rows per table")
    parser.add_argument("--keep", type=Path, default=None, help="keep generated files here")
    parser.add_argument("--markdown", type=Path, default=None, help="also write the report")
    parser.add_argument("--json", type=Path, default=None, help="per-table scores and failures")
    parser.add_argument("--no-real", action="store_true", help="skip the four real tables")
    args = parser.parse_args(argv)
    from run import _link_package  # benchmarks/run.py, next to this script

    _link_package()  # the checkout as the package coordmap
    from coordmap.tests.crosscountry import reference

    if not reference.available():
        parser.error(f"the reference gazetteers are not in {reference.REFERENCE_DIR}")
    countries = [c.strip().upper() for c in args.countries.split(",") if c.strip()] \
        or reference.country_codes()
    seeds = [int(s) for s in args.seeds.split(",")]

    def log(message):
        print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)

    folder = args.keep or Path(tempfile.mkdtemp(prefix="coordmap-crosscountry-"))
    try:
        scores = run(countries, seeds, folder, args.max_rows, log)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)
    real_folder = ROOT.parent / "shared" / "data" / "real"
    real_scores = [] if args.no_real else run_real(real_folder, log)
    text = report(scores, real_scores, args.seeds)
    print(text)
    if args.markdown:
        args.markdown.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps([_as_json(s) for s in scores + real_scores], indent=1,
                                        default=str), encoding="utf-8")
    return 0


def _as_json(score) -> dict:
    record = {key: value for key, value in vars(score).items()}
    record.update(precision=score.precision, recall=score.recall)
    return record


if __name__ == "__main__":
    raise SystemExit(main())
