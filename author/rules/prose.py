"""Verbs, articles and closings by meeting kind, the follow-ons, and the lead sentence.

The lead's facts that do not depend on the language (the follow-ons' local and home times,
which parts the closing names) are kept as values in `LeadParts`/`FollowOnPart`, beside
their English text, so that another language's page can build its own words from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from author.rules.clock import HomeTime

VERBS = {
    "meeting": "held a meeting with",
    "summit_meeting": "held a summit meeting with",
    "telephone_talk": "held a telephone talk with",
    "video_conference": "held a video teleconference meeting with",
    "courtesy_call_paid": "paid a courtesy call on",
    "courtesy_call_received": "received a courtesy call from",
    "working_lunch": "held a working lunch with",
    "working_dinner": "held a working dinner with",
    "informal_talk": "held an informal talk with",
    "summit_telephone_talk": "held a summit telephone talk with",
    "strategic_dialogue": "held a strategic dialogue with",
}

# The closing's noun: `The overview of the {noun} is as follows.`
CLOSING_NOUNS = {
    "telephone_talk": "talk",
    "informal_talk": "talk",
    "summit_telephone_talk": "talk",
    "courtesy_call_paid": "courtesy call",
    "courtesy_call_received": "courtesy call",
    "strategic_dialogue": "dialogue",
}
DEFAULT_CLOSING_NOUN = "meeting"

# The kinds whose verb has no noun a meeting's name could replace.
UNNAMED_KINDS = frozenset({"courtesy_call_paid", "courtesy_call_received"})

# `meeting.role`: the principals' part in a multilateral meeting, before `the {name}`.
ROLE_VERBS = {
    "hosted": "hosted",
    "chaired": "chaired",
    "co_chaired": "co-chaired",
    "attended": "attended",
    "participated": "participated in",
}

# `meeting.followed_by[].kind`: the noun in `followed by a {noun}` and in the closing.
FOLLOW_ON_NOUNS = {
    "working_lunch": "working lunch",
    "working_dinner": "working dinner",
    "meeting": "meeting",
    "joint_press_conference": "joint press conference",
    "signing_ceremony": "signing ceremony",
    "dinner": "dinner",
    "lunch": "lunch",
}

DEFAULT_CLOSING = "The overview of the meeting is as follows."

# Words that open with a vowel letter but a consonant sound (`a U.S.-Japan …`, `a one-day
# …`, `a European …`), and with a consonant letter but a vowel sound (`an hour`).
_CONSONANT_SOUND = re.compile(r"^(?:[Uu]ni|[Uu]s[eu]|[Uu]ti|[Uu]kr|[Ee]u[a-z]|[Oo]ne\b|[Oo]nce\b)")
_VOWEL_SOUND = re.compile(r"^(?:[Hh]our|[Hh]onest|[Hh]onou?r|[Hh]eir)")
# An initialism read letter by letter whose first letter's name opens with a vowel sound:
# `an FTA`, `an NSC`, `an SCO` (F, H, L, M, N, R, S, X: eff, aitch, el, em, en, ar, es, ex).
_INITIALISM = re.compile(r"^[FHLMNRSX](?:\.?[A-Z]){1,2}\.?(?![A-Za-z])")


def indefinite_article(phrase: str) -> str:
    """`a` or `an` before `phrase`, by its first sound: `an informal talk`, `an EU-Japan …`,
    `a Japan-Philippines …`, `a U.S.-Japan …`, `an FTA …`, `a NATO …`."""
    word = phrase.lstrip("\"'“‘(")
    if not word:
        return "a"
    if _VOWEL_SOUND.match(word) or _INITIALISM.match(word):
        return "an"
    if word[:2].isupper():  # an initialism: `an EU …`, `an ASEAN …`; `a U.S. …`, `a UN …`
        return "an" if word[:1] in "AEIO" else "a"
    if _CONSONANT_SOUND.match(word):
        return "a"
    return "an" if word[:1].lower() in "aeiou" else "a"


def with_article(phrase: str) -> str:
    return f"{indefinite_article(phrase)} {phrase}"


def plural(count: int, noun: str) -> str:
    """`1 file`, `0 files`, `3 files`: a count with its noun (a regular plural)."""
    return f"{count} {noun}{'s' * (count != 1)}"


def join_and(items: list[str]) -> str:
    """`A`; `A and B`; `A, B, and C`."""
    if len(items) <= 2:
        return " and ".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]


def verb_for(
    kind: str, name: str | None = None, role: str | None = None, with_counterparts: bool = True
) -> str:
    """What the principals did, up to the counterparts: `held a meeting with`, `held a
    Japan-Philippines Foreign Ministers’ Meeting with`, `hosted the G7 Foreign Ministers’
    Meeting` (` with` when counterparts follow), `participated in the …`."""
    if role is not None and name:
        verb = f"{ROLE_VERBS[role]} the {name}"
        return f"{verb} with" if with_counterparts else verb
    if name and kind not in UNNAMED_KINDS:
        return f"held {with_article(name)} with"
    return VERBS[kind]


def closing_noun(kind: str) -> str:
    return CLOSING_NOUNS.get(kind, DEFAULT_CLOSING_NOUN)


def closing_for(kind: str, follow_on_kinds: tuple[str, ...] = ()) -> str:
    """`The overview of the talk is as follows.`; with follow-ons, every part:
    `The overview of the meeting and the working dinner is as follows.`"""
    nouns = [closing_noun(kind), *(FOLLOW_ON_NOUNS[k] for k in follow_on_kinds)]
    return f"The overview of {join_and([f'the {noun}' for noun in nouns])} is as follows."


@dataclass(frozen=True)
class FollowOnPart:
    """One event of `followed_by`: its facts, and its English words."""

    kind: str  # `working_dinner`
    name: str | None  # its own name, if it has one
    start: datetime | None  # local wall-clock start (naive), None when no time is given
    home: HomeTime | None  # the same start at home; None at home or without a start
    duration: int | None  # minutes
    approximate: bool
    new_day: bool  # it starts on a later local day than the meeting
    text: str  # `a working dinner commencing at 7:30 p.m. for approximately one and …`


def follow_on_text(
    kind: str,
    name: str | None,
    *,
    day: str | None = None,
    clock: str | None = None,
    home: str | None = None,
    duration: str | None = None,
) -> str:
    """`a working dinner`, `an ASEAN-Japan dinner`, with its time when it has one:
    `a working dinner commencing at 7:30 p.m. (local time; 2:30 a.m. JST) for approximately
    one and a half hours`; `day` (`September 21`) when it falls on a later day."""
    text = with_article(name or FOLLOW_ON_NOUNS[kind])
    if day:
        text += f" on {day}"
    if clock:
        text += f" commencing at {clock}"
        if home:
            text += f" {home}"
        if duration:
            text += f" for {duration}"
    return text


@dataclass(frozen=True)
class LeadParts:
    """Every piece of the lead sentence, already in house style."""

    date: str  # `September 20` or `Wednesday, August 30`
    clock: str | None  # `6:05 p.m.`, `around 9:00 a.m.`; None when no time is published
    home: str | None  # `(local time; on September 21, 7:05 a.m. JST)`; None at home
    duration: str | None  # `approximately 25 minutes`
    principals: str  # `Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan, who …`
    verb: str  # `held a meeting with`, `hosted the G7 Foreign Ministers’ Meeting`
    counterparts: str  # empty when a role's meeting has none
    closing: str
    # Edition 2. A title-first principal or a group with no clause of its own takes no
    # comma before the verb.
    subject_comma: bool = True
    follow_ons: tuple[FollowOnPart, ...] = ()
    parts: tuple[str, ...] = ("meeting",)  # the nouns the closing names, meeting first
    note: str | None = None  # `meeting.note`, after the closing

    @property
    def followed_by(self) -> str | None:
        """`followed by a joint press conference and a working dinner commencing at …`."""
        if not self.follow_ons:
            return None
        return "followed by " + join_and([part.text for part in self.follow_ons])

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
        text += f" {self.principals}{',' if self.subject_comma else ''} {self.verb}"
        if self.counterparts:
            text += f" {self.counterparts}"
        if self.followed_by:
            text += f", {self.followed_by}"
        text += "."
        if self.closing:
            text += f" {self.closing}"
        if self.note:
            text += f" {self.note}"
        return text
