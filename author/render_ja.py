"""Derived values for the Japanese page (../shared/design/japanese-page.md).

The same facts as the English page, through the same derivations: the home time comes
from `rules.clock.home_time`, the English designation of a counterpart is the English
lead's own participant text (`render.participant_phrase`), so the two pages cannot
disagree. Only the Japanese wording is this module's (`rules.japanese`). A readout whose
`ja` texts are incomplete is stopped before it gets here (`missing-translation`, an error
for `render --lang ja`); a text still missing renders empty, never invented.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from author.config import Config
from author.model import Participant, PointItem, PointJaItem, Readout
from author.render import PagePoint, participant_phrase
from author.rules.clock import home_time
from author.rules.japanese import (
    LeadPartsJa,
    back_to_ja,
    counterpart_ja,
    duration_ja,
    era_date,
    group_ja,
    join_ja,
    predicate_ja,
    principal_ja,
    start_ja,
)
from author.timezones import zone


def designation(person: Participant, caps: bool = True) -> str:
    """The English designation inside the Japanese lead: exactly the English lead's text
    for this counterpart, without its context (`H.E. Mr. Dmytro KULEBA, Minister for
    Foreign Affairs of Ukraine`); `rules.japanese` capitalises a leading `the`."""
    return participant_phrase(person.model_copy(update={"context": None}), False, caps)


def participant_ja(person: Participant, principal: bool, caps: bool = True) -> str:
    ja = person.ja
    if ja is None:
        return ""
    if getattr(ja, "group", None):
        return group_ja(ja.group or "", ja.context)
    if principal:
        return principal_ja(ja.name or "", ja.title or "", ja.context)
    english = designation(person, caps) if ja.designation else None
    return counterpart_ja(ja.name or "", ja.title or "", ja.context, english)


def lead_parts_ja(readout: Readout, config: Config | None = None) -> LeadPartsJa:
    config = config or Config()
    meeting = readout.meeting
    caps = readout.phrasing.surname_caps
    zone_name = meeting.timezone or config.home_zone
    abroad = zone_name != config.home_zone
    clock = when = duration = None
    if isinstance(meeting.start, datetime):
        clock = meeting.start.time()
        if abroad:
            when = home_time(meeting.start, zone(zone_name), zone(config.home_zone))
        if meeting.duration is not None:
            duration = duration_ja(meeting.duration, meeting.approximate)
    counterparts = join_ja([participant_ja(p, False, caps) for p in readout.counterparts])
    meeting_ja = meeting.ja
    return LeadPartsJa(
        start=start_ja(meeting.local_date, clock, when, meeting.around, abroad),
        timed=clock is not None,
        duration=duration,
        principals=join_ja([participant_ja(p, True, caps) for p in readout.principals]),
        predicate=predicate_ja(
            meeting.kind.value,
            counterparts or None,
            name=meeting_ja.name if meeting_ja else None,
        ),
        note=meeting_ja.note if meeting_ja else None,
    )


def _page_point(number: int, point: Any) -> PagePoint:
    ja = point.ja if isinstance(point, PointItem) else None
    if isinstance(ja, PointJaItem):
        return PagePoint(
            number,
            (ja.text or "").strip(),
            ja.heading,
            tuple(s.strip() for s in ja.points),
        )
    return PagePoint(number, (ja or "").strip(), None, ())


def page_context_ja(readout: Readout, config: Config | None = None) -> dict[str, Any]:
    """Everything a Japanese template may show, already in house style."""
    lead = lead_parts_ja(readout, config)
    ja = readout.ja
    section = (ja.section if ja else None) or ""
    published = readout.published or readout.meeting.local_date
    captions = list(ja.photos) if ja else []
    return {
        "lang": "ja",
        "heading": (ja.title if ja else None) or section,
        "section": section,
        "date_line": era_date(published),
        "published_iso": published.isoformat(),
        "captions": captions,
        "lead": lead.sentence,
        "lead_parts": lead,
        "points": [_page_point(n, p) for n, p in enumerate(readout.points, start=1)],
        "footnotes": list(ja.footnotes) if ja else [],
        "back_to": back_to_ja(section),
        "kind": readout.meeting.kind.value,
    }
