"""Edition 2's small rules, table by table: articles, verbs, closings, follow-ons, name forms."""

from __future__ import annotations

import pytest

from author.rules.names import (
    ParticipantText,
    join_participants,
    participant_text,
    with_suffix,
)
from author.rules.prose import (
    closing_for,
    follow_on_text,
    indefinite_article,
    join_and,
    verb_for,
)


@pytest.mark.parametrize(
    ("phrase", "article"),
    [
        ("informal talk", "an"),
        ("Japan-Philippines Foreign Ministers’ Meeting", "a"),
        ("India-Japan Foreign Ministers’ Strategic Dialogue", "an"),
        ("EU-Japan Summit", "an"),
        ("ASEAN-Japan Commemorative Summit", "an"),
        ("U.S.-Japan Summit Meeting", "a"),
        ("UN Security Council meeting", "a"),
        ("Ukraine-Japan meeting", "a"),
        ("European Council meeting", "a"),
        ("one-on-one meeting", "a"),
        ("hour-long meeting", "an"),
        ("FTA negotiation", "an"),
        ("NSC meeting", "an"),
        ("NATO summit", "a"),
        ("leaders’ meeting", "a"),
        ("Australia-Japan meeting", "an"),
        ("working dinner", "a"),
    ],
)
def test_indefinite_article(phrase: str, article: str) -> None:
    assert indefinite_article(phrase) == article


@pytest.mark.parametrize(
    ("kind", "name", "role", "with_counterparts", "verb"),
    [
        ("meeting", None, None, True, "held a meeting with"),
        ("informal_talk", None, None, True, "held an informal talk with"),
        ("summit_telephone_talk", None, None, True, "held a summit telephone talk with"),
        ("strategic_dialogue", None, None, True, "held a strategic dialogue with"),
        (
            "strategic_dialogue",
            "Japan-India Strategic Dialogue",
            None,
            True,
            "held a Japan-India Strategic Dialogue with",
        ),
        ("meeting", "ASEAN-Japan Meeting", None, True, "held an ASEAN-Japan Meeting with"),
        ("courtesy_call_paid", None, None, True, "paid a courtesy call on"),
        ("meeting", "G7 Meeting", "hosted", False, "hosted the G7 Meeting"),
        ("meeting", "G7 Meeting", "hosted", True, "hosted the G7 Meeting with"),
        ("meeting", "G7 Meeting", "chaired", True, "chaired the G7 Meeting with"),
        ("meeting", "G7 Meeting", "co_chaired", True, "co-chaired the G7 Meeting with"),
        ("meeting", "G7 Meeting", "attended", False, "attended the G7 Meeting"),
        ("meeting", "G7 Meeting", "participated", False, "participated in the G7 Meeting"),
        ("telephone_talk", "G7 Talk", "hosted", False, "hosted the G7 Talk"),
    ],
)
def test_verb_for(kind, name, role, with_counterparts, verb) -> None:
    assert verb_for(kind, name, role, with_counterparts) == verb


@pytest.mark.parametrize(
    ("kind", "follow_ons", "closing"),
    [
        ("meeting", (), "The overview of the meeting is as follows."),
        ("informal_talk", (), "The overview of the talk is as follows."),
        ("summit_telephone_talk", (), "The overview of the talk is as follows."),
        ("strategic_dialogue", (), "The overview of the dialogue is as follows."),
        ("courtesy_call_received", (), "The overview of the courtesy call is as follows."),
        (
            "meeting",
            ("working_dinner",),
            "The overview of the meeting and the working dinner is as follows.",
        ),
        (
            "meeting",
            ("joint_press_conference", "working_dinner"),
            "The overview of the meeting, the joint press conference, and the working dinner is "
            "as follows.",
        ),
        (
            "telephone_talk",
            ("signing_ceremony",),
            "The overview of the talk and the signing ceremony is as follows.",
        ),
        (
            "meeting",
            ("lunch", "dinner"),
            "The overview of the meeting, the lunch, and the dinner is as follows.",
        ),
    ],
)
def test_closing_for(kind, follow_ons, closing) -> None:
    assert closing_for(kind, follow_ons) == closing


@pytest.mark.parametrize(
    ("items", "joined"),
    [([], ""), (["A"], "A"), (["A", "B"], "A and B"), (["A", "B", "C"], "A, B, and C")],
)
def test_join_and(items, joined) -> None:
    assert join_and(items) == joined


@pytest.mark.parametrize(
    ("kind", "name", "extra", "text"),
    [
        ("working_dinner", None, {}, "a working dinner"),
        ("joint_press_conference", None, {}, "a joint press conference"),
        ("dinner", "ASEAN-Japan dinner", {}, "an ASEAN-Japan dinner"),
        (
            "working_dinner",
            None,
            {"clock": "7:30 p.m.", "duration": "approximately one and a half hours"},
            "a working dinner commencing at 7:30 p.m. for approximately one and a half hours",
        ),
        (
            "working_lunch",
            None,
            {"clock": "noon", "home": "(local time; 7:00 p.m. JST)"},
            "a working lunch commencing at noon (local time; 7:00 p.m. JST)",
        ),
        (
            "signing_ceremony",
            None,
            {"day": "September 21", "clock": "0:30 a.m."},
            "a signing ceremony on September 21 commencing at 0:30 a.m.",
        ),
        # a duration without a time says nothing, as in the lead
        ("lunch", None, {"duration": "approximately 30 minutes"}, "a lunch"),
    ],
)
def test_follow_on_text(kind, name, extra, text) -> None:
    assert follow_on_text(kind, name, **extra) == text


@pytest.mark.parametrize(
    ("name", "suffix", "written"),
    [
        ("the Hon. Anthony ALBANESE", ", MP", "the Hon. Anthony ALBANESE, MP"),
        ("Joseph R. BIDEN", ", Jr.", "Joseph R. BIDEN, Jr."),
        ("the Rt Hon Elizabeth TRUSS", "MP", "the Rt Hon Elizabeth TRUSS MP"),
        ("Mr. KISHIDA Fumio", None, "Mr. KISHIDA Fumio"),
    ],
)
def test_with_suffix(name, suffix, written) -> None:
    assert with_suffix(name, suffix) == written


@pytest.mark.parametrize(
    ("fields", "text", "closed"),
    [
        ({"name": "Mr. A", "title": "Minister"}, "Mr. A, Minister", True),
        (
            {"name": "Mr. A", "title": "Minister", "context": "who is visiting Japan"},
            "Mr. A, Minister, who is visiting Japan",
            True,
        ),
        (
            {"name": "HAYASHI Yoshimasa", "title": "former Foreign Minister", "title_first": True},
            "former Foreign Minister HAYASHI Yoshimasa",
            False,
        ),
        ({"name": "", "title": None, "group": "the G7"}, "the G7", False),
        (
            {"name": "", "title": None, "group": "the Ambassadors", "context": "who are visiting"},
            "the Ambassadors, who are visiting",
            True,
        ),
    ],
)
def test_participant_text(fields, text, closed) -> None:
    assert participant_text(**fields) == ParticipantText(text, closed)


@pytest.mark.parametrize(
    ("items", "joined"),
    [
        ([ParticipantText("A, t")], "A, t"),
        ([ParticipantText("A, t"), ParticipantText("B, u")], "A, t, and B, u"),
        ([ParticipantText("the G7", False), ParticipantText("the EU", False)], "the G7 and the EU"),
        ([ParticipantText("the G7", False), ParticipantText("B, u")], "the G7, and B, u"),
    ],
)
def test_join_participants(items, joined) -> None:
    assert join_participants(items) == joined
