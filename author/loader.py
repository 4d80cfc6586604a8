"""YAML → plain data with every node's position, the YAML 1.1 traps closed.

The loader reads parser *events* (libyaml's when available) and builds the data itself,
so that it can:
- resolve plain scalars by a small, YAML 1.2-like rule set: `18:05` stays a string (no
  base-60), only `true`/`false` are booleans (`NO`, `yes`, `on` stay strings), dates stay
  strings for the model to read, integers with a leading zero stay strings;
- refuse duplicate keys, report each one (a key that overrides one merged in with `<<`
  is not a duplicate: YAML lets it override);
- cap nesting depth and the number of nodes built, counting every alias expansion, so a
  small file cannot expand into a huge one;
- remember where every value and every key stands (`Span`), for `path:line:col` messages
  (found when first asked for; see `Document`).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, NamedTuple

import yaml

from author.diagnostics import Diagnostic, Loc

try:
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]


class Span(NamedTuple):
    line: int  # 1-based
    col: int  # 1-based
    start: int  # character offsets into the decoded text
    end: int


class Document:
    """A loaded readout: its text, its data, and where each value and key stands.

    Positions are found only when first asked for, by reading the text again: most files
    have no problem to point at, and recording every node's place while loading costs
    about a quarter of the load time.
    """

    def __init__(
        self,
        text: str,
        data: Any,
        values: dict[Loc, Span] | None = None,
        keys: dict[Loc, Span] | None = None,
        find_positions: Callable[[], Document] | None = None,
        problems: list[Diagnostic] | None = None,
    ):
        self.text = text
        self.data = data
        # What the loader refused but could read past (a duplicate key, a bad key, an
        # unsupported tag, a control character): the data holds the rest of the file.
        self.problems = problems if problems is not None else []
        self._line_starts: list[int] | None = None
        self._values = values if values is not None else {}
        self._keys = keys if keys is not None else {}
        self._find_positions = find_positions

    def _positions(self) -> tuple[dict[Loc, Span], dict[Loc, Span]]:
        if self._find_positions is not None:
            located = self._find_positions()
            self._values, self._keys = located._values, located._keys
            self._find_positions = None
        return self._values, self._keys

    @property
    def values(self) -> dict[Loc, Span]:
        """Where each value stands, by its loc."""
        return self._positions()[0]

    @property
    def keys(self) -> dict[Loc, Span]:
        """Where each mapping key stands, by the loc of its value."""
        return self._positions()[1]

    def span(self, loc: Loc, *, key: bool = False) -> Span:
        """Where `loc` stands, or its nearest ancestor that has a position."""
        values, keys = self._positions()
        if key and loc in keys:
            return keys[loc]
        probe = tuple(loc)
        while probe:
            if probe in values:
                return values[probe]
            probe = probe[:-1]
        return values.get((), Span(1, 1, 0, 0))

    def locate(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset (a binary search in the line
        starts, found once: lint locates every finding of a file through here)."""
        if self._line_starts is None:
            self._line_starts = [0, *(m.end() for m in _NEWLINE.finditer(self.text))]
        index = bisect_right(self._line_starts, offset) - 1
        return index + 1, offset - self._line_starts[index] + 1


_NEWLINE = re.compile("\n")


def _locate(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, col


class _NeedPositions(Exception):
    """Raised by a builder that skips positions when it finds a problem to point at."""


class LoadFailed(Exception):
    def __init__(self, diagnostics: list[Diagnostic]):
        super().__init__(diagnostics[0].message if diagnostics else "load failed")
        self.diagnostics = diagnostics


_NULL = {"", "~", "null", "Null", "NULL"}
_TRUE = {"true", "True", "TRUE"}
_FALSE = {"false", "False", "FALSE"}
_WORDS = _NULL | _TRUE | _FALSE
# C0 controls but tab and line feed, DEL, and the C1 controls.
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_INT = re.compile(r"^[-+]?(0|[1-9][0-9]*)$")
_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+\.[0-9]*)([eE][-+]?[0-9]+)?$")
_STD = "tag:yaml.org,2002:"


def resolve_plain(value: str) -> Any:
    """A plain (unquoted) scalar's value, by the rules in this module's docstring."""
    first = value[:1]
    if first.isalpha() and value not in _WORDS:
        return value
    if value in _NULL:
        return None
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    if _INT.match(value):
        try:
            return int(value)
        except ValueError:  # past Python's digit limit (4,300): a number no field takes
            return value
    if _FLOAT.match(value):
        return float(value)
    return value


def _tagged(tag: str, value: str) -> Any:
    if tag in ("!", _STD + "str"):
        return value
    if tag == _STD + "null":
        return None
    if tag == _STD + "bool" and (value in _TRUE or value in _FALSE):
        return value in _TRUE
    if tag == _STD + "int" and _INT.match(value):
        return int(value)
    if tag == _STD + "float" and (_FLOAT.match(value) or _INT.match(value)):
        return float(value)
    raise ValueError(tag)


@dataclass(slots=True)
class _Frame:
    container: dict[str, Any] | list[Any]
    loc: Loc
    anchor: str | None
    nodes_at_start: int
    span: Span
    pending_key: str | None = None
    pending_key_span: Span | None = None
    skip_value: bool = False  # the value of a duplicate or unusable key
    merged: set[str] | None = None  # keys merged in with `<<`: an explicit key overrides them


class _Builder:
    def __init__(self, text: str, path: str, max_depth: int, max_nodes: int, positions: bool):
        self.text = text
        self.path = path
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.positions = positions  # False: record only what is cheap; see _NeedPositions
        self.data: Any = None
        self.values: dict[Loc, Span] = {}
        self.keys: dict[Loc, Span] = {}
        self.anchors: dict[str, tuple[Any, int]] = {}  # value, node count
        self.nodes = 0
        self.stack: list[_Frame] = []
        self.problems: list[Diagnostic] = []
        self.documents = 0

    def problem(self, span: Span, code: str, message: str, loc: Loc = ()) -> None:
        if not self.positions:
            raise _NeedPositions
        self.problems.append(
            Diagnostic(span.line, span.col, "error", code, message, self.path, loc)
        )

    def fatal(self, span: Span, code: str, message: str, loc: Loc = ()) -> LoadFailed:
        """A problem the loader cannot read past: the caller raises what this returns."""
        self.problem(span, code, message, loc)
        return LoadFailed(self.problems)

    @staticmethod
    def span_of(event: Any) -> Span:
        start, end = event.start_mark, event.end_mark
        return Span(start.line + 1, start.column + 1, start.index, end.index)

    def count(self, n: int, span: Span) -> None:
        self.nodes += n
        if self.nodes > self.max_nodes:
            raise self.fatal(
                span,
                "too-many-nodes",
                f"the document expands to more than {self.max_nodes} values "
                "(aliases included); a readout needs far fewer",
            )

    # -- placing a finished value into its parent ----------------------------------------
    def child_loc(self) -> Loc | None:
        """The loc the next value takes, or None when it is a mapping key."""
        if not self.stack:
            return ()
        top = self.stack[-1]
        if isinstance(top.container, list):
            return (*top.loc, len(top.container))
        if top.pending_key is None and not top.skip_value:
            return None
        return (*top.loc, top.pending_key if top.pending_key is not None else "?")

    def place(self, value: Any, span: Span, is_scalar: bool) -> None:
        if not self.stack:
            self.data = value
            self.values[()] = span
            return
        top = self.stack[-1]
        if isinstance(top.container, list):
            self.values.setdefault((*top.loc, len(top.container)), span)
            top.container.append(value)
            return
        if top.pending_key is None and not top.skip_value:
            self.take_key(top, value, span, is_scalar)
            return
        if top.skip_value:
            top.skip_value = False
            return
        key = top.pending_key
        assert key is not None
        if key == "<<":
            self.merge(top, value, span)
        else:
            top.container[key] = value  # type: ignore[index]
            self.values[(*top.loc, key)] = span
            if top.pending_key_span is not None:
                self.keys[(*top.loc, key)] = top.pending_key_span
        top.pending_key = None
        top.pending_key_span = None

    def take_key(self, top: _Frame, value: Any, span: Span, is_scalar: bool) -> None:
        if not is_scalar or isinstance(value, dict | list):
            self.problem(span, "bad-key", "a mapping key must be a plain name", top.loc)
            top.skip_value = True
            return
        if not isinstance(value, str):
            # `1:` and `"1":` are two keys in YAML, and no field is named by a number,
            # true/false or null: refused here rather than read as text and then called
            # duplicates of each other.
            shown = "null" if value is None else str(value)
            shown = shown.lower() if isinstance(value, bool) else shown
            self.problem(
                span,
                "bad-key",
                f"a mapping key must be a name, not {shown}; quote it ('{shown}') if it is one",
                top.loc,
            )
            top.skip_value = True
            return
        key = value
        if key in top.container:
            if top.merged is not None and key in top.merged:
                top.merged.discard(key)  # overrides the merged-in value
                top.pending_key = key
                top.pending_key_span = span
                return
            if not self.positions:
                raise _NeedPositions  # the message names the first key's line
            first = self.keys.get((*top.loc, key))
            where = f", at line {first.line}," if first is not None else ""
            self.problem(
                span,
                "duplicate-key",
                f"duplicate key {key!r}; the first one{where} is kept",
                (*top.loc, key),
            )
            top.skip_value = True
            return
        top.pending_key = key
        top.pending_key_span = span

    def merge(self, top: _Frame, value: Any, span: Span) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            self.problem(span, "bad-merge", "'<<' merges only mappings", top.loc)
            return
        if top.merged is None:
            top.merged = set()
        for source in sources:
            for key, item in source.items():
                if key not in top.container:
                    top.container[key] = item  # type: ignore[index]
                    top.merged.add(key)
                    self.values.setdefault((*top.loc, key), span)

    # -- events ----------------------------------------------------------------------------
    def scalar(self, event: Any) -> None:
        start, end = event.start_mark, event.end_mark
        span = Span(start.line + 1, start.column + 1, start.index, end.index)
        self.nodes += 1
        if self.nodes > self.max_nodes:
            self.count(0, span)
        plain = event.implicit[0] and not event.style
        if event.tag is None:  # `! 12`, the non-specific tag, makes text: YAML's rule
            value = resolve_plain(event.value) if plain else event.value
        else:
            try:
                value = _tagged(event.tag, event.value)
            except ValueError:
                self.problem(
                    span,
                    "unsupported-tag",
                    f"the YAML tag {event.tag!r} is not supported here; write the value "
                    "without a tag",
                    self.child_loc() or (),
                )
                value = event.value
        if event.style == '"' and _CONTROL.search(event.value):
            # Only a double-quoted escape (`"\e[31m"`) can carry these past YAML's reader;
            # they would reach the terminal or the page as control sequences.
            char = _CONTROL.search(event.value).group(0)  # type: ignore[union-attr]
            self.problem(
                span,
                "control-character",
                f"this text holds the control character U+{ord(char):04X}; remove the escape",
                self.child_loc() or (),
            )
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        self.place(value, span, True)

    def alias(self, event: Any) -> None:
        span = self.span_of(event)
        if event.anchor not in self.anchors:
            raise self.fatal(span, "yaml-syntax", f"unknown alias *{event.anchor}")
        value, size = self.anchors[event.anchor]
        self.count(size, span)
        self.place(value, span, not isinstance(value, dict | list))

    def document_start(self, event: Any) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fatal(
                self.span_of(event),
                "multiple-documents",
                "a readout file holds one YAML document; found a second '---'",
            )

    def start_mapping(self, event: Any) -> None:
        self.start(event, {})

    def start_sequence(self, event: Any) -> None:
        self.start(event, [])

    def start(self, event: Any, container: dict[str, Any] | list[Any]) -> None:
        span = self.span_of(event)
        self.count(1, span)
        if event.tag not in (None, "!", _STD + "map", _STD + "seq", _STD + "omap"):
            self.problem(span, "unsupported-tag", f"the YAML tag {event.tag!r} is not supported")
        if len(self.stack) >= self.max_depth:
            raise self.fatal(
                span,
                "too-deep",
                f"nesting deeper than {self.max_depth} levels; a readout needs at most 5",
            )
        loc = self.child_loc()
        frame = _Frame(container, loc if loc is not None else (), event.anchor, self.nodes, span)
        self.stack.append(frame)

    def end(self, event: Any) -> None:
        frame = self.stack.pop()
        span = Span(frame.span.line, frame.span.col, frame.span.start, event.end_mark.index)
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.container, self.nodes - frame.nodes_at_start + 1)
        self.place(frame.container, span, False)

    def read_events(self, get_event: Any) -> None:
        handlers = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.start_mapping,
            yaml.SequenceStartEvent: self.start_sequence,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document_start,
        }
        stack, values, keys = self.stack, self.values, self.keys
        positions = self.positions
        new_span = tuple.__new__
        scalar_event = yaml.ScalarEvent
        # The common event, an untagged, unanchored, not double-quoted scalar inside a
        # container, is handled inline: `scalar` and `place` do the same, one call deeper.
        # This loop is most of the time `author validate` spends in Python.
        while (event := get_event()) is not None:
            if (
                type(event) is not scalar_event
                or event.tag is not None
                or event.anchor is not None
                or event.style == '"'
                or not stack
            ):
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
                continue
            if positions:
                start = event.start_mark
                span = new_span(
                    Span, (start.line + 1, start.column + 1, start.index, event.end_mark.index)
                )
            else:
                span = None
            self.nodes += 1
            if self.nodes > self.max_nodes:
                self.count(0, span or self.span_of(event))
            value = event.value
            if (
                event.implicit[0]
                and not event.style
                and not (value[:1].isalpha() and value not in _WORDS)
            ):
                value = resolve_plain(value)
            top = stack[-1]
            container = top.container
            if type(container) is list:
                if positions:
                    values.setdefault((*top.loc, len(container)), span)  # type: ignore[arg-type]
                container.append(value)  # type: ignore[union-attr]
            elif top.skip_value:
                top.skip_value = False
            elif top.pending_key is None:
                if type(value) is str and value not in container:
                    top.pending_key = value
                    top.pending_key_span = span
                else:
                    self.take_key(top, value, span or self.span_of(event), True)
            elif top.pending_key == "<<":
                self.place(value, span or self.span_of(event), True)
            else:
                key = top.pending_key
                container[key] = value  # type: ignore[index]
                if positions:
                    loc = (*top.loc, key)
                    values[loc] = span  # type: ignore[assignment]
                    keys[loc] = top.pending_key_span  # type: ignore[assignment]
                top.pending_key = None
                top.pending_key_span = None

    def run(self) -> Document:
        loader = _EventLoader(self.text)
        try:
            self.read_events(loader.get_event)
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
            at = mark.index if mark else 0
            tab = self.text[at : at + 1] == "\t"
            if "exceeded maximum nesting depth" in (exc.problem or ""):  # libyaml's own cap
                raise self.fatal(
                    Span(line, col, at, at),
                    "too-deep",
                    f"nesting deeper than {self.max_depth} levels; a readout needs at most 5",
                ) from None
            raise self.fatal(
                Span(line, col, at, at), "yaml-syntax", _yaml_message(exc, tab)
            ) from None
        except yaml.reader.ReaderError as exc:
            at = max(0, min(int(exc.position), len(self.text)))
            line, col = _locate(self.text, at)
            char = exc.character if isinstance(exc.character, str) else chr(exc.character)
            raise self.fatal(
                Span(line, col, at, at),
                "yaml-syntax",
                f"character {char!r} (U+{ord(char):04X}) is not allowed in YAML: "
                "control characters must be removed",
            ) from None
        except yaml.YAMLError as exc:
            raise self.fatal(Span(1, 1, 0, 0), "yaml-syntax", str(exc).strip()) from None
        finally:
            loader.dispose()
        if self.positions:
            return Document(self.text, self.data, self.values, self.keys, problems=self.problems)
        again = partial(_Builder, self.text, self.path, self.max_depth, self.max_nodes, True)
        return Document(self.text, self.data, find_positions=lambda: again().run())


def _yaml_message(exc: yaml.MarkedYAMLError, at_tab: bool) -> str:
    problem = exc.problem or "invalid YAML"
    if at_tab or "'\\t'" in problem:
        return "a tab character here; YAML indents with spaces only"
    text = problem
    if exc.context:
        started = exc.context_mark
        where = ""
        problem_mark = exc.problem_mark
        if started is not None and problem_mark is not None and started.line != problem_mark.line:
            where = f" (which starts at line {started.line + 1})"
        text = f"{exc.context}{where}: {problem}"
    if "mapping values are not allowed" in problem:
        text += " (a ':' inside a plain value? put the value in quotes)"
    return text


def load_document(
    text: str, path: str = "<stdin>", *, max_depth: int = 64, max_nodes: int = 100_000
) -> Document:
    """Parse one readout's YAML text, reading past what it can (see `Document.problems`),
    so the model and the lint still check the rest. Raises LoadFailed only for what
    stops the reading: a syntax error, a limit, a second document, an unknown alias."""
    try:
        return _Builder(text, path, max_depth, max_nodes, False).run()
    except _NeedPositions:
        return _Builder(text, path, max_depth, max_nodes, True).run()


def load_yaml(
    text: str, path: str = "<stdin>", *, max_depth: int = 64, max_nodes: int = 100_000
) -> Document:
    """Parse one readout's YAML text. Raises LoadFailed with every problem it found."""
    document = load_document(text, path, max_depth=max_depth, max_nodes=max_nodes)
    if document.problems:
        raise LoadFailed(document.problems)
    return document


# The encodings a readout may be in, by their byte-order mark (UTF-32-LE's begins with
# UTF-16-LE's, so it is tried first).
BYTE_ORDER_MARKS = (
    (b"\xef\xbb\xbf", "utf-8"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)


def decode(raw: bytes, path: str = "<stdin>") -> str:
    """Bytes → text: UTF-8 (a BOM is dropped), or UTF-16/32 with a BOM. Raises LoadFailed."""
    for bom, codec in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            try:
                return raw[len(bom) :].decode(codec)
            except UnicodeDecodeError as exc:
                raise _decode_failure(raw, exc, path, codec) from None
    if b"\x00" in raw:
        line = raw.count(b"\n", 0, raw.index(b"\x00")) + 1
        raise LoadFailed(
            [
                Diagnostic(
                    line,
                    1,
                    "error",
                    "encoding",
                    "this file holds NUL bytes: binary data, or UTF-16 without a byte-order "
                    "mark; save it as UTF-8",
                    path,
                )
            ]
        )
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise _decode_failure(raw, exc, path, "utf-8") from None


def _decode_failure(raw: bytes, exc: UnicodeDecodeError, path: str, codec: str) -> LoadFailed:
    before = raw[: exc.start]
    line = before.count(b"\n") + 1
    col = len(before[before.rfind(b"\n") + 1 :].decode(codec, errors="replace")) + 1
    return LoadFailed(
        [
            Diagnostic(
                line,
                col,
                "error",
                "encoding",
                f"not valid {codec.upper()}: byte {raw[exc.start]:#04x} cannot be read; save the "
                "file as UTF-8",
                path,
            )
        ]
    )
