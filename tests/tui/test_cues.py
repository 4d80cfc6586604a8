"""A newcomer's cues, with real key presses: the focused field is marked, checkboxes read
[x] / [ ], entering a filled field selects its text, Tab completes a time zone, and every
key label comes from the one key table."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Button, Label, Markdown

from author.tui.app import AuthorApp
from author.tui.keys import KEYS
from author.tui.screens.dialogs import PointDetailsDialog
from author.tui.screens.help import HELP, HelpScreen
from author.tui.widgets.keyhints import KeyHints

from .conftest import settle, type_text


async def test_the_focused_fields_label_is_marked(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(0.3)
        section_label = app.editor.query_one("#section").parent.query_one(Label)
        title_label = app.editor.query_one("#title").parent.query_one(Label)
        assert section_label.styles.text_style.reverse and section_label.styles.text_style.bold
        assert not title_label.styles.text_style.reverse
        await pilot.press("tab", "tab")  # the reference's Section (ja), then Title
        await pilot.pause(0.3)
        assert title_label.styles.text_style.reverse and title_label.styles.text_style.bold
        assert not section_label.styles.text_style.reverse


async def test_checkboxes_read_x_or_blank(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        around = app.editor.query_one("#around")
        approximate = app.editor.query_one("#approximate")
        assert str(around.render()).startswith("[ ]")
        assert str(approximate.render()).startswith("[x]")
        around.focus()
        await pilot.press("space")
        await pilot.pause()
        assert str(around.render()).startswith("[x]")


async def test_entering_a_filled_field_selects_its_text(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        # Section → Section (ja) → Title → Title (ja) → Published (the reference is bilingual)
        await pilot.press("tab", "tab", "tab", "tab")
        published = app.focused
        assert published is not None and published.id == "published"
        assert published.selected_text == "2023-09-20"
        await type_text(pilot, "2023-09-21")  # typing replaces it
        await settle(pilot)
        assert app.session.data["published"] == "2023-09-21"
        await pilot.press("shift+tab", "shift+tab", "shift+tab", "shift+tab", "end")  # End keeps the text
        await type_text(pilot, "!")
        await settle(pilot)
        assert app.session.data["section"] == "Japan-Ukraine Relations!"


async def test_entering_a_filled_text_box_selects_its_text_too(reference_copy: Path) -> None:
    """Photos, points: a multi-line box entered with Tab selects its text like a one-line
    field; typing replaces it, End keeps it."""
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("tab", "tab", "tab", "tab", "tab")  # … Published → Photos
        photos = app.focused
        assert photos is not None and photos.id == "photos"
        assert photos.selected_text == photos.text and "Two Ministers" in photos.text
        await type_text(pilot, "One caption")  # typing replaces both captions
        await settle(pilot)
        assert app.session.data["photos"] == ["One caption"]
        await pilot.press("shift+tab", "tab", "end")  # back in: End keeps the text
        await type_text(pilot, "!")
        await settle(pilot)
        assert app.session.data["photos"] == ["One caption!"]
        await pilot.press("ctrl+z", "ctrl+z")  # and Ctrl+Z brings the captions back
        await settle(pilot)
        assert len(app.session.data["photos"]) == 2


async def test_tab_in_the_time_zone_takes_the_first_match(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        zone = app.editor.query_one("#timezone")
        zone.focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "Europe/Pa")
        await pilot.press("tab")
        await settle(pilot)
        assert app.session.data["meeting"]["timezone"] == "Europe/Paris"
        assert app.focused is not None and app.focused.id == "duration"
        zone.focus()
        await pilot.press("end", "tab")  # a zone already: Tab just moves on
        await settle(pilot)
        assert app.session.data["meeting"]["timezone"] == "Europe/Paris"


async def test_every_key_label_comes_from_the_key_table(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        hints = app.editor.query_one(KeyHints)
        app.editor.query_one("#point-0-text").focus()
        await pilot.pause()
        point_hints = hints.shown
        app.editor.query_one("#principals-0-title").focus()
        await pilot.pause()
        participant_hints = hints.shown
        for shown in (point_hints, participant_hints):
            assert "^Z[/] Undo" in shown and "F6[/] Remove" in shown
        assert "F9[/] Heading" in point_hints
        # every key of the table is in F1, with the same words the bindings have
        for key in KEYS:
            if key.help:
                assert key.help in HELP
        assert "| F9 |" in HELP and "| Ctrl+Z |" in HELP and "| Ctrl+Y |" in HELP
        bound = {b.key: b.description for b in app.editor.BINDINGS}
        assert bound["ctrl+z"] == "Undo" and bound["f1"] == "Help"
        await pilot.press("f1")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.query_one(Markdown).source == HELP


async def test_the_f9_dialog_shows_its_keys(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#point-0-text").focus()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PointDetailsDialog)
        labels = [str(b.label) for b in app.screen.query(Button)]
        assert labels == ["Done [F9]", "Cancel [Esc]"]


async def test_placeholders_do_not_look_like_values(tmp_path: Path) -> None:
    app = AuthorApp.for_file(tmp_path / "new.readout.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        section = app.editor.query_one("#section")
        assert section.placeholder.startswith("required, e.g.")
        titles = [app.editor.query_one(f"#{side}-0-title").placeholder for side in
                  ("principals", "counterparts")]
        assert all("of Japan" not in title for title in titles)


async def test_a_new_readout_previews_from_the_first_keystroke(tmp_path: Path) -> None:
    app = AuthorApp.for_file(tmp_path / "new.readout.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert "[start time]" in app.editor.preview.text
        await type_text(pilot, "J")
        await settle(pilot)
        page = app.editor.preview.text
        assert page.startswith("J\n")
        assert "[start time]" in page and "[counterpart]" in page
        status = str(app.editor.preview.status.content)
        assert "the page so far, gaps in [brackets]" in status
