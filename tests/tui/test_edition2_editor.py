"""Edition 2 in the editor, driven with Pilot: every added field editable, follow-ons with
their live home time, groups, title-first, heading-only and multi-paragraph points, notice
and mentions; the preview is what `author render` prints."""

from __future__ import annotations

import shutil
from pathlib import Path

from author.check import check_text
from author.render import render
from author.tui.app import AuthorApp
from author.tui.screens.dialogs import PointDetailsDialog
from author.tui.widgets.fields import FieldRow

from .conftest import REPO, focused_id, load_data, settle, type_text

G7 = REPO / "examples" / "g7-foreign-ministers-new-york-2023-09-18.readout.yaml"
POLAND = REPO / "examples" / "japan-poland-meeting-working-dinner-2023-05-08.readout.yaml"


def copy(source: Path, tmp_path: Path) -> Path:
    target = tmp_path / source.name
    shutil.copyfile(source, target)
    return target


def rendered(path_or_text: Path | str) -> str:
    text = path_or_text.read_text("utf-8") if isinstance(path_or_text, Path) else path_or_text
    result = check_text(text)
    assert result.readout is not None, [d.text() for d in result.diagnostics]
    return render(result.readout)


async def test_an_edition_2_file_opens_clean_and_previews_as_render(tmp_path: Path) -> None:
    for source in (G7, POLAND):
        path = copy(source, tmp_path)
        before = load_data(path)
        app = AuthorApp.for_file(path)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot)
            assert app.editor.result is not None and app.editor.result.diagnostics == []
            assert app.editor.preview.text == rendered(path)
            await pilot.press("ctrl+s")
            await pilot.pause()
        assert load_data(path) == before


async def test_meeting_name_role_note_notice_and_mentions(tmp_path: Path) -> None:
    path = copy(G7, tmp_path)
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.editor
        assert editor.query_one("#meeting-name").value == "G7 Foreign Ministers’ Meeting"
        assert editor.query_one("#role").value == "hosted"
        editor.query_one("#meeting-name").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "G7 Foreign Ministers’ Informal Meeting")
        await settle(pilot)
        assert "hosted the G7 Foreign Ministers’ Informal Meeting." in editor.preview.text.replace(
            "\n", " "
        )
        # the role, from its list: chaired
        editor.query_one("#role").focus()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "enter")  # from hosted, the next: chaired
        await settle(pilot)
        assert app.session.data["meeting"]["role"] == "chaired"
        assert "chaired the G7 Foreign Ministers’ Informal Meeting." in editor.preview.text
        # the note, after the closing
        editor.query_one("#meeting-note").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "(The G7 Foreign Ministers attended.)")
        await settle(pilot)
        assert "is as follows. (The G7 Foreign Ministers attended.)" in editor.preview.text
        # the notice, under the date line
        editor.query_one("#notice").focus()
        await type_text(pilot, "[Provisional translation]")
        await settle(pilot)
        assert "September 18, 2023\n[Provisional translation]\n" in editor.preview.text
        # mentions: with them, a third person the points name must be listed
        mentions = editor.query_one("#mentions")
        mentions.focus()
        await pilot.press("ctrl+a", "ctrl+k")  # line start, delete to its end
        await type_text(pilot, "Prime Minister Kishida")
        await settle(pilot)
        [problem] = editor.result.diagnostics
        assert problem.code == "unknown-person" and "President Zelenskyy" in problem.message
        row = mentions.parent
        assert isinstance(row, FieldRow)
        await pilot.press("enter")
        await type_text(pilot, "President Zelenskyy")
        await settle(pilot)
        assert editor.result.diagnostics == []
        assert app.session.data["mentions"] == ["Prime Minister Kishida", "President Zelenskyy"]
        # what the editor shows is what render gives for the file it saves
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor.preview.text == rendered(path)


async def test_a_role_without_a_name_is_shown_at_the_name(tmp_path: Path) -> None:
    path = copy(G7, tmp_path)
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#meeting-name").focus()
        await pilot.press("ctrl+u")
        await settle(pilot)
        [problem] = app.editor.result.errors
        assert problem.code == "missing-field" and problem.loc == ("meeting", "name")
        row = app.editor.query_one("#meeting-name").parent
        assert isinstance(row, FieldRow) and row.has_class("-error")


async def test_follow_ons_add_edit_reorder_remove_with_live_home_time(tmp_path: Path) -> None:
    path = copy(G7, tmp_path)  # in New York: each start gets its Japan time beside it
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.editor
        editor.query_one("#add-follow-on").focus()
        await pilot.press("enter")
        await pilot.pause()
        assert focused_id(pilot) == "follow-on-0-kind"
        assert app.session.data["meeting"]["followed_by"] == [{"kind": "working_dinner"}]
        await pilot.press("tab")
        assert focused_id(pilot) == "follow-on-0-start"
        await type_text(pilot, "19:30")
        await pilot.press("tab")
        await type_text(pilot, "90")
        await settle(pilot)
        card = editor.query_one("#follow-ons-editor").cards()[0]
        assert str(card.home_time.render()) == "= on September 19, 8:30 a.m. JST"
        text = editor.preview.text.replace("\n", " ")
        assert (
            "followed by a working dinner commencing at 7:30 p.m. (local time; on September 19, "
            "8:30 a.m. JST) for approximately one and a half hours. The overview of the meeting "
            "and the working dinner is as follows."
        ) in text
        # a second one (F5 adds after the current), a joint press conference with no time
        editor.query_one("#follow-on-0-start").focus()
        await pilot.press("f5")
        await pilot.pause()
        assert focused_id(pilot) == "follow-on-1-kind"
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("down", "down", "enter")  # working dinner → joint press conference
        await settle(pilot)
        kinds = [f["kind"] for f in app.session.data["meeting"]["followed_by"]]
        assert kinds == ["working_dinner", "joint_press_conference"]
        # move it first (F7), and the closing follows the order
        await pilot.press("f7")
        await settle(pilot)
        kinds = [f["kind"] for f in app.session.data["meeting"]["followed_by"]]
        assert kinds == ["joint_press_conference", "working_dinner"]
        assert focused_id(pilot) == "follow-on-0-kind"
        assert "the joint press conference, and the working dinner is as follows" in (
            editor.preview.text.replace("\n", " ")
        )
        # a start before the meeting ends is an error at that start
        editor.query_one("#follow-on-1-start").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "18:00")
        await settle(pilot)
        [problem] = editor.result.errors
        assert problem.code == "follow-on-order"
        row = editor.query_one("#follow-on-1-start").parent
        assert isinstance(row, FieldRow) and row.has_class("-error")
        # the live home time follows the meeting's zone too
        assert str(editor.query_one("#follow-ons-editor").cards()[1].home_time.render()) == (
            "= on September 19, 7:00 a.m. JST"
        )
        # remove both (F6)
        await pilot.press("f6")
        await pilot.pause()
        assert focused_id(pilot) == "follow-on-0-kind"
        await pilot.press("f6")
        await settle(pilot)
        assert "followed_by" not in app.session.data["meeting"]
        assert focused_id(pilot) == "add-follow-on"
        assert editor.result.errors == []


async def test_a_group_participant_and_a_title_first_principal(tmp_path: Path) -> None:
    path = copy(POLAND, tmp_path)
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.editor
        # the counterpart becomes a group: its name fields go, the group is printed as typed
        for key in ("honorific", "given_name", "family_name", "title", "context"):
            editor.query_one(f"#counterparts-0-{key}").focus()
            await pilot.press("ctrl+u")
        editor.query_one("#counterparts-0-group").focus()
        await type_text(pilot, "the Ambassadors of the EU Member States to Japan")
        await settle(pilot)
        assert editor.result.errors == []
        assert "held a meeting with the Ambassadors of the EU Member States to Japan, followed" in (
            editor.preview.text.replace("\n", " ")
        )
        card_name = str(editor.query(".participant .rendered-name")[1].render())
        assert card_name == "the Ambassadors of the EU Member States to Japan"
        # a name beside the group is an error at that field
        editor.query_one("#counterparts-0-title").focus()
        await type_text(pilot, "Ambassadors")
        await settle(pilot)
        [problem] = editor.result.errors
        assert problem.code == "group-with-name" and problem.loc[-1] == "title"
        await pilot.press("ctrl+u")
        # the principal, title first
        editor.query_one("#principals-0-title").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "former Foreign Minister")
        editor.query_one("#principals-0-title_first").focus()
        await pilot.press("space")
        await settle(pilot)
        assert app.session.data["principals"][0]["title_first"] is True
        assert "for approximately one hour, former Foreign Minister HAYASHI Yoshimasa held a " in (
            editor.preview.text.replace("\n", " ")
        )
        assert str(editor.query(".participant .rendered-name")[0].render()).startswith(
            "former Foreign Minister HAYASHI Yoshimasa"
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor.preview.text == rendered(path)


async def test_heading_only_and_multi_paragraph_points(tmp_path: Path) -> None:
    path = copy(POLAND, tmp_path)
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.editor
        # a second paragraph, typed in the point's multi-line editor
        point = editor.query_one("#point-0-text")
        point.focus()
        point.move_cursor(point.document.end)
        await pilot.press("enter", "enter")
        await type_text(pilot, "Minister Rau thanked Minister Hayashi.")
        await settle(pilot)
        assert editor.result.diagnostics == []
        lines = editor.preview.text.split("\n")
        at = lines.index("     Minister Rau thanked Minister Hayashi.")
        assert lines[at - 1] == "" and lines[at - 2].startswith("  1. Minister Hayashi welcomed")
        # a heading with sub-points and no text of its own
        second = editor.query_one("#point-1-text")
        second.focus()
        await pilot.press("f9")
        assert isinstance(app.screen, PointDetailsDialog)
        await type_text(pilot, "Ukraine")
        await pilot.press("enter")
        await type_text(pilot, "Support for Ukraine")
        await pilot.press("enter")
        await type_text(pilot, "Reconstruction")
        await pilot.press("f9")
        await pilot.pause()
        second.focus()
        await pilot.press("ctrl+a")
        while second.text:  # delete to the end of each wrapped line, as a user would
            await pilot.press("ctrl+k")
        await settle(pilot)
        assert app.session.data["points"][1] == {
            "heading": "Ukraine",
            "points": ["Support for Ukraine", "Reconstruction"],
        }
        assert editor.result.diagnostics == []
        assert "  2. Ukraine\n     (1) Support for Ukraine\n     (2) Reconstruction\n  3." in (
            editor.preview.text
        )
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert editor.preview.text == rendered(path)


async def test_f10_shows_the_edition_2_fields_of_a_format_1_readout(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.editor
        assert not editor.form.has_class("-all-fields")
        editor.query_one("#published").focus()
        await pilot.press("tab")
        assert focused_id(pilot) == "photos"  # the short form: format 1's fields only
        await pilot.press("f10")
        await pilot.pause()
        assert editor.form.has_class("-all-fields")
        assert focused_id(pilot) == "notice"
        await type_text(pilot, "[Provisional translation]")
        await pilot.press("tab")
        assert focused_id(pilot) == "photos"
        await settle(pilot)
        assert "\n[Provisional translation]\n" in editor.preview.text
        # the readout now uses them: F10 leaves them shown, and says why
        await pilot.press("f10")
        await pilot.pause()
        assert editor.form.has_class("-all-fields")
        assert any("they stay shown" in n for n in app.notices)


async def test_adding_and_removing_a_follow_on_can_be_undone(tmp_path: Path) -> None:
    path = copy(POLAND, tmp_path)
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        editor = app.editor
        editor.query_one("#follow-on-1-kind").focus()
        await pilot.press("f6")
        await settle(pilot)
        assert [f["kind"] for f in app.session.data["meeting"]["followed_by"]] == [
            "joint_press_conference"
        ]
        await pilot.press("ctrl+z")
        await settle(pilot)
        kinds = [f["kind"] for f in app.session.data["meeting"]["followed_by"]]
        assert kinds == ["joint_press_conference", "working_dinner"]
        assert len(editor.query_one("#follow-ons-editor").cards()) == 2
        assert editor.preview.text == rendered(POLAND)
