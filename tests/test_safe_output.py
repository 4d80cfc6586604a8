"""Safe output: what comes from the file is text on every page, never markup; user template
sets run in Jinja2's sandbox and fail with a clear message when they reach for more."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import Counter
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
import yaml
from markdown_it import MarkdownIt

from author.check import check_text
from author.model import Readout
from author.render import RenderError, paragraphs, render
from tests.conftest import REFERENCE, REPO

XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "'><iframe src=javascript:alert(1)></iframe>",
    "</title><script>alert(document.cookie)</script>",
    '<a href="javascript:alert(1)">click</a>',
    "<body onload=alert(1)>",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "&#60;script&#62;alert(1)&#60;/script&#62;",
    "<style>*{display:none}</style>",
    "<!-- unterminated comment",
    "]]><script>alert(1)</script>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "<details open ontoggle=alert(1)>",
    '<object data="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    "<![CDATA[<script>alert(1)</script>]]>",
    "<textarea></textarea><script>alert(1)</script>",
    "{{ 7 * 7 }}{% raw %}{# x #}",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
]

MARKDOWN = [
    "# not a heading",
    "[click](javascript:alert(1))",
    "![image](https://evil.example/x.png)",
    "<script>alert(1)</script>",
    "<http://evil.example>",
    "*emphasis* _emphasis_ **strong** __strong__",
    "`code` ``code``",
    "1. not a list",
    "2) not a list",
    "- not a list",
    "+ not a list",
    "> not a quote",
    "---",
    "===",
    "| not | a | table |",
    "~~~ not a fence",
    "``` not a fence",
    "    not code",
    "\tnot code",
    "first line\n# not a heading",
    "first line\n\n    not code after a blank line",
    "first line\n---",
    "[ref]: https://evil.example",
    "&lt;b&gt; &#42; &copy;",
    "<!-- comment -->",
    "a backslash \\ at the end \\",
    "<br>line<br/>break",
    "~~strike~~",
]

TEXT_FIELDS = (
    "section",
    "title",
    "caption",
    "photo caption",
    "given name",
    "principal title",
    "suffix",
    "context",
    "counterpart title",
    "display name",
    "point",
    "heading",
    "item text",
    "sub-point",
    "footnote",
    "verb",
    "closing",
    "home label",
)


def filled(values: dict[str, str], family: str = "Kamikawa") -> dict[str, Any]:
    """A valid readout with `values[field]` in every string field the pages show."""
    v = values.get
    return {
        "section": v("section"),
        "title": v("title"),
        "photos": [v("caption"), {"caption": v("photo caption"), "file": "x.jpg"}],
        "meeting": {
            "kind": "meeting",
            "start": "2023-09-20 18:05",
            "timezone": "America/New_York",
            "duration": "25 min",
            "place": v("point"),
        },
        "principals": [
            {
                "honorific": "Ms.",
                "family_name": family,
                "given_name": v("given name"),
                "title": v("principal title"),
                "suffix": v("suffix"),
                "context": v("context"),
                "short": v("point"),
            }
        ],
        "counterparts": [
            {"display_name": v("display name"), "title": v("counterpart title")},
        ],
        "points": [
            v("point"),
            {"heading": v("heading"), "text": v("item text"), "points": [v("sub-point")]},
        ],
        "phrasing": {"verb": v("verb"), "closing": v("closing"), "home_label": v("home label")},
        "footnotes": [v("footnote")],
    }


def load(data: dict[str, Any]) -> Readout:
    result = check_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False))
    assert not result.errors, [d.text() for d in result.errors]
    assert result.readout is not None
    return result.readout


def rotated(payloads: list[str], shift: int) -> dict[str, str]:
    return {name: payloads[(i + shift) % len(payloads)] for i, name in enumerate(TEXT_FIELDS)}


def plain() -> dict[str, str]:
    return {name: f"plain {name}" for name in TEXT_FIELDS}


# -- HTML --------------------------------------------------------------------------------------


class Structure(HTMLParser):
    """Every element, attribute, comment and declaration of a page, and its text."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.markup: list[tuple[Any, ...]] = []
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup.append(("start", tag, tuple(name for name, _ in attrs)))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.markup.append(("startend", tag, tuple(name for name, _ in attrs)))

    def handle_endtag(self, tag: str) -> None:
        self.markup.append(("end", tag))

    def handle_comment(self, data: str) -> None:
        self.markup.append(("comment", data))

    def handle_decl(self, decl: str) -> None:
        self.markup.append(("decl", decl))

    def handle_pi(self, data: str) -> None:
        self.markup.append(("pi", data))

    def unknown_decl(self, data: str) -> None:
        self.markup.append(("unknown", data))

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parse_html(page: str) -> Structure:
    parser = Structure()
    parser.feed(page)
    parser.close()
    return parser


@pytest.mark.parametrize("shift", range(len(XSS)))
def test_every_string_field_is_escaped_in_html(shift: int) -> None:
    values = rotated(XSS, shift)
    page = render(load(filled(values)), "html")
    baseline = parse_html(render(load(filled(plain())), "html"))
    parsed = parse_html(page)
    # Not one element, attribute, comment or declaration came from the file.
    assert parsed.markup == baseline.markup
    # And each value reads back as the very text the author wrote.
    text = "".join(parsed.text)
    for name, value in values.items():
        assert value in text, f"{name}: {value!r} does not read back"


def test_family_names_are_escaped_in_html() -> None:
    """Family names are capitalised for the page, then escaped like everything else."""
    for payload in XSS:
        page = render(load(filled(plain(), family=payload)), "html")
        parsed = parse_html(page)
        assert parsed.markup == parse_html(render(load(filled(plain())), "html")).markup
        assert payload.upper() in "".join(parsed.text)


# -- Markdown ----------------------------------------------------------------------------------

MD = MarkdownIt("commonmark")


def md_tokens(page: str) -> tuple[Counter[str], str]:
    """The kinds of Markdown structure on a page (what a renderer would make of it), and its
    text with line breaks as spaces."""
    kinds: Counter[str] = Counter()
    text: list[str] = []
    for token in MD.parse(page):
        kinds[token.type] += 1
        if token.type == "heading_open":
            kinds[f"heading {token.tag}"] += 1
        for child in token.children or []:
            if child.type == "text":
                text.append(child.content)
            elif child.type in ("softbreak", "hardbreak"):
                text.append(" ")
            else:
                kinds[child.type] += 1
                if child.type == "html_inline":
                    kinds[f"html {child.content}"] += 1
    return kinds, re.sub(r"\s+", " ", "".join(text))


@pytest.mark.parametrize("shift", range(len(MARKDOWN)))
def test_every_string_field_keeps_markdown_structure(shift: int) -> None:
    values = rotated(MARKDOWN, shift)
    kinds, text = md_tokens(render(load(filled(values)), "md"))
    baseline, _ = md_tokens(render(load(filled(plain())), "md"))
    # A blank line in a point's text is a paragraph break (edition 2): that paragraph, in
    # its list item, is the only structure a value may add.
    breaks = sum(len(paragraphs(values[name])) - 1 for name in ("point", "item text"))
    for token in ("paragraph_open", "paragraph_close", "inline"):
        baseline[token] += breaks
    # The same headings, list items, emphasis and template <br>s; no link, image, code,
    # HTML, quote, rule or table from the file.
    assert kinds == baseline
    for name, value in values.items():
        for piece in paragraphs(value) if name in ("point", "item text") else [value]:
            shown = re.sub(r"\s+", " ", piece).strip()
            assert shown in text, f"{name}: {value!r} does not read back"


@pytest.mark.parametrize("payload", XSS)
def test_html_payloads_are_text_in_markdown(payload: str) -> None:
    kinds, text = md_tokens(render(load(filled(rotated([payload], 0))), "md"))
    assert kinds == md_tokens(render(load(filled(plain())), "md"))[0]
    assert payload in text


def test_values_are_never_evaluated_as_templates() -> None:
    page = render(load(filled(rotated(["{{ 7 * 7 }} {% if true %}x{% endif %}"], 0))), "text")
    assert "{{ 7 * 7 }} {% if true %}x{% endif %}" in page and "49" not in page


# -- user template sets in the sandbox ---------------------------------------------------------

ESCAPES = {
    "str class": "{{ ''.__class__ }}",
    "mro": "{{ lead.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "template reference": "{{ self._TemplateReference__context }}",
    "cycler globals": "{{ cycler.__init__.__globals__.os }}",
    "joiner globals": "{{ joiner.__init__.__globals__ }}",
    "lipsum globals": "{{ lipsum.__globals__['os'].popen('id').read() }}",
    "namespace init": "{{ namespace.__init__.__globals__ }}",
    "attr filter": "{{ lead_parts|attr('__class__') }}",
    "format string": "{{ '{0.__class__}'.format(points) }}",
    "private attribute": "{{ points[0].__dict__ }}",
    "method globals": "{{ lead.upper.__globals__ }}",
    "mutate a list": "{% set x = [] %}{{ x.append(1) }}",
    "mutate a dict": "{% set d = {} %}{{ d.update(a=1) }}",
    "absolute include": "{% include '/etc/passwd' %}",
    "relative include": "{% include '../../../../../../etc/passwd' %}",
    "extends a file": "{% extends '/etc/passwd' %}",
    "import a file": "{% import '/etc/hostname' as h %}",
    "environment": "{{ environ }}",
    "os": "{{ os.system('id') }}",
    "config": "{{ config }}",
    "huge range": "{{ range(10**9)|list|length }}",
    "huge power": "{{ 9 ** 999999999 }}",
    "squaring without end": "{% set ns = namespace(x=3) %}{% for i in range(99) %}"
    "{% set ns.x = ns.x * ns.x %}{% endfor %}{{ ns.x > 0 }}",
    "huge string": "{{ 'x' * 10**10 }}",
    "endless recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "includes itself": "{% include 'page.txt.j2' %}",
    "division by zero": "{{ 1 / 0 }}",
    "syntax error": "{% if %}",
}


@pytest.fixture
def reference_readout() -> Readout:
    result = check_text(REFERENCE.read_text(encoding="utf-8"))
    assert result.readout is not None
    return result.readout


@pytest.mark.parametrize("name", ESCAPES)
def test_user_template_escapes_fail_clearly(
    name: str, tmp_path: Path, reference_readout: Readout
) -> None:
    (tmp_path / "page.txt.j2").write_text(ESCAPES[name], encoding="utf-8")
    with pytest.raises(RenderError) as caught:
        render(reference_readout, "text", template_dir=tmp_path)
    message = str(caught.value)
    assert str(tmp_path) in message  # says which template set
    assert "Traceback" not in message and "root:" not in message
    assert len(message) < 500


def test_user_templates_through_the_command(tmp_path: Path) -> None:
    """Exit status 2, one clear line, no traceback, nothing on standard output."""
    env = dict(os.environ, PYTHONPATH=str(REPO))
    for name in ("str class", "cycler globals", "absolute include", "endless recursion"):
        folder = tmp_path / name.replace(" ", "-")
        folder.mkdir()
        (folder / "page.txt.j2").write_text(ESCAPES[name], encoding="utf-8")
        done = subprocess.run(
            [sys.executable, "-m", "author", "render", str(REFERENCE), "--template-dir", folder],
            capture_output=True,
            text=True,
            cwd=tmp_path,
            env=env,
            timeout=60,
        )
        assert done.returncode == 2, (name, done.stderr)
        assert done.stdout == ""
        assert "Traceback" not in done.stderr and "internal error" not in done.stderr
        assert done.stderr.startswith("author: ") and str(folder) in done.stderr, done.stderr


def test_a_fair_user_template_renders(tmp_path: Path, reference_readout: Readout) -> None:
    (tmp_path / "page.html.j2").write_text(
        "<h1>{{ heading }}</h1>{% for p in points %}<p>{{ p.number }}. {{ p.text }}</p>"
        "{% endfor %}{{ 2 ** 10 }} {{ '-' * 3 }}",
        encoding="utf-8",
    )
    page = render(load(filled(rotated(XSS, 0))), "html", template_dir=tmp_path)
    tags = {m[1] for m in parse_html(page).markup}
    assert tags == {"h1", "p"} and "&lt;img src=x" in page  # escaped in user templates too
    assert page.endswith("1024 ---")
