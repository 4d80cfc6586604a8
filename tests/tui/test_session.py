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


def test_the_readout_of_the_data_is_the_checked_readout() -> None:
    """The editor paints the page of the form's data before it checks the file's text
    (author/check.py, `readout_of`): for the data of a text the loader reads whole, it is
    the readout `check_text` renders (None where the model refuses it), for valid
    readouts, almost valid ones and the examples (the fuzz corpus's generators)."""
    import random

    from author.check import check_text, readout_of
    from author.tui.page import same_readout
    from tests.fuzz.corpus import EXAMPLES, almost_valid, dump, valid_data

    rng = random.Random(12)
    texts = [path.read_text(encoding="utf-8") for path in EXAMPLES]
    texts += [dump(valid_data(rng)) for _ in range(20)]
    texts += [dump(almost_valid(valid_data(rng), rng)) for _ in range(20)]
    config = Config(home_zone="Europe/London")
    refused = 0
    for text in texts:
        for settings in (Config(), config):
            result = check_text(text, "x.readout.yaml", settings)
            if result.document is None:
                continue  # the loader skipped a part: the editor never holds such data
            readout = readout_of(result.document.data, settings)
            assert same_readout(readout, result.readout)
            refused += readout is None
    assert 0 < refused < len(texts) * 2  # both kinds are there
    assert readout_of(["a list"]) is None and readout_of(None) is None
