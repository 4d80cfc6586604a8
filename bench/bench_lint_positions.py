"""Lint on many findings: 1 MiB of repeated off-style times must validate in under 1 s.

    .venv/bin/python bench/bench_lint_positions.py [--repeat 5] [--size 1048576]

Issue 9, item 6: `9:20am.` copied through a readout up to the default `max_bytes` made
`author validate` take minutes, since each finding's position was found by rescanning
the text. Measured here, in process, best of --repeat (`check_text`, load → model → lint):

- `warnings`: a readout of about --size bytes whose points repeat `9:20am.` (each one a
  clock-style warning), in one long point and in many short points;
- `baseline`: the same readout with `9:20 a.m.` (house style, no warning): what the
  loader, the model and the scan cost without positions to find;
- the ratio between them, and the time per finding;
- `author validate FILE` on the warnings file in a fresh process (start-up, every line
  printed to /dev/null), best of --repeat, beside `author validate` of the clean file.

Target: each `warnings` case under 1 s. Prints a table and the machine; exits 0.
"""

from __future__ import annotations

import argparse
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from author.check import check_text  # noqa: E402

HEAD = (ROOT / "examples" / "japan-ukraine-2023-09-20.readout.yaml").read_text(encoding="utf-8")
HEAD = HEAD[: HEAD.index("points:")] + "points:\n"


# The head's size in bytes (it holds non-ASCII text): the readouts below stay within
# `size` bytes, so that `author validate` takes them under the default `max_bytes`.
HEAD_BYTES = len(HEAD.encode("utf-8"))


def one_point(size: int, phrase: str) -> str:
    """One folded point, 80-column lines, repeating `phrase` up to `size` bytes."""
    words = f"The meeting began at {phrase} "
    per_line = 76 // len(words)
    line = "    " + (words * per_line).rstrip() + "\n"
    count = max(1, (size - HEAD_BYTES - 8) // len(line))
    return HEAD + "  - >-\n" + line * count


def many_points(size: int, phrase: str) -> str:
    """Short points, each one sentence holding `phrase` twice."""
    point = f"  - They met at {phrase} and again at {phrase}\n"
    return HEAD + point * max(1, (size - HEAD_BYTES) // len(point))


def best(text: str, repeat: int) -> tuple[float, int]:
    times, found = [], 0
    for _ in range(repeat):
        start = time.perf_counter()
        result = check_text(text, "bench.readout.yaml")
        times.append(time.perf_counter() - start)
        found = sum(d.code == "clock-style" for d in result.diagnostics)
        assert not result.errors, result.errors[:3]
    return min(times), found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--size", type=int, default=1024 * 1024)
    args = parser.parse_args()
    print(
        f"machine: {platform.machine()}, {os.cpu_count()} CPUs, Python {platform.python_version()}"
    )
    print(f"load average: {', '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(
        f"| {'readout':<34} | {'bytes':>9} | {'findings':>8} | {'warnings':>9} | "
        f"{'baseline':>9} | {'ratio':>6} | {'per finding':>11} | target < 1 s"
    )
    print("|" + "|".join("-" * w for w in (36, 11, 10, 11, 11, 8, 13, 15)) + "|")
    worst = 0.0
    rows = []
    for name, build in (
        ("one point of 9:20am.", one_point),
        ("short points of 9:20am.", many_points),
    ):
        text = build(args.size, "9:20am.")
        clean = build(args.size, "9:20 a.m.")
        warned, found = best(text, args.repeat)
        baseline, none = best(clean, args.repeat)
        assert none == 0 and found > 0
        worst = max(worst, warned)
        rows.append((name, text, clean))
        print(
            f"| {name:<34} | {len(text.encode()):>9,} | {found:>8,} | {warned:>7.3f} s | "
            f"{baseline:>7.3f} s | {warned / baseline:>6.2f} | {warned / found * 1e6:>8.2f} µs | "
            f"{'met' if warned < 1 else 'NOT met'}"
        )
    print(f"slowest in process: {worst:.3f} s")
    print()
    print(f"| {'author validate FILE (a process)':<34} | {'warnings':>9} | {'clean':>9} |")
    print("|" + "|".join("-" * w for w in (36, 11, 11)) + "|")
    with tempfile.TemporaryDirectory(prefix="author-bench-") as folder:
        for name, text, clean in rows:
            times = []
            for content in (text, clean):
                path = Path(folder) / "bench.readout.yaml"
                path.write_text(content, encoding="utf-8")
                times.append(command_time(path, args.repeat))
            print(f"| {name:<34} | {times[0]:>7.3f} s | {times[1]:>7.3f} s |")
    return 0


def command_time(path: Path, repeat: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    best_time = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "author", "validate", str(path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            env=env,
            check=False,
        )
        best_time = min(best_time, time.perf_counter() - start)
    return best_time


if __name__ == "__main__":
    raise SystemExit(main())
