"""The key hints at the bottom: the keys that always work, and those of the focused field.

A single line (lighter than Textual's Footer, which rebuilds itself on every focus change);
each hint is also clickable.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

ALWAYS = [("ctrl+s", "^S", "Save", "screen.save"), ("ctrl+q", "^Q", "Quit", "screen.quit")]
AFTER = [
    ("f1", "F1", "Help", "screen.help"),
    ("f2", "F2", "Preview", "screen.toggle_preview"),
    ("f3", "F3", "Problems", "screen.problems"),
    ("f4", "F4", "Export", "screen.export"),
]


def hint(key: str, label: str, action: str | None) -> str:
    text = f"[b $accent]{key}[/] {label}"
    return f"[@click={action}]{text}[/]" if action else text


def context_hints(widget: Widget | None) -> list[tuple[str, str]]:
    """Extra keys for the focused widget: (key, what it does)."""
    from author.tui.widgets.fields import TimezoneInput
    from author.tui.widgets.followons import FollowOnCard
    from author.tui.widgets.participants import ParticipantCard
    from author.tui.widgets.points import PointText

    if widget is None:
        return []
    if isinstance(widget, PointText):
        return [("F5", "Add"), ("F6", "Delete"), ("F7/F8", "Move"), ("F9", "Heading/sub")]
    if isinstance(widget, TimezoneInput):
        return [("↓", "Zones")]
    for ancestor in widget.ancestors_with_self:
        if isinstance(ancestor, FollowOnCard):
            return [("F5", "Add"), ("F6", "Remove"), ("F7/F8", "Move")]
        if isinstance(ancestor, ParticipantCard):
            extra = [("→", "Suggestion")] if (widget.id or "").endswith("honorific") else []
            return [*extra, ("F5", "Add"), ("F6", "Remove"), ("F7/F8", "Move")]
    return []


class KeyHints(Static):
    def __init__(self) -> None:
        super().__init__("", id="key-hints")
        self.shown = ""

    def show_for(self, widget: Widget | None) -> None:
        parts = [hint(k, label, action) for _, k, label, action in ALWAYS]
        parts += [hint(k, label, None) for k, label in context_hints(widget)]
        parts += [hint(k, label, action) for _, k, label, action in AFTER]
        text = "  ".join(parts)
        if text != self.shown:
            self.shown = text
            self.update(text, layout=False)  # one fixed line: a repaint is enough
