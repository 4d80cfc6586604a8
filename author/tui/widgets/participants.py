"""Both sides of the meeting: add, edit, remove and reorder participants."""

from __future__ import annotations

from typing import Any, ClassVar

from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Button, Label, Static

from author.diagnostics import Diagnostic, Loc
from author.model import Participant, ParticipantJa
from author.render import participant_phrase, short_reference
from author.render_ja import participant_ja
from author.rules.names import KNOWN_HONORIFICS
from author.tui.allfields import EDITION_2_FIELD
from author.tui.japanese import JA_FIELD
from author.tui.keys import bindings, tooltip
from author.tui.lists import ListEdit, Op
from author.tui.messages import ListEditRequested
from author.tui.session import EditSession, display_value
from author.tui.widgets.fields import (
    BoundCheckbox,
    BoundInput,
    BoundSelect,
    FieldRow,
    ProblemTarget,
    problem_text,
)

SIDES = {
    "principals": "Principals (our side)",
    "counterparts": "Counterparts (the other side)",
}

# A key `ja.x` is the participant's Japanese field `x` (its `ja` block), under its English
# field; `ja.designation` only on the counterparts' side.
PARTICIPANT_FIELDS: list[tuple[str, str, str]] = [
    ("honorific", "Honorific", "Mr., Ms., H.E. Mr., … (→ accepts a suggestion)"),
    ("family_name", "Family name", "e.g. Kamikawa (printed KAMIKAWA)"),
    ("given_name", "Given name", "e.g. Yoko"),
    ("name_order", "Name order", ""),
    ("suffix", "Suffix", "(optional) MP"),
    ("display_name", "Display name", "(optional) whole name, verbatim"),
    ("ja.name", "Name (ja)", "上川陽子, ドミトロ・クレーバ"),
    ("title", "Title", "required, e.g. Minister for Foreign Affairs of …"),
    ("ja.title", "Title (ja)", "外務大臣, ウクライナ外務大臣"),
    ("title_first", "", ""),
    ("context", "Context", "(optional) who is visiting …"),
    ("ja.context", "Context (ja)", "(optional) placed before the person: 訪日中の"),
    ("short", "Short", "(optional) how the points refer to them"),
    ("ja.short", "Short (ja)", "(optional) how the Japanese points name them: 上川大臣"),
    ("ja.designation", "", ""),
    ("group", "Group", "(instead of a person) the Ambassadors of … to Japan"),
    ("ja.group", "Group (ja)", "中南米カリブ諸国の駐日大使"),
]
EDITION_2 = {"title_first", "group", "ja.group"}  # shown with the form's other edition-2 fields
DESIGNATION_LABEL = "English designation after the Japanese name（H.E. Mr. …）"
TITLE_FIRST_LABEL = "title first, no honorific (former Foreign Minister HAYASHI …)"
NAME_ORDERS = [("family name first", "family_first"), ("given name first", "given_first")]
MODEL_FIELDS = set(Participant.model_fields)
JA_FIELDS = set(ParticipantJa.model_fields) - {"designation"}


def typed_fields(entry: dict[str, Any]) -> dict[str, Any]:
    """A participant's fields as typed so far, each a text or None, as the model takes
    them (a name order it does not know is left out)."""
    values: dict[str, Any] = {
        k: (v if isinstance(v, str) else None) for k, v in entry.items() if k in MODEL_FIELDS
    }
    values["title_first"] = entry.get("title_first") is True
    if values.get("name_order") not in (None, "family_first", "given_first"):
        values["name_order"] = None
    return values


def rendered_name(entry: Any, principal: bool, caps: bool) -> str:
    """The participant as the lead sentence gives them, from the fields typed so far."""
    if not isinstance(entry, dict):
        return ""
    values = typed_fields(entry)
    person = Participant.model_construct(**values)  # no title yet: the name alone
    phrase = participant_phrase(person, principal, caps)
    if not (values.get("family_name") or values.get("display_name")):
        return phrase.strip(", ") if phrase.strip(", ") else ""
    short = short_reference(person)
    text = f"{phrase}\n  in the points: {short}" if values.get("title") else phrase
    japanese = rendered_name_ja(entry, principal, caps)
    return f"{text}\n  in Japanese: {japanese}" if japanese else text


def rendered_name_ja(entry: dict[str, Any], principal: bool, caps: bool) -> str:
    """The participant as the Japanese lead gives them (`ドミトロ・クレーバ・ウクライナ外務
    大臣（H.E. Mr. Dmytro KULEBA, …）`), once a Japanese name or group is typed."""
    ja = entry.get("ja")
    if not isinstance(ja, dict):
        return ""
    texts: dict[str, Any] = {k: v for k, v in ja.items() if k in JA_FIELDS and isinstance(v, str)}
    if not (texts.get("name") or texts.get("group")):
        return ""
    values = typed_fields(entry)
    values["title"] = values.get("title") or ""
    values["ja"] = ParticipantJa.model_construct(
        **texts, designation=ja.get("designation") is not False
    )
    person = Participant.model_construct(**values)
    return participant_ja(person, principal, caps)


# A card's mouse buttons: id prefix, label, tooltip's words, the key's action (for the
# tooltip: author/tui/keys.py), and what they ask.
CARD_BUTTONS = [
    ("up", "↑", "Move up", "move(-1)", Op.MOVE, -1),
    ("down", "↓", "Move down", "move(1)", Op.MOVE, 1),
    ("del", "✕", "Remove", "remove", Op.REMOVE, 0),
]


def card_buttons(suffix: str, scope: str) -> list[Button]:
    """Mouse buttons of a card (move up, move down, remove)."""
    buttons = []
    for kind, label, words, action, _, _ in CARD_BUTTONS:
        button = Button(label, classes="card-button", id=f"{kind}-{suffix}",
                        tooltip=tooltip(words, action, scope))
        button.can_focus = False
        buttons.append(button)
    return buttons


class ListItemCard(Vertical):
    """A card of one list item (a participant, a follow-on): F5-F8 and its buttons ask
    the screen to add, remove or move it."""

    list_name: str
    index: int

    def request(self, op: Op, delta: int = 0) -> None:
        self.post_message(ListEditRequested(ListEdit(self.list_name, self.index, op, delta)))

    def action_add(self) -> None:
        self.request(Op.ADD)

    def action_remove(self) -> None:
        self.request(Op.REMOVE)

    def action_move(self, delta: int) -> None:
        self.request(Op.MOVE, delta)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        kind = (event.button.id or "").split("-", 1)[0]
        for prefix, _, _, _, op, delta in CARD_BUTTONS:
            if kind == prefix:
                self.request(op, delta)


class ParticipantCard(ListItemCard):
    """One participant's fields, with the rendered name above them."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("participant")  # author/tui/keys.py

    def __init__(self, session: EditSession, side: str, index: int) -> None:
        super().__init__(classes="card participant")
        self.session = session
        self.side = side
        self.list_name = side
        self.index = index
        self.rendered = Static("", classes="rendered-name", markup=False)

    def compose(self) -> ComposeResult:
        number = self.index + 1
        with Horizontal(classes="card-top"):
            yield Label(f"{number}.", classes="card-number")
            yield self.rendered
            yield from card_buttons(f"{self.side}-{self.index}", "participant")
        for key, label, hint in PARTICIPANT_FIELDS:
            if key == "ja.designation" and self.side != "counterparts":
                continue
            loc: Loc = (self.side, self.index, *key.split("."))
            value = self.session.get(loc)
            control: BoundSelect | BoundCheckbox | BoundInput
            if key == "name_order":
                control = BoundSelect(loc, NAME_ORDERS, value, prompt="(default)")
            elif key == "title_first":
                control = BoundCheckbox(loc, TITLE_FIRST_LABEL, value, False)
            elif key == "ja.designation":
                control = BoundCheckbox(loc, DESIGNATION_LABEL, value, True)
            else:
                control = BoundInput(
                    loc,
                    display_value(value),
                    placeholder=hint,
                    suggestions=KNOWN_HONORIFICS if key == "honorific" else None,
                )
            control.id = f"{self.side}-{self.index}-{key.replace('.', '-')}"
            kind = EDITION_2_FIELD if key in EDITION_2 else JA_FIELD if key[:3] == "ja." else ""
            yield FieldRow(label, control, classes=kind)

    def on_mount(self) -> None:
        self.refresh_name()

    def refresh_name(self) -> None:
        caps = self.session.get(("phrasing", "surname_caps")) is not False
        entry = self.session.get((self.side, self.index))
        text = rendered_name(entry, self.side == "principals", caps) or "(new)"
        if str(self.rendered.content) != text:
            self.rendered.update(text)


class ParticipantsEditor(Vertical, ProblemTarget):
    """One side's participants."""

    def __init__(self, session: EditSession, side: str) -> None:
        super().__init__(id=f"{side}-editor", classes="form-section")
        self.session = session
        self.side = side

    def compose(self) -> ComposeResult:
        yield Label(SIDES[self.side], classes="section-title")
        for index, _ in enumerate(self.session.items(self.side)):
            yield ParticipantCard(self.session, self.side, index)
        self.message = Static("", classes="field-message", markup=False)
        self.message.display = False
        yield self.message
        yield Button(f"+ Add to {self.side}", id=f"add-{self.side}", classes="add-button")

    def cards(self) -> list[ParticipantCard]:
        return list(self.query_children(ParticipantCard))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"add-{self.side}":
            event.stop()
            last = len(self.session.items(self.side)) - 1
            self.post_message(ListEditRequested(ListEdit(self.side, last, Op.ADD)))

    async def rebuild(self) -> None:
        """Show the session's participants again (after an edit of the list)."""
        await self.recompose()

    def target_locs(self) -> list[Loc]:
        return [(self.side,)]

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        self.message.update(problem_text(diagnostics))
        self.message.display = bool(diagnostics)
        self.message.set_class(any(d.is_error for d in diagnostics), "-error")

    def focus_problem(self) -> None:
        button = self.query_one(f"#add-{self.side}", Button)
        button.focus()
        button.scroll_visible(animate=False)
