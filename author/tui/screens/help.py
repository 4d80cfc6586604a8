"""The help screen: every key the editor answers to."""

from __future__ import annotations

from typing import ClassVar

from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Markdown

HELP = """\
# author — the readout editor

Fill in the facts; the preview shows the page `author render` will print. Problems from the
validator (the same one `author validate` runs) show under their field and in the list at the
bottom.

| key | does |
|---|---|
| Tab / Shift+Tab | next / previous field |
| Ctrl+S | save (a file with errors is saved as a draft) |
| Ctrl+Q | quit (asks when there are unsaved changes) |
| F1 | this help |
| F2 | show or hide the preview (it sits beside the form on wide terminals) |
| F3 | go to the problems list; Enter on a problem goes to its field |
| F4 | export the page as .txt, .md and .html next to the file (and .docx with author[docx]) |
| F5 | add a participant, follow-on or point after the current one |
| F6 | remove the current participant, follow-on or point |
| F7 / F8 (Alt+↑ / Alt+↓) | move the current participant, follow-on or point up / down |
| ↓ in Time zone | choose from the zones matching what you typed (`new y` → America/New_York) |
| → in Honorific | accept the suggested honorific |
| Enter / Space on Kind, Name order | open the choices |
| F10 | all fields: name, role, note, follow-ons, notice, mentions, group, title first |

Multi-line fields (points, photos, footnotes, sub-points, mentions) take Enter as a new
line; Tab leaves them. Photos, footnotes, sub-points and mentions take one entry per line;
a blank line in a point starts a new paragraph. The fields F10 shows appear by themselves
when the readout uses them.

Your typing is kept in a recovery draft (`.NAME.author-draft` beside the file) about every
half second; if the editor is killed, opening the file again offers to restore it.

Press Escape or F1 to close this help.
"""


class HelpScreen(ModalScreen[None]):
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,f1,q", "dismiss(None)", "Close help"),
    ]

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="help"):
            yield Markdown(HELP)
