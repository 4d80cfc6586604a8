"""The Textual application and `run_editor`, which `author edit FILE` and bare `author` call."""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual.app import App
from textual.binding import BindingType
from textual.dom import DOMNode
from textual.notifications import SeverityLevel

from author.config import Config
from author.tui.keys import bindings
from author.tui.screens.editor import EditorScreen
from author.tui.session import EditSession, OpenFailed


class AuthorApp(App[int]):
    """The readout editor."""

    CSS_PATH = "author.tcss"
    TITLE = "author"
    ENABLE_COMMAND_PALETTE = False
    # Tab and Shift+Tab move the focus as soon as the app reads them. Textual's own (the
    # screen's) are not priority bindings: they run only once the key has bubbled up from
    # the focused field through every container's message queue, and meanwhile the app
    # keeps handing the keys after it to the field it is leaving. In a burst of keys (tmux
    # send-keys, fast typing while a check runs) the next field's text landed in this one.
    BINDINGS: ClassVar[list[BindingType]] = bindings("app")  # author/tui/keys.py

    def __init__(self, session: EditSession, config: Config, *, cursor_blink: bool = True) -> None:
        super().__init__()
        self._session = session
        self.config = config
        self.cursor_blink = cursor_blink  # off for snapshot tests
        self.notices: list[str] = []  # every notification shown, newest last

    @classmethod
    def for_file(
        cls, file: str | Path | None, config: Config | None = None, *, cursor_blink: bool = True
    ) -> AuthorApp:
        config = config or Config()
        return cls(EditSession.open(file, config), config, cursor_blink=cursor_blink)

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        self.notices.append(f"{title}: {message}" if title else message)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    def update_styles(self, node: DOMNode, animate: bool = True) -> None:
        """Textual restyles a widget (and everything in it) whenever one of its classes
        changes, even before it is mounted: every Input, Select, Checkbox and TextArea
        built with `compact=True` was styled once in its constructor and again when
        mounted (some 5 ms each, a third of the editor's first paint). A widget not yet
        in the DOM is styled when it is mounted; until then there is nothing to do."""
        if node is not self and not node.is_attached:
            return
        super().update_styles(node, animate)

    @property
    def session(self) -> EditSession:
        """The readout being edited: the editor's (restoring a draft from bare `author` may
        open another file)."""
        if self.is_screen_installed("editor"):
            return self.editor.session
        return self._session

    @property
    def editor(self) -> EditorScreen:
        screen = self.get_screen("editor")
        assert isinstance(screen, EditorScreen)
        return screen

    def on_mount(self) -> None:
        self.install_screen(EditorScreen(self._session, self.config), "editor")
        self.push_screen("editor")

    async def action_next_field(self) -> None:
        """Tab: the next field; in Time zone, what was typed is first completed to the
        first zone that matches, when it is not a zone itself."""
        from author.tui.widgets.fields import TimezoneInput

        await self.whole_form()
        focused = self.focused
        if isinstance(focused, TimezoneInput):
            focused.complete_to_first()
        self.action_focus_next()
        self.entered()

    async def action_previous_field(self) -> None:
        """Shift+Tab: the previous field."""
        await self.whole_form()
        self.action_focus_previous()
        self.entered()

    async def whole_form(self) -> None:
        """Every field in place, for the focus to move through (a long readout mounts
        most of its form right after the first paint)."""
        if self.is_screen_installed("editor"):
            await self.editor.all_mounted()

    def entered(self) -> None:
        """A field entered with Tab selects its text (one-line fields do so by themselves)."""
        from author.tui.widgets.fields import BoundTextArea

        if isinstance(self.focused, BoundTextArea):
            self.focused.select_on_entry()

    def on_unmount(self) -> None:
        # The session's draft lock goes (as it would with the process): a draft still on
        # disk now counts as left behind, to be offered by the next editor.
        self.session.draft.release()

    async def action_quit(self) -> None:
        """Ctrl+Q anywhere goes through the editor's unsaved-changes guard."""
        screen = self.get_screen("editor")
        if isinstance(screen, EditorScreen):
            screen.action_quit()
        else:  # pragma: no cover
            self.exit(0)


def run_editor(file: str | None, config: Config) -> int:
    """Open FILE (a new readout when it does not exist; none: ask for a name on save)."""
    import sys

    try:
        app = AuthorApp.for_file(file, config)
    except OpenFailed as exc:
        print(f"author: {exc}", file=sys.stderr)
        print(
            "author: fix the file in a text editor (author validate lists the problems)",
            file=sys.stderr,
        )
        return 2
    result = app.run()
    return result if isinstance(result, int) else 0
