"""The official YAML test suite's cases, read in place from `../shared/data/yaml-test-suite`
(never copied into this repository), and what `author`'s loader must make of each.

A case is a folder holding `in.yaml`, and `in.json` (the data, one JSON value per YAML
document) when the YAML is valid, or `error` when it is not. The loader must give, for
each case, either located problems or data equal to `in.json` under the loader's
documented scalar rules (README, "The file format"), which are YAML 1.2-like but keep as
text what the 1.2 core schema would read as a number: integers with a leading zero or a
sign and a zero (`007`, `+0`), octal and hexadecimal (`0o14`, `0xC`), floats without a dot
or with only an exponent (`1e3`), `.inf` and `.nan`; and an integer past 4,300 digits.
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any


def _suite() -> Path:
    """`shared/data/yaml-test-suite` beside the checkout (as in CI), or beside a folder
    above it (a git worktree under `wt/`)."""
    repo = Path(__file__).resolve().parents[2]
    for folder in repo.parents:
        suite = folder / "shared" / "data" / "yaml-test-suite"
        if suite.is_dir():
            return suite
    return repo.parent / "shared" / "data" / "yaml-test-suite"


SUITE = _suite()

# YAML 1.2 core schema scalars that the loader keeps as text (see the module docstring).
_CORE_INT = re.compile(r"[-+]?[0-9]+|0o[0-7]+|0x[0-9a-fA-F]+")
_CORE_FLOAT = re.compile(
    r"[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN)"
)


@dataclass(frozen=True)
class Case:
    id: str  # `229Q`, `SM9W/01`
    folder: Path

    @property
    def text(self) -> bytes:
        return (self.folder / "in.yaml").read_bytes()

    @property
    def invalid(self) -> bool:
        return (self.folder / "error").exists()

    def documents(self) -> list[Any] | None:
        """The data of each document (in.json), or None when the suite gives none."""
        path = self.folder / "in.json"
        if not path.exists():
            return None
        text, decoder, out, at = path.read_text(encoding="utf-8"), json.JSONDecoder(), [], 0
        while True:
            while at < len(text) and text[at].isspace():
                at += 1
            if at >= len(text):
                return out
            value, at = decoder.raw_decode(text, at)
            out.append(value)


def cases() -> list[Case]:
    """Every case of the suite, in a stable order (the `name/` and `tags/` folders are
    indexes of the same cases and are left out)."""
    if not SUITE.is_dir():
        return []
    found = []
    for path in sorted(SUITE.glob("*/in.yaml")) + sorted(SUITE.glob("*/*/in.yaml")):
        folder = path.parent
        relative = folder.relative_to(SUITE)
        if relative.parts[0] in ("name", "tags"):
            continue
        found.append(Case("/".join(relative.parts), folder))
    return found


def same_data(ours: Any, expected: Any) -> bool:
    """Whether the loader's data equals the suite's, under the loader's scalar rules."""
    if isinstance(expected, dict):
        return (
            isinstance(ours, dict)
            and ours.keys() == expected.keys()
            and all(same_data(ours[k], expected[k]) for k in expected)
        )
    if isinstance(expected, list):
        return (
            isinstance(ours, list)
            and len(ours) == len(expected)
            and all(same_data(a, b) for a, b in zip(ours, expected, strict=True))
        )
    if isinstance(expected, bool) or expected is None:
        return ours is expected
    if isinstance(expected, int | float):
        if isinstance(ours, bool):
            return False
        if isinstance(ours, int | float):
            return ours == expected or (
                isinstance(ours, float) and math.isnan(ours) and math.isnan(expected)
            )
        # kept as text: only what the documented rules keep
        return isinstance(ours, str) and bool(
            _CORE_INT.fullmatch(ours) or _CORE_FLOAT.fullmatch(ours)
        )
    return ours == expected
