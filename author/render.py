"""Derived values for the page, and the Jinja2 environments that lay them out.

Every value a template shows is computed here; templates hold layout only. All template
sets, shipped or the user's, run in Jinja2's immutable sandbox.
"""

from __future__ import annotations

import os
import re
import signal
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

from author.config import Config
from author.model import FollowOn, Meeting, Participant, PointItem, Readout
from author.registry import LANGS, PAGE_SUFFIXES
from author.resources import available_styles, resource_dir
from author.rules.clock import (
    HomeTime,
    clock_phrase,
    full_date,
    home_parenthetical,
    home_time,
    month_day,
)
from author.rules.duration import duration_phrase
from author.rules.names import (
    ParticipantText,
    default_short,
    formal_name,
    join_participants,
    participant_text,
    personal_name,
    with_suffix,
)
from author.rules.prose import (
    FOLLOW_ON_NOUNS,
    FollowOnPart,
    LeadParts,
    closing_for,
    closing_noun,
    follow_on_text,
    verb_for,
)
from author.timezones import zone

# The English template of each text page format: `page.txt.j2`, `page.md.j2`, `page.html.j2`.
FORMATS = {fmt: f"page{suffix}.j2" for fmt, suffix in PAGE_SUFFIXES.items()}


def template_name(fmt: str, lang: str = "en") -> str:
    """`page.txt.j2` for the English page, `page.ja.txt.j2` for the Japanese one."""
    name = FORMATS[fmt]
    return name if lang == "en" else name.replace("page.", f"page.{lang}.", 1)


class RenderError(Exception):
    """A template set is missing, broken, or tried something the sandbox forbids."""


# -- derived values ---------------------------------------------------------------------


def participant_part(person: Participant, principal: bool, caps: bool) -> ParticipantText:
    """A participant as the lead prints it (see `rules.names.participant_text`)."""
    order = person.name_order or ("family_first" if principal and caps else "given_first")
    if person.title_first and not person.display_name:
        # Title first: `former Foreign Minister HAYASHI Yoshimasa`, with no honorific.
        name = with_suffix(
            personal_name(person.family_name, person.given_name, order, caps), person.suffix
        )
    else:
        name = formal_name(
            honorific=person.honorific,
            family_name=person.family_name,
            given_name=person.given_name,
            order=order,
            suffix=person.suffix,
            display_name=person.display_name,
            caps=caps,
        )
    return participant_text(
        name=name,
        title=person.title,
        context=person.context,
        title_first=person.title_first,
        group=person.group,
    )


def participant_phrase(person: Participant, principal: bool, caps: bool) -> str:
    return participant_part(person, principal, caps).text


def short_reference(person: Participant) -> str:
    """How the points refer to `person`; a group has no default (its `short` or nothing)."""
    if person.group is not None:
        return person.short or ""
    return person.short or default_short(
        person.title or "", person.family_name, person.display_name
    )


def _home_when(start: datetime, meeting: Meeting, config: Config) -> HomeTime | None:
    zone_name = meeting.timezone or config.home_zone
    if zone_name == config.home_zone:
        return None
    return home_time(start, zone(zone_name), zone(config.home_zone))


def _duration_text(minutes: int | None, approximate: bool) -> str | None:
    if minutes is None:
        return None
    return ("approximately " if approximate else "") + duration_phrase(minutes)


def follow_on_parts(readout: Readout, config: Config | None = None) -> tuple[FollowOnPart, ...]:
    """The events of `meeting.followed_by`, each with its local and home start."""
    config = config or Config()
    meeting, phrasing = readout.meeting, readout.phrasing
    label = phrasing.home_label or config.home_label
    parts = []
    for follow_on in meeting.followed_by:
        parts.append(_follow_on_part(follow_on, meeting, label, config))
    return tuple(parts)


def _follow_on_part(
    follow_on: FollowOn, meeting: Meeting, label: str, config: Config
) -> FollowOnPart:
    start = follow_on.local_start(meeting.local_date)
    home = _home_when(start, meeting, config) if start is not None else None
    new_day = start is not None and start.date() != meeting.local_date
    duration = _duration_text(follow_on.duration, follow_on.approximate)
    text = follow_on_text(
        follow_on.kind.value,
        follow_on.name,
        day=month_day(start.date()) if start is not None and new_day else None,
        clock=clock_phrase(start.time()) if start is not None else None,
        home=home_parenthetical(home, label=label, home_name=config.home_name)
        if home is not None
        else None,
        duration=duration,
    )
    return FollowOnPart(
        kind=follow_on.kind.value,
        name=follow_on.name,
        start=start,
        home=home,
        duration=follow_on.duration,
        approximate=follow_on.approximate,
        new_day=new_day,
        text=text,
    )


def lead_parts(readout: Readout, config: Config | None = None) -> LeadParts:
    config = config or Config()
    meeting, phrasing = readout.meeting, readout.phrasing
    caps = phrasing.surname_caps
    clock = home = duration = None
    if isinstance(meeting.start, datetime):
        around = "around " if meeting.around else ""
        clock = around + clock_phrase(meeting.start.time())
        when = _home_when(meeting.start, meeting, config)
        if when is not None:
            home = home_parenthetical(
                when,
                label=phrasing.home_label or config.home_label,
                home_name=config.home_name,
                around=meeting.around,
            )
        duration = _duration_text(meeting.duration, meeting.approximate)
    principals = [participant_part(p, True, caps) for p in readout.principals]
    follow_ons = follow_on_parts(readout, config)
    kind = meeting.kind.value
    verb = verb_for(
        kind,
        meeting.name,
        meeting.role.value if meeting.role else None,
        with_counterparts=bool(readout.counterparts),
    )
    return LeadParts(
        date=month_day(meeting.local_date, weekday=phrasing.weekday),
        clock=clock,
        home=home,
        duration=duration,
        principals=join_participants(principals),
        verb=phrasing.verb or verb,
        counterparts=join_participants(
            [participant_part(p, False, caps) for p in readout.counterparts]
        ),
        closing=phrasing.closing
        if phrasing.closing is not None
        else closing_for(kind, tuple(part.kind for part in follow_ons)),
        subject_comma=principals[-1].closed,
        follow_ons=follow_ons,
        parts=(closing_noun(kind), *(FOLLOW_ON_NOUNS[part.kind] for part in follow_ons)),
        note=meeting.note,
    )


@dataclass(frozen=True)
class PagePoint:
    number: int
    text: str  # the whole text, paragraphs separated by a blank line; "" for a heading only
    heading: str | None
    points: tuple[str, ...]
    paragraphs: tuple[str, ...] = ()  # the text's paragraphs; () for a heading only


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def paragraphs(text: str | None) -> tuple[str, ...]:
    """A point's paragraphs: its text split at blank lines (a YAML `|` block). A line break
    inside a paragraph becomes a space, as Markdown and HTML show it: in plain text it
    would start a line outside the point's indentation."""
    text = (text or "").strip()
    if not text:
        return ()
    return tuple(
        " ".join(line.strip() for line in part.split("\n")) for part in _PARAGRAPH_BREAK.split(text)
    )


def page_point(number: int, point: str | PointItem) -> PagePoint:
    if isinstance(point, PointItem):
        parts = paragraphs(point.text)
        return PagePoint(
            number,
            "\n\n".join(parts),
            point.heading,
            tuple(s.strip() for s in point.points),
            parts,
        )
    parts = paragraphs(point)
    return PagePoint(number, "\n\n".join(parts), None, (), parts)


def page_context(readout: Readout, config: Config | None = None) -> dict[str, Any]:
    """Everything a template may show, already in house style."""
    lead = lead_parts(readout, config)
    points = [page_point(number, point) for number, point in enumerate(readout.points, start=1)]
    published = readout.published or readout.meeting.local_date
    return {
        "heading": readout.title or readout.section,
        # With a title the page opens with the section line, then the title (edition 2).
        "section_line": readout.section if readout.title else None,
        "section": readout.section,
        "notice": readout.notice,
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
# Nor pad to a width larger than this: `center`, `indent`, `ljust`, `zfill`, a `format` or
# printf width (`'{:>999999999}'`, `'%0999999999d'`), `batch`. A page's widest line is ~100.
MAX_TEMPLATE_WIDTH = 10_000
# `lipsum(n)`: at most this many paragraphs of at most this many words.
MAX_LIPSUM = (100, 1_000)
# The sandbox's verdicts it keeps (type and attribute name; a page reads a few dozen).
MAX_SAFE_ATTRIBUTES = 4_096


class RenderLimit(Exception):
    """A template ran past the render time limit or built more than the page size limit."""


@dataclass
class _Budget:
    """The limits of the render under way (see `_limits`)."""

    deadline: float
    max_size: int
    timeout: float

    def check(self, value: Any = None) -> None:
        if time.monotonic() > self.deadline:
            raise RenderLimit(f"rendering took longer than {self.timeout:g} s (render_timeout)")
        if isinstance(value, str) and len(value) > self.max_size:
            raise RenderLimit(
                f"the template built a text longer than {self.max_size} characters (max_page_size)"
            )


_BUDGET: ContextVar[_Budget | None] = ContextVar("author_render_budget", default=None)


def _check(value: Any = None) -> Any:
    budget = _BUDGET.get()
    if budget is not None:
        budget.check(value)
    return value


@contextmanager
def _limits(config: Config) -> Iterator[_Budget]:
    """Bound one render: the sandbox's hooks check the time and the size of what a
    template builds, and a timer interrupts what runs without reaching a hook (a nested
    loop). The timer is a signal: only the main thread can take one; elsewhere the hooks
    alone bound the time."""
    budget = _Budget(
        time.monotonic() + config.render_timeout, config.max_page_size, config.render_timeout
    )
    token = _BUDGET.set(budget)
    timer = threading.current_thread() is threading.main_thread() and hasattr(signal, "setitimer")
    if timer:

        def on_alarm(signum: int, frame: Any) -> None:
            budget.check()  # past the deadline: raises

        previous = signal.signal(signal.SIGALRM, on_alarm)
        # fires at the deadline, then every 50 ms should the first land where it is ignored
        signal.setitimer(signal.ITIMER_REAL, config.render_timeout, 0.05)
    try:
        yield budget
    finally:
        if timer:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        _BUDGET.reset(token)


_PRINTF_SIZES = re.compile(r"%(?:\([^)]*\))?[#0\- +]*(\*|[0-9]+)?(?:\.(\*|[0-9]+))?")
_DIGITS = re.compile(r"[0-9]+")


def _check_width(value: Any, what: str) -> None:
    size = len(value) if isinstance(value, str) else value if isinstance(value, int) else 0
    if size > MAX_TEMPLATE_WIDTH:
        raise RenderLimit(f"{what} of {size} is wider than {MAX_TEMPLATE_WIDTH}")


def _check_printf(template: str, values: Any) -> None:
    """Widths and precisions of a printf format (`'%09d' % n`, the `format` filter)."""
    stars = False
    for match in _PRINTF_SIZES.finditer(template):
        for size in match.groups():
            if size == "*":
                stars = True
            elif size is not None:
                _check_width(int(size), "a printf width")
    if stars:  # the widths come from the values
        items = values if isinstance(values, tuple | list) else (values,)
        for item in items:
            _check_width(item, "a printf width")


def _check_format_spec(template: str) -> None:
    """Widths and precisions in a `str.format` template (`'{:>999999999}'`). A width taken
    from an argument (`'{:{}}'`) is refused: which argument feeds it is only known once
    the text is built."""
    from string import Formatter

    for _, _, spec, _ in Formatter().parse(template):
        if spec and "{" in spec:
            raise RenderLimit("a format width taken from an argument ('{:{}}') is not allowed")
        for digits in _DIGITS.findall(spec or ""):
            _check_width(int(digits), "a format width")


def _check_str_call(method: Any, args: tuple[Any, ...], kwargs: dict[str, Any]) -> None:
    """The str methods whose result a small argument can make huge."""
    name, text = method.__name__, method.__self__
    if name in ("center", "ljust", "rjust", "zfill"):
        _check_width(args[0] if args else kwargs.get("width"), f"str.{name} width")
    elif name == "expandtabs":
        size = args[0] if args else kwargs.get("tabsize", 8)
        _check_width(size, "str.expandtabs tab size")
        _check_size(text.count("\t") * (size if isinstance(size, int) else 0) + len(text))
    elif name == "replace" and len(args) >= 2 and all(isinstance(a, str) for a in args[:2]):
        old, new = args[0], args[1]
        count = text.count(old) if old else len(text) + 1
        _check_size(len(text) + count * max(len(new) - len(old), 0))
    elif name == "join" and args and isinstance(args[0], list | tuple):
        _check_size(len(text) * len(args[0]))


def _check_size(size: int) -> None:
    budget = _BUDGET.get()
    if budget is not None and size > budget.max_size:
        raise RenderLimit(
            f"the template would build a text of {size} characters, more than "
            f"{budget.max_size} (max_page_size)"
        )


def _capped_filters(filters: dict[str, Any]) -> dict[str, Any]:
    """Jinja2's filters that pad or repeat, with their sizes checked first."""
    from functools import wraps

    def sized(name: str, *checks: tuple[int, str]) -> Any:
        function = filters[name]
        # pass_context / pass_eval_context filters take that first: skip it
        shift = 1 if getattr(function, "jinja_pass_arg", None) is not None else 0

        @wraps(function)
        def guarded(*args: Any, **kwargs: Any) -> Any:
            for index, keyword in checks:
                value = args[index + shift] if len(args) > index + shift else kwargs.get(keyword)
                _check_width(value, f"the {name} filter's {keyword}")
            return _check(function(*args, **kwargs))

        return guarded

    def replace(function: Any) -> Any:
        @wraps(function)
        def guarded(eval_ctx: Any, s: Any, old: Any, new: Any, count: Any = None) -> Any:
            if isinstance(s, str) and isinstance(old, str) and isinstance(new, str):
                found = s.count(old) if old else len(s) + 1
                _check_size(len(s) + found * max(len(new) - len(old), 0))
            return _check(function(eval_ctx, s, old, new, count))

        return guarded

    def printf(function: Any) -> Any:
        @wraps(function)
        def guarded(value: Any, *args: Any, **kwargs: Any) -> Any:
            if isinstance(value, str):
                _check_printf(value, kwargs or args)
            return _check(function(value, *args, **kwargs))

        return guarded

    return {
        **filters,
        "center": sized("center", (1, "width")),
        "indent": sized("indent", (1, "width")),
        "batch": sized("batch", (1, "linecount")),
        "slice": sized("slice", (1, "slices")),
        "replace": replace(filters["replace"]),
        "format": printf(filters["format"]),
    }


def _capped_lipsum(n: int = 5, html: bool = True, min: int = 20, max: int = 100) -> str:
    from jinja2.utils import generate_lorem_ipsum

    paragraphs, words = MAX_LIPSUM
    if not (isinstance(n, int) and isinstance(max, int) and n <= paragraphs and max <= words):
        raise RenderLimit(f"lipsum is capped at {paragraphs} paragraphs of {words} words")
    return generate_lorem_ipsum(n, html, min, max)


@cache
def _sandbox_class() -> type:
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    class Sandbox(ImmutableSandboxedEnvironment):
        """Jinja2's immutable sandbox, kept from exhausting memory or CPU: `*` and `**`
        capped, widths and printf/format specs capped, and every call, attribute and
        item checked against the render's time and size limits (`_limits`)."""

        intercepted_binops = frozenset(["*", "**", "%", "+"])

        def __init__(self, **options: Any) -> None:
            super().__init__(**options)
            self.filters = _capped_filters(self.filters)
            self.globals["lipsum"] = _capped_lipsum
            self.safe_attributes: dict[tuple[type, str], bool] = {}

        def is_safe_attribute(self, obj: Any, attr: str, value: Any) -> bool:
            """Jinja2's verdict, kept per type and attribute name: it reads only those
            (the name, and what the object is an instance of), and asking it again for
            every attribute a template reads was a third of a long page's render. An
            object whose `__class__` is not its type is asked every time."""
            kind = type(obj)
            key = (kind, attr)
            safe = self.safe_attributes.get(key)
            if safe is None:
                safe = super().is_safe_attribute(obj, attr, value)
                if obj.__class__ is kind and len(self.safe_attributes) < MAX_SAFE_ATTRIBUTES:
                    self.safe_attributes[key] = safe
            return safe

        def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
            _check()
            for value in (*args, *kwargs.values()):
                _check(value)
            if isinstance(getattr(__obj, "__self__", None), str) and hasattr(__obj, "__name__"):
                _check_str_call(__obj, args, kwargs)
            return _check(super().call(__context, __obj, *args, **kwargs))

        def getattr(self, obj: Any, attribute: str) -> Any:
            return _check(super().getattr(obj, attribute))

        def getitem(self, obj: Any, argument: Any) -> Any:
            return _check(super().getitem(obj, argument))

        def wrap_str_format(self, value: Any) -> Any:
            wrapped = super().wrap_str_format(value)
            if wrapped is not None:
                _check_format_spec(value.__self__)
            return wrapped

        def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
            _check()
            _check_binop(operator, left, right)
            return _check(super().call_binop(context, operator, left, right))

    return Sandbox


def _check_binop(operator: str, left: Any, right: Any) -> None:
    """Refuse, before it is computed, what `%`, `+`, `*` or `**` would build too large."""
    if operator == "%" and isinstance(left, str):
        _check_printf(left, right)
    elif operator == "+" and isinstance(left, str) and isinstance(right, str):
        _check_size(len(left) + len(right))
    elif operator in ("*", "**"):
        if isinstance(left, int) and isinstance(right, int):
            _check_arithmetic(operator, left, right)
        elif operator == "*":
            _check_repeat(left, right)


def _check_arithmetic(operator: str, left: int, right: int) -> None:
    from jinja2.exceptions import SecurityError

    if operator == "**" and abs(left) > 1 and right > 0:
        if abs(left).bit_length() * right > MAX_TEMPLATE_VALUE:
            raise SecurityError("the power is too large")
    elif operator == "*" and left.bit_length() + right.bit_length() > MAX_TEMPLATE_VALUE:
        raise SecurityError("the product is too large")


def _check_repeat(left: Any, right: Any) -> None:
    """`'x' * n` or `n * [x]`: a text or list repeated."""
    from jinja2.exceptions import SecurityError

    for seq, times in ((left, right), (right, left)):
        repeated = isinstance(seq, str | list | tuple) and isinstance(times, int)
        if repeated and len(seq) * times > MAX_TEMPLATE_VALUE:
            raise SecurityError(
                f"repeating a value {times} times makes it longer than {MAX_TEMPLATE_VALUE}"
            )


@cache
def _folder_loader_class() -> type:
    import stat

    from jinja2 import FileSystemLoader
    from jinja2.exceptions import SecurityError
    from jinja2.loaders import split_template_path

    class FolderLoader(FileSystemLoader):
        """Jinja2's file loader, refusing a template that resolves outside its folder (a
        link to `/etc`) or is not a regular file (a FIFO would block the render)."""

        def get_source(self, environment: Any, template: str) -> Any:
            pieces = split_template_path(template)
            for folder in self.searchpath:
                candidate = os.path.join(folder, *pieces)
                if not os.path.lexists(candidate):
                    continue
                root, real = os.path.realpath(folder), os.path.realpath(candidate)
                if os.path.commonpath([root, real]) != root:
                    raise SecurityError(f"{template!r} resolves outside the template folder")
                if os.path.exists(real) and not stat.S_ISREG(os.stat(real).st_mode):
                    raise SecurityError(f"{template!r} is not a regular file")
                break
            return super().get_source(environment, template)

    return FolderLoader


@cache
def _environment(template_dir: str, fmt: str) -> Any:
    from jinja2 import StrictUndefined, select_autoescape

    options: dict[str, Any] = {
        "loader": _folder_loader_class()(template_dir),
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


def _page_of(chunks: Iterator[str], budget: _Budget) -> str:
    """The page, stopped as soon as it is past the size limit or the time limit."""
    page: list[str] = []
    size = 0
    for chunk in chunks:
        size += len(chunk)
        if size > budget.max_size:
            raise RenderLimit(
                f"the page is longer than {budget.max_size} characters (max_page_size)"
            )
        budget.check()
        page.append(chunk)
    return "".join(page)


def render(
    readout: Readout,
    fmt: str = "text",
    *,
    template_dir: str | Path | None = None,
    config: Config | None = None,
    context_filter: Callable[[dict[str, Any]], dict[str, Any]] | None = None,
    lang: str = "en",
) -> str:
    """The page for `readout` in `fmt` (text, md or html), in `lang` (en or ja).
    `context_filter` may change what the templates receive (the editor's partial preview
    marks its gaps there)."""
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
    if context_filter is not None:
        context = context_filter(context)
    name = template_name(fmt, lang)
    try:
        template = env.get_template(name)
        with _limits(config or Config()) as budget:
            return _page_of(template.generate(context), budget)
    except Exception as exc:  # whatever a template's code raises: one line, no traceback
        raise _render_error(exc, folder, name) from None


def _render_error(exc: Exception, folder: Path, name: str) -> RenderError:
    """What went wrong in template `name` of `folder`, in one line."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError
    from jinja2.exceptions import SecurityError, UndefinedError

    where = f"{folder}/{name}"
    if isinstance(exc, RenderLimit):
        return RenderError(f"{where}: {exc}")
    if isinstance(exc, MemoryError):
        return RenderError(f"{where}: the template ran out of memory")
    if isinstance(exc, TemplateNotFound):
        return RenderError(f"{folder}: template {exc.name!r} not found")
    if isinstance(exc, TemplateSyntaxError):
        return RenderError(
            f"{exc.filename or folder}:{exc.lineno}: template syntax error: {exc.message}"
        )
    if isinstance(exc, SecurityError):
        return RenderError(f"{where}: the template tried something unsafe: {exc}")
    if isinstance(exc, UndefinedError):
        return RenderError(f"{where}: {exc.message}")
    if isinstance(exc, TemplateError):
        return RenderError(f"{where}: template error: {exc}")
    if isinstance(exc, RecursionError):
        return RenderError(f"{where}: the template calls or includes itself without end")
    return RenderError(f"{where}: the template failed: {type(exc).__name__}: {exc}")
