"""The README's "Where things live" names every module of `author/` (one line each) and
only modules that exist, so a newcomer's map cannot drift from the code."""

from __future__ import annotations

import re
from pathlib import Path

from tests.conftest import REPO

ENTRY = re.compile(r"^- `(author/[\w/]*?(?:\.py|/))`")


def _section() -> list[str]:
    lines = (REPO / "README.md").read_text(encoding="utf-8").splitlines()
    start = lines.index("### Where things live")
    end = next((i for i in range(start + 1, len(lines)) if lines[i].startswith("#")), len(lines))
    return lines[start + 1 : end]


def _listed() -> list[str]:
    return [m[1] for line in _section() if (m := ENTRY.match(line))]


def _modules() -> set[str]:
    """Every module file, and every package as its folder (`author/tui/`)."""
    found = set()
    for path in (REPO / "author").rglob("*.py"):
        relative = path.relative_to(REPO)
        if path.name == "__init__.py":
            if relative.parent != Path("author"):
                found.add(relative.parent.as_posix() + "/")
        elif path.name != "__main__.py":
            found.add(relative.as_posix())
    return found


def test_every_module_is_listed_once() -> None:
    listed = _listed()
    assert len(listed) == len(set(listed)), "a module is listed twice"
    missing = _modules() - set(listed)
    assert not missing, f"modules the README's 'Where things live' does not name: {missing}"


def test_every_listed_module_exists() -> None:
    stale = set(_listed()) - _modules()
    assert not stale, f"the README's 'Where things live' names what is not there: {stale}"
