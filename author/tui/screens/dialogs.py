"""Questions the editor asks: unsaved changes, changes on disk, a recovery draft, a name."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Static


class ChoiceDialog(ModalScreen[str]):
    """A question with a few answers; each answer also has a key (its underlined letter)."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss('cancel')", "Cancel")]

    def __init__(self, title: str, question: str, choices: list[tuple[str, str, str]]) -> None:
        """`choices`: (label, answer, key)."""
        super().__init__(classes="dialog-screen")
        self.title_text = title
        self.question = question
        self.choices = choices

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(self.title_text, classes="dialog-title", markup=False)
            yield Static(self.question, classes="dialog-text", markup=False)
            with Horizontal(classes="dialog-buttons"):
                for number, (label, answer, key) in enumerate(self.choices):
                    yield Button(
                        f"{label} [{key}]",
                        id=f"choice-{answer}",
                        variant="primary" if number == 0 else "default",
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "choice-cancel").removeprefix("choice-"))

    def on_key(self, event) -> None:
        for _, answer, key in self.choices:
            if event.key == key:
                event.stop()
                self.dismiss(answer)
                return
        if event.key in ("left", "right"):
            event.stop()
            if event.key == "left":
                self.focus_previous()
            else:
                self.focus_next()


class SaveAsDialog(ModalScreen[str | None]):
    """Asks for a file name on the first save of a new readout."""

    BINDINGS: ClassVar[list[BindingType]] = [Binding("escape", "dismiss(None)", "Cancel")]

    def __init__(self, suggestion: str = "") -> None:
        super().__init__(classes="dialog-screen")
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save as", classes="dialog-title")
            yield Static(
                "File name for this readout (by convention NAME.readout.yaml). "
                "Enter saves, Escape cancels.",
                classes="dialog-text",
            )
            yield Input(self.suggestion, placeholder="meeting.readout.yaml", id="save-as-name")

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            return
        if "." not in name.rsplit("/", 1)[-1]:
            name += ".readout.yaml"
        self.dismiss(name)
