"""The editor's Textual-free parts, each without an app: list edits (author/tui/lists.py),
problems to their fields (author/tui/routing.py), export and what a save says
(author/tui/export.py), what the preview shows (author/tui/page.py), and the key table
(author/tui/keys.py)."""

from __future__ import annotations

from pathlib import Path

from author.check import check_text
from author.config import Config
from author.diagnostics import Diagnostic, Loc
from author.tui.export import export_pages, saved_notice, stale_pages
from author.tui.keys import KEYS, bindings, help_rows, hints, key_for, tooltip
from author.tui.lists import LISTS, ListEdit, Op, apply_edit, field_in_item, filled, list_of
from author.tui.page import preview_state
from author.tui.routing import ProblemRouter, split_unknown
from author.tui.session import EditSession

from .conftest import REFERENCE


def session_with(data: dict[str, object]) -> EditSession:
    session = EditSession(None, Config())
    session.data = data
    return session


# -- lists -------------------------------------------------------------------------------------


def test_add_remove_move_a_participant_and_undo() -> None:
    kuleba = {"honorific": "H.E. Mr.", "family_name": "Kuleba", "title": "Minister"}
    session = session_with({"counterparts": [kuleba]})
    added = apply_edit(session, ListEdit("counterparts", 0, Op.ADD))
    assert added.changed and added.focus == ("counterparts", 1, "honorific")
    assert session.data["counterparts"] == [kuleba, {}]
    moved = apply_edit(session, ListEdit("counterparts", 1, Op.MOVE, -1), ("title",))
    assert moved.focus == ("counterparts", 0, "title")  # the field focused stays focused
    assert session.data["counterparts"] == [{}, kuleba]
    assert not apply_edit(session, ListEdit("counterparts", 0, Op.MOVE, -1)).changed
    removed = apply_edit(
        session, ListEdit("counterparts", 1, Op.REMOVE), ("title",), lambda e: "H.E. Mr. KULEBA"
    )
    assert removed.message == "Counterpart 2 (H.E. Mr. KULEBA) removed; Ctrl+Z to undo"
    assert removed.focus == ("counterparts", 0, "title")
    empty = apply_edit(session, ListEdit("counterparts", 0, Op.REMOVE))
    assert empty.changed and empty.message == ""  # an empty card goes without a word
    assert empty.focus is None  # the list is empty: its add button
    session.undo()
    session.undo()
    assert session.data["counterparts"] == [{}, kuleba]


def test_follow_ons_live_under_the_meeting_and_go_when_empty() -> None:
    session = session_with({"meeting": {"kind": "meeting"}})
    outcome = apply_edit(session, ListEdit("follow_ons", -1, Op.ADD))
    assert outcome.focus == ("meeting", "followed_by", 0, "kind")
    assert session.data["meeting"]["followed_by"] == [{"kind": "working_dinner"}]
    outcome = apply_edit(session, ListEdit("follow_ons", 0, Op.REMOVE), ("start",))
    assert outcome.focus is None
    assert session.data["meeting"] == {"kind": "meeting"}  # no `followed_by: []` left
    step = session.undo()
    assert step is not None and step.what == "remove"
    assert session.data["meeting"]["followed_by"] == [{"kind": "working_dinner"}]


def test_points_and_where_a_field_stands_in_its_item() -> None:
    session = session_with({"points": ["One.", "Two."]})
    apply_edit(session, ListEdit("points", 1, Op.MOVE, -1))
    assert session.data["points"] == ["Two.", "One."]
    removed = apply_edit(session, ListEdit("points", 0, Op.REMOVE))
    assert removed.message == "Point 1 removed; Ctrl+Z to undo"
    assert list_of(("principals", 0, "ja", "name")) is LISTS["principals"]
    assert field_in_item(("principals", 0, "ja", "name")) == ("ja", "name")
    assert field_in_item(("meeting", "followed_by", 2, "start")) == ("start",)
    assert list_of(("meeting", "start")) is None and field_in_item(("section",)) == ()
    assert not filled({"ja": {"name": " "}, "title": None}) and filled(["", "x"])


# -- routing -----------------------------------------------------------------------------------


class FakeField:
    def __init__(self, *locs: Loc) -> None:
        self.locs = list(locs)
        self.shown: list[list[str]] = []
        self.focused = False

    def target_locs(self) -> list[Loc]:
        return self.locs

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        self.shown.append([d.code for d in diagnostics])

    def focus_problem(self) -> None:
        self.focused = True


def problem(code: str, *loc: str | int) -> Diagnostic:
    return Diagnostic(1, 1, "error", code, "message", "x.readout.yaml", tuple(loc))


def test_problems_go_to_their_field_or_the_nearest_above() -> None:
    title = FakeField(("counterparts", 0, "title"))
    side = FakeField(("counterparts",))
    start = FakeField(("meeting", "start"))
    router = ProblemRouter(lambda: [title, side, start])
    assert router.target_for(("counterparts", 0, "title")) is title
    assert router.target_for(("counterparts", 0, "ja", "short")) is side  # nearest above
    assert router.target_for(("meeting",)) is start  # the first field inside it
    assert router.target_for(("phrasing", "home_label")) is None
    router.route([problem("missing-field", "counterparts", 0, "title")])
    router.route([problem("missing-field", "counterparts", 0, "title")])  # unchanged: once
    assert title.shown == [["missing-field"]] and side.shown == []  # nothing new to show
    router.forget()  # the form was built again: its new fields are shown their problems
    router.route([problem("missing-field", "counterparts", 0, "title")])
    assert title.shown == [["missing-field"], ["missing-field"]]


def test_unknown_fields_are_split_off() -> None:
    unknown, others = split_unknown([problem("unknown-field", "sectoin"), problem("bad-start")])
    assert [d.code for d in unknown] == ["unknown-field"]
    assert [d.code for d in others] == ["bad-start"]


# -- export and the preview --------------------------------------------------------------------


def test_export_writes_the_pages_and_a_save_names_the_stale_ones(tmp_path: Path) -> None:
    readout = tmp_path / "kyiv.readout.yaml"
    text = REFERENCE.read_text(encoding="utf-8")
    readout.write_text(text, encoding="utf-8")
    result = check_text(text, str(readout))
    notices = export_pages(readout, result, Config())
    assert notices[0].title == "Export" and "kyiv.txt" in notices[0].message
    assert (tmp_path / "kyiv.ja.txt").is_file()  # the reference has every Japanese text
    assert stale_pages(readout, result, Config()) == []
    edited = check_text(text.replace("Japan-Ukraine Relations", "Japan-Ukraine", 1), str(readout))
    notice = saved_notice(readout, edited, Config())
    assert "Out of date now: kyiv.txt" in notice.message and notice.severity == "warning"
    assert export_pages(None, result, Config())[0].message.startswith("Save the readout first")


def test_export_is_refused_with_errors() -> None:
    result = check_text("section: x\n", "x.readout.yaml")
    [notice] = export_pages(Path("x.readout.yaml"), result, Config())
    assert notice.severity == "error" and notice.message.startswith("Cannot export: fix the")


def test_the_preview_is_the_page_or_the_page_so_far() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    result = check_text(text, "x.readout.yaml")
    state = preview_state(result, None, "en", Config())
    assert state.page is not None and "7:05 a.m. JST" in state.page and not state.partial
    japanese = preview_state(result, None, "ja", Config())
    assert japanese.page is not None and japanese.missing == 0
    data = {"points": ["First."]}
    partial = preview_state(check_text("points: [First.]\n", "x"), data, "en", Config())
    assert partial.partial and partial.page is not None and "[section]" in partial.page
    assert partial.errors > 0


# -- the key table -----------------------------------------------------------------------------


def test_every_key_comes_from_the_table() -> None:
    assert [h[1] for h in hints("point")] == ["Add", "Remove", "Move", "Heading"]
    assert [h[1] for h in hints("participant")] == ["Add", "Remove", "Move"]
    assert tooltip("Remove", "remove", "participant") == "Remove (F6)"
    assert key_for("done", "details") == "F9" and key_for("dismiss(None)", "drafts") == "Esc"
    keys = {b.key for b in bindings("follow_on") if not isinstance(b, tuple)}
    assert keys == {"f5", "f6", "f7,alt+up", "f8,alt+down"}
    rows = dict(help_rows())
    assert rows["Ctrl+Z"].startswith("undo") and "F9" in rows
    assert all(key.word for key in KEYS if key.footer)


# -- the Japanese page's line breaks -------------------------------------------------------------


def test_japanese_lines_break_between_characters_and_keep_punctuation() -> None:
    from rich.cells import cell_len

    from author.tui.wrapja import wrap_page

    point = "  1. 冒頭、上川大臣から、就任前からロシアによるウクライナ侵略をめぐる情勢を注視しました。"
    lines = wrap_page(point, 20).split("\n")
    assert lines[0].startswith("  1. 冒頭")  # the number stays with its text
    assert all(cell_len(line) <= 20 for line in lines)
    assert not any(line.startswith(("、", "。", "）")) for line in lines)  # kinsoku
    assert "".join(lines) == point  # nothing added or lost
    latin = "外務大臣（H.E. Mr. Dmytro KULEBA）と1,500台"
    for line in wrap_page(latin, 14).split("\n"):
        assert "KUL" not in line or "KULEBA" in line  # a Latin word stays whole
        assert "1," not in line or "1,500" in line
    assert wrap_page("短い\n\n行", 40) == "短い\n\n行"
