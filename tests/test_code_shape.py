"""The code's shape: no function in `author/` over 60 lines or over cyclomatic complexity 15
(radon's measure), except where the README's contributor section says why."""

from __future__ import annotations

import re
from pathlib import Path

from radon.complexity import cc_visit
from radon.visitors import Function

from tests.conftest import REPO

MAX_LINES = 60
MAX_COMPLEXITY = 15
# README, "Contributing": a line "- `author/path.py` `name`: why" excuses one function.
EXCUSE = re.compile(r"^- `(author/[\w/]+\.py)` `([\w.]+)`: \S")


def _functions(path: Path) -> list[Function]:
    found: list[Function] = []
    for block in cc_visit(path.read_text(encoding="utf-8")):
        if isinstance(block, Function):
            found.append(block)
        else:  # a class: its methods
            found.extend(block.methods)
    return found


def _name(block: Function) -> str:
    return f"{block.classname}.{block.name}" if block.classname else block.name


def _excused() -> set[tuple[str, str]]:
    readout = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    return {(m[1], m[2]) for line in readout if (m := EXCUSE.match(line))}


def _oversized() -> dict[tuple[str, str], str]:
    found = {}
    for path in sorted((REPO / "author").rglob("*.py")):
        relative = path.relative_to(REPO).as_posix()
        for block in _functions(path):
            lines = block.endline - block.lineno + 1
            if lines > MAX_LINES or block.complexity > MAX_COMPLEXITY:
                found[(relative, _name(block))] = f"{lines} lines, complexity {block.complexity}"
    return found


def test_no_function_is_too_long_or_too_branchy_unless_the_readme_says_why() -> None:
    excused = _excused()
    unexcused = {key: size for key, size in _oversized().items() if key not in excused}
    assert not unexcused, unexcused


def test_every_excuse_in_the_readme_names_a_function_that_needs_one() -> None:
    stale = _excused() - set(_oversized())
    assert not stale, f"the README excuses functions that are within the limits: {stale}"
