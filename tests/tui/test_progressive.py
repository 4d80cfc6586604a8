"""The form comes in two steps: its first part with the first paint, the rest right after
(author/tui/widgets/progressive.py). Every key that needs a field of the rest finds it:
these tests hold the rest back (`MOUNT_REST_AFTER_PAINT = False`) so that the keys, real
key presses sent in one burst, surely arrive while it is not mounted yet."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual import events
from textual.app import App, ComposeResult
from textual.geometry import Size

from author.tui.app import AuthorApp
from author.tui.screens.editor import EditorScreen
from author.tui.widgets.fields import BoundTextArea

from .conftest import focused_id, key_event, send_keys, settle

pytestmark = pytest.mark.while_mounting

TAB = events.Key("tab", "\t")


@pytest.fixture
def rest_held_back(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(EditorScreen, "MOUNT_REST_AFTER_PAINT", False)


async def tabs_from_section_to(path: Path, field_id: str) -> int:
    """How many Tabs lead from Section to `field_id` in the whole form."""
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await app.editor.all_mounted()
        await pilot.pause()
        chain = [widget.id for widget in app.editor.focus_chain]
    return chain.index(field_id) - chain.index("section")


async def test_the_rest_of_the_form_comes_right_after_the_first_paint(
    reference_copy: Path,
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.pause()
        assert app.editor.form.complete
        assert app.editor.query_one("#point-2-text").text.startswith("Minister Kamikawa")


async def test_tab_reaches_a_field_not_yet_mounted_and_takes_the_text_typed_there(
    reference_copy: Path, rest_held_back: None
) -> None:
    tabs = await tabs_from_section_to(reference_copy, "principals-0-suffix")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor = app.editor
        assert not editor.form.complete and not editor.query("#principals-0-suffix")
        send_keys(app, [TAB] * tabs + [key_event(char) for char in "MP"])
        await settle(pilot)
        assert focused_id(pilot) == "principals-0-suffix"
        assert app.session.data["principals"][0]["suffix"] == "MP"
        assert app.session.data["section"] == "Japan-Ukraine Relations"  # nothing typed there
        # and Shift+Tab goes back through them
        send_keys(app, [events.Key("shift+tab", None)] * tabs)
        await settle(pilot)
        assert focused_id(pilot) == "section"


async def test_enter_on_a_problem_moves_to_a_field_not_yet_mounted(
    reference_copy: Path, rest_held_back: None
) -> None:
    text = reference_copy.read_text(encoding="utf-8")
    without_title = text.replace("    title: Minister for Foreign Affairs of Ukraine\n", "")
    assert without_title != text
    reference_copy.write_text(without_title, encoding="utf-8")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor = app.editor
        assert not editor.form.complete and not editor.query("#counterparts-0-title")
        [problem] = editor.result.errors if editor.result else []
        assert problem.loc == ("counterparts", 0, "title")
        await pilot.press("f3", "enter")
        await settle(pilot)
        assert focused_id(pilot) == "counterparts-0-title"
        # the problem shows at its field too, once the field is there
        assert editor.query_one("#counterparts-0-title").parent.has_class("-error")


async def test_undo_and_redo_while_the_form_is_mounting(
    reference_copy: Path, rest_held_back: None
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        editor = app.editor
        assert not editor.form.complete and not editor.query("#place")
        await pilot.press("end", "!")
        assert not editor.form.complete
        await pilot.press("ctrl+z")  # the undo waits for the whole form, then shows its step
        await settle(pilot)
        assert app.session.data["section"] == "Japan-Ukraine Relations"
        assert editor.query_one("#section").value == "Japan-Ukraine Relations"
        assert focused_id(pilot) == "section"
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert editor.query_one("#section").value == "Japan-Ukraine Relations!"


async def test_undo_reaches_a_field_mounted_after_the_first_paint(
    reference_copy: Path, rest_held_back: None
) -> None:
    tabs = await tabs_from_section_to(reference_copy, "place")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not app.editor.form.complete and not app.editor.query("#place")
        send_keys(app, [TAB] * tabs + [key_event(char) for char in "UN Headquarters"])
        await settle(pilot)
        assert app.session.data["meeting"]["place"] == "UN Headquarters"
        await pilot.press("shift+tab", "ctrl+z")
        await settle(pilot)
        assert "place" not in app.session.data["meeting"]
        assert focused_id(pilot) == "place"
        await pilot.press("ctrl+y")
        await settle(pilot)
        assert app.editor.query_one("#place").value == "UN Headquarters"


async def test_f5_in_a_point_reached_while_mounting_adds_a_point(
    reference_copy: Path, rest_held_back: None
) -> None:
    """F5 in the first point, reached with Tab while the points were not mounted yet,
    adds a point after it."""
    tabs = await tabs_from_section_to(reference_copy, "point-0-text")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        count = len(app.session.data["points"])
        send_keys(app, [TAB] * tabs + [events.Key("f5", None)])
        await settle(pilot)
        assert len(app.session.data["points"]) == count + 1
        assert focused_id(pilot) == "point-1-text"  # the new point, after the first


POINT = (
    "Minister Kamikawa stated that since before taking office, she had been closely "
    "following the situation surrounding Russia's aggression against Ukraine."
)


class OneTextArea(App[None]):
    CSS = "TextArea { height: auto; }"

    def compose(self) -> ComposeResult:
        yield BoundTextArea(("points", 0), POINT, id="laid-out")


async def test_a_text_area_is_as_tall_as_its_text_at_the_width_it_is_laid_out() -> None:
    """Textual wraps a text area's lines on its Resize event, which a part of the form
    mounted below the fold after the first paint may never get (the screen's map of
    widgets, rebuilt by a refresh elsewhere between its mount and the next layout, holds
    it already, so the layout finds nothing new to tell): its height comes from the
    width each layout gives it instead. A box that never had the event, given the width
    of one that had, is as tall as that one."""
    async with OneTextArea().run_test(size=(50, 20)) as pilot:
        await pilot.pause()
        laid_out = pilot.app.query_one("#laid-out", BoundTextArea)
        rows, width = laid_out.size.height, laid_out.size.width
        assert rows > 1  # the text wraps at this width
        never_resized = BoundTextArea(("points", 1), POINT)
        assert never_resized.get_content_height(Size(50, 20), Size(50, 20), width) == rows
