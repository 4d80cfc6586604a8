from __future__ import annotations

from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
SHARED = REPO.parent / "shared"
EXAMPLES = REPO / "examples"
REFERENCE = EXAMPLES / "japan-ukraine-2023-09-20.readout.yaml"
SEED = SHARED / "seed" / "japan-ukraine-2023-09-20.txt"


@pytest.fixture
def reference_text() -> str:
    return REFERENCE.read_text(encoding="utf-8")
