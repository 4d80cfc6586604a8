"""Checks of the author's own sentences (points, captions, context clauses, footnotes).

Each finder returns `Finding`s with character offsets into the text it was given.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from datetime import time
from functools import lru_cache
from typing import NamedTuple

from author.rules.clock import MONTHS, clock_phrase
from author.rules.names import title_case_family
from author.suggest import closest, hint


@dataclass(frozen=True)
class Finding:
    start: int
    end: int
    code: str
    message: str
    suggestion: str | None = None


# The finders' patterns are kept as text and compiled on their first use (`re` keeps them
# compiled): a finder runs only where the one scan (`findings`) found it something to
# check, so most runs never compile them, and a hook's start-up is spared the cost.
#
# Digits are ASCII digits throughout: the house style is about `9:20a.m.`, and the
# one-pass scan in `findings` looks for these ten.
#
# A clock time not glued to a digit, colon or dot before it: `clock_times` checks the
# character before, as a `(?<![0-9:.])` look-behind would; a pattern that opens with a
# look-behind tries a match at every position and scans a text about 8 times slower.
# What follows a clock time's first digit up to its colon; the scan's clock lead is the
# digit with this after it.
_CLOCK_AFTER_FIRST_DIGIT = r"[0-9]?\s*:"
CLOCK_TIME = (
    r"(?P<h>[0-9][0-9]?)(?P<sep>\s*:\s*)(?P<m>[0-9]{2})(?![0-9])"
    r"(?:(?P<gap>\s*)(?P<mer>[aApP])(?P<dot1>\.?)\s?(?P<m2>[mM])(?P<dot2>\.?)(?![A-Za-z]))?"
)
_BEFORE_CLOCK = frozenset("0123456789:.")


def clock_times(text: str) -> Iterator[re.Match[str]]:
    """Every clock time in `text` (`CLOCK_TIME`) not glued to a digit, colon or dot before
    it, as `(?<![0-9:.])` before the pattern would find them, without its cost."""
    pos = 0
    pattern = re.compile(CLOCK_TIME)
    while (match := pattern.search(text, pos)) is not None:
        start = match.start()
        if start and text[start - 1] in _BEFORE_CLOCK:
            pos = start + 1  # the look-behind would fail here; try the next position
            continue
        yield match
        pos = max(match.end(), start + 1)


# At most this many candidates are looked up one by one in `sparse_matches`; past it,
# the regex engine's own scan is the faster.
_SPARSE_LIMIT = 48


def sparse_matches(
    pattern: re.Pattern[str], text: str, firsts: str
) -> Iterable[re.Match[str]]:
    """What `pattern.finditer(text)` gives, for a pattern whose every match starts with one
    of the characters `firsts` and is never empty: tried only where such a character
    stands. `re` scans for a pattern opening with a set of characters at several
    nanoseconds a character; `str.find` skips to one character at a fraction of that, so
    a long text with few candidates (a readout's digits in its points) is read two to three
    times faster."""
    starts: list[int] = []
    for first in firsts:
        at = text.find(first)
        while at >= 0:
            starts.append(at)
            if len(starts) > _SPARSE_LIMIT:
                return pattern.finditer(text)
            at = text.find(first, at + 1)
    if not starts:
        return ()
    starts.sort()
    found = []
    end = 0
    for at in starts:
        if at >= end and (match := pattern.match(text, at)) is not None:
            found.append(match)
            end = match.end()
    return found


def clock_findings(text: str) -> list[Finding]:
    """Off-style clock times: `9:20a.m.`, `5:00 pm`, `08:40 a.m.`, `13:00 p.m.`, `9: 00`."""
    out: list[Finding] = []
    if ":" not in text:
        return out
    for match in clock_times(text):
        verdict = _clock_verdict(match.group(0), match["h"], match["sep"], match["m"], match["mer"])
        if verdict is not None:
            out.append(Finding(match.start(), match.end(), "clock-style", *verdict))
    return out


@lru_cache(maxsize=1024)
def _clock_verdict(found: str, h: str, sep: str, m: str, mer: str | None) -> tuple[str, str] | None:
    """(message, fix) for an off-style time, None for one in house style. Cached: a readout
    writes the same few times again and again (1 MiB of `9:20am.` spent most of its lint
    time composing the same message)."""
    hour, minute = int(h), int(m)
    if minute > 59:
        return None
    if mer is None:
        if sep != ":" and hour < 24:
            fixed = f"{hour}:{minute:02d}"
            return (
                f"off-style time {found!r}: no space around the colon; write "
                f"'{fixed}' with a.m./p.m.",
                fixed,
            )
        return None
    pm = mer.lower() == "p"
    if hour > 12 or (hour == 0 and pm):
        fixed = clock_phrase(time(hour % 24, minute))
        return (
            f"{found!r} is not a time: a 24-hour clock reading with "
            f"{'p.m.' if pm else 'a.m.'}; write '{fixed}'",
            fixed,
        )
    fixed = clock_phrase(time((hour % 12) + (12 if pm else 0), minute))
    if found != fixed:
        return f"off-style time {found!r}; the house style writes {fixed!r}", fixed
    return None


_MONTH = "|".join(MONTHS)
_SUFFIXES = ("st", "nd", "rd", "th")
_SUFFIX = "|".join(_SUFFIXES)
_ORDINAL_AFTER = rf"\b(?P<month>{_MONTH})\s+(?P<day>[0-9]{{1,2}})(?P<suf>{_SUFFIX})\b"
_ORDINAL_BEFORE = (
    rf"\b(?:the\s+)?(?P<day>[0-9]{{1,2}})(?P<suf>{_SUFFIX})\s+(?:of\s+)?(?P<month>{_MONTH})\b"
)
# What follows an ordinal's first digit in the scan: a second digit, then the suffix's
# first letter (`22n` of `22nd`), its second letter looked ahead at, so that no name can
# be read after it.
_ORDINAL_AFTER_FIRST_DIGIT = "[0-9]?[" + "".join(x[0] for x in _SUFFIXES) + "]"
_ORDINAL_SUFFIX_AHEAD = "(?:" + "|".join(f"(?<={x[0]})(?={x[1]})" for x in _SUFFIXES) + ")"


_ANY_ORDINAL = rf"[0-9](?:{_SUFFIX})\b"


def _right_suffix(day: int) -> str:
    if 10 <= day % 100 <= 20:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(day % 10, "th")


def ordinal_findings(text: str) -> list[Finding]:
    """`June 22th` (wrong), `May 4th`, `the 4th of May` (off-style) → `May 4`."""
    out: list[Finding] = []
    if not re.search(_ANY_ORDINAL, text):
        return out
    for pattern in (_ORDINAL_AFTER, _ORDINAL_BEFORE):
        for match in re.finditer(pattern, text):
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


# What follows the `H` of a malformed honorific: `H. E.`, `H.E Mr.`, `H E.`, `H.E.Mr.`.
_MALFORMED_AFTER_H = (r"\.\s+E\.", r"\.E(?=\s)", r"\s+E\.", r"\.E\.(?=(?:Mr|Ms|Dr)\b)")
_HONORIFIC = "|".join(rf"\bH{after}" for after in _MALFORMED_AFTER_H)
# `H.E.` then a name with no `Mr.`/`Ms.`/`Dr.` between: house style writes `H.E. Mr. CHO`.
_BARE_AFTER_H = r"\.E\.[ \t]+"
_BARE_HE = rf"\bH{_BARE_AFTER_H}(?P<word>[A-Z][A-Za-z\u00C0-\u024F'’\-]*)"
# Words after `H.E.` that are not a name: the honorifics, and the first words of titles
# (`H.E. President Marcos`, `H.E. the Ambassador`).
_NOT_A_NAME = frozenset({"Mr", "Ms", "Mrs", "Dr", "Prof", "Professor", "Sir", "Dame"})


def honorific_findings(text: str) -> list[Finding]:
    """`H. E. Mr.`, `H.E Mr.`, `H.E.Mr.` → `H.E. Mr.`."""
    out: list[Finding] = []
    if "H" not in text:
        return out
    for match in re.finditer(_HONORIFIC, text):
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
    for match in re.finditer(_BARE_HE, text):
        if not is_bare_he_before(match["word"]):
            continue
        out.append(
            Finding(
                match.start(),
                match.start() + 4,
                "honorific-style",
                f"a bare 'H.E.' before the name {match['word']!r}; the house style writes "
                "'H.E. Mr.', 'H.E. Ms.' or 'H.E. Dr.' before a name",
            )
        )
    out.sort(key=lambda finding: finding.start)
    return out


def is_bare_he_before(word: str) -> bool:
    """Whether `H.E. {word}` is a bare `H.E.` before a name: `word` is neither an
    honorific nor the first word of a title."""
    return word not in _NOT_A_NAME and word not in _TITLE_WORDS


# Titles that open a reference to a person. The scan pattern tries them longest first, so
# `Prime Minister Kishida` is read as one title and not as `Minister Kishida`.
REFERENCE_TITLES = frozenset(
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
    }
)
_TITLE_WORDS = frozenset(title.split()[0] for title in REFERENCE_TITLES) | {"The"}
_PARTICLE = r"(?:(?:de|del|da|di|dos|van|von|der|den|bin|al|le|la)\s+)?"
_NAME = r"[A-Z][A-Za-z\u00C0-\u024F'’\-]+"

# Besides the titles, the scan stops at what the other finders look for, so that one pass
# over a readout's text tells which finders have anything to do. Each finder's leads are
# built from its own pattern's pieces (above), and each opens with a literal character:
# that lets `re` skip ahead between candidates instead of trying a match at every position
# (a look-behind, a `\b` or a class such as `[0-9]` first would make it 3-4 times slower),
# which is also why a digit lead is ten literals. A hit tells which finder it wakes by
# the lead it matched (`_finder_woken_by`), read from the same table.


class _Lead(NamedTuple):
    """What wakes a finder: `first`, a literal, then `rest` (consumed) and `ahead` (a
    look-ahead). The scan matches `first + rest + ahead` and returns `first + rest`."""

    finder: str
    first: str
    rest: str = ""
    ahead: str = ""


_HONORIFIC_AHEAD = "(?=" + "|".join([*_MALFORMED_AFTER_H, _BARE_AFTER_H + "[A-Z]"]) + ")"
_LEADS = (
    _Lead("honorific", "H", ahead=_HONORIFIC_AHEAD),
    *(
        _Lead("ordinal", digit, rest=_ORDINAL_AFTER_FIRST_DIGIT, ahead=_ORDINAL_SUFFIX_AHEAD)
        for digit in "0123456789"
    ),
    *(_Lead("clock", digit, ahead=f"(?={_CLOCK_AFTER_FIRST_DIGIT})") for digit in "0123456789"),
)
_LEAD_PATTERNS = [re.escape(lead.first) + lead.rest + lead.ahead for lead in _LEADS]


@lru_cache(maxsize=256)
def _finder_woken_by(opening: str) -> str | None:
    """The finder whose lead the scan returned as `opening` (what the lead consumed), or
    None for a title (the lead of a reference)."""
    for lead in _LEADS:
        if re.fullmatch(re.escape(lead.first) + lead.rest, opening):
            return lead.finder
    return None


def reference_pattern(extra_titles: Iterable[str] = ()) -> re.Pattern[str]:
    """The scan pattern: a lead of one of the other finders (the `H` of a malformed
    honorific, the start of an ordinal, `22n` of `22nd`, the first digit of a clock time;
    see `_LEADS`), or a title with the name that follows it, if any, in `name`. After the
    other leads no name can follow (the next character is a digit, a letter or a colon, or
    spaces then `E.` or a colon). Extra titles holding a digit are left out, so that no
    title can hide a clock time or an ordinal."""
    extra = frozenset(t for t in extra_titles if t and not any(c.isdigit() for c in t))
    return _reference_pattern(extra - REFERENCE_TITLES)


@lru_cache(maxsize=64)
def _reference_pattern(extra_titles: frozenset[str]) -> re.Pattern[str]:
    # Keyed on the titles the default list lacks, so the usual readout reuses one pattern
    # (compiling it takes most of a millisecond).
    leads = [*_LEAD_PATTERNS, alternation(REFERENCE_TITLES | extra_titles)]
    return re.compile(rf"(?P<lead>{'|'.join(leads)})(?:\s+(?P<name>{_PARTICLE}{_NAME}))?")


def alternation(words: Iterable[str]) -> str:
    """A pattern matching the longest of `words` that fits, as a trie: one alternative
    per first character, each opening with the literal prefix its words share
    (`M(?:ayor|inister)`). At each candidate the regex engine then tries one alternative
    per character, not one per word: about a tenth of the scan's time over a readout's
    points, and the pattern compiles faster."""
    groups: dict[str, list[str]] = {}
    for word in words:
        groups.setdefault(word[0], []).append(word)
    parts = []
    for _, group in sorted(groups.items()):
        if len(group) == 1:
            parts.append(re.escape(group[0]))
            continue
        first, last = min(group), max(group)  # their shared prefix is everyone's
        size = next(
            (i for i, (a, b) in enumerate(zip(first, last, strict=False)) if a != b), len(first)
        )
        prefix = first[:size]
        tails = [word[len(prefix) :] for word in group]
        longer = [tail for tail in tails if tail]
        optional = "?" if "" in tails else ""  # greedy: the longer word is tried first
        parts.append(f"{re.escape(prefix)}(?:{alternation(longer)}){optional}")
    return "|".join(parts)


@dataclass(frozen=True)
class KnownPerson:
    short: str  # `Minister Kamikawa`
    title: str  # `Minister`
    family: str  # `Kamikawa`


class _People:
    """The listed people (and the readout's `mentions`), indexed for judging references."""

    def __init__(self, people: Sequence[KnownPerson], mentions: Iterable[str] | None = None):
        self.shorts = {p.short.casefold() for p in people}
        self.by_family = {title_case_family(p.family): p for p in reversed(people)}
        self.families = tuple(self.by_family)
        # With `mentions`, a reference that is neither a participant nor a mention is flagged.
        self.mentions: dict[str, str] | None = None
        if mentions is not None:
            self.mentions = {
                title_case_family(mention.split()[-1]): mention
                for mention in mentions
                if mention.split()
            }
        self.mentioned = tuple(self.mentions or ())
        self._judged: dict[tuple[str, str], tuple[str, str | None] | None] = {}

    def __len__(self) -> int:
        """How many verdicts it remembers (at most 4,096: memory stays flat)."""
        return len(self._judged)

    def judged(self, title: str, name: str) -> tuple[str, str | None] | None:
        """`judge`, remembered: the index is shared by every readout of the same people
        (`references`), and their points name the same people file after file."""
        key = (title, name)
        if key not in self._judged:
            if len(self._judged) >= 4096:
                self._judged.clear()  # bounded: memory stays flat over any archive
            self._judged[key] = self.judge(title, name)
        return self._judged[key]

    def judge(self, title: str, name: str) -> tuple[str, str | None] | None:
        """(message, suggestion) when `title name` refers to nobody listed, else None.

        Names compare case-insensitively (`Minister HAYASHI` is the listed Hayashi). A
        name that is a near miss of a listed person's is flagged; any other name only when
        the readout lists `mentions` and it is not among them: a third person who shares a
        listed person's title (`President Xi` beside a listed President) is a legitimate
        mention."""
        spelled = title_case_family(name)  # `HAYASHI` → `Hayashi`
        if spelled in self.by_family or f"{title} {name}".casefold() in self.shorts:
            return None  # a listed person, under this or another of their titles
        if self.mentions is not None and spelled in self.mentions:
            return None
        close = _near_miss(spelled, self.families)
        if close is None and self.mentions is None:
            return None
        reference = f"{title} {name}"
        if close is not None:
            suggestion: str | None = self.by_family[close].short
            message = f"{reference!r} is not a person listed in this readout"
        else:
            near = _near_miss(spelled, self.mentioned)
            suggestion = self.mentions[near] if near is not None and self.mentions else None
            message = (
                f"{reference!r} is neither a participant nor in mentions; add them to "
                "mentions if the points name them"
            )
        return message + hint(suggestion), suggestion


@lru_cache(maxsize=4096)
def _near_miss(name: str, families: tuple[str, ...]) -> str | None:
    """The listed family name `name` is a misspelling of, if any. Cached: the same people
    and the same third persons come back file after file in a repository of readouts."""
    return closest(name, families, cutoff=0.75)


def _without_possessive(name: str) -> str:
    return name[:-2] if name.endswith(("'s", "’s")) else name


_BEFORE_TITLE = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz-")


def reference_findings(
    text: str, people: Sequence[KnownPerson], mentions: Iterable[str] | None = None
) -> list[Finding]:
    """References like `Minister Kamikava` that match no listed person.

    A reference is a title (the longest that fits) followed by a capitalised name, the
    title not glued to a word before it (`xMinister`, `Ex-President`). It is flagged when
    its name is a near miss of a listed person's name (a misspelling), or when a listed
    person carries the same title but the name is none of theirs. A third person under
    another title (`President Zelenskyy` in a meeting of two ministers) is a legitimate
    mention and is not flagged.
    """
    pattern, index = references(tuple(people), _as_tuple(mentions))
    if index is None:
        return []  # nobody listed or mentioned: no reference to judge
    return _reference_findings(text, index, pattern)


@lru_cache(maxsize=1024)
def references(
    people: tuple[KnownPerson, ...], mentions: tuple[str, ...] | None
) -> tuple[re.Pattern[str], _People | None]:
    """The scan pattern for these people's and mentions' titles, and the index that
    judges references (None with neither people nor mentions). Cached by its inputs: in
    an archive the same people come back file after file, and building both costs more
    than judging a readout's references."""
    pattern = reference_pattern(_titles(people, mentions))
    index = _People(people, mentions) if people or mentions is not None else None
    return pattern, index


def _as_tuple(mentions: Iterable[str] | None) -> tuple[str, ...] | None:
    return tuple(mentions) if mentions is not None else None


def _titles(people: Sequence[KnownPerson], mentions: Iterable[str] | None) -> list[str]:
    """The titles a reference may open with, besides the default ones: the listed people's
    and the mentions' (`Chief Justice` of `Chief Justice Roberts`)."""
    titles = [p.title for p in people]
    titles += [m.rsplit(None, 1)[0] for m in mentions or () if len(m.split()) > 1]
    return titles


def _reference_findings(text: str, people: _People, pattern: re.Pattern[str]) -> list[Finding]:
    out = []
    for match in pattern.finditer(text):
        if match["name"] is None:
            continue  # a title not followed by a name, or what the other finders look for
        start = match.start()
        if start and text[start - 1] in _BEFORE_TITLE:
            continue
        name = _without_possessive(match["name"])
        verdict = people.judged(match["lead"], name)
        if verdict is not None:
            end = match.start("name") + len(name)
            out.append(Finding(start, end, "unknown-person", verdict[0], verdict[1]))
    return out


def findings(
    texts: list[str], people: Sequence[KnownPerson], mentions: Iterable[str] | None = None
) -> list[list[Finding]]:
    """Every finder's findings for each text: what running `clock_findings`,
    `ordinal_findings`, `honorific_findings` and `reference_findings` on each text gives,
    in that order, from one scan of all the texts.

    The scan lists, for the whole readout, the finders its hits woke and what each must
    see in a text before it runs there (`_Woken`); a finder then runs, text by text, only
    there. In the usual readout, every reference is to a listed person and no finder runs
    at all.
    """
    pattern, index = references(tuple(people), _as_tuple(mentions))
    woken = _Woken.by_scan(pattern, index, texts)
    if not woken:
        return [[] for _ in texts]
    return [woken.findings(text, pattern, index) for text in texts]


class _Woken:
    """What one scan of a readout's texts woke: the finders with something to flag, and
    what each must see in a text before it runs there: a colon (clock), an `H`
    (honorific), an ordinal's opening (`22n`), the name of a reference to flag."""

    __slots__ = ("clock", "honorific", "names", "ordinals")

    def __init__(self) -> None:
        self.clock = self.honorific = False
        self.ordinals: set[str] = set()
        self.names: set[str] = set()

    @classmethod
    def by_scan(cls, pattern: re.Pattern[str], index: _People | None, texts: list[str]) -> _Woken:
        woken = cls()
        # NUL matches nothing in the pattern, so no match crosses from one text into the
        # next. Each distinct hit once: a readout names the same people again and again.
        for lead, name in set(pattern.findall("\x00".join(texts))):
            if name:  # a title, then a name: woken when the index flags the reference
                if index is not None and index.judged(lead, _without_possessive(name)):
                    woken.names.add(name)
            elif (finder := _finder_woken_by(lead)) is not None:
                woken.lead(finder, lead)
        return woken

    def lead(self, finder: str, opening: str) -> None:
        if finder == "ordinal":
            self.ordinals.add(opening)
        elif finder == "clock":
            self.clock = True
        else:
            self.honorific = True

    def __bool__(self) -> bool:
        return bool(self.clock or self.ordinals or self.honorific or self.names)

    def findings(self, text: str, pattern: re.Pattern[str], index: _People | None) -> list[Finding]:
        found: list[Finding] = []
        if self.clock:
            found += clock_findings(text)
        if self.ordinals and any(opening in text for opening in self.ordinals):
            found += ordinal_findings(text)
        if self.honorific:
            found += honorific_findings(text)
        if self.names and index is not None and any(name in text for name in self.names):
            found += _reference_findings(text, index, pattern)
        return found


_CLOSERS = "\"'”’)]"


def ends_with_punctuation(text: str) -> bool:
    """Whether `text` ends with closing punctuation (`.`, `!`, `?`, `…`, possibly inside
    closing quotes or brackets, or a colon), trailing spaces aside. Reads the tail only."""
    tail = text.rstrip()
    return tail.endswith(":") or tail.rstrip(_CLOSERS)[-1:] in (".", "!", "?", "…")
