"""Fields the format does not know (`sectoin:`), shown where the author sees them: at the
top of the form, as written, with the validator's "did you mean" and one key to rename
(to the suggestion, or to a key the author types). Below them, the problems of values the
form has no field for (`phrasing`), so that Enter on any problem goes somewhere."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Button, Label, Static

from author.diagnostics import Diagnostic, Loc, dotted
from author.tui.messages import RenameRequested
from author.tui.session import EditSession, display_value


class UnknownRow(Horizontal):
    """An unknown field: where it is and its value, and a button that renames it."""

    def __init__(self, diagnostic: Diagnostic, value: str) -> None:
        super().__init__(classes="unknown-row")
        self.loc: Loc = tuple(diagnostic.loc)
        self.new_key = diagnostic.suggestion
        shown = value if len(value) <= 40 else value[:37] + "..."
        self.text = f"✗ {dotted(self.loc)}: {shown!r} — {diagnostic.message}"

    def compose(self) -> ComposeResult:
        yield Static(self.text, classes="unknown-text", markup=False)
        label = f"Rename to {self.new_key}" if self.new_key else "Rename…"
        yield Button(label, classes="rename")


class OutsideRow(Static, can_focus=True):
    """A problem of a value the form has no field for: where it is, and its message."""

    def __init__(self, diagnostic: Diagnostic) -> None:
        self.loc: Loc = tuple(diagnostic.loc)
        mark = "✗" if diagnostic.is_error else "!"
        where = dotted(self.loc) or "the file"
        super().__init__(
            f"{mark} {where} (line {diagnostic.line}): {diagnostic.message}",
            classes="outside-row unknown-text" if diagnostic.is_error else "outside-row",
            markup=False,
        )


class UnknownFields(Vertical):
    """The unknown fields of the readout and the problems outside the form, at the top of
    the form (hidden when there are none)."""

    DEFAULT_CSS = """
    UnknownFields { height: auto; }
    UnknownFields .unknown-row { height: auto; }
    UnknownFields .unknown-text { width: 1fr; color: $text-error; }
    UnknownFields .outside-row { color: $text-warning; }
    UnknownFields .outside-row.unknown-text { color: $text-error; }
    UnknownFields .outside-row:focus { text-style: reverse; }
    UnknownFields Button { min-width: 10; }
    """

    def __init__(self, session: EditSession) -> None:
        super().__init__(id="unknown-fields", classes="form-section")
        self.session = session
        self.shown: list[tuple[Loc, str | None, str]] = []

    def on_mount(self) -> None:
        self.display = False

    def show(self, unknown: list[Diagnostic], outside: list[Diagnostic] | None = None) -> None:
        """`unknown`: the unknown fields; `outside`: problems no field of the form shows."""
        outside = outside or []
        wanted = [(tuple(d.loc), d.suggestion, d.message) for d in [*unknown, *outside]]
        if wanted == self.shown:
            return
        self.shown = wanted
        self.remove_children()
        self.display = bool(wanted)
        widgets: list[Widget] = []
        if unknown:
            widgets.append(Label("Fields the format does not know (kept as written)",
                                 classes="section-title"))
            widgets += [UnknownRow(d, display_value(self.session.get(d.loc))) for d in unknown]
        if outside:
            widgets.append(Label("Not in the form (edit these in the file)",
                                 classes="section-title"))
            widgets += [OutsideRow(d) for d in outside]
        if widgets:
            self.mount_all(widgets)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, UnknownRow):  # no suggestion: the screen asks for the new key
            self.post_message(RenameRequested(row.loc, row.new_key))

    def focus_loc(self, loc: Loc) -> bool:
        for row in self.query(UnknownRow):
            if row.loc == tuple(loc):
                row.query_one(Button).focus()
                row.scroll_visible(animate=False)
                return True
        for outside in self.query(OutsideRow):
            if outside.loc == tuple(loc):
                outside.focus()
                outside.scroll_visible(animate=False)
                return True
        return False
