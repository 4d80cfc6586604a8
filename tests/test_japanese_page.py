"""The Japanese page (`render --lang ja`), its `ja` facts and its checks, from real readouts."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

import pytest

from author.check import check_text, for_japanese_page
from author.render import render
from tests.conftest import EXAMPLES, REFERENCE, SEED, SHARED
from tests.conftest import run_author as run

KOREA = EXAMPLES / "japan-korea-telephone-2024-01-23.readout.yaml"

# The contract's reference lead (../shared/design/japanese-page.md, "The reference pair").
REFERENCE_LEAD = (
    "現地時間9月20日午後6時05分（日本時間21日午前7時05分）から約25分間、"
    "国連総会出席のため米国・ニューヨークを訪問中の上川陽子外務大臣は、"
    "ドミトロ・クレーバ・ウクライナ外務大臣（H.E. Mr. Dmytro KULEBA, Minister for Foreign "
    "Affairs of Ukraine）と会談を行ったところ、概要は以下のとおりです。"
)


def _readout(text: str):
    result = check_text(text, "x.readout.yaml")
    assert result.readout is not None, result.diagnostics
    return result.readout


def test_the_reference_lead_is_the_contracts_exactly() -> None:
    contract = SHARED / "design" / "japanese-page.md"
    if contract.is_file():
        written = [
            line.strip()
            for line in contract.read_text(encoding="utf-8").splitlines()
            if line.strip().startswith("現地時間9月20日")
        ]
        assert written == [REFERENCE_LEAD]
    done = run("render", str(REFERENCE), "--lang", "ja")
    assert done.returncode == 0, done.stderr
    assert done.stderr == ""
    assert REFERENCE_LEAD in done.stdout.splitlines()


def test_the_reference_english_page_stays_the_seed() -> None:
    done = run("render", str(REFERENCE))
    assert done.stdout == SEED.read_text(encoding="utf-8") + "\n"


def test_the_reference_japanese_page_text() -> None:
    page = render(_readout(REFERENCE.read_text(encoding="utf-8")), "text", lang="ja")
    lines = page.splitlines()
    assert lines[:7] == [
        "日・ウクライナ外相会談",
        "",
        "令和5年9月20日",
        "向かい合い、握手を交わす、両外相の様子",
        "テーブルに着席し、会談する両外相の様子",
        "",
        REFERENCE_LEAD,
    ]
    assert lines[7] == ""
    assert lines[8].startswith("  1. 冒頭、上川大臣から、")
    assert lines[10].startswith("  3. ") and "1,500台" in lines[10]
    assert lines[-2:] == ["", "ウクライナへ戻る"]
    assert page.endswith("ウクライナへ戻る\n")


def test_the_korean_telephone_talk_from_tokyo() -> None:
    done = run("render", str(KOREA), "--lang", "ja")
    assert done.returncode == 0, done.stderr
    lines = done.stdout.splitlines()
    assert lines[:3] == ["日韓外相電話会談", "", "令和6年1月23日"]
    assert lines[4] == (
        "1月23日、午後5時35分から約35分間、上川陽子外務大臣は、趙兌烈（チョ・テヨル）"
        "韓国外交部長官と電話会談を行ったところ、概要は以下のとおりです。"
    )
    assert lines[-1] == "大韓民国へ戻る"
    english = run("render", str(KOREA)).stdout
    assert "H.E. Mr. CHO Tae-yul, Minister of Foreign Affairs of the Republic of Korea." in english


def test_every_example_validates_without_a_warning() -> None:
    done = run("validate", *sorted(str(p) for p in EXAMPLES.glob("*.readout.yaml")))
    assert done.returncode == 0 and done.stdout == "", done.stdout


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.html_lang: str | None = None
        self.text: list[str] = []
        self.items = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "html":
            self.html_lang = dict(attrs).get("lang")
        self.items += tag == "li"

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def test_html_and_markdown_carry_the_same_content() -> None:
    readout = _readout(REFERENCE.read_text(encoding="utf-8"))
    html = render(readout, "html", lang="ja")
    parser = _Tags()
    parser.feed(html)
    parser.close()
    assert parser.html_lang == "ja"
    text = "".join(parser.text)
    assert REFERENCE_LEAD in text
    assert "令和5年9月20日" in text and "ウクライナへ戻る" in text
    assert parser.items == 2 + 3  # two captions, three points
    md = render(readout, "md", lang="ja")
    assert md.startswith("# 日・ウクライナ外相会談\n")
    assert REFERENCE_LEAD.replace("H.E.", "H.E.") in md
    assert "\n1. 冒頭、" in md and "\n3. " in md


HEADED = """\
section: Japan-Philippines Relations
published: 2024-07-08
meeting:
  kind: working_lunch
  start: 2024-07-08 12:00
  timezone: Asia/Manila
  duration: 90 min
  around: true
principals:
  - honorific: Ms.
    family_name: Kamikawa
    given_name: Yoko
    title: Minister for Foreign Affairs of Japan
    ja: {name: 上川陽子, title: 外務大臣, context: フィリピンを訪問中の, short: 上川大臣}
counterparts:
  - honorific: H.E. Mr.
    given_name: Enrique A.
    family_name: Manalo
    title: Secretary of Foreign Affairs of the Republic of the Philippines
    ja: {name: エンリケ・マナロ, title: フィリピン外務長官, short: マナロ長官}
  - honorific: the Honorable
    given_name: Gilberto
    family_name: Teodoro
    title: Secretary of National Defense of the Republic of the Philippines
    ja: {name: ギルベルト・テオドロ, title: フィリピン国防長官}
points:
  - text: The ministers signed the Reciprocal Access Agreement.
    heading: Bilateral relations
    points:
      - The first sub-point.
      - The second sub-point.
    ja:
      text: 両大臣は、円滑化協定に署名しました。
      heading: 二国間関係
      points:
        - 一つ目の小項目。
        - 二つ目の小項目。
ja:
  section: フィリピン
"""


def test_headings_sub_points_several_counterparts_around_and_a_home_day() -> None:
    readout = _readout(HEADED)
    page = render(readout, "text", lang="ja")
    lines = page.splitlines()
    assert lines[0] == "フィリピン"  # no ja.title: the section
    assert lines[2] == "令和6年7月8日"
    assert lines[4] == (
        "現地時間7月8日午後0時（日本時間同日午後1時）頃から約1時間半、フィリピンを訪問中の"
        "上川陽子外務大臣は、エンリケ・マナロ・フィリピン外務長官（H.E. Mr. Enrique A. MANALO, "
        "Secretary of Foreign Affairs of the Republic of the Philippines）及びギルベルト・テオドロ・"
        "フィリピン国防長官（The Honorable Gilberto TEODORO, Secretary of National Defense of the "
        "Republic of the Philippines）とワーキング・ランチを行ったところ、概要は以下のとおりです。"
    )
    assert lines[6:10] == [
        "  1. 二国間関係",
        "     両大臣は、円滑化協定に署名しました。",
        "     （1）一つ目の小項目。",
        "     （2）二つ目の小項目。",
    ]
    html = render(readout, "html", lang="ja")
    assert "<li>（1）一つ目の小項目。</li>" in html


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        # A bare date at home: no time, no duration.
        (("start: 2024-07-08 12:00", "start: 2024-07-08"), "現地時間7月8日、フィリピンを訪問中の"),
        # No duration: から then the comma.
        (("  duration: 90 min\n", ""), "頃から、フィリピンを訪問中の"),
        # Exact duration: no 約.
        (("  around: true\n", "  around: true\n  approximate: false\n"), "頃から1時間半、"),
    ],
)
def test_lead_variants(change: tuple[str, str], expected: str) -> None:
    page = render(_readout(HEADED.replace(*change)), "text", lang="ja")
    assert expected in page


def test_courtesy_calls_change_the_particle() -> None:
    text = HEADED.replace("kind: working_lunch", "kind: courtesy_call_received")
    assert (
        "テオドロ・フィリピン国防長官（The Honorable Gilberto TEODORO, Secretary of National Defense of the Republic of the Philippines）による表敬を受けたところ、"
        in render(_readout(text), "text", lang="ja")
    )
    text = HEADED.replace("kind: working_lunch", "kind: courtesy_call_paid")
    assert "Philippines）への表敬を行ったところ、" in render(_readout(text), "text", lang="ja")


def test_designation_false_leaves_the_english_out() -> None:
    text = HEADED.replace("short: マナロ長官}", "short: マナロ長官, designation: false}")
    page = render(_readout(text), "text", lang="ja")
    assert "エンリケ・マナロ・フィリピン外務長官及びギルベルト" in page
    assert "MANALO" not in page


# -- the ja blocks in the model ------------------------------------------------------------


def test_unknown_ja_keys_are_refused_with_did_you_mean_at_their_line() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    text = text.replace("      short: クレーバ外相", "      shrot: クレーバ外相")
    text = text.replace("  title: 日・ウクライナ外相会談", "  tilte: 日・ウクライナ外相会談")
    result = check_text(text, "x.readout.yaml")
    found = {(d.line, d.code, d.message) for d in result.errors}
    lines = text.splitlines()
    shrot = next(i for i, line in enumerate(lines, 1) if "shrot:" in line)
    tilte = next(i for i, line in enumerate(lines, 1) if "tilte:" in line)
    assert (shrot, "unknown-field", "unknown field 'shrot'; did you mean 'short'?") in found
    assert (tilte, "unknown-field", "unknown field 'tilte'; did you mean 'title'?") in found


def test_a_point_ja_of_the_wrong_shape_points_at_it() -> None:
    text = HEADED.replace("      text: 両大臣は、円滑化協定に署名しました。\n", "      txt: x\n")
    result = check_text(text, "x.readout.yaml")
    [error] = result.errors
    assert (error.code, error.loc) == ("unknown-field", ("points", 0, "ja", "txt"))
    assert "did you mean 'text'?" in error.message
    text = HEADED.replace("designation", "x").replace(
        "short: マナロ長官}", "short: マナロ長官, designation: no}"
    )
    [error] = check_text(text, "x.readout.yaml").errors
    assert (error.code, error.loc) == ("wrong-type", ("counterparts", 0, "ja", "designation"))


# -- the checks ------------------------------------------------------------------------------


def _line_of(text: str, needle: str) -> int:
    return next(i for i, line in enumerate(text.splitlines(), 1) if needle in line)


def _diagnostics(text: str, code: str) -> list[tuple[int, int, str, tuple]]:
    result = check_text(text, "x.readout.yaml")
    return [(d.line, d.col, d.severity, d.loc) for d in result.diagnostics if d.code == code]


def test_missing_translation_at_the_english_node() -> None:
    text = HEADED.replace("    ja: {name: ギルベルト・テオドロ, title: フィリピン国防長官}\n", "")
    text = text.replace("ja:\n  section: フィリピン\n", "")
    text = text.replace("        - 二つ目の小項目。\n", "")
    found = _diagnostics(text, "missing-translation")
    assert found == [
        (1, 10, "warning", ("section",)),
        (_line_of(text, "family_name: Teodoro"), 18, "warning", ("counterparts", 1, "family_name")),
        (
            _line_of(text, "Secretary of National Defense"),
            12,
            "warning",
            ("counterparts", 1, "title"),
        ),
        (_line_of(text, "- The second sub-point."), 9, "warning", ("points", 0, "points", 1)),
    ]
    # For the Japanese page each is an error, and the page is not rendered.
    result = check_text(text, "x.readout.yaml")
    for_japanese_page(result)
    assert {d.severity for d in result.diagnostics if d.code == "missing-translation"} == {"error"}


def test_missing_translation_counts_photos_footnotes_and_names(tmp_path: Path) -> None:
    text = HEADED.replace(
        "published: 2024-07-08\n", "published: 2024-07-08\nphotos: [A, B]\nfootnotes: [F]\n"
    )
    text = text.replace(
        "ja:\n  section: フィリピン\n", "ja:\n  section: フィリピン\n  photos: [甲]\n"
    )
    found = {loc for *_, loc in _diagnostics(text, "missing-translation")}
    assert found == {("photos", 1), ("footnotes", 0)}


def test_render_lang_ja_refuses_a_readout_without_its_translations(tmp_path: Path) -> None:
    path = tmp_path / "m.readout.yaml"
    path.write_text(HEADED.replace("ja:\n  section: フィリピン\n", ""), encoding="utf-8")
    done = run("validate", str(path))
    assert done.returncode == 0  # a warning in validate
    assert f"{path}:1:10: warning: no Japanese section" in done.stdout
    done = run("render", str(path), "--lang", "ja")
    assert done.returncode == 1 and done.stdout == ""
    assert f"{path}:1:10: error: no Japanese section" in done.stderr
    assert "[missing-translation]" in done.stderr
    assert run("render", str(path)).returncode == 0  # the English page does not need it


def test_a_readout_with_no_ja_has_no_japanese_checks_but_render_ja_lists_everything() -> None:
    english_only = EXAMPLES / "japan-philippines-telephone-2024-01-10.readout.yaml"
    done = run("validate", str(english_only))
    assert done.returncode == 0 and done.stdout == ""
    done = run("render", str(english_only), "--lang", "ja")
    assert done.returncode == 1
    codes = [line.rsplit("[", 1)[-1] for line in done.stderr.splitlines() if "error:" in line]
    assert codes == ["missing-translation]"] * 7  # section, 2 names, 2 titles, 2 points


def test_translation_mismatch_at_the_japanese_text() -> None:
    text = REFERENCE.read_text(encoding="utf-8").replace("1,500台", "1,000台")
    [(line, col, severity, loc)] = _diagnostics(text, "translation-mismatch")
    assert (line, col, severity, loc) == (
        _line_of(text, "1,000台"),
        9,
        "warning",
        ("points", 2, "ja"),
    )
    message = next(
        d.message for d in check_text(text).diagnostics if d.code == "translation-mismatch"
    )
    assert "1500" in message and "1000" in message
    text = REFERENCE.read_text(encoding="utf-8").replace("9月18日", "18日")
    assert _diagnostics(text, "translation-mismatch") == []  # September answers nothing asked
    text = REFERENCE.read_text(encoding="utf-8").replace("9月18日", "9月19日")
    assert len(_diagnostics(text, "translation-mismatch")) == 1


@pytest.mark.parametrize(
    ("wrong", "code", "found", "suggestion"),
    [
        ("9月末までに", "clock-style", "午後13時25分", "午後1時25分"),
        ("9月末までに", "digit-width", "１２", "12"),
        ("上川大臣から、民間人", "unknown-person", "上山大臣", "上川大臣"),
    ],
)
def test_japanese_free_text_checks_at_their_words(
    wrong: str, code: str, found: str, suggestion: str
) -> None:
    replacement = {
        "clock-style": "午後13時25分に、9月末までに",
        "digit-width": "１２日に、9月末までに",
        "unknown-person": "上山大臣から、民間人",
    }[code]
    text = REFERENCE.read_text(encoding="utf-8").replace(wrong, replacement, 1)
    if code == "digit-width":
        text = text.replace("１２日に、", "１２日に、")
    result = check_text(text, "x.readout.yaml")
    [d] = [d for d in result.diagnostics if d.code == code]
    line = _line_of(text, found)
    assert (d.line, d.col) == (line, text.splitlines()[line - 1].index(found) + 1)
    assert d.severity == "warning" and d.suggestion == suggestion


def test_clock_style_in_a_japanese_context_and_caption() -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    text = text.replace("context: 国連総会出席のため", "context: 午後13時から国連総会出席のため")
    text = text.replace("- 向かい合い、", "- 午後6時、18時に向かい合い、")
    found = {loc for *_, loc in _diagnostics(text, "clock-style")}
    assert found == {("principals", 0, "ja", "context"), ("ja", "photos", 0)}


# -- pages beside a readout --------------------------------------------------------------------


@pytest.fixture
def bilingual(tmp_path: Path) -> Path:
    (tmp_path / "a.readout.yaml").write_text(REFERENCE.read_text(encoding="utf-8"), "utf-8")
    for lang, mark in (("en", ""), ("ja", ".ja")):
        for fmt, ext in (("text", "txt"), ("md", "md"), ("html", "html")):
            done = run(
                "render", "a.readout.yaml", "--lang", lang, "-f", fmt, "-o", f"a{mark}.{ext}",
                cwd=tmp_path,
            )  # fmt: skip
            assert done.returncode == 0, done.stderr
    return tmp_path


def test_render_check_knows_the_japanese_pages(bilingual: Path) -> None:
    assert run("render", "--check", "a.readout.yaml", cwd=bilingual).returncode == 0
    assert run("render", "--check", "a.ja.md", cwd=bilingual).returncode == 0
    page = bilingual / "a.ja.txt"
    page.write_text(page.read_text(encoding="utf-8").replace("約25分間", "約30分間"), "utf-8")
    done = run("render", "--check", "a.ja.txt", cwd=bilingual)  # the page stands for its readout
    assert done.returncode == 1
    assert done.stderr.splitlines()[0] == (
        "a.ja.txt: out of date with a.readout.yaml; to fix, run: "
        "author render --write a.readout.yaml --lang ja"
    )
    fix = done.stderr.splitlines()[0].split("to fix, run: ")[1].split()
    assert run(*fix[1:], cwd=bilingual).returncode == 0
    assert run("render", "--check", "a.readout.yaml", cwd=bilingual).returncode == 0
    done = run(
        "render", "--check", "a.readout.yaml", "--lang", "ja", "-o", "a.ja.txt", cwd=bilingual
    )
    assert done.returncode == 0


def test_japanese_page_names() -> None:
    from author.pages import page_path, readout_beside

    assert page_path(Path("a/x.readout.yaml"), "text", "ja") == Path("a/x.ja.txt")
    assert page_path(Path("x.readout.yml"), "md", "ja") == Path("x.ja.md")
    assert page_path(Path("x.readout.yaml"), "html", "ja") == Path("x.ja.html")
    assert page_path(Path("x.readout.yaml"), "html") == Path("x.html")
    assert readout_beside(Path("nowhere/x.ja.txt")) is None


def test_render_check_of_a_stale_japanese_page_needs_its_translations(bilingual: Path) -> None:
    text = (bilingual / "a.readout.yaml").read_text(encoding="utf-8")
    (bilingual / "a.readout.yaml").write_text(text.replace("  section: ウクライナ\n", ""), "utf-8")
    done = run("render", "--check", "a.readout.yaml", cwd=bilingual)
    assert done.returncode == 1
    assert "error: no Japanese section" in done.stderr


# -- safe output: every Japanese text is text on the page, never markup --------------------------

JA_FIELDS = (
    "section", "title", "photo", "footnote", "note", "principal name",
    "principal title", "context", "counterpart name", "counterpart title", "point",
    "heading", "item text", "sub-point",
)  # fmt: skip


def _filled_ja(values: dict[str, str]) -> dict:
    from tests.test_safe_output import filled, plain

    v = values.get
    data = filled(plain())
    data["ja"] = {
        "section": v("section"),
        "title": v("title"),
        "photos": [v("photo"), v("photo")],
        "footnotes": [v("footnote")],
    }
    data["meeting"]["ja"] = {"note": v("note")}
    data["principals"][0]["ja"] = {
        "name": v("principal name"),
        "title": v("principal title"),
        "context": v("context"),
    }
    data["counterparts"][0]["ja"] = {"name": v("counterpart name"), "title": v("counterpart title")}
    data["points"][0] = {"text": data["points"][0], "ja": v("point")}
    data["points"][1]["ja"] = {
        "heading": v("heading"),
        "text": v("item text"),
        "points": [v("sub-point")],
    }
    return data


def _rotated_ja(payloads: list[str], shift: int) -> dict[str, str]:
    return {name: payloads[(i + shift) % len(payloads)] for i, name in enumerate(JA_FIELDS)}


@pytest.mark.parametrize("shift", range(0, 22, 3))
def test_every_japanese_field_is_escaped_in_html(shift: int) -> None:
    from tests.test_safe_output import XSS, load, parse_html

    values = _rotated_ja(XSS, shift)
    plain_ja = {name: f"平文{name}" for name in JA_FIELDS}
    baseline = parse_html(render(load(_filled_ja(plain_ja)), "html", lang="ja"))
    parsed = parse_html(render(load(_filled_ja(values)), "html", lang="ja"))
    assert parsed.markup == baseline.markup
    text = "".join(parsed.text)
    for name, value in values.items():
        assert value in text, f"{name}: {value!r} does not read back"


@pytest.mark.parametrize("shift", range(0, 28, 4))
def test_every_japanese_field_keeps_markdown_structure(shift: int) -> None:
    import re

    from author.rules.japanese import paragraphs_ja
    from tests.test_safe_output import MARKDOWN, load, md_tokens

    values = _rotated_ja(MARKDOWN, shift)
    plain_ja = {name: f"平文{name}" for name in JA_FIELDS}
    kinds, text = md_tokens(render(load(_filled_ja(values)), "md", lang="ja"))
    baseline, _ = md_tokens(render(load(_filled_ja(plain_ja)), "md", lang="ja"))
    # A blank line in a point's text is a paragraph break: the only structure a value adds.
    texts = ("point", "item text")
    breaks = sum(len(paragraphs_ja(values[name])) - 1 for name in texts)
    for token in ("paragraph_open", "paragraph_close", "inline"):
        baseline[token] += breaks
    assert kinds == baseline
    for name, value in values.items():
        for piece in paragraphs_ja(value) if name in texts else [value]:
            shown = re.sub(r"\s+", " ", piece).strip()
            assert shown in text, f"{name}: {value!r} does not read back"


# -- edition 2 on the Japanese page: roles, follow-ons, groups, named meetings ------------------


def _with_japanese(example: str, facts: dict) -> str:
    """An edition-2 example with Japanese facts added: {loc-ish key: ja block}."""
    import yaml

    from author.loader import load_yaml

    data = load_yaml((EXAMPLES / example).read_text(encoding="utf-8")).data
    data["ja"] = facts.get("top", {})
    if "meeting" in facts:
        data["meeting"]["ja"] = facts["meeting"]
    for side in ("principals", "counterparts"):
        for person, ja in zip(data.get(side) or [], facts.get(side, []), strict=False):
            person["ja"] = ja
    data["points"] = [
        {**(p if isinstance(p, dict) else {"text": p}), "ja": ja}
        for p, ja in zip(data["points"], facts["points"], strict=True)
    ]
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def _lead_ja(text: str) -> str:
    result = check_text(text, "x.readout.yaml")
    for_japanese_page(result)
    assert result.readout is not None and not result.diagnostics, result.diagnostics
    return render(result.readout, "text", lang="ja").split("\n\n")[2]


KAMIKAWA = {"name": "上川陽子", "title": "外務大臣", "short": "上川大臣"}


def test_a_hosted_multilateral_meeting_with_a_note_and_no_counterparts() -> None:
    text = _with_japanese(
        "g7-foreign-ministers-new-york-2023-09-18.readout.yaml",
        {
            "top": {"section": "報道発表", "title": "G7外相会合"},
            "meeting": {
                "name": "G7外相会合",
                "note": "（G7各国外相及び欧州連合外務・安全保障政策上級代表が出席しました。）",
            },
            "principals": [
                {**KAMIKAWA, "context": "国連総会出席のため米国・ニューヨークを訪問中の"}
            ],
            "points": [
                "冒頭、上川大臣から、議長として、G7はロシアによるウクライナ侵略に結束して対応していく旨述べました。",
                {"heading": "ウクライナ", "text": "各外相は、ウクライナへの支援を改めて確認しました。"},
                {"heading": "インド太平洋", "text": "各外相は、インド太平洋地域の情勢について意見交換を行いました。"},
            ],
        },
    )
    assert _lead_ja(text) == (
        "現地時間9月18日午後5時30分（日本時間19日午前6時30分）から約1時間半、"
        "国連総会出席のため米国・ニューヨークを訪問中の上川陽子外務大臣は、"
        "G7外相会合を主催したところ、概要は以下のとおりです。"
        "（G7各国外相及び欧州連合外務・安全保障政策上級代表が出席しました。）"
    )
    chaired = text.replace("role: hosted", "role: chaired")
    assert "G7外相会合の議長を務めたところ、" in _lead_ja(chaired)


def test_follow_ons_join_the_event_with_oyobi() -> None:
    text = _with_japanese(
        "japan-poland-meeting-working-dinner-2023-05-08.readout.yaml",
        {
            "top": {"section": "ポーランド", "title": "日・ポーランド外相会談"},
            "principals": [{"name": "林芳正", "title": "外務大臣", "short": "林大臣"}],
            "counterparts": [
                {
                    "name": "ズビグニェフ・ラウ",
                    "title": "ポーランド外務大臣",
                    "context": "訪日中の",
                    "short": "ラウ大臣",
                }
            ],
            "points": [
                "林大臣から、ラウ大臣の訪日を歓迎し、戦略的パートナーである日本とポーランドは基本的価値を共有している旨述べました。",
                "両大臣は、ロシアによるウクライナ侵略を強く非難し、復興を含めウクライナへの支援を継続していくことを確認しました。",
                "両大臣は、原子力を含むエネルギーやインフラ等の分野で協力を一層強化していくことで一致しました。",
            ],
        },
    )
    assert _lead_ja(text) == (
        "5月8日、午後5時40分から約1時間、林芳正外務大臣は、訪日中のズビグニェフ・ラウ・"
        "ポーランド外務大臣（H.E. Prof. Zbigniew RAU, Minister of Foreign Affairs of the "
        "Republic of Poland）と会談、共同記者発表及びワーキング・ディナーを行ったところ、"
        "概要は以下のとおりです。"
    )


def test_a_courtesy_call_from_a_group() -> None:
    text = _with_japanese(
        "japan-latin-america-ambassadors-courtesy-call-2024-06-12.readout.yaml",
        {
            "top": {"section": "報道発表", "title": "中南米カリブ諸国の駐日大使による上川外務大臣表敬"},
            "principals": [KAMIKAWA],
            "counterparts": [{"group": "中南米カリブ諸国の駐日大使"}],
            "points": [
                "上川大臣から、各大使を歓迎し、日本は中南米カリブ地域を基本的価値と原則を共有するパートナーと考えている旨述べました。",
                "これに対し、各大使から、日本の協力への謝意とともに、幅広い分野で日本との関係を一層強化したい旨の発言がありました。",
            ],
        },
    )
    assert _lead_ja(text) == (
        "6月12日、午後4時から約30分間、上川陽子外務大臣は、中南米カリブ諸国の駐日大使による"
        "表敬を受けたところ、概要は以下のとおりです。"
    )
    # A group needs its Japanese text; it has no name or title to translate.
    result = check_text(text.replace("group: 中南米カリブ諸国の駐日大使", "group: ''"))
    assert [(d.code, d.loc) for d in result.diagnostics if d.code == "missing-translation"] == [
        ("missing-translation", ("counterparts", 0, "group"))
    ]


def test_a_named_meeting_and_its_missing_japanese_name() -> None:
    from author.loader import load_yaml

    source = "japan-philippines-foreign-ministers-tokyo-2024-07-08.readout.yaml"
    data = load_yaml((EXAMPLES / source).read_text(encoding="utf-8")).data
    text = _with_japanese(
        source,
        {
            "top": {"section": "フィリピン", "title": "日・フィリピン外相会談"},
            "meeting": {"name": "日・フィリピン外相会談"},
            "principals": [KAMIKAWA],
            "counterparts": [
                {"name": "エンリケ・マナロ", "title": "フィリピン外務長官", "short": "マナロ長官"}
            ],
            "points": [
                {"heading": "見出し", "text": "本文。", "points": ["小項目。"] * len(p.get("points", []))}
                if isinstance(p, dict)
                else "本文。"
                for p in data["points"]
            ],
        },
    )
    lead = _lead_ja(text)
    assert "（H.E. Mr. Enrique A. MANALO, Secretary of Foreign Affairs of the Republic of the Philippines）と日・フィリピン外相会談を行ったところ、" in lead
    without = text.replace("    name: 日・フィリピン外相会談\n", "")
    found = _diagnostics(without, "missing-translation")
    assert [loc for *_, loc in found] == [("meeting", "name")]


def test_japanese_paragraphs_join_their_lines_without_spaces() -> None:
    from author.rules.japanese import join_lines_ja, paragraphs_ja

    assert join_lines_ja(["冒頭、上川大臣から、", "クレーバ外相に"]) == "冒頭、上川大臣から、クレーバ外相に"
    assert join_lines_ja(["(H.E.", "Mr. KULEBA)"]) == "(H.E. Mr. KULEBA)"
    assert paragraphs_ja("第一段落の\n続き。\n\n第二段落。") == ("第一段落の続き。", "第二段落。")
    text = REFERENCE.read_text(encoding="utf-8").replace(
        "    ja: 冒頭、上川大臣から、", "    ja: |\n      冒頭、上川大臣\n      から、\n\n      "
    )
    page = render(_readout(text), "text", lang="ja").splitlines()
    assert page[8] == "  1. 冒頭、上川大臣から、"
    assert page[9] == ""
    assert page[10].startswith("     就任前から")


def test_the_japanese_word_document_reads_as_the_japanese_text_page(tmp_path: Path) -> None:
    pytest.importorskip("docx", reason="python-docx (the author[docx] extra) is not installed")
    from author.word import readout_docx
    from tests.test_docx import open_docx, page_lines, read_lines

    readout = _readout(REFERENCE.read_text(encoding="utf-8"))
    document = open_docx(readout_docx(readout, lang="ja"))
    assert read_lines(document) == page_lines(render(readout, "text", lang="ja"))
    assert document.core_properties.language == "ja-JP"
    target = tmp_path / "a.ja.docx"
    done = run("render", str(REFERENCE), "--lang", "ja", "-f", "docx", "-o", str(target))
    assert done.returncode == 0, done.stderr
    assert read_lines(open_docx(target.read_bytes())) == read_lines(document)
