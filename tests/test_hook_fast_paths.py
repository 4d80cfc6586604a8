"""The fast paths that keep the hook quick give exactly the answers of the plain regexes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from author.rules import freetext

WORDS = st.sampled_from(
    [
        "Minister",
        "Kamikawa",
        "Kamikawa's",
        "Vice-Minister",
        "Prime",
        "President",
        "Zelenskyy",
        "de",
        "Foreign",
        "xMinister",
        "-Minister",
        "Ambassador",
        "the",
        "Mr.",
        "said",
        ".",
        ":",
        ")",
        "”",
        "’",
        "…",
        "!",
        "?",
        "  ",
        "\n",
        "-",
        "é",
    ]
)
TEXTS = st.lists(WORDS, max_size=30).map(lambda parts: " ".join(parts)) | st.text(max_size=60)


def _spans(matches) -> list[tuple[int, int, str, str]]:
    return [(m.start(), m.end(), m["title"], m["name"]) for m in matches]


@settings(max_examples=400, deadline=None)
@given(TEXTS, st.lists(st.sampled_from(["Minister", "Deputy Minister", "Envoy"]), max_size=2))
def test_reference_scan_matches_the_look_behind_regex(text: str, extra: list[str]) -> None:
    pattern = freetext.reference_pattern(extra)
    slow = re.compile(r"(?<![A-Za-z-])" + pattern.pattern)
    assert _spans(freetext._finditer(pattern, text)) == _spans(slow.finditer(text))


@settings(max_examples=400, deadline=None)
@given(TEXTS)
def test_closing_punctuation_matches_the_regex(text: str) -> None:
    expected = bool(freetext._CLOSING.search(text.rstrip()))
    assert freetext.ends_with_punctuation(text) is expected


def test_a_title_glued_to_a_word_is_not_a_reference() -> None:
    people = [freetext.KnownPerson("Minister Kamikawa", "Minister", "Kamikawa")]
    text = "Minister Kamikava met xMinister Kamikava and Envoy-Minister Kamikava."
    findings = freetext.reference_findings(text, people)
    assert [(f.start, f.code) for f in findings] == [(0, "unknown-person")]
