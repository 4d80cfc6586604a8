"""What followed the meeting (`meeting.followed_by`, edition 2): add, edit, remove and
reorder follow-ons, each with its kind, start (and the home time derived beside it, live),
duration and name."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any, ClassVar

from pydantic_core import PydanticCustomError
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from author.config import Config
from author.diagnostics import Diagnostic, Loc
from author.model import FollowOnKind, read_follow_on_start, read_meeting_start
from author.rules.prose import FOLLOW_ON_NOUNS, with_article
from author.tui.allfields import EDITION_2_FIELD
from author.tui.keys import bindings
from author.tui.lists import ListEdit, Op
from author.tui.messages import ListEditRequested
from author.tui.session import EditSession, display_value
from author.tui.widgets.fields import (
    BoundCheckbox,
    BoundInput,
    BoundSelect,
    FieldRow,
    ProblemTarget,
    minutes_or_text,
    problem_text,
)
from author.tui.widgets.participants import ListItemCard, card_buttons

FOLLOW_ONS: Loc = ("meeting", "followed_by")
FOLLOW_ON_KIND_OPTIONS = [(kind.value.replace("_", " "), kind.value) for kind in FollowOnKind]


def follow_on_start(session: EditSession, index: int) -> datetime | None:
    """The follow-on's local start as typed so far: `HH:MM` falls on the meeting's day."""
    text = session.get((*FOLLOW_ONS, index, "start"))
    if not isinstance(text, str):
        return None
    try:
        start = read_follow_on_start(text)
    except PydanticCustomError:
        return None
    if isinstance(start, datetime):
        return start
    try:
        meeting = read_meeting_start(session.get(("meeting", "start")))
    except PydanticCustomError:
        return None
    day = meeting.date() if isinstance(meeting, datetime) else meeting
    return datetime.combine(day, start) if isinstance(day, date) else None


def follow_on_summary(entry: Any) -> str:
    """The follow-on as the lead names it: `a working dinner`, `an ASEAN-Japan dinner`."""
    if not isinstance(entry, dict):
        return "(new)"
    name = entry.get("name")
    if isinstance(name, str) and name.strip():
        return with_article(name.strip())
    kind = entry.get("kind")
    return with_article(FOLLOW_ON_NOUNS[kind]) if kind in FOLLOW_ON_NOUNS else "(choose a kind)"


class FollowOnCard(ListItemCard):
    """One follow-on's fields, with what the lead will call it above them."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("follow_on")  # author/tui/keys.py

    def __init__(self, session: EditSession, config: Config, index: int) -> None:
        super().__init__(classes="card follow-on")
        self.session = session
        self.config = config
        self.list_name = "follow_ons"
        self.index = index
        self.summary = Static("", classes="rendered-name", markup=False)
        self.home_time = Static("", classes="derived", markup=False)

    def compose(self) -> ComposeResult:
        loc = (*FOLLOW_ONS, self.index)
        get = self.session.get
        prefix = f"follow-on-{self.index}"
        with Horizontal(classes="card-top"):
            yield Label(f"{self.index + 1}.", classes="card-number")
            yield self.summary
            yield from card_buttons(prefix, "follow_on")
        yield FieldRow(
            "Kind",
            BoundSelect(
                (*loc, "kind"), FOLLOW_ON_KIND_OPTIONS, get((*loc, "kind")), id=f"{prefix}-kind"
            ),
        )
        yield FieldRow(
            "Start",
            BoundInput(
                (*loc, "start"),
                display_value(get((*loc, "start"))),
                placeholder="HH:MM (the meeting's day), or YYYY-MM-DD HH:MM; empty: no time",
                id=f"{prefix}-start",
            ),
            aside=self.home_time,
        )
        yield FieldRow(
            "Duration",
            BoundInput(
                (*loc, "duration"),
                display_value(get((*loc, "duration"))),
                placeholder="(optional) 90 min, 1 h 30 min, or 90",
                to_data=minutes_or_text,
                id=f"{prefix}-duration",
            ),
        )
        with Horizontal(classes="checks"):
            yield Label("", classes="field-label")
            yield BoundCheckbox(
                (*loc, "approximate"),
                "approximately",
                get((*loc, "approximate")),
                True,
                id=f"{prefix}-approximate",
            )
        yield FieldRow(
            "Name",
            BoundInput(
                (*loc, "name"),
                display_value(get((*loc, "name"))),
                placeholder="(optional) its own name, e.g. Japan-Poland working dinner",
                id=f"{prefix}-name",
            ),
        )

    def on_mount(self) -> None:
        self.refresh_derived()

    def refresh_derived(self) -> None:
        """The summary line and the home time beside the start, from the data as typed."""
        from author.tui.widgets.header import home_time_note

        summary = follow_on_summary(self.session.get((*FOLLOW_ONS, self.index)))
        if str(self.summary.content) != summary:
            self.summary.update(summary)
        start = follow_on_start(self.session, self.index)
        note = home_time_note(self.session, self.config, start) if start is not None else ""
        if str(self.home_time.content) != note:
            self.home_time.update(note)


class FollowOnsEditor(Vertical, ProblemTarget):
    """The follow-ons of the meeting: each field writes its own value; adding, removing
    and moving one are the screen's list edits (author/tui/lists.py)."""

    def __init__(self, session: EditSession, config: Config) -> None:
        super().__init__(id="follow-ons-editor", classes=f"follow-ons {EDITION_2_FIELD}")
        self.session = session
        self.config = config

    def entries(self) -> list[Any]:
        value = self.session.get(FOLLOW_ONS)
        return value if isinstance(value, list) else []

    def compose(self) -> ComposeResult:
        yield Label("Followed by", classes="subsection-title")
        for index, _ in enumerate(self.entries()):
            yield FollowOnCard(self.session, self.config, index)
        self.message = Static("", classes="field-message", markup=False)
        self.message.display = False
        yield self.message
        yield Button("+ Add follow-on", id="add-follow-on", classes="add-button")

    def cards(self) -> list[FollowOnCard]:
        return list(self.query_children(FollowOnCard))

    def refresh_derived(self) -> None:
        for card in self.cards():
            card.refresh_derived()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "add-follow-on":
            event.stop()
            last = len(self.entries()) - 1
            self.post_message(ListEditRequested(ListEdit("follow_ons", last, Op.ADD)))

    async def rebuild(self) -> None:
        """Show the session's follow-ons again (after an edit of the list, or an undo)."""
        await self.recompose()

    # -- problems ---------------------------------------------------------------------------
    def target_locs(self) -> list[Loc]:
        return [FOLLOW_ONS]

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        self.message.update(problem_text(diagnostics))
        self.message.display = bool(diagnostics)
        self.message.set_class(any(d.is_error for d in diagnostics), "-error")

    def focus_problem(self) -> None:
        button = self.query_one("#add-follow-on", Button)
        button.focus()
        button.scroll_visible(animate=False)
