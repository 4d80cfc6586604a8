"""Durations: what an author may type, and the phrase the lead uses."""

from __future__ import annotations

import re

MAX_MINUTES = 24 * 60

NUMBER_WORDS = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
    "twenty",
    "twenty-one",
    "twenty-two",
    "twenty-three",
    "twenty-four",
)

_DURATION = re.compile(
    r"""^\s*(?:
        (?P<hours>[0-9]+)\s*(?:h|hr|hrs|hour|hours)\.?
        (?:\s*(?P<hmin>[0-9]+)\s*(?:m|min|mins|minute|minutes)\.?)?
      | (?P<minutes>[0-9]+)\s*(?:m|min|mins|minute|minutes)?\.?
    )\s*$""",
    re.VERBOSE | re.IGNORECASE,
)


class DurationError(ValueError):
    """A duration that cannot be read or is out of range."""


def parse_duration(value: int | str) -> int:
    """`25`, `"25 min"`, `"2 h"`, `"1 h 10 min"` → minutes (1 … 1440)."""
    if isinstance(value, bool):
        raise DurationError("expected minutes or a text like '25 min' or '1 h 10 min'")
    if isinstance(value, int):
        minutes = value
    else:
        text = str(value).strip()
        if text.startswith("-"):
            raise DurationError(f"a duration cannot be negative: {text!r}")
        match = _DURATION.match(text)
        if not match:
            raise DurationError(
                f"cannot read duration {text!r}; write '25 min', '2 h', '1 h 10 min' or 25"
            )
        if max(len(match[part] or "") for part in ("hours", "hmin", "minutes")) > 6:
            # far past a day, and perhaps past what int() reads (4,300 digits)
            raise DurationError(f"a duration must be at most 24 hours, not {text[:20]}…")
        if match["hours"] is not None:
            minutes = int(match["hours"]) * 60 + int(match["hmin"] or 0)
        else:
            minutes = int(match["minutes"])
    if minutes <= 0:
        raise DurationError(f"a duration must be more than zero minutes, not {minutes}")
    if minutes > MAX_MINUTES:
        raise DurationError(f"a duration must be at most 24 hours, not {minutes} minutes")
    return minutes


def duration_input(minutes: int) -> str:
    """The canonical way to write a duration in a file: `25 min`, `2 h`, `1 h 10 min`."""
    hours, rest = divmod(minutes, 60)
    if not hours:
        return f"{rest} min"
    return f"{hours} h" if not rest else f"{hours} h {rest} min"


def duration_phrase(minutes: int) -> str:
    """`25 minutes`, `one hour`, `two hours`, `one and a half hours`, `100 minutes`."""
    if minutes < 60:
        return "1 minute" if minutes == 1 else f"{minutes} minutes"
    if minutes == 90:
        return "one and a half hours"
    hours, rest = divmod(minutes, 60)
    if rest == 0:
        return "one hour" if hours == 1 else f"{NUMBER_WORDS[hours]} hours"
    return f"{minutes} minutes"
