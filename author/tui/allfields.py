"""The edition-2 fields of the form (a meeting's name, role and note, its follow-ons, a
notice, mentions, a group participant, title-first) and when the form shows them.

The form starts with format 1's fields only, so a simple readout stays a short form; the
others appear when the readout uses any of them, or with F10 ("all fields")."""

from __future__ import annotations

from typing import Any

# The CSS class of a row (or section) that holds an edition-2 field, and the class of the
# form that shows them.
EDITION_2_FIELD = "e2-field"
SHOW_ALL = "-all-fields"

_TOP = ("notice", "mentions")
_MEETING = ("name", "role", "note", "followed_by")
_PARTICIPANT = ("group", "title_first")


def uses_edition_2(data: Any) -> bool:
    """Whether the readout's data holds any field that only the full form shows."""
    if not isinstance(data, dict):
        return False
    if any(data.get(key) is not None for key in _TOP):
        return True
    meeting = data.get("meeting")
    if isinstance(meeting, dict) and any(meeting.get(key) is not None for key in _MEETING):
        return True
    for side in ("principals", "counterparts"):
        people = data.get(side)
        for person in people if isinstance(people, list) else []:
            if isinstance(person, dict) and any(
                person.get(key) not in (None, False) for key in _PARTICIPANT
            ):
                return True
    return False
