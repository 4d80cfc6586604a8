"""Undo and redo (Ctrl+Z / Ctrl+Y) with real key presses: typing, removals and moves,
across fields."""

from __future__ import annotations

import copy
from pathlib import Path

from author.tui.app import AuthorApp

from .conftest import focused_id, notices, settle, type_text


async def test_f6_then_ctrl_z_restores_the_participant(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        before = copy.deepcopy(app.session.data)
        app.editor.query_one("#counterparts-0-title").focus()
        await pilot.press("f6")
        await settle(pilot)
        assert app.session.data["counterparts"] == []
        assert any(
            "Counterpart 1 (H.E. Mr. Dmytro KULEBA) removed; Ctrl+Z to undo" in notice
            for notice in notices(app)
        )
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.data == before
        assert not app.session.dirty
        assert app.editor.query_one("#counterparts-0-family_name").value == "Kuleba"
        assert focused_id(pilot) == "counterparts-0-honorific"
        await pilot.press("ctrl+y")  # and redo removes it again
        await settle(pilot)
        assert app.session.data["counterparts"] == []


async def test_undo_a_removed_point_and_a_move(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        points = copy.deepcopy(app.session.data["points"])
        app.editor.query_one("#point-1-text").focus()
        await pilot.press("f8")  # point 2 moves down
        await settle(pilot)
        assert app.session.data["points"] == [points[0], points[2], points[1]]
        await pilot.press("f6")  # and is removed
        await settle(pilot)
        assert any("Point 3 removed; Ctrl+Z to undo" in n for n in notices(app))
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.data["points"] == [points[0], points[2], points[1]]
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert app.session.data["points"] == points
        assert app.editor.query_one("#point-1-text").text == points[1]


async def test_typing_in_a_field_is_one_step_and_steps_cross_fields(
    reference_copy: Path,
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        section = app.editor.query_one("#section")
        section.focus()
        await pilot.press("end")
        await type_text(pilot, " and more")
        await settle(pilot)
        await pilot.press("tab")  # Title
        await type_text(pilot, "A title")
        await settle(pilot)
        assert app.session.data["title"] == "A title"
        await pilot.press("ctrl+z")  # the title goes, in one step
        await settle(pilot)
        assert "title" not in app.session.data
        assert app.editor.query_one("#title").value == ""
        await pilot.press("ctrl+z")  # then the typing in another field
        await settle(pilot)
        assert app.session.data["section"] == "Japan-Ukraine Relations"
        assert section.value == "Japan-Ukraine Relations"
        assert focused_id(pilot) == "section"
        assert not app.session.dirty
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "Nothing to undo" in notices(app)[-1]
        await pilot.press("ctrl+y", "ctrl+y")
        await settle(pilot)
        assert app.session.data["section"] == "Japan-Ukraine Relations and more"
        assert app.session.data["title"] == "A title"
        assert app.editor.query_one("#title").value == "A title"


async def test_undo_a_checkbox_and_a_choice(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        box = app.editor.query_one("#around")
        box.focus()
        await pilot.press("space")
        await settle(pilot)
        assert app.session.data["meeting"]["around"] is True
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "around" not in app.session.data["meeting"]
        assert box.value is False
        assert not app.session.dirty


SPELT = """\
section: Japan-Ukraine Relations
meeting:
  kind: meting
  start: 2023-09-20 18:05
  timezone: America/New_York
principals:
  - family_name: Kamikawa
    title: Minister for Foreign Affairs of Japan
counterparts:
  - family_name: Kuleba
    titel: Minister for Foreign Affairs of Ukraine
points:
  - The two Ministers met.
"""


async def test_an_unknown_key_is_shown_in_place_and_renamed_with_one_key(
    tmp_path: Path,
) -> None:
    path = tmp_path / "spelt.readout.yaml"
    path.write_text(SPELT, encoding="utf-8")
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        from author.tui.widgets.unknown import UnknownFields, UnknownRow

        unknown = app.editor.query_one(UnknownFields)
        (row,) = unknown.query(UnknownRow)
        assert "counterparts[0].titel" in row.text and "did you mean 'title'?" in row.text
        # the invalid kind shows as written, with the suggestion under it
        kind = app.editor.query_one("#kind")
        assert kind.value == "meting"
        assert "did you mean 'meeting'?" in str(kind.parent.message.content)
        # Enter on the problem in the list goes to it; Enter there renames the key
        await pilot.press("f3")
        problems = app.editor.problems
        index = next(i for i, d in enumerate(problems.diagnostics) if d.code == "unknown-field")
        problems.highlighted = index
        await pilot.press("enter")
        await pilot.pause()
        assert app.focused is not None and "Rename to title" in str(app.focused.label)
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.data["counterparts"][0]["title"] == "Minister for Foreign Affairs of Ukraine"
        assert app.editor.query_one("#counterparts-0-title").value.startswith("Minister")
        assert not unknown.query(UnknownRow)
        await pilot.press("ctrl+z")
        await settle(pilot)
        assert "titel" in app.session.data["counterparts"][0]
