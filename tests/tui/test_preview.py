"""The preview while typing: the page painted first, the lint's problems right after it;
the view follows the edit; the form kept out of the garbage collector's full collections
(author/tui/heap.py)."""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable
from pathlib import Path
from typing import Any

from textual.pilot import Pilot
from textual.widgets import TextArea

from author.check import check_text
from author.render import render
from author.tui import app as app_module
from author.tui.app import AuthorApp
from author.tui.messages import PreviewPainted
from author.tui.widgets.preview import PageView
from author.tui.widgets.titlebar import TitleLine

from .conftest import paste, settle, type_text


class PaintWatcher(AuthorApp):
    """The editor, noting what it had found when each preview was painted."""

    CSS_PATH = str(Path(app_module.__file__).with_name("author.tcss"))

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.paints: list[tuple[str, list[str]]] = []  # (page shown, codes found by then)

    def on_preview_painted(self, message: PreviewPainted) -> None:
        editor = self.editor
        codes = [d.code for d in editor.result.diagnostics] if editor.result else []
        self.paints.append((editor.preview.text, codes))


def shown(view: PageView) -> str:
    """The rows the preview shows, as it paints them."""
    return "\n".join(view.render_line(y).text for y in range(view.size.height))


async def wait_for(condition: Callable[[], bool], pilot: Pilot[Any], seconds: float = 5) -> None:
    """Until `condition` holds (at most `seconds`), without a pilot's idle wait between."""
    for _ in range(int(seconds / 0.01)):
        if condition():
            return
        await asyncio.sleep(0.01)
    await pilot.pause()
    assert condition()


async def test_the_page_is_painted_before_the_lint_and_its_problems_follow(
    reference_copy: Path,
) -> None:
    """Pasting `at 7 pm` into the third point (its Japanese text has no such number): the
    preview shows the new text at once, the lint's `translation-mismatch` comes in the
    problems list right after that paint, from the same check. (A paste is one edit, so
    one check; typed key by key, the `7` would be linted before the `pm` is painted.)"""
    app = PaintWatcher.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.editor
        editor.query_one("#point-2-text").focus()
        await pilot.press("end")
        app.paints.clear()
        await paste(pilot, " at 7 pm")
        await wait_for(lambda: any("at 7 pm" in page for page, _ in app.paints), pilot)
        _, codes_then = next(p for p in app.paints if "at 7 pm" in p[0])
        assert "translation-mismatch" not in codes_then  # painted before the lint ran
        await wait_for(
            lambda: (
                editor.result is not None
                and "translation-mismatch" in [d.code for d in editor.result.diagnostics]
            ),
            pilot,
        )
        assert "translation-mismatch" in [d.code for d in editor.problems.diagnostics]
        assert "1 warning" in str(editor.preview.status.render())
        # the page is the one `author render` prints for the same text
        text = app.session.yaml_text()
        assert editor.preview.text == render(check_text(text, "x").readout, "text")


async def test_the_preview_follows_an_edit_below_what_it_shows(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        view = app.editor.preview.page
        assert view.scroll_y == 0
        assert "QQQ" not in shown(view)
        app.editor.query_one("#point-2-text").focus()
        await pilot.press("end")
        await type_text(pilot, " QQQ")
        await settle(pilot)
        assert view.scroll_y > 0  # the end of the third point is near the page's end
        assert "QQQ" in shown(view)  # and in sight
        assert view.text == app.editor.preview.text


async def test_the_preview_scrolls_with_the_keys_when_focused(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot)
        await pilot.press("f2")  # the preview alone, focused
        view = app.editor.preview.page
        assert app.focused is view
        await pilot.press("pagedown")
        await pilot.pause()
        assert view.scroll_y > 0
        await pilot.press("end")
        await pilot.pause()
        assert view.scroll_y == view.max_scroll_y
        assert "Back to Japan-Ukraine Relations" in shown(view)
        await pilot.press("home")
        await pilot.pause()
        assert view.scroll_y == 0


async def test_the_form_is_frozen_while_typing_and_released_after(reference_copy: Path) -> None:
    thresholds = gc.get_threshold()
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.pause()
        assert gc.get_freeze_count() > 0  # the whole form, out of the full collections
        assert gc.get_threshold()[:2] == thresholds[:2]
        frozen = gc.get_freeze_count()
        app.editor.query_one("#point-2-text").focus()
        await pilot.press("f5")  # a point added: the points are built again
        await settle(pilot)
        await pilot.pause()
        assert gc.get_freeze_count() > 0
        assert gc.get_freeze_count() < 2 * frozen  # the old widgets were collected
    assert gc.get_freeze_count() == 0
    assert gc.get_threshold() == thresholds


async def test_a_key_is_stored_and_its_page_made_in_its_own_turn(reference_copy: Path) -> None:
    """An edit reaches the session and the preview as the control makes it, before the
    control's Changed message has gone anywhere (nothing is awaited in between here):
    the page of a key is made before the frame that echoes the key, and that one frame
    paints both. The title then says the readout is modified."""
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.editor
        area = editor.query_one("#point-2-text", TextArea)
        area.focus()
        await pilot.press("end")
        await asyncio.sleep(editor.CHECK_INTERVAL)  # a pause in typing: a check is due
        area.insert(" QQQ")  # what a key's edit does
        assert "QQQ" in str(app.session.point_part(2, "text"))
        assert "QQQ" in editor.preview.text
        await pilot.pause()
        assert "(modified)" in str(editor.query_one(TitleLine).content)
