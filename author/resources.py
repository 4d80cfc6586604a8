"""Where the shipped templates and schema live: inside the wheel, or in a source checkout."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def resource_dir(name: str) -> Path:
    """`templates` or `schemas`: `author/<name>` in an installed wheel, `<repo>/<name>` in
    a checkout (editable installs)."""
    for candidate in (_PACKAGE / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"author's {name} folder is missing from this installation")


@cache
def available_styles() -> list[str]:
    """The shipped house styles: the folders of `templates/` that hold a `page.txt.j2`.
    Here rather than in `author.render`, so that validating does not import the renderer."""
    root = resource_dir("templates")
    return sorted(p.name for p in root.iterdir() if (p / "page.txt.j2").is_file())
