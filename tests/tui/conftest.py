from __future__ import annotations

import shutil
import unicodedata
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS
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


def key_name(char: str) -> str:
    """Textual's name of the key that types `char` (`.` is `full_stop`, ` ` is `space`),
    as the terminal driver names it."""
    if char.isalnum():
        return char
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = ASCII_KEY_NAMES.get(char, char)
    return KEY_NAME_REPLACEMENTS.get(name, name)


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
