"""The recovery draft: written as you type, offered back after a crash or a kill."""

from __future__ import annotations

from pathlib import Path

from author.tui.app import AuthorApp
from author.tui.screens.dialogs import ChoiceDialog

from .conftest import load_data, type_text
from .terminal import Terminal


def draft_of(path: Path) -> Path:
    return path.with_name(f".{path.name}.author-draft")


async def test_draft_follows_the_typing_and_is_offered_back(reference_copy: Path) -> None:
    draft = draft_of(reference_copy)
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await type_text(pilot, " (unsaved)")
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        assert load_data(draft)["section"] == "Japan-Ukraine Relations (unsaved)"
    # the app ended without a clean quit, as after a crash: the draft stays
    assert draft.exists()
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations"

    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        assert "recovery draft" in app.screen.question
        await pilot.press("r")
        await pilot.pause()
        assert app.session.data["section"] == "Japan-Ukraine Relations (unsaved)"
        assert app.editor.query_one("#section").value == "Japan-Ukraine Relations (unsaved)"
        assert app.session.dirty
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert not draft.exists()
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations (unsaved)"


async def test_a_draft_can_be_discarded(reference_copy: Path) -> None:
    draft = draft_of(reference_copy)
    draft.write_text(
        reference_copy.read_text(encoding="utf-8").replace("Relations", "Relations (old)"),
        encoding="utf-8",
    )
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.session.data["section"] == "Japan-Ukraine Relations"
        assert not app.session.dirty
    assert not draft.exists()


async def test_a_clean_quit_leaves_no_draft(reference_copy: Path) -> None:
    draft = draft_of(reference_copy)
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await type_text(pilot, "!")
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        assert draft.exists()
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
    assert not draft.exists()


async def test_sigkill_loses_at_most_the_last_second_of_typing(reference_copy: Path) -> None:
    """A real `author edit` in a pseudo-terminal: type, kill -9 a second later, reopen."""
    with Terminal(reference_copy) as terminal:
        # first paint: the form, with the derived home time beside the start
        assert terminal.drain(30, until=b"7:05 a.m. JST"), terminal.screen()[-2000:]
        terminal.drain(0.5)
        terminal.write(b"\x05")  # Ctrl+E: to the end of the section's text
        for char in b" KILLED":
            terminal.write(bytes([char]))
            terminal.drain(0.03)
        assert terminal.drain(10, until=b"Relations KILLED")  # the editor shows the last key...
        terminal.drain(1.0)  # ...and one second later...
        terminal.kill()  # ...the editor is killed

    draft = draft_of(reference_copy)
    assert load_data(draft)["section"] == "Japan-Ukraine Relations KILLED"
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations"

    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, ChoiceDialog)
        await pilot.press("r")
        await pilot.pause()
        assert app.session.data["section"] == "Japan-Ukraine Relations KILLED"
