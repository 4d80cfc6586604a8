from __future__ import annotations

import inspect
import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
REFERENCE = EXAMPLES / "japan-ukraine-2023-09-20.readout.yaml"
# The reference page: the shared copy beside the checkout when there is one (as in CI), else
# the copy kept in tests/data so that a lone clone runs every test too.
SHARED_SEED = SHARED / "seed" / "japan-ukraine-2023-09-20.txt"
SEED = SHARED_SEED if SHARED_SEED.is_file() else REPO / "tests" / "data" / SHARED_SEED.name


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")


def run_author(
    *args: str,
    cwd: Path = REPO,
    stdin: str | None = None,
    env: dict[str, str] | None = None,
    timeout: float = 120,
) -> subprocess.CompletedProcess[str]:
    """`python -m author ARGS` in a fresh process, as a user runs it. The checkout is on
    PYTHONPATH, so a test may run it from any folder."""
    environment = {**os.environ, **(env or {})}
    environment["PYTHONPATH"] = os.pathsep.join(
        p for p in (str(REPO), environment.get("PYTHONPATH", "")) if p
    )
    return subprocess.run(
        [sys.executable, "-m", "author", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        env=environment,
        timeout=timeout,
    )


# The slow tests: real processes of other tools (pre-commit, pip, check-jsonschema, a
# browser, a terminal), the hooks and batch renders run as processes, the fuzz campaigns, and the editor driven whole by Pilot (its
# async tests and snapshots). `pytest -m "not slow"` is the fast set a developer runs
# while working; CI runs everything.
SLOW_FILES = {
    "test_hook.py",
    "test_hook_render_check.py",
    "test_render_write.py",
    "test_packaging.py",
    "test_serve.py",
    "test_schema_agreement.py",
    "test_fuzz_cli.py",
    "test_fuzz_pipeline.py",
    "test_yaml_suite.py",
    "test_snapshots.py",
    "test_typing_burst.py",
}


def _is_slow(item: pytest.Item) -> bool:
    path = item.path
    if path.name in SLOW_FILES:
        return True
    function = getattr(item, "obj", None)
    return "tui" in path.parts and inspect.iscoroutinefunction(function)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    for item in items:
        if _is_slow(item):
            item.add_marker(pytest.mark.slow)
