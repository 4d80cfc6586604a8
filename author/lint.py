"""Warnings and style checks that need the whole, valid readout."""

from __future__ import annotations

import difflib
from collections.abc import Iterator

from author.config import Config
from author.diagnostics import Diagnostic, Loc
from author.loader import Document
from author.model import PointItem, Readout
from author.rules import freetext
from author.rules.names import (
    KNOWN_HONORIFICS,
    default_short,
    is_known_honorific,
    normalize_honorific,
    title_word,
)


def free_texts(readout: Readout) -> Iterator[tuple[Loc, str, bool]]:
    """Every text the author wrote as prose: (loc, text, is_a_point)."""
    for i, point in enumerate(readout.points):
        if isinstance(point, PointItem):
            yield ("points", i, "text"), point.text, True
            if point.heading:
                yield ("points", i, "heading"), point.heading, False
            for j, sub in enumerate(point.points):
                yield ("points", i, "points", j), sub, True
        else:
            yield ("points", i), point, True
    for i, photo in enumerate(readout.photos):
        caption = photo if isinstance(photo, str) else photo.caption
        loc: Loc = ("photos", i) if isinstance(photo, str) else ("photos", i, "caption")
        yield loc, caption, False
    for side, i, person in readout.participants():
        if person.context:
            yield (side, i, "context"), person.context, False
    for i, note in enumerate(readout.footnotes):
        yield ("footnotes", i), note, False


def known_people(readout: Readout) -> list[freetext.KnownPerson]:
    people = []
    for _, _, person in readout.participants():
        short = person.short or default_short(person.title, person.family_name, person.display_name)
        head, _, family = short.rpartition(" ")
        people.append(
            freetext.KnownPerson(
                short=short,
                title=head or title_word(person.title),
                family=person.family_name or family,
            )
        )
    return people


def lint(readout: Readout, document: Document, path: str, config: Config) -> list[Diagnostic]:
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
        out.append(Diagnostic(line, col, severity, code, message, path, loc, suggestion))  # type: ignore[arg-type]

    from author.render import available_styles

    styles = available_styles()
    if readout.style not in styles:
        close = difflib.get_close_matches(readout.style, styles, n=1)
        hint = f"; did you mean {close[0]!r}?" if close else f" (known: {', '.join(styles)})"
        add(
            ("style",),
            "error",
            "unknown-style",
            f"unknown style {readout.style!r}{hint}",
            close[0] if close else None,
        )

    for side, i, person in readout.participants():
        if person.honorific and not is_known_honorific(person.honorific):
            fixed = normalize_honorific(person.honorific)
            if not is_known_honorific(fixed):
                close = difflib.get_close_matches(person.honorific, KNOWN_HONORIFICS, n=1)
                fixed = close[0] if close else fixed
            hint = f"; did you mean {fixed!r}?" if fixed != person.honorific else ""
            add(
                (side, i, "honorific"),
                "warning",
                "unknown-honorific",
                f"unknown honorific {person.honorific!r}{hint}",
                fixed if fixed != person.honorific else None,
            )

    people = known_people(readout)
    pattern = freetext.reference_pattern(p.title for p in people)
    for loc, text, is_point in free_texts(readout):
        if is_point and not freetext.ends_with_punctuation(text):
            add(
                loc,
                "warning",
                "point-punctuation",
                "this point does not end with closing punctuation (. ! ?)",
            )
        findings = (
            freetext.clock_findings(text)
            + freetext.ordinal_findings(text)
            + freetext.honorific_findings(text)
            + freetext.reference_findings(text, people, pattern)
        )
        for finding in findings:
            offset = _offset_in_source(document, loc, text, finding)
            add(loc, "warning", finding.code, finding.message, finding.suggestion, offset)
    return out


def _offset_in_source(
    document: Document, loc: Loc, text: str, finding: freetext.Finding
) -> tuple[int, int] | None:
    """Where the finding's words stand in the YAML source, when they can be found there."""
    span = document.span(loc)
    if loc not in document.values:
        return None
    needle = text[finding.start : finding.end]
    source = document.text[span.start : span.end]
    # Count earlier occurrences in the value so the n-th one in the text maps to the n-th
    # one in the source (a folded scalar keeps words intact, only line breaks change).
    nth = text.count(needle, 0, finding.start)
    at = -1
    for _ in range(nth + 1):
        at = source.find(needle, at + 1)
        if at < 0:
            return None
    return span.start + at, span.start + at + len(needle)
