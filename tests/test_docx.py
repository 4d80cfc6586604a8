"""`author render --format docx`: the page as a Word document, read back with python-docx.

The document must read as the text page, paragraph by paragraph (a numbered paragraph's
label is computed from the document's own numbering definitions, as Word computes it), its
points must be a real Word list, and no value from the readout may change its structure.
"""

from __future__ import annotations

import io
import os
import pty
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

docx = pytest.importorskip("docx", reason="python-docx (the author[docx] extra) is not installed")

from docx.oxml.ns import qn  # noqa: E402

from author import cli  # noqa: E402
from author.config import Config  # noqa: E402
from author.render import page_context, render  # noqa: E402
from author.word import EAST_ASIAN_FONT, LATIN_FONT, readout_docx  # noqa: E402
from tests.conftest import REFERENCE, REPO, SEED, run_author  # noqa: E402
from tests.test_safe_output import filled, load, plain  # noqa: E402

# -- reading a document back --------------------------------------------------------------


def open_docx(data: bytes) -> Any:
    return docx.Document(io.BytesIO(data))


def numbering_levels(document: Any) -> dict[tuple[str, int], dict[str, str]]:
    """(numId, level) → the level's start, numFmt and lvlText, from numbering.xml."""
    numbering = document.part.numbering_part.element
    abstracts = {a.get(qn("w:abstractNumId")): a for a in numbering.findall(qn("w:abstractNum"))}
    levels = {}
    for num in numbering.findall(qn("w:num")):
        abstract = abstracts[num.find(qn("w:abstractNumId")).get(qn("w:val"))]
        for lvl in abstract.findall(qn("w:lvl")):
            levels[(num.get(qn("w:numId")), int(lvl.get(qn("w:ilvl"))))] = {
                name: lvl.find(qn(f"w:{name}")).get(qn("w:val"))
                for name in ("start", "numFmt", "lvlText")
            }
    return levels


def list_position(paragraph: Any) -> tuple[str, int] | None:
    """(numId, level) of a paragraph in a Word list, or None."""
    ppr = paragraph._p.pPr
    numpr = ppr.find(qn("w:numPr")) if ppr is not None else None
    if numpr is None:
        return None
    return numpr.find(qn("w:numId")).get(qn("w:val")), int(
        numpr.find(qn("w:ilvl")).get(qn("w:val"))
    )


def read_lines(document: Any) -> list[str]:
    """Each paragraph as a reader sees it: the list label Word draws (from the numbering
    definitions: a level counts on, deeper levels restart), then the text."""
    levels = numbering_levels(document)
    counters: dict[str, list[int]] = {}
    lines = []
    for paragraph in document.paragraphs:
        position = list_position(paragraph)
        if position is None:
            lines.append(paragraph.text)
            continue
        num_id, level = position
        count = counters.setdefault(num_id, [0] * 9)
        count[level] += 1
        for deeper in range(level + 1, 9):
            count[deeper] = 0
        label = levels[(num_id, level)]["lvlText"]
        for n in range(9):
            if f"%{n + 1}" in label:
                assert levels[(num_id, n)]["numFmt"] == "decimal"
                start = int(levels[(num_id, n)]["start"])
                label = label.replace(f"%{n + 1}", str(start + count[n] - 1))
        lines.append(f"{label} {paragraph.text}")
    return lines


def page_lines(text_page: str) -> list[str]:
    """The text page's lines as a reader sees them: no indentation, no blank lines."""
    return [line.strip() for line in text_page.splitlines() if line.strip()]


def structure(document: Any) -> list[tuple[str, tuple[str, int] | None, int]]:
    """Each paragraph's style, list position and number of runs: the document's shape."""
    return [(p.style.name, list_position(p), len(p.runs)) for p in document.paragraphs]


# -- the page -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> Any:
    return load(__import__("yaml").safe_load(REFERENCE.read_text(encoding="utf-8")))


def test_the_reference_document_reads_as_the_seed_page(reference) -> None:
    document = open_docx(readout_docx(reference))
    assert read_lines(document) == page_lines(SEED.read_text(encoding="utf-8"))
    assert [p.style.name for p in document.paragraphs] == [
        "Readout Heading",
        "Readout Date",
        "Readout Caption",
        "Readout Caption",
        "Readout Lead",
        "Readout Point",
        "Readout Point",
        "Readout Point",
        "Readout Back",
    ]


def test_every_part_of_the_page_reads_as_the_text_page() -> None:
    readout = load(filled(plain()))
    document = open_docx(readout_docx(readout))
    assert read_lines(document) == page_lines(render(readout, "text"))
    styles = [p.style.name for p in document.paragraphs]
    assert "Readout Point Heading" in styles and "Readout Sub-point" in styles
    assert "Readout Footnote" in styles and styles[-1] == "Readout Back"


def test_points_are_a_word_numbered_list_with_sub_points() -> None:
    data = filled(plain())
    data["points"] = [
        {"text": "First point.", "points": ["One.", "Two."]},
        {"heading": "Energy", "text": "Second point.", "points": ["Three.", "Four.", "Five."]},
        "Third point.",
    ]
    readout = load(data)
    document = open_docx(readout_docx(readout))
    levels = numbering_levels(document)
    numbered = [(p.text, list_position(p)) for p in document.paragraphs if list_position(p)]
    num_ids = {position[0] for _, position in numbered}
    assert len(num_ids) == 1, "every point and sub-point is in one list"
    [num_id] = num_ids
    assert levels[(num_id, 0)] == {"start": "1", "numFmt": "decimal", "lvlText": "%1."}
    assert levels[(num_id, 1)] == {"start": "1", "numFmt": "decimal", "lvlText": "(%2)"}
    assert [(text, position[1]) for text, position in numbered] == [
        ("First point.", 0),
        ("One.", 1),
        ("Two.", 1),
        ("Energy", 0),
        ("Three.", 1),
        ("Four.", 1),
        ("Five.", 1),
        ("Third point.", 0),
    ]
    lines = read_lines(document)
    # the numbers are Word's, not typed: each point's sub-points restart at (1)
    for line in ("1. First point.", "(2) Two.", "2. Energy", "(1) Three.", "3. Third point."):
        assert line in lines
    assert "Second point." in lines  # a headed point's text: its own paragraph, no number
    assert not any(p.text[:1].isdigit() or p.text.startswith("(") for p in document.paragraphs)
    assert lines == page_lines(render(readout, "text"))


def test_a_point_of_several_paragraphs_stays_one_item() -> None:
    data = filled(plain())
    data["points"] = ["First paragraph.\n\nSecond paragraph.", "Next point."]
    readout = load(data)
    document = open_docx(readout_docx(readout))
    shape = [(p.text, list_position(p)) for p in document.paragraphs if "paragraph" in p.text]
    assert shape[0][1] is not None and shape[0][1][1] == 0
    assert shape[1] == ("Second paragraph.", None)
    assert "2. Next point." in read_lines(document)
    assert page_lines(render(readout, "text")) == read_lines(document)


def test_a4_serif_and_a_japanese_font_named_in_the_style(reference) -> None:
    document = open_docx(readout_docx(reference))
    section = document.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    normal = document.styles["Normal"].element.rPr
    for rpr in (defaults, normal):
        fonts = rpr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:ascii")) == fonts.get(qn("w:hAnsi")) == LATIN_FONT
        assert fonts.get(qn("w:eastAsia")) == EAST_ASIAN_FONT == "Yu Mincho"
        assert not any("Theme" in key or "theme" in key for key in fonts.attrib)
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "ja-JP"
    # every paragraph style of the page comes down from Normal, so it keeps these fonts
    for paragraph in document.paragraphs:
        assert paragraph.style.base_style.name == "Normal"
    assert document.core_properties.title == "Japan-Ukraine Relations"
    assert document.core_properties.author == ""


def test_the_same_readout_gives_the_same_bytes(reference) -> None:
    assert readout_docx(reference) == readout_docx(reference)


# -- hostile values -------------------------------------------------------------------------

HOSTILE = [
    "<w:p><w:r><w:t>injected paragraph</w:t></w:r></w:p>",
    "</w:t></w:r></w:p><w:p><w:r><w:t>closed early",
    '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>&e;',
    "]]><![CDATA[x]]>",
    "&amp; &lt;w:br/&gt; &#10; &#x1F600;",
    "a \"quoted\" 'value' with <angle> & ampersand",
    "line one\nline two",
    "first\n\n  indented after a blank line",
    "a\ttab",
    "%1. %2 (%3) lvlText",
    "1. typed number",
    "(1) typed sub-point",
    "\u202eright-to-left override\u202c and \u200fmark",
    "zero\u200bwidth\u200djoiner\ufeffbom",
    "line\u2028separator\u2029paragraph separator",
    "🇯🇵 👩‍👩‍👧 e\u0301 𝐌𝐚𝐭𝐡",
    "日本語のテキスト（全角）",
    "   leading and trailing spaces   ",
    "{{ 7 * 7 }}",
    "\u00a0non-breaking\u00a0spaces\u00a0",
]

FIELDS = list(plain())
POINT_TEXTS = ("point", "item text")


def paragraphs_of(context: dict[str, Any]) -> list[str]:
    return [
        *([context["section_line"]] if context.get("section_line") else []),
        context["heading"],
        context["date_line"],
        *context["captions"],
        context["lead"],
    ]


@pytest.mark.parametrize("shift", range(len(HOSTILE)))
def test_no_value_changes_the_documents_structure(shift: int) -> None:
    values = {name: HOSTILE[(i + shift) % len(HOSTILE)] for i, name in enumerate(FIELDS)}
    # A blank line in a point's text is the format's paragraph break (edition 2; tested
    # above); in every other field it is a line break inside the value's paragraph.
    for name in POINT_TEXTS:
        values[name] = values[name].replace("\n\n", "\n")
    hostile = load(filled({**plain(), **values}))
    baseline = open_docx(readout_docx(load(filled(plain()))))
    document = open_docx(readout_docx(hostile))
    assert structure(document) == structure(baseline)
    assert len(document.element.body.findall(qn("w:p"))) == len(
        baseline.element.body.findall(qn("w:p"))
    )
    context = page_context(hostile)
    texts = [p.text for p in document.paragraphs]
    assert texts[: len(paragraphs_of(context))] == paragraphs_of(context)
    assert texts[-1] == context["back_to"]
    for point in context["points"]:
        for value in (point.heading, point.text, *point.points):
            if value:
                assert value in texts


# -- the command ------------------------------------------------------------------------------


def test_render_docx_to_output(tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    done = run_author("render", str(REFERENCE), "--format", "docx", "--output", str(target))
    assert done.returncode == 0, done.stderr
    assert done.stdout == ""
    document = docx.Document(str(target))
    assert read_lines(document) == page_lines(SEED.read_text(encoding="utf-8"))
    assert not [p for p in tmp_path.iterdir() if p.name != "x.docx"]  # no temporary left


def test_render_docx_to_a_redirected_stdout() -> None:
    done = subprocess.run(
        [sys.executable, "-m", "author", "render", str(REFERENCE), "--format", "docx"],
        capture_output=True,
        cwd=REPO,
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout[:2] == b"PK"
    assert read_lines(open_docx(done.stdout))[0] == "Japan-Ukraine Relations"


def test_render_docx_never_writes_to_a_terminal() -> None:
    leader, follower = pty.openpty()
    try:
        done = subprocess.run(
            [sys.executable, "-m", "author", "render", str(REFERENCE), "--format", "docx"],
            stdout=follower,
            stderr=subprocess.PIPE,
            cwd=REPO,
            timeout=120,
            env={**os.environ, "PYTHONPATH": str(REPO)},
        )
        os.set_blocking(leader, False)
        try:
            written = os.read(leader, 4096)
        except (BlockingIOError, OSError):
            written = b""
    finally:
        os.close(leader)
        os.close(follower)
    assert done.returncode == 2
    assert b"PK" not in written
    assert b"give --output FILE.docx" in done.stderr


def test_a_missing_extra_is_named(monkeypatch, capsys, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "docx", None)  # as if python-docx were not installed
    target = tmp_path / "x.docx"
    status = cli.main(["render", str(REFERENCE), "--format", "docx", "--output", str(target)])
    err = capsys.readouterr().err
    assert status == 2
    assert err.splitlines() == [
        "author: --format docx needs python-docx: install it with pip install 'author[docx]'"
    ]
    assert not target.exists()


def test_a_readout_with_errors_leaves_the_document_alone(tmp_path: Path) -> None:
    broken = tmp_path / "x.readout.yaml"
    broken.write_text(
        REFERENCE.read_text(encoding="utf-8").replace("America/New_York", "America/NewYork"),
        encoding="utf-8",
    )
    target = tmp_path / "x.docx"
    target.write_bytes(b"the cleared version")
    done = run_author("render", str(broken), "--format", "docx", "--output", str(target))
    assert done.returncode == 1
    assert "unknown time zone 'America/NewYork'" in done.stderr
    assert target.read_bytes() == b"the cleared version"


def test_render_check_leaves_word_documents_alone(tmp_path: Path) -> None:
    readout = tmp_path / "x.readout.yaml"
    shutil.copyfile(REFERENCE, readout)
    (tmp_path / "x.txt").write_text(SEED.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    document = tmp_path / "x.docx"
    document.write_bytes(b"an old document, not what the readout renders now")
    for args in ([str(readout)], [str(document)], [str(readout), str(document)]):
        done = run_author("render", "--check", *args)
        assert done.returncode == 0, (args, done.stderr)
        assert done.stderr == ""
    done = run_author("render", "--check", str(readout), "--format", "docx")
    assert done.returncode == 2
    assert "a Word document (docx) is not checked" in done.stderr
    assert document.read_bytes() == b"an old document, not what the readout renders now"


def test_render_docx_reads_the_projects_settings(tmp_path: Path) -> None:
    (tmp_path / ".author.toml").write_text('home_label = "Japan time"\n', encoding="utf-8")
    readout = tmp_path / "x.readout.yaml"
    shutil.copyfile(REFERENCE, readout)
    done = run_author("render", "x.readout.yaml", "--format", "docx", "-o", "x.docx", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    lead = docx.Document(str(tmp_path / "x.docx")).paragraphs[4].text
    assert "7:05 a.m. Japan time" in lead
    assert Config().home_label == "JST"
