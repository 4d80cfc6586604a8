"""The registry (`author/registry.py`) is the one list of codes and formats: the README,
the settings, the command line and the JSON output's schema must say what it says."""

from __future__ import annotations

import ast
import json
import re
import subprocess
import sys

from author.config import LINT_CODES
from author.diagnostics import validate_output_schema
from author.registry import (
    CODES,
    ERRORS,
    LANGS,
    PAGE_FORMATS,
    RENDER_FORMATS,
    VALIDATE_FORMATS,
    WARNINGS,
    code_table,
)
from tests.conftest import REPO

README = (REPO / "README.md").read_text(encoding="utf-8")


def _section(heading: str) -> str:
    start = README.index(heading + "\n")
    end = README.index("\n#", start + len(heading))
    return README[start:end]


def test_the_readme_code_table_is_the_registry() -> None:
    assert code_table() in _section("### Codes"), (
        "README's table of codes differs from author/registry.py; paste in the output of\n"
        "    python -c 'from author.registry import code_table; print(code_table())'"
    )


def test_the_readme_disable_setting_lists_the_warnings() -> None:
    row = next(line for line in README.splitlines() if line.startswith("| `disable` |"))
    listed = re.findall(r"`([a-z]+(?:-[a-z]+)+)`", row.split("any of", 1)[1].split("(")[0])
    assert listed == list(WARNINGS)


def test_config_may_disable_exactly_the_warnings() -> None:
    assert frozenset(WARNINGS) == LINT_CODES
    assert not set(ERRORS) & set(WARNINGS)


def test_the_committed_output_schema_is_derived() -> None:
    committed = json.loads((REPO / "schemas" / "validate-output.schema.json").read_text("utf-8"))
    assert committed == validate_output_schema(), (
        "schemas/validate-output.schema.json is out of date; regenerate it with:\n"
        "    python -c 'import json; from author.diagnostics import validate_output_schema; "
        "print(json.dumps(validate_output_schema(), indent=2, ensure_ascii=False))' "
        "> schemas/validate-output.schema.json"
    )
    code = committed["$defs"]["diagnostic"]["properties"]["code"]
    assert code["enum"] == list(CODES)


def _choices(*words: str) -> list[str]:
    """The choices `author … --help` shows for an option, as argparse prints them."""
    done = subprocess.run(
        [sys.executable, "-m", "author", *words, "--help"],
        capture_output=True,
        text=True,
        cwd=REPO,
        env={"COLUMNS": "200", "PATH": ""},
        check=True,
    )
    return done.stdout


def test_the_command_line_choices_are_the_registry() -> None:
    render = _choices("render")
    assert "{" + ",".join(RENDER_FORMATS) + "}" in render
    assert "{" + ",".join(LANGS) + "}" in render
    assert "{" + ",".join(VALIDATE_FORMATS) + "}" in _choices("validate")
    assert RENDER_FORMATS[: len(PAGE_FORMATS)] == PAGE_FORMATS


def _codes_in_source() -> set[str]:
    """Every code the validator can emit, read from its source: the code argument of each
    `Diagnostic(...)`, `self.problem(...)`, `PydanticCustomError(...)` and
    `TimezoneProblem(...)`, and each code a finder's `Finding` names."""
    found: set[str] = set()
    calls = {"Diagnostic": 3, "problem": 1, "PydanticCustomError": 0, "TimezoneProblem": 0}
    for path in (REPO / "author").rglob("*.py"):
        if "tui" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text("utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
            at = calls.get(name or "")
            args = node.args
            if at is not None and len(args) > at and isinstance(args[at], ast.Constant):
                found.add(args[at].value)
            for keyword in node.keywords:
                if keyword.arg == "code" and isinstance(keyword.value, ast.Constant):
                    found.add(keyword.value.value)
    return {code for code in found if isinstance(code, str) and re.fullmatch(r"[a-z-]+", code)}


def test_every_code_in_the_source_is_registered() -> None:
    emitted = _codes_in_source()
    assert len(emitted) >= 20, sorted(emitted)  # the scan found the calls
    assert emitted <= set(CODES), sorted(emitted - set(CODES))
