"""Table-driven tests of the pure house-style rules."""

from __future__ import annotations

from datetime import date, datetime, time
from zoneinfo import ZoneInfo

import pytest

from author.rules.clock import (
    WallTime,
    classify_wall_time,
    clock_phrase,
    full_date,
    home_parenthetical,
    home_phrase,
    home_time,
    month_day,
)
from author.rules.duration import DurationError, duration_input, duration_phrase, parse_duration
from author.rules.names import (
    default_short,
    formal_name,
    join_list,
    normalize_honorific,
    title_case_family,
    title_word,
)
from author.rules.prose import closing_for, verb_for

TOKYO = ZoneInfo("Asia/Tokyo")


@pytest.mark.parametrize(
    ("hh", "mm", "expected"),
    [
        (18, 5, "6:05 p.m."),
        (9, 0, "9:00 a.m."),
        (12, 0, "noon"),
        (12, 30, "12:30 p.m."),
        (0, 0, "0:00 a.m."),
        (0, 28, "0:28 a.m."),
        (0, 50, "0:50 a.m."),
        (11, 59, "11:59 a.m."),
        (13, 0, "1:00 p.m."),
        (23, 59, "11:59 p.m."),
    ],
)
def test_clock_phrase(hh: int, mm: int, expected: str) -> None:
    assert clock_phrase(time(hh, mm)) == expected


def test_dates() -> None:
    assert month_day(date(2023, 9, 20)) == "September 20"
    assert month_day(date(2023, 8, 30), weekday=True) == "Wednesday, August 30"
    assert full_date(date(2023, 9, 20)) == "September 20, 2023"
    assert month_day(date(2024, 6, 1)) == "June 1"


@pytest.mark.parametrize(
    ("local", "zone", "expected"),
    [
        # next day in Japan
        ("2023-09-20 18:05", "America/New_York", "(local time; on September 21, 7:05 a.m. JST)"),
        # same day in Japan, daylight saving in London
        ("2024-05-03 09:30", "Europe/London", "(local time; 5:30 p.m. JST)"),
        # same day, winter time in London: one hour more
        ("2024-01-15 09:30", "Europe/London", "(local time; 6:30 p.m. JST)"),
        # Japan is a day earlier (Pacific, east of Japan, before Japan's midnight)
        ("2024-03-01 02:00", "Pacific/Auckland", "(local time; on February 29, 10:00 p.m. JST)"),
        # +5:30 zone
        ("2024-08-20 10:00", "Asia/Kolkata", "(local time; 1:30 p.m. JST)"),
        # Japan noon
        ("2024-08-20 05:00", "Europe/Berlin", "(local time; noon JST)"),
        # Japan after midnight, next day
        ("2024-08-20 11:50", "Europe/Paris", "(local time; 6:50 p.m. JST)"),
        ("2024-08-20 17:50", "Europe/Paris", "(local time; on August 21, 0:50 a.m. JST)"),
        # same offset as Japan
        ("2024-08-20 10:00", "Asia/Seoul", "(local time; same time in Japan)"),
        # New Year across the date line
        ("2023-12-31 23:00", "America/Los_Angeles", "(local time; on January 1, 4:00 p.m. JST)"),
    ],
)
def test_home_parenthetical(local: str, zone: str, expected: str) -> None:
    naive = datetime.strptime(local, "%Y-%m-%d %H:%M")
    assert home_parenthetical(home_time(naive, ZoneInfo(zone), TOKYO)) == expected


def test_home_parenthetical_label_and_around() -> None:
    when = home_time(datetime(2023, 9, 20, 18, 5), ZoneInfo("America/New_York"), TOKYO)
    assert (
        home_parenthetical(when, label="Japan time", around=True)
        == "(local time; on September 21, around 7:05 a.m. Japan time)"
    )
    assert when.day_shift == 1


@pytest.mark.parametrize(
    ("local", "zone", "expected"),
    [
        ("2024-03-10 02:30", "America/New_York", WallTime.GAP),
        ("2024-03-10 03:00", "America/New_York", WallTime.EXISTS),
        ("2024-11-03 01:30", "America/New_York", WallTime.FOLD),
        ("2024-03-31 01:30", "Europe/London", WallTime.GAP),
        ("2024-10-27 01:30", "Europe/London", WallTime.FOLD),
        ("2024-04-07 02:30", "Australia/Sydney", WallTime.FOLD),
        ("2024-10-06 02:30", "Australia/Sydney", WallTime.GAP),
        ("2024-03-10 02:30", "Asia/Tokyo", WallTime.EXISTS),
        ("2024-03-10 02:30", "Asia/Kolkata", WallTime.EXISTS),
    ],
)
def test_wall_time(local: str, zone: str, expected: WallTime) -> None:
    naive = datetime.strptime(local, "%Y-%m-%d %H:%M")
    assert classify_wall_time(naive, ZoneInfo(zone)) is expected


@pytest.mark.parametrize(
    ("typed", "minutes"),
    [
        (25, 25),
        ("25", 25),
        ("25 min", 25),
        ("25min", 25),
        ("2 h", 120),
        ("1 h 10 min", 70),
        ("1h10m", 70),
        ("90 minutes", 90),
        ("1 hour", 60),
        ("24 h", 1440),
    ],
)
def test_parse_duration(typed: int | str, minutes: int) -> None:
    assert parse_duration(typed) == minutes


@pytest.mark.parametrize("typed", [0, "0 min", -5, "-5 min", "25 h", 1441, "soon", "1.5 h", True])
def test_parse_duration_refuses(typed: object) -> None:
    with pytest.raises(DurationError):
        parse_duration(typed)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("minutes", "phrase", "typed"),
    [
        (1, "1 minute", "1 min"),
        (25, "25 minutes", "25 min"),
        (59, "59 minutes", "59 min"),
        (60, "one hour", "1 h"),
        (70, "70 minutes", "1 h 10 min"),
        (90, "one and a half hours", "1 h 30 min"),
        (100, "100 minutes", "1 h 40 min"),
        (120, "two hours", "2 h"),
        (180, "three hours", "3 h"),
        (150, "150 minutes", "2 h 30 min"),
    ],
)
def test_duration_phrase(minutes: int, phrase: str, typed: str) -> None:
    assert duration_phrase(minutes) == phrase
    assert duration_input(minutes) == typed
    assert parse_duration(typed) == minutes


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            {
                "honorific": "Ms.",
                "family_name": "Kamikawa",
                "given_name": "Yoko",
                "order": "family_first",
            },
            "Ms. KAMIKAWA Yoko",
        ),
        (
            {
                "honorific": "H.E. Mr.",
                "family_name": "Kuleba",
                "given_name": "Dmytro",
                "order": "given_first",
            },
            "H.E. Mr. Dmytro KULEBA",
        ),
        (
            {
                "honorific": "the Rt Hon",
                "family_name": "Truss",
                "given_name": "Elizabeth",
                "order": "given_first",
                "suffix": "MP",
            },
            "the Rt Hon Elizabeth TRUSS MP",
        ),
        (
            {
                "honorific": "Mr.",
                "family_name": "Kishida",
                "given_name": "Fumio",
                "order": "given_first",
                "caps": False,
            },
            "Mr. Fumio Kishida",
        ),
        (
            {
                "honorific": "H.E. Mr.",
                "family_name": "Xi",
                "given_name": "Jinping",
                "order": "family_first",
            },
            "H.E. Mr. XI Jinping",
        ),
        (
            {
                "honorific": None,
                "family_name": "del Rosario",
                "given_name": "Albert",
                "order": "given_first",
            },
            "Albert DEL ROSARIO",
        ),
        (
            {
                "honorific": "H.M.",
                "family_name": None,
                "given_name": None,
                "order": "given_first",
                "display_name": "His Majesty King Charles III",
            },
            "His Majesty King Charles III",
        ),
    ],
)
def test_formal_name(fields: dict, expected: str) -> None:
    assert (
        formal_name(
            honorific=fields["honorific"],
            family_name=fields["family_name"],
            given_name=fields["given_name"],
            order=fields["order"],
            suffix=fields.get("suffix"),
            display_name=fields.get("display_name"),
            caps=fields.get("caps", True),
        )
        == expected
    )


@pytest.mark.parametrize(
    ("title", "family", "expected"),
    [
        ("Minister for Foreign Affairs of Japan", "Kamikawa", "Minister Kamikawa"),
        ("Minister for Foreign Affairs of Ukraine", "KULEBA", "Minister Kuleba"),
        ("Prime Minister of Japan", "Kishida", "Prime Minister Kishida"),
        ("Secretary of State of the United States of America", "Blinken", "Secretary Blinken"),
        ("President of the Republic of the Philippines", "Marcos", "President Marcos"),
        ("Foreign Secretary, United Kingdom", "Raab", "Foreign Secretary Raab"),
        ("Secretary of Foreign Affairs", "del Rosario", "Secretary del Rosario"),
    ],
)
def test_default_short(title: str, family: str, expected: str) -> None:
    assert default_short(title, family) == expected


def test_name_helpers() -> None:
    assert title_word("Minister for Foreign Affairs of Japan") == "Minister"
    assert title_case_family("KULEBA") == "Kuleba"
    assert title_case_family("SMITH-JONES") == "Smith-Jones"
    assert normalize_honorific("H. E. Mr.") == "H.E. Mr."
    assert normalize_honorific("H.E Mr.") == "H.E. Mr."
    assert normalize_honorific("Mr") == "Mr."
    assert join_list(["A, t"]) == "A, t"
    assert join_list(["A, t", "B, u"]) == "A, t, and B, u"
    assert join_list(["A, t", "B, u", "C, v"]) == "A, t, B, u, and C, v"


@pytest.mark.parametrize(
    ("kind", "verb", "closing"),
    [
        ("meeting", "held a meeting with", "The overview of the meeting is as follows."),
        ("telephone_talk", "held a telephone talk with", "The overview of the talk is as follows."),
        (
            "video_conference",
            "held a video teleconference meeting with",
            "The overview of the meeting is as follows.",
        ),
        (
            "courtesy_call_paid",
            "paid a courtesy call on",
            "The overview of the courtesy call is as follows.",
        ),
        (
            "courtesy_call_received",
            "received a courtesy call from",
            "The overview of the courtesy call is as follows.",
        ),
        (
            "summit_meeting",
            "held a summit meeting with",
            "The overview of the meeting is as follows.",
        ),
        (
            "working_lunch",
            "held a working lunch with",
            "The overview of the meeting is as follows.",
        ),
        (
            "working_dinner",
            "held a working dinner with",
            "The overview of the meeting is as follows.",
        ),
    ],
)
def test_verbs_and_closings(kind: str, verb: str, closing: str) -> None:
    assert verb_for(kind) == verb
    assert closing_for(kind) == closing


def test_home_phrase_is_the_parenthetical_without_its_frame() -> None:
    when = home_time(datetime(2023, 9, 20, 18, 5), ZoneInfo("America/New_York"), TOKYO)
    assert home_phrase(when) == "on September 21, 7:05 a.m. JST"
    seoul = home_time(datetime(2024, 8, 20, 10, 0), ZoneInfo("Asia/Seoul"), TOKYO)
    assert home_phrase(seoul) == "same time in Japan"
    london = home_time(datetime(2024, 5, 3, 9, 30), ZoneInfo("Europe/London"), TOKYO)
    assert home_phrase(london, label="Japan time") == "5:30 p.m. Japan time"
