"""Where the shipped templates and schema live: inside the wheel, or in a source checkout."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """`templates` or `schemas`: `author/<name>` in an installed wheel, `<repo>/<name>` in
    a checkout (editable installs)."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"author's {name} folder is missing from this installation")
