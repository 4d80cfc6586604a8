from __future__ import annotations

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
