"""The wheel ships the template sets and the schema, and runs outside the checkout."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from tests.conftest import REPO


def test_wheel_ships_templates_and_schema(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(tmp_path), str(REPO)],
        capture_output=True, text=True, timeout=300,
    )
    assert done.returncode == 0, done.stderr
    [wheel] = tmp_path.glob("author-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for fmt in ("txt", "md", "html"):
        assert f"author/templates/mofa/page.{fmt}.j2" in names
    assert "author/schemas/readout.schema.json" in names
    assert any(name.endswith(".tcss") for name in names), "the TUI stylesheet is missing"
    assert "author/web/app_index.html" in names, "the page of author serve is missing"
