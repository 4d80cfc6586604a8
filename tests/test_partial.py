"""The partial preview: the page as far as the facts go, with visible gaps, made by the
renderer's own rules and templates."""

from __future__ import annotations

import pytest

from author.check import check_text
from author.loader import load_yaml
from author.partial import partial_page
from author.render import render
from tests.fuzz.corpus import EXAMPLES


def test_a_new_readout_is_all_gaps() -> None:
    page = partial_page({"principals": [{}], "counterparts": [{}], "points": [""]})
    assert page is not None
    assert page.splitlines()[:5] == ["[section]", "", "[date]", "", (
        "On [date], commencing at [start time], [principal], held a meeting with "
        "[counterpart]. The overview of the meeting is as follows."
    )]
    assert "  1. [point]" in page


def test_the_facts_typed_so_far_show_and_the_rest_are_gaps() -> None:
    data = {
        "section": "Japan-Ukraine Relations",
        "sectoin": "a misspelt key is left out of the page",
        "meeting": {"kind": "meting", "start": "2023-09-20 18:05", "timezone": "America/New_York",
                    "duration": "25 minuets"},
        "principals": [{"honorific": "Ms.", "family_name": "Kamikawa", "given_name": "Yoko"}],
        "counterparts": [{}],
        "points": ["The two Ministers met."],
    }
    page = partial_page(data)
    assert page is not None
    assert (
        "On September 20, commencing at 6:05 p.m. (local time; on September 21, 7:05 a.m. JST) "
        "for [25 minuets], Ms. KAMIKAWA Yoko, [title], held a [meting] with [counterpart]."
    ) in page  # a refused duration and kind show as written, in brackets
    assert "The overview of the [meting] is as follows." in page
    assert "  1. The two Ministers met." in page


@pytest.mark.parametrize("path", EXAMPLES, ids=lambda p: p.name)
def test_a_valid_readout_renders_exactly_as_author_render(path) -> None:
    text = path.read_text(encoding="utf-8")
    result = check_text(text, str(path))
    assert result.readout is not None
    assert partial_page(load_yaml(text).data) == render(result.readout, "text")


def test_what_cannot_be_a_readout_shows_nothing() -> None:
    assert partial_page(["a", "list"]) is None
    assert partial_page(None) is None


def test_a_wrong_time_zone_leaves_the_local_time_and_a_gap_for_the_home_time() -> None:
    data = {
        "section": "S",
        "meeting": {"start": "2023-09-20 18:05", "timezone": "America/NewYork"},
        "principals": [{"family_name": "Kamikawa", "title": "Minister"}],
        "counterparts": [{"family_name": "Kuleba", "title": "Minister"}],
        "points": ["The two Ministers met."],
    }
    page = partial_page(data)
    assert page is not None
    assert "On September 20, commencing at 6:05 p.m. (local time; [JST time])," in page

