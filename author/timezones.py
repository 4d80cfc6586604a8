"""Time zone names: which are accepted, and what to suggest for a near miss."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from zoneinfo import ZoneInfo, available_timezones

from author.suggest import closest
from author.suggest import hint as did_you_mean_hint

# Abbreviations and bare country names are ambiguous (CST is China, Cuba or Central US);
# for the common ones, suggest the zone an author most likely meant.
ABBREVIATION_HINTS = {
    "EST": "America/New_York",
    "EDT": "America/New_York",
    "CST": "America/Chicago",
    "CDT": "America/Chicago",
    "MST": "America/Denver",
    "MDT": "America/Denver",
    "PST": "America/Los_Angeles",
    "PDT": "America/Los_Angeles",
    "GMT": "Europe/London",
    "BST": "Europe/London",
    "CET": "Europe/Paris",
    "CEST": "Europe/Paris",
    "EET": "Europe/Kyiv",
    "EEST": "Europe/Kyiv",
    "JST": "Asia/Tokyo",
    "Japan": "Asia/Tokyo",
    "KST": "Asia/Seoul",
    "IST": "Asia/Kolkata",
    "AEST": "Australia/Sydney",
    "AEDT": "Australia/Sydney",
}
ALWAYS_ACCEPTED = {"UTC"}


@dataclass(frozen=True)
class TimezoneProblem:
    code: str
    message: str
    suggestion: str | None = None


@cache
def zone_names() -> tuple[str, ...]:
    return tuple(sorted(available_timezones()))


def _squash(name: str) -> str:
    return name.lower().replace("_", "").replace(" ", "").replace("-", "")


def suggest_timezone(name: str) -> str | None:
    if name in ABBREVIATION_HINTS or name.upper() in ABBREVIATION_HINTS:
        return ABBREVIATION_HINTS.get(name) or ABBREVIATION_HINTS[name.upper()]
    names = [n for n in zone_names() if "/" in n]
    squashed = {_squash(n): n for n in names}
    if _squash(name) in squashed:
        return squashed[_squash(name)]
    city = {_squash(n.rsplit("/", 1)[-1]): n for n in names}
    if _squash(name) in city:
        return city[_squash(name)]
    if close := closest(_squash(name), squashed, cutoff=0.75):
        return squashed[close]
    close = closest(_squash(name.rsplit("/", 1)[-1]), city, cutoff=0.75)
    return city[close] if close else None


def completions(prefix: str, limit: int = 20) -> list[str]:
    """Zone names matching what was typed so far: `new y` → `America/New_York`."""
    words = [w for w in _squash_words(prefix) if w]
    if not words:
        return []
    hits = [n for n in zone_names() if "/" in n and all(w in _squash(n) for w in words)]
    hits.sort(key=lambda n: (not _squash(n.rsplit("/", 1)[-1]).startswith(words[0]), len(n), n))
    return hits[:limit]


def _squash_words(text: str) -> list[str]:
    return (
        [_squash(w) for w in text.replace("/", " ").split()]
        if " " in text.strip()
        else [_squash(text)]
    )


@lru_cache(maxsize=1024)
def zone(name: str) -> ZoneInfo:
    """The zone called `name` (raises as `ZoneInfo` does). Kept here because `ZoneInfo`'s
    own cache keeps only the last 8 zones used strongly, and reading a zone file again
    costs more than validating a whole readout."""
    return ZoneInfo(name)


def check_timezone(name: str) -> TimezoneProblem | None:
    """None when `name` is a usable IANA zone, else what is wrong and a suggestion."""
    if "/" not in name and name not in ALWAYS_ACCEPTED:
        suggestion = suggest_timezone(name)
        if name.upper() not in ABBREVIATION_HINTS and name not in ABBREVIATION_HINTS:
            return TimezoneProblem(
                "unknown-timezone",
                f"unknown time zone {name!r}: use an IANA name such as 'Asia/Tokyo'"
                + did_you_mean_hint(suggestion),
                suggestion,
            )
        tail = did_you_mean_hint(suggestion) or "; use an IANA name such as 'Asia/Tokyo'"
        return TimezoneProblem(
            "ambiguous-timezone",
            f"{name!r} is an abbreviation or alias, not a place-based time zone{tail}",
            suggestion,
        )
    try:
        if name.startswith("/") or ".." in name or name != name.strip():
            raise ValueError(name)
        zone(name)
    except (ValueError, OSError, KeyError):
        suggestion = suggest_timezone(name)
        message = f"unknown time zone {name!r}{did_you_mean_hint(suggestion)}"
        return TimezoneProblem("unknown-timezone", message, suggestion)
    return None
