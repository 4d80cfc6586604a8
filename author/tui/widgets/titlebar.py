"""The title bar at the top: Textual's Header, its title one line whatever it says."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.visual import VisualType
from textual.widgets import Header
from textual.widgets._header import HeaderClockSpace, HeaderIcon, HeaderTitle


class TitleLine(HeaderTitle):
    """The file's name and `(modified)`: a new title is a repaint of its line. Textual's
    own asks for a layout of the whole screen (its size could change, it cannot here),
    which the first edit of a 200-point readout paid for with some 50 ms."""

    def update(self, content: VisualType = "", *, layout: bool = False) -> None:
        super().update(content, layout=False)


class TitleBar(Header):
    """Textual's Header (icon, title, no clock), with the title of TitleLine."""

    def compose(self) -> ComposeResult:
        yield HeaderIcon().data_bind(Header.icon)
        yield TitleLine()
        yield HeaderClockSpace()
