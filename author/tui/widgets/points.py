"""The numbered points: add, edit (multi-line), remove, move; optional heading, sub-points.

Each point is one text area (its number, and its heading when it has one, in the border);
F9 opens its heading and sub-points. One widget per point keeps a 30-point readout quick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from author.diagnostics import Diagnostic, Loc
from author.tui.japanese import JA_FIELD
from author.tui.keys import bindings, tooltip
from author.tui.lists import ListEdit, Op
from author.tui.messages import ListEditRequested, PointDetailsRequested
from author.tui.session import EditSession, display_value
from author.tui.widgets.fields import BoundTextArea, ProblemTarget, problem_text, text_or_none
from author.tui.widgets.progressive import Progressive


def keep_text(text: str) -> str:
    return text


class PointArea(BoundTextArea, ProblemTarget):
    """A text area of point `index` (its English or Japanese text): F5-F9 act on the point,
    and its problems show in its lower border as the author types."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("point")  # author/tui/keys.py

    index: int
    problem_note = ""

    def on_mount(self) -> None:
        self.update_labels()

    def update_labels(self) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def action_add(self) -> None:
        self.post_message(ListEditRequested(ListEdit("points", self.index, Op.ADD)))

    def action_remove(self) -> None:
        self.post_message(ListEditRequested(ListEdit("points", self.index, Op.REMOVE)))

    def action_move(self, delta: int) -> None:
        self.post_message(ListEditRequested(ListEdit("points", self.index, Op.MOVE, delta)))

    def action_details(self) -> None:
        self.post_message(PointDetailsRequested(self.index))

    # -- problems (a ProblemTarget: author/tui/routing.py) --------------------------------------
    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        has_error = any(d.is_error for d in diagnostics)
        self.set_class(has_error, "-error")
        self.set_class(bool(diagnostics) and not has_error, "-warning")
        more = f" (+{len(diagnostics) - 1})" if len(diagnostics) > 1 else ""
        self.problem_note = problem_text(diagnostics[:1]) + more
        self.tooltip = problem_text(diagnostics) or None
        self.update_labels()

    def focus_problem(self) -> None:
        self.focus()
        self.scroll_visible(animate=False)


class PointText(PointArea):
    """One numbered point's text."""

    def __init__(self, session: EditSession, index: int) -> None:
        super().__init__(
            ("points", index),
            display_value(session.point_part(index, "text")),
            placeholder="the point, as it should be printed (a blank line starts a new "
            "paragraph; under a heading with sub-points it may stay empty)",
            to_data=keep_text,
            point_part="text",
            id=f"point-{index}-text",
            classes="point-text",
            compact=False,
        )
        self.session = session
        self.index = index

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

    def target_locs(self) -> list[Loc]:
        return [("points", self.index)]


class PointJaText(PointArea):
    """A point's Japanese text, under its English text (shown with the other Japanese
    fields). Its problems (`translation-mismatch`: the two texts' numbers differ, and the
    Japanese free-text checks) show in its lower border as the author types."""

    def __init__(self, session: EditSession, index: int) -> None:
        ja = session.point_part(index, "ja")
        if isinstance(ja, dict):  # `ja: {text, heading, points}`: this box edits its text
            super().__init__(
                ("points", index, "ja", "text"), display_value(ja.get("text")),
                to_data=text_or_none, **self._looks(index),
            )
        else:  # `ja: text`, or none yet: a string point becomes `{text, ja}` when typed in
            super().__init__(
                ("points", index, "ja"), display_value(ja),
                to_data=keep_text, point_part="ja", **self._looks(index),
            )
        self.session = session
        self.index = index

    @staticmethod
    def _looks(index: int) -> dict[str, Any]:
        return {
            "placeholder": "the point in Japanese: 冒頭、上川大臣から、…",
            "id": f"point-{index}-ja",
            "classes": f"point-text point-ja {JA_FIELD}",
            "compact": False,
        }

    def update_labels(self) -> None:
        ja = self.session.point_part(self.index, "ja")
        ja = ja if isinstance(ja, dict) else {}
        heading, subs = ja.get("heading"), ja.get("points")
        title = f"{self.index + 1}. (ja)"
        if isinstance(heading, str) and heading.strip():
            title += f" {heading}"
        self.border_title = Content(title)  # as typed: no markup
        notes = [f"{len(subs)} sub-points (ja)"] if isinstance(subs, list) and subs else []
        if self.problem_note:
            notes.append(self.problem_note)
        self.border_subtitle = Content(" · ".join(notes))

    def target_locs(self) -> list[Loc]:
        return [("points", self.index, "ja")]


def _edit(op: Op, delta: int = 0) -> Callable[[int], Message]:
    return lambda index: ListEditRequested(ListEdit("points", index, op, delta))


# The buttons under the points act on the last point focused: id, label, tooltip's words,
# the key's action (for the tooltip), and the request.
POINT_BUTTONS: list[tuple[str, str, str, str, Callable[[int], Message]]] = [
    ("point-details", "Heading/sub-points", "Heading and sub-points", "details",
     PointDetailsRequested),
    ("point-up", "↑", "Move up", "move(-1)", _edit(Op.MOVE, -1)),
    ("point-down", "↓", "Move down", "move(1)", _edit(Op.MOVE, 1)),
    ("point-delete", "✕", "Remove", "remove", _edit(Op.REMOVE)),
]


class PointsEditor(Vertical, Progressive, ProblemTarget):
    """The points. When a file opens, the first EAGER points come with the editor and the
    rest are mounted right after it (author/tui/widgets/progressive.py)."""

    EAGER = 6

    def __init__(self, session: EditSession, *, lazy: bool = True) -> None:
        super().__init__(id="points-editor", classes="form-section")
        self.lazy, self.pending = lazy, []
        self.session = session
        self.current = 0  # the point the buttons act on: the last one focused
        self.message = Static("", classes="field-message", markup=False)

    def compose(self) -> ComposeResult:
        yield Label("Points", classes="section-title")
        self.pending = []
        for index, _ in enumerate(self.session.items("points")):
            pair = (PointText(self.session, index), PointJaText(self.session, index))
            if self.lazy and index >= self.EAGER:
                self.pending.extend(pair)
            else:
                yield from pair
        self.message = Static("", classes="field-message", markup=False)
        self.message.display = False
        yield self.message
        with Horizontal(classes="point-buttons"):
            yield Button("+ Add point", id="add-point", classes="add-button")
            for button_id, label, words, action, _ in POINT_BUTTONS:
                button = Button(label, id=button_id, classes="card-button",
                                tooltip=tooltip(words, action, "point"))
                button.can_focus = False  # clicking keeps the focus on the point
                yield button

    def before_pending(self) -> Widget | None:
        return self.message  # the points still waiting go after those shown

    async def rebuild(self) -> None:
        """Show the session's points again (after an edit of the list)."""
        self.lazy = False
        await self.recompose()

    def points(self) -> list[PointText]:
        return list(self.query_children(PointText))

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, PointArea):
            self.current = event.widget.index

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        count = len(self.session.items("points"))
        current = min(self.current, count - 1)
        button = event.button.id or ""
        if button == "add-point":
            self.post_message(ListEditRequested(ListEdit("points", count - 1, Op.ADD)))
            return
        if not count:
            return
        for button_id, _, _, _, request in POINT_BUTTONS:
            if button == button_id:
                self.post_message(request(current))

    # -- problems (a ProblemTarget: author/tui/routing.py) --------------------------------------
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
