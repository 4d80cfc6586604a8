"""Derived values for the page, and the Jinja2 environments that lay them out.

Every value a template shows is computed here; templates hold layout only. All template
sets, shipped or the user's, run in Jinja2's immutable sandbox.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from author.config import Config
from author.model import Participant, PointItem, Readout
from author.resources import available_styles, resource_dir
from author.rules.clock import clock_phrase, full_date, home_parenthetical, home_time, month_day
from author.rules.duration import duration_phrase
from author.rules.names import default_short, formal_name, join_list
from author.rules.prose import LeadParts, closing_for, verb_for
from author.timezones import zone

FORMATS = {"text": "page.txt.j2", "md": "page.md.j2", "html": "page.html.j2"}
LANGS = ("en", "ja")


def template_name(fmt: str, lang: str = "en") -> str:
    """`page.txt.j2` for the English page, `page.ja.txt.j2` for the Japanese one."""
    name = FORMATS[fmt]
    return name if lang == "en" else name.replace("page.", f"page.{lang}.", 1)


class RenderError(Exception):
    """A template set is missing, broken, or tried something the sandbox forbids."""


# -- derived values ---------------------------------------------------------------------


def participant_phrase(person: Participant, principal: bool, caps: bool) -> str:
    order = person.name_order or ("family_first" if principal and caps else "given_first")
    name = formal_name(
        honorific=person.honorific,
        family_name=person.family_name,
        given_name=person.given_name,
        order=order,
        suffix=person.suffix,
        display_name=person.display_name,
        caps=caps,
    )
    text = f"{name}, {person.title}"
    return f"{text}, {person.context}" if person.context else text


def short_reference(person: Participant) -> str:
    return person.short or default_short(person.title, person.family_name, person.display_name)


def lead_parts(readout: Readout, config: Config | None = None) -> LeadParts:
    config = config or Config()
    meeting, phrasing = readout.meeting, readout.phrasing
    caps = phrasing.surname_caps
    clock = home = duration = None
    if isinstance(meeting.start, datetime):
        around = "around " if meeting.around else ""
        clock = around + clock_phrase(meeting.start.time())
        zone_name = meeting.timezone or config.home_zone
        if zone_name != config.home_zone:
            when = home_time(meeting.start, zone(zone_name), zone(config.home_zone))
            home = home_parenthetical(
                when,
                label=phrasing.home_label or config.home_label,
                home_name=config.home_name,
                around=meeting.around,
            )
        if meeting.duration is not None:
            duration = ("approximately " if meeting.approximate else "") + duration_phrase(
                meeting.duration
            )
    return LeadParts(
        date=month_day(meeting.local_date, weekday=phrasing.weekday),
        clock=clock,
        home=home,
        duration=duration,
        principals=join_list([participant_phrase(p, True, caps) for p in readout.principals]),
        verb=phrasing.verb or verb_for(meeting.kind.value),
        counterparts=join_list([participant_phrase(p, False, caps) for p in readout.counterparts]),
        closing=phrasing.closing
        if phrasing.closing is not None
        else closing_for(meeting.kind.value),
    )


@dataclass(frozen=True)
class PagePoint:
    number: int
    text: str
    heading: str | None
    points: tuple[str, ...]


def page_context(readout: Readout, config: Config | None = None) -> dict[str, Any]:
    """Everything a template may show, already in house style."""
    lead = lead_parts(readout, config)
    points = []
    for number, point in enumerate(readout.points, start=1):
        if isinstance(point, PointItem):
            points.append(
                PagePoint(
                    number,
                    point.text.strip(),
                    point.heading,
                    tuple(s.strip() for s in point.points),
                )
            )
        else:
            points.append(PagePoint(number, point.strip(), None, ()))
    published = readout.published or readout.meeting.local_date
    return {
        "heading": readout.title or readout.section,
        "section": readout.section,
        "date_line": full_date(published),
        "published_iso": published.isoformat(),
        "captions": [p if isinstance(p, str) else p.caption for p in readout.photos],
        "photos": [
            {"caption": p, "file": None}
            if isinstance(p, str)
            else {"caption": p.caption, "file": p.file}
            for p in readout.photos
        ],
        "lead": lead.sentence,
        "lead_parts": lead,
        "points": points,
        "footnotes": list(readout.footnotes),
        "back_to": f"Back to {readout.section}",
        "people": [
            {"short": short_reference(p), "title": p.title, "side": side}
            for side, _, p in readout.participants()
        ],
        "kind": readout.meeting.kind.value,
    }


# -- Jinja2 ---------------------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_[]<>|~&"})
_MD_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_MD_ORDERED = re.compile(r"^([0-9]+)([.)])(?=[ \t]|$)")


def markdown_escape(value: Any) -> str:
    """Escape what would change a Markdown page's structure; text stays readable.

    Markup characters and entities (`&`) are backslash-escaped; a value that would start a
    block (heading, list, quote, setext rule) is escaped at its start. A value is kept on one
    line: its line breaks and indentation, which could end the list item or heading it
    stands in or start a code block, become single spaces, as HTML shows them."""
    if value is None:
        return ""
    lines = _MD_LINE_BREAK.split(str(value).translate(_MD_SPECIAL))
    text = " ".join(part for line in lines if (part := line.strip(" \t\f\v")))
    if text[:1] in ("#", "+", "-", "=", ">"):
        return "\\" + text
    return _MD_ORDERED.sub(r"\1\\\2", text)


# A template may not build a value longer than this (characters, items or bits) with `*` or
# `**`: `'a' * 10**10` or `9 ** 10**9` would exhaust memory or CPU.
MAX_TEMPLATE_VALUE = 1_000_000


@cache
def _sandbox_class() -> type:
    from jinja2.exceptions import SecurityError
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja2's immutable sandbox, with `*` and `**` kept from exhausting memory or CPU."""

        intercepted_binops = frozenset(["*", "**"])

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            ints = isinstance(left, int) and isinstance(right, int)
            if operator == "**" and ints and abs(left) > 1 and right > 0:
                if abs(left).bit_length() * right > MAX_TEMPLATE_VALUE:
                    raise SecurityError("the power is too large")
            elif operator == "*" and ints:
                if left.bit_length() + right.bit_length() > MAX_TEMPLATE_VALUE:
                    raise SecurityError("the product is too large")
            elif operator == "*":
                for seq, times in ((left, right), (right, left)):
                    if (
                        isinstance(seq, str | list | tuple)
                        and isinstance(times, int)
                        and len(seq) * times > MAX_TEMPLATE_VALUE
                    ):
                        raise SecurityError(
                            f"repeating a value {times} times makes it longer than "
                            f"{MAX_TEMPLATE_VALUE}"
                        )
            return super().call_binop(context, operator, left, right)

    return Sandbox


@cache
def _environment(template_dir: str, fmt: str) -> Any:
    from jinja2 import FileSystemLoader, StrictUndefined, select_autoescape

    options: dict[str, Any] = {
        "loader": FileSystemLoader(template_dir),
        "undefined": StrictUndefined,
        "keep_trailing_newline": True,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "autoescape": select_autoescape(["html.j2", "htm.j2", "html"], default=False),
    }
    if fmt == "md":
        options["finalize"] = markdown_escape
    env = _sandbox_class()(**options)
    env.filters["md"] = markdown_escape
    return env


def style_dir(style: str, template_dir: str | Path | None = None) -> Path:
    if template_dir is not None:
        path = Path(template_dir)
        if not path.is_dir():
            raise RenderError(f"template folder {str(path)!r} does not exist")
        return path
    path = resource_dir("templates") / style
    if not path.is_dir():
        raise RenderError(f"unknown style {style!r}; known: {', '.join(available_styles())}")
    return path


def render(
    readout: Readout,
    fmt: str = "text",
    *,
    template_dir: str | Path | None = None,
    config: Config | None = None,
    lang: str = "en",
) -> str:
    """The page for `readout` in `fmt` (text, md or html), in `lang` (en or ja)."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError, UndefinedError

    if fmt not in FORMATS:
        raise RenderError(f"unknown format {fmt!r}; choose one of {', '.join(FORMATS)}")
    if lang not in LANGS:
        raise RenderError(f"unknown language {lang!r}; choose one of {', '.join(LANGS)}")
    # A readout that names no style gets the project's house style ([tool.author] style).
    style = readout.style if "style" in readout.model_fields_set or config is None else config.style
    folder = style_dir(style, template_dir)
    env = _environment(str(folder.resolve()), fmt)
    if lang == "ja":
        from author.render_ja import page_context_ja

        context = page_context_ja(readout, config)
    else:
        context = page_context(readout, config)
    name = template_name(fmt, lang)
    try:
        template = env.get_template(name)
        return template.render(context)
    except TemplateNotFound as exc:
        raise RenderError(f"{folder}: template {exc.name!r} not found") from None
    except TemplateSyntaxError as exc:
        raise RenderError(
            f"{exc.filename or folder}:{exc.lineno}: template syntax error: {exc.message}"
        ) from None
    except SecurityError as exc:
        raise RenderError(f"{folder}/{name}: the template tried something unsafe: {exc}") from None
    except UndefinedError as exc:
        raise RenderError(f"{folder}/{name}: {exc.message}") from None
    except TemplateError as exc:
        raise RenderError(f"{folder}/{name}: template error: {exc}") from None
    except RecursionError:
        raise RenderError(
            f"{folder}/{name}: the template calls or includes itself without end"
        ) from None
    except Exception as exc:  # anything else a template's code can raise
        raise RenderError(
            f"{folder}/{name}: the template failed: {type(exc).__name__}: {exc}"
        ) from None
