"""Checks of the author's own sentences (points, captions, context clauses, footnotes).

Each finder returns `Finding`s with character offsets into the text it was given.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import time
from functools import lru_cache

from author.rules.clock import MONTHS, clock_phrase
from author.rules.names import title_case_family


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    code: str
    message: str
    suggestion: str | None = None


_CLOCK = re.compile(
    r"(?<![\d:.])(?P<h>\d{1,2})(?P<sep>\s*:\s*)(?P<m>\d{2})(?!\d)"
    r"(?:(?P<gap>\s*)(?P<mer>[aApP])(?P<dot1>\.?)\s?(?P<m2>[mM])(?P<dot2>\.?)(?![A-Za-z]))?"
)


def clock_findings(text: str) -> list[Finding]:
    """Off-style clock times: `9:20a.m.`, `5:00 pm`, `08:40 a.m.`, `13:00 p.m.`, `9: 00`."""
    out: list[Finding] = []
    if ":" not in text:
        return out
    for match in _CLOCK.finditer(text):
        hour, minute = int(match["h"]), int(match["m"])
        found = match.group(0)
        if minute > 59:
            continue
        if match["mer"] is None:
            if match["sep"] != ":" and hour < 24:
                fixed = f"{hour}:{minute:02d}"
                out.append(
                    Finding(
                        match.start(),
                        match.end(),
                        "clock-style",
                        f"off-style time {found!r}: no space around the colon; write "
                        f"'{fixed}' with a.m./p.m.",
                        fixed,
                    )
                )
            continue
        pm = match["mer"].lower() == "p"
        if hour > 12 or (hour == 0 and pm):
            out.append(
                Finding(
                    match.start(),
                    match.end(),
                    "clock-style",
                    f"{found!r} is not a time: a 24-hour clock reading with "
                    f"{'p.m.' if pm else 'a.m.'}; write "
                    f"'{clock_phrase(time(hour % 24, minute))}'",
                    clock_phrase(time(hour % 24, minute)),
                )
            )
            continue
        hour24 = (hour % 12) + (12 if pm else 0)
        fixed = clock_phrase(time(hour24, minute))
        if found != fixed:
            out.append(
                Finding(
                    match.start(),
                    match.end(),
                    "clock-style",
                    f"off-style time {found!r}; the house style writes {fixed!r}",
                    fixed,
                )
            )
    return out


_MONTH = "|".join(MONTHS)
_ORDINAL_AFTER = re.compile(rf"\b(?P<month>{_MONTH})\s+(?P<day>\d{{1,2}})(?P<suf>st|nd|rd|th)\b")
_ORDINAL_BEFORE = re.compile(
    rf"\b(?:the\s+)?(?P<day>\d{{1,2}})(?P<suf>st|nd|rd|th)\s+(?:of\s+)?(?P<month>{_MONTH})\b"
)


_ANY_ORDINAL = re.compile(r"\d(?:st|nd|rd|th)\b")


def _right_suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def ordinal_findings(text: str) -> list[Finding]:
    """`June 22th` (wrong), `May 4th`, `the 4th of May` (off-style) → `May 4`."""
    out: list[Finding] = []
    if not _ANY_ORDINAL.search(text):
        return out
    for pattern in (_ORDINAL_AFTER, _ORDINAL_BEFORE):
        for match in pattern.finditer(text):
            day = int(match["day"])
            fixed = f"{match['month']} {day}"
            found = match.group(0)
            if match["suf"] != _right_suffix(day):
                why = f"'{day}{match['suf']}' is not an ordinal"
            else:
                why = "the house style writes dates without ordinals"
            out.append(
                Finding(
                    match.start(),
                    match.end(),
                    "ordinal-style",
                    f"{why}: {found!r}; write {fixed!r}",
                    fixed,
                )
            )
    return out


_HONORIFIC = re.compile(r"\bH\.\s+E\.|\bH\.E(?=\s)|\bH\s+E\.|\bH\.E\.(?=(?:Mr|Ms|Dr)\b)")


def honorific_findings(text: str) -> list[Finding]:
    """`H. E. Mr.`, `H.E Mr.`, `H.E.Mr.` → `H.E. Mr.`."""
    out: list[Finding] = []
    if "H" not in text:
        return out
    for match in _HONORIFIC.finditer(text):
        found = match.group(0)
        fixed = "H.E. " if found.startswith("H.E.") else "H.E."
        out.append(
            Finding(
                match.start(),
                match.end(),
                "honorific-style",
                f"malformed honorific {found.strip()!r}; write 'H.E.' (then Mr./Ms./Dr.)",
                fixed.strip(),
            )
        )
    return out


# Titles that open a reference to a person, longest first so `Prime Minister Kishida` is
# read as one title and not as `Minister Kishida`.
REFERENCE_TITLES = sorted(
    {
        "Minister",
        "Prime Minister",
        "Foreign Minister",
        "Deputy Prime Minister",
        "State Minister",
        "Vice Minister",
        "Vice-Minister",
        "Parliamentary Vice-Minister",
        "Defense Minister",
        "Defence Minister",
        "President",
        "Vice President",
        "Vice-President",
        "Secretary",
        "Foreign Secretary",
        "Secretary-General",
        "Under Secretary",
        "Deputy Secretary",
        "Ambassador",
        "Chancellor",
        "Premier",
        "Senator",
        "Governor",
        "Mayor",
        "Speaker",
        "Chairman",
        "Chairperson",
        "Chair",
        "Director-General",
        "Director",
        "Commissioner",
        "King",
        "Queen",
        "Prince",
        "Princess",
        "Emperor",
        "Crown Prince",
        "Sheikh",
        "Sultan",
        "Emir",
        "Counselor",
        "Representative",
        "Special Envoy",
        "Envoy",
        "Chief Cabinet Secretary",
    },
    key=len,
    reverse=True,
)
_PARTICLE = r"(?:(?:de|del|da|di|dos|van|von|der|den|bin|al|le|la)\s+)?"
_NAME = r"[A-Z][A-Za-z\u00C0-\u024F'’\-]+"


def reference_pattern(extra_titles: Iterable[str] = ()) -> re.Pattern[str]:
    return _reference_pattern(frozenset(t for t in extra_titles if t))


@lru_cache(maxsize=64)
def _reference_pattern(extra_titles: frozenset[str]) -> re.Pattern[str]:
    titles = sorted(set(REFERENCE_TITLES) | extra_titles, key=len, reverse=True)
    alternation = "|".join(re.escape(t) for t in titles)
    # No look-behind `(?<![A-Za-z-])` at the start: a pattern that opens with one cannot
    # skip ahead to a title's first letter and scans a long point 3-4 times slower.
    # `_finditer` checks the character before a match instead; use it, not `finditer`.
    return re.compile(rf"(?P<title>{alternation})\s+(?P<name>{_PARTICLE}{_NAME})")


@dataclass(frozen=True)
class KnownPerson:
    short: str  # `Minister Kamikawa`
    title: str  # `Minister`
    family: str  # `Kamikawa`


def reference_findings(
    text: str, people: list[KnownPerson], pattern: re.Pattern[str] | None = None
) -> list[Finding]:
    """References like `Minister Kamikava` that match no listed person.

    A reference is flagged when its name is a near miss of a listed person's name (a
    misspelling), or when a listed person carries the same title but the name is none of
    theirs. A third person under another title (`President Zelenskyy` in a meeting of two
    ministers) is a legitimate mention and is not flagged.
    """
    if not people:
        return []
    pattern = pattern or reference_pattern(p.title for p in people)
    shorts = {p.short for p in people}
    titles = {p.title for p in people}
    by_family = {title_case_family(p.family): p for p in reversed(people)}
    out = []
    for match in _finditer(pattern, text):
        title, name = match["title"], match["name"]
        if name.endswith(("'s", "’s")):
            name = name[:-2]
        if name in by_family or f"{title} {name}" in shorts:
            continue  # a listed person, under this or another of their titles
        close = difflib.get_close_matches(name, list(by_family), n=1, cutoff=0.75)
        if not close and title not in titles:
            continue  # a third person under another title: a legitimate mention
        suggestion = by_family[close[0]].short if close else None
        message = f"{title + ' ' + name!r} is not a person listed in this readout"
        if suggestion:
            message += f"; did you mean {suggestion!r}?"
        end = match.start("name") + len(name)
        out.append(Finding(match.start(), end, "unknown-person", message, suggestion))
    return out


_BEFORE_TITLE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")


def _finditer(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """The matches of `(?<![A-Za-z-])` + `pattern`: a title not glued to a word before it."""
    pos = 0
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start and text[start - 1] in _BEFORE_TITLE:
            pos = start + 1  # the look-behind would fail here; try the next position
            continue
        yield match
        pos = max(match.end(), start + 1)


_CLOSING = re.compile(r"[.!?…](?:[\"'”’)\]]*)$|:$")
_CLOSERS = "\"'”’)]"


def ends_with_punctuation(text: str) -> bool:
    # The same test as `_CLOSING.search(text.rstrip())`, without scanning the whole text.
    tail = text.rstrip()
    return tail.endswith(":") or tail.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")
