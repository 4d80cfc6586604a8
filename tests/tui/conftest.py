from __future__ import annotations

import shutil
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from textual import events
from textual.app import App
from textual.pilot import Pilot

from author.tui.app import AuthorApp
from author.tui.keys import key_name
from tests.conftest import REFERENCE, REPO, SEED

__all__ = ["REFERENCE", "REPO", "SEED"]


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Drafts of untitled readouts go under XDG_CACHE_HOME: keep them in the test's folder."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "while_mounting: the test drives the editor while its form is being mounted"
    )


@pytest.fixture(autouse=True)
def whole_form(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """A test starts once the editor's form is whole, as an author who starts typing a
    moment after the editor opens finds it: the editor mounts most of the form right after
    its first paint (author/tui/widgets/progressive.py), and a test that focuses a field by
    its id needs it there. Tests marked `while_mounting` drive the editor before that."""
    if request.node.get_closest_marker("while_mounting"):
        return
    run_test = AuthorApp.run_test

    @asynccontextmanager
    async def run_test_whole(app: AuthorApp, *args: Any, **kwargs: Any) -> AsyncIterator[Pilot]:
        async with run_test(app, *args, **kwargs) as pilot:
            await pilot.pause()
            if app.is_screen_installed("editor"):
                await app.editor.all_mounted()
                await pilot.pause()
            yield pilot

    monkeypatch.setattr(AuthorApp, "run_test", run_test_whole)


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    target = tmp_path / "japan-ukraine.readout.yaml"
    shutil.copyfile(REFERENCE, target)
    return target


def key_event(char: str) -> events.Key:
    return events.Key(key_name(char), char)


def send_keys(app: App[object], keys: list[events.Key]) -> None:
    """Queue key events on the app at once, as the terminal driver does for a burst of
    input (a paste of keys, tmux send-keys): the app takes them in as it would a
    terminal's."""
    for event in keys:
        event.set_sender(app)
        app.post_message(event)


async def type_text(pilot: Pilot[object], text: str) -> None:
    """Type `text` as key presses, as `pilot.press` does, but without Pilot's idle wait
    after every key (about 80 ms each): a fast typist."""
    send_keys(pilot.app, [key_event(char) for char in text])
    await pilot.pause()


async def settle(pilot: Pilot) -> None:
    """Wait until the editor has taken in every event and run its (throttled) check."""
    app = pilot.app
    assert isinstance(app, AuthorApp)
    await pilot.pause()
    await app.editor.all_mounted()
    app.editor.check_now()
    await pilot.pause()


def focused_id(pilot: Pilot) -> str | None:
    focused = pilot.app.focused
    return focused.id if focused is not None else None


async def paste(pilot: Pilot, text: str) -> None:
    """A bracketed paste, as the terminal delivers it: the app receives the Paste event and
    forwards it to the focused widget. (Posting it to the widget directly would let it
    bubble back up to the app, which forwards it again: the text would land twice.)"""
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def notices(app: AuthorApp) -> list[str]:
    """The texts of the notifications the app has shown."""
    return list(app.notices)


def load_data(path: Path) -> object:
    from author.loader import load_yaml

    return load_yaml(path.read_text(encoding="utf-8"), str(path)).data
