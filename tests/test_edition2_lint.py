"""Edition 2's warnings and the unknown-person fixes, each at its line and column."""

from __future__ import annotations

import pytest

from author.check import check_text

BASE = """\
section: Japan-Korea Relations
meeting:
  kind: telephone_talk
  start: 2024-10-02 18:00
  duration: 20 min
principals:
  - honorific: Mr.
    family_name: Ishiba
    given_name: Shigeru
    title: Prime Minister of Japan
counterparts:
  - honorific: H.E. Mr.
    family_name: Yoon
    given_name: Suk Yeol
    name_order: family_first
    title: President of the Republic of Korea
    context: who is visiting Japan
points:
  - Prime Minister Ishiba stated that he looks forward to working with President Yoon.
"""


def problems(text: str) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.col, d.severity, d.code) for d in check_text(text).diagnostics]


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_base_is_clean() -> None:
    assert problems(BASE) == []


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # a bare-date start drops duration, approximate: false and around
        ("  start: 2024-10-02 18:00\n", "  start: 2024-10-02\n", [(5, 13, "unused-duration")]),
        (
            "  start: 2024-10-02 18:00\n  duration: 20 min\n",
            "  start: 2024-10-02\n  approximate: false\n  around: true\n",
            [(5, 16, "unused-duration"), (6, 11, "unused-duration")],
        ),
        # a follow-on without a start cannot show its duration
        (
            "  duration: 20 min\n",
            "  duration: 20 min\n  followed_by:\n    - kind: dinner\n      duration: 90\n",
            [(8, 17, "unused-duration")],
        ),
        # a context that ends in its own punctuation
        (
            "    context: who is visiting Japan\n",
            "    context: who is visiting Japan.\n",
            [(17, 14, "context-punctuation")],
        ),
        (
            "    context: who is visiting Japan\n",
            "    context: who is visiting Japan,\n",
            [(17, 14, "context-punctuation")],
        ),
        # bare H.E., in the honorific field and in a point
        ("  - honorific: H.E. Mr.\n", "  - honorific: H.E.\n", [(12, 16, "honorific-style")]),
        (
            "  - Prime Minister Ishiba stated",
            "  - H.E. CHO Tae-yul attended. Prime Minister Ishiba stated",
            [(19, 5, "honorific-style")],
        ),
        # unknown-person: names in capitals are the listed person
        ("with President Yoon.", "with President YOON.", []),
        ("  - Prime Minister Ishiba stated", "  - Prime Minister ISHIBA stated", []),
        # a third person sharing a listed person's title is a legitimate mention ...
        ("with President Yoon.", "with President Yoon, and President Xi was named.", []),
        ("with President Yoon.", "with President Yoon as Prime Minister Kishida did.", []),
        # ... but a near miss of a listed name is flagged
        ("with President Yoon.", "with President Yon.", [(19, 72, "unknown-person")]),
        (
            "  - Prime Minister Ishiba stated",
            "  - Prime Minister ISHIVA stated",
            [(19, 5, "unknown-person")],
        ),
    ],
)
def test_each_warning_at_its_place(old: str, new: str, expected: list[tuple]) -> None:
    found = problems(edit(old, new))
    assert found == [(line, col, "warning", code) for line, col, code in expected], found


def test_mentions_flag_anyone_else() -> None:
    text = edit(
        "with President Yoon.",
        "with President Yoon, as Prime Minister Kishida and President Xi had discussed.",
    )
    assert problems(text) == []
    listed = text.replace("points:\n", "mentions:\n  - Prime Minister Kishida\npoints:\n")
    result = check_text(listed)
    [problem] = result.diagnostics
    assert (problem.line, problem.col, problem.code) == (21, 118, "unknown-person")
    assert "'President Xi' is neither a participant nor in mentions" in problem.message
    near = listed.replace("Prime Minister Kishida and", "Prime Minister Kishda and", 1)
    near = near.replace(
        "  - Prime Minister Kishida\n", "  - Prime Minister Kishida\n  - President Xi\n"
    )
    [problem] = check_text(near).diagnostics
    assert problem.suggestion == "Prime Minister Kishida"


def test_sub_points_and_headings_need_no_period_but_a_note_does() -> None:
    text = edit(
        "  duration: 20 min\n", "  duration: 20 min\n  note: (The two leaders also spoke alone)\n"
    )
    assert problems(text) == [(6, 9, "warning", "point-punctuation")]


def test_every_added_warning_can_be_disabled() -> None:
    from author.config import Config

    text = edit("  start: 2024-10-02 18:00\n", "  start: 2024-10-02\n")
    text = text.replace("who is visiting Japan\n", "who is visiting Japan.\n")
    text = text.replace("  - honorific: H.E. Mr.\n", "  - honorific: H.E.\n")
    codes = {"unused-duration", "context-punctuation", "honorific-style"}
    assert {code for *_, code in problems(text)} == codes
    assert check_text(text, config=Config(disable=frozenset(codes))).diagnostics == []


def test_the_added_warnings_are_known_to_the_configuration() -> None:
    from author.config import LINT_CODES

    assert {"unused-duration", "context-punctuation"} <= LINT_CODES
