"""Fields the format does not know (`sectoin:`), shown where the author sees them: at the
top of the form, as written, with the validator's "did you mean" and one key to rename."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
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
        if self.new_key:
            yield Button(f"Rename to {self.new_key}", classes="rename")


class UnknownFields(Vertical):
    """The unknown fields of the readout, at the top of the form (hidden when none)."""

    DEFAULT_CSS = """
    UnknownFields { height: auto; }
    UnknownFields .unknown-row { height: auto; }
    UnknownFields .unknown-text { width: 1fr; color: $text-error; }
    UnknownFields Button { min-width: 10; }
    """

    def __init__(self, session: EditSession) -> None:
        super().__init__(id="unknown-fields", classes="form-section")
        self.session = session
        self.shown: list[tuple[Loc, str | None]] = []

    def on_mount(self) -> None:
        self.display = False

    def show(self, diagnostics: list[Diagnostic]) -> None:
        wanted = [(tuple(d.loc), d.suggestion) for d in diagnostics]
        if wanted == self.shown:
            return
        self.shown = wanted
        self.remove_children()
        self.display = bool(diagnostics)
        if diagnostics:
            title = Label("Fields the format does not know (kept as written)",
                          classes="section-title")
            rows = [UnknownRow(d, display_value(self.session.get(d.loc))) for d in diagnostics]
            self.mount_all([title, *rows])

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        row = event.button.parent
        if isinstance(row, UnknownRow) and row.new_key:
            self.post_message(RenameRequested(row.loc, row.new_key))

    def focus_loc(self, loc: Loc) -> bool:
        for row in self.query(UnknownRow):
            if row.loc == tuple(loc):
                buttons = list(row.query(Button))
                if buttons:
                    buttons[0].focus()
                row.scroll_visible(animate=False)
                return True
        return False
