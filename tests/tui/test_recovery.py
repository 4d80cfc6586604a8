"""Recovery drafts: one per session, written as you type, offered back after a crash or a
kill, never shared between two editors (issue 9, item 4; issue 12, item 7)."""

from __future__ import annotations

from pathlib import Path

from author.config import Config
from author.tui.app import AuthorApp
from author.tui.drafts import list_drafts
from author.tui.screens.dialogs import DraftsDialog, SaveAsDialog
from author.tui.session import EditSession

from .conftest import load_data, paste, settle, type_text
from .terminal import Terminal


def drafts_in(cache: Path) -> list[Path]:
    folder = cache / "author" / "drafts"
    return sorted(folder.glob("*.author-draft")) if folder.is_dir() else []


def draft_data(path: Path) -> dict:
    from author.loader import load_yaml

    return load_yaml(path.read_text(encoding="utf-8").split("\n", 1)[1]).data


async def test_draft_follows_the_typing_and_is_offered_back(
    reference_copy: Path, private_cache: Path
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await type_text(pilot, " (unsaved)")
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        (draft,) = drafts_in(private_cache)
        assert draft_data(draft)["section"] == "Japan-Ukraine Relations (unsaved)"
        assert draft.stat().st_mode & 0o777 == 0o600
    # the app ended without a clean quit, as after a crash: the draft stays
    assert draft.exists()
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations"

    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DraftsDialog)
        assert "recovery draft" in app.screen.question
        await pilot.press("r")
        await pilot.pause()
        assert app.session.data["section"] == "Japan-Ukraine Relations (unsaved)"
        assert app.editor.query_one("#section").value == "Japan-Ukraine Relations (unsaved)"
        assert app.session.dirty
        assert not draft.exists()  # taken over by this session's own draft
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert drafts_in(private_cache) == []
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations (unsaved)"


def left_session(path: Path | None, section: str) -> Path:
    """A draft as an editor that crashed leaves it."""
    session = EditSession.open(path, Config())
    session.set(("section",), section)
    session.write_draft()
    session.draft.release()
    assert session.draft.path is not None
    return session.draft.path


async def test_a_draft_can_be_discarded(reference_copy: Path) -> None:
    draft = left_session(reference_copy, "Old draft")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("d")
        await pilot.pause()
        assert app.session.data["section"] == "Japan-Ukraine Relations"
        assert not app.session.dirty
        assert not isinstance(app.screen, DraftsDialog)
    assert not draft.exists()


async def test_a_clean_quit_leaves_no_draft(reference_copy: Path, private_cache: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await type_text(pilot, "!")
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        assert drafts_in(private_cache)
        await pilot.press("ctrl+q", "d")
        await pilot.pause()
    assert drafts_in(private_cache) == []


async def test_two_editors_on_one_file_keep_two_drafts(
    reference_copy: Path, private_cache: Path
) -> None:
    """The second editor neither sees nor discards the first one's live draft."""
    first = EditSession.open(reference_copy, Config())
    first.set(("section",), "First editor")
    first.write_draft()
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert not isinstance(app.screen, DraftsDialog)  # the first's draft is live
        await pilot.press("end")
        await type_text(pilot, " (second)")
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        assert len(drafts_in(private_cache)) == 2
        await pilot.press("ctrl+q", "d")  # the second discards its own changes
        await pilot.pause()
    assert drafts_in(private_cache) == [first.draft.path]
    assert draft_data(first.draft.path)["section"] == "First editor"
    first.draft.release()


async def test_bare_author_lists_every_draft_it_can_restore(
    tmp_path: Path, private_cache: Path
) -> None:
    named = tmp_path / "kyiv.readout.yaml"
    named.write_text("section: Kyiv\n", encoding="utf-8")
    left_session(named, "Kyiv, edited")
    left_session(None, "Untitled one")
    app = AuthorApp.for_file(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DraftsDialog)
        lines = app.screen.lines
        assert len(lines) == 2
        assert any("kyiv.readout.yaml" in line and "'Kyiv, edited'" in line for line in lines)
        assert any("new readout" in line and "'Untitled one'" in line for line in lines)
        kyiv = next(i for i, line in enumerate(lines) if "kyiv" in line)
        await pilot.press(*["down"] * kyiv, "enter")
        await pilot.pause()
        assert app.session.path == named
        assert app.session.data["section"] == "Kyiv, edited"
        assert app.editor.query_one("#section").value == "Kyiv, edited"
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert load_data(named) == {"section": "Kyiv, edited"}
    assert len(drafts_in(private_cache)) == 1  # the untitled one is still there


async def test_a_failed_first_save_keeps_the_draft_and_asks_again(
    tmp_path: Path, private_cache: Path, monkeypatch
) -> None:
    """A first save that fails (here: a folder that does not exist; a read-only or full
    folder fails the same way) keeps the draft and the text, and asks for another name."""
    monkeypatch.chdir(tmp_path)
    app = AuthorApp.for_file(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await type_text(pilot, "Untitled work")
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        assert len(drafts_in(private_cache)) == 1
        await pilot.press("ctrl+s")
        await pilot.pause()
        await type_text(pilot, "no-such-folder/a.readout.yaml")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SaveAsDialog)
        assert "Cannot save no-such-folder/a.readout.yaml" in app.screen.problem
        assert len(drafts_in(private_cache)) == 1
        assert app.session.path is None and app.session.dirty
        await pilot.press("ctrl+u")
        await type_text(pilot, "b.readout.yaml")
        await pilot.press("enter")
        await pilot.pause()
    assert load_data(tmp_path / "b.readout.yaml")["section"] == "Untitled work"
    assert drafts_in(private_cache) == []


async def test_pasted_control_characters_never_reach_the_file(
    reference_copy: Path, private_cache: Path
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("end")
        await paste(pilot, " \x1b[31mred\x1b[0m\x7f\x00!")
        await settle(pilot)
        assert app.session.data["section"] == "Japan-Ukraine Relations [31mred[0m!"
        assert app.editor.query_one("#section").value == app.session.data["section"]
        assert any("control characters" in notice for notice in app.notices)
        await pilot.pause(app.editor.DRAFT_INTERVAL + 0.3)
        (draft,) = drafts_in(private_cache)
        assert draft_data(draft)["section"] == app.session.data["section"]
        await pilot.press("ctrl+s")
        await pilot.pause()
    reopened = AuthorApp.for_file(reference_copy)  # the editor opens what it saved
    assert reopened.session.data["section"] == "Japan-Ukraine Relations [31mred[0m!"


def test_listing_skips_live_drafts_and_reads_old_ones(reference_copy: Path) -> None:
    old = reference_copy.with_name(f".{reference_copy.name}.author-draft")  # earlier versions
    old.write_text("section: From an old version\n", encoding="utf-8")
    session = EditSession.open(reference_copy, Config())
    (draft,) = session.left_drafts()
    assert draft.data == {"section": "From an old version"}
    assert list_drafts() == []


async def test_sigkill_loses_at_most_the_last_second_of_typing(
    reference_copy: Path, private_cache: Path
) -> None:
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

    (draft,) = drafts_in(private_cache)
    assert draft_data(draft)["section"] == "Japan-Ukraine Relations KILLED"
    assert load_data(reference_copy)["section"] == "Japan-Ukraine Relations"

    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, DraftsDialog)
        await pilot.press("r")
        await pilot.pause()
        assert app.session.data["section"] == "Japan-Ukraine Relations KILLED"
