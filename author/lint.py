"""Warnings and style checks that need the whole, valid readout."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from author import lint_ja
from author.config import Config
from author.diagnostics import Diagnostic, Loc, Problem
from author.lint_ja import indexed, text_or_none
from author.loader import Document
from author.resources import available_styles
from author.rules import freetext
from author.rules.names import (
    KNOWN_HONORIFICS,
    default_short,
    is_known_honorific,
    normalize_honorific,
    title_word,
)
from author.suggest import closest, hint

People = list[tuple[Loc, dict[str, Any]]]  # the participants that are mappings, by side


def _participants(data: dict[str, Any]) -> People:
    return [
        ((side, i), person)
        for side in ("principals", "counterparts")
        for i, person in indexed(data.get(side))
        if isinstance(person, dict)
    ]


def free_texts(
    data: dict[str, Any], people: People | None = None
) -> Iterator[tuple[Loc, str, bool]]:
    """Every text the author wrote as prose: (loc, text, is_a_point). `people`: the
    readout's participants, when the caller has them already.

    Works on the loaded data, not the model, so that these checks run even while other
    parts of the file still have errors.
    """
    for i, point in indexed(data.get("points")):
        yield from _point_texts(("points", i), point)
    for i, photo in indexed(data.get("photos")):
        loc: Loc
        if isinstance(photo, dict):
            photo, loc = photo.get("caption"), ("photos", i, "caption")
        else:
            loc = ("photos", i)
        if caption := text_or_none(photo):
            yield loc, caption, False
    for loc, context in _contexts(_participants(data) if people is None else people):
        yield loc, context, False
    for i, note in indexed(data.get("footnotes")):
        if text := text_or_none(note):
            yield ("footnotes", i), text, False
    meeting = data.get("meeting")
    if isinstance(meeting, dict) and (note := text_or_none(meeting.get("note"))):
        yield ("meeting", "note"), note, True  # a sentence of the lead: linted like a point


def _point_texts(loc: Loc, point: Any) -> Iterator[tuple[Loc, str, bool]]:
    """A point's text, heading and sub-points (a sub-point needs no final period)."""
    if not isinstance(point, dict):
        if text := text_or_none(point):
            yield loc, text, True
        return
    if text := text_or_none(point.get("text")):
        yield (*loc, "text"), text, True
    if heading := text_or_none(point.get("heading")):
        yield (*loc, "heading"), heading, False
    for j, sub in indexed(point.get("points")):
        if text := text_or_none(sub):
            yield (*loc, "points", j), text, False


def known_people(
    data: dict[str, Any], people: People | None = None
) -> tuple[freetext.KnownPerson, ...]:
    """The listed people as the points name them (`people` as `free_texts`). Cached by
    the fields it reads: in an archive, the same people come back file after file."""
    described = tuple(
        (person.get("group") is not None, person.get("title"), person.get("family_name"),
         person.get("display_name"), person.get("short"))
        for _, person in (_participants(data) if people is None else people)
    )  # fmt: skip
    try:
        return _known_people(described)
    except TypeError:  # a value that cannot be a key (a list where text belongs)
        return _known_people.__wrapped__(described)


@lru_cache(maxsize=1024)
def _known_people(described: tuple[tuple[Any, ...], ...]) -> tuple[freetext.KnownPerson, ...]:
    people = []
    for is_group, title_value, family_value, display_value, short_value in described:
        if is_group and not text_or_none(short_value):
            continue  # a group has no default short: the points cannot name it
        title = text_or_none(title_value) or ""
        family = text_or_none(family_value)
        display = text_or_none(display_value)
        short = text_or_none(short_value) or default_short(title, family, display)
        head, _, last = short.rpartition(" ")
        people.append(
            freetext.KnownPerson(
                short=short, title=head or title_word(title), family=family or last
            )
        )
    return tuple(people)


_CONTEXT_ENDS = ".,;"
_BARE_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def _contexts(people: People) -> Iterator[tuple[Loc, str]]:
    for loc, person in people:
        if context := text_or_none(person.get("context")):
            yield (*loc, "context"), context


def _bare_he_honorifics(people: People) -> Iterator[tuple[Loc, str]]:
    """`honorific: H.E.` with no `Mr.`/`Ms.`/`Dr.` (a title-first name prints none)."""
    for loc, person in people:
        honorific = text_or_none(person.get("honorific"))
        if honorific and honorific.strip() == "H.E." and person.get("title_first") is not True:
            yield (*loc, "honorific"), honorific


def _unused_timing(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """`duration`, `approximate: false` or `around` that the lead cannot show: the meeting's
    start is a bare date, or a follow-on has no start."""
    meeting = data.get("meeting")
    if not isinstance(meeting, dict):
        return
    start = meeting.get("start")
    if isinstance(start, str) and _BARE_DATE.fullmatch(start):
        why = "the start is a date without a time, so the lead names no time and no duration"
        yield from _timing_fields(meeting, ("meeting",), why, around=True)
    for i, follow_on in indexed(meeting.get("followed_by")):
        if isinstance(follow_on, dict) and follow_on.get("start") is None:
            why = "this follow-on has no start, so the lead gives it no time and no duration"
            yield from _timing_fields(follow_on, ("meeting", "followed_by", i), why)


def _timing_fields(
    mapping: dict[str, Any], loc: Loc, why: str, around: bool = False
) -> Iterator[tuple[Loc, str]]:
    if mapping.get("duration") is not None:
        yield (*loc, "duration"), f"duration is not shown: {why}"
    if mapping.get("approximate") is False:
        yield (*loc, "approximate"), f"approximate: false is not shown: {why}"
    if around and mapping.get("around") is True:
        yield (*loc, "around"), f"around: true is not shown: {why}"


def _mentions(data: dict[str, Any]) -> list[str] | None:
    mentions = data.get("mentions")
    if not isinstance(mentions, list):
        return None
    return [m for m in mentions if isinstance(m, str) and m.strip()]


# -- the checks: each yields the problems it finds in the loaded data ------------------------


def _style_problems(data: dict[str, Any], config: Config) -> Iterator[Problem]:
    style = data.get("style", config.style)
    if isinstance(style, int | float) and not isinstance(style, bool):
        style = str(style)  # as the model reads it (numbers become text)
    styles = available_styles()
    if isinstance(style, str) and style not in styles:
        close = closest(style, styles)
        known = hint(close) or f" (known: {', '.join(styles)})"
        yield Problem(
            ("style",), "error", "unknown-style", f"unknown style {style!r}{known}", close
        )


def _honorific_problems(data: dict[str, Any], people: People) -> Iterator[Problem]:
    for loc, person in people:
        honorific = text_or_none(person.get("honorific"))
        if not honorific or is_known_honorific(honorific):
            continue
        fixed = normalize_honorific(honorific)
        if not is_known_honorific(fixed):
            fixed = closest(honorific, KNOWN_HONORIFICS) or fixed
        suggestion = fixed if fixed != honorific else None
        message = f"unknown honorific {honorific!r}{hint(suggestion)}"
        yield Problem((*loc, "honorific"), "warning", "unknown-honorific", message, suggestion)
    for loc, honorific in _bare_he_honorifics(people):
        message = (
            f"a bare {honorific!r} before the name; the house style writes 'H.E. Mr.', "
            "'H.E. Ms.' or 'H.E. Dr.'"
        )
        yield Problem(loc, "warning", "honorific-style", message)


def _context_problems(data: dict[str, Any], people: People) -> Iterator[Problem]:
    for loc, context in _contexts(people):
        end = context.rstrip()[-1:]
        if end in _CONTEXT_ENDS:
            message = (
                f"this context ends with {end!r}; the lead adds its own punctuation after it "
                "(it would print 'Japan..'): leave it off"
            )
            fixed = context.rstrip().rstrip(_CONTEXT_ENDS).rstrip()
            yield Problem(loc, "warning", "context-punctuation", message, fixed)


def _timing_problems(data: dict[str, Any], _: People) -> Iterator[Problem]:
    for loc, what in _unused_timing(data):
        yield Problem(loc, "warning", "unused-duration", what)


def _free_text_problems(data: dict[str, Any], people: People) -> Iterator[Problem]:
    """The checks of the prose: closing punctuation, and the findings of one scan of all
    the texts (`freetext.findings`), each at its words."""
    texts = list(free_texts(data, people))
    listed = known_people(data, people)
    found = freetext.findings([text for _, text, _ in texts], listed, _mentions(data))
    for (loc, text, is_point), text_findings in zip(texts, found, strict=True):
        if is_point and not freetext.ends_with_punctuation(text):
            message = "this point does not end with closing punctuation (. ! ?)"
            yield Problem(loc, "warning", "point-punctuation", message)
        for f in text_findings:
            words = (text, f.start, f.end)
            yield Problem(loc, "warning", f.code, f.message, f.suggestion, words)


_CHECKS = (_honorific_problems, _context_problems, _timing_problems, _free_text_problems)


def lint(document: Document, path: str, config: Config) -> list[Diagnostic]:
    """Warnings (and the style check) over the loaded data; runs whether or not the model
    validated, so a file's warnings come in the same run as its errors."""
    data = document.data if isinstance(document.data, dict) else {}
    problems = list(_style_problems(data, config))
    people = _participants(data)  # once, for every check that reads them
    for check in _CHECKS:
        problems += check(data, people)
    if lint_ja.has_japanese(data):
        problems += lint_ja.japanese_problems(data)
    return _placed(document, path, problems)


def _placed(document: Document, path: str, problems: list[Problem]) -> list[Diagnostic]:
    """Each problem at its node, or at its words in the YAML source when they can be
    found there: the words of one value are found in one pass (`_offsets_in_source`)."""
    placed: list[tuple[Problem, tuple[int, int]]] = []
    worded: dict[Loc, list[tuple[Problem, tuple[str, int, int]]]] = {}  # by value
    for problem in problems:
        if problem.words is None:
            placed.append((problem, document.span(problem.loc)[:2]))
        else:
            worded.setdefault(problem.loc, []).append((problem, problem.words))
    for loc, found in worded.items():
        text = found[0][1][0]
        offsets = _offsets_in_source(document, loc, text, [(s, e) for _, (_, s, e) in found])
        for (problem, _), at in zip(found, offsets, strict=True):
            place = document.span(loc)[:2] if at is None else document.locate(at)
            placed.append((problem, place))
    return [
        Diagnostic(line, col, severity, code, message, path, loc, suggestion)
        for (loc, severity, code, message, suggestion, _), (line, col) in placed
    ]


def _offsets_in_source(
    document: Document, loc: Loc, text: str, spans: list[tuple[int, int]]
) -> list[int | None]:
    """Where each of these words of `text` (its (start, end) offsets) starts in the YAML
    source, when they can be found there.

    The n-th occurrence of a finding's words in the value is taken to be the n-th in the
    source (a folded scalar keeps words intact, only line breaks change), counted from
    the finding before it, whose place is known: one pass over the text and the source
    for all the findings of a text, however many (rescanning from the start for each
    made 1 MiB of repeated warnings take minutes).
    """
    if not spans or loc not in document.values:
        return [None] * len(spans)
    span = document.values[loc]
    source = document.text[span.start : span.end]
    if source == text:  # a plain one-line value: the text is the source
        return [span.start + start if end > start else None for start, end in spans]
    out: list[int | None] = [None] * len(spans)
    text_at = source_at = 0  # the last finding placed: its start in the text, in the source
    for index in sorted(range(len(spans)), key=lambda i: spans[i][0]):
        start, end = spans[index]
        at = _nth_after(text, source, text[start:end], start, text_at, source_at)
        if at is not None:
            out[index] = span.start + at
            text_at, source_at = start, at
    return out


def _nth_after(
    text: str, source: str, needle: str, start: int, text_at: int, source_at: int
) -> int | None:
    """Where in `source` the `needle` found at `start` in `text` stands: as many
    occurrences after `source_at` as there are in `text` from `text_at` up to `start`.
    None when it is not in the source as written (split by a line break, an escape)."""
    if not needle:
        return None
    count = 0  # occurrences from the last finding placed up to this one
    at = text.find(needle, text_at)
    while 0 <= at < start:
        count += 1
        at = text.find(needle, at + 1)
    at = source_at - 1
    for _ in range(count + 1):
        at = source.find(needle, at + 1)
        if at < 0:
            return None
    return at
