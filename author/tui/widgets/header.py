"""The readout's header: section, title, dates, kind, start, zone, duration, photos."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

from pydantic_core import PydanticCustomError
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.widget import Widget
from textual.widgets import Label, Static

from author.config import Config
from author.diagnostics import Loc
from author.model import Kind, Role, read_meeting_start
from author.rules.clock import WallTime, classify_wall_time, home_phrase, home_time
from author.rules.duration import DurationError, duration_phrase, parse_duration
from author.timezones import check_timezone
from author.timezones import zone as get_zone
from author.tui.allfields import EDITION_2_FIELD
from author.tui.japanese import JA_FIELD
from author.tui.session import EditSession, display_value
from author.tui.widgets.fields import (
    BoundCheckbox,
    BoundInput,
    BoundLines,
    BoundSelect,
    Converter,
    FieldRow,
    TimezoneField,
    TimezoneInput,
    lines_or_none,
    lines_text,
    minutes_or_text,
    text_or_none,
)
from author.tui.widgets.followons import FollowOnsEditor
from author.tui.widgets.progressive import Progressive

KIND_OPTIONS = [(kind.value.replace("_", " "), kind.value) for kind in Kind]
ROLE_OPTIONS = [
    ("hosted", Role.hosted.value),
    ("chaired", Role.chaired.value),
    ("co-chaired", Role.co_chaired.value),
    ("attended", Role.attended.value),
    ("participated in", Role.participated.value),
]


def id_of(loc: Loc) -> str:
    """A field's widget id from its loc: `ja-section`, `meeting-ja-note`."""
    return "-".join(str(part) for part in loc)


def derived_home_time(session: EditSession, config: Config) -> str:
    """`= on September 21, 7:05 a.m. JST` for the start and zone as typed so far."""
    start_text = session.get(("meeting", "start"))
    if not isinstance(start_text, str):
        return ""
    try:
        start = read_meeting_start(start_text)
    except PydanticCustomError:
        return ""
    if not isinstance(start, datetime):
        return ""
    return home_time_note(session, config, start)


def home_time_note(session: EditSession, config: Config, start: datetime) -> str:
    """`= on September 21, 7:05 a.m. JST` for a local start in the meeting's zone as typed
    so far (the meeting's own start, or a follow-on's)."""
    zone_name = session.get(("meeting", "timezone")) or config.home_zone
    if not isinstance(zone_name, str) or check_timezone(zone_name) is not None:
        return ""
    label = session.get(("phrasing", "home_label")) or config.home_label
    if zone_name == config.home_zone:
        return f"= {label} (home time)"
    zone, home = get_zone(zone_name), get_zone(config.home_zone)
    if classify_wall_time(start, zone) is not WallTime.EXISTS:
        return ""
    return "= " + home_phrase(home_time(start, zone, home), label, config.home_name)


def derived_duration(session: EditSession) -> str:
    value = session.get(("meeting", "duration"))
    if value is None or isinstance(value, bool):
        return ""
    try:
        return "= " + duration_phrase(parse_duration(value))
    except DurationError:
        return ""


def photos_to_data(session: EditSession) -> Converter:
    """Captions one per line; an entry written as {caption, file} keeps its file."""

    def convert(text: str) -> list[Any] | None:
        lines = lines_or_none(text)
        if lines is None:
            return None
        by_caption = {
            item.get("caption"): item for item in session.items("photos") if isinstance(item, dict)
        }
        out: list[Any] = []
        for line in lines:
            kept = by_caption.get(line)
            out.append(dict(kept) if kept is not None else line)
        return out

    return convert


class HeaderForm(Vertical, Progressive):
    """Fields of the page and the meeting. The page's fields come with the first paint;
    the meeting's right after it (author/tui/widgets/progressive.py)."""

    eager = 9  # the title "Page" and its eight rows

    def __init__(self, session: EditSession, config: Config, *, lazy: bool = True) -> None:
        super().__init__(id="header-form", classes="form-section")
        self.lazy, self.pending = lazy, []
        self.session = session
        self.config = config
        self.home_time = Static("", id="home-time", classes="derived", markup=False)
        self.duration_words = Static("", id="duration-words", classes="derived", markup=False)

    def compose(self) -> ComposeResult:
        yield from self.compose_parts()

    def parts(self) -> Iterator[Widget]:
        yield Label("Page", classes="section-title")
        yield from self.page_fields()
        yield Label("Meeting", classes="section-title")
        yield from self.meeting_fields()
        yield FollowOnsEditor(self.session, self.config)
        yield self.lines("Footnotes", ("footnotes",), "(optional) one per line")
        yield self.japanese_lines("Footnotes (ja)", ("ja", "footnotes"), "(optional) one per line")
        yield self.lines(
            "Mentions", ("mentions",), "(optional) people the points name who are not "
            "participants, one per line: President Zelenskyy", classes=EDITION_2_FIELD,
        )

    def page_fields(self) -> Iterator[Widget]:
        yield self.text("Section", ("section",), "required, e.g. Japan-Ukraine Relations")
        yield self.japanese(
            "Section (ja)", ("ja", "section"), "ウクライナ (footer: ウクライナへ戻る)"
        )
        yield self.text("Title", ("title",), "(empty: the section)")
        yield self.japanese(
            "Title (ja)", ("ja", "title"), "(empty: the section) 日・ウクライナ外相会談"
        )
        yield self.text("Published", ("published",), "YYYY-MM-DD (empty: the meeting's date)")
        yield self.text(
            "Notice", ("notice",), "(optional) a line under the date: [Provisional translation]",
            classes=EDITION_2_FIELD,
        )
        photos = BoundLines(
            ("photos",), lines_text(self.session.get(("photos",))),
            placeholder="one caption per line", to_data=photos_to_data(self.session),
            id="photos", classes="lines",
        )
        yield FieldRow("Photos", photos)
        yield self.japanese_lines("Photos (ja)", ("ja", "photos"), "one Japanese caption per line")

    def meeting_fields(self) -> Iterator[Widget]:
        get = self.session.get
        kind = BoundSelect(("meeting", "kind"), KIND_OPTIONS, get(("meeting", "kind")), id="kind")
        yield FieldRow("Kind", kind)
        yield self.text(
            "Name", ("meeting", "name"), "(optional) Japan-Philippines Foreign Ministers’ Meeting",
            id="meeting-name", classes=EDITION_2_FIELD,
        )
        yield self.japanese(
            "Name (ja)", ("meeting", "ja", "name"), "日・フィリピン外相会談", EDITION_2_FIELD
        )
        role = BoundSelect(
            ("meeting", "role"), ROLE_OPTIONS, get(("meeting", "role")),
            prompt="(none: the principals met the counterparts)", id="role",
        )
        yield FieldRow("Role", role, classes=EDITION_2_FIELD)
        yield self.text(
            "Start", ("meeting", "start"), "YYYY-MM-DD HH:MM (local)", id="start",
            aside=self.home_time,
        )
        zone = TimezoneInput(
            ("meeting", "timezone"), display_value(get(("meeting", "timezone"))),
            placeholder=f"IANA name (empty: {self.config.home_zone}); ↓ completes", id="timezone",
        )
        yield TimezoneField(zone)
        yield self.text(
            "Duration", ("meeting", "duration"), "25 min, 1 h 10 min, or 25", id="duration",
            to_data=minutes_or_text, aside=self.duration_words,
        )
        yield Horizontal(
            Label("", classes="field-label"),
            *(
                BoundCheckbox(loc, label, get(loc), default, id=str(loc[-1]))
                for loc, label, default in (
                    (("meeting", "approximate"), "approximately", True),
                    (("meeting", "around"), "around (start time)", False),
                )
            ),
            classes="checks",
        )
        yield self.text("Place", ("meeting", "place"), "(optional)", id="place")
        yield self.text(
            "Note", ("meeting", "note"),
            "(optional) after the closing: (The G7 Foreign Ministers attended.)",
            id="meeting-note", classes=EDITION_2_FIELD,
        )
        yield self.japanese(
            "Note (ja)", ("meeting", "ja", "note"), "（G7各国外相が出席しました。）",
            EDITION_2_FIELD,
        )

    def text(
        self,
        label: str,
        loc: Loc,
        placeholder: str,
        *,
        id: str | None = None,
        classes: str = "",
        to_data: Converter = text_or_none,
        aside: Static | None = None,
    ) -> FieldRow:
        """A one-line field's row (its id by default the loc's last key: `section`)."""
        control = BoundInput(
            loc, display_value(self.session.get(loc)), placeholder=placeholder,
            to_data=to_data, id=id or str(loc[-1]),
        )
        return FieldRow(label, control, aside=aside, classes=classes)

    def lines(self, label: str, loc: Loc, placeholder: str, *, classes: str = "") -> FieldRow:
        """A field of one entry a line (footnotes, mentions)."""
        control = BoundLines(
            loc, lines_text(self.session.get(loc), ""), placeholder=placeholder,
            to_data=lines_or_none, id=id_of(loc), classes="lines",
        )
        return FieldRow(label, control, classes=classes)

    def japanese(self, label: str, loc: Loc, hint: str, classes: str = JA_FIELD) -> FieldRow:
        """A Japanese field's row, under its English field (author/tui/japanese.py)."""
        return self.text(label, loc, hint, id=id_of(loc), classes=classes)

    def japanese_lines(self, label: str, loc: Loc, hint: str) -> FieldRow:
        return self.lines(label, loc, hint, classes=JA_FIELD)

    def on_mount(self) -> None:
        self.refresh_derived()

    def refresh_derived(self) -> None:
        for note, text in (
            (self.home_time, derived_home_time(self.session, self.config)),
            (self.duration_words, derived_duration(self.session)),
        ):
            if str(note.content) != text:
                note.update(text)
        for follow_ons in self.query(FollowOnsEditor):
            follow_ons.refresh_derived()
