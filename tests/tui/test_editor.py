"""The editor's behaviour, driven with Pilot: validation at the field, reordering, saving."""

from __future__ import annotations

from pathlib import Path

from author.tui.app import AuthorApp
from author.tui.screens.dialogs import ChoiceDialog, PointDetailsDialog, SaveAsDialog
from author.tui.screens.help import HelpScreen
from author.tui.widgets.fields import FieldRow

from .conftest import SEED, focused_id, load_data, notices, settle, type_text


async def test_open_then_save_without_edits_keeps_the_data(reference_copy: Path) -> None:
    before = load_data(reference_copy)
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.editor.result is not None and app.editor.result.diagnostics == []
        assert "7:05 a.m. JST" in app.editor.preview.text
        assert not app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
    assert load_data(reference_copy) == before
    # the comment block at the top of the file is kept
    assert reference_copy.read_text(encoding="utf-8").startswith("# The meeting behind")


async def test_wrong_time_zone_shows_its_error_and_suggestion(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        zone = app.editor.query_one("#timezone")
        zone.focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "America/NewYork")
        await settle(pilot)
        row = zone.parent
        assert isinstance(row, FieldRow) and row.has_class("-error")
        assert row.message is not None
        shown = str(row.message.render())
        assert "unknown time zone 'America/NewYork'" in shown
        assert "did you mean 'America/New_York'?" in shown
        assert app.editor.result is not None
        [problem] = app.editor.result.errors
        assert problem.code == "unknown-timezone"
        assert problem.suggestion == "America/New_York"
        # the preview keeps the last good page and says why
        assert app.editor.preview.text.startswith("Japan-Ukraine Relations")
        assert "1 error" in str(app.editor.preview.status.render())
        # choosing the problem in the list moves the focus to its field
        app.editor.query_one("#section").focus()
        await pilot.press("f3")
        assert focused_id(pilot) == "problems"
        await pilot.press("enter")
        assert focused_id(pilot) == "timezone"
        # fixing it clears the field
        await pilot.press("ctrl+u")
        await type_text(pilot, "America/New_York")
        await settle(pilot)
        assert not row.has_class("-error") and row.message is None


async def test_reorder_points_with_the_keyboard(reference_copy: Path) -> None:
    first, second, third = load_data(reference_copy)["points"]
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#point-0-text").focus()
        await pilot.press("f8")  # move down
        await pilot.pause()
        assert app.session.data["points"] == [second, first, third]
        assert focused_id(pilot) == "point-1-text"
        await pilot.press("f8")
        await pilot.pause()
        assert app.session.data["points"] == [second, third, first]
        await pilot.press("f8")  # already last: nothing moves
        await pilot.pause()
        assert app.session.data["points"] == [second, third, first]
        await pilot.press("f7", "f7")  # back up to the top
        await pilot.pause()
        assert app.session.data["points"] == [first, second, third]
        assert focused_id(pilot) == "point-0-text"
        await pilot.press("f6")  # delete the first point
        await settle(pilot)
        assert app.session.data["points"] == [second, third]
        assert "  1. Minister Kamikawa has stated that she held" in app.editor.preview.text


async def test_add_and_reorder_participants(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#counterparts-0-title").focus()
        await pilot.press("f5")  # a new counterpart after this one
        await pilot.pause()
        assert focused_id(pilot) == "counterparts-1-honorific"
        await type_text(pilot, "Mr.")
        await pilot.press("tab")
        await type_text(pilot, "Doe")
        await pilot.press("tab")
        await type_text(pilot, "John")
        for _ in range(4):
            await pilot.press("tab")
        assert focused_id(pilot) == "counterparts-1-title"
        await type_text(pilot, "Ambassador of Ukraine to Japan")
        await settle(pilot)
        name = str(app.editor.query(".participant .rendered-name")[2].render())
        assert name.startswith("Mr. John DOE, Ambassador of Ukraine to Japan")
        assert "Ukraine, and Mr. John DOE, Ambassador" in app.editor.preview.text
        await pilot.press("f7")  # move the new counterpart up
        await settle(pilot)
        sides = app.session.data["counterparts"]
        assert [p["family_name"] for p in sides] == ["Doe", "Kuleba"]
        assert focused_id(pilot) == "counterparts-0-title"
        assert "with Mr. John DOE, Ambassador of Ukraine to Japan, and H.E. Mr. Dmytro" in (
            app.editor.preview.text
        )
        await pilot.press("f6")  # remove him again
        await settle(pilot)
        assert [p["family_name"] for p in app.session.data["counterparts"]] == ["Kuleba"]


async def test_preview_updates_after_an_edit(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.editor.preview.text.startswith("Japan-Ukraine Relations\n")
        app.editor.query_one("#title").focus()
        await type_text(pilot, "Foreign Ministers' Meeting")
        await pilot.pause(0.3)  # the throttled check runs by itself
        # With a title, the section line comes first (edition 2, "The page").
        assert app.editor.preview.text.startswith(
            "Japan-Ukraine Relations\n\nForeign Ministers' Meeting\n"
        )
        app.editor.query_one("#duration").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "1 h 10 min")
        await settle(pilot)
        assert "for 70 minutes" not in app.editor.preview.text
        assert "for approximately 70 minutes" in app.editor.preview.text
        assert str(app.editor.query_one("#duration-words").render()) == "= 70 minutes"
        assert app.session.data["meeting"]["duration"] == "1 h 10 min"
        await pilot.press("ctrl+u")
        await type_text(pilot, "25")
        await settle(pilot)
        assert app.session.data["meeting"]["duration"] == 25
        # the preview widget shows exactly the rendered page after these partial updates
        assert app.editor.preview.page.text == app.editor.preview.text


async def test_unsaved_changes_guard(reference_copy: Path) -> None:
    original = reference_copy.read_text(encoding="utf-8")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")  # a field selects its text when it takes the focus
        await type_text(pilot, " (draft)")
        assert app.session.dirty
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("c")  # cancel: keep editing
        await pilot.pause()
        assert not isinstance(app.screen, ChoiceDialog)
        assert app.is_running
        await pilot.press("ctrl+q")
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("d")  # discard
        await pilot.pause()
    assert app.return_value == 0
    assert reference_copy.read_text(encoding="utf-8") == original

    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await type_text(pilot, " (saved)")
        await pilot.press("ctrl+q")
        await pilot.press("s")  # save, then quit
        await pilot.pause()
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations (saved)"


async def test_quit_without_changes_does_not_ask(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("ctrl+q")
        await pilot.pause()
    assert app.return_value == 0


async def test_external_change_asks_before_overwriting(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await type_text(pilot, " (mine)")
        external = reference_copy.read_text(encoding="utf-8").replace(
            "section: Japan-Ukraine Relations", "section: Changed Elsewhere"
        )
        reference_copy.write_text(external, encoding="utf-8")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "changed on disk" in app.screen.question
        await pilot.press("c")
        await pilot.pause()
        assert reference_copy.read_text(encoding="utf-8") == external
        assert app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("o")  # overwrite
        await pilot.pause()
        assert not app.session.dirty
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations (mine)"


async def test_saving_with_errors_is_allowed_and_says_so(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#duration").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "0 min")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any(
            "with 1 error; the page cannot be rendered until they are fixed" in text
            for text in notices(app)
        )
    assert load_data(reference_copy)["meeting"]["duration"] == "0 min"


async def test_a_failed_save_keeps_the_data_and_says_why(tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("", encoding="utf-8")
    app = AuthorApp.for_file(blocker / "x.readout.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "Japan-Ukraine Relations")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Cannot save" in text for text in notices(app))
        assert app.session.dirty
        assert app.session.data["section"] == "Japan-Ukraine Relations"


async def test_a_new_readout_asks_for_a_file_name(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    app = AuthorApp.for_file(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "Japan-Ukraine Relations")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsDialog)
        await type_text(pilot, "meeting")
        await pilot.press("enter")
        await pilot.pause()
        assert app.session.path == Path("meeting.readout.yaml")
        assert any("the page cannot be rendered" in text for text in notices(app))
    assert load_data(tmp_path / "meeting.readout.yaml")["section"] == "Japan-Ukraine Relations"


async def test_export_writes_the_pages_next_to_the_file(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("f4")
        await pilot.pause()
    folder = reference_copy.parent
    page = (folder / "japan-ukraine.txt").read_text(encoding="utf-8")
    assert page == SEED.read_text(encoding="utf-8") + "\n"
    assert (folder / "japan-ukraine.md").is_file()
    assert "<h1" in (folder / "japan-ukraine.html").read_text(encoding="utf-8")
    # with the author[docx] extra (the test extra has it), the Word document too
    import docx

    document = docx.Document(str(folder / "japan-ukraine.docx"))
    assert document.paragraphs[0].text == "Japan-Ukraine Relations"
    assert notices(app) == [
        "Export: Exported japan-ukraine.txt, japan-ukraine.md, japan-ukraine.html, "
        "japan-ukraine.docx"
    ]


async def test_heading_and_sub_points(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        point = app.editor.query_one("#point-2-text")
        point.focus()
        await pilot.press("f9")
        assert isinstance(app.screen, PointDetailsDialog)
        await type_text(pilot, "Energy")
        await pilot.press("enter")  # on to the sub-points
        await type_text(pilot, "Generators.")
        await pilot.press("enter")
        await type_text(pilot, "Transformers.")
        await pilot.press("f9")
        await settle(pilot)
        item = app.session.data["points"][2]
        assert item["heading"] == "Energy"
        assert item["points"] == ["Generators.", "Transformers."]
        assert item["text"].startswith("Minister Kamikawa has condemned")
        assert str(point.border_title) == "3. Energy"
        assert "(1) Generators." in app.editor.preview.text


async def test_help_screen_and_narrow_terminal(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        editor = app.editor
        assert not editor.preview.display or editor.preview.region.width == 0
        assert editor.form.region.width > 0
        await pilot.press("f2")  # the preview, one key away
        await pilot.pause()
        assert editor.preview.region.width > 0 and editor.form.region.width == 0
        await pilot.press("f2")
        await pilot.pause()
        assert focused_id(pilot) == "section"
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_saving_names_the_exported_pages_it_makes_stale(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f4")
        await pilot.pause()
        await pilot.press("ctrl+s")  # nothing changed: the pages are up to date
        await pilot.pause()
        assert notices(app)[-1] == "Saved: Saved japan-ukraine.readout.yaml."
        app.editor.query_one("#duration").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "30 min")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "Out of date now: japan-ukraine.txt, japan-ukraine.md, japan-ukraine.html" in (
            notices(app)[-1]
        )
        await pilot.press("ctrl+u")
        await type_text(pilot, "0 min")
        await pilot.press("ctrl+s")
        await pilot.pause()
        last = notices(app)[-1]
        assert "with 1 error; the page cannot be rendered until they are fixed" in last
        assert "japan-ukraine.html" in last
        assert "(F4 exports them again once the errors are fixed)" in last
