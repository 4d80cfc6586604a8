"""Export (F4) and what a save says: the pages beside a readout, written or out of date.
No Textual here: each function returns what to say as a `Notice`, which the screen shows."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from author.check import CheckResult, japanese_page_errors
from author.config import Config
from author.extras import installed
from author.pages import LANGS, PAGE_SUFFIXES, page_path, rendered_siblings
from author.render import RenderError, render

Severity = Literal["information", "warning", "error"]  # as Textual's notify takes it


@dataclass(frozen=True)
class Notice:
    """A message for the status corner: `notify(message, title=, severity=, timeout=)`."""

    message: str
    title: str = ""
    severity: Severity = "information"
    timeout: float = 4


def _plural(count: int, noun: str) -> str:
    return f"{count} {noun}{'s' * (count != 1)}"


def export_pages(path: Path | None, result: CheckResult, config: Config) -> list[Notice]:
    """Write the pages of a checked readout beside its file: text, Markdown, HTML (and
    Word with the author[docx] extra); the Japanese ones too when the readout has
    Japanese facts and every Japanese text its page needs (`render --check` keeps them in
    step the same way). What to say, first the outcome."""
    from author.yamlio import write_atomic

    readout = result.readout
    if readout is None or result.errors:
        count = len(result.errors)
        return [Notice(f"Cannot export: fix the {_plural(count, 'error')} first (F3 lists "
                       "them).", severity="error")]
    if path is None:
        return [Notice("Save the readout first (Ctrl+S): the pages go next to its file.")]
    missing = japanese_page_errors(result) if readout.has_japanese else []
    langs = ("en", "ja") if readout.has_japanese and not missing else ("en",)
    written = []
    try:
        for lang in langs:
            for fmt in PAGE_SUFFIXES:
                target = page_path(path, fmt, lang)
                write_atomic(target, render(readout, fmt, config=config, lang=lang))
                written.append(target.name)
            if installed("docx"):  # the Word document, with the author[docx] extra
                from author.word import readout_docx

                target = page_path(path, "docx", lang)
                write_atomic(target, readout_docx(readout, config, lang=lang))
                written.append(target.name)
    except (OSError, RenderError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return [Notice(f"Export failed: {reason}", severity="error", timeout=8)]
    notices = [Notice("Exported " + ", ".join(written), title="Export")]
    if missing:
        notices.append(Notice(
            f"The Japanese page lacks {_plural(len(missing), 'Japanese text')} "
            "(missing-translation, F3): not exported.",
            severity="warning",
            timeout=8,
        ))
    return notices


def stale_pages(readout: Path, result: CheckResult, config: Config) -> list[Path]:
    """The pages exported beside `readout` (English and Japanese) that no longer match it."""
    pages = rendered_siblings(readout)
    if result.errors or result.readout is None:
        stale = list(pages.values())
    else:
        stale = []
        for (lang, fmt), page in pages.items():
            try:
                current = page.read_text(encoding="utf-8")
                fresh = render(result.readout, fmt, config=config, lang=lang)
            except (OSError, UnicodeDecodeError, RenderError):
                continue
            if current != fresh:
                stale.append(page)
    for lang in LANGS:
        document = page_path(readout, "docx", lang)
        if document.is_file() and (
            result.errors or any(page in stale for (of, _), page in pages.items() if of == lang)
        ):
            stale.append(document)
    return stale


def saved_notice(saved: Path, result: CheckResult, config: Config) -> Notice:
    """What a save says: what was saved, what its errors mean, and which exported pages
    are now out of date."""
    stale = stale_pages(saved, result, config)
    errors = len(result.errors)
    if errors:
        message = (
            f"Saved {saved.name} with {_plural(errors, 'error')}; the page cannot be "
            "rendered until they are fixed (F3 lists them)."
        )
    else:
        message = f"Saved {saved.name}."
    if stale:
        names = ", ".join(page.name for page in stale)
        message += f" Out of date now: {names}" + (
            " (F4 exports them again once the errors are fixed)."
            if errors
            else " (F4 exports them again)."
        )
    return Notice(
        message,
        title="Saved with errors" if errors else "Saved",
        severity="warning" if errors or stale else "information",
        timeout=10 if errors or stale else 4,
    )
