#!/usr/bin/env python3
"""The long fuzz campaign: many generated readout files through load → validate → render.

    python bench/fuzz_campaign.py --count 100000 [--seed 1] [--save-failures DIR]

Inputs are valid readouts, almost valid ones (one field deleted, retyped or misspelt),
mutated copies of the examples and of generated readouts (deleted, duplicated and swapped
lines, wrong indentation, tabs, YAML tokens, random bytes, other encodings, truncation), and
random junk: see tests/fuzz/corpus.py. Each input must give diagnostics with positions
≥ 1:1 inside the file, or a page in every format; no exception may escape. Every
`--cli-every`th input also goes through `author validate` and `author render` in process
(exit status 0 or 1, every printed problem located, no traceback), and every
`--subprocess-every`th through a real `python -m author` process.

Exit status 0 when every input kept every promise, 1 otherwise. One process, one core.

    python bench/fuzz_campaign.py --hostile

measures the hostile files of tests/test_hostile.py instead: for each, the time of one
check (and render, when accepted) and the growth of peak memory, each in its own process.
"""

from __future__ import annotations

import argparse
import collections
import os
import random
import subprocess
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "fuzz")]

from corpus import generate  # noqa: E402
from oracle import (  # noqa: E402
    OracleFailure,
    check_cli_render,
    check_cli_validate,
    run_cli,
    run_pipeline,
)


def _subprocess_check(path: Path) -> None:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    for argv, check in (
        (["validate", str(path)], check_cli_validate),
        (["render", str(path), "--format", "html"], check_cli_render),
    ):
        proc = subprocess.run(
            [sys.executable, "-m", "author", *argv],
            capture_output=True,
            text=True,
            env=env,
            cwd=path.parent,
            timeout=60,
        )
        check(proc.returncode, proc.stdout, proc.stderr)


def hostile() -> int:
    from tests.test_hostile import CASES, TIME_LIMIT, run_case

    slowest = 0.0
    with tempfile.TemporaryDirectory(prefix="author-hostile-") as tmp:
        print(f"| {'file':<42} | {'time':>8} | {'memory':>8} | outcome")
        print(f"|{'-' * 44}|{'-' * 10}|{'-' * 10}|{'-' * 20}")
        for case in CASES:
            report = run_case(case, Path(tmp))
            slowest = max(slowest, report["elapsed"])
            errors = report["errors"]
            outcome = f"refused: {errors[0][0]}" if errors else "accepted"
            print(
                f"| {case.name:<42} | {report['elapsed'] * 1000:>5.0f} ms "
                f"| +{report['growth'] / 2**20:>4.0f} MiB | {outcome}"
            )
    print(f"slowest: {slowest * 1000:.0f} ms")
    return 0 if slowest < TIME_LIMIT else 1


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000, help="inputs (default 100000)")
    parser.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    parser.add_argument("--cli-every", type=int, default=25, metavar="N")
    parser.add_argument("--subprocess-every", type=int, default=5_000, metavar="N")
    parser.add_argument("--save-failures", metavar="DIR", help="write failing inputs here")
    parser.add_argument("--quiet", action="store_true", help="no progress lines")
    parser.add_argument("--hostile", action="store_true", help="time the hostile files instead")
    args = parser.parse_args(argv)
    if args.hostile:
        return hostile()

    rng = random.Random(args.seed)
    categories: collections.Counter[str] = collections.Counter()
    outcomes: collections.Counter[str] = collections.Counter()
    codes: collections.Counter[str] = collections.Counter()
    failures: list[tuple[int, str, str, bytes]] = []
    slowest = (0.0, -1, "")
    cli_runs = subprocess_runs = 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="author-fuzz-") as tmp:
        work = Path(tmp) / "fuzz.readout.yaml"
        for index in range(args.count):
            category, raw = generate(rng)
            categories[category] += 1
            t0 = time.perf_counter()
            try:
                outcome = run_pipeline(raw)
                elapsed = time.perf_counter() - t0  # the pipeline only, not the CLI runs
                if elapsed > slowest[0]:
                    slowest = (elapsed, index, category)
                outcomes["rendered" if outcome.rendered else "refused"] += 1
                codes.update(outcome.codes)
                if args.cli_every and index % args.cli_every == 0:
                    work.write_bytes(raw)
                    check_cli_validate(*run_cli(["validate", "-q", str(work)]))
                    fmt = ("text", "md", "html")[index // args.cli_every % 3]
                    check_cli_render(*run_cli(["render", str(work), "--format", fmt]))
                    cli_runs += 2
                if args.subprocess_every and index % args.subprocess_every == 0:
                    work.write_bytes(raw)
                    _subprocess_check(work)
                    subprocess_runs += 2
            except OracleFailure as exc:
                failures.append((index, category, str(exc), raw))
            except Exception:
                failures.append((index, category, traceback.format_exc(), raw))
            if not args.quiet and (index + 1) % 10_000 == 0:
                print(
                    f"{index + 1} inputs, {len(failures)} failures, "
                    f"{time.perf_counter() - started:.0f} s",
                    file=sys.stderr,
                    flush=True,
                )
    duration = time.perf_counter() - started

    if args.save_failures and failures:
        folder = Path(args.save_failures)
        folder.mkdir(parents=True, exist_ok=True)
        for index, _, message, raw in failures:
            (folder / f"{index}.readout.yaml").write_bytes(raw)
            (folder / f"{index}.txt").write_text(message, encoding="utf-8")
    for index, category, message, raw in failures[:10]:
        print(f"--- failure at input {index} ({category}): {raw[:300]!r}\n{message}")
    print(f"inputs: {args.count} (seed {args.seed}) in {duration:.0f} s")
    print("categories: " + ", ".join(f"{k} {v}" for k, v in sorted(categories.items())))
    print("outcomes: " + ", ".join(f"{k} {v}" for k, v in sorted(outcomes.items())))
    print(f"CLI runs: {cli_runs} in process, {subprocess_runs} as subprocesses")
    took = f"{slowest[0] * 1000:.0f} ms (#{slowest[1]}, {slowest[2]})"
    print(f"slowest input (check and three renders): {took}")
    print("error codes seen: " + ", ".join(f"{k} {v}" for k, v in codes.most_common()))
    print(f"failures: {len(failures)}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
