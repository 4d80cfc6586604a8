"""The rendered page (text format), as it will be published.

A read-only text area: it wraps and scrolls by itself, so a new page repaints the preview
without laying out the whole screen again (a 30-point page updates in a few milliseconds).
"""

from __future__ import annotations

import os

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Label, TextArea
from textual.widgets.text_area import Document


class PageView(TextArea):
    """The page text: read-only, wrapped, scrollable with the keys when focused."""

    def __init__(self) -> None:
        super().__init__(
            "",
            read_only=True,
            soft_wrap=True,
            show_cursor=False,
            highlight_cursor_line=False,
            compact=True,
            id="preview-text",
            max_checkpoints=1,
        )

    def show(self, old: str, new: str) -> None:
        """Replace only the part of the page that changed: the rest keeps its wrapping,
        and the view follows the change."""
        if not old or self.text != old:
            self.load_text(new)
            return
        head = len(os.path.commonprefix([old, new]))  # noqa: RUF071 (text, not paths)
        limit = min(len(old), len(new)) - head
        tail = 0
        while tail < limit and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        document = self.document
        if not isinstance(document, Document):  # pragma: no cover - a plain text area's
            self.load_text(new)
            return
        start = document.get_location_from_index(head)
        end = document.get_location_from_index(len(old) - tail)
        self.replace(new[head : len(new) - tail], start, end, maintain_selection_offset=False)


LANGUAGES = {"en": "Preview", "ja": "Preview: 日本語 (F12: English)"}


class Preview(Vertical):
    def __init__(self) -> None:
        super().__init__(id="preview")
        self.title = Label(LANGUAGES["en"], classes="section-title", markup=False)
        self.status = Label("", id="preview-status", markup=False)
        self.page = PageView()
        self.text = ""
        self.lang = "en"  # the page shown: English, or (F12) Japanese

    def compose(self) -> ComposeResult:
        yield self.title
        yield self.status
        yield self.page

    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.title.update(LANGUAGES[lang])

    def show_page(self, text: str) -> None:
        if text != self.text:
            self.page.show(self.text, text)
            self.text = text

    def show_status(
        self, errors: int, warnings: int, partial: bool = False, missing: int | None = 0
    ) -> None:
        """`missing`: on the Japanese page, how many Japanese texts it lacks (None: the
        readout has no Japanese facts at all)."""
        if errors:
            plural = "s" * (errors != 1)
            note = f"{errors} error{plural}: " + (
                "the page so far, gaps in [brackets]"
                if partial
                else "showing the last good page"
                if self.text
                else "no page yet"
            )
        elif warnings:
            note = f"{warnings} warning{'s' * (warnings != 1)}"
        else:
            note = "no problems"
        if self.lang == "ja" and missing is None:
            note += "; no Japanese facts yet (F10 shows the Japanese fields)"
        elif self.lang == "ja" and missing:
            note += f"; {missing} Japanese text{'s' * (missing != 1)} missing"
        if str(self.status.content) != note:
            self.status.update(note, layout=False)  # a fixed line
        self.set_class(bool(errors), "-stale")
