"""The editor's document model, without Textual."""

from __future__ import annotations

from pathlib import Path

import pytest

from author.config import Config
from author.loader import load_yaml
from author.tui.session import EditSession, OpenFailed

from .conftest import REFERENCE


def test_set_and_remove_values_by_loc() -> None:
    session = EditSession(None, Config())
    assert session.set(("meeting", "timezone"), "Asia/Seoul")
    assert session.data["meeting"] == {"timezone": "Asia/Seoul"}
    assert not session.set(("meeting", "timezone"), "Asia/Seoul")  # unchanged
    assert session.set(("meeting", "timezone"), None)
    assert session.data["meeting"] == {}
    assert session.set(("principals", 0, "title"), "Minister")
    assert session.data["principals"] == [{"title": "Minister"}]
    assert not session.set(("points", 5, "heading"), "x")  # no such point
    session.data["counterparts"] = ["not a mapping"]
    assert not session.set(("counterparts", 0, "title"), "x")
    assert session.data["counterparts"] == ["not a mapping"]


def test_a_point_stays_a_string_until_it_needs_more() -> None:
    session = EditSession(None, Config())
    session.data["points"] = ["First."]
    assert session.set_point_part(0, "heading", "Energy")
    assert session.data["points"] == [{"text": "First.", "heading": "Energy"}]
    assert session.set_point_part(0, "points", ["(a)."])
    assert session.set_point_part(0, "heading", None)
    assert session.set_point_part(0, "points", None)
    assert session.data["points"] == [{"text": "First."}]  # was a mapping: stays one
    session.data["points"].append("Second.")
    assert session.set_point_part(1, "text", "Second, edited.")
    assert session.data["points"][1] == "Second, edited."
    assert session.move("points", 1, -1) == 0
    assert session.data["points"][0] == "Second, edited."
    assert session.move("points", 0, -1) is None


def test_open_save_round_trip_and_draft(reference_copy: Path) -> None:
    before = reference_copy.read_bytes()
    session = EditSession.open(reference_copy, Config())
    assert not session.dirty
    session.save()
    assert reference_copy.read_bytes() == before
    assert not session.changed_on_disk()
    session.set(("section",), "Changed")
    assert session.dirty
    assert session.write_draft()
    assert not session.write_draft()  # nothing new since
    draft = session.draft.path
    assert draft is not None and draft.name.startswith(reference_copy.name + ".")
    assert draft.stat().st_mode & 0o777 == 0o600
    assert draft.parent.stat().st_mode & 0o777 == 0o700
    # a second session on the same file does not see the first's live draft...
    assert EditSession.open(reference_copy, Config()).left_drafts() == []
    session.draft.release()  # ...until the first one's editor has gone
    reopened = EditSession.open(reference_copy, Config())
    (left,) = reopened.left_drafts()
    assert left.data["section"] == "Changed"
    session.save()
    assert not draft.exists()


def test_opening_reads_files_as_the_cli_does(tmp_path: Path) -> None:
    expected = load_yaml(REFERENCE.read_text(encoding="utf-8")).data
    utf16 = tmp_path / "utf16.readout.yaml"
    utf16.write_bytes(REFERENCE.read_text(encoding="utf-8").encode("utf-16"))
    assert EditSession.open(utf16, Config()).data == expected
    crlf = tmp_path / "crlf.readout.yaml"
    crlf.write_bytes(b"\xef\xbb\xbf" + REFERENCE.read_bytes().replace(b"\n", b"\r\n"))
    assert EditSession.open(crlf, Config()).data == expected

    with pytest.raises(OpenFailed, match=r"too-large"):
        EditSession.open(REFERENCE, Config(max_bytes=100))
    junk = tmp_path / "junk.readout.yaml"
    junk.write_bytes(b"- a\n- b\n")
    with pytest.raises(OpenFailed, match=r"junk.readout.yaml:1:1: error: .*\[not-a-readout\]"):
        EditSession.open(junk, Config())


def test_the_check_in_two_steps_is_the_check() -> None:
    """The editor paints a readout's page before the lint runs (author/check.py,
    `check_in_steps`): its first step holds the readout and no lint problem, and its
    `finish()` is exactly `check_text`, for valid readouts, almost valid ones and texts
    the loader refuses (the fuzz corpus's generators)."""
    import random

    from author.check import check_in_steps, check_text
    from author.lint import lint
    from tests.fuzz.corpus import EXAMPLES, almost_valid, dump, valid_data

    rng = random.Random(12)
    texts = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    texts += [dump(valid_data(rng)) for _ in range(15)]
    texts += [dump(almost_valid(valid_data(rng), rng)) for _ in range(15)]
    texts += ["", "- a list\n", "section: [unclosed\n", "a: 1\na: 2\n"]
    config = Config(disable=frozenset({"clock-style"}))
    linted = 0
    for text in texts:
        for settings in (Config(), config):
            steps = check_in_steps(text, "x.readout.yaml", settings)
            whole = check_text(text, "x.readout.yaml", settings)
            finished = steps.finish()
            assert finished.diagnostics == whole.diagnostics
            assert finished.readout == steps.model.readout == whole.readout
            assert (finished.document is None) == (whole.document is None)
            if whole.document is not None:
                assert finished.document.data == whole.document.data
            if steps.document is not None:
                found = lint(steps.document, "x.readout.yaml", settings)
                assert not [d for d in found if d in steps.model.diagnostics]
                linted += bool(found)
    assert linted  # some of them have lint problems, held back to the second step
