"""How `bench/bench_validate.py` measures: the commands take turns at going first, each
run finds its files read just before it, and the instruction counts are read and
subtracted right."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from bench import bench_validate
from bench.bench_validate import instruction_rows, measure, parse_instructions

# The end of what `valgrind --tool=cachegrind --cache-sim=no` writes on standard error.
_REPORT = """\
==24247== Cachegrind, a high-precision tracing profiler
==24247== Command: /usr/bin/python3 -c pass
==24247==
==24247== I   refs:      1,197,394,648
"""


def test_the_instruction_count_is_read_from_the_report() -> None:
    assert parse_instructions(_REPORT) == 1_197_394_648


def test_a_report_without_a_count_is_an_error_that_shows_it() -> None:
    with pytest.raises(ValueError, match="valgrind: command not found"):
        parse_instructions("valgrind: command not found\n")


def test_each_round_starts_with_the_next_command(tmp_path: Path) -> None:
    log = tmp_path / "order"
    data = tmp_path / "data.yaml"
    data.write_text("x: 1\n", encoding="utf-8")

    def command(letter: str) -> list[str]:
        return [sys.executable, "-c", f"open({str(log)!r}, 'a').write({letter!r})"]

    runs = measure([command("a"), command("b"), command("c")], 3, tmp_path, [data])
    assert log.read_text(encoding="utf-8") == "abc" + "bca" + "cab"
    assert all(run.status == 0 and run.wall > 0 for run in runs)


def test_a_files_own_instructions_are_the_difference_of_two_batches(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Start-up (here 500 and 300) cancels out; a file costs author 7, the baseline 5."""

    def counted(cmd: list[str], cwd: Path) -> int:
        files = len(cmd) - 1
        return 500 + 7 * files if cmd[0] == "author" else 300 + 5 * files

    monkeypatch.setattr(bench_validate, "instructions", counted)
    names = [f"f{i}.readout.yaml" for i in range(1500)]
    rows = instruction_rows(["author"], ["baseline"], names, Path("."))
    assert rows == [
        ("one file (start-up)", 507, 305),
        ("per file (1,100 files less 100, / 1,000)", 7, 5),
    ]
