"""Hostile files: each is refused with a message that says what is wrong, or accepted, in
bounded time and memory.

Each file is checked (and, when accepted, rendered) in its own Python process, under an
address-space limit (RLIMIT_AS, 1 GiB) so that a runaway cannot take the machine down. The
child reports how long the check took and how much its peak memory grew:

- memory: the peak may grow by at most 150 MiB over a warmed-up process (a 10 MB file
  is read no further than `max_bytes`, so the measured growth is a few MiB);
- time: not asserted (tests never assert wall-clock times). What bounds it is checked
  deterministically instead: each file that would cost without end is refused by the
  limit that stops it (`too-large`, `too-deep`, `too-many-nodes`, with its message), and
  the render time limit by `tests/test_template_limits.py`. The measured times (all well
  under one second; see README, "Hardening and limits") are printed with `pytest -s` and
  recorded by `python bench/fuzz_campaign.py --hostile`.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.conftest import REFERENCE, REPO

MEMORY_LIMIT = 150 * 1024 * 1024  # bytes of peak growth for one check
ADDRESS_SPACE = 1024 * 1024 * 1024

EXAMPLE = REFERENCE.read_bytes()


def _billion_laughs() -> bytes:
    lines = [b'a0: &a0 ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
    for i in range(1, 10):
        refs = b", ".join(b"*a%d" % (i - 1) for _ in range(9))
        lines.append(b"a%d: &a%d [%s]" % (i, i, refs))
    return b"\n".join(lines) + b"\n"


def _bomb_in_a_readout() -> bytes:
    laughs = b"".join(b"  " + line + b"\n" for line in _billion_laughs().splitlines())
    return b"x-bombs:\n" + laughs + EXAMPLE + b"footnotes: *a9\n"


def _junk() -> bytes:
    rng = random.Random(5)
    return bytes(rng.randrange(256) for _ in range(64 * 1024))


@dataclass(frozen=True)
class Case:
    name: str
    make: Callable[[], bytes]
    code: str | None  # the first error's code; None: accepted
    says: str = ""  # a fragment of the message
    config: dict[str, int] = field(default_factory=dict)
    line: int | None = None  # where the problem is, when it has one place


CASES = [
    Case("alias bomb", _billion_laughs, "too-many-nodes", "expands to more than 100000"),
    Case("alias bomb inside a readout", _bomb_in_a_readout, "too-many-nodes", "aliases"),
    Case(
        "many aliases of one scalar",
        lambda: b"a: &a x\nb: [" + b"*a, " * 150_000 + b"]\n",
        "too-many-nodes",
        "expands",
    ),
    Case("10,000-deep flow lists", lambda: b"[" * 10_000 + b"]" * 10_000, "too-deep", "deeper"),
    Case("10,000-deep flow mappings", lambda: b"{a: " * 10_000 + b"1" + b"}" * 10_000, "too-deep"),
    Case("10,000-deep block lists", lambda: b"- " * 10_000 + b"x\n", "too-deep", "deeper than 64"),
    Case(
        "1,000-deep block mappings",
        lambda: b"".join(b" " * i + b"a:\n" for i in range(1000)),
        "too-deep",
        "deeper than 64",
    ),
    Case(
        "10 MB file",
        lambda: b"section: '" + b"x" * (10 * 1024 * 1024) + b"'\n",
        "too-large",
        "larger than 1048576 bytes (max_bytes)",
    ),
    Case(
        "10 MB readout under a raised max_bytes",
        lambda: EXAMPLE + b"  - '" + b"Minister Kamikawa said so. " * 390_000 + b"'\n",
        None,
        config={"max_bytes": 16 * 1024 * 1024},
    ),
    Case(
        "1 MB of keys, just under max_bytes",
        lambda: b"".join(b"k%06d: v\n" % i for i in range(100_000))[: 1024 * 1024 - 10],
        "too-many-nodes",
        "expands",
    ),
    Case(
        "50,000 duplicate keys",
        lambda: b"section: x\n" * 50_001,
        "duplicate-key",
        "duplicate key 'section'",
        line=2,
    ),
    Case("binary junk", _junk, "encoding", "NUL bytes"),
    Case("UTF-16 with a BOM", lambda: EXAMPLE.decode().encode("utf-16"), None),
    Case("UTF-32 with a BOM", lambda: EXAMPLE.decode().encode("utf-32"), None),
    Case(
        "UTF-16 without a BOM",
        lambda: EXAMPLE.decode().encode("utf-16-le"),
        "encoding",
        "UTF-16 without a byte-order mark",
    ),
    Case(
        "invalid UTF-8",
        lambda: EXAMPLE.replace(b"Kuleba", b"Kul\xe9ba", 1),
        "encoding",
        "not valid UTF-8",
        line=EXAMPLE[: EXAMPLE.index(b"Kuleba")].count(b"\n") + 1,
    ),
    Case(
        "Latin-1 file",
        lambda: EXAMPLE.decode().replace("’", "é").encode("latin-1", errors="replace"),
        "encoding",
        "UTF-8",
    ),
    Case("UTF-8 with a BOM", lambda: b"\xef\xbb\xbf" + EXAMPLE, None),
    Case("CRLF line endings", lambda: EXAMPLE.replace(b"\n", b"\r\n"), None),
    Case("CR line endings", lambda: EXAMPLE.replace(b"\n", b"\r"), None),
    Case(
        "tab indentation",
        lambda: EXAMPLE.replace(b"\n  kind:", b"\n\tkind:"),
        "yaml-syntax",
        "tab character",
        line=EXAMPLE[: EXAMPLE.index(b"  kind:")].count(b"\n") + 1,
    ),
    Case(
        "tabs inside a value", lambda: EXAMPLE.replace(b"At the outset,", b"At\tthe outset,"), None
    ),
    Case("empty file", lambda: b"", "not-a-readout", "holds nothing", line=1),
    Case("only blank lines and comments", lambda: b"\n  \n# note\n", "not-a-readout", "nothing"),
    Case("a bare scalar", lambda: b"hello\n", "not-a-readout", "holds text ('hello')", line=1),
    Case("a number", lambda: b"42\n", "not-a-readout", "a number"),
    Case("a list at the top", lambda: b"- section: x\n- y\n", "not-a-readout", "holds a list"),
    Case("two documents", lambda: EXAMPLE + b"---\nsection: x\n", "multiple-documents", "one YAML"),
    Case(
        "a Python object tag",
        lambda: b'section: !!python/object/apply:os.system ["echo pwned"]\n',
        "unsupported-tag",
        "not supported",
        line=1,
    ),
    Case("a control character", lambda: b"section: a\x07b\n", "yaml-syntax", "control character"),
    Case("a NUL byte", lambda: EXAMPLE[:40] + b"\x00" + EXAMPLE[40:], "encoding", "NUL"),
    Case("an unknown alias", lambda: b"section: *nowhere\n", "yaml-syntax", "unknown alias"),
    Case("a 1 MB line", lambda: b"x" * 1_000_000 + b": 1\n", "yaml-syntax", "", line=1),
]

CHILD = r"""
import contextlib, io, json, resource, sys, time
limit = int(sys.argv[3])
resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
from author.check import check_file
from author.cli import main
from author.config import Config
from author.render import render

warm = check_file(sys.argv[4])  # import and warm everything a check and a render use
render(warm.readout, "text")
config = Config(**json.loads(sys.argv[2]))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
start = time.perf_counter()
result = check_file(sys.argv[1], config)
rendered = None
if result.readout is not None and not result.errors:
    rendered = render(result.readout, "text", config=config)
elapsed = time.perf_counter() - start
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024
out, err = io.StringIO(), io.StringIO()
status = None
if not json.loads(sys.argv[2]):  # the command, with the default settings
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        status = main(["validate", "-q", sys.argv[1]])
print(json.dumps({
    "elapsed": elapsed,
    "growth": after - before,
    "errors": [[d.code, d.message, d.line, d.col] for d in result.errors],
    "rendered": rendered,
    "status": status,
    "stdout": out.getvalue()[:4000],
    "stderr": err.getvalue()[-4000:],
}))
"""


def run_case(case: Case, folder: Path) -> dict:
    path = folder / "hostile.readout.yaml"
    path.write_bytes(case.make())
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            CHILD,
            str(path),
            json.dumps(case.config),
            str(ADDRESS_SPACE),
            str(REFERENCE),
        ],
        capture_output=True,
        text=True,
        cwd=folder,
        env=dict(os.environ, PYTHONPATH=str(REPO)),
        timeout=60,
    )
    assert done.returncode == 0, f"{case.name}: the checking process failed:\n{done.stderr}"
    return json.loads(done.stdout)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_hostile_file(case: Case, tmp_path: Path) -> None:
    report = run_case(case, tmp_path)
    print(f"{case.name}: {report['elapsed'] * 1000:.0f} ms, +{report['growth'] >> 20} MiB")
    assert report["growth"] < MEMORY_LIMIT, f"{case.name} grew {report['growth'] >> 20} MiB"
    errors = report["errors"]
    if case.code is None:
        assert errors == [], errors
        assert report["rendered"], "accepted but not rendered"
    else:
        assert errors, f"{case.name} was accepted"
        # every problem of the file comes in one run: the case's is one of them
        matching = [error for error in errors if error[0] == case.code]
        assert matching, errors[:3]
        _, message, line, _ = matching[0]
        assert case.says in message, message
        assert all(error[2] >= 1 and error[3] >= 1 for error in errors)
        if case.line is not None:
            assert line == case.line, matching[0]
    if report["status"] is not None:  # and through the command: 0 or 1, located, no traceback
        assert report["status"] == (1 if case.code else 0), report["stderr"]
        assert "Traceback" not in report["stderr"] and "internal error" not in report["stderr"]
        if case.code:
            lines = report["stdout"].splitlines()[:20]  # the output is cut at 4,000 characters
            assert all(line.startswith(f"{tmp_path / 'hostile.readout.yaml'}:") for line in lines)
            assert any(line.endswith(f"[{case.code}]") for line in lines), lines[:3]


def test_line_endings_and_encodings_give_the_same_page(tmp_path: Path) -> None:
    reference = run_case(Case("LF", lambda: EXAMPLE, None), tmp_path)["rendered"]
    for case in CASES:
        if case.code is None and not case.config and "inside a value" not in case.name:
            assert run_case(case, tmp_path)["rendered"] == reference, case.name


def test_size_limits_are_configurable(tmp_path: Path) -> None:
    """[tool.author] max_bytes, max_depth and max_nodes, read by the command."""
    (tmp_path / "pyproject.toml").write_text(
        "[tool.author]\nmax_bytes = 2000\nmax_depth = 3\nmax_nodes = 50\n", encoding="utf-8"
    )
    files = {
        "big.readout.yaml": (EXAMPLE, "too-large", "larger than 2000 bytes"),
        "deep.readout.yaml": (b"a: {b: {c: {d: 1}}}\n", "too-deep", "deeper than 3"),
        "wide.readout.yaml": (b"a: [" + b"1, " * 60 + b"]\n", "too-many-nodes", "more than 50"),
    }
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for name, (raw, code, says) in files.items():
        (tmp_path / name).write_bytes(raw)
        done = subprocess.run(
            [sys.executable, "-m", "author", "validate", name],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
        assert done.returncode == 1, done.stderr
        assert f"[{code}]" in done.stdout and says in done.stdout, done.stdout
