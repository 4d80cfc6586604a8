"""Clock times, dates and the local/home-time parenthetical."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import Enum
from zoneinfo import ZoneInfo

MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def clock_phrase(t: time) -> str:
    """`6:05 p.m.`, `9:00 a.m.`, `noon`, `0:28 a.m.` (the hour after midnight is 0)."""
    if t.hour == 12 and t.minute == 0:
        return "noon"
    if t.hour < 12:
        return f"{t.hour}:{t.minute:02d} a.m."
    hour = 12 if t.hour == 12 else t.hour - 12
    return f"{hour}:{t.minute:02d} p.m."


def month_day(d: date, weekday: bool = False) -> str:
    """`September 20`, or `Wednesday, September 20` with the weekday."""
    text = f"{MONTHS[d.month - 1]} {d.day}"
    return f"{WEEKDAYS[d.weekday()]}, {text}" if weekday else text


def full_date(d: date) -> str:
    """The date line: `September 20, 2023`."""
    return f"{MONTHS[d.month - 1]} {d.day}, {d.year}"


class WallTime(Enum):
    """How a wall-clock reading maps onto a zone's timeline."""

    EXISTS = "exists"
    GAP = "gap"  # skipped by a daylight-saving jump forward: never happened
    FOLD = "fold"  # repeated when clocks go back: happened twice


def classify_wall_time(naive: datetime, zone: ZoneInfo) -> WallTime:
    first = naive.replace(tzinfo=zone, fold=0)
    second = naive.replace(tzinfo=zone, fold=1)
    if first.utcoffset() == second.utcoffset():
        return WallTime.EXISTS
    round_trip = first.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    return WallTime.FOLD if round_trip == naive else WallTime.GAP


def offset_text(delta: timedelta | None) -> str:
    minutes = int((delta or timedelta()).total_seconds() // 60)
    sign = "+" if minutes >= 0 else "-"
    minutes = abs(minutes)
    return f"UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"


@dataclass(frozen=True)
class HomeTime:
    """The start as seen at home (Japan), derived from the local start and its zone."""

    local: datetime
    home: datetime

    @property
    def same_offset(self) -> bool:
        return self.local.utcoffset() == self.home.utcoffset()

    @property
    def date_differs(self) -> bool:
        return self.local.date() != self.home.date()

    @property
    def day_shift(self) -> int:
        """+1 when home is a day ahead (New York → Tokyo), -1 when behind."""
        return (self.home.date() - self.local.date()).days


def home_time(naive_local: datetime, local_zone: ZoneInfo, home_zone: ZoneInfo) -> HomeTime:
    """Convert a local wall-clock start into home time through the IANA database.

    The caller must have refused gaps and folds first (see `classify_wall_time`).
    """
    local = naive_local.replace(tzinfo=local_zone)
    return HomeTime(local=local, home=local.astimezone(home_zone))


def home_phrase(
    when: HomeTime, label: str = "JST", home_name: str = "Japan", around: bool = False
) -> str:
    """The start at home: `7:05 a.m. JST`, `on September 21, 7:05 a.m. JST`, or
    `same time in Japan` when the offsets agree at that instant."""
    if when.same_offset:
        return f"same time in {home_name}"
    prefix = "around " if around else ""
    clock = f"{prefix}{clock_phrase(when.home.time())} {label}"
    if when.date_differs:
        return f"on {month_day(when.home.date())}, {clock}"
    return clock


def home_parenthetical(
    when: HomeTime, label: str = "JST", home_name: str = "Japan", around: bool = False
) -> str:
    """`(local time; 7:05 a.m. JST)`, `(local time; on September 21, 7:05 a.m. JST)`,
    or `(local time; same time in Japan)`."""
    return f"(local time; {home_phrase(when, label, home_name, around)})"
