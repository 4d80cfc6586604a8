"""The key hints at the bottom: the keys that always work, and those of the focused field.

A single line (lighter than Textual's Footer, which rebuilds itself on every focus change);
each hint is also clickable.
"""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Static

from author.tui.keys import hints


def hint(key: str, label: str, action: str | None) -> str:
    text = f"[b $accent]{key}[/] {label}"
    return f"[@click={action}]{text}[/]" if action else text


def context_hints(widget: Widget | None) -> list[tuple[str, str, str]]:
    """Extra keys for the focused widget: (key, word, action)."""
    from author.tui.widgets.fields import TimezoneInput
    from author.tui.widgets.followons import FollowOnCard
    from author.tui.widgets.participants import ParticipantCard
    from author.tui.widgets.points import PointArea

    if widget is None:
        return []
    if isinstance(widget, PointArea):
        return hints("point")
    if isinstance(widget, TimezoneInput):
        return hints("timezone")
    for ancestor in widget.ancestors_with_self:
        if isinstance(ancestor, FollowOnCard):
            return hints("follow_on")
        if isinstance(ancestor, ParticipantCard):
            extra = hints("honorific") if (widget.id or "").endswith("honorific") else []
            return [*extra, *hints("participant")]
    return []


class KeyHints(Static):
    def __init__(self) -> None:
        super().__init__("", id="key-hints")
        self.shown = ""

    def show_for(self, widget: Widget | None) -> None:
        always = hints("editor")  # Save, Quit, Undo first; then the field's keys; then F1-F4
        parts = [hint(k, word, f"screen.{action}") for k, word, action in always[:3]]
        parts += [hint(k, word, None) for k, word, _ in context_hints(widget)]
        parts += [hint(k, word, f"screen.{action}") for k, word, action in always[3:]]
        text = "  ".join(parts)
        if text != self.shown:
            self.shown = text
            self.update(text, layout=False)  # one fixed line: a repaint is enough
