"""What the preview shows for a check: the page `author render` prints when the readout
is valid, else the page as far as the facts go (author/partial.py), and the status line's
counts. No Textual here."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any, TypedDict

from author.check import CheckResult, japanese_page_errors
from author.config import Config
from author.model import Readout
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
    return replace(preview_page(result.readout, data, lang, config), **preview_counts(result, lang))


class Counts(TypedDict):
    errors: int
    warnings: int
    missing: int | None


def preview_counts(result: CheckResult, lang: str) -> Counts:
    """The status line's counts of `result`: errors, warnings, and on the Japanese page
    the Japanese texts it lacks (None: no Japanese facts at all)."""
    errors = len(result.errors)
    readout = result.readout
    missing: int | None = 0
    if lang == "ja" and readout is not None:
        missing = len(japanese_page_errors(result)) if readout.has_japanese else None
    return Counts(errors=errors, warnings=len(result.diagnostics) - errors, missing=missing)


def preview_page(readout: Readout | None, data: Any, lang: str, config: Config) -> PreviewState:
    """The page of `readout` (the model's of `data`; None: it refused the data) in `lang`,
    without the counts of a check (zero here)."""
    page: str | None
    try:
        if readout is not None:
            page = render(readout, "text", config=config, lang=lang)
        elif lang == "en":  # the page as far as the facts go, its gaps in [brackets]
            page = partial_page(data, "text", config)
            return PreviewState(page, 0, 0, page is not None)
        else:  # the Japanese page waits for the English facts to hold together
            page = None
    except Exception as exc:  # RenderError, or a bug: keep the last page shown
        reason = str(exc) if isinstance(exc, RenderError) else type(exc).__name__
        return PreviewState(None, 0, 0, False, 0, reason)
    return PreviewState(page, 0, 0)


def same_readout(one: Readout | None, other: Readout | None) -> bool:
    """Whether two readouts make the same page: equal in every field, and in the fields
    they set (a readout that names its style is rendered in it, `render`)."""
    if one is None or other is None:
        return one is other
    return one == other and one.model_fields_set == other.model_fields_set
