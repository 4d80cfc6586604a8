"""The model's checks across fields (issue 11's gaps): every problem of a file in one run,
the follow-ons' starts held to the meeting's rules. From a real-looking readout: the
Japan-Poland Foreign Ministers' Meeting followed by a working dinner."""

from __future__ import annotations

from author.check import check_text
from tests.conftest import REPO

POLAND = (REPO / "examples" / "japan-poland-meeting-working-dinner-2023-05-08.readout.yaml").read_text(
    encoding="utf-8"
)
FOLLOW_ONS = """  followed_by:
    - kind: joint_press_conference
    - kind: working_dinner
      start: "19:10"
      duration: 90
"""


def _with_follow_ons(text: str, meeting: str = "") -> str:
    assert FOLLOW_ONS in POLAND
    readout = POLAND.replace(FOLLOW_ONS, text)
    if meeting:
        readout = readout.replace("  start: 2023-05-08 17:40\n  duration: 60 min\n", meeting)
    return readout


def _errors(text: str) -> list[tuple[int, str, str]]:
    result = check_text(text, "poland.readout.yaml")
    return [(d.line, d.code, d.message) for d in result.errors]


def _line(text: str, needle: str, after: int = 0) -> int:
    lines = text.splitlines()
    return next(i for i, line in enumerate(lines, 1) if i > after and needle in line)


def test_every_follow_on_out_of_order_is_reported() -> None:
    # The press conference before the meeting ends (18:40), the dinner before it starts.
    text = _with_follow_ons(
        """  followed_by:
    - kind: joint_press_conference
      start: "18:20"
    - kind: working_dinner
      start: "17:30"
      duration: 90
"""
    )
    errors = _errors(text)
    assert [(line, code) for line, code, _ in errors] == [
        (_line(text, 'start: "18:20"'), "follow-on-order"),
        (_line(text, 'start: "17:30"'), "follow-on-order"),
    ]
    assert "before the meeting ends (18:40" in errors[0][2]
    assert "not after the meeting's start (17:40)" in errors[1][2]


def test_a_follow_on_in_a_daylight_saving_gap_is_refused_as_the_meeting_is() -> None:
    # In Warsaw the clocks went from 2:00 to 3:00 on 31 March 2024: a dinner that ran
    # past midnight cannot have started at 2:30.
    meeting = "  start: 2024-03-30 21:00\n  timezone: Europe/Warsaw\n  duration: 60 min\n"
    text = _with_follow_ons(
        """  followed_by:
    - kind: working_dinner
      start: "22:15"
    - kind: signing_ceremony
      start: 2024-03-31 02:30
""",
        meeting,
    )
    text = text.replace("published: 2023-05-08\n", "")
    errors = _errors(text)
    assert [(line, code) for line, code, _ in errors] == [
        (_line(text, "start: 2024-03-31 02:30"), "nonexistent-time")
    ]
    assert errors[0][2] == (
        "2024-03-31 02:30 does not exist in Europe/Warsaw: the clocks skipped that hour for "
        "daylight saving; check the local time"
    )
    # The meeting's own start in the gap: the same words, at the meeting's start.
    gap = text.replace("start: 2024-03-30 21:00", "start: 2024-03-31 02:10").replace(
        'start: "22:15"', 'start: "05:00"'
    )
    assert [(line, code) for line, code, _ in _errors(gap)] == [
        (_line(gap, "start: 2024-03-31 02:10"), "nonexistent-time"),
        (_line(gap, "start: 2024-03-31 02:30"), "follow-on-order"),
        (_line(gap, "start: 2024-03-31 02:30"), "nonexistent-time"),
    ]


def test_a_follow_on_in_a_repeated_hour_is_ambiguous() -> None:
    meeting = "  start: 2024-10-26 21:00\n  timezone: Europe/Warsaw\n  duration: 60 min\n"
    text = _with_follow_ons(
        """  followed_by:
    - kind: signing_ceremony
      start: 2024-10-27 02:30
""",
        meeting,
    )
    [(line, code, message)] = _errors(text)
    assert (line, code) == (_line(text, "start: 2024-10-27 02:30"), "ambiguous-time")
    assert "happened twice in Europe/Warsaw (UTC+02:00, then UTC+01:00)" in message


def test_missing_counterparts_are_reported_beside_the_meetings_errors() -> None:
    start, end = POLAND.index("counterparts:"), POLAND.index("points:")
    alone = POLAND[:start] + POLAND[end:]
    broken = alone.replace("  duration: 60 min\n", "  duration: 60 min\n  timezone: Europe/Warsw\n")
    errors = _errors(broken)
    assert [(line, code) for line, code, _ in errors] == [
        (_line(broken, "section:"), "missing-field"),  # the readout's own place
        (_line(broken, "timezone: Europe/Warsw"), "unknown-timezone"),
    ]
    assert errors[0][2] == "missing required field 'counterparts'"
    # Reported once when the meeting is valid too, and not at all when a role is written
    # (the G7 meeting the minister hosted has no counterparts), valid or not.
    assert [code for _, code, _ in _errors(alone)] == ["missing-field"]
    hosted = broken.replace(
        "  kind: meeting\n", "  kind: meeting\n  name: G7 Foreign Ministers’ Meeting\n  role: hosted\n"
    )
    assert [code for _, code, _ in _errors(hosted)] == ["unknown-timezone"]
    assert [code for _, code, _ in _errors(hosted.replace("role: hosted", "role: hostd"))] == [
        "bad-value",
        "unknown-timezone",
    ]
    empty = broken.replace("points:", "counterparts: []\n\npoints:", 1)
    assert [(line, code) for line, code, _ in _errors(empty)] == [
        (_line(empty, "timezone: Europe/Warsw"), "unknown-timezone"),
        (_line(empty, "counterparts: []"), "empty-value"),
    ]
