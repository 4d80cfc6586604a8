"""Name forms: the lead's `{honorific} {name}{ suffix}` and the points' short reference."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

NameOrder = Literal["family_first", "given_first"]

KNOWN_HONORIFICS = (
    "Mr.",
    "Ms.",
    "Mrs.",
    "Dr.",
    "Prof.",
    "H.E. Mr.",
    "H.E. Ms.",
    "H.E. Mrs.",
    "H.E. Dr.",
    "H.E. Prof.",
    "H.E.",
    "H.M.",
    "H.R.H.",
    "H.H.",
    "H.I.H.",
    "the Hon.",
    "Hon.",
    "the Honorable",
    "the Honourable",
    "the Rt Hon",
    "the Rt Hon.",
    "the Right Honourable",
    "Senator the Hon.",
    "Sir",
    "Dame",
    "Lord",
    "Lady",
    "Sheikh",
    "Sheikha",
)

# A malformed form and what it should be, e.g. `H. E. Mr.` and `H.E Mr.` → `H.E. Mr.`.
_HE = re.compile(r"^H\.?\s*E\.?(?=\s|$)")


def normalize_honorific(honorific: str) -> str:
    """The well-formed spelling of an honorific: `H. E. Mr.` → `H.E. Mr.`, `Mr` → `Mr.`."""
    text = " ".join(honorific.split())
    text = _HE.sub("H.E.", text)
    words = text.split(" ")
    fixed = [w + "." if w in ("Mr", "Ms", "Mrs", "Dr", "Prof", "Hon") else w for w in words]
    return " ".join(fixed)


def is_known_honorific(honorific: str) -> bool:
    return honorific in KNOWN_HONORIFICS


def capitalize_family(family_name: str, caps: bool) -> str:
    return family_name.upper() if caps else family_name


@lru_cache(maxsize=1024)  # called for every listed person in every point
def title_case_family(family_name: str) -> str:
    """How points refer to a family name: `KULEBA` → `Kuleba`; `del Rosario` stays as is."""
    if family_name.isupper():
        return "-".join(
            " ".join(part.capitalize() for part in piece.split(" "))
            for piece in family_name.split("-")
        )
    return family_name


def personal_name(
    family_name: str | None,
    given_name: str | None,
    order: NameOrder,
    caps: bool = True,
) -> str:
    """`KAMIKAWA Yoko` (family first) or `Dmytro KULEBA` (given first)."""
    family = capitalize_family(family_name or "", caps)
    parts = [family, given_name] if order == "family_first" else [given_name, family]
    return " ".join(p for p in parts if p)


def formal_name(
    *,
    honorific: str | None,
    family_name: str | None,
    given_name: str | None,
    order: NameOrder,
    suffix: str | None = None,
    display_name: str | None = None,
    caps: bool = True,
) -> str:
    """The name as the lead gives it: `H.E. Mr. Dmytro KULEBA`, `the Rt Hon Elizabeth TRUSS MP`."""
    if display_name:
        return display_name
    name = personal_name(family_name, given_name, order, caps)
    text = f"{honorific} {name}" if honorific else name
    return with_suffix(text, suffix)


def with_suffix(name: str, suffix: str | None) -> str:
    """`TRUSS` + `MP` → `TRUSS MP`; a suffix that opens with a comma attaches to the name:
    `ALBANESE` + `, MP` → `ALBANESE, MP`, `BIDEN` + `, Jr.` → `BIDEN, Jr.`."""
    if not suffix:
        return name
    return f"{name}{suffix}" if suffix.startswith(",") else f"{name} {suffix}"


@dataclass(frozen=True)
class ParticipantText:
    """A participant as the lead prints it. `closed` is false when it ends without a clause
    of its own (a title-first name or a group, with no context): then no comma follows it
    before the verb, and two such join with a plain ` and `."""

    text: str
    closed: bool = True


def participant_text(
    *,
    name: str,
    title: str | None,
    context: str | None = None,
    title_first: bool = False,
    group: str | None = None,
) -> ParticipantText:
    """`{name}, {title}[, {context}]`; title first: `{title} {name}` (the name without its
    honorific); a group: `{group}[, {context}]`."""
    if group is not None:
        text = group
    elif title_first:
        text = f"{title} {name}" if title else name
    else:
        text = f"{name}, {title}" if title else name
    if context:
        return ParticipantText(f"{text}, {context}")
    return ParticipantText(text, closed=group is None and not title_first)


def join_participants(items: list[ParticipantText]) -> str:
    """One side of the lead: `A, title A, and B, title B` (each ends its own title clause),
    or `A and B` when neither has a clause of its own."""
    if len(items) == 2 and not any(item.closed for item in items):
        return f"{items[0].text} and {items[1].text}"
    return join_list([item.text for item in items])


_TITLE_CUT = re.compile(r" of | for |,")


def title_word(title: str) -> str:
    """The words of a title before its first ` of `, ` for ` or `,`: `Minister`."""
    return _TITLE_CUT.split(title, maxsplit=1)[0].strip()


def default_short(title: str, family_name: str | None, display_name: str | None = None) -> str:
    """`Minister for Foreign Affairs of Japan` + `KAMIKAWA` → `Minister Kamikawa`."""
    head = title_word(title)
    if family_name:
        return f"{head} {title_case_family(family_name)}".strip()
    if display_name:
        return f"{head} {display_name.split()[-1]}".strip()
    return head


def join_list(items: list[str]) -> str:
    """`A`; `A, and B`; `A, B, and C` — each item already ends its own title clause."""
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + ", and " + items[-1]
