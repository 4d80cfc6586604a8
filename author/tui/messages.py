"""The editor's typed messages: what a widget asks the screen to do, and what the screen
reports (for a test or the bench to observe). No string protocols: each request is a
dataclass, each report a message of its own."""

from __future__ import annotations

from textual.message import Message

from author.diagnostics import Loc
from author.tui.lists import ListEdit


class ListEditRequested(Message):
    """Add, remove or move an item of one of the readout's lists (F5-F8, or a button)."""

    def __init__(self, edit: ListEdit) -> None:
        super().__init__()
        self.edit = edit


class PointDetailsRequested(Message):
    """Open a point's heading and sub-points (F9)."""

    def __init__(self, index: int) -> None:
        super().__init__()
        self.index = index


class RenameRequested(Message):
    """Rename a field the format does not know (`sectoin` → `section`); with no new key,
    the screen asks the author for it."""

    def __init__(self, loc: Loc, new_key: str | None) -> None:
        super().__init__()
        self.loc, self.new_key = loc, new_key


class DraftFailed(Message):
    """The recovery draft could not be written (in its worker thread)."""

    def __init__(self, error: Exception) -> None:
        super().__init__()
        self.error = error


class FirstPaint(Message):
    """The editor screen has painted for the first time."""


class FormComplete(Message):
    """Every field of the form is mounted and painted (a long readout mounts some of its
    points after the first paint)."""


class PreviewPainted(Message):
    """The preview of a check has been painted; `check` counts the checks run."""

    def __init__(self, check: int) -> None:
        super().__init__()
        self.check = check
