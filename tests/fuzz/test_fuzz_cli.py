"""Fuzzed files through the `author` command: exit status 0 or 1 for any file problem, every
printed problem located (path:line:col), never a traceback."""

from __future__ import annotations

import random
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import run_author as _author
from tests.fuzz.corpus import generate
from tests.fuzz.oracle import (
    DIAGNOSTIC_LINE,
    check_cli_render,
    check_cli_validate,
    run_cli,
)

CLI = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    derandomize=True,
)


@CLI
@given(st.integers(0, 2**32 - 1), st.sampled_from(["text", "md", "html"]))
def test_in_process_cli_on_fuzzed_files(tmp_path: Path, seed: int, fmt: str) -> None:
    _, raw = generate(random.Random(seed))
    path = tmp_path / "fuzz.readout.yaml"
    path.write_bytes(raw)
    check_cli_validate(*run_cli(["validate", str(path)]))
    check_cli_render(*run_cli(["render", str(path), "--format", fmt]))
    for style in ("json", "github"):
        status, _, err = run_cli(["validate", "--format", style, str(path)])
        assert status in (0, 1) and "internal error" not in err


def test_cli_subprocess_on_fuzzed_files(tmp_path: Path) -> None:
    """A few dozen generated files through real `author` processes."""
    rng = random.Random(20260527)
    paths = []
    for index in range(36):
        path = tmp_path / f"f{index:02d}.readout.yaml"
        path.write_bytes(generate(rng)[1])
        paths.append(path)
    # One process checks them all; every printed line is a located problem.
    done = _author("validate", *map(str, paths), cwd=tmp_path)
    check_cli_validate(done.returncode, done.stdout, "")
    assert "Traceback" not in done.stderr and "internal error" not in done.stderr
    printed = {DIAGNOSTIC_LINE.match(line)["path"] for line in done.stdout.splitlines()}
    assert printed <= {str(p) for p in paths}
    # And each of a handful is rendered on its own, in each format.
    for index, path in enumerate(paths[:9]):
        fmt = ("text", "md", "html")[index % 3]
        done = _author("render", str(path), "--format", fmt, cwd=tmp_path)
        check_cli_render(done.returncode, done.stdout, done.stderr)


def test_cli_exit_status_two_only_for_usage_and_unreadable_files(tmp_path: Path) -> None:
    broken = tmp_path / "broken.readout.yaml"
    broken.write_bytes(b"section: [unclosed\n")
    assert _author("validate", str(broken), cwd=tmp_path).returncode == 1
    assert _author("render", str(broken), cwd=tmp_path).returncode == 1
    missing = _author("validate", str(tmp_path / "missing.yaml"), cwd=tmp_path)
    assert missing.returncode == 2 and "cannot read" in missing.stderr + missing.stdout
    folder = _author("render", str(tmp_path), cwd=tmp_path)
    assert folder.returncode == 2 and "Traceback" not in folder.stderr
    usage = _author("render", cwd=tmp_path)
    assert usage.returncode == 2 and "Traceback" not in usage.stderr
