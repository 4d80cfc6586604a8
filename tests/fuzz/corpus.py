"""Readout documents for fuzzing: valid ones, almost valid ones, and mutated copies.

Everything here is driven by explicit choices (integers), so the same generators serve the
hypothesis property tests (which draw the integers and shrink them) and the long campaign
in `bench/fuzz_campaign.py` (which draws them from a seeded `random.Random`).
"""

from __future__ import annotations

import copy
import random
from collections.abc import Callable
from pathlib import Path
from typing import Any

import yaml

from author.model import Kind

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.readout.y*ml"))

KINDS = [kind.value for kind in Kind]
ZONES = [
    None,
    "Asia/Tokyo",
    "America/New_York",
    "Europe/Kyiv",
    "Asia/Seoul",
    "Australia/Sydney",
    "Pacific/Chatham",
    "America/St_Johns",
    "UTC",
    "Etc/GMT+5",
]
HONORIFICS = [None, "Mr.", "Ms.", "H.E. Mr.", "H.E. Ms.", "Dr.", "H.E. Dr.", "the Hon.", "H.R.H."]
_PROSE = (
    "Minister Kamikawa stated that Japan will continue to support Ukraine and the two "
    "Ministers confirmed close cooperation on the G7 agenda, including energy, trade, "
    "security, the Indo-Pacific, North Korea, abductions, nuclear and missile issues"
)
WORDS = _PROSE.split(" ")

# A hand-written readout that uses every field of the format, so mutations reach them all.
FULL = """\
version: 1
style: mofa
section: Japan-Ukraine Relations
title: Japan-Ukraine Foreign Ministers' Meeting
published: 2023-09-21
photos:
  - Two Ministers who shake hands
  - caption: The meeting
    file: photo-2.jpg
meeting:
  kind: telephone_talk
  start: 2023-09-20 18:05
  timezone: America/New_York
  duration: 1 h 10 min
  approximate: false
  around: true
  place: New York
principals:
  - honorific: Ms.
    family_name: Kamikawa
    given_name: Yoko
    name_order: family_first
    title: Minister for Foreign Affairs of Japan
    context: who is visiting New York
    short: Minister Kamikawa
  - display_name: H.R.H. Crown Prince Akishino
    title: Crown Prince of Japan
counterparts:
  - honorific: the Hon.
    given_name: Penny
    family_name: Wong
    suffix: MP
    title: Minister for Foreign Affairs of Australia
points:
  - Minister Kamikawa stated that Japan stands with Ukraine.
  - heading: Bilateral relations
    text: The two Ministers confirmed close cooperation.
    points:
      - On energy, they agreed to work together.
      - On trade, they agreed to talk again.
phrasing:
  verb: held a telephone talk with
  closing: The overview is as follows.
  weekday: true
  home_label: Japan time
  surname_caps: true
footnotes:
  - (Provisional translation)
"""

SEEDS: list[str] = [p.read_text(encoding="utf-8") for p in EXAMPLES] + [FULL]


# -- valid documents from choices ------------------------------------------------------------


def _words(rng: random.Random, lo: int, hi: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(lo, hi)))


def _participant(rng: random.Random) -> dict[str, Any]:
    person: dict[str, Any] = {"title": "Minister for " + _words(rng, 1, 4)}
    if rng.random() < 0.15:
        person["display_name"] = "H.R.H. " + _words(rng, 1, 3).title()
    else:
        person["family_name"] = rng.choice(["Kamikawa", "Kuleba", "Wong", "Blinken", "Park"])
        if rng.random() < 0.8:
            person["given_name"] = rng.choice(["Yoko", "Dmytro", "Penny", "Antony", "Jin"])
    for key, chance, value in (
        ("honorific", 0.7, lambda: rng.choice(HONORIFICS[1:])),
        ("name_order", 0.2, lambda: rng.choice(["family_first", "given_first"])),
        ("suffix", 0.1, lambda: "MP"),
        ("context", 0.3, lambda: "who is visiting " + _words(rng, 1, 5)),
        ("short", 0.2, lambda: "Minister " + rng.choice(["Kamikawa", "Kuleba"])),
    ):
        if rng.random() < chance:
            person[key] = value()
    return person


def valid_data(rng: random.Random) -> dict[str, Any]:
    """A readout's plain data that passes validation (warnings allowed)."""
    year, month, day = rng.randint(1990, 2035), rng.randint(1, 12), rng.randint(1, 28)
    start = f"{year:04d}-{month:02d}-{day:02d}"
    if rng.random() < 0.85:
        # 3:00-3:59 can fall into a daylight-saving gap or fold somewhere; keep clear of it.
        hour = rng.choice([h for h in range(24) if h not in (0, 1, 2, 3)])
        start += f" {hour:02d}:{rng.randint(0, 59):02d}"
    meeting: dict[str, Any] = {"kind": rng.choice(KINDS), "start": start}
    zone = rng.choice(ZONES)
    if zone:
        meeting["timezone"] = zone
    if rng.random() < 0.8:
        meeting["duration"] = rng.choice(
            [rng.randint(1, 1440), f"{rng.randint(1, 59)} min", f"{rng.randint(1, 23)} h"]
        )
    for key in ("approximate", "around"):
        if rng.random() < 0.3:
            meeting[key] = rng.random() < 0.5
    data: dict[str, Any] = {"section": _words(rng, 1, 4).title(), "meeting": meeting}
    if rng.random() < 0.4:
        data["title"] = _words(rng, 2, 6).title()
    if rng.random() < 0.3:
        data["published"] = f"{year + 1:04d}-01-01"
    if rng.random() < 0.4:
        data["photos"] = [
            _words(rng, 2, 6) if rng.random() < 0.6 else {"caption": _words(rng, 2, 5)}
            for _ in range(rng.randint(1, 3))
        ]
    data["principals"] = [_participant(rng) for _ in range(rng.randint(1, 3))]
    data["counterparts"] = [_participant(rng) for _ in range(rng.randint(1, 3))]
    points: list[Any] = []
    for _ in range(rng.randint(1, 5)):
        if rng.random() < 0.7:
            points.append(_words(rng, 3, 30) + ".")
        else:
            item: dict[str, Any] = {"text": _words(rng, 3, 20) + "."}
            if rng.random() < 0.5:
                item["heading"] = _words(rng, 1, 3).title()
            if rng.random() < 0.6:
                item["points"] = [_words(rng, 2, 10) + "." for _ in range(rng.randint(1, 3))]
            points.append(item)
    data["points"] = points
    if rng.random() < 0.3:
        data["phrasing"] = {"weekday": rng.random() < 0.5, "home_label": "Japan time"}
    if rng.random() < 0.3:
        data["footnotes"] = ["(Provisional translation)"]
    return data


def dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=88)


# -- almost valid: one structural change to valid data -------------------------------------

_ODD_VALUES: list[Any] = [
    None,
    "",
    " ",
    0,
    -5,
    1.5,
    True,
    "NO",
    "18:05",
    [],
    ["x"],
    {},
    {"a": 1},
    "2023-02-30 25:61",
    "9999-12-31 23:59",
    "0001-01-01 00:10",
    "2999-12-31 23:59",
    "America/NewYork",
    "EST",
    "0 min",
    "25 hours",
    "x" * 300,
]


def _paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += _paths(value, (*prefix, index))
    return out


def almost_valid(data: dict[str, Any], rng: random.Random) -> dict[str, Any]:
    """`data` with one value deleted, retyped, or one key misspelt."""
    data = copy.deepcopy(data)
    paths = [p for p in _paths(data) if p]
    path = rng.choice(paths)
    parent: Any = data
    for part in path[:-1]:
        parent = parent[part]
    last = path[-1]
    action = rng.randrange(4)
    if action == 0:  # delete
        del parent[last]
    elif action == 1:  # swap type
        parent[last] = copy.deepcopy(rng.choice(_ODD_VALUES))
    elif action == 2 and isinstance(last, str):  # misspell a key
        value = parent.pop(last)
        i = rng.randrange(len(last))
        parent[last[:i] + last[i + 1 :] or "x"] = value
    else:  # an unknown key beside it
        target = parent if isinstance(parent, dict) else data
        target[rng.choice(["duraton", "titel", "extra", "<<", "kind", "1"])] = "x"
    return data


# -- text and byte mutations -----------------------------------------------------------------

TOKENS = [
    "&a ",
    "*a",
    "*nope",
    "!!python/object:os.system ",
    "!!binary ",
    "!custom ",
    "!!str ",
    "!!int ",
    ": ",
    "- ",
    "? ",
    "{",
    "}",
    "[",
    "]",
    '"',
    "'",
    "|",
    ">-",
    "---\n",
    "...\n",
    "%YAML 1.1\n",
    "%TAG ! tag:x,2000:\n",
    "# ",
    "<<: *a\n",
    "\t",
    "\\",
    "\r",
    "\u2028",
    "\ufeff",
    "\U0001f600",
    "@",
    "`",
    ",",
    "18:05",
    "NO",
    "~",
    "\x85",
]


def _lines(text: str) -> list[str]:
    return text.split("\n")


def op_delete_line(text: str, a: int, b: int) -> str:
    lines = _lines(text)
    del lines[a % len(lines)]
    return "\n".join(lines)


def op_duplicate_line(text: str, a: int, b: int) -> str:
    lines = _lines(text)
    i = a % len(lines)
    lines.insert(i, lines[i])
    return "\n".join(lines)


def op_swap_lines(text: str, a: int, b: int) -> str:
    lines = _lines(text)
    i, j = a % len(lines), b % len(lines)
    lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def op_indent(text: str, a: int, b: int) -> str:
    """Wrong indentation: one line moved in or out by 1-4 spaces, or indented by a tab."""
    lines = _lines(text)
    i = a % len(lines)
    shift = b % 9 - 4
    if shift == 0:
        lines[i] = "\t" + lines[i]
    elif shift > 0:
        lines[i] = " " * shift + lines[i]
    else:
        stripped = lines[i].lstrip(" ")
        lines[i] = " " * max(0, len(lines[i]) - len(stripped) + shift) + stripped
    return "\n".join(lines)


def op_insert_token(text: str, a: int, b: int) -> str:
    at = a % (len(text) + 1)
    return text[:at] + TOKENS[b % len(TOKENS)] + text[at:]


def op_delete_span(text: str, a: int, b: int) -> str:
    at = a % (len(text) + 1)
    return text[:at] + text[at + b % 40 :]


def op_truncate(text: str, a: int, b: int) -> str:
    return text[: a % (len(text) + 1)]


def op_value_swap(text: str, a: int, b: int) -> str:
    """Replace one line's value (after `: ` or `- `) with an odd one."""
    lines = _lines(text)
    i = a % len(lines)
    odd = [
        "",
        "~",
        "null",
        "0",
        "-1",
        "1.5",
        "true",
        "[]",
        "{}",
        "[1, 2]",
        "{a: 1}",
        "NO",
        "'18:05'",
        "2023-13-45",
        "*a",
        "&a x",
        "|",
        '"\\x00"',
        '"\\e[31m"',
    ][b % 19]
    line = lines[i]
    for sep in (": ", "- "):
        if sep in line:
            lines[i] = line[: line.index(sep) + len(sep)] + odd
            break
    else:
        lines[i] = line + " " + odd
    return "\n".join(lines)


TEXT_OPS: dict[str, Callable[[str, int, int], str]] = {
    "delete_line": op_delete_line,
    "duplicate_line": op_duplicate_line,
    "swap_lines": op_swap_lines,
    "indent": op_indent,
    "insert_token": op_insert_token,
    "delete_span": op_delete_span,
    "truncate": op_truncate,
    "value_swap": op_value_swap,
}


def byte_insert(raw: bytes, a: int, b: int) -> bytes:
    at = a % (len(raw) + 1)
    return raw[:at] + bytes([b % 256, (b >> 8) % 256][: 1 + b % 2]) + raw[at:]


def byte_flip(raw: bytes, a: int, b: int) -> bytes:
    if not raw:
        return bytes([b % 256])
    at = a % len(raw)
    return raw[:at] + bytes([raw[at] ^ (1 << (b % 8))]) + raw[at + 1 :]


def byte_replace(raw: bytes, a: int, b: int) -> bytes:
    if not raw:
        return raw
    at = a % len(raw)
    return raw[:at] + bytes([b % 256]) + raw[at + 1 :]


def encode(raw: bytes, a: int, b: int) -> bytes:
    """Re-encode: CRLF, a BOM, UTF-16/32 with or without BOM, Latin-1, or CR only."""
    text = raw.decode("utf-8", errors="replace")
    choice = a % 8
    if choice == 0:
        return raw.replace(b"\n", b"\r\n")
    if choice == 1:
        return b"\xef\xbb\xbf" + raw
    if choice == 2:
        return text.encode("utf-16")
    if choice == 3:
        return text.encode("utf-16-be")
    if choice == 4:
        return text.encode("utf-32")
    if choice == 5:
        return text.encode("latin-1", errors="replace")
    if choice == 6:
        return raw.replace(b"\n", b"\r")
    return b"\xfe\xff" + raw  # a BOM that lies


BYTE_OPS: dict[str, Callable[[bytes, int, int], bytes]] = {
    "byte_insert": byte_insert,
    "byte_flip": byte_flip,
    "byte_replace": byte_replace,
    "encode": encode,
}

OPS = sorted(TEXT_OPS) + sorted(BYTE_OPS)

Step = tuple[str, int, int]


def mutate(text: str, steps: list[Step]) -> bytes:
    """Apply mutation steps in order; text steps after a byte step work on its UTF-8 reading."""
    raw = text.encode("utf-8")
    for name, a, b in steps:
        if name in TEXT_OPS:
            current = raw.decode("utf-8", errors="surrogateescape")
            raw = TEXT_OPS[name](current, a, b).encode("utf-8", errors="surrogateescape")
        else:
            raw = BYTE_OPS[name](raw, a, b)
    return raw


# -- one input for the campaign --------------------------------------------------------------

CATEGORIES = ("valid", "almost_valid", "mutated_seed", "mutated_generated", "junk")


def random_steps(rng: random.Random, max_steps: int = 4) -> list[Step]:
    return [
        (rng.choice(OPS), rng.randrange(1 << 16), rng.randrange(1 << 16))
        for _ in range(rng.randint(1, max_steps))
    ]


def _suite_texts() -> list[bytes]:
    """The official YAML test suite's inputs, read in place (none when it is absent)."""
    try:
        from tests.fuzz.yaml_suite import cases
    except ImportError:  # run as a script (bench/fuzz_campaign.py): tests/fuzz is on the path
        from yaml_suite import cases  # type: ignore[no-redef]
    return [case.text for case in cases()]


SUITE_TEXTS = _suite_texts()


def generate(rng: random.Random) -> tuple[str, bytes]:
    """One fuzz input and its category."""
    roll = rng.random()
    if 0.75 <= roll < 0.85 and SUITE_TEXTS:
        raw = rng.choice(SUITE_TEXTS)
        if rng.random() < 0.5:
            return "yaml_suite", raw
        return "yaml_suite_mutated", mutate(raw.decode("utf-8", "replace"), random_steps(rng))
    if roll < 0.15:
        return "valid", dump(valid_data(rng)).encode("utf-8")
    if roll < 0.35:
        return "almost_valid", dump(almost_valid(valid_data(rng), rng)).encode("utf-8")
    if roll < 0.75:
        return "mutated_seed", mutate(rng.choice(SEEDS), random_steps(rng))
    if roll < 0.95:
        return "mutated_generated", mutate(dump(valid_data(rng)), random_steps(rng))
    size = rng.choice([0, 1, 2, 16, 256, 4096])
    return "junk", bytes(rng.randrange(256) for _ in range(size))
