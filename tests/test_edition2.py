"""Edition 2 of the format: every example of readout-format.md's "Additions, edition 2"
renders exactly as written there, and every added error points where the contract says."""

from __future__ import annotations

from typing import Any

import pytest
import yaml

from author.check import check_text
from author.model import Readout
from author.render import lead_parts, render

HAYASHI = {
    "honorific": "Mr.",
    "family_name": "Hayashi",
    "given_name": "Yoshimasa",
    "title": "Minister for Foreign Affairs of Japan",
}
MANALO = {
    "honorific": "H.E. Mr.",
    "given_name": "Enrique A.",
    "family_name": "Manalo",
    "title": "Secretary of Foreign Affairs of the Republic of the Philippines",
}
RAU = {
    "honorific": "H.E. Prof.",
    "given_name": "Zbigniew",
    "family_name": "Rau",
    "title": "Minister of Foreign Affairs of the Republic of Poland",
}
H = "Mr. HAYASHI Yoshimasa, Minister for Foreign Affairs of Japan"
G7 = "G7 Foreign Ministers’ Meeting"


def readout(meeting: dict[str, Any], **top: Any) -> Readout:
    data: dict[str, Any] = {
        "section": "Press Releases",
        "meeting": {"start": "2023-04-17 10:00", **meeting},
        "principals": [HAYASHI],
        "counterparts": [MANALO],
        "points": ["A point."],
    }
    data.update(top)
    data = {k: v for k, v in data.items() if v is not None}
    result = check_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True))
    assert result.readout is not None, [d.text() for d in result.diagnostics]
    assert result.errors == []
    return result.readout


def lead(meeting: dict[str, Any], **top: Any) -> str:
    return lead_parts(readout(meeting, **top)).sentence


def after_date(sentence: str) -> str:
    """The lead from the principal on (`On April 17, commencing at …,` cut off)."""
    return sentence[sentence.index("Mr. HAYASHI") :]


# -- Named meetings and the added kinds --------------------------------------------------------


@pytest.mark.parametrize(
    ("meeting", "verb", "closing"),
    [
        (
            {"kind": "meeting", "name": "Japan-Philippines Foreign Ministers’ Meeting"},
            "held a Japan-Philippines Foreign Ministers’ Meeting with",
            "The overview of the meeting is as follows.",
        ),
        (
            {
                "kind": "strategic_dialogue",
                "name": "Japan-India Foreign Ministers’ Strategic Dialogue",
            },
            "held a Japan-India Foreign Ministers’ Strategic Dialogue with",
            "The overview of the dialogue is as follows.",
        ),
        (
            {
                "kind": "video_conference",
                "name": "Japan-U.S.-ROK Foreign Ministers’ Video Conference Meeting",
            },
            "held a Japan-U.S.-ROK Foreign Ministers’ Video Conference Meeting with",
            "The overview of the meeting is as follows.",
        ),
        (
            {"kind": "summit_meeting", "name": "leaders’ meeting"},
            "held a leaders’ meeting with",
            "The overview of the meeting is as follows.",
        ),
        (
            {"kind": "informal_talk"},
            "held an informal talk with",
            "The overview of the talk is as follows.",
        ),
        (
            {"kind": "summit_telephone_talk"},
            "held a summit telephone talk with",
            "The overview of the talk is as follows.",
        ),
        (
            {"kind": "strategic_dialogue"},
            "held a strategic dialogue with",
            "The overview of the dialogue is as follows.",
        ),
        (
            {"kind": "meeting", "name": "informal meeting"},
            "held an informal meeting with",
            "The overview of the meeting is as follows.",
        ),
    ],
)
def test_named_meetings_and_kinds(meeting: dict, verb: str, closing: str) -> None:
    sentence = lead(meeting)
    assert f"{H}, {verb} H.E. Mr. Enrique A. MANALO, Secretary of Foreign Affairs" in sentence
    assert sentence.endswith(f"Philippines. {closing}")


# -- Multilateral meetings: role ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("role", "written"),
    [
        ("hosted", f"{H}, hosted the {G7}."),
        ("attended", f"{H}, attended the {G7}."),
        ("participated", f"{H}, participated in the {G7}."),
        ("chaired", f"{H}, chaired the {G7}."),
        ("co_chaired", f"{H}, co-chaired the {G7}."),
    ],
)
def test_role_without_counterparts(role: str, written: str) -> None:
    for counterparts in (None, []):
        sentence = lead({"kind": "meeting", "role": role, "name": G7}, counterparts=counterparts)
        assert after_date(sentence) == f"{written} The overview of the meeting is as follows."


def test_role_with_counterparts_follows_with() -> None:
    quad = "Japan-Australia-India-U.S. Foreign Ministers’ Meeting"
    people = [
        {
            "honorific": "Senator the Hon.",
            "given_name": "Penny",
            "family_name": "Wong",
            "title": "Minister for Foreign Affairs of Australia",
        },
        {
            "honorific": "Dr.",
            "given_name": "S.",
            "family_name": "Jaishankar",
            "title": "Minister of External Affairs of India",
        },
        {
            "honorific": "The Honorable",
            "given_name": "Antony",
            "family_name": "Blinken",
            "title": "Secretary of State of the United States of America",
            "context": "who are visiting Japan",
        },
    ]
    sentence = lead({"kind": "meeting", "role": "chaired", "name": quad}, counterparts=people)
    assert after_date(sentence) == (
        f"{H}, chaired the {quad} with Senator the Hon. Penny WONG, Minister for Foreign Affairs "
        "of Australia, Dr. S. JAISHANKAR, Minister of External Affairs of India, and The "
        "Honorable Antony BLINKEN, Secretary of State of the United States of America, who are "
        "visiting Japan. The overview of the meeting is as follows."
    )
    co = lead({"kind": "meeting", "role": "co_chaired", "name": quad}, counterparts=people[:1])
    assert f"{H}, co-chaired the {quad} with Senator the Hon. Penny WONG," in co


def test_role_closing_keeps_the_kinds_noun() -> None:
    talk = lead(
        {"kind": "telephone_talk", "role": "hosted", "name": "G7 Foreign Ministers’ Telephone Talk"}
    )
    assert talk.endswith("The overview of the talk is as follows.")
    dialogue = lead(
        {
            "kind": "strategic_dialogue",
            "role": "co_chaired",
            "name": "Japan-India Strategic Dialogue",
        }
    )
    assert dialogue.endswith("The overview of the dialogue is as follows.")


def test_note_follows_the_closing_after_one_space() -> None:
    note = "(Foreign Ministers of the G7 countries and the High Representative of the EU attended.)"
    sentence = lead(
        {"kind": "meeting", "role": "hosted", "name": G7, "note": note}, counterparts=None
    )
    assert sentence.endswith(f"hosted the {G7}. The overview of the meeting is as follows. {note}")


# -- Groups and name forms ---------------------------------------------------------------------


def test_a_group_is_printed_verbatim_with_its_context() -> None:
    group = {
        "group": "the Ambassadors of the Latin American and Caribbean countries to Japan",
        "context": "who are visiting Japan",
    }
    sentence = lead({"kind": "courtesy_call_received"}, counterparts=[group])
    assert after_date(sentence) == (
        f"{H}, received a courtesy call from the Ambassadors of the Latin American and "
        "Caribbean countries to Japan, who are visiting Japan. The overview of the courtesy "
        "call is as follows."
    )


def test_a_group_of_the_g7() -> None:
    sentence = lead({"kind": "video_conference"}, counterparts=[{"group": "the G7"}])
    assert f"{H}, held a video teleconference meeting with the G7. The overview" in sentence


@pytest.mark.parametrize(
    ("person", "written"),
    [
        (
            {
                "honorific": "the Hon.",
                "given_name": "Anthony",
                "family_name": "Albanese",
                "suffix": ", MP",
                "title": "Prime Minister of Australia",
            },
            "the Hon. Anthony ALBANESE, MP, Prime Minister of Australia",
        ),
        (
            {
                "given_name": "Joseph R.",
                "family_name": "Biden",
                "suffix": ", Jr.",
                "title": "President of the United States of America",
            },
            "Joseph R. BIDEN, Jr., President of the United States of America",
        ),
        (
            {
                "honorific": "the Rt Hon",
                "given_name": "Elizabeth",
                "family_name": "Truss",
                "suffix": "MP",
                "title": "Secretary of State for Foreign, Commonwealth and Development Affairs",
            },
            "the Rt Hon Elizabeth TRUSS MP, Secretary of State for Foreign, Commonwealth and "
            "Development Affairs",
        ),
    ],
)
def test_suffix_forms(person: dict, written: str) -> None:
    sentence = lead({"kind": "telephone_talk"}, counterparts=[person])
    assert f"held a telephone talk with {written}. The overview" in sentence


def test_title_first_principal() -> None:
    former = {
        "family_name": "Hayashi",
        "given_name": "Yoshimasa",
        "honorific": "Mr.",
        "title": "former Foreign Minister",
        "title_first": True,
    }
    sentence = lead({"kind": "telephone_talk"}, principals=[former])
    assert (
        "10:00 a.m., former Foreign Minister HAYASHI Yoshimasa held a telephone talk with "
        "H.E. Mr. Enrique A. MANALO" in sentence
    )


# -- Follow-ons --------------------------------------------------------------------------------


def test_a_meeting_followed_by_a_working_dinner() -> None:
    sentence = lead(
        {
            "kind": "meeting",
            "start": "2023-05-08 18:00",
            "duration": "60 min",
            "followed_by": [{"kind": "working_dinner", "start": "19:30", "duration": 90}],
        },
        counterparts=[RAU],
    )
    assert after_date(sentence) == (
        f"{H}, held a meeting with H.E. Prof. Zbigniew RAU, Minister of Foreign Affairs of the "
        "Republic of Poland, followed by a working dinner commencing at 7:30 p.m. for "
        "approximately one and a half hours. The overview of the meeting and the working "
        "dinner is as follows."
    )


def test_two_follow_ons_and_the_closing_names_every_part() -> None:
    sentence = lead(
        {
            "kind": "meeting",
            "start": "2023-05-08 17:00",
            "duration": 50,
            "followed_by": [
                {"kind": "joint_press_conference"},
                {"kind": "working_dinner", "start": "18:10", "duration": "1 h"},
            ],
        },
        counterparts=[RAU],
    )
    assert sentence.endswith(
        "Poland, followed by a joint press conference and a working dinner commencing at 6:10 "
        "p.m. for approximately one hour. The overview of the meeting, the joint press "
        "conference, and the working dinner is as follows."
    )


def test_follow_ons_abroad_carry_their_own_home_time() -> None:
    parts = lead_parts(
        readout(
            {
                "kind": "meeting",
                "start": "2023-09-20 18:05",
                "timezone": "America/New_York",
                "duration": 25,
                "followed_by": [
                    {
                        "kind": "working_dinner",
                        "start": "19:00",
                        "duration": 60,
                        "approximate": False,
                    },
                    {"kind": "signing_ceremony", "start": "2023-09-21 00:30"},
                ],
            },
        )
    )
    assert parts.followed_by == (
        "followed by a working dinner commencing at 7:00 p.m. (local time; on September 21, "
        "8:00 a.m. JST) for one hour and a signing ceremony on September 21 commencing at "
        "0:30 a.m. (local time; 1:30 p.m. JST)"
    )
    dinner, ceremony = parts.follow_ons
    # The facts, for another language's page: local and home starts.
    assert (dinner.start.hour, dinner.home.home.hour, dinner.home.home.day) == (19, 8, 21)
    assert ceremony.new_day and parts.parts == ("meeting", "working dinner", "signing ceremony")


@pytest.mark.parametrize(
    ("follow_on", "noun"),
    [
        ({"kind": "working_lunch"}, "a working lunch"),
        ({"kind": "working_dinner"}, "a working dinner"),
        ({"kind": "meeting"}, "a meeting"),
        ({"kind": "joint_press_conference"}, "a joint press conference"),
        ({"kind": "signing_ceremony"}, "a signing ceremony"),
        ({"kind": "dinner"}, "a dinner"),
        ({"kind": "lunch"}, "a lunch"),
        (
            {"kind": "dinner", "name": "ASEAN-Japan Commemorative Dinner"},
            "an ASEAN-Japan Commemorative Dinner",
        ),
        ({"kind": "lunch", "name": "Japan-Poland luncheon"}, "a Japan-Poland luncheon"),
    ],
)
def test_follow_on_nouns(follow_on: dict, noun: str) -> None:
    sentence = lead({"kind": "meeting", "followed_by": [follow_on]})
    assert f"Philippines, followed by {noun}. The overview of the meeting and the " in sentence


# -- Points and the page -----------------------------------------------------------------------

PHILIPPINES = {
    "section": "Press Releases",
    "title": "Japan-Philippines Foreign Ministers’ Meeting",
    "notice": "[Provisional translation]",
    "points": [
        {"heading": "Bilateral Relations", "points": ["Maritime cooperation", "Economic ties"]},
        "First paragraph of the point.\n\nSecond paragraph of the same point.",
        {"heading": "Regional Affairs", "text": "One.\n\nTwo."},
    ],
}


def page(fmt: str) -> str:
    return render(readout({"kind": "meeting"}, photos=["Caption"], **PHILIPPINES), fmt)


def test_text_page_section_then_title_notice_and_points() -> None:
    lines = page("text").split("\n")
    assert lines[:7] == [
        "Press Releases",
        "",
        "Japan-Philippines Foreign Ministers’ Meeting",
        "",
        "April 17, 2023",
        "[Provisional translation]",
        "Caption",
    ]
    start = lines.index("  1. Bilateral Relations")
    assert lines[start : start + 11] == [
        "  1. Bilateral Relations",
        "     (1) Maritime cooperation",
        "     (2) Economic ties",
        "  2. First paragraph of the point.",
        "",
        "     Second paragraph of the same point.",
        "  3. Regional Affairs",
        "     One.",
        "",
        "     Two.",
        "",
    ]


def test_a_later_paragraph_lines_up_with_a_two_digit_number() -> None:
    points = [f"Point {n}." for n in range(1, 10)] + ["Ten.\n\nStill ten."]
    lines = render(readout({"kind": "meeting"}, points=points)).split("\n")
    at = lines.index("  10. Ten.")
    assert lines[at + 1 : at + 3] == ["", "      Still ten."]


def test_markdown_keeps_paragraphs_in_their_item() -> None:
    from markdown_it import MarkdownIt

    tokens = MarkdownIt("commonmark").parse(page("md"))
    items, depth, paragraphs_in = [], 0, {}
    for token in tokens:
        if token.type == "list_item_open":
            depth += 1
            items.append(0)
        elif token.type == "list_item_close":
            depth -= 1
        elif token.type == "paragraph_open" and depth:
            items[-1] += 1
        elif token.type == "inline" and depth:
            paragraphs_in.setdefault(len(items), []).append(token.content)
    assert len(items) == 3  # the sub-points stay lines of their item, not a list of their own
    assert paragraphs_in[2] == [
        "First paragraph of the point.",
        "Second paragraph of the same point.",
    ]
    assert paragraphs_in[3][-1] == "Two."
    text = page("md")
    assert text.startswith("Press Releases\n\n# Japan-Philippines Foreign Ministers’ Meeting\n")
    assert "\\[Provisional translation\\]" in text


def test_html_keeps_paragraphs_in_their_item() -> None:
    html = page("html")
    assert '<p class="section">Press Releases</p>\n<h1>Japan-Philippines' in html
    assert '<p class="notice">[Provisional translation]</p>' in html
    assert (
        "<li><p>First paragraph of the point.</p>\n<p>Second paragraph of the same point.</p>\n</li>"
    ) in html
    assert "<li><strong>Bilateral Relations</strong>\n" in html


def test_without_a_title_the_section_alone_is_the_heading() -> None:
    text = render(readout({"kind": "meeting"}))
    assert text.startswith("Press Releases\n\nApril 17, 2023\n")


def test_headings_and_sub_points_need_no_final_period() -> None:
    result = check_text(
        yaml.safe_dump(
            {
                "section": "S",
                "meeting": {"kind": "meeting", "start": "2023-04-17 10:00"},
                "principals": [HAYASHI],
                "counterparts": [MANALO],
                "points": [
                    {"heading": "Bilateral Relations", "points": ["Maritime cooperation"]},
                    {"text": "No period", "points": ["Economic ties"]},
                ],
            }
        )
    )
    assert [(d.code, d.loc) for d in result.diagnostics] == [
        ("point-punctuation", ("points", 1, "text"))
    ]


# -- Errors, where they point ------------------------------------------------------------------

BASE = """\
section: Press Releases
meeting:
  kind: meeting
  start: 2023-05-08 18:00
  duration: 60 min
principals:
  - honorific: Mr.
    family_name: Hayashi
    title: Minister for Foreign Affairs of Japan
counterparts:
  - honorific: H.E. Prof.
    family_name: Rau
    title: Minister of Foreign Affairs of the Republic of Poland
points:
  - A point.
"""


def problems(text: str) -> list[tuple[int, int, str, str]]:
    return [(d.line, d.col, d.severity, d.code) for d in check_text(text).diagnostics]


def edit(old: str, new: str) -> str:
    assert old in BASE, old
    return BASE.replace(old, new, 1)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        # a courtesy call has no name: at meeting.name
        (
            "  kind: meeting\n",
            "  kind: courtesy_call_paid\n  name: Japan-Poland Meeting\n",
            (4, 9, "name-not-used"),
        ),
        # role without name: missing-field at `meeting`
        ("  kind: meeting\n", "  kind: meeting\n  role: hosted\n", (3, 3, "missing-field")),
        # a group with a name: at the first name or title field
        (
            "  - honorific: H.E. Prof.\n",
            "  - group: the G7\n    honorific: H.E. Prof.\n",
            (12, 16, "group-with-name"),
        ),
        # a follow-on not after the meeting: at its start
        (
            "  duration: 60 min\n",
            "  duration: 60 min\n  followed_by:\n    - kind: working_dinner\n      start: '18:30'\n",
            (8, 14, "follow-on-order"),
        ),
        (
            "  duration: 60 min\n",
            "  duration: 60 min\n  followed_by:\n    - kind: dinner\n    - kind: lunch\n"
            "      start: 2023-05-08 17:00\n",
            (9, 14, "follow-on-order"),
        ),
        # near values get a "did you mean"
        ("  kind: meeting\n", "  kind: informal_tlak\n", (3, 9, "bad-value")),
        (
            "  kind: meeting\n",
            "  kind: meeting\n  name: G7 Meeting\n  role: hostd\n",
            (5, 9, "bad-value"),
        ),
        (
            "  duration: 60 min\n",
            "  duration: 60 min\n  followed_by:\n    - kind: working_diner\n      start: '19:30'\n",
            (7, 13, "bad-value"),
        ),
        ("  duration: 60 min\n", "  duration: 60 min\n  folowed_by: []\n", (6, 3, "unknown-field")),
        (
            "    family_name: Rau\n",
            "    family_name: Rau\n    title_frist: true\n",
            (13, 5, "unknown-field"),
        ),
        (
            "  duration: 60 min\n",
            "  duration: 60 min\n  followed_by:\n    - kind: dinner\n      start: 7 pm\n",
            (8, 14, "bad-start"),
        ),
        # counterparts only with a role may be absent
        (
            "counterparts:\n  - honorific: H.E. Prof.\n    family_name: Rau\n"
            "    title: Minister of Foreign Affairs of the Republic of Poland\n",
            "",
            (1, 1, "missing-field"),
        ),
        (
            "    family_name: Rau\n    title: Minister of Foreign Affairs of the Republic of Poland\n",
            "    family_name: Rau\n",
            (11, 5, "missing-field"),
        ),
        # a mapping point with nothing in it
        ("  - A point.\n", "  - heading: ''\n", (15, 5, "empty-point")),
    ],
)
def test_each_added_error_at_its_line(old: str, new: str, expected: tuple) -> None:
    found = problems(edit(old, new))
    line, col, code = expected
    assert (line, col, "error", code) in found, found


def test_suggestions_for_near_values() -> None:
    result = check_text(
        edit("  kind: meeting\n", "  kind: meeting\n  name: G7 Meeting\n  role: cochaired\n")
    )
    [problem] = result.errors
    assert problem.suggestion == "co_chaired" and "did you mean 'co_chaired'?" in problem.message
    result = check_text(edit("  kind: meeting\n", "  kind: sumit_telephone_talk\n"))
    assert result.errors[0].suggestion == "summit_telephone_talk"


def test_every_problem_of_an_edition_2_file_in_one_run() -> None:
    text = edit("  kind: meeting\n", "  kind: courtesy_call_received\n  name: Call\n")
    text = text.replace(
        "  - honorific: H.E. Prof.\n", "  - group: the G7\n    honorific: H.E. Prof.\n"
    )
    text = text.replace("  - A point.\n", "  - heading: ''\n")
    codes = {code for _, _, _, code in problems(text)}
    assert {"name-not-used", "group-with-name", "empty-point"} <= codes, codes


def test_role_makes_counterparts_optional_and_name_required_message() -> None:
    text = edit("  kind: meeting\n", "  kind: meeting\n  role: hosted\n")
    [problem] = check_text(text).errors
    assert problem.loc == ("meeting", "name")
    assert "missing required field 'name' in meeting" in problem.message


def test_word_document_opens_with_the_section_line_then_the_title() -> None:
    docx = pytest.importorskip("docx")
    import io

    from author.word import readout_docx

    data = readout({"kind": "meeting"}, photos=["Caption"], **PHILIPPINES)
    document = docx.Document(io.BytesIO(readout_docx(data)))
    texts = [p.text for p in document.paragraphs]
    assert texts[:5] == [
        "Press Releases",
        "Japan-Philippines Foreign Ministers’ Meeting",
        "April 17, 2023",
        "[Provisional translation]",
        "Caption",
    ]
    assert "Second paragraph of the same point." in texts


def test_a_point_of_sub_points_only_renders_in_every_format() -> None:
    # Found by the fuzz campaign: a mapping point with sub-points and neither text nor
    # heading stopped the text template.
    data = readout({"kind": "meeting"}, points=[{"points": ["First", "Second"]}])
    assert "  1.\n     (1) First\n     (2) Second\n" in render(data)
    assert "1.\n   (1) First<br>\n   (2) Second\n" in render(data, "md")
    assert "<li>(1) First</li>" in render(data, "html")
