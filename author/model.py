"""Readout format 1 as Pydantic models. No UI, no I/O.

Custom checks raise `PydanticCustomError` whose type is the diagnostic code, so the
validator reports them with the same stable codes as every other rule. A check that
belongs to one field of a model-level validator names that field in `ctx["field"]`.
"""

import re
from datetime import date, datetime, time, timedelta
from enum import StrEnum
from typing import Annotated, Any, Literal, cast

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
    model_validator,
)
from pydantic.config import JsonDict
from pydantic_core import InitErrorDetails, PydanticCustomError, ValidationError

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
    informal_talk = "informal_talk"
    summit_telephone_talk = "summit_telephone_talk"
    strategic_dialogue = "strategic_dialogue"


COURTESY_KINDS = frozenset({Kind.courtesy_call_paid, Kind.courtesy_call_received})


class Role(StrEnum):
    """The principals' part in a multilateral meeting (edition 2)."""

    hosted = "hosted"
    chaired = "chaired"
    co_chaired = "co_chaired"
    attended = "attended"
    participated = "participated"


class FollowOnKind(StrEnum):
    """What may follow a meeting on the same occasion (edition 2, `followed_by`)."""

    working_lunch = "working_lunch"
    working_dinner = "working_dinner"
    meeting = "meeting"
    joint_press_conference = "joint_press_conference"
    signing_ceremony = "signing_ceremony"
    dinner = "dinner"
    lunch = "lunch"


# Far enough for any real readout, and far from datetime's limits (years 1 and 9999),
# where converting to the home zone would overflow.
MIN_YEAR, MAX_YEAR = 1900, 2999

# The shapes a start may be written in: a field names the ones it accepts (`read_start`).
DATE_TIME, DATE, TIME = "YYYY-MM-DD HH:MM", "YYYY-MM-DD", "HH:MM"
MEETING_START = (DATE_TIME, DATE)
FOLLOW_ON_START = (TIME, DATE_TIME)  # `HH:MM`: on the meeting's day, in its zone
_CLOCK_NOTE = {
    DATE_TIME: "24-hour local time",
    TIME: "24-hour local time, the meeting's day",
}
_START = re.compile(
    r"^(?:([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[ T]([0-9]{1,2}):([0-9]{2}))?"
    r"|([0-9]{1,2}):([0-9]{2}))$"
)
_TYPE_OF_SHAPE: dict[str, type] = {DATE_TIME: datetime, DATE: date, TIME: time}


def read_start(value: Any, shapes: tuple[str, ...]) -> datetime | date | time:
    """A start written in one of `shapes` (`MEETING_START`, `FOLLOW_ON_START`): the
    wall-clock datetime, the date alone, or the time alone. Raises PydanticCustomError
    (`wrong-type`, `bad-start`) naming the shapes in their order."""
    if isinstance(value, date | time) and any(type(value) is _TYPE_OF_SHAPE[s] for s in shapes):
        return value
    if not isinstance(value, str):
        named = " or ".join(f"'{shape}'" for shape in shapes)
        raise PydanticCustomError(
            "wrong-type", f"expected {named}, got {{got}}", {"got": type(value).__name__}
        )
    text = value.strip()
    shape, numbers = _shape_of(text)
    if shape not in shapes:
        first, *others = shapes
        written = " or ".join([f"'{first}' ({_CLOCK_NOTE[first]})", *(f"'{o}'" for o in others)])
        raise PydanticCustomError(
            "bad-start", f"cannot read start '{{value}}'; write {written}", {"value": text}
        )
    if shape != TIME and not MIN_YEAR <= numbers[0] <= MAX_YEAR:
        raise PydanticCustomError(
            "bad-start",
            "start '{value}': the year must be between {low} and {high}",
            {"value": text, "low": MIN_YEAR, "high": MAX_YEAR},
        )
    try:
        return _start_of(shape, numbers)
    except ValueError as exc:
        raise PydanticCustomError(
            "bad-start",
            "start '{value}' is not a real date or time: {why}",
            {"value": text, "why": str(exc)},
        ) from None


def _shape_of(text: str) -> tuple[str | None, list[int]]:
    """Which shape `text` is written in (None: none), and its numbers in order."""
    match = _START.match(text)
    if match is None:
        return None, []
    numbers = [int(group) for group in match.groups() if group is not None]
    return {2: TIME, 3: DATE, 5: DATE_TIME}[len(numbers)], numbers


def _start_of(shape: str, numbers: list[int]) -> datetime | date | time:
    """The value of numbers read in `shape` (ValueError: no such date or time)."""
    if shape == TIME:
        return time(numbers[0], numbers[1])
    year, month, day = numbers[:3]
    if shape == DATE:
        return date(year, month, day)
    return datetime(year, month, day, numbers[3], numbers[4])


def _format_follow_on_start(value: time | datetime) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.strftime("%H:%M")


def _format_start(value: datetime | date) -> str:
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return value.isoformat()


def _parse_duration(value: Any) -> int:
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # `25.0`: a JSON Schema integer, so 25 minutes here too
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
    """A `YYYY-MM-DD` text → its date. Not a number: Pydantic would read it as a Unix
    time (`published: 0` as 1970-01-01)."""
    if isinstance(value, date) or value is None:
        return value
    if not isinstance(value, str):
        raise PydanticCustomError(
            "wrong-type", "expected a date (YYYY-MM-DD), got {got}", {"got": type(value).__name__}
        )
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


def _any_case(pattern: str) -> str:
    """A regex's ASCII letters as `[hH]` classes: JSON Schema patterns take no flags."""
    return re.sub(r"(?<![\\[])[a-zA-Z]", lambda m: f"[{m[0].lower()}{m[0].upper()}]", pattern)


def read_meeting_start(value: Any) -> datetime | date:
    """`meeting.start`: `YYYY-MM-DD HH:MM`, or `YYYY-MM-DD` when the time is not published."""
    return cast("datetime | date", read_start(value, MEETING_START))


def read_follow_on_start(value: Any) -> time | datetime:
    """A follow-on's `start`: `HH:MM` (the meeting's day) or `YYYY-MM-DD HH:MM`, local
    time in the meeting's zone."""
    return cast("time | datetime", read_start(value, FOLLOW_ON_START))


StartValue = Annotated[
    datetime | date,
    BeforeValidator(read_meeting_start),
    PlainSerializer(_format_start, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}([ T][0-9]{1,2}:[0-9]{2})?\s*$",
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
                # 1 to 1440 minutes: a rule, checked by validate for numbers and texts alike
                {"type": "integer"},
                {
                    "type": "string",
                    # the validator's pattern, its letters in either case (it ignores case)
                    "pattern": _any_case(
                        r"^\s*([0-9]+\s*(h|hr|hrs|hour|hours)\.?"
                        r"(\s*[0-9]+\s*(m|min|mins|minute|minutes)\.?)?"
                        r"|[0-9]+\s*(m|min|mins|minute|minutes)?\.?)\s*$"
                    ),
                },
            ],
            "description": "length of the meeting: minutes, or '25 min', '2 h', '1 h 10 min'",
        }
    ),
]

FollowOnStartValue = Annotated[
    time | datetime,
    BeforeValidator(read_follow_on_start),
    PlainSerializer(_format_follow_on_start, return_type=str),
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*([0-9]{4}-[0-9]{2}-[0-9]{2}[ T])?[0-9]{1,2}:[0-9]{2}\s*$",
            "description": "local start, 'HH:MM' on the meeting's day and in its zone, or "
            "'YYYY-MM-DD HH:MM'",
        }
    ),
]

DateValue = Annotated[
    date,
    BeforeValidator(_parse_date),
    PlainSerializer(lambda d: d.isoformat(), return_type=str),
    # A real date (not 2023-02-30) is a rule: left to the validator (bad-date).
    WithJsonSchema(
        {
            "type": "string",
            "pattern": r"^\s*[0-9]{4}-[0-9]{2}-[0-9]{2}\s*$",
            "description": "YYYY-MM-DD",
        }
    ),
]


def _not_blank(value: str) -> str:
    if value.isspace():  # not `strip()`: no copy of a long text
        raise PydanticCustomError("empty-value", "only spaces: it would print as a blank")
    return value


NonEmptyText = Annotated[
    str, Field(min_length=1, json_schema_extra={"pattern": r"\S"}), AfterValidator(_not_blank)
]


# Pieces of the JSON Schema the models' json_schema_extra share.
_NOT_NULL: JsonDict = {"not": {"type": "null"}}
_SOME_TEXT: JsonDict = {"type": ["string", "number"], "pattern": r"\S"}  # numbers are read as text


class Strict(BaseModel):
    model_config = ConfigDict(
        extra="forbid",
        coerce_numbers_to_str=True,
        str_strip_whitespace=False,
        frozen=False,
    )


# -- The Japanese page's facts (../shared/design/japanese-page.md): every `ja` block is
# optional, and a readout without one has no Japanese page. Blank texts are allowed here:
# the lint's `missing-translation` names every Japanese text the page still needs.


class MeetingJa(Strict):
    name: str | None = Field(
        default=None, description="the meeting's Japanese name in the verb: 日・ウクライナ外相会談"
    )
    note: str | None = Field(default=None, description="the sentence after the closing")


class ParticipantJa(Strict):
    name: str | None = Field(default=None, description="上川陽子, ドミトロ・クレーバ")
    title: str | None = Field(default=None, description="外務大臣, ウクライナ外務大臣")
    context: str | None = Field(default=None, description="placed before the person: 訪日中の")
    short: str | None = Field(
        default=None, description="how the Japanese points name them: 上川大臣, クレーバ外相"
    )
    designation: StrictBool = Field(
        default=True,
        description="the English designation in parentheses after a counterpart; false for "
        "Korean counterparts, whose page gives the reading instead",
    )
    group: str | None = Field(default=None, description="a group participant's Japanese text")


class PointJaItem(Strict):
    text: str | None = Field(default=None, description="the point's Japanese text")
    heading: str | None = Field(default=None, description="the Japanese heading")
    points: list[str] = Field(
        default_factory=_new_list, description="the Japanese sub-points, in order"
    )


def _ja_text_or_item(value: Any) -> str:
    """Which branch a point's `ja` takes; tags of their own, so `check` can drop them from
    a problem's location as it drops the points' (`points.0.ja.ja-item.text`)."""
    return "ja-item" if isinstance(value, dict | BaseModel) else "ja-text"


PointJa = Annotated[
    Annotated[str, Tag("ja-text")] | Annotated[PointJaItem, Tag("ja-item")],
    Discriminator(_ja_text_or_item),
]


class ReadoutJa(Strict):
    section: str | None = Field(
        default=None, description="the desk: ウクライナ; footer {section}へ戻る"
    )
    title: str | None = Field(default=None, description="page heading; default: section")
    photos: list[str] = Field(
        default_factory=_new_list, description="captions in Japanese, in order"
    )
    footnotes: list[str] = Field(default_factory=_new_list, description="lines after the points")


class FollowOn(Strict):
    """An event that followed the meeting on the same occasion (`meeting.followed_by`)."""

    kind: FollowOnKind = Field(description="what followed: the kind of the event")
    start: FollowOnStartValue | None = Field(
        default=None,
        description="local start, 'HH:MM' on the meeting's day or 'YYYY-MM-DD HH:MM'",
    )
    duration: DurationValue | None = Field(
        default=None,
        description="length of the event: minutes, or '25 min', '2 h', '1 h 10 min'",
    )
    approximate: StrictBool = Field(
        default=True,
        description="'for approximately N minutes' (true, the default) or 'for N minutes'",
    )
    name: NonEmptyText | None = Field(
        default=None,
        description="the event's own name, without an article",
    )

    def local_start(self, meeting_day: date) -> datetime | None:
        """The wall-clock start: `HH:MM` falls on the meeting's local day."""
        if isinstance(self.start, datetime) or self.start is None:
            return self.start
        return datetime.combine(meeting_day, self.start)


class Meeting(Strict):
    model_config = ConfigDict(
        json_schema_extra={  # a role needs a name (see _role_has_a_name)
            "if": {"required": ["role"], "properties": {"role": _NOT_NULL}},
            "then": {"required": ["name"], "properties": {"name": _NOT_NULL}},
        }
    )

    kind: Kind = Field(description="the kind of meeting; it gives the lead's verb and closing")
    name: NonEmptyText | None = Field(
        default=None,
        description="the meeting's own name, e.g. Japan-Philippines Foreign "
        "Ministers' Meeting, without an article",
    )
    role: Role | None = Field(
        default=None,
        validate_default=True,
        description="the principals' part in a multilateral meeting; needs `name`",
    )
    start: StartValue
    timezone: str | None = Field(
        default=None,
        validate_default=True,
        description="IANA zone of `start`; default: the style's home zone",
    )
    duration: DurationValue | None = Field(
        default=None,
        description="length of the meeting: minutes, or '25 min', '2 h', '1 h 10 min'",
    )
    approximate: StrictBool = Field(
        default=True,
        description="'for approximately 25 minutes' (true, the default) or 'for 25 minutes'",
    )
    around: StrictBool = Field(
        default=False,
        description="the start itself is approximate: 'commencing at around 9:00 a.m.'",
    )
    place: str | None = Field(
        default=None,
        description=(
            "where it took place (for templates and checks; the lead states place through a\n"
            "participant's context)"
        ),
    )
    note: NonEmptyText | None = Field(
        default=None, description="one more sentence printed after the closing, verbatim"
    )
    followed_by: list[FollowOn] = Field(
        default_factory=_new_list,
        validate_default=True,  # its validator checks the meeting's start too
        description="events that followed the meeting on the same occasion (a working "
        "lunch), in order",
    )
    ja: MeetingJa | None = Field(default=None, description="the meeting's Japanese facts")

    @field_validator("name")
    @classmethod
    def _name_is_used(cls, value: str | None, info: ValidationInfo) -> str | None:
        if value is not None and info.data.get("kind") in COURTESY_KINDS:
            raise PydanticCustomError(
                "name-not-used",
                "a courtesy call has no name: the lead says 'paid a courtesy call on' or "
                "'received a courtesy call from'; remove meeting.name",
            )
        return value

    @field_validator("role")
    @classmethod
    def _role_has_a_name(cls, value: Role | None, info: ValidationInfo) -> Role | None:
        # `name` missing from info.data means it failed its own check: nothing to add here.
        if value is not None and "name" in info.data and info.data["name"] is None:
            raise PydanticCustomError(
                "missing-field",
                "missing required field 'name' in meeting: role '{role}' makes the meeting's "
                "name the lead's object ('{role} the G7 Foreign Ministers' Meeting')",
                {"role": value.value, "sibling": "name"},
            )
        return value

    @field_validator("timezone")
    @classmethod
    def _known_zone(cls, value: str | None) -> str | None:
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
        return value

    @field_validator("followed_by")
    @classmethod
    def _starts_in_order_and_in_the_zone(
        cls, value: list[FollowOn], info: ValidationInfo
    ) -> list[FollowOn]:
        """The meeting's start and its follow-ons': each one that does not exist or
        happened twice in the meeting's zone, and each follow-on that does not start after
        the meeting, in one run. On the last field but `ja` (validated even when absent):
        it reads the start, the zone and the duration validated before it."""
        start = info.data.get("start")
        if not isinstance(start, date):
            return value
        problems = _wall_time_problems(start, value, info) if "timezone" in info.data else []
        if isinstance(start, datetime):
            for index, message in follow_on_order_problems(start, info.data.get("duration"), value):
                problems.append(
                    PydanticCustomError(
                        "follow-on-order", "{message}", {"message": message, "at": (index, "start")}
                    )
                )
        if problems:
            raise ValidationError.from_exception_data(
                "Meeting", [{"type": problem, "loc": (), "input": value} for problem in problems]
            )
        return value

    @property
    def local_date(self) -> date:
        return self.start.date() if isinstance(self.start, datetime) else self.start


def follow_on_order_problems(
    start: datetime, duration: int | None, follow_ons: list[FollowOn]
) -> list[tuple[int, str]]:
    """(index, message) for each follow-on that does not start after the meeting: not later
    than its start, or before its end when the duration is known. Wall-clock times of one
    zone, so they compare as they are."""
    end = start + timedelta(minutes=duration) if duration else None
    out = []
    for index, follow_on in enumerate(follow_ons):
        begins = follow_on.local_start(start.date())
        if begins is None or (begins > start and (end is None or begins >= end)):
            continue  # after the meeting (or its start, when its end is not known)
        wall = begins.strftime("%H:%M") if begins.date() == start.date() else str(begins)[:16]
        if begins <= start:
            out.append(
                (
                    index,
                    f"this {follow_on.kind.value} starts at {wall}, not after the "
                    f"meeting's start ({start.strftime('%H:%M')}); a follow-on comes after the "
                    "meeting",
                )
            )
        elif end is not None:  # before the end: the others were passed over above
            out.append(
                (
                    index,
                    f"this {follow_on.kind.value} starts at {wall}, before the meeting "
                    f"ends ({end.strftime('%H:%M')}, {duration} minutes after its start)",
                )
            )
    return out


def _wall_time_problems(
    start: datetime | date, follow_ons: list[FollowOn], info: ValidationInfo
) -> list[PydanticCustomError]:
    """The meeting's start (a datetime), then each follow-on's, that did not happen
    exactly once in the meeting's zone, placed at the start in question."""
    zone_name = info.data["timezone"] or _home_zone(info)
    problems = []
    if isinstance(start, datetime):
        problem = wall_time_problem(start, zone_name)
        if problem is not None:
            problems.append(_located(problem, sibling="start"))
    day = start.date() if isinstance(start, datetime) else start
    for index, follow_on in enumerate(follow_ons):
        begins = follow_on.local_start(day)
        problem = None if begins is None else wall_time_problem(begins, zone_name)
        if problem is not None:
            problems.append(_located(problem, (index, "start")))
    return problems


def _home_zone(info: ValidationInfo) -> str:
    """The zone of a start written without one: the style's home zone."""
    return str((info.context or {}).get("home_zone", DEFAULT_HOME_ZONE))


def _located(
    problem: PydanticCustomError, at: tuple[int | str, ...] = (), sibling: str = ""
) -> PydanticCustomError:
    """`problem`, placed for `check`: at a value inside the one validated (`at`), or at a
    neighbouring field (`sibling`)."""
    where: dict[str, Any] = {"at": at} if at else {"sibling": sibling}
    context = {**(problem.context or {}), **where}
    return PydanticCustomError(problem.type, problem.message_template, context)


def wall_time_problem(start: datetime, zone_name: str) -> PydanticCustomError | None:
    """A wall-clock start inside a daylight-saving gap (`nonexistent-time`) or a repeated
    hour (`ambiguous-time`) of its zone; None when it happened once."""
    tz = zone(zone_name)
    kind = classify_wall_time(start, tz)
    if kind is WallTime.EXISTS:
        return None
    wall = start.strftime("%Y-%m-%d %H:%M")
    if kind is WallTime.GAP:
        return PydanticCustomError(
            "nonexistent-time",
            "{wall} does not exist in {zone}: the clocks skipped that hour for daylight "
            "saving; check the local time",
            {"wall": wall, "zone": zone_name},
        )
    if kind is WallTime.FOLD:
        early = start.replace(tzinfo=tz, fold=0).utcoffset()
        late = start.replace(tzinfo=tz, fold=1).utcoffset()
        return PydanticCustomError(
            "ambiguous-time",
            "{wall} happened twice in {zone} ({first}, then {second}) when the clocks "
            "went back; give the start in a fixed-offset zone such as {etc}",
            {
                "wall": wall,
                "zone": zone_name,
                "first": offset_text(early),
                "second": offset_text(late),
                "etc": _etc_zone(early),
            },
        )
    return None


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
        start = read_meeting_start(meeting.get("start"))
    except PydanticCustomError:
        return None
    if not isinstance(published, date) or isinstance(published, datetime):
        return None
    return _published_problem(published, start.date() if isinstance(start, datetime) else start)


# What a group participant has none of (edition 2): it is printed verbatim in their place.
NAME_FIELDS = ("honorific", "family_name", "given_name", "display_name", "title", "suffix")


class Participant(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [
                # a person: a title and a name (family_name or display_name, not blank)
                {
                    "required": ["title"],
                    "properties": {"title": {"not": {"type": "null"}}},
                    "not": {"required": ["group"], "properties": {"group": _NOT_NULL}},
                    "anyOf": [
                        {"required": [name], "properties": {name: _SOME_TEXT}}
                        for name in ("family_name", "display_name")
                    ],
                },
                # a group: none of the name fields (null is as good as absent)
                {
                    "required": ["group"],
                    "properties": {"group": _NOT_NULL},
                    "not": {
                        "anyOf": [
                            {"required": [f], "properties": {f: _NOT_NULL}} for f in NAME_FIELDS
                        ]
                    },
                },
            ]
        }
    )

    honorific: str | None = Field(
        default=None,
        description="Mr., Ms., H.E. Mr., Dr., the Hon., H.R.H., …",
    )
    family_name: str | None = Field(
        default=None,
        description=(
            "required unless display_name; written in capitals in the MOFA style since 2020 "
            "(KAMIKAWA)"
        ),
    )
    given_name: str | None = Field(default=None, description="the given name (Yoko)")
    name_order: Literal["family_first", "given_first"] | None = Field(
        default=None,
        description=(
            "default: family_first for principals (KAMIKAWA Yoko), given_first for counterparts\n"
            "(Dmytro KULEBA)"
        ),
    )
    display_name: str | None = Field(
        default=None,
        description=(
            "the whole name and honorific verbatim, for names no rule fits (royalty, long "
            "Arabic names)"
        ),
    )
    title: NonEmptyText | None = Field(default=None, description="required unless `group`")
    suffix: str | None = Field(
        default=None,
        description="post-nominal: `MP` (after a space), `, MP` or `, Jr.` "
        "(a leading comma attaches it)",
    )
    context: str | None = Field(
        default=None,
        description="the clause after the title: who is visiting New York to attend …",
    )
    short: str | None = Field(
        default=None,
        description=(
            "how the points refer to this person (Minister Kamikawa); default: the title's first\n"
            "words and the family name"
        ),
    )
    group: NonEmptyText | None = Field(
        default=None,
        description="a participant that is not one titled person, printed "
        "verbatim: the Ambassadors of the ... countries to Japan",
    )
    title_first: StrictBool = Field(
        default=False,
        # validated even when absent: its validator checks the title and the name
        validate_default=True,
        description="write the title before the name, without honorific or "
        "commas: former Foreign Minister HAYASHI Yoshimasa",
    )
    ja: ParticipantJa | None = Field(default=None, description="the participant's Japanese facts")

    @model_validator(mode="before")
    @classmethod
    def _group_has_no_name(cls, data: Any) -> Any:
        if isinstance(data, dict) and data.get("group") is not None:
            named = [key for key in data if key in NAME_FIELDS and data[key] is not None]
            if named:
                raise PydanticCustomError(
                    "group-with-name",
                    "a group participant is printed as written, with no {names}; remove "
                    "{field}, or write a person without group",
                    {"names": ", ".join(NAME_FIELDS), "field": named[0], "at": (named[0],)},
                )
        return data

    @field_validator("title_first")
    @classmethod
    def _has_a_title_and_a_name(cls, value: bool, info: ValidationInfo) -> bool:
        """A person needs a title and a name; both are reported in one run. A field
        validator on the last field, not a model validator: it sees the fields before it
        that validated, and runs even when another field has an error of its own."""
        fields = info.data
        if "group" not in fields or fields["group"] is not None:
            return value  # a group, or a group field with a problem of its own
        problems = []
        if "title" in fields and fields["title"] is None:
            problems.append(
                PydanticCustomError(
                    "missing-field",
                    "missing required field 'title'",
                    {"sibling": "title", "required": True},
                )
            )
        names = [fields.get(name) for name in ("family_name", "display_name")]
        checked = "family_name" in fields and "display_name" in fields  # both validated
        if checked and not any((name or "").strip() for name in names):
            problems.append(
                PydanticCustomError(
                    "missing-field",
                    "a participant needs family_name (or display_name for names no rule fits)",
                    {"sibling": "family_name"},
                )
            )
        if problems:
            raise ValidationError.from_exception_data(
                "Participant",
                [{"type": problem, "loc": (), "input": value} for problem in problems],
            )
        return value


def _point_text(value: Any) -> Any:
    if isinstance(value, str) and (not value or value.isspace()):  # no copy of a long text
        raise PydanticCustomError("empty-point", "a point must not be empty")
    return value


PointText = Annotated[
    str, BeforeValidator(_point_text), Field(json_schema_extra={"pattern": r"\S"})
]


class PointItem(Strict):
    model_config = ConfigDict(
        json_schema_extra={
            "anyOf": [  # text, a heading or sub-points (see _has_content)
                {"required": ["text"], "properties": {"text": _NOT_NULL}},
                {"required": ["heading"], "properties": {"heading": _SOME_TEXT}},
                {"required": ["points"], "properties": {"points": {"minItems": 1}}},
            ]
        }
    )

    text: PointText | None = Field(
        default=None,
        description="optional with a heading or sub-points; paragraphs separated by a blank line",
    )
    heading: str | None = Field(
        default=None,
        description="a heading printed before the point's text",
    )
    points: list[PointText] = Field(
        default_factory=_new_list,
        description="sub-points, printed as (1), (2), … under the point",
    )
    ja: PointJa | None = Field(default=None, description="the point in Japanese")

    @model_validator(mode="after")
    def _has_content(self) -> "PointItem":
        if self.text is None and not (self.heading or "").strip() and not self.points:
            raise PydanticCustomError(
                "empty-point", "a point needs text, a heading or sub-points", {"field": "text"}
            )
        return self


def _text_or_item(value: Any) -> str:
    """Which branch of a `text | mapping` list entry (points, photos) a value takes."""
    return "item" if isinstance(value, dict | BaseModel) else "text"


Point = Annotated[
    Annotated[PointText, Tag("text")] | Annotated[PointItem, Tag("item")],
    Discriminator(_text_or_item),
]


class Photo(Strict):
    caption: NonEmptyText = Field(description="the photo's caption")
    file: str | None = Field(default=None, description="the image file, for templates that show it")


PhotoEntry = Annotated[
    Annotated[NonEmptyText, Tag("text")] | Annotated[Photo, Tag("item")],
    Discriminator(_text_or_item),
]


class Phrasing(Strict):
    verb: str | None = Field(
        default=None,
        description="the lead's verb, instead of the kind's: held a telephone talk with",
    )
    closing: str | None = Field(
        default=None,
        description=(
            "the lead's closing sentence, instead of the kind's: The overview is as follows."
        ),
    )
    weekday: StrictBool = Field(
        default=False,
        description="name the weekday in the lead: On Wednesday, August 30,",
    )
    home_label: str | None = Field(default=None, description="`JST` (default) or `Japan time`")
    surname_caps: StrictBool = Field(
        default=True,
        description=(
            "family names in capitals (true, the MOFA style since 2020); false gives Mr. "
            "Fumio Kishida"
        ),
    )


def _no_counterparts(value: Any) -> PydanticCustomError:
    if value is None:
        return PydanticCustomError(
            "missing-field", "missing required field 'counterparts'", {"required": True}
        )
    return PydanticCustomError("empty-value", "counterparts needs at least one entry")


def counterparts_problem_in(data: dict[str, Any]) -> ValidationError | None:
    """A missing or empty `counterparts` in loaded data, for a readout whose meeting did
    not validate (the model then cannot tell): they may be left out only when the meeting
    has a `role`, and whether it has one the loaded meeting says, valid or not. None when
    they are given or a role is written. The same error the model raises once the
    meeting validates, so `check` reports it in the same words."""
    meeting = data.get("meeting")
    value = data.get("counterparts")
    if (value is not None and value != []) or (
        isinstance(meeting, dict) and meeting.get("role") is not None
    ):
        return None
    error: InitErrorDetails = {
        "type": _no_counterparts(value),
        "loc": ("counterparts",),
        "input": value,
    }
    return ValidationError.from_exception_data("Readout", [error])


def _without_default(schema: JsonDict) -> None:
    schema.pop("default", None)


class Readout(Strict):
    model_config = ConfigDict(
        title="Readout",
        json_schema_extra={
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "description": "A meeting readout in author's format 1 (edition 2).",
            # counterparts may be left out only by a multilateral meeting's role
            "if": {
                "properties": {"meeting": {"required": ["role"], "properties": {"role": _NOT_NULL}}}
            },
            "else": {
                "required": ["counterparts"],
                "properties": {"counterparts": {"minItems": 1}},
            },
        },
    )

    version: int = Field(
        FORMAT_VERSION,
        json_schema_extra={"const": FORMAT_VERSION},
        description="the format version: 1 (an unknown version is an error)",
    )
    style: str = Field(
        default="mofa",
        description=(
            "house style: the template set templates/<style>/ (default: the project's style "
            "setting)"
        ),
    )
    section: NonEmptyText = Field(
        description="the page's section (Japan-Ukraine Relations); gives the 'Back to …' footer",
    )
    title: str | None = Field(
        default=None,
        description="the page heading; when absent the heading is the section",
    )
    published: DateValue | None = Field(
        default=None,
        description="the date line, YYYY-MM-DD; default: the meeting's local date",
    )
    notice: NonEmptyText | None = Field(
        default=None, description="one line under the date line: [Provisional translation]"
    )
    photos: list[PhotoEntry] = Field(
        default_factory=_new_list,
        description="photo captions, in order: texts, or mappings of caption and file",
    )
    meeting: Meeting = Field(description="when, where and how long, and what kind of meeting")
    principals: list[Participant] = Field(
        min_length=1,
        description="our side, at least one: the subject of the lead sentence",
    )
    counterparts: list[Participant] = Field(
        default=None,  # becomes [] or an error, see _counterparts_unless_role
        validate_default=True,
        description="the other side; at least one, unless meeting.role is given",
        json_schema_extra=_without_default,
    )
    points: list[Point] = Field(
        min_length=1,
        description=(
            "the numbered points, at least one: texts, or mappings of text, heading and sub-points"
        ),
    )
    phrasing: Phrasing = Field(
        default_factory=Phrasing,
        description="per-readout overrides of the house style's wording",
    )
    footnotes: list[str] = Field(
        default_factory=_new_list,
        description="lines printed after the points (a provisional-translation note)",
    )
    mentions: list[NonEmptyText] | None = Field(
        default=None,
        description="people the points name who are not participants "
        "(President Zelenskyy); with it, unknown-person flags anyone else",
    )
    ja: ReadoutJa | None = Field(
        default=None, description="the Japanese page's facts (japanese-page.md)"
    )

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

    @field_validator("counterparts", mode="before")
    @classmethod
    def _counterparts_unless_role(cls, value: Any, info: ValidationInfo) -> Any:
        """At least one counterpart, unless the principals hosted, chaired or attended a
        multilateral meeting (`meeting.role`). While `meeting` has errors, `check` asks
        `counterparts_problem_in` instead, which reads the role from the loaded data."""
        if value is not None and value != []:
            return value
        meeting = info.data.get("meeting")
        if meeting is None or meeting.role is not None:
            return []
        raise _no_counterparts(value)

    @property
    def has_japanese(self) -> bool:
        """Whether any `ja` block is given: then the readout has a Japanese page."""
        return (
            self.ja is not None
            or self.meeting.ja is not None
            or any(p.ja is not None for _, _, p in self.participants())
            or any(isinstance(p, PointItem) and p.ja is not None for p in self.points)
        )

    def participants(self) -> list[tuple[str, int, Participant]]:
        return [("principals", i, p) for i, p in enumerate(self.principals)] + [
            ("counterparts", i, p) for i, p in enumerate(self.counterparts)
        ]
