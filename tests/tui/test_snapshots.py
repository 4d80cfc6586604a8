"""What the editor looks like (SVG snapshots; regenerate with `pytest --snapshot-update`)."""

from __future__ import annotations

from pathlib import Path

from author.tui.app import AuthorApp

from .conftest import settle, type_text


def editor(path: Path) -> AuthorApp:
    return AuthorApp.for_file(path, cursor_blink=False)


def test_reference_readout_wide(snap_compare, reference_copy: Path) -> None:
    assert snap_compare(editor(reference_copy), terminal_size=(120, 40), run_before=settle)


def test_reference_readout_80x24(snap_compare, reference_copy: Path) -> None:
    assert snap_compare(editor(reference_copy), terminal_size=(80, 24), run_before=settle)


def test_preview_one_key_away_at_80x24(snap_compare, reference_copy: Path) -> None:
    assert snap_compare(
        editor(reference_copy), terminal_size=(80, 24), press=["f2"], run_before=settle
    )


def test_wrong_time_zone(snap_compare, reference_copy: Path) -> None:
    async def mistype_the_zone(pilot) -> None:
        await settle(pilot)  # the whole form (the zone comes right after the first paint)
        pilot.app.editor.query_one("#timezone").focus()
        await pilot.press("ctrl+u")
        await type_text(pilot, "America/NewYork")
        await settle(pilot)

    assert snap_compare(
        editor(reference_copy), terminal_size=(120, 40), run_before=mistype_the_zone
    )


def test_help_screen(snap_compare, reference_copy: Path) -> None:
    assert snap_compare(
        editor(reference_copy), terminal_size=(100, 40), press=["f1"], run_before=settle
    )
