"""Keys that arrive in one burst (tmux send-keys, a fast typist): a Tab in the burst must
move the focus before the keys after it reach a field, or the text meant for the next
field lands in the one before it (Section read `Japan-Ukraine RelationsMy title2023-...`)."""

from __future__ import annotations

import time
from pathlib import Path

from textual import events

from author.tui.app import AuthorApp

from .conftest import key_event, load_data, send_keys, settle
from .terminal import Terminal

SHIFT_TAB = "\x1b[Z"
# three fields, then back to the first with Shift+Tab twice, End, and one more letter there
# (entering a filled field selects its text: without End, the letter would replace it)
END = "\x1b[F"
BURST = f"Japan-Ukraine Relations\tMy title\t2023-09-20{SHIFT_TAB}{SHIFT_TAB}{END}X"
EXPECTED = {"section": "Japan-Ukraine RelationsX", "title": "My title", "published": "2023-09-20"}


def burst_keys(text: str) -> list[events.Key]:
    keys = []
    for char in text.replace(SHIFT_TAB, "\x00").replace(END, "\x01"):
        if char == "\t":
            keys.append(events.Key("tab", "\t"))
        elif char == "\x00":
            keys.append(events.Key("shift+tab", None))
        elif char == "\x01":
            keys.append(events.Key("end", None))
        else:
            keys.append(key_event(char))
    return keys


def header_values(data: object) -> dict[str, object]:
    assert isinstance(data, dict)
    return {key: data.get(key) for key in EXPECTED}


async def test_a_burst_of_keys_with_tabs_fills_each_field(tmp_path: Path) -> None:
    """All the keys are queued at once, as the driver does for a burst of input."""
    app = AuthorApp.for_file(tmp_path / "new.readout.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "section"
        send_keys(app, burst_keys(BURST))
        await settle(pilot)
        assert header_values(app.session.data) == EXPECTED


def test_a_burst_of_keys_in_a_terminal_fills_each_field(tmp_path: Path) -> None:
    """A real `author edit` in a pseudo-terminal: one write with the whole burst, Ctrl+S."""
    target = tmp_path / "new.readout.yaml"
    with Terminal(target) as terminal:
        assert terminal.drain(30, until=b"Published"), terminal.screen()[-2000:]
        terminal.drain(1.0)
        terminal.write(BURST.encode())
        terminal.drain(2.0)
        terminal.write(b"\x13")  # Ctrl+S
        deadline = time.monotonic() + 10
        while not target.exists() and time.monotonic() < deadline:
            terminal.drain(0.1)
        terminal.drain(0.5)
        terminal.write(b"\x11")  # Ctrl+Q: saved, so no question
        terminal.wait(10)
        screen = terminal.screen()

    assert target.exists(), screen[-2000:]
    assert header_values(load_data(target)) == EXPECTED


async def test_ctrl_z_in_the_same_burst_undoes_the_letters_before_it(tmp_path: Path) -> None:
    """`UN` then Ctrl+Z in one burst: the letters' edit reaches the session before the undo
    that follows them, so Ctrl+Z takes them back (it said "Nothing to undo")."""
    app = AuthorApp.for_file(tmp_path / "new.readout.yaml")
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.focused is not None and app.focused.id == "section"
        send_keys(app, [key_event("U"), key_event("N"), events.Key("ctrl+z", None)])
        await settle(pilot)
        assert app.session.data.get("section") is None
        assert app.editor.query_one("#section").value == ""


# A bound key (Backspace, an arrow) among typed letters: Textual runs a field's bindings only
# once the key has climbed to the app, and inserts a letter at once, so in a burst the
# letters after a Backspace landed before it (Textual issue #6605). Nine Backspaces and
# `Ties` after `Relations` gave `Japan-Ukraine Rela` in tmux.


def end_and_backspaces(count: int) -> list[events.Key]:
    """End, then `count` Backspaces: each its own event (an event is forwarded once)."""
    return [events.Key("end", None), *(events.Key("backspace", "\x7f") for _ in range(count))]


async def test_backspaces_in_a_burst_apply_before_the_letters_after_them(
    reference_copy: Path,
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        app.editor.query_one("#section").focus()
        await settle(pilot)
        send_keys(app, [*end_and_backspaces(9), *map(key_event, "Ties")])
        await settle(pilot)
        assert app.session.data["section"] == "Japan-Ukraine Ties"


async def test_keys_in_a_burst_apply_in_order_in_a_point(reference_copy: Path) -> None:
    """The same in a multi-line field (a point's text): Backspace, ← and Delete among the
    letters, all queued at once: `Xab`, ⌫, `c`, ←, ←, Delete, `Y` gives `XYc`."""
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        point = app.editor.query_one("#point-0-text")
        point.focus()
        await settle(pilot)
        before = app.session.data["points"][0]
        before_text = before["text"] if isinstance(before, dict) else before
        keys = [  # at the start of the text
            *map(key_event, "Xab"),
            events.Key("backspace", "\x7f"),
            key_event("c"),
            events.Key("left", None),
            events.Key("left", None),
            events.Key("delete", None),
            key_event("Y"),
        ]
        send_keys(app, keys)
        await settle(pilot)
        after = app.session.data["points"][0]
        after_text = after["text"] if isinstance(after, dict) else after
        assert after_text == "XYc" + before_text


def test_backspaces_in_a_burst_in_a_terminal(reference_copy: Path) -> None:
    """A real `author edit` in a pseudo-terminal, the keys in one write, then Ctrl+S."""
    with Terminal(reference_copy) as terminal:
        assert terminal.drain(30, until=b"Published"), terminal.screen()[-2000:]
        terminal.drain(1.0)
        terminal.write(END.encode() + b"\x7f" * 9 + b"Ties")
        terminal.drain(2.0)
        terminal.write(b"\x13")  # Ctrl+S
        terminal.drain(2.0)
        terminal.write(b"\x11")  # Ctrl+Q: saved, so no question
        terminal.wait(10)
        screen = terminal.screen()

    data = load_data(reference_copy)
    assert isinstance(data, dict), screen[-2000:]
    assert data["section"] == "Japan-Ukraine Ties", screen[-2000:]
