"""Which page stands beside which readout: `x.readout.yaml` ↔ `x.txt`, `x.md`, `x.html`.

One rule for the editor's export and for `author render --check` (the pre-commit hook), so
the pages the editor writes are exactly the pages the hook keeps in step."""

from __future__ import annotations

from pathlib import Path

READOUT_SUFFIXES = (".readout.yaml", ".readout.yml")
PAGE_SUFFIXES = {"text": ".txt", "md": ".md", "html": ".html"}
# The Word document the editor's export writes beside the pages; `render --check` leaves it
# alone (it is not text).
DOCUMENT_SUFFIX = ".docx"


def page_path(readout_path: Path, fmt: str) -> Path:
    """`x.readout.yaml` → `x.txt` (text), `x.md` (md), `x.html` (html) or `x.docx` (docx)."""
    name = readout_path.name
    for suffix in READOUT_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        stem = readout_path.stem
    suffix = DOCUMENT_SUFFIX if fmt == "docx" else PAGE_SUFFIXES[fmt]
    return readout_path.with_name(stem + suffix)


def rendered_siblings(readout_path: Path) -> dict[str, Path]:
    """`x.readout.yaml` → the pages beside it that exist: {format: path}."""
    pages = {fmt: page_path(readout_path, fmt) for fmt in PAGE_SUFFIXES}
    return {fmt: page for fmt, page in pages.items() if page.is_file()}


def readout_beside(page: Path) -> Path | None:
    """`x.txt` / `x.md` / `x.html` → the `x.readout.yaml` (or `.yml`) beside it, if any."""
    if page.suffix not in PAGE_SUFFIXES.values():
        return None
    for suffix in READOUT_SUFFIXES:
        candidate = page.with_name(page.stem + suffix)
        if candidate.is_file():
            return candidate
    return None
