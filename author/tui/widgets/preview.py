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

from author.tui.wrapja import wrap_page


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

        self.page = ""  # the page shown (before its lines are broken for Japanese)
        self.japanese = False  # the Japanese page: its lines broken here (author/tui/wrapja.py)
        self._laid_out_at = 0  # the width the Japanese lines were broken for

    def show_page(self, page: str, japanese: bool, fresh: bool = False) -> None:
        """Show `page` (`fresh`: another page, not an edit of the one shown); a Japanese
        page with its lines broken as Japanese breaks them."""
        self.page, self.japanese = page, japanese
        if fresh:
            self.load_text(self.laid_out(page))
        else:
            self.show(self.laid_out(page))

    def laid_out(self, page: str) -> str:
        if not self.japanese or self.wrap_width <= 0:
            return page
        self._laid_out_at = self.wrap_width
        return wrap_page(page, self.wrap_width)

    def on_resize(self) -> None:
        if self.japanese:
            self.call_after_refresh(self._lay_out_again)  # once the new width is known

    def _lay_out_again(self) -> None:
        if self.japanese and self.wrap_width != self._laid_out_at:
            self.load_text(self.laid_out(self.page))

    def show(self, new: str) -> None:
        """Replace only the part of the text that changed: the rest keeps its wrapping,
        and the view follows the change."""
        old = self.text
        if not old:
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
            self.page.show_page(text, self.lang == "ja", fresh=not self.text)
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
