"""The rendered page (text format), as it will be published.

A read-only text area: it wraps and scrolls by itself, so a new page repaints the preview
without laying out the whole screen again (a 30-point page updates in a few milliseconds).
"""

from __future__ import annotations

import os

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.strip import Strip
from textual.widgets import Label, TextArea
from textual.widgets.text_area import Document

from author.tui.wrapja import wrap_page


class PageView(TextArea):
    """The page text: read-only, wrapped, scrollable with the keys when focused."""

    # The view's size is fixed (the rest of the screen's height): a page a line longer
    # needs a repaint and its scroll bar, not a new layout of the whole screen (Widget's
    # default), which a key that wraps the page onto one more line otherwise costs.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

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
        self._report: Message | None = None  # posted to the app once the page is painted

    def report_when_painted(self, message: Message) -> None:
        """Post `message` to the app when the text shown now has been painted (the
        compositor asks the text area for its lines as it paints them)."""
        self._report = message
        self.refresh()

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if self._report is not None:
            report, self._report = self._report, None
            self.app.post_message(report)
        return lines

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
        tail = common_suffix(old, new, min(len(old), len(new)) - head)
        document = self.document
        if not isinstance(document, Document):  # pragma: no cover - a plain text area's
            self.load_text(new)
            return
        start = document.get_location_from_index(head)
        end = document.get_location_from_index(len(old) - tail)
        self.replace(new[head : len(new) - tail], start, end, maintain_selection_offset=False)


def common_suffix(old: str, new: str, limit: int) -> int:
    """How many characters `old` and `new` end with in common, at most `limit`: found by
    halving, comparing slices (a character at a time in Python took 10 ms per key on a
    200-point page)."""
    low, high = 0, limit  # the suffix of length `low` is common; longer than `high` is not
    while low < high:
        middle = (low + high + 1) // 2
        if old[len(old) - middle :] == new[len(new) - middle :]:
            low = middle
        else:
            high = middle - 1
    return low


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

    def show_page(self, text: str) -> bool:
        """Show the page `text`; False when it is the page shown already."""
        if text == self.text:
            return False
        self.page.show_page(text, self.lang == "ja", fresh=not self.text)
        self.text = text
        return True

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
