"""Issue 9, item 1: what crashed the editor, typed and opened as a user would."""

from __future__ import annotations

from pathlib import Path

import pytest

from author.tui.app import AuthorApp
from tests.tui.conftest import settle, type_text

HUGE = "9" * 4301


@pytest.mark.parametrize("typed", ["²", "³", "①", "2²"])
async def test_typing_a_non_ascii_digit_in_duration_is_a_problem_not_a_crash(
    reference_copy: Path, typed: str
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        app.editor.query_one("#duration").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, typed)
        await settle(pilot)
        assert app.is_running
        assert app.session.data["meeting"]["duration"] == typed
        codes = [d.code for d in app.editor.result.diagnostics]
        assert "bad-duration" in codes


async def test_a_4301_digit_number_opens_and_is_a_problem(reference_copy: Path) -> None:
    text = reference_copy.read_text(encoding="utf-8").replace("25 min", HUGE)
    reference_copy.write_text(text, encoding="utf-8")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
        assert "bad-duration" in [d.code for d in app.editor.result.diagnostics]
        app.editor.query_one("#duration").focus()
        await pilot.press("end")
        await type_text(pilot, "9")
        await settle(pilot)
        assert app.is_running


def test_edit_dev_zero_is_refused_after_max_bytes() -> None:
    from author.config import Config
    from author.tui.session import EditSession, OpenFailed

    with pytest.raises(OpenFailed, match="larger than 4096 bytes"):
        EditSession.open("/dev/zero", Config(max_bytes=4096))


def test_an_untitled_draft_needs_no_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Bare `author` with HOME unset and no passwd entry (a bare container)."""
    import pwd
    import tempfile

    from author.tui.drafts import drafts_folder

    def no_entry(uid: int) -> None:
        raise KeyError(uid)

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.chdir(tmp_path)
    with pytest.raises(RuntimeError):
        Path.home()
    # drafts then go to a folder of this user's under the system's temporary folder
    assert drafts_folder().is_relative_to(tempfile.gettempdir())


async def test_bare_author_starts_with_no_home(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import pwd

    def no_entry(uid: int) -> None:
        raise KeyError(uid)

    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)
    monkeypatch.setattr(pwd, "getpwuid", no_entry)
    monkeypatch.chdir(tmp_path)
    app = AuthorApp.for_file(None)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.is_running
