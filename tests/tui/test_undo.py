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
