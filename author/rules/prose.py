"""Verbs and closings by meeting kind, and the lead sentence itself."""

from __future__ import annotations

from dataclasses import dataclass

VERBS = {
    "meeting": "held a meeting with",
    "summit_meeting": "held a summit meeting with",
    "telephone_talk": "held a telephone talk with",
    "video_conference": "held a video teleconference meeting with",
    "courtesy_call_paid": "paid a courtesy call on",
    "courtesy_call_received": "received a courtesy call from",
    "working_lunch": "held a working lunch with",
    "working_dinner": "held a working dinner with",
}

CLOSINGS = {
    "telephone_talk": "The overview of the talk is as follows.",
    "courtesy_call_paid": "The overview of the courtesy call is as follows.",
    "courtesy_call_received": "The overview of the courtesy call is as follows.",
}
DEFAULT_CLOSING = "The overview of the meeting is as follows."


def verb_for(kind: str) -> str:
    return VERBS[kind]


def closing_for(kind: str) -> str:
    return CLOSINGS.get(kind, DEFAULT_CLOSING)


@dataclass(frozen=True)
class LeadParts:
    """Every piece of the lead sentence, already in house style."""

    date: str  # `September 20` or `Wednesday, August 30`
    clock: str | None  # `6:05 p.m.`, `around 9:00 a.m.`; None when no time is published
    home: str | None  # `(local time; on September 21, 7:05 a.m. JST)`; None at home
    duration: str | None  # `approximately 25 minutes`
    principals: str  # `Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, who …`
    verb: str
    counterparts: str
    closing: str

    @property
    def sentence(self) -> str:
        text = f"On {self.date},"
        if self.clock:
            text += f" commencing at {self.clock}"
            if self.home:
                text += f" {self.home}"
            if self.duration:
                text += f" for {self.duration}"
            text += ","
        text += f" {self.principals}, {self.verb} {self.counterparts}."
        if self.closing:
            text += f" {self.closing}"
        return text
