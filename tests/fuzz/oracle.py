"""What must hold for any input: the checks the fuzz tests and the long campaign share."""

from __future__ import annotations

import contextlib
import io
import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from author.check import CheckResult, check_bytes, for_japanese_page
from author.config import Config
from author.render import FORMATS, render

DIAGNOSTIC_LINE = re.compile(
    r"^(?P<path>.+?):(?P<line>\d+):(?P<col>\d+): (?P<severity>error|warning): "
    r"(?P<message>.+) \[(?P<code>[a-z0-9-]+)\]$"
)


class OracleFailure(AssertionError):
    """An input broke a promise; the message says which."""


@dataclass
class Outcome:
    rendered: bool
    codes: set[str] = field(default_factory=set)


_BREAKS = re.compile("\r\n|[\n\r\x85\u2028\u2029]")  # what YAML counts as a line break


def _line_count(raw: bytes, result: CheckResult) -> int:
    if result.document is not None:
        return len(_BREAKS.findall(result.document.text)) + 2
    text = raw.decode("utf-8", errors="replace")
    return len(_BREAKS.findall(text)) + text.count("\r") + 2


def check_diagnostics(raw: bytes, result: CheckResult) -> None:
    limit = _line_count(raw, result)
    for d in result.diagnostics:
        if not (isinstance(d.line, int) and isinstance(d.col, int)):
            raise OracleFailure(f"position is not a number: {d!r}")
        if d.line < 1 or d.col < 1:
            raise OracleFailure(f"position below 1:1: {d.text()}")
        if d.line > limit:
            raise OracleFailure(f"line {d.line} past the end of the file: {d.text()}")
        if d.severity not in ("error", "warning"):
            raise OracleFailure(f"bad severity: {d!r}")
        if not d.message.strip() or not d.code:
            raise OracleFailure(f"empty message or code: {d!r}")
        if not DIAGNOSTIC_LINE.match(d.text()):
            raise OracleFailure(f"diagnostic does not print as path:line:col: {d.text()!r}")


def run_pipeline(raw: bytes, config: Config | None = None) -> Outcome:
    """load → validate → render (every format) in process; raise OracleFailure on a broken
    promise. Any other exception escaping is a bug too (the caller reports it)."""
    config = config or Config()
    result = check_bytes(raw, "fuzz.readout.yaml", config)
    check_diagnostics(raw, result)
    codes = {d.code for d in result.errors}
    if result.errors:
        return Outcome(False, codes)
    if result.readout is None:
        raise OracleFailure("no errors, yet no readout")
    langs = ["en"]
    if result.readout.has_japanese:
        # The Japanese page too, when the readout has every Japanese text it needs.
        for_japanese_page(result, config)
        if not result.errors:
            langs.append("ja")
    for lang in langs:
        for fmt in FORMATS:
            page = render(result.readout, fmt, config=config, lang=lang)
            if not isinstance(page, str) or not page.strip():
                raise OracleFailure(f"empty {lang} {fmt} page")
            if fmt == "html":
                check_html(page)
            elif fmt == "md":
                check_markdown(page)
    return Outcome(True, codes)


# The shipped templates' markup; anything else on a page came from the file.
HTML_TAGS = {
    "html", "head", "meta", "title", "style", "body", "main", "h1", "p", "time", "ul", "li",
    "ol", "strong", "br", "div",
}  # fmt: skip


class _Markup(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.found.append(tag)
        for name, _ in attrs:
            if name not in ("lang", "charset", "name", "content", "class", "datetime"):
                raise OracleFailure(f"HTML page has an attribute {name!r} on <{tag}>")

    def handle_comment(self, data: str) -> None:
        raise OracleFailure(f"HTML page has a comment: {data[:80]!r}")

    def handle_pi(self, data: str) -> None:
        raise OracleFailure(f"HTML page has a processing instruction: {data[:80]!r}")


def check_html(page: str) -> None:
    parser = _Markup()
    parser.feed(page)
    parser.close()
    if not set(parser.found) <= HTML_TAGS:
        raise OracleFailure(f"HTML page has elements {set(parser.found) - HTML_TAGS}")


# Markdown structure the mofa template makes; links, images, code, HTML (but its <br>),
# quotes, rules, bullet lists and tables can only come from the file.
_MD_FORBIDDEN = {
    "link_open", "image", "code_inline", "code_block", "fence", "html_block", "blockquote_open",
    "hr", "bullet_list_open", "table_open", "autolink",
}  # fmt: skip


def check_markdown(page: str) -> None:
    from markdown_it import MarkdownIt

    headings = 0
    for token in MarkdownIt("commonmark").parse(page):
        if token.type in _MD_FORBIDDEN:
            raise OracleFailure(f"Markdown page has a {token.type}")
        if token.type == "heading_open":
            headings += 1
        for child in token.children or []:
            if child.type in _MD_FORBIDDEN:
                raise OracleFailure(f"Markdown page has a {child.type}: {child.content[:60]!r}")
            if child.type == "html_inline" and child.content != "<br>":
                raise OracleFailure(f"Markdown page has inline HTML {child.content[:60]!r}")
    if headings != 1:
        raise OracleFailure(f"Markdown page has {headings} headings, not 1")


def run_cli(argv: list[str], cwd: Path | None = None) -> tuple[int, str, str]:
    """`author ARGV` in this process, its output captured. Input from a file, never stdin."""
    from author.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            status = main(argv)
        except SystemExit as exc:  # argparse
            status = exc.code if isinstance(exc.code, int) else 2
    return status, out.getvalue(), err.getvalue()


def check_cli_validate(status: int, out: str, err: str) -> None:
    if status not in (0, 1):
        raise OracleFailure(f"validate exit status {status}; stderr: {err[-500:]}")
    if "Traceback" in out + err or "internal error" in err:
        raise OracleFailure(f"validate printed a traceback or an internal error: {err[-800:]}")
    for line in out.splitlines():
        match = DIAGNOSTIC_LINE.match(line)
        if not match:
            raise OracleFailure(f"validate printed a line that is not a diagnostic: {line!r}")
        if int(match["line"]) < 1 or int(match["col"]) < 1:
            raise OracleFailure(f"position below 1:1: {line!r}")
    if status == 1 and "error" not in out:
        raise OracleFailure("validate failed without printing an error")


def check_cli_render(status: int, out: str, err: str) -> None:
    if status not in (0, 1):
        raise OracleFailure(f"render exit status {status}; stderr: {err[-500:]}")
    if "Traceback" in out + err or "internal error" in err:
        raise OracleFailure(f"render printed a traceback or an internal error: {err[-800:]}")
    if status == 0 and not out.strip():
        raise OracleFailure("render succeeded with an empty page")
    if status == 1:
        problems = [line for line in err.splitlines() if DIAGNOSTIC_LINE.match(line)]
        if not any(": error: " in line for line in problems) or "not rendered" not in err:
            raise OracleFailure(f"render failed without a located error: {err[-800:]}")
