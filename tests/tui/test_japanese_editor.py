"""The Japanese page in the editor: the `ja` fields under their English fields, a point's
Japanese text with its number check as the author types, F12 between the two pages, and
Japanese text typed, pasted, saved and opened again intact (wide characters)."""

from __future__ import annotations

from pathlib import Path

from rich.cells import cell_len

from author.tui.app import AuthorApp
from tests.test_japanese_page import REFERENCE_LEAD

from .conftest import load_data, paste, settle, type_text


def _ids(widget) -> list[str]:
    return [w.id for w in widget.query("*") if w.id]


async def test_every_japanese_field_stands_under_its_english_field(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        form = app.editor.form
        assert form.has_class("-japanese")  # the readout has ja facts: they are shown
        card = app.editor.query(".participant").last()
        ids = [i for i in _ids(card) if i.startswith("counterparts-0-")]
        order = [i.removeprefix("counterparts-0-") for i in ids]
        for english, japanese in (
            ("display_name", "ja-name"),
            ("title", "ja-title"),
            ("context", "ja-context"),
            ("short", "ja-short"),
        ):
            assert order.index(japanese) == order.index(english) + 1, order
        assert app.editor.query_one("#counterparts-0-ja-name").value == "ドミトロ・クレーバ"
        assert app.editor.query_one("#counterparts-0-ja-designation").value is True
        assert not app.editor.query("#principals-0-ja-designation")  # counterparts only
        header = _ids(app.editor.query_one("#header-form"))
        assert header.index("ja-section") == header.index("section") + 1
        assert header.index("ja-title") == header.index("title") + 1
        assert header.index("ja-photos") == header.index("photos") + 1
        points = _ids(app.editor.query_one("#points-editor"))
        assert points.index("point-1-ja") == points.index("point-1-text") + 1
        assert app.editor.query_one("#point-0-ja").text.startswith("冒頭、上川大臣から、")
        rendered = str(card.query_one(".rendered-name").render())
        assert "in Japanese: ドミトロ・クレーバ・ウクライナ外務大臣（H.E. Mr. Dmytro KULEBA" in rendered


async def test_an_english_readout_keeps_its_short_form_until_f10(tmp_path: Path) -> None:
    from tests.conftest import EXAMPLES

    target = tmp_path / "p.readout.yaml"
    target.write_bytes(
        (EXAMPLES / "japan-philippines-telephone-2024-01-10.readout.yaml").read_bytes()
    )
    app = AuthorApp.for_file(target)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        name = app.editor.query_one("#counterparts-0-ja-name")
        assert not app.editor.form.has_class("-japanese")
        assert not name.parent.display or name.parent.styles.display == "none"
        await pilot.press("f10")
        await settle(pilot)
        assert name.parent.styles.display == "block"


async def test_f12_switches_the_preview_between_the_two_pages(reference_copy: Path) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(140, 40)) as pilot:
        await settle(pilot)
        preview = app.editor.preview
        assert preview.text.startswith("Japan-Ukraine Relations\n")
        hints = str(app.editor.query_one("KeyHints").render())
        assert "F12" in hints and "EN/JA" in hints  # shown in the footer
        await pilot.press("f12")
        await settle(pilot)
        assert preview.lang == "ja"
        assert REFERENCE_LEAD in preview.text.splitlines()
        assert "日本語" in str(preview.title.render())
        await pilot.press("f12")
        await settle(pilot)
        assert preview.text.startswith("Japan-Ukraine Relations\n")


async def test_the_number_check_shows_under_the_point_as_the_author_types(
    reference_copy: Path,
) -> None:
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        ja = app.editor.query_one("#point-2-ja")
        assert str(ja.border_subtitle) == ""
        ja.focus()
        ja.move_cursor(ja.document.end)  # (End goes to the end of the wrapped line)
        await type_text(pilot, "さらに3台。")
        await settle(pilot)
        assert app.session.data["points"][2]["ja"].endswith("さらに3台。")
        assert "the Japanese has 3" in str(ja.border_subtitle)
        assert ja.has_class("-warning")
        for _ in "さらに3台。":
            await pilot.press("backspace")
        await settle(pilot)
        assert str(ja.border_subtitle) == ""


async def test_japanese_pasted_into_a_new_readout_is_saved_and_opens_again(
    tmp_path: Path,
) -> None:
    target = tmp_path / "new.readout.yaml"
    app = AuthorApp.for_file(target)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f10")  # the Japanese fields of a readout that has none yet
        await settle(pilot)
        name = app.editor.query_one("#principals-0-ja-name")
        name.focus()
        await paste(pilot, "上川陽子")
        # Wide characters: the cursor stands after the four characters, eight cells on.
        assert name.value == "上川陽子" and name.cursor_position == 4
        assert cell_len(name.value[: name.cursor_position]) == 8
        await type_text(pilot, "（かみかわ）")
        assert name.value == "上川陽子（かみかわ）"
        point = app.editor.query_one("#point-0-ja")
        point.focus()
        long_text = "冒頭、上川大臣から、" + "日本とウクライナの関係を一層強化していきたい旨述べました。" * 4
        await paste(pilot, long_text)
        await settle(pilot)
        assert point.text == long_text
        assert point.cursor_location == (0, len(long_text))
        # Wrapped within the box: no wrapped line is wider than the text area.
        width = point.content_region.width
        [sections] = point.wrapped_document.lines  # one line of text, wrapped in sections
        assert len(sections) > 1 and max(cell_len(part) for part in sections) <= width
        assert app.session.data["points"][0] == {"text": "", "ja": long_text}
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_data(target)
    assert saved["principals"][0]["ja"] == {"name": "上川陽子（かみかわ）"}
    assert saved["points"][0]["ja"] == long_text
    app = AuthorApp.for_file(target)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.editor.form.has_class("-japanese")
        assert app.editor.query_one("#principals-0-ja-name").value == "上川陽子（かみかわ）"
        assert app.editor.query_one("#point-0-ja").text == long_text


async def test_a_bilingual_readout_round_trips_with_every_japanese_text(
    reference_copy: Path,
) -> None:
    before = reference_copy.read_bytes()
    data = load_data(reference_copy)
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        section = app.editor.query_one("#ja-section")
        section.focus()
        await pilot.press("end")
        await type_text(pilot, "関係")
        await settle(pilot)
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_data(reference_copy)
    assert saved["ja"]["section"] == "ウクライナ関係"
    saved["ja"]["section"] = "ウクライナ"
    assert saved == data  # every other Japanese (and English) text as it was
    after = reference_copy.read_text(encoding="utf-8")
    assert after.replace("ウクライナ関係", "ウクライナ", 1).encode() == before
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        assert app.editor.query_one("#ja-section").value == "ウクライナ関係"
        await pilot.press("ctrl+s")
        await settle(pilot)
    assert reference_copy.read_text(encoding="utf-8") == after  # unchanged: nothing edited


async def test_a_points_japanese_heading_and_sub_points_are_edited_with_f9(
    reference_copy: Path,
) -> None:
    """F9 on a point of a bilingual readout: its heading and sub-points, and under each its
    Japanese one (`ja: {text, heading, points}`), pasted; the Japanese page has them, and
    they are saved beside the English ones, the point's Japanese text intact."""
    from author.tui.screens.dialogs import PointDetailsDialog

    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        editor = app.editor
        ja_text = app.session.data["points"][0]["ja"]
        editor.query_one("#point-0-text").focus()
        await pilot.press("f9")
        await pilot.pause()
        assert isinstance(app.screen, PointDetailsDialog)
        await type_text(pilot, "Bilateral relations")
        await pilot.press("tab")  # Heading (ja)
        await paste(pilot, "二国間関係")
        await pilot.press("tab")  # Sub-points
        await type_text(pilot, "Support for Ukraine")
        await pilot.press("tab")  # Sub-points (ja)
        await paste(pilot, "ウクライナ支援\n復興支援")
        await pilot.press("f9")
        await settle(pilot)
        point = app.session.data["points"][0]
        assert point["heading"] == "Bilateral relations"
        assert point["points"] == ["Support for Ukraine"]
        assert point["ja"] == {"text": ja_text, "heading": "二国間関係",
                               "points": ["ウクライナ支援", "復興支援"]}
        box = editor.query_one("#point-0-ja")
        assert str(box.border_title) == "1. (ja) 二国間関係"
        assert "2 sub-points (ja)" in str(box.border_subtitle)
        assert box.text == ja_text  # the box now edits `ja.text`, the text intact
        await pilot.press("f12")
        await settle(pilot)
        page = editor.preview.text
        assert "二国間関係" in page and "（1）ウクライナ支援" in page.replace(" ", "")
        await pilot.press("ctrl+s")
        await settle(pilot)
    saved = load_data(reference_copy)
    assert isinstance(saved, dict)
    assert saved["points"][0]["ja"]["points"] == ["ウクライナ支援", "復興支援"]


async def test_the_japanese_preview_breaks_lines_as_japanese_does(reference_copy: Path) -> None:
    """A numbered point's number stays with its text (`1.` alone on a line was the bug),
    no line starts with `、` or `。`, and the lines follow the preview's width."""
    app = AuthorApp.for_file(reference_copy)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot)
        await pilot.press("f12")
        await settle(pilot)
        view = app.editor.preview.page
        width = view.wrap_width
        lines = view.text.split("\n")
        assert any(line.startswith("  1. 冒頭、上川大臣から") for line in lines)
        assert not any(line.strip() in ("1.", "2.", "3.") for line in lines)
        assert not any(line.startswith(("、", "。")) for line in lines)
        assert all(cell_len(line) <= width for line in lines)
        assert "".join(view.text.split()) == "".join(app.editor.preview.text.split())
        await pilot.resize_terminal(112, 40)  # narrower: laid out again for its width
        await settle(pilot)
        assert view.wrap_width != width
        assert all(cell_len(line) <= view.wrap_width for line in view.text.split("\n"))
