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
    follow_on_noun_ja,
    group_ja,
    join_ja,
    paragraphs_ja,
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
    if person.group is not None:  # a group: its Japanese text, no designation
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
            role=meeting.role.value if meeting.role is not None else None,
            follow_ons=[follow_on_noun_ja(f.kind.value) for f in meeting.followed_by],
        ),
        note=meeting_ja.note if meeting_ja else None,
    )


def page_point_ja(number: int, point: str | PointItem) -> PagePoint:
    """A point's Japanese texts, laid out as `render.page_point` lays out the English."""
    ja = point.ja if isinstance(point, PointItem) else None
    if isinstance(ja, PointJaItem):
        parts = paragraphs_ja(ja.text)
        subs = tuple(" ".join(paragraphs_ja(s)) for s in ja.points)
        return PagePoint(number, "\n\n".join(parts), ja.heading, subs, parts)
    parts = paragraphs_ja(ja)
    return PagePoint(number, "\n\n".join(parts), None, (), parts)


def page_context_ja(readout: Readout, config: Config | None = None) -> dict[str, Any]:
    """Everything a Japanese template may show, already in house style."""
    lead = lead_parts_ja(readout, config)
    ja = readout.ja
    section = (ja.section if ja else None) or ""
    published = readout.published or readout.meeting.local_date
    return {
        "lang": "ja",
        "heading": (ja.title if ja else None) or section,
        # The Japanese page opens with its title alone, and is the original: no notice.
        "section_line": None,
        "notice": None,
        "section": section,
        "date_line": era_date(published),
        "published_iso": published.isoformat(),
        "captions": list(ja.photos) if ja else [],
        "lead": lead.sentence,
        "lead_parts": lead,
        "points": [page_point_ja(n, p) for n, p in enumerate(readout.points, start=1)],
        "footnotes": list(ja.footnotes) if ja else [],
        "back_to": back_to_ja(section),
        "kind": readout.meeting.kind.value,
    }
