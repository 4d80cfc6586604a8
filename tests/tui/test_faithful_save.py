"""Faithful saves in the editor, with real key presses: the file stays as the author wrote
it, except for the values they edited."""

from __future__ import annotations

import difflib
from pathlib import Path

from author.tui.app import AuthorApp

from .conftest import REFERENCE, settle, type_text


def changed_lines(before: str, after: str) -> list[str]:
    return [
        line
        for line in difflib.unified_diff(before.splitlines(), after.splitlines(), n=0)
        if line[:1] in "+-" and not line.startswith(("+++", "---"))
    ]


async def test_open_and_save_without_edits_keeps_every_byte(reference_copy: Path) -> None:
    before = reference_copy.read_bytes()
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert any("Saved" in notice for notice in app.notices)
    assert reference_copy.read_bytes() == before


async def test_a_one_word_edit_is_a_one_line_diff(reference_copy: Path) -> None:
    before = reference_copy.read_text(encoding="utf-8")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#section").focus()
        await pilot.press("end", *["backspace"] * len("Relations"))
        await type_text(pilot, "Ties")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert changed_lines(before, reference_copy.read_text(encoding="utf-8")) == [
        "-section: Japan-Ukraine Relations",
        "+section: Japan-Ukraine Ties",
    ]


async def test_a_word_typed_into_a_folded_point_changes_one_line(reference_copy: Path) -> None:
    before = reference_copy.read_text(encoding="utf-8")
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        point = app.editor.query_one("#point-0-text")
        point.focus()
        await pilot.press("ctrl+home")
        await pilot.press(*["right"] * len("At the outset,"))
        await type_text(pilot, " indeed,")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert changed_lines(before, reference_copy.read_text(encoding="utf-8")) == [
        "-    At the outset, Minister Kamikawa has stated that she has been following the",
        "+    At the outset, indeed, Minister Kamikawa has stated that she has been following the",
    ]


COMMENTED = """\
# Kyiv, September: draft for review
section: Japan-Ukraine Relations   # the desk's name
published: '2023-09-20'
region: Europe   # a field this editor does not know

meeting:
    kind: meeting
    start: "2023-09-20 18:05"
    timezone: America/New_York
    duration: 25

principals:
- honorific: Ms.
  family_name: Kamikawa
  title: Minister for Foreign Affairs of Japan
counterparts:
- honorific: H.E. Mr.
  family_name: Kuleba
  title: Minister for Foreign Affairs of Ukraine
points:
  # confirmed with the desk
  - The two Ministers met.
"""


async def test_comments_quoting_and_unknown_keys_survive_an_edit(tmp_path: Path) -> None:
    path = tmp_path / "kyiv.readout.yaml"
    path.write_text(COMMENTED, encoding="utf-8")
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        app.editor.query_one("#duration").focus()
        await pilot.press("end", "backspace", "backspace")
        await type_text(pilot, "30")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_text(encoding="utf-8") == COMMENTED.replace("duration: 25", "duration: 30")


async def test_a_utf16_file_is_saved_as_utf16(tmp_path: Path) -> None:
    path = tmp_path / "utf16.readout.yaml"
    path.write_bytes(REFERENCE.read_text(encoding="utf-8").encode("utf-16"))
    before = path.read_bytes()
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert path.read_bytes() == before
        app.editor.query_one("#section").focus()
        await pilot.press("end")
        await type_text(pilot, "!")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await pilot.pause()
    assert path.read_bytes().decode("utf-16") == REFERENCE.read_text(encoding="utf-8").replace(
        "Japan-Ukraine Relations", "Japan-Ukraine Relations!"
    )
