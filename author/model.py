"""Readout format 1 as Pydantic models. No UI, no I/O.

Custom checks raise `PydanticCustomError` whose type is the diagnostic code, so the
validator reports them with the same stable codes as every other rule. A check that
belongs to one field of a model-level validator names that field in `ctx["field"]`.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Any, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Discriminator,
    Field,
    PlainSerializer,
    StrictBool,
    Tag,
    ValidationInfo,
    WithJsonSchema,
    field_validator,
)
from pydantic_core import PydanticCustomError

from author.rules.clock import WallTime, classify_wall_time, offset_text
from author.rules.duration import DurationError, duration_input, parse_duration
from author.timezones import check_timezone, zone

FORMAT_VERSION = 1


def _new_list() -> list[Any]:
    """A default factory Pydantic can inspect cheaply: `default_factory=list` makes it read
    the signature of a builtin (parsed with `tokenize`): some ms of start-up."""
    return []


DEFAULT_HOME_ZONE = "Asia/Tokyo"


class Kind(StrEnum):
    meeting = "meeting"
    summit_meeting = "summit_meeting"
    telephone_talk = "telephone_talk"
    video_conference = "video_conference"
    courtesy_call_paid = "courtesy_call_paid"
    courtesy_call_received = "courtesy_call_received"
    working_lunch = "working_lunch"
    working_dinner = "working_dinner"


# Far enough for any real readout, and far from datetime's limits (years 1 and 9999),
# where converting to the home zone would overflow.
MIN_YEAR, MAX_YEAR = 1900, 2999

_START = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2}))?$")


def _parse_start(value: Any) -> datetime | date:
    if isinstance(value, datetime | date):
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "wrong-type",
            "expected 'YYYY-MM-DD HH:MM' or 'YYYY-MM-DD', got {got}",
            {"got": type(value).__name__},
        )
    text = value.strip()
    match = _START.match(text)
    if not match:
        raise PydanticCustomError(
            "bad-start",
            "cannot read start '{value}'; write 'YYYY-MM-DD HH:MM' (24-hour local time) "
            "or 'YYYY-MM-DD'",
            {"value": text},
        )
    y, mo, d, h, mi = match.groups()
    if not MIN_YEAR <= int(y) <= MAX_YEAR:
        raise PydanticCustomError(
            "bad-start",
            "start '{value}': the year must be between {low} and {high}",
            {"value": text, "low": MIN_YEAR, "high": MAX_YEAR},
        )
    try:
        if h is None:
            return date(int(y), int(mo), int(d))
        return datetime(int(y), int(mo), int(d), int(h), int(mi))
    except ValueError as exc:
        raise PydanticCustomError(
            "bad-start",
            "start '{value}' is not a real date or time: {why}",
            {"value": text, "why": str(exc)},
        ) from None


def _format_start(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _parse_duration(value: Any) -> int:
    if not isinstance(value, int | str) or isinstance(value, bool):
        raise PydanticCustomError(
            "wrong-type",
            "expected minutes or a text like '25 min', got {got}",
            {"got": type(value).__name__},
        )
    try:
        return parse_duration(value)
    except DurationError as exc:
        # The message quotes the author's text: pass it as a value, never as a template.
        raise PydanticCustomError("bad-duration", "{message}", {"message": str(exc)}) from None


def _parse_date(value: Any) -> Any:
    """A `YYYY-MM-DD` text → its date; any other type is left for Pydantic to refuse."""
    if not isinstance(value, str):
        return value
    text = value.strip()
    if not re.fullmatch(r"[0-9]{4}-[0-9]{2}-[0-9]{2}", text):
        raise PydanticCustomError(
            "bad-date", "cannot read date '{value}'; write 'YYYY-MM-DD'", {"value": value}
        )
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise PydanticCustomError(
            "bad-date", "'{value}' is not a real date: {why}", {"value": text, "why": str(exc)}
        ) from None


StartValue = Annotated[
    datetime | date,
    BeforeValidator(_parse_start),
    PlainSerializer(_format_start, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\d{4}-\d{2}-\d{2}( \d{1,2}:\d{2})?$",
            "description": "local wall-clock start, 'YYYY-MM-DD HH:MM', or 'YYYY-MM-DD' "
            "when the time is not published",
        }
    ),
]

DurationValue = Annotated[
    int,
    BeforeValidator(_parse_duration),
    PlainSerializer(duration_input, return_type=str),
    WithJsonSchema(
        {
            "anyOf": [
                {"type": "integer", "minimum": 1, "maximum": 1440},
                {
                    "type": "string",
                    "pattern": r"^\s*(\d+\s*(h|hr|hrs|hour|hours)\.?"
                    r"(\s*\d+\s*(m|min|mins|minute|minutes)\.?)?"
                    r"|\d+\s*(m|min|mins|minute|minutes)?\.?)\s*$",
                },
            ],
            "description": "length of the meeting: minutes, or '25 min', '2 h', '1 h 10 min'",
        }
    ),
]

DateValue = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    WithJsonSchema({"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}),
]


def _not_blank(value: str) -> str:
    if value and not value.strip():
        raise PydanticCustomError("empty-value", "only spaces: it would print as a blank")
    return value


NonEmptyText = Annotated[
    str, Field(min_length=1, json_schema_extra={"pattern": r"\S"}), AfterValidator(_not_blank)
]


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=False,
        frozen=False,
    )


class Meeting(Strict):
    kind: Kind
    start: StartValue
    timezone: str | None = Field(
        default=None,
        validate_default=True,
        description="IANA zone of `start`; default: the style's home zone",
    )
    duration: DurationValue | None = None
    approximate: StrictBool = True
    around: StrictBool = False
    place: str | None = None

    @field_validator("timezone")
    @classmethod
    def _zone_and_start(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None:
            problem = check_timezone(value)
            if problem is not None:
                raise PydanticCustomError(
                    problem.code,
                    "{message}",
                    # Pydantic fills the template key by key, in this order: the message,
                    # which quotes the author's text, goes in last so nothing in it is read.
                    {"suggestion": problem.suggestion or "", "message": problem.message},
                )
        start = info.data.get("start")
        if isinstance(start, datetime):
            zone_name = value or (info.context or {}).get("home_zone", DEFAULT_HOME_ZONE)
            _check_wall_time(start, zone_name)
        return value

    @property
    def local_date(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start


def _check_wall_time(start: datetime, zone_name: str) -> None:
    """Refuse a start inside a daylight-saving gap or a repeated hour."""
    tz = zone(zone_name)
    kind = classify_wall_time(start, tz)
    wall = start.strftime("%Y-%m-%d %H:%M")
    if kind is WallTime.GAP:
        raise PydanticCustomError(
            "nonexistent-time",
            "{wall} does not exist in {zone}: the clocks skipped that hour for daylight "
            "saving; check the local time",
            {"wall": wall, "zone": zone_name, "sibling": "start"},
        )
    if kind is WallTime.FOLD:
        early = start.replace(tzinfo=tz, fold=0).utcoffset()
        late = start.replace(tzinfo=tz, fold=1).utcoffset()
        raise PydanticCustomError(
            "ambiguous-time",
            "{wall} happened twice in {zone} ({first}, then {second}) when the clocks "
            "went back; give the start in a fixed-offset zone such as {etc}",
            {
                "wall": wall,
                "zone": zone_name,
                "sibling": "start",
                "first": offset_text(early),
                "second": offset_text(late),
                "etc": _etc_zone(early),
            },
        )


def _etc_zone(offset: Any) -> str:
    hours = int(offset.total_seconds() // 3600) if offset is not None else 0
    # The Etc zones' signs are inverted: Etc/GMT+5 is UTC-05:00.
    return "Etc/GMT" + ("-" if hours > 0 else "+") + str(abs(hours)) if hours else "Etc/UTC"


def _published_problem(published: date, meeting_date: date) -> PydanticCustomError | None:
    if published >= meeting_date:
        return None
    return PydanticCustomError(
        "published-before-meeting",
        "published {published} is before the meeting's date {meeting}",
        {
            "published": published.isoformat(),
            "meeting": meeting_date.isoformat(),
            "sibling": "published",
        },
    )


def published_problem_in(data: dict[str, Any]) -> PydanticCustomError | None:
    """`published-before-meeting` for loaded data whose meeting did not validate: the
    start's date is still read when the start itself is readable, the check the model
    runs once the meeting validates. None when either date cannot be read."""
    meeting = data.get("meeting")
    if not isinstance(meeting, dict) or data.get("published") is None:
        return None
    try:
        published = _parse_date(data["published"])
        start = _parse_start(meeting.get("start"))
    except PydanticCustomError:
        return None
    if not isinstance(published, date) or isinstance(published, datetime):
        return None
    return _published_problem(published, start.date() if isinstance(start, datetime) else start)


class Participant(Strict):
    honorific: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    name_order: Literal["family_first", "given_first"] | None = None
    display_name: str | None = None
    title: NonEmptyText
    suffix: str | None = None
    context: str | None = None
    # Validated even when absent: its validator checks the name, and a field validator
    # runs whether or not `title` validated (a model validator would wait for every field).
    short: str | None = Field(default=None, validate_default=True)

    @field_validator("short")
    @classmethod
    def _has_a_name(cls, value: str | None, info: ValidationInfo) -> str | None:
        names = info.data
        if "family_name" not in names or "display_name" not in names:
            return value  # one of them has a problem of its own, already reported
        if not (names["family_name"] or "").strip() and not (names["display_name"] or "").strip():
            raise PydanticCustomError(
                "missing-field",
                "a participant needs family_name (or display_name for names no rule fits)",
                {"sibling": "family_name"},
            )
        return value


def _point_text(value: Any) -> Any:
    if isinstance(value, str) and not value.strip():
        raise PydanticCustomError("empty-point", "a point must not be empty")
    return value


PointText = Annotated[str, BeforeValidator(_point_text)]


class PointItem(Strict):
    text: PointText
    heading: str | None = None
    points: list[PointText] = Field(default_factory=_new_list)


def _text_or_item(value: Any) -> str:
    """Which branch of a `text | mapping` list entry (points, photos) a value takes."""
    return "item" if isinstance(value, dict | BaseModel) else "text"


Point = Annotated[
    Annotated[PointText, Tag("text")] | Annotated[PointItem, Tag("item")],
    Discriminator(_text_or_item),
]


class Photo(Strict):
    caption: NonEmptyText
    file: str | None = None


PhotoEntry = Annotated[
    Annotated[NonEmptyText, Tag("text")] | Annotated[Photo, Tag("item")],
    Discriminator(_text_or_item),
]


class Phrasing(Strict):
    verb: str | None = None
    closing: str | None = None
    weekday: StrictBool = False
    home_label: str | None = Field(default=None, description="`JST` (default) or `Japan time`")
    surname_caps: StrictBool = True


class Readout(Strict):
    model_config = ConfigDict(
        title="Readout",
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "description": "A meeting readout in author's format 1.",
        },
    )

    version: int = FORMAT_VERSION
    style: str = "mofa"
    section: NonEmptyText
    title: str | None = None
    published: DateValue | None = None
    photos: list[PhotoEntry] = Field(default_factory=_new_list)
    meeting: Meeting
    principals: list[Participant] = Field(min_length=1)
    counterparts: list[Participant] = Field(min_length=1)
    points: list[Point] = Field(min_length=1)
    phrasing: Phrasing = Field(default_factory=Phrasing)
    footnotes: list[str] = Field(default_factory=_new_list)

    @field_validator("version", mode="before")
    @classmethod
    def _known_version(cls, value: Any) -> Any:
        if value != FORMAT_VERSION or isinstance(value, bool):
            raise PydanticCustomError(
                "unknown-version",
                "unknown format version '{value}'; this author reads version 1",
                {"value": value},
            )
        return value

    @field_validator("meeting")
    @classmethod
    def _published_not_before_meeting(cls, meeting: Meeting, info: ValidationInfo) -> Meeting:
        published = info.data.get("published")
        if published is not None:
            problem = _published_problem(published, meeting.local_date)
            if problem is not None:
                raise problem
        return meeting

    def participants(self) -> list[tuple[str, int, Participant]]:
        return [("principals", i, p) for i, p in enumerate(self.principals)] + [
            ("counterparts", i, p) for i, p in enumerate(self.counterparts)
        ]
