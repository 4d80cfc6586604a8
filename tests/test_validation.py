"""Every error and warning of the contract, at the right line, all in one run."""

from __future__ import annotations

import pytest

from author.check import check_bytes, check_text
from author.config import Config

BASE = """\
section: Japan-Ukraine Relations
published: 2023-09-20
meeting:
  kind: meeting
  start: 2023-09-20 18:05
  timezone: America/New_York
  duration: 25 min
principals:
  - honorific: Ms.
    family_name: Kamikawa
    given_name: Yoko
    title: Minister for Foreign Affairs of Japan
counterparts:
  - honorific: H.E. Mr.
    given_name: Dmytro
    family_name: Kuleba
    title: Minister for Foreign Affairs of Ukraine
points:
  - Minister Kamikawa met Minister Kuleba.
  - The two ministers agreed to work together.
"""


def problems(text: str, config: Config | None = None) -> list[tuple[int, int, str, str]]:
    return [
        (d.line, d.col, d.severity, d.code)
        for d in check_text(text, "f.readout.yaml", config).diagnostics
    ]


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


def test_base_is_clean() -> None:
    result = check_text(BASE)
    assert result.diagnostics == []
    assert result.readout is not None


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("kind: meeting", "kind: [meeting", (5, "yaml-syntax")),
        ("  duration: 25 min", "  duration: 25 min\n  duration: 30 min", (8, "duplicate-key")),
        ("  duration: 25 min", "  duraton: 25 min", (7, "unknown-field")),
        ("section: Japan-Ukraine Relations\n", "", (1, "missing-field")),
        ("  kind: meeting\n", "", (4, "missing-field")),
        (
            "    title: Minister for Foreign Affairs of Japan",
            "    title: [a, b]",
            (12, "wrong-type"),
        ),
        ("kind: meeting", "kind: meetng", (4, "bad-value")),
        ("timezone: America/New_York", "timezone: America/NewYork", (6, "unknown-timezone")),
        ("timezone: America/New_York", "timezone: EST", (6, "ambiguous-timezone")),
        ("start: 2023-09-20 18:05", "start: 2024-03-10 02:30", (5, "nonexistent-time")),
        ("start: 2023-09-20 18:05", "start: 2024-11-03 01:30", (5, "ambiguous-time")),
        ("start: 2023-09-20 18:05", "start: 2023-09-20 6:05 pm", (5, "bad-start")),
        ("start: 2023-09-20 18:05", "start: 2023-02-30 18:05", (5, "bad-start")),
        ("duration: 25 min", "duration: 0", (7, "bad-duration")),
        ("duration: 25 min", "duration: -5 min", (7, "bad-duration")),
        ("duration: 25 min", "duration: 25 h", (7, "bad-duration")),
        ("published: 2023-09-20", "published: 2023-09-19", (2, "published-before-meeting")),
        ("published: 2023-09-20", "published: 20 Sept", (2, "bad-date")),
        ("  - The two ministers agreed to work together.", "  - ''", (20, "empty-point")),
        ("section: Japan-Ukraine Relations", "version: 2\nsection: X", (1, "unknown-version")),
        ("section: Japan-Ukraine Relations", "style: mofaa\nsection: X", (1, "unknown-style")),
        ("    family_name: Kamikawa\n", "", (9, "missing-field")),
    ],
)
def test_each_error_at_its_line(old: str, new: str, expected: tuple[int, str]) -> None:
    found = problems(edit(old, new))
    assert any(
        (line, code) == expected and severity == "error" for line, _, severity, code in found
    ), found


def test_syntax_error_names_where_the_construct_began() -> None:
    [problem] = check_text(edit("kind: meeting", "kind: [meeting")).diagnostics
    assert "starts at line 4" in problem.message


@pytest.mark.parametrize(
    ("old", "new", "words"),
    [
        ("published: 2023-09-20", "published: 20 Sept", "cannot read date '20 Sept'"),
        ("start: 2023-09-20 18:05", "start: 2023-09-20 6 pm", "cannot read start '2023-09-20 6 pm'"),
        ("start: 2023-09-20 18:05", "start: 2023-02-30 18:05", "start '2023-02-30 18:05' is not a real"),
        ("start: 2023-09-20 18:05", "start: 1850-09-20 18:05", "the year must be between 1900 and 2999"),
        ("section: Japan-Ukraine Relations", "version: 3\nsection: X", "unknown format version '3'"),
        ("start: 2023-09-20 18:05", "start: 2024-03-10 02:30", "2024-03-10 02:30 does not exist in America/New_York"),
        ("start: 2023-09-20 18:05", "start: 2024-11-03 01:30", "(UTC-04:00, then UTC-05:00)"),
        ("published: 2023-09-20", "published: 2023-09-19", "published 2023-09-19 is before the meeting's date 2023-09-20"),
    ],
)
def test_messages_carry_the_values(old: str, new: str, words: str) -> None:
    messages = [d.message for d in check_text(edit(old, new)).diagnostics]
    assert any(words in message for message in messages), messages
    assert not any("{" in message for message in messages), messages


def test_braces_in_values_are_never_read_as_templates() -> None:
    text = edit("timezone: America/New_York", "timezone: '{suggestion}/{message}'")
    text = text.replace("duration: 25 min", "duration: '{message} min'")
    messages = sorted(d.message for d in check_text(text).diagnostics)
    assert messages == [
        "cannot read duration '{message} min'; write '25 min', '2 h', '1 h 10 min' or 25",
        "unknown time zone '{suggestion}/{message}'",
    ]


def test_unknown_field_suggests_and_points_at_key() -> None:
    result = check_text(edit("  duration: 25 min", "  duraton: 25 min"))
    [problem] = result.diagnostics
    assert (problem.line, problem.col) == (7, 3)
    assert "did you mean 'duration'?" in problem.message
    assert problem.loc == ("meeting", "duraton")


def test_time_zone_suggestion() -> None:
    [problem] = check_text(edit("America/New_York", "America/NewYork")).diagnostics
    assert problem.suggestion == "America/New_York"
    assert "did you mean 'America/New_York'?" in problem.message
    assert (problem.line, problem.col) == (6, 13)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "  - Minister Kamikawa met Minister Kuleba.",
            "  - Minister Kamikava met Minister Kuleba.",
            (19, 5, "unknown-person"),
        ),
        (
            "  - The two ministers agreed to work together.",
            "  - The two ministers agreed to work together",
            (20, 5, "point-punctuation"),
        ),
        ("honorific: H.E. Mr.", "honorific: H. E. Mr.", (14, 16, "unknown-honorific")),
        ("honorific: Ms.", "honorific: Madame", (9, 16, "unknown-honorific")),
        (
            "  - The two ministers agreed to work together.",
            "  - The two ministers met at 9:20a.m. on June 22th.",
            (20, 30, "clock-style"),
        ),
        (
            "  - The two ministers agreed to work together.",
            "  - The two ministers met at 9:20a.m. on June 22th.",
            (20, 42, "ordinal-style"),
        ),
        (
            "  - The two ministers agreed to work together.",
            "  - H. E. Mr. Kuleba agreed.",
            (20, 5, "honorific-style"),
        ),
    ],
)
def test_each_warning_at_its_place(old: str, new: str, expected: tuple[int, int, str]) -> None:
    found = problems(edit(old, new))
    line, col, code = expected
    assert (line, col, "warning", code) in found, found


def test_warning_inside_folded_point_points_at_the_word() -> None:
    text = edit(
        "  - The two ministers agreed to work together.",
        "  - >-\n    The two ministers agreed\n    to meet Minister Kamikava again.",
    )
    assert (22, 13, "warning", "unknown-person") in problems(text)


def test_warnings_in_captions_and_context() -> None:
    text = edit(
        "published: 2023-09-20",
        "published: 2023-09-20\nphotos:\n  - Minister Kamikava shakes hands",
    )
    text = text.replace(
        "    title: Minister for Foreign Affairs of Ukraine",
        "    title: Minister for Foreign Affairs of Ukraine\n    context: who arrived at 5:00 pm",
    )
    found = problems(text)
    assert (4, 5, "warning", "unknown-person") in found
    assert any(code == "clock-style" and line == 20 for line, _, _, code in found), found


def test_every_problem_in_one_run() -> None:
    text = (
        BASE.replace("kind: meeting", "kind: meetng")
        .replace("timezone: America/New_York", "timezone: America/NewYork")
        .replace("duration: 25 min", "duraton: 25 min")
        .replace("    title: Minister for Foreign Affairs of Ukraine\n", "")
        .replace("  - The two ministers agreed to work together.", "  - ''")
    )
    codes = {(line, code) for line, _, _, code in problems(text)}
    assert {
        (4, "bad-value"),
        (6, "unknown-timezone"),
        (7, "unknown-field"),
        (14, "missing-field"),
        (19, "empty-point"),
    } <= codes, codes


def test_warnings_come_with_errors_in_the_same_run() -> None:
    text = edit("kind: meeting", "kind: meetng").replace(
        "  - The two ministers agreed to work together.", "  - Minister Kamikava agreed at 5:00 pm."
    )
    codes = {code for _, _, _, code in problems(text)}
    assert {"bad-value", "unknown-person", "clock-style"} <= codes


def test_yaml_traps_closed() -> None:
    text = edit("section: Japan-Ukraine Relations", "section: NO")
    result = check_text(text)
    assert result.readout is not None and result.readout.section == "NO"
    text = edit("duration: 25 min", "duration: 1:10")  # base-60 in YAML 1.1
    [problem] = check_text(text).diagnostics
    assert problem.code == "bad-duration" and "'1:10'" in problem.message
    text = (
        edit("  approximate: true", "")
        if "approximate" in BASE
        else BASE.replace("  duration: 25 min", "  duration: 25 min\n  approximate: no")
    )
    [problem] = check_text(text).diagnostics
    assert problem.code == "wrong-type" and "true or false" in problem.message


def test_alias_bomb_is_refused() -> None:
    bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
    for i in range(1, 9):
        prev = chr(ord("a") + i - 1)
        name = chr(ord("a") + i)
        bomb += f"{name}: &{name} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"
    [problem] = check_text(bomb).diagnostics
    assert problem.code == "too-many-nodes"


def test_not_a_mapping() -> None:
    for text, what in [("", "nothing"), ("just text\n", "text"), ("- a\n- b\n", "a list")]:
        [problem] = check_text(text).diagnostics
        assert problem.code == "not-a-readout" and what in problem.message


def test_disabled_codes_are_not_reported() -> None:
    text = edit("  - The two ministers agreed to work together.", "  - No stop")
    assert problems(text)
    assert problems(text, Config(disable=frozenset({"point-punctuation"}))) == []


def test_bytes_encodings() -> None:
    assert check_bytes(b"\xef\xbb\xbf" + BASE.encode()).diagnostics == []
    assert check_bytes(BASE.replace("\n", "\r\n").encode()).diagnostics == []
    assert check_bytes(BASE.encode("utf-16")).diagnostics == []
    [problem] = check_bytes(BASE.encode() + b"\xff\xfe oops\n").diagnostics
    assert problem.code == "encoding" and problem.line == 21


def test_every_diagnostic_has_a_position() -> None:
    text = "\n".join(line + ("  " if i % 3 else "") for i, line in enumerate(BASE.splitlines()))
    for diagnostic in check_text(text.replace("kind", "knd")).diagnostics:
        assert diagnostic.line >= 1 and diagnostic.col >= 1
