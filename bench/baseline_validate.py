"""The minimal baseline validator the benchmark compares `author validate` against.

Same process model as `author validate FILE...`: one process, each file read, parsed
with libyaml (PyYAML's CSafeLoader), then validated by a Pydantic model of readout
format 1 with its edition-2 fields and the Japanese page's `ja` blocks (field names,
types, required fields, no unknown fields). Nothing else: no positions, no time-zone or
lint checks. Exit 1 if any file fails.
"""

from __future__ import annotations

import sys
from datetime import date
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid")


class MeetingJa(_Strict):
    name: str | None = None
    note: str | None = None


class ParticipantJa(_Strict):
    name: str | None = None
    title: str | None = None
    context: str | None = None
    short: str | None = None
    designation: bool = True
    group: str | None = None


class PointJa(_Strict):
    text: str | None = None
    heading: str | None = None
    points: list[str] = []


class ReadoutJa(_Strict):
    section: str | None = None
    title: str | None = None
    photos: list[str] = []
    footnotes: list[str] = []


class FollowOn(_Strict):
    kind: Literal[
        "working_lunch",
        "working_dinner",
        "meeting",
        "joint_press_conference",
        "signing_ceremony",
        "dinner",
        "lunch",
    ]
    start: str | None = None
    duration: int | str | None = None
    approximate: bool = True
    name: str | None = None


class Meeting(_Strict):
    kind: Literal[
        "meeting",
        "summit_meeting",
        "telephone_talk",
        "video_conference",
        "courtesy_call_paid",
        "courtesy_call_received",
        "working_lunch",
        "working_dinner",
        "informal_talk",
        "summit_telephone_talk",
        "strategic_dialogue",
    ]
    name: str | None = None
    role: Literal["hosted", "chaired", "co_chaired", "attended", "participated"] | None = None
    start: str | date
    timezone: str | None = None
    duration: int | str | None = None
    approximate: bool = True
    around: bool = False
    place: str | None = None
    note: str | None = None
    followed_by: list[FollowOn] = []
    ja: MeetingJa | None = None


class Participant(_Strict):
    honorific: str | None = None
    family_name: str | None = None
    given_name: str | None = None
    name_order: Literal["family_first", "given_first"] | None = None
    display_name: str | None = None
    title: str | None = None
    suffix: str | None = None
    context: str | None = None
    short: str | None = None
    group: str | None = None
    title_first: bool = False
    ja: ParticipantJa | None = None


class Point(_Strict):
    text: str | None = Field(default=None, min_length=1)
    heading: str | None = None
    points: list[str] | None = None
    ja: str | PointJa | None = None


class Photo(_Strict):
    caption: str
    file: str | None = None


class Phrasing(_Strict):
    verb: str | None = None
    closing: str | None = None
    weekday: bool | None = None
    home_label: str | None = None
    surname_caps: bool | None = None


class Readout(_Strict):
    version: int = 1
    style: str = "mofa"
    section: str
    title: str | None = None
    published: date | None = None
    notice: str | None = None
    photos: list[str | Photo] = []
    meeting: Meeting
    principals: list[Participant] = Field(min_length=1)
    counterparts: list[Participant] = []  # edition 2: may be absent with meeting.role
    points: list[str | Point] = Field(min_length=1)
    phrasing: Phrasing | None = None
    footnotes: list[str] = []
    mentions: list[str] | None = None
    ja: ReadoutJa | None = None


def main(paths: list[str]) -> int:
    failed = 0
    for path in paths:
        try:
            with open(path, "rb") as handle:
                data = yaml.load(handle.read(), Loader=yaml.CSafeLoader)
            Readout.model_validate(data)
        except (OSError, yaml.YAMLError, ValidationError) as exc:
            failed += 1
            print(f"{path}: {exc}", file=sys.stderr)
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
