"""The rendered page (text format), as it will be published."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static


class Preview(Vertical):
    def __init__(self) -> None:
        super().__init__(id="preview")
        self.status = Label("", id="preview-status", markup=False)
        self.page = Static("", id="preview-text", markup=False)
        self.text = ""

    def compose(self) -> ComposeResult:
        yield Label("Preview", classes="section-title")
        yield self.status
        with VerticalScroll(id="preview-scroll"):
            yield self.page

    def show_page(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.page.update(text)

    def show_status(self, errors: int, warnings: int) -> None:
        if errors:
            plural = "s" * (errors != 1)
            note = f"{errors} error{plural}: " + (
                "showing the last good page" if self.text else "no page yet"
            )
        elif warnings:
            note = f"{warnings} warning{'s' * (warnings != 1)}"
        else:
            note = "no problems"
        self.status.update(note)
        self.set_class(bool(errors), "-stale")
