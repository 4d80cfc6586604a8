"""`author new --kind KIND`: a starter for each kind, whose commented-in extras (a name, a
role, follow-ons, a group) validate once filled and uncommented."""

from __future__ import annotations

import re

import pytest

from author.check import check_text
from author.model import Kind
from author.starter import USES, starter_text
from tests.conftest import run_author


def test_every_kind_has_a_starter() -> None:
    assert set(USES) == {kind.value for kind in Kind}


def filled(text: str) -> str:
    """The starter with its fields filled in and its edition-2 extras uncommented."""
    text = text.replace("section:  ", "section: Press Releases  ", 1)
    text = text.replace("  start:  ", "  start: 2024-07-08 17:10  ", 1)
    text = re.sub(r"(?m)^    family_name: +#.*$", "    family_name: Kamikawa", text, count=1)
    text = re.sub(
        r"(?m)^    title: +# e\.g\. Minister for Foreign Affairs of Japan$",
        "    title: Minister for Foreign Affairs of Japan",
        text,
    )
    text = text.replace(
        "    given_name:\n    family_name:\n    title:               # e.g. Minister for Foreign "
        "Affairs of Ukraine",
        "    given_name: Dmytro\n    family_name: Kuleba\n    title: Minister for Foreign Affairs "
        "of Ukraine",
    )
    text = text.replace("  - >-\n", "  - >-\n    The two ministers met.\n")
    text = text.replace("  # name:  ", "  name: Japan-Ukraine Meeting  ")
    text = text.replace("  # role: hosted", "  role: hosted")
    text = text.replace("  # followed_by:", "  followed_by:")
    text = text.replace("  #   - kind: working_dinner", "    - kind: working_dinner")
    text = text.replace('  #     start: "19:30"', '      start: "19:30"')
    text = text.replace("  #     duration: 90 min", "      duration: 90 min")
    return text


@pytest.mark.parametrize("kind", sorted(USES))
def test_starter_of_each_kind_validates_once_filled(kind: str) -> None:
    text = starter_text(kind)
    assert f"\n  kind: {kind}\n" in text
    uses = USES[kind]
    assert ("# name:" in text) == ("name" in uses)
    assert ("# role:" in text) == ("role" in uses)
    assert ("# followed_by:" in text) == ("follow_on" in uses)
    assert ("# - group:" in text) == ("group" in uses)
    result = check_text(filled(text))
    assert result.errors == [], [d.text() for d in result.diagnostics]
    meeting = result.readout.meeting
    assert meeting.kind.value == kind
    assert (meeting.name is not None) == ("name" in uses)
    assert (meeting.role is not None) == ("role" in uses)
    assert bool(meeting.followed_by) == ("follow_on" in uses)


def test_a_group_in_the_starter_validates_in_place_of_the_person() -> None:
    text = starter_text("courtesy_call_received")
    person = text[text.index("counterparts:") :].split("\n  # - group", 1)[0]
    text = text.replace(person, "counterparts:")
    text = text.replace("  # - group:", "  - group:")
    result = check_text(filled(text))
    assert result.errors == [], [d.text() for d in result.diagnostics]
    assert result.readout.counterparts[0].group.startswith("the Ambassadors")


def test_the_default_starter_is_the_meeting_one() -> None:
    done = run_author("new")
    assert done.returncode == 0
    assert "\n  kind: meeting\n" in done.stdout and done.stdout.count("# followed_by:") == 1


def test_an_unknown_kind_is_a_usage_error_with_a_suggestion() -> None:
    done = run_author("new", "--kind", "sumit_meeting")
    assert done.returncode == 2
    assert "did you mean 'summit_meeting'?" in done.stderr
