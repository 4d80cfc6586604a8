"""Every error and warning from the shared validator; choosing one focuses its field."""

from __future__ import annotations

from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from author.diagnostics import Diagnostic, dotted


class ProblemsList(OptionList):
    class Chosen(Message):
        def __init__(self, diagnostic: Diagnostic) -> None:
            super().__init__()
            self.diagnostic = diagnostic

    def __init__(self) -> None:
        super().__init__(id="problems", compact=True, markup=False)
        self.diagnostics: list[Diagnostic] = []
        self.border_title = "Problems"

    def show(self, diagnostics: list[Diagnostic]) -> None:
        if diagnostics == self.diagnostics and self.option_count:
            return
        self.diagnostics = list(diagnostics)
        highlighted = self.highlighted
        self.clear_options()
        if not diagnostics:
            self.add_option(Option("No problems.", disabled=True))
        for d in diagnostics:
            mark = "✗ error  " if d.is_error else "! warning"
            where = dotted(d.loc) or f"line {d.line}"
            self.add_option(Option(f"{mark} {where}: {d.message}"))
        if diagnostics:
            self.highlighted = min(highlighted or 0, len(diagnostics) - 1)
        errors = sum(d.is_error for d in diagnostics)
        warnings = len(diagnostics) - errors
        self.border_title = f"Problems: {errors} error{'s' * (errors != 1)}, " + (
            f"{warnings} warning{'s' * (warnings != 1)}"
        )

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if 0 <= event.option_index < len(self.diagnostics):
            self.post_message(self.Chosen(self.diagnostics[event.option_index]))
