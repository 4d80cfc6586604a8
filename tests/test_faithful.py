"""Faithful saves: the text changes only where the data did.

Property tests over the fuzz corpus's valid readouts (generated ones, the examples and the
hand-written readout that uses every field): no edit gives the same bytes; one random edit
— a changed value, an added or removed key or list item, a moved item — changes only the
lines of that value, and the text reloads to exactly the edited data.
"""

from __future__ import annotations

import copy
import difflib
import random
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from author.loader import Document, load_yaml
from author.tui.faithful import FaithfulText, same
from tests.conftest import REFERENCE
from tests.fuzz.corpus import SEEDS, WORDS, dump, valid_data

SETTINGS = settings(
    max_examples=300,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)


def readout_texts() -> st.SearchStrategy[str]:
    generated = st.integers(0, 2**32 - 1).map(lambda seed: dump(valid_data(random.Random(seed))))
    return st.one_of(st.sampled_from(SEEDS), generated)


def paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    out = [prefix]
    if isinstance(data, dict):
        for key, value in data.items():
            out += paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            out += paths(value, (*prefix, index))
    return out


def at(data: Any, loc: tuple[Any, ...]) -> Any:
    for part in loc:
        data = data[part]
    return data


def changed_text(value: str, rng: random.Random) -> str:
    words = value.split(" ")
    i = rng.randrange(len(words))
    choice = rng.randrange(4)
    if choice == 0:
        words[i] = rng.choice(WORDS)
    elif choice == 1 and len(words) > 1:
        del words[i]
    elif choice == 2:
        words.insert(i, rng.choice(WORDS))
    else:
        words[i] = words[i] + rng.choice(["'s", ": x", " #1", "'", '"', "é"])
    return " ".join(words)


def new_value(rng: random.Random) -> Any:
    return rng.choice(
        [
            "A new text.",
            " ".join(rng.choice(WORDS) for _ in range(rng.randint(1, 40))),
            25,
            True,
            "18:05",
            "yes",
            {"caption": "New", "file": "x.jpg"},
            ["one", "two"],
            "two\nlines",
        ]
    )


def one_edit(data: dict[str, Any], rng: random.Random) -> tuple[dict[str, Any], str, tuple]:
    """`data` with one random edit; what kind of edit, and the loc it touched."""
    data = copy.deepcopy(data)
    loc = rng.choice([p for p in paths(data) if p])
    parent = at(data, loc[:-1])
    value = parent[loc[-1]]
    kind = rng.choice(["change", "change", "remove", "add", "move"])
    if kind == "change" or (kind == "move" and not isinstance(parent, list)):
        kind = "change"
        if isinstance(value, str) and value.strip():
            parent[loc[-1]] = changed_text(value, rng)
        elif isinstance(value, bool):
            parent[loc[-1]] = not value
        elif isinstance(value, int):
            parent[loc[-1]] = value + 1
        else:
            parent[loc[-1]] = new_value(rng)
    elif kind == "remove":
        if isinstance(parent, list) and len(parent) == 1:
            return one_edit(data, rng)
        del parent[loc[-1]]
    elif kind == "add":
        if isinstance(parent, list):
            parent.insert(rng.randrange(len(parent) + 1), new_value(rng))
        else:
            key = rng.choice(["title", "place", "suffix", "extra_key", "notes"])
            if key in parent:
                return one_edit(data, rng)
            parent[key] = new_value(rng)
        loc = loc[:-1]
    else:
        if len(parent) < 2:
            return one_edit(data, rng)
        i = min(loc[-1], len(parent) - 2)
        parent[i], parent[i + 1] = parent[i + 1], parent[i]
        loc = loc[:-1]
    return data, kind, loc


def lines_of(document: Document, loc: tuple[Any, ...]) -> range:
    """The lines (0-based) where the value at `loc` is written, its key included."""
    span = document.values[loc] if loc else document.span(())
    first = document.keys[loc].line if loc in document.keys else span.line
    end = span.end
    text = document.text
    last = text.count("\n", 0, max(end - 1, 0)) + 1
    return range(first - 1, last)


def changed_old_lines(old: str, new: str) -> set[int]:
    """Lines of `old` that were replaced or removed, and lines next to an insertion."""
    matcher = difflib.SequenceMatcher(None, old.splitlines(), new.splitlines(), autojunk=False)
    touched: set[int] = set()
    for tag, i1, i2, _, _ in matcher.get_opcodes():
        if tag in ("replace", "delete"):
            touched.update(range(i1, i2))
        elif tag == "insert":
            touched.add(max(i1 - 1, 0))
    return touched


@SETTINGS
@given(readout_texts())
def test_no_edit_keeps_every_byte(text: str) -> None:
    data = load_yaml(text).data
    faithful = FaithfulText(text, copy.deepcopy(data))
    assert faithful.text_for(data) == text


@SETTINGS
@given(readout_texts(), st.integers(0, 2**32 - 1))
def test_one_edit_changes_only_its_lines(text: str, seed: int) -> None:
    document = load_yaml(text)
    data = document.data
    edited, kind, loc = one_edit(data, random.Random(seed))
    faithful = FaithfulText(text, copy.deepcopy(data))
    out = faithful.text_for(edited)
    assert same(load_yaml(out).data, edited)
    assert faithful.last_mode != "dumped", (kind, loc)
    allowed = lines_of(document, loc)
    outside = changed_old_lines(text, out) - set(allowed)
    # an insertion lands after the line before the value, or just after it
    outside -= {allowed.start - 1, allowed.stop}
    assert not outside, (kind, loc, sorted(outside), out)


def test_a_one_word_edit_is_a_one_line_diff(reference_text: str) -> None:
    data = load_yaml(reference_text).data
    edited = copy.deepcopy(data)
    point = edited["points"][0]  # a mapping: the reference's points have Japanese texts
    point["text"] = point["text"].replace("great interest", "great concern")
    out = FaithfulText(reference_text, copy.deepcopy(data)).text_for(edited)
    diff = [
        line
        for line in difflib.unified_diff(reference_text.splitlines(), out.splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]
    assert diff == [
        "-      situation surrounding Russia's aggression against Ukraine with great interest",
        "+      situation surrounding Russia's aggression against Ukraine with great concern",
    ]


COMMENTED = """\
# top comment
section: Japan-Ukraine Relations   # inline comment
published: '2023-09-20'
sectoin: kept as written

meeting:
    kind: meeting    # four-space indentation
    start: "2023-09-20 18:05"
    duration: 25
principals:
- family_name: Kamikawa   # first
  title: Minister
# between the items
- family_name: Kuleba
  title: Minister
counterparts: [{family_name: Wong, title: Minister}]
points:
  - First point.

  # a comment before the second point
  - Second point.
"""


def test_comments_quoting_and_indentation_stay_as_written() -> None:
    data = load_yaml(COMMENTED).data
    edited = copy.deepcopy(data)
    edited["meeting"]["duration"] = 30
    edited["principals"][1]["title"] = "Prime Minister"
    edited["points"].append("Third point.")
    edited["counterparts"][0]["given_name"] = "Penny"
    out = FaithfulText(COMMENTED, copy.deepcopy(data)).text_for(edited)
    assert same(load_yaml(out).data, edited)
    expected = (
        COMMENTED.replace("duration: 25", "duration: 30")
        .replace("  title: Minister\ncounterparts", "  title: Prime Minister\ncounterparts")
        .replace("  - Second point.\n", "  - Second point.\n  - Third point.\n")
    )
    # the flow list is written again, in block style and the file's list indentation
    flow = "counterparts: [{family_name: Wong, title: Minister}]\n"
    block = "counterparts:\n- family_name: Wong\n  given_name: Penny\n  title: Minister\n"
    assert out == expected.replace(flow, block)


def test_removing_and_moving_keep_the_neighbours_and_comments() -> None:
    data = load_yaml(COMMENTED).data
    edited = copy.deepcopy(data)
    edited["principals"].reverse()
    del edited["points"][0]
    out = FaithfulText(COMMENTED, copy.deepcopy(data)).text_for(edited)
    assert same(load_yaml(out).data, edited)
    assert "# between the items" in out and "# a comment before the second point" in out
    assert "- family_name: Kamikawa   # first\n" in out  # moved with its comment
    assert "  - First point.\n" not in out


def test_crlf_and_a_missing_final_newline() -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("\n", "\r\n").rstrip("\r\n")
    data = load_yaml(text).data
    edited = copy.deepcopy(data)
    edited["points"].append("A last point.")
    edited["meeting"]["place"] = "New York"
    out = FaithfulText(text, copy.deepcopy(data)).text_for(edited)
    assert same(load_yaml(out).data, edited)
    assert "\n" not in out.replace("\r\n", "")
    assert out.endswith("\r\n  - A last point.")


def test_cr_only_line_ends_are_kept_and_an_edit_stays_in_place() -> None:
    """An old Mac file (CR alone ends each line) is edited in place, not written anew."""
    text = REFERENCE.read_text(encoding="utf-8").replace("\n", "\r")
    data = load_yaml(text).data
    edited = copy.deepcopy(data)
    edited["section"] = "Japan-Ukraine"
    edited["points"].append("A last point.")
    faithful = FaithfulText(text, copy.deepcopy(data))
    out = faithful.text_for(edited)
    assert faithful.last_mode == "spliced"
    assert same(load_yaml(out).data, edited)
    assert "\n" not in out
    before, after = text.split("\r"), out.split("\r")
    changed = [line for line in after if line not in before]
    assert changed == ["section: Japan-Ukraine", "  - A last point."]
