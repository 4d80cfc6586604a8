"""The help screen: every key the editor answers to."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

from author.tui.keys import bindings, help_rows

INTRO = """\
# author — the readout editor

Fill in the facts; the preview shows the page `author render` will print. Problems from the
validator (the same one `author validate` runs) show under their field and in the list at the
bottom.

{keys}
Multi-line fields (points, photos, footnotes, sub-points, mentions) take Enter as a new
line; Tab leaves them. Photos, footnotes, sub-points and mentions take one entry per line;
a blank line in a point starts a new paragraph. The fields F10 shows appear by themselves
when the readout uses them.

Your typing is kept in a recovery draft of this session's own (under
`~/.cache/author/drafts/`) about every half second; if the editor is killed, the next
`author` lists the drafts left behind and restores the one you choose.

Press Escape or F1 to close this help.
"""


def help_text() -> str:
    """The help, its keys from the editor's one key table."""
    rows = "\n".join(f"| {keys} | {does} |" for keys, does in help_rows())
    return INTRO.replace("{keys}", "| key | does |\n|---|---|\n" + rows)


HELP = help_text()


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = bindings("help")  # author/tui/keys.py

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
