"""The checks of the author's own sentences."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from author.rules.freetext import (
    KnownPerson,
    clock_findings,
    ends_with_punctuation,
    honorific_findings,
    ordinal_findings,
    reference_findings,
    sparse_matches,
)


@pytest.mark.parametrize(
    ("text", "found", "fixed"),
    [
        ("met at 9:20a.m. today", "9:20a.m.", "9:20 a.m."),
        ("until 11:40p.m.", "11:40p.m.", "11:40 p.m."),
        ("from 5:00 pm on", "5:00 pm", "5:00 p.m."),
        ("at 0:00 am", "0:00 am", "0:00 a.m."),
        ("at 08:40 a.m.", "08:40 a.m.", "8:40 a.m."),
        ("at 00:50 a.m.", "00:50 a.m.", "0:50 a.m."),
        ("at 13:00 p.m.", "13:00 p.m.", "1:00 p.m."),
        ("at 9: 00 p.m.", "9: 00 p.m.", "9:00 p.m."),
        ("at 9: 00 there", "9: 00", "9:00"),
        ("at 12:00 p.m.", "12:00 p.m.", "noon"),
        ("at 12:30 a.m.", "12:30 a.m.", "0:30 a.m."),
        ("at 9:00 A.M.", "9:00 A.M.", "9:00 a.m."),
    ],
)
def test_clock_findings(text: str, found: str, fixed: str) -> None:
    findings = clock_findings(text)
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == found
    assert findings[0].suggestion == fixed
    assert findings[0].code == "clock-style"


@pytest.mark.parametrize(
    "text",
    [
        "at 9:00 a.m.",
        "at 6:05 p.m. and 0:28 a.m.",
        "a ratio of 3:2",
        "at noon",
        "at 18:05",
        "at 10:30 a.m., then",
    ],
)
def test_clock_in_house_style_passes(text: str) -> None:
    assert clock_findings(text) == []


@pytest.mark.parametrize(
    ("text", "found", "fixed", "wrong"),
    [
        ("on June 22th", "June 22th", "June 22", True),
        ("on May 4th", "May 4th", "May 4", False),
        ("on December 13th,", "December 13th", "December 13", False),
        ("on March 1th", "March 1th", "March 1", True),
        ("on the 4th of May", "the 4th of May", "May 4", False),
        ("on 21st September", "21st September", "September 21", False),
    ],
)
def test_ordinal_findings(text: str, found: str, fixed: str, wrong: bool) -> None:
    findings = ordinal_findings(text)
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == found
    assert findings[0].suggestion == fixed
    assert ("is not an ordinal" in findings[0].message) is wrong


def test_ordinals_in_style_pass() -> None:
    assert ordinal_findings("on September 18 in New York, the 4th meeting") == []


@pytest.mark.parametrize("text", ["H. E. Mr. Kuleba", "H.E Mr. Kuleba", "H.E.Mr. Kuleba"])
def test_malformed_honorifics(text: str) -> None:
    findings = honorific_findings(text)
    assert len(findings) == 1 and findings[0].code == "honorific-style"


def test_wellformed_honorific_passes() -> None:
    assert honorific_findings("H.E. Mr. Dmytro Kuleba and H.E. President Marcos") == []


PEOPLE = [
    KnownPerson("Minister Kamikawa", "Minister", "Kamikawa"),
    KnownPerson("Minister Kuleba", "Minister", "KULEBA"),
]


@pytest.mark.parametrize(
    ("text", "flagged", "suggestion"),
    [
        ("Minister Kamikava stated", "Minister Kamikava", "Minister Kamikawa"),
        ("Minster Kuleba stated", None, None),  # not a title at all: left alone
        ("Minister Kulebba's view", "Minister Kulebba", "Minister Kuleba"),
        # Edition 2: a third person who shares a listed person's title is not flagged
        # (issue 11; flagged with `mentions`, see test_edition2_lint.py).
        ("Minister Lavrov was mentioned", None, None),
        ("Foreign Minister Kamikava", "Foreign Minister Kamikava", "Minister Kamikawa"),
    ],
)
def test_reference_findings(text: str, flagged: str | None, suggestion: str | None) -> None:
    findings = reference_findings(text, PEOPLE)
    if flagged is None:
        assert findings == []
        return
    assert len(findings) == 1
    assert text[findings[0].start : findings[0].end] == flagged
    assert findings[0].suggestion == suggestion


@pytest.mark.parametrize(
    "text",
    [
        "Minister Kamikawa and Minister Kuleba's talks",
        "the Peace Formula of President Zelenskyy",
        "Prime Minister Kishida",
        "the G7 Foreign Ministers meeting",
        "Foreign Minister Kuleba",  # a listed person under a longer title
    ],
)
def test_references_to_listed_or_third_people_pass(text: str) -> None:
    assert reference_findings(text, PEOPLE) == []


@pytest.mark.parametrize(
    ("text", "ok"),
    [
        ("Done.", True),
        ("Done!", True),
        ("Is it?", True),
        ('He said "yes."', True),
        ("(See above.)", True),
        ("as follows:", True),
        ("No stop", False),
        ("Trailing ", False),
    ],
)
def test_closing_punctuation(text: str, ok: bool) -> None:
    assert ends_with_punctuation(text) is ok


# Patterns of the shapes `sparse_matches` serves: each match opens with one of `firsts`.
_SPARSE_CASES = [
    (re.compile(r"([0-9][0-9]*(?:,[0-9]{3})*(?:\.[0-9]+)?)(?:\s+(million|billion)\b)?"), "0123456789"),
    (re.compile("大臣|外相"), "大外"),
    (re.compile(r"(?<![0-9])[0-9]{2}(?=:)"), "0123456789"),  # context on both sides
]
_SPARSE_PIECES = st.sampled_from(
    ["1", "22", "1,500", "2.5", " million", " billion", "x", " ", ":", "大臣", "大", "外相", "外", "臣", "。"]
)


@given(
    case=st.sampled_from(_SPARSE_CASES),
    text=st.lists(_SPARSE_PIECES, max_size=80).map("".join),
)
def test_sparse_matches_are_what_finditer_finds(
    case: tuple[re.Pattern[str], str], text: str
) -> None:
    """Sparse or dense (past its limit it hands over to the regex engine's scan)."""
    pattern, firsts = case
    expected = [(m.span(), m.groups()) for m in pattern.finditer(text)]
    assert [(m.span(), m.groups()) for m in sparse_matches(pattern, text, firsts)] == expected
