"""The numbered points: add, edit (multi-line), delete, move; optional heading, sub-points.

Each point is one text area (its number, and its heading when it has one, in the border);
F9 opens its heading and sub-points. One widget per point keeps a 30-point readout quick.
"""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widgets import Button, Label, Static

from author.diagnostics import Diagnostic, Loc
from author.tui.keys import bindings
from author.tui.session import EditSession, display_value
from author.tui.widgets.fields import BoundTextArea, ProblemTarget, problem_text


def keep_text(text: str) -> str:
    return text


class PointText(BoundTextArea, ProblemTarget):
    """One numbered point's text."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("point")  # author/tui/keys.py

    class Edit(Message):
        def __init__(self, index: int, action: str, delta: int = 0) -> None:
            super().__init__()
            self.index, self.action, self.delta = index, action, delta

    def __init__(self, session: EditSession, index: int) -> None:
        super().__init__(
            ("points", index),
            display_value(session.point_part(index, "text")),
            placeholder="the point, as it should be printed (a blank line starts a new "
            "paragraph; under a heading with sub-points it may stay empty)",
            to_data=keep_text,
            writer="point:text",
            id=f"point-{index}-text",
            classes="point-text",
            compact=False,
        )
        self.session = session
        self.index = index
        self.problem_note = ""

    def on_mount(self) -> None:
        self.update_labels()

    def update_labels(self) -> None:
        heading = self.session.point_part(self.index, "heading")
        subs = self.session.point_part(self.index, "points")
        title = f"{self.index + 1}."
        if isinstance(heading, str) and heading.strip():
            title += f" {heading}"
        self.border_title = Content(title)  # as typed: no markup
        notes = []
        if isinstance(subs, list) and subs:
            notes.append(f"{len(subs)} sub-point{'s' * (len(subs) != 1)}")
        if self.problem_note:
            notes.append(self.problem_note)
        self.border_subtitle = Content(" · ".join(notes))

    def action_edit(self, action: str, delta: int = 0) -> None:
        self.post_message(self.Edit(self.index, action, delta))

    # -- problems ---------------------------------------------------------------------------
    def target_locs(self) -> list[Loc]:
        return [("points", self.index)]

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        has_error = any(d.is_error for d in diagnostics)
        self.set_class(has_error, "-error")
        self.set_class(bool(diagnostics) and not has_error, "-warning")
        first = problem_text(diagnostics[:1])
        more = f" (+{len(diagnostics) - 1})" if len(diagnostics) > 1 else ""
        self.problem_note = first + more
        self.tooltip = problem_text(diagnostics) or None
        self.update_labels()

    def focus_problem(self) -> None:
        self.focus()
        self.scroll_visible(animate=False)


class PointsEditor(Vertical, ProblemTarget):
    """The points. When a file opens, the first EAGER points come with the first paint and
    the rest are mounted right after it, so a long readout shows at once."""

    EAGER = 6

    class Mounted(Message):
        """Every point's widget is in place."""

    def __init__(self, session: EditSession) -> None:
        super().__init__(id="points-editor", classes="form-section")
        self.session = session
        self.current = 0  # the point the buttons act on: the last one focused
        self.lazy = True
        self.pending: list[PointText] = []

    def compose(self) -> ComposeResult:
        yield Label("Points", classes="section-title")
        for index, _ in enumerate(self.session.items("points")):
            point = PointText(self.session, index)
            if self.lazy and index >= self.EAGER:
                self.pending.append(point)
            else:
                yield point
        self.message = Static("", classes="field-message", markup=False)
        self.message.display = False
        yield self.message
        with Horizontal(classes="point-buttons"):
            yield Button("+ Add point", id="add-point", classes="add-button")
            for action, label, tip in (
                ("details", "Heading/sub-points", "F9"),
                ("up", "↑", "Move up (F7)"),
                ("down", "↓", "Move down (F8)"),
                ("delete", "✕", "Remove (F6)"),
            ):
                button = Button(label, id=f"point-{action}", classes="card-button", tooltip=tip)
                button.can_focus = False  # clicking keeps the focus on the point
                yield button

    async def mount_rest(self) -> None:
        self.lazy = False
        pending, self.pending = self.pending, []
        if pending:
            await self.mount_all(pending, before=self.message)
            self.post_message(self.Mounted())

    def points(self) -> list[PointText]:
        return list(self.query_children(PointText))

    def on_descendant_focus(self, event) -> None:
        if isinstance(event.widget, PointText):
            self.current = event.widget.index

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        count = len(self.points())
        current = min(self.current, count - 1)
        button = event.button.id or ""
        if button == "add-point":
            self.post_message(PointText.Edit(count - 1, "add"))
        elif count and button == "point-details":
            self.post_message(PointText.Edit(current, "details"))
        elif count and button in ("point-up", "point-down"):
            self.post_message(PointText.Edit(current, "move", -1 if button == "point-up" else 1))
        elif count and button == "point-delete":
            self.post_message(PointText.Edit(current, "delete"))

    def target_locs(self) -> list[Loc]:
        return [("points",)]

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        self.message.update(problem_text(diagnostics))
        self.message.display = bool(diagnostics)
        self.message.set_class(any(d.is_error for d in diagnostics), "-error")

    def focus_problem(self) -> None:
        button = self.query_one("#add-point", Button)
        button.focus()
        button.scroll_visible(animate=False)
