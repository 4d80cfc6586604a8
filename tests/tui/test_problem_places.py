"""Every problem has a place: an unknown field with no suggestion is renamed to a key the
author types, and a problem of a value the form has no field for (`phrasing`) is listed
at the top of the form, where Enter on it in the problems list goes."""

from __future__ import annotations

from pathlib import Path

from author.tui.app import AuthorApp
from author.tui.screens.dialogs import RenameDialog
from author.tui.widgets.unknown import OutsideRow, UnknownRow

from .conftest import load_data, settle, type_text

FILE = """\
section: Japan-Ukraine Relations
meeting:
  kind: meeting
  start: 2023-09-20 18:05
  timezone: America/New_York
principals:
  - family_name: Kamikawa
    title: Minister for Foreign Affairs of Japan
counterparts:
  - family_name: Kuleba
    title: Minister for Foreign Affairs of Ukraine
    zzz: Dmytro
points:
  - The two Ministers met.
phrasing:
  surname_caps: maybe
"""


async def test_rename_to_a_typed_key_and_enter_on_a_problem_outside_the_form(
    tmp_path: Path,
) -> None:
    path = tmp_path / "odd.readout.yaml"
    path.write_text(FILE, encoding="utf-8")
    app = AuthorApp.for_file(path)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.editor
        # phrasing.surname_caps has no field: Enter on it in the list goes to its row
        await pilot.press("f3")
        problems = editor.problems
        codes = [(d.code, d.loc) for d in problems.diagnostics]
        outside = next(i for i, (_, loc) in enumerate(codes) if loc[:1] == ("phrasing",))
        problems.highlighted = outside
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.focused, OutsideRow)
        assert "phrasing.surname_caps (line 16)" in str(app.focused.render())
        # the unknown `zzz` has no suggestion: Rename… asks for the key
        unknown = next(i for i, (code, _) in enumerate(codes) if code == "unknown-field")
        await pilot.press("f3")
        problems.highlighted = unknown
        await pilot.press("enter")
        await pilot.pause()
        assert len(editor.query(UnknownRow)) == 1
        assert app.focused is not None and "Rename…" in str(app.focused.label)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RenameDialog)
        await type_text(pilot, "given name")  # not a field name: said so, not renamed
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RenameDialog)
        await pilot.press("ctrl+u")
        await type_text(pilot, "given_name")
        await pilot.press("enter")
        await settle(pilot)
        assert app.session.data["counterparts"][0]["given_name"] == "Dmytro"
        assert editor.query_one("#counterparts-0-given_name").value == "Dmytro"
        assert any("Renamed zzz to given_name" in n for n in app.notices)
        await pilot.press("ctrl+s")
        await settle(pilot)
        data = load_data(path)
        assert isinstance(data, dict) and data["counterparts"][0]["given_name"] == "Dmytro"
        assert "    given_name: Dmytro\n" in path.read_text(encoding="utf-8")  # in its place
