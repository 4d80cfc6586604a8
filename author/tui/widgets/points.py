"""The numbered points: add, edit (multi-line), delete, move; optional heading, sub-points."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.widgets import Button, Label, Static

from author.diagnostics import Diagnostic, Loc
from author.tui.session import EditSession, display_value
from author.tui.widgets.fields import (
    BoundInput,
    BoundTextArea,
    FieldRow,
    ProblemTarget,
    lines_or_none,
    problem_text,
)
from author.tui.widgets.participants import card_buttons


def keep_text(text: str) -> str:
    return text


class PointCard(Vertical):
    """One numbered point: its text, and an optional heading and sub-points."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("f5", "add", "Add point"),
        Binding("f6", "delete", "Delete"),
        Binding("f7,alt+up", "move(-1)", "Up"),
        Binding("f8,alt+down", "move(1)", "Down"),
    ]

    class Edit(Message):
        def __init__(self, index: int, action: str, delta: int = 0) -> None:
            super().__init__()
            self.index, self.action, self.delta = index, action, delta

    def __init__(self, session: EditSession, index: int) -> None:
        super().__init__(classes="card point")
        self.session = session
        self.index = index

    def compose(self) -> ComposeResult:
        i = self.index
        heading = self.session.point_part(i, "heading")
        subs = self.session.point_part(i, "points")
        with Horizontal(classes="card-top"):
            yield Label(f"{i + 1}.", classes="card-number")
            yield Static("", classes="card-fill")
            yield from card_buttons(f"point-{i}")
        yield FieldRow(
            "Text",
            BoundTextArea(
                ("points", i),
                display_value(self.session.point_part(i, "text")),
                placeholder="the point, as it should be printed",
                to_data=keep_text,
                writer="point:text",
                id=f"point-{i}-text",
                classes="point-text",
            ),
        )
        yield FieldRow(
            "Heading",
            BoundInput(
                ("points", i, "heading"),
                display_value(heading),
                placeholder="(optional)",
                writer="point:heading",
                id=f"point-{i}-heading",
            ),
        )
        yield FieldRow(
            "Sub-points",
            BoundTextArea(
                ("points", i, "points"),
                "\n".join(display_value(s) for s in subs) if isinstance(subs, list) else "",
                placeholder="(optional) one per line: (1), (2), …",
                to_data=lines_or_none,
                writer="point:points",
                id=f"point-{i}-points",
                classes="lines",
            ),
        )

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        kind = (event.button.id or "").split("-", 1)[0]
        if kind == "up":
            self.action_move(-1)
        elif kind == "down":
            self.action_move(1)
        elif kind == "del":
            self.action_delete()

    def action_add(self) -> None:
        self.post_message(self.Edit(self.index, "add"))

    def action_delete(self) -> None:
        self.post_message(self.Edit(self.index, "delete"))

    def action_move(self, delta: int) -> None:
        self.post_message(self.Edit(self.index, "move", delta))


class PointsEditor(Vertical, ProblemTarget):
    def __init__(self, session: EditSession) -> None:
        super().__init__(id="points-editor", classes="form-section")
        self.session = session

    def compose(self) -> ComposeResult:
        yield Label("Points", classes="section-title")
        for index, _ in enumerate(self.session.items("points")):
            yield PointCard(self.session, index)
        self.message = Static("", classes="field-message", markup=False)
        yield self.message
        yield Button("+ Add point", id="add-point", classes="add-button")

    def cards(self) -> list[PointCard]:
        return list(self.query_children(PointCard))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-point":
            event.stop()
            self.post_message(PointCard.Edit(len(self.cards()) - 1, "add"))

    def target_locs(self) -> list[Loc]:
        return [("points",)]

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        self.message.update(problem_text(diagnostics))
        self.set_class(bool(diagnostics), "-has-problem")
        self.set_class(any(d.is_error for d in diagnostics), "-error")

    def focus_problem(self) -> None:
        button = self.query_one("#add-point", Button)
        button.focus()
        button.scroll_visible(animate=False)
