"""Warnings and style checks that need the whole, valid readout."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator
from functools import lru_cache
from typing import Any

from author import lint_ja
from author.config import Config
from author.diagnostics import Diagnostic, Loc
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


def _text(value: Any) -> str | None:
    return value if isinstance(value, str) and value.strip() else None


def _items(value: Any) -> list[tuple[int, Any]]:
    return list(enumerate(value)) if isinstance(value, list) else []


def _participants(data: dict[str, Any]) -> Iterator[tuple[Loc, dict[str, Any]]]:
    for side in ("principals", "counterparts"):
        for i, person in _items(data.get(side)):
            if isinstance(person, dict):
                yield (side, i), person


def free_texts(data: dict[str, Any]) -> Iterator[tuple[Loc, str, bool]]:
    """Every text the author wrote as prose: (loc, text, is_a_point).

    Works on the loaded data, not the model, so that these checks run even while other
    parts of the file still have errors.
    """
    for i, point in _items(data.get("points")):
        if isinstance(point, dict):
            if text := _text(point.get("text")):
                yield ("points", i, "text"), text, True
            if heading := _text(point.get("heading")):
                yield ("points", i, "heading"), heading, False
            for j, sub in _items(point.get("points")):
                if text := _text(sub):  # a list item: a final period is not required
                    yield ("points", i, "points", j), text, False
        elif text := _text(point):
            yield ("points", i), text, True
    for i, photo in _items(data.get("photos")):
        if isinstance(photo, dict):
            if caption := _text(photo.get("caption")):
                yield ("photos", i, "caption"), caption, False
        elif caption := _text(photo):
            yield ("photos", i), caption, False
    for loc, person in _participants(data):
        if context := _text(person.get("context")):
            yield (*loc, "context"), context, False
    for i, note in _items(data.get("footnotes")):
        if text := _text(note):
            yield ("footnotes", i), text, False
    meeting = data.get("meeting")
    if isinstance(meeting, dict) and (note := _text(meeting.get("note"))):
        yield ("meeting", "note"), note, True  # a sentence of the lead: linted like a point


def known_people(data: dict[str, Any]) -> tuple[freetext.KnownPerson, ...]:
    """The listed people as the points name them. Cached by the fields it reads: in an
    archive, the same people come back file after file."""
    described = tuple(
        (person.get("group") is not None, person.get("title"), person.get("family_name"),
         person.get("display_name"), person.get("short"))
        for _, person in _participants(data)
    )  # fmt: skip
    try:
        return _known_people(described)
    except TypeError:  # a value that cannot be a key (a list where text belongs)
        return _known_people.__wrapped__(described)


@lru_cache(maxsize=1024)
def _known_people(described: tuple[tuple[Any, ...], ...]) -> tuple[freetext.KnownPerson, ...]:
    people = []
    for is_group, title_value, family_value, display_value, short_value in described:
        if is_group and not _text(short_value):
            continue  # a group has no default short: the points cannot name it
        title = _text(title_value) or ""
        family = _text(family_value)
        display = _text(display_value)
        short = _text(short_value) or default_short(title, family, display)
        head, _, last = short.rpartition(" ")
        people.append(
            freetext.KnownPerson(
                short=short, title=head or title_word(title), family=family or last
            )
        )
    return tuple(people)


_CONTEXT_ENDS = ".,;"
_BARE_DATE = re.compile(r"\s*\d{4}-\d{2}-\d{2}\s*")


def _contexts(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    for loc, person in _participants(data):
        if context := _text(person.get("context")):
            yield (*loc, "context"), context


def _bare_he_honorifics(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """`honorific: H.E.` with no `Mr.`/`Ms.`/`Dr.` (a title-first name prints none)."""
    for loc, person in _participants(data):
        honorific = _text(person.get("honorific"))
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
    for i, follow_on in _items(meeting.get("followed_by")):
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


def lint(document: Document, path: str, config: Config) -> list[Diagnostic]:
    """Warnings (and the style check) over the loaded data; runs whether or not the model
    validated, so a file's warnings come in the same run as its errors."""
    out: list[Diagnostic] = []

    def add(
        loc: Loc,
        severity: str,
        code: str,
        message: str,
        suggestion: str | None = None,
        offset: tuple[int, int] | None = None,
    ) -> None:
        span = document.span(loc)
        line, col = span.line, span.col
        if offset is not None:
            line, col = document.locate(offset[0])
        out.append(
            Diagnostic(line, col, severity, code, message, path, loc, suggestion)  # type: ignore[arg-type]
        )

    data = document.data if isinstance(document.data, dict) else {}
    style = data.get("style", config.style)
    if isinstance(style, int | float) and not isinstance(style, bool):
        style = str(style)  # as the model reads it (numbers become text)
    styles = available_styles()
    if isinstance(style, str) and style not in styles:
        close = difflib.get_close_matches(style, styles, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(styles)})"
        add(
            ("style",),
            "error",
            "unknown-style",
            f"unknown style {style!r}{hint}",
            close[0] if close else None,
        )

    for loc, person in _participants(data):
        honorific = _text(person.get("honorific"))
        if honorific and not is_known_honorific(honorific):
            fixed = normalize_honorific(honorific)
            if not is_known_honorific(fixed):
                close = difflib.get_close_matches(honorific, KNOWN_HONORIFICS, n=1)
                fixed = close[0] if close else fixed
            hint = f"; did you mean {fixed!r}?" if fixed != honorific else ""
            add(
                (*loc, "honorific"),
                "warning",
                "unknown-honorific",
                f"unknown honorific {honorific!r}{hint}",
                fixed if fixed != honorific else None,
            )

    for loc, honorific in _bare_he_honorifics(data):
        add(
            loc,
            "warning",
            "honorific-style",
            f"a bare {honorific!r} before the name; the house style writes 'H.E. Mr.', "
            "'H.E. Ms.' or 'H.E. Dr.'",
        )
    for loc, context in _contexts(data):
        if context.rstrip()[-1:] in _CONTEXT_ENDS:
            add(
                loc,
                "warning",
                "context-punctuation",
                f"this context ends with {context.rstrip()[-1]!r}; the lead adds its own "
                "punctuation after it (it would print 'Japan..'): leave it off",
                context.rstrip().rstrip(_CONTEXT_ENDS).rstrip(),
            )
    for loc, what in _unused_timing(data):
        add(loc, "warning", "unused-duration", what)

    texts = list(free_texts(data))
    found = freetext.findings([text for _, text, _ in texts], known_people(data), _mentions(data))
    for (loc, text, is_point), text_findings in zip(texts, found, strict=True):
        if is_point and not freetext.ends_with_punctuation(text):
            add(
                loc,
                "warning",
                "point-punctuation",
                "this point does not end with closing punctuation (. ! ?)",
            )
        offsets = _offsets_in_source(document, loc, text, text_findings)
        for finding, offset in zip(text_findings, offsets, strict=True):
            add(loc, "warning", finding.code, finding.message, finding.suggestion, offset)

    if lint_ja.has_japanese(data):

        def add_ja(loc: Loc, severity: str, code: str, message: str, suggestion=None, at=None):
            offset = None
            if at is not None:  # (text, finding): where the finding's words stand
                offset = _offsets_in_source(document, loc, at[0], [at[1]])[0]
            add(loc, severity, code, message, suggestion, offset)

        lint_ja.lint_japanese(data, add_ja)
    return out


def _offsets_in_source(
    document: Document, loc: Loc, text: str, findings: list[freetext.Finding]
) -> list[tuple[int, int] | None]:
    """Where each finding's words stand in the YAML source, when they can be found there.

    The n-th occurrence of a finding's words in the value is taken to be the n-th in the
    source (a folded scalar keeps words intact, only line breaks change), counted from
    the finding before it, whose place is known: one pass over the text and the source
    for all the findings of a text, however many (rescanning from the start for each
    made 1 MiB of repeated warnings take minutes).
    """
    if not findings or loc not in document.values:
        return [None] * len(findings)
    span = document.values[loc]
    source = document.text[span.start : span.end]
    if source == text:  # a plain one-line value: the text is the source
        return [
            (span.start + f.start, span.start + f.end) if f.end > f.start else None
            for f in findings
        ]
    out: list[tuple[int, int] | None] = [None] * len(findings)
    text_at = source_at = 0  # the last finding placed: its start in the text, in the source
    order = range(len(findings))
    if len(findings) > 1:  # the finders' findings, one finder after another
        order = sorted(order, key=lambda i: findings[i].start)
    for index in order:
        finding = findings[index]
        needle = text[finding.start : finding.end]
        if not needle:
            continue
        count = 0  # occurrences from the last finding placed up to this one
        at = text.find(needle, text_at)
        while 0 <= at < finding.start:
            count += 1
            at = text.find(needle, at + 1)
        at = source_at - 1
        for _ in range(count + 1):
            at = source.find(needle, at + 1)
            if at < 0:
                break
        if at < 0:
            continue  # not in the source as written (split by a line break, an escape)
        out[index] = (span.start + at, span.start + at + len(needle))
        text_at, source_at = finding.start, at
    return out
