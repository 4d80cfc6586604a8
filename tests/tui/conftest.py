from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual import events
from textual.keys import _character_to_key
from textual.pilot import Pilot

from author.tui.app import AuthorApp
from tests.conftest import REFERENCE, REPO, SEED

__all__ = ["REFERENCE", "REPO", "SEED"]



@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Drafts of untitled readouts go under XDG_CACHE_HOME: keep them in the test's folder."""
    cache = tmp_path / "cache"
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    return cache


@pytest.fixture
def reference_copy(tmp_path: Path) -> Path:
    target = tmp_path / "japan-ukraine.readout.yaml"
    shutil.copyfile(REFERENCE, target)
    return target


async def type_text(pilot: Pilot, text: str) -> None:
    """Type `text` as key presses, through the same driver path as `pilot.press`, but
    without Pilot's idle wait after every key (about 80 ms each): a fast typist."""
    app = pilot.app
    assert app._driver is not None
    for char in text:
        key = char if char.isalnum() else _character_to_key(char)
        event = events.Key(key, char)
        event.set_sender(app)
        app._driver.send_message(event)
    await pilot.pause()


async def settle(pilot: Pilot) -> None:
    """Wait until the editor has taken in every event and run its (throttled) check."""
    app = pilot.app
    assert isinstance(app, AuthorApp)
    await pilot.pause()
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
