"""The rendered page (text format), as it will be published.

A read-only view of the page's lines, wrapped to its width and scrollable with the keys
when focused. It keeps each line of the page wrapped: a new page (the next keystroke's)
wraps again only the lines that changed, and painting a row is one segment of text, so a
keystroke's preview paints in well under a millisecond, however long the page (a Textual
text area, which this was, took some 8 ms to paint its visible lines after each edit).
"""

from __future__ import annotations

from collections.abc import Callable
from itertools import chain

from rich.segment import Segment
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.content import Content
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widgets import Label

from author.tui.wrapja import wrap_page


def wrapped(line: str, width: int) -> list[str]:
    """The rows `line` takes at `width` cells: broken at spaces (a word longer than the
    width folded), as a terminal text area breaks them."""
    if width <= 0 or not line:
        return [line]
    return [row.plain for row in Content(line).wrap(width, overflow="fold")] or [""]


def changed_lines(old: list[str], new: list[str]) -> tuple[int, int]:
    """How many lines `old` and `new` start with in common, and how many they end with
    in common after those."""
    limit = min(len(old), len(new))
    head = 0
    while head < limit and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
        tail += 1
    return head, tail


class PageView(ScrollView, can_focus=True):
    """The page text: read-only, wrapped, scrollable with the keys when focused."""

    # The view's size is fixed (the rest of the screen's height): a page a line longer
    # needs a repaint and its scroll bar, not a new layout of the whole screen (Widget's
    # default), which a key that wraps the page onto one more line otherwise costs.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(self) -> None:
        super().__init__(id="preview-text")
        self.page = ""  # the page shown (before its lines are broken for Japanese)
        self.japanese = False  # the Japanese page: its lines broken here (author/tui/wrapja.py)
        self.text = ""  # the text shown: the page, or the Japanese page with its lines broken
        self._lines: list[str] = []  # the text's lines
        self._wrapped: list[list[str]] = []  # each line's rows
        self._rows: list[str] = []  # every row, top to bottom
        self._width = 0  # the width the rows are wrapped for
        # posted to the app once the page is painted, and what to do after that frame
        self._report: tuple[Message, Callable[[], object]] | None = None

    @property
    def wrap_width(self) -> int:
        """The width the rows fit in: the view's, less its scroll bar."""
        return self.scrollable_content_region.width

    def report_when_painted(self, message: Message, then: Callable[[], object]) -> None:
        """Post `message` to the app when the text shown now has been painted (the
        compositor asks the view for its lines as it paints them), and call `then` once
        that frame is out."""
        self._report = (message, then)
        self.refresh_lines(round(self.scroll_y), 1)  # at least one row to paint

    def render_lines(self, crop: Region) -> list[Strip]:
        lines = super().render_lines(crop)
        if self._report is not None:
            (report, then), self._report = self._report, None
            self.app.post_message(report)
            self.call_later(then)  # runs once the frame being painted is written
        return lines

    def render_line(self, y: int) -> Strip:
        row = self.scroll_offset.y + y
        style = self.rich_style
        text = self._rows[row] if 0 <= row < len(self._rows) else ""
        return Strip([Segment(text, style)]).extend_cell_length(self.size.width, style)

    def show_page(self, page: str, japanese: bool, fresh: bool = False) -> None:
        """Show `page` (`fresh`: another page, not an edit of the one shown, which starts
        at its top); a Japanese page with its lines broken as Japanese breaks them. The
        view follows an edit: its last changed row comes into view."""
        self.page, self.japanese = page, japanese
        self.text = self.laid_out(page)
        lines = self.text.split("\n")
        if fresh or self.wrap_width != self._width:
            self._wrap(lines, 0, 0)
            if fresh:
                self.scroll_to(y=0, animate=False)
            return
        last = self._wrap(lines, *changed_lines(self._lines, lines))
        if last is not None:
            self.scroll_to_region(Region(0, last, 1, 1), animate=False, immediate=True)

    def _wrap(self, lines: list[str], head: int, tail: int) -> int | None:
        """Show `lines`, wrapping those between the first `head` and the last `tail` (the
        others are wrapped already); the last row of those, or None when there are none."""
        width = self.wrap_width
        middle = [wrapped(line, width) for line in lines[head : len(lines) - tail]]
        kept = self._wrapped[len(self._wrapped) - tail :] if tail else []
        first = sum(len(rows) for rows in self._wrapped[:head])
        self._wrapped = self._wrapped[:head] + middle + kept
        self._lines, self._width = lines, width
        rows_before = len(self._rows)
        self._rows = list(chain.from_iterable(self._wrapped))
        self.virtual_size = Size(width, len(self._rows))
        self._refresh_scrollbars()
        changed = sum(len(rows) for rows in middle)
        # only the rows that changed are painted again (all below them when the rows moved)
        self.refresh_lines(first, changed if len(self._rows) == rows_before else len(self._rows))
        return first + changed - 1 if changed else None

    def laid_out(self, page: str) -> str:
        width = self.wrap_width
        if not self.japanese or width <= 0:
            return page
        return wrap_page(page, width)

    def on_resize(self) -> None:
        if self.wrap_width != self._width:  # every line wrapped again, the scroll kept
            self.text = self.laid_out(self.page)
            self._wrap(self.text.split("\n"), 0, 0)


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
