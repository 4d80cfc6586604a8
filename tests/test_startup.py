"""Start-up: a hook run is dominated by imports, so `validate` imports only what it needs.

Each check runs in a fresh interpreter, so modules other tests imported do not count.
No wall-clock assertions: what is imported is the stable proxy for start-up time.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import REFERENCE, REPO

PROBE = """
import json, sys
before = set(sys.modules)
import author.cli
after_import = sorted({m.split('.')[0] for m in set(sys.modules) - before})
status = author.cli.main(sys.argv[1:])
loaded = sorted({m.split('.')[0] for m in sys.modules})
ours = sorted(m for m in sys.modules if m.startswith('author'))
print(json.dumps({"status": status, "after_import": after_import, "loaded": loaded,
                  "ours": ours}), file=sys.stderr)
"""


def probe(*args: str) -> dict:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    return json.loads(done.stderr.strip().splitlines()[-1])


def test_importing_the_cli_is_cheap() -> None:
    report = probe("new")  # writes the starter to stdout; no readout to check
    assert report["status"] == 0
    heavy = {"pydantic", "yaml", "jinja2", "textual", "rich"}
    assert not heavy & set(report["after_import"]), report["after_import"]


def test_validate_is_headless_and_template_free() -> None:
    report = probe("validate", "-q", str(REFERENCE))
    assert report["status"] == 0
    loaded = set(report["loaded"])
    assert {"pydantic", "yaml"} <= loaded  # it did validate
    for name in ("textual", "rich", "jinja2", "markupsafe", "docx", "lxml", "textual_serve", "aiohttp"):
        assert name not in loaded, f"author validate imported {name}"
    assert "author.render" not in report["ours"]  # nor the renderer
    assert not any(m.startswith("author.tui") for m in report["ours"])


def test_render_is_headless(tmp_path: Path) -> None:
    report = probe("render", str(REFERENCE), "--output", str(tmp_path / "page.txt"))
    assert report["status"] == 0
    loaded = set(report["loaded"])
    assert "jinja2" in loaded
    assert "textual" not in loaded and "rich" not in loaded
    assert "docx" not in loaded and "lxml" not in loaded  # the Word extra: only for docx


def test_render_docx_imports_python_docx_but_no_textual(tmp_path: Path) -> None:
    pytest.importorskip("docx", reason="python-docx (the author[docx] extra) is not installed")
    report = probe("render", str(REFERENCE), "--format", "docx", "-o", str(tmp_path / "x.docx"))
    assert report["status"] == 0
    loaded = set(report["loaded"])
    assert "docx" in loaded
    assert "textual" not in loaded and "rich" not in loaded


def test_render_check_is_headless() -> None:
    report = probe("render", "--check", str(REFERENCE))
    assert report["status"] == 0
    assert "textual" not in set(report["loaded"])
    assert "docx" not in set(report["loaded"])


def test_a_command_loads_no_other_commands_module() -> None:
    report = probe("validate", "-q", str(REFERENCE))
    commands = {m for m in report["ours"] if m.startswith("author.commands.")}
    assert "author.commands.validate" in commands
    others = {f"author.commands.{name}" for name in ("render", "new", "schema", "edit", "serve")}
    assert not commands & others
    # A command behind a global option is found too.
    report = probe("--config", str(REPO / "pyproject.toml"), "validate", "-q", str(REFERENCE))
    assert report["status"] == 0 and "author.commands.render" not in report["ours"]


def test_validate_of_english_readouts_loads_no_japanese_finder() -> None:
    english = REPO / "examples" / "japan-philippines-telephone-2024-01-10.readout.yaml"
    report = probe("validate", "-q", str(english))
    assert report["status"] == 0
    assert "author.rules.freetext_ja" not in report["ours"]
    assert "japanera" not in set(report["loaded"])
    # A bilingual readout is checked for its Japanese page; the era table is still not
    # needed: only the page's date line uses it.
    report = probe("validate", "-q", str(REFERENCE))
    assert "author.rules.freetext_ja" in report["ours"]
    assert "japanera" not in set(report["loaded"])


def test_render_ja_is_headless(tmp_path: Path) -> None:
    report = probe("render", str(REFERENCE), "--lang", "ja", "--output", str(tmp_path / "p.txt"))
    assert report["status"] == 0
    loaded = set(report["loaded"])
    assert "japanera" in loaded
    assert "textual" not in loaded and "rich" not in loaded



COLLECTIONS = """
import gc, json, sys
older = []  # the collections of the middle and the oldest generation
gc.callbacks.append(lambda phase, info: phase == "start" and info["generation"] and older.append(1))
import author.cli
status = author.cli.main(sys.argv[1:])
print(json.dumps({"status": status, "older": len(older), "frozen": gc.get_freeze_count()}),
      file=sys.stderr)
"""


@pytest.mark.parametrize("copies", [1, 3])
def test_validate_spares_the_collector_its_modules(copies: int) -> None:
    """The checker's modules live as long as the process: `validate` tunes the collector
    before importing them and freezes them once loaded, so no collection but the young
    generation's runs during the command, nor over them at exit (the default schedule
    runs dozens while the checker loads, and a full one at exit)."""
    done = subprocess.run(
        [sys.executable, "-c", COLLECTIONS, "validate", "-q", *[str(REFERENCE)] * copies],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["status"] == 0
    assert report["older"] == 0
    assert report["frozen"] > 10_000  # the checker's modules, out of the collector's sight
