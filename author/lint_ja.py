"""The Japanese page's checks, over the loaded data (as `lint`): `missing-translation`,
`translation-mismatch`, and the Japanese free-text checks (`clock-style`, `digit-width`,
`unknown-person`). They run for a readout that has any `ja` block; `render --lang ja`
asks for the missing translations of any readout, as errors.

Each problem stands at its node: a missing Japanese text at the English node that lacks
it, a finding at its words in the Japanese text.

This module is cheap to import (`lint` always does); the Japanese finders
(`rules.freetext_ja`, whose patterns cost milliseconds to compile) load only for a readout
that has a `ja` block, so `validate` of English readouts starts as fast as before.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any

from author.diagnostics import Loc, Problem, dotted

if TYPE_CHECKING:
    from author.rules.freetext_ja import KnownPersonJa

NAME_FIELDS = ("family_name", "display_name", "given_name")


def text_or_none(value: Any) -> str | None:
    """`value` if it is a text with something in it, else None."""
    # Not `value.strip()`: a point is long, and stripping copies it.
    return value if isinstance(value, str) and value and not value.isspace() else None


def indexed(value: Any) -> list[tuple[int, Any]]:
    """The items of `value` with their indexes, if it is a list (else none)."""
    return list(enumerate(value)) if isinstance(value, list) else []


def _mapping(value: Any) -> dict[str, Any]:
    return value if isinstance(value, dict) else {}


def _participants(data: dict[str, Any]) -> Iterator[tuple[Loc, dict[str, Any]]]:
    for side in ("principals", "counterparts"):
        for i, person in indexed(data.get(side)):
            if isinstance(person, dict):
                yield (side, i), person


def has_japanese(data: dict[str, Any]) -> bool:
    """Whether the loaded readout has any `ja` block (then it has a Japanese page)."""
    if "ja" in data or "ja" in _mapping(data.get("meeting")):
        return True
    if any("ja" in person for _, person in _participants(data)):
        return True
    return any(isinstance(p, dict) and "ja" in p for _, p in indexed(data.get("points")))


# -- what a point says in each language ------------------------------------------------------


PointPair = tuple[Loc, str | None, Loc, Any]


def point_pairs(data: dict[str, Any]) -> Iterator[PointPair]:
    """(English loc, English text, Japanese loc, Japanese value) for each text of each point:
    its text, heading and sub-points. A string point has no Japanese (it becomes a mapping
    `{text, ja}` when it gets one)."""
    for i, point in indexed(data.get("points")):
        if not isinstance(point, dict):
            yield ("points", i), text_or_none(point), ("points", i, "ja"), None
            continue
        ja = point.get("ja")
        ja_item = _mapping(ja)
        text_loc: Loc = ("points", i, "ja", "text") if isinstance(ja, dict) else ("points", i, "ja")
        ja_text = ja_item.get("text") if isinstance(ja, dict) else ja
        yield ("points", i, "text"), text_or_none(point.get("text")), text_loc, ja_text
        if "heading" in point:
            heading = ja_item.get("heading")
            yield (
                ("points", i, "heading"),
                text_or_none(point.get("heading")),
                (
                    "points",
                    i,
                    "ja",
                    "heading",
                ),
                heading,
            )
        subs = ja_item.get("points")
        for j, sub in indexed(point.get("points")):
            ja_sub = subs[j] if isinstance(subs, list) and j < len(subs) else None
            ja_loc: Loc = ("points", i, "ja", "points", j)
            yield ("points", i, "points", j), text_or_none(sub), ja_loc, ja_sub


# -- missing-translation -------------------------------------------------------------------


def missing_translations(
    data: dict[str, Any], pairs: Sequence[PointPair] | None = None
) -> Iterator[tuple[Loc, str]]:
    """(English loc, message) for each Japanese text the Japanese page needs and lacks.
    `pairs` are the readout's `point_pairs`, when the caller has them already."""
    yield from _missing_headings(data)
    for loc, person in _participants(data):
        yield from _missing_for_person(loc, person)
    for en_loc, english, ja_loc, japanese in point_pairs(data) if pairs is None else pairs:
        if english is not None and not text_or_none(japanese):
            what = {"heading": "heading", "text": "text"}.get(str(en_loc[-1]), "text")
            if en_loc[2:3] == ("points",):
                what = "sub-point"
            yield en_loc, f"no Japanese {what} for this point: add {dotted(ja_loc)}"
    ja = _mapping(data.get("ja"))
    for field, what in (("photos", "caption"), ("footnotes", "footnote")):
        given = indexed(ja.get(field))
        for j, _ in indexed(data.get(field)):
            if j >= len(given) or not text_or_none(given[j][1]):
                yield (field, j), f"no Japanese {what} for this one: add ja.{field}[{j}]"


def _missing_headings(data: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """The section's and the meeting name's Japanese texts."""
    if "section" in data and not text_or_none(_mapping(data.get("ja")).get("section")):
        yield ("section",), "no Japanese section: add ja.section (the desk, e.g. ウクライナ)"
    meeting = _mapping(data.get("meeting"))
    if "name" in meeting and not text_or_none(_mapping(meeting.get("ja")).get("name")):
        yield ("meeting", "name"), "no Japanese name for the meeting: add meeting.ja.name"


def _missing_for_person(loc: Loc, person: dict[str, Any]) -> Iterator[tuple[Loc, str]]:
    """A participant's Japanese name and title, or a group's Japanese text."""
    person_ja = _mapping(person.get("ja"))
    where = f"{loc[0]}[{loc[1]}].ja"
    if "group" in person:
        if not text_or_none(person_ja.get("group")):
            yield (*loc, "group"), f"no Japanese text for this group: add {where}.group"
        return
    if not text_or_none(person_ja.get("name")):
        name_loc = next((f for f in NAME_FIELDS if f in person), None)
        at = (*loc, name_loc) if name_loc else loc
        yield at, f"no Japanese name for this participant: add {where}.name"
    if not text_or_none(person_ja.get("title")):
        at = (*loc, "title") if "title" in person else loc
        yield at, f"no Japanese title for this participant: add {where}.title"


# -- the Japanese free texts ---------------------------------------------------------------


def japanese_texts(
    data: dict[str, Any], pairs: Sequence[PointPair] | None = None
) -> Iterator[tuple[Loc, str]]:
    """Every Japanese text the author wrote as prose: points (text, heading, sub-points),
    captions, footnotes, contexts and the meeting's note. `pairs` as `missing_translations`."""
    for _, _, ja_loc, japanese in point_pairs(data) if pairs is None else pairs:
        if text := text_or_none(japanese):
            yield ja_loc, text
    ja = _mapping(data.get("ja"))
    for field in ("photos", "footnotes"):
        for j, value in indexed(ja.get(field)):
            if text := text_or_none(value):
                yield ("ja", field, j), text
    for loc, person in _participants(data):
        if text := text_or_none(_mapping(person.get("ja")).get("context")):
            yield (*loc, "ja", "context"), text
    if text := text_or_none(_mapping(_mapping(data.get("meeting")).get("ja")).get("note")):
        yield ("meeting", "ja", "note"), text


def known_people_ja(data: dict[str, Any]) -> tuple[list[KnownPersonJa], list[str]]:
    """The participants as the Japanese points name them, and the Japanese offices (titles,
    headings) whose words are no names."""
    from author.rules import freetext_ja

    people, offices = [], []
    for _, person in _participants(data):
        person_ja = _mapping(person.get("ja"))
        name = text_or_none(person_ja.get("name")) or ""
        short = text_or_none(person_ja.get("short")) or ""
        if name or short:
            people.append(freetext_ja.known_person_ja(short, name))
        if title := text_or_none(person_ja.get("title")):
            offices.append(title)
    ja = _mapping(data.get("ja"))
    offices += [t for t in (text_or_none(ja.get("title")), text_or_none(ja.get("section"))) if t]
    return people, offices


# -- the checks ------------------------------------------------------------------------------


def japanese_problems(data: dict[str, Any]) -> Iterator[Problem]:
    """Every Japanese check of a readout that has a `ja` block."""
    from author.rules import freetext_ja

    pairs = list(point_pairs(data))
    for loc, message in missing_translations(data, pairs):
        yield Problem(loc, "warning", "missing-translation", message)
    translated = [(ja_loc, english, japanese) for _, english, ja_loc, japanese in pairs
                  if english is not None and text_or_none(japanese)]  # fmt: skip
    mismatches = freetext_ja.number_mismatches([(en, ja) for _, en, ja in translated])
    for (ja_loc, _, _), mismatch in zip(translated, mismatches, strict=True):
        if mismatch is not None:
            yield Problem(ja_loc, "warning", "translation-mismatch", mismatch.message())
    people, offices = known_people_ja(data)
    texts = list(japanese_texts(data, pairs))
    wide = freetext_ja.wide_digits_in([text for _, text in texts])
    for loc, text in texts:
        findings = [
            *freetext_ja.clock_findings_ja(text),
            *(freetext_ja.digit_width_findings(text) if wide else ()),
            *freetext_ja.reference_findings_ja(text, people, offices),
        ]
        for f in findings:
            words = (text, f.start, f.end)
            yield Problem(loc, "warning", f.code, f.message, f.suggestion, words)
