"""Optional extras: whether one is installed (without importing it), and the message that
names it when it is not."""

from __future__ import annotations

from importlib.util import find_spec

# extra → (the module it brings, what it is for)
EXTRAS = {
    "docx": ("docx", "--format docx needs python-docx"),
    "web": ("textual_serve", "author serve needs textual-serve"),
}


def installed(extra: str) -> bool:
    return find_spec(EXTRAS[extra][0]) is not None


def missing_message(extra: str) -> str:
    return f"{EXTRAS[extra][1]}: install it with pip install 'author[{extra}]'"
