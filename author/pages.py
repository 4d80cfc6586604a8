"""Which page stands beside which readout: `x.readout.yaml` ↔ `x.txt`, `x.md`, `x.html`,
and the Japanese pages `x.ja.txt`, `x.ja.md`, `x.ja.html`.

One rule for the editor's export and for `author render --check` (the pre-commit hook), so
the pages the editor writes are exactly the pages the hook keeps in step."""

from __future__ import annotations

from pathlib import Path

# The formats' suffixes and the languages are the registry's; the Word document the
# editor's export writes beside the pages (`DOCUMENT_SUFFIX`) `render --check` leaves
# alone (it is not text).
from author.registry import DOCUMENT_SUFFIX as DOCUMENT_SUFFIX
from author.registry import LANGS as LANGS
from author.registry import PAGE_SUFFIXES as PAGE_SUFFIXES

READOUT_SUFFIXES = (".readout.yaml", ".readout.yml")
_JA = ".ja"


def page_path(readout_path: Path, fmt: str, lang: str = "en") -> Path:
    """`x.readout.yaml` → `x.txt` (text), `x.md` (md), `x.html` (html) or `x.docx` (docx);
    in Japanese `x.ja.txt`, `x.ja.md`, `x.ja.html`, `x.ja.docx`."""
    name = readout_path.name
    for suffix in READOUT_SUFFIXES:
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        stem = readout_path.stem
    mark = "" if lang == "en" else f".{lang}"
    suffix = DOCUMENT_SUFFIX if fmt == "docx" else PAGE_SUFFIXES[fmt]
    return readout_path.with_name(stem + mark + suffix)


def rendered_siblings(readout_path: Path) -> dict[tuple[str, str], Path]:
    """`x.readout.yaml` → the pages beside it that exist: {(language, format): path}."""
    pages = {
        (lang, fmt): page_path(readout_path, fmt, lang) for lang in LANGS for fmt in PAGE_SUFFIXES
    }
    return {key: page for key, page in pages.items() if page.is_file()}


def readout_beside(page: Path) -> Path | None:
    """`x.txt` / `x.md` / `x.html` (or `x.ja.txt`, …) → the `x.readout.yaml` (or `.yml`)
    beside it, if any. `x.ja.txt` is the Japanese page of `x.readout.yaml`, or, when there
    is no such readout, the English page of `x.ja.readout.yaml`."""
    if page.suffix not in PAGE_SUFFIXES.values():
        return None
    stems = [page.stem]
    if page.stem.endswith(_JA):
        stems.insert(0, page.stem[: -len(_JA)])
    for stem in stems:
        for suffix in READOUT_SUFFIXES:
            candidate = page.with_name(stem + suffix)
            if candidate.is_file():
                return candidate
    return None
