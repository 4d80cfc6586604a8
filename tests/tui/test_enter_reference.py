"""The whole reference readout, entered into an empty editor the way a user would."""

from __future__ import annotations

from pathlib import Path

from author.check import check_file
from author.loader import load_yaml
from author.render import render
from author.tui.app import AuthorApp

from .conftest import REFERENCE, SEED, focused_id, paste, settle, type_text


async def next_field(pilot, expected: str) -> None:
    await pilot.press("tab")
    assert focused_id(pilot) == expected


def english_facts(data: dict) -> dict:
    """The reference readout without its Japanese facts (`ja` blocks): the English page's."""
    out = {key: value for key, value in data.items() if key != "ja"}
    for side in ("principals", "counterparts"):
        out[side] = [{k: v for k, v in p.items() if k != "ja"} for p in data[side]]
    out["points"] = [p["text"] if isinstance(p, dict) else p for p in data["points"]]
    return out


async def test_enter_the_reference_readout_and_save_it(tmp_path: Path) -> None:
    reference = english_facts(
        load_yaml(REFERENCE.read_text(encoding="utf-8"), str(REFERENCE)).data
    )
    target = tmp_path / "new.readout.yaml"
    app = AuthorApp.for_file(target)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert focused_id(pilot) == "section"
        await type_text(pilot, reference["section"])
        await next_field(pilot, "title")
        await next_field(pilot, "published")
        await type_text(pilot, "2023-09-20")
        await next_field(pilot, "photos")
        first, second = reference["photos"]
        await type_text(pilot, first)
        await pilot.press("enter")
        await type_text(pilot, second)

        await next_field(pilot, "kind")
        await pilot.press("enter", "down", "enter")  # open the list, "meeting", choose
        assert app.session.get(("meeting", "kind")) == "meeting"
        await next_field(pilot, "start")
        await type_text(pilot, "2023-09-20 18:05")
        await next_field(pilot, "timezone")
        await type_text(pilot, "new y")
        await pilot.press("down", "enter")  # completion: America/New_York
        assert app.session.get(("meeting", "timezone")) == "America/New_York"
        await settle(pilot)
        home_time = str(app.editor.query_one("#home-time").render())
        assert home_time == "= on September 21, 7:05 a.m. JST"
        await next_field(pilot, "duration")
        await type_text(pilot, "25 min")

        await next_field(pilot, "approximate")
        await next_field(pilot, "around")
        await next_field(pilot, "place")
        await next_field(pilot, "footnotes")

        for side, person in (
            ("principals", reference["principals"][0]),
            ("counterparts", reference["counterparts"][0]),
        ):
            for key in (
                "honorific",
                "family_name",
                "given_name",
                "name_order",
                "suffix",
                "display_name",
                "title",
                "context",
                "short",
            ):
                await next_field(pilot, f"{side}-0-{key}")
                if key in person:
                    await type_text(pilot, person[key])
            await next_field(pilot, f"add-{side}")

        rendered_name = str(app.editor.query_one(".participant .rendered-name").render())
        assert rendered_name.startswith("Ms. KAMIKAWA Yoko, Minister for Foreign Affairs of Japan")

        await next_field(pilot, "point-0-text")
        for number, text in enumerate(reference["points"]):
            if number:
                await pilot.press("f5")  # a new point after this one
                assert focused_id(pilot) == f"point-{number}-text"
            await paste(pilot, text)

        await settle(pilot)
        assert app.editor.result is not None
        assert app.editor.result.diagnostics == []
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert not app.session.dirty

    assert check_file(target).diagnostics == []
    saved = load_yaml(target.read_text(encoding="utf-8"), str(target)).data
    assert saved == reference
    page = render(check_file(target).readout, "text")
    assert page == SEED.read_text(encoding="utf-8") + "\n"
