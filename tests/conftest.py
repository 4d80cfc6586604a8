from __future__ import annotations

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
