"""What the preview shows for a check: the page `author render` prints when the readout
is valid, else the page as far as the facts go (author/partial.py), and the status line's
counts. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from author.check import CheckResult, japanese_page_errors
from author.config import Config
from author.partial import partial_page
from author.render import RenderError, render


@dataclass(frozen=True)
class PreviewState:
    page: str | None  # the page to show; None: keep the page shown
    errors: int
    warnings: int
    partial: bool = False  # the page so far, its gaps in [brackets]
    missing: int | None = 0  # the Japanese page: texts it lacks (None: no Japanese facts)
    failure: str = ""  # the render failed: why (the last page stays shown)


def preview_state(result: CheckResult, data: Any, lang: str, config: Config) -> PreviewState:
    """The preview of `result` (of the readout's `data`) in `lang`."""
    errors = len(result.errors)
    warnings = len(result.diagnostics) - errors
    readout = result.readout
    missing: int | None = 0
    if lang == "ja" and readout is not None:
        missing = len(japanese_page_errors(result)) if readout.has_japanese else None
    page: str | None
    try:
        if readout is not None:
            page = render(readout, "text", config=config, lang=lang)
        elif lang == "en":  # the page as far as the facts go, its gaps in [brackets]
            page = partial_page(data, "text", config)
            return PreviewState(page, errors, warnings, page is not None, missing)
        else:  # the Japanese page waits for the English facts to hold together
            page = None
    except Exception as exc:  # RenderError, or a bug: keep the last page shown
        reason = str(exc) if isinstance(exc, RenderError) else type(exc).__name__
        return PreviewState(None, errors, warnings, False, missing, reason)
    return PreviewState(page, errors, warnings, False, missing)
