"""Questions the editor asks: unsaved changes, changes on disk, a recovery draft, a name."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import ClassVar

from textual import events
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static, TextArea

from author.tui.keys import bindings, key_for


def labelled(word: str, action: str, scope: str) -> str:
    """A button's label with its key from the key table: `Done [F9]` (escaped: markup
    would eat `[F9]`)."""
    return f"{word} \\[{key_for(action, scope)}]"


class ChoiceDialog(ModalScreen[str]):
    """A question with a few answers; each answer also has a key (its underlined letter)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("choice")  # author/tui/keys.py

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
                        f"{label} \\[{key}]",  # escaped: markup would eat `[o]`
                        id=f"choice-{answer}",
                        variant="primary" if number == 0 else "default",
                    )

    def on_mount(self) -> None:
        self.query(Button).first().focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.dismiss((event.button.id or "choice-cancel").removeprefix("choice-"))

    def on_key(self, event: events.Key) -> None:
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

    BINDINGS: ClassVar[list[BindingType]] = bindings("save_as")  # author/tui/keys.py

    def __init__(self, suggestion: str = "", problem: str = "") -> None:
        """`problem`: why the last name did not work (a failed save), shown above."""
        super().__init__(classes="dialog-screen")
        self.suggestion = suggestion
        self.problem = problem

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Save as", classes="dialog-title")
            if self.problem:
                yield Static(
                    f"{self.problem} Your text is kept; choose another name or folder.",
                    classes="dialog-text field-message -error",
                    id="save-as-problem",
                    markup=False,
                )
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


KEY_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*\Z")


class RenameDialog(ModalScreen[str | None]):
    """Asks for the new name of a field the format does not know (and has no suggestion
    for): Enter renames, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("rename")  # author/tui/keys.py

    def __init__(self, where: str) -> None:
        super().__init__(classes="dialog-screen")
        self.where = where

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Rename a field", classes="dialog-title")
            yield Static(
                f"A new name for {self.where} (its value stays). Enter renames, Escape "
                "cancels.",
                classes="dialog-text",
                markup=False,
            )
            yield Input(placeholder="title, short, …", id="rename-key")
            yield Static("", id="rename-problem", classes="field-message -error", markup=False)

    def on_mount(self) -> None:
        self.query_one(Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        key = event.value.strip()
        if KEY_NAME.match(key):
            self.dismiss(key)
        else:
            self.query_one("#rename-problem", Static).update(
                "A field name is letters, digits and _ (such as family_name)."
            )


@dataclass(frozen=True)
class PointDetails:
    """A point's heading and sub-points (one a line), and its Japanese ones (None: the
    dialog did not show them, as the readout has no Japanese fields shown)."""

    heading: str
    sub_points: str
    ja_heading: str | None = None
    ja_sub_points: str | None = None


class PointDetailsDialog(ModalScreen[PointDetails | None]):
    """A point's optional heading and sub-points (one per line), and with the Japanese
    fields, its Japanese heading and sub-points under them."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("details")  # author/tui/keys.py

    def __init__(self, number: int, details: PointDetails) -> None:
        super().__init__(classes="dialog-screen")
        self.number = number
        self.details = details

    def compose(self) -> ComposeResult:
        details = self.details
        japanese = details.ja_heading is not None
        with Vertical(classes="dialog"):
            yield Label(f"Point {self.number}: heading and sub-points", classes="dialog-title")
            yield Label("Heading (optional; printed before the point's text)")
            yield Input(details.heading, id="point-heading", compact=True)
            if japanese:
                yield Label("Heading (ja)")
                yield Input(details.ja_heading or "", id="point-ja-heading", compact=True)
            yield Label("Sub-points (optional; one per line, printed as (1), (2), …)")
            yield TextArea(
                details.sub_points, id="point-sub-points", compact=True, tab_behavior="focus"
            )
            if japanese:
                yield Label("Sub-points (ja; one per line, printed as （1）, （2）, …)")
                yield TextArea(
                    details.ja_sub_points or "", id="point-ja-sub-points", compact=True,
                    tab_behavior="focus",
                )
            with Horizontal(classes="dialog-buttons"):
                yield Button(labelled("Done", "done", "details"), id="details-done",
                             variant="primary")
                yield Button(labelled("Cancel", "dismiss(None)", "details"), id="details-cancel")

    def on_mount(self) -> None:
        self.query_one("#point-heading", Input).focus()

    def action_done(self) -> None:
        japanese = self.details.ja_heading is not None
        self.dismiss(PointDetails(
            self.query_one("#point-heading", Input).value,
            self.query_one("#point-sub-points", TextArea).text,
            self.query_one("#point-ja-heading", Input).value if japanese else None,
            self.query_one("#point-ja-sub-points", TextArea).text if japanese else None,
        ))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in a heading goes on to its sub-points (the Japanese heading's: the
        Japanese sub-points)."""
        event.stop()
        japanese = event.input.id == "point-ja-heading"
        self.query_one("#point-ja-sub-points" if japanese else "#point-sub-points").focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "details-done":
            self.action_done()
        else:
            self.dismiss(None)


class DraftsDialog(ModalScreen[tuple[str, int] | None]):
    """The recovery drafts left by editors that did not close cleanly: restore one,
    discard one, or go on without them (they stay for later)."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("drafts")  # author/tui/keys.py

    def __init__(self, lines: list[str], for_file: str | None) -> None:
        super().__init__(classes="dialog-screen")
        self.lines = lines
        whose = f"of {for_file} " if for_file else ""
        self.question = (
            f"{'A recovery draft' if len(lines) == 1 else f'{len(lines)} recovery drafts'} "
            f"{whose}with changes that were never saved: an editor did not close cleanly "
            "(a crash, a kill, a closed terminal). Enter or r restores the one highlighted, "
            "d discards it, Escape goes on without them (they are kept for later)."
        )

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label("Recovery drafts", classes="dialog-title")
            yield Static(self.question, classes="dialog-text", markup=False)
            yield OptionList(*self.lines, id="draft-list", markup=False)
            with Horizontal(classes="dialog-buttons"):
                yield Button(labelled("Restore", "choose('restore')", "drafts"),
                             id="draft-restore", variant="primary")
                yield Button(labelled("Discard", "choose('discard')", "drafts"), id="draft-discard")
                yield Button(labelled("Not now", "dismiss(None)", "drafts"), id="draft-later")

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = 0
        options.focus()

    def action_choose(self, action: str) -> None:
        index = self.query_one(OptionList).highlighted
        self.dismiss((action, index or 0))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(("restore", event.option_index))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "draft-later":
            self.dismiss(None)
        else:
            self.action_choose("restore" if event.button.id == "draft-restore" else "discard")
