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

How: the common file (no alias, tag, merge key, duplicate or non-name key, control
character or second document: nearly every readout) is read by `_CommonReader`, straight
into data, and its positions found by `_CommonRecorder`; any other file by `_Builder`,
which reads the events again from the start, as it reads any file. In `_Builder` each
node being built is a frame that knows what it expects next and takes each finished value
(`add`): a `_MappingFrame` (a key, that key's value, or a refused key's value to drop), a
`_SequenceFrame` (the next item), and the `_DocumentFrame` holding the whole. Where values
stand is the business of a positions strategy the frames report to: `_Recording`, or
`_NotRecording`, the default, whose positions are found by a second, recording reading
when first asked for. `_span` is the one place a parser's mark becomes a `Span`.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import partial
from typing import Any, NamedTuple, Protocol, TypeVar

import yaml

from author.diagnostics import Diagnostic, Loc

# The event parser: libyaml's when PyYAML was built with it.
EventLoader: type[yaml.SafeLoader] | type[yaml.CSafeLoader]
try:
    from yaml import CSafeLoader as EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as EventLoader


class Span(NamedTuple):
    line: int  # 1-based
    col: int  # 1-based
    start: int  # character offsets into the decoded text
    end: int


class _Mark(Protocol):
    """Where the parser stands (libyaml's or PyYAML's mark): 0-based line and column."""

    line: int
    column: int
    index: int


class _Node(Protocol):
    """Something the parser read, from one mark to another: an event, or a finished frame."""

    @property
    def start_mark(self) -> Any: ...
    @property
    def end_mark(self) -> Any: ...


_new_tuple = tuple.__new__


def _span(start: _Mark, end: _Mark) -> Span:
    """The one place a mark (and the mark where the node ends) becomes a Span."""
    return _new_tuple(Span, (start.line + 1, start.column + 1, start.index, end.index))


def _span_of(node: _Node) -> Span:
    return _span(node.start_mark, node.end_mark)


def _span_at(text: str, offset: int) -> Span:
    """The empty span at a character offset (where PyYAML's reader gives no mark)."""
    line = text.count("\n", 0, offset) + 1
    col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return Span(line, col, offset, offset)


class Document:
    """A loaded readout: its text, its data, and where each value and key stands.

    Positions are found only when first asked for, by reading the text again, recording
    (see `load_document`): most files have no problem to point at, and recording every
    node's place while loading costs about a quarter of the load time.
    """

    def __init__(
        self,
        text: str,
        data: Any,
        positions: _Recording | Callable[[], _Recording],
        problems: list[Diagnostic],
    ):
        self.text = text
        self.data = data
        # What the loader refused but could read past (a duplicate key, a bad key, an
        # unsupported tag, a control character): the data holds the rest of the file.
        self.problems = problems
        self._line_starts: list[int] | None = None
        self._positions = positions

    def _recorded(self) -> _Recording:
        if not isinstance(self._positions, _Recording):
            self._positions = self._positions()
        return self._positions

    @property
    def values(self) -> dict[Loc, Span]:
        """Where each value stands, by its loc."""
        return self._recorded().values

    @property
    def keys(self) -> dict[Loc, Span]:
        """Where each mapping key stands, by the loc of its value."""
        return self._recorded().keys

    def span(self, loc: Loc, *, key: bool = False) -> Span:
        """Where `loc` stands, or its nearest ancestor that has a position."""
        recorded = self._recorded()
        values, keys = recorded.values, recorded.keys
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


# -- where values stand: recorded while reading, or not --------------------------------------


class _NeedPositions(Exception):
    """A reader that records no positions met what only positions can say."""


class _Recording:
    """Records where every value and every key stands, as the builder places them."""

    def __init__(self) -> None:
        self.values: dict[Loc, Span] = {}
        self.keys: dict[Loc, Span] = {}

    def value(self, parent: Loc, key: str | int, node: _Node) -> None:
        self.values[(*parent, key)] = _span_of(node)

    def first_value(self, parent: Loc, key: str | int, node: _Node) -> None:
        """A value whose place an earlier one may have taken (a list item, a merged key)."""
        self.values.setdefault((*parent, key), _span_of(node))

    def document(self, node: _Node) -> None:
        self.values[()] = _span_of(node)

    def key(self, parent: Loc, key: str, node: _Node) -> None:
        self.keys[(*parent, key)] = _span_of(node)

    def key_line(self, parent: Loc, key: str) -> int | None:
        """The line of a key already read (a duplicate's message names the first one)."""
        span = self.keys.get((*parent, key))
        return span.line if span is not None else None


class _NotRecording(_Recording):
    """Records nothing: the positions are found if and when asked for (`Document`)."""

    def value(self, parent: Loc, key: str | int, node: _Node) -> None:
        pass

    def first_value(self, parent: Loc, key: str | int, node: _Node) -> None:
        pass

    def document(self, node: _Node) -> None:
        pass

    def key(self, parent: Loc, key: str, node: _Node) -> None:
        pass

    def key_line(self, parent: Loc, key: str) -> int | None:
        raise _NeedPositions  # `load_document` reads the text again, recording


# -- the containers being built ---------------------------------------------------------------


class _Frame:
    """A node being built: where it stands, and what it expects next."""

    __slots__ = (
        "anchor",
        "builder",
        "end_mark",
        "loc",
        "nodes_at_start",
        "positions",
        "start_mark",
    )

    def __init__(self, builder: _Builder, loc: Loc, anchor: str | None, start_mark: Any):
        self.builder = builder
        self.positions = builder.positions
        self.loc = loc
        self.anchor = anchor
        self.nodes_at_start = builder.nodes
        self.start_mark = start_mark
        self.end_mark = start_mark

    @property
    def value(self) -> Any:
        raise NotImplementedError

    def child_loc(self) -> Loc | None:
        """The loc the next value takes; None when it is a mapping key."""
        raise NotImplementedError

    def add(self, value: Any, node: _Node) -> None:
        """Take the next value read, which stands at `node`."""
        raise NotImplementedError


class _DocumentFrame(_Frame):
    """The document itself: it holds one value."""

    __slots__ = ("data",)

    def __init__(self, builder: _Builder):
        super().__init__(builder, (), None, None)
        self.data: Any = None

    @property
    def value(self) -> Any:
        return self.data

    def child_loc(self) -> Loc | None:
        return ()

    def add(self, value: Any, node: _Node) -> None:
        self.data = value
        self.positions.document(node)


class _SequenceFrame(_Frame):
    """A list being built: it expects the next item."""

    __slots__ = ("items",)

    def __init__(self, builder: _Builder, loc: Loc, anchor: str | None, start_mark: Any):
        super().__init__(builder, loc, anchor, start_mark)
        self.items: list[Any] = []

    @property
    def value(self) -> Any:
        return self.items

    def child_loc(self) -> Loc | None:
        return (*self.loc, len(self.items))

    def add(self, value: Any, node: _Node) -> None:
        items = self.items
        self.positions.first_value(self.loc, len(items), node)
        items.append(value)


_SKIP = "\x00skip"  # what a mapping frame expects after a refused key: a value to drop
_MERGE = "<<"


class _MappingFrame(_Frame):
    """A mapping being built: it expects a key (`key` None), that key's value (`key` the
    key), or the value of a refused key, to drop (`key` is _SKIP)."""

    __slots__ = ("items", "key", "merged")

    def __init__(self, builder: _Builder, loc: Loc, anchor: str | None, start_mark: Any):
        super().__init__(builder, loc, anchor, start_mark)
        self.items: dict[str, Any] = {}
        self.key: str | None = None
        self.merged: set[str] | None = None  # keys merged in with `<<`: a key written overrides

    @property
    def value(self) -> Any:
        return self.items

    def child_loc(self) -> Loc | None:
        key = self.key
        if key is None:
            return None
        return (*self.loc, "?" if key is _SKIP else key)

    def add(self, value: Any, node: _Node) -> None:
        key = self.key
        if key is None:
            if type(value) is str and value not in self.items:
                self.key = value
                if value != _MERGE:
                    self.positions.key(self.loc, value, node)
            else:
                self.take_key(value, node)
            return
        self.key = None
        if key is _SKIP:
            return
        if key == _MERGE:
            self.merge(value, node)
            return
        self.items[key] = value
        self.positions.value(self.loc, key, node)

    def take_key(self, value: Any, node: _Node) -> None:
        """A key that is no plain name, or that the mapping has already."""
        problem = self.builder.problem
        if not isinstance(value, str):
            problem(_span_of(node), "bad-key", _bad_key(value), self.loc)
            self.key = _SKIP
            return
        if self.merged is not None and value in self.merged:
            self.merged.discard(value)  # overrides the merged-in value
            self.key = value
            self.positions.key(self.loc, value, node)
            return
        first = self.positions.key_line(self.loc, value)
        where = f", at line {first}," if first is not None else ""
        problem(
            _span_of(node),
            "duplicate-key",
            f"duplicate key {value!r}; the first one{where} is kept",
            (*self.loc, value),
        )
        self.key = _SKIP

    def merge(self, value: Any, node: _Node) -> None:
        sources = value if isinstance(value, list) else [value]
        if not all(isinstance(s, dict) for s in sources):
            self.builder.problem(
                _span_of(node),
                "bad-merge",
                "'<<' merges only mappings",
                self.loc,
            )
            return
        if self.merged is None:
            self.merged = set()
        for source in sources:
            for key, item in source.items():
                if key not in self.items:
                    self.items[key] = item
                    self.merged.add(key)
                    self.positions.first_value(self.loc, key, node)


def _bad_key(value: Any) -> str:
    if isinstance(value, dict | list):
        return "a mapping key must be a plain name"
    # `1:` and `"1":` are two keys in YAML, and no field is named by a number, true/false
    # or null: refused here rather than read as text and then called duplicates.
    shown = "null" if value is None else str(value)
    shown = shown.lower() if isinstance(value, bool) else shown
    return f"a mapping key must be a name, not {shown}; quote it ('{shown}') if it is one"


# -- the builder: events in, one document out ----------------------------------------------


class _Builder:
    def __init__(
        self, text: str, path: str, max_depth: int, max_nodes: int, positions: _Recording
    ):
        self.text = text
        self.path = path
        self.max_depth = max_depth
        self.max_nodes = max_nodes
        self.positions = positions
        self.anchors: dict[str, tuple[Any, int]] = {}  # value, node count
        self.nodes = 0
        self.documents = 0
        self.problems: list[Diagnostic] = []
        # Frames know their builder: `run` empties the stack when the reading ends, so
        # that no reference cycle keeps a file's data alive until the collector runs.
        self.stack: list[_Frame] = [_DocumentFrame(self)]

    def problem(self, span: Span, code: str, message: str, loc: Loc = ()) -> None:
        self.problems.append(
            Diagnostic(span.line, span.col, "error", code, message, self.path, loc)
        )

    def fatal(self, span: Span, code: str, message: str, loc: Loc = ()) -> LoadFailed:
        """A problem the loader cannot read past: the caller raises what this returns."""
        self.problem(span, code, message, loc)
        return LoadFailed(self.problems)

    def failure(self, exc: yaml.YAMLError) -> LoadFailed:
        """What PyYAML raised, as the problem that stops the reading."""
        if isinstance(exc, yaml.MarkedYAMLError):
            return self.fatal(*_syntax_problem(exc, self.text, self.max_depth))
        if isinstance(exc, yaml.reader.ReaderError):
            at = max(0, min(int(exc.position), len(self.text)))
            char = exc.character if isinstance(exc.character, str) else chr(exc.character)
            return self.fatal(
                _span_at(self.text, at),
                "yaml-syntax",
                f"character {char!r} (U+{ord(char):04X}) is not allowed in YAML: "
                "control characters must be removed",
            )
        return self.fatal(Span(1, 1, 0, 0), "yaml-syntax", str(exc).strip())

    def count(self, n: int, node: _Node) -> None:
        self.nodes += n
        if self.nodes > self.max_nodes:
            raise self.fatal(
                _span_of(node),
                "too-many-nodes",
                f"the document expands to more than {self.max_nodes} values "
                "(aliases included); a readout needs far fewer",
            )

    # -- events ----------------------------------------------------------------------------
    def scalar(self, event: yaml.ScalarEvent) -> None:
        """A scalar with a tag, an anchor or double quotes (`read_events` takes the rest)."""
        self.count(1, event)
        top = self.stack[-1]
        if event.tag is None:  # `! 12`, the non-specific tag, makes text: YAML's rule
            plain = event.implicit[0] and not event.style
            value = resolve_plain(event.value) if plain else event.value
        else:
            try:
                value = _tagged(event.tag, event.value)
            except ValueError:
                self.problem(
                    _span_of(event),
                    "unsupported-tag",
                    f"the YAML tag {event.tag!r} is not supported here; write the value "
                    "without a tag",
                    top.child_loc() or (),
                )
                value = event.value
        control = _CONTROL.search(event.value) if event.style == '"' else None
        if control is not None:
            # Only a double-quoted escape (`"\e[31m"`) can carry these past YAML's reader;
            # they would reach the terminal or the page as control sequences.
            self.problem(
                _span_of(event),
                "control-character",
                f"this text holds the control character U+{ord(control[0]):04X}; remove "
                "the escape",
                top.child_loc() or (),
            )
        if event.anchor:
            self.anchors[event.anchor] = (value, 1)
        top.add(value, event)

    def alias(self, event: yaml.AliasEvent) -> None:
        if event.anchor not in self.anchors:
            raise self.fatal(
                _span_of(event),
                "yaml-syntax",
                f"unknown alias *{event.anchor}",
            )
        value, size = self.anchors[event.anchor]
        self.count(size, event)
        self.stack[-1].add(value, event)

    def document_start(self, event: yaml.DocumentStartEvent) -> None:
        self.documents += 1
        if self.documents > 1:
            raise self.fatal(
                _span_of(event),
                "multiple-documents",
                "a readout file holds one YAML document; found a second '---'",
            )

    def start_mapping(self, event: yaml.MappingStartEvent) -> None:
        self.start(event, _MappingFrame)

    def start_sequence(self, event: yaml.SequenceStartEvent) -> None:
        self.start(event, _SequenceFrame)

    def start(self, event: yaml.CollectionStartEvent, frame: type[_Frame]) -> None:
        self.count(1, event)
        if event.tag not in (None, "!", _STD + "map", _STD + "seq", _STD + "omap"):
            self.problem(
                _span_of(event),
                "unsupported-tag",
                f"the YAML tag {event.tag!r} is not supported",
            )
        if len(self.stack) > self.max_depth:  # the document's own frame is not a level
            raise self.fatal(
                _span_of(event),
                "too-deep",
                _too_deep(self.max_depth),
            )
        loc = self.stack[-1].child_loc()
        loc = () if loc is None else loc  # a mapping key: refused once it is built
        self.stack.append(frame(self, loc, event.anchor, event.start_mark))

    def end(self, event: yaml.CollectionEndEvent) -> None:
        frame = self.stack.pop()
        frame.end_mark = event.end_mark
        if frame.anchor:
            self.anchors[frame.anchor] = (frame.value, self.nodes - frame.nodes_at_start + 1)
        self.stack[-1].add(frame.value, frame)

    def read_events(self, get_event: Callable[[], yaml.Event | None]) -> None:
        handlers: dict[type[yaml.Event], Callable[[Any], None]] = {
            yaml.ScalarEvent: self.scalar,
            yaml.MappingStartEvent: self.start_mapping,
            yaml.SequenceStartEvent: self.start_sequence,
            yaml.MappingEndEvent: self.end,
            yaml.SequenceEndEvent: self.end,
            yaml.AliasEvent: self.alias,
            yaml.DocumentStartEvent: self.document_start,
        }
        stack = self.stack
        scalar_event = yaml.ScalarEvent
        # The common event, an untagged, unanchored, not double-quoted scalar, is read
        # here, one call shallower than `scalar` (which reads the others): this loop is
        # most of the time `author validate` spends in Python.
        while (event := get_event()) is not None:
            if (
                type(event) is not scalar_event
                or event.tag is not None
                or event.anchor is not None
                or event.style == '"'
            ):
                handler = handlers.get(type(event))
                if handler is not None:
                    handler(event)
                continue
            self.nodes += 1
            if self.nodes > self.max_nodes:
                self.count(0, event)
            value = event.value
            if (
                event.implicit[0]
                and not event.style
                and not (value[:1].isalpha() and value not in _WORDS)
            ):
                value = resolve_plain(value)
            stack[-1].add(value, event)

    def run(self) -> Document:
        root = self.stack[0]
        try:
            # PyYAML's own reader (no libyaml) checks every character here, before the
            # first event: a control character is refused by the constructor.
            loader = EventLoader(self.text)
        except yaml.YAMLError as exc:
            self.stack.clear()
            raise self.failure(exc) from None
        try:
            self.read_events(loader.get_event)
        except yaml.YAMLError as exc:
            raise self.failure(exc) from None
        finally:
            loader.dispose()
            self.stack.clear()
        if isinstance(self.positions, _NotRecording):
            limits = (self.max_depth, self.max_nodes)
            later = partial(_record, self.text, self.path, *limits)
            return Document(self.text, root.value, later, self.problems)
        return Document(self.text, root.value, self.positions, self.problems)


# -- the common file: read straight into data, or into positions ---------------------------


class _Unusual(Exception):
    """A reader of the common file met what it leaves to `_Builder`."""


_SCALAR = yaml.ScalarEvent
_MAPPING_START = yaml.MappingStartEvent
_MAPPING_END = yaml.MappingEndEvent
_SEQUENCE_START = yaml.SequenceStartEvent
_SEQUENCE_END = yaml.SequenceEndEvent
# How a plain scalar begins if it may be read as other than its text (`resolve_plain`):
# as a number, or one of the words; and, for a key, as the merge key `<<`.
_MAY_RESOLVE = frozenset(("", *"0123456789+-.~nNtTfF"))
_MAY_NOT_NAME = frozenset(("", *"0123456789+-.~<"))
# Past this depth the common reader's recursion could reach Python's limit: `_Builder`,
# which keeps its frames in a list, reads such a file (and refuses it by `max_depth`).
_DEEPEST_COMMON = 100


class _CommonReading:
    """What the two readers of the common file share: the stream around its one document,
    the depth at which they give up, and the count of nodes.

    The common file has no alias, tag, merge key, duplicate or non-name key, control
    character or second document, and is within the limits (an anchor changes nothing
    until an alias uses it). At anything else a reader raises `_Unusual` and `_Builder`
    reads the file from its start, as it reads any file; so what a reader gives is what
    `_Builder` would."""

    __slots__ = ("get", "max_depth", "nodes")

    def __init__(self, get: Callable[[], Any], max_depth: int):
        self.get = get
        self.max_depth = min(max_depth, _DEEPEST_COMMON)
        self.nodes = 0  # as `_Builder` counts them, but by each collection as it ends

    def stream(self) -> Any:
        get = self.get
        get()  # the stream's start
        data = None
        if type(get()) is yaml.DocumentStartEvent:
            data = self.root(get())
            self.nodes += 1
            if type(get()) is not yaml.DocumentEndEvent:
                raise _Unusual  # pragma: no cover - the parser ends the document here
            if type(get()) is not yaml.StreamEndEvent:
                raise _Unusual  # a second document
        if get() is not None:
            raise _Unusual  # pragma: no cover - the parser ends the stream here
        return data

    def root(self, event: Any) -> Any:
        """Read the document's node, which starts with `event`."""
        raise NotImplementedError


class _CommonReader(_CommonReading):
    """Reads the common file straight into data: no frames, no positions (nothing to point
    at), no problems. It raises `_NeedPositions` at a duplicate key (whose message names
    the line of the first one)."""

    __slots__ = ()

    def root(self, event: Any) -> Any:
        return self.node(event, 0)

    def node(self, event: Any, depth: int) -> Any:
        """The value that starts with `event`, inside `depth` collections."""
        kind = type(event)
        if kind is _SCALAR:
            return _scalar(event)
        if kind is not _MAPPING_START and kind is not _SEQUENCE_START:
            raise _Unusual  # an alias
        if event.tag is not None or depth >= self.max_depth:
            raise _Unusual
        return self.mapping(depth + 1) if kind is _MAPPING_START else self.sequence(depth + 1)

    def mapping(self, depth: int) -> dict[str, Any]:
        get, scalar, resolves, resolve = self.get, _SCALAR, _MAY_RESOLVE, resolve_plain
        items: dict[str, Any] = {}
        while type(event := get()) is scalar:
            key = event.value
            if event.style or event.tag is not None or key[:1] in _MAY_NOT_NAME or key in _WORDS:
                key = _key(event)
            if key in items:
                raise _NeedPositions  # a duplicate: its message names the first one's line
            event = get()
            # The common value, an untagged scalar, read here rather than by a call (this
            # loop is most of the time the reading spends in Python).
            if type(event) is scalar and event.tag is None:
                value = event.value
                if not event.style:
                    if value[:1] in resolves:
                        value = resolve(value)
                elif event.style == '"' and _CONTROL.search(value):
                    raise _Unusual
                items[key] = value
            else:
                items[key] = self.node(event, depth)
        if type(event) is not _MAPPING_END:
            raise _Unusual  # a key that is a collection, or an alias
        self.nodes += 2 * len(items)
        return items

    def sequence(self, depth: int) -> list[Any]:
        get, scalar, resolves, resolve, end = (
            self.get, _SCALAR, _MAY_RESOLVE, resolve_plain, _SEQUENCE_END
        )
        items: list[Any] = []
        append = items.append
        while type(event := get()) is not end:
            if type(event) is scalar and event.tag is None:
                value = event.value
                if not event.style:
                    if value[:1] in resolves:
                        value = resolve(value)
                elif event.style == '"' and _CONTROL.search(value):
                    raise _Unusual
                append(value)
            else:
                append(self.node(event, depth))
        self.nodes += len(items)
        return items


def _scalar(event: yaml.ScalarEvent) -> Any:
    """An untagged scalar's value, as `_Builder.scalar` reads it."""
    if event.tag is not None:
        raise _Unusual
    value = event.value
    # Untagged and plain is implicit (libyaml's and PyYAML's parsers agree): no need to
    # read `event.implicit`.
    if not event.style:
        return resolve_plain(value)
    if event.style == '"' and _CONTROL.search(value):
        raise _Unusual
    return value


def _key(event: yaml.ScalarEvent) -> str:
    """A key that is not a plain name: its text, if `_Builder` would take it."""
    key = _scalar(event)
    if type(key) is not str or key == _MERGE:
        raise _Unusual  # a bad key, or a merge
    return key


class _CommonRecorder(_CommonReading):
    """Records where every value and every key of the common file stands, as `_Builder`
    records them (and in the same order: a collection's place after its contents'), for
    the reading that finds the positions of a document when they are first asked for."""

    __slots__ = ("positions",)

    def __init__(self, get: Callable[[], Any], max_depth: int):
        super().__init__(get, max_depth)
        self.positions = _Recording()

    def root(self, event: Any) -> None:
        self.positions.values[()] = self.node(event, (), 0)

    def node(self, event: Any, loc: Loc, depth: int) -> Span:
        """Where the value that starts with `event` stands (its contents recorded)."""
        kind = type(event)
        start = event.start_mark
        if kind is _SCALAR:
            _scalar(event)
            end = event.end_mark
        elif kind is not _MAPPING_START and kind is not _SEQUENCE_START:
            raise _Unusual  # an alias
        elif event.tag is not None or depth >= self.max_depth:
            raise _Unusual
        elif kind is _MAPPING_START:
            end = self.mapping(loc, depth + 1)
        else:
            end = self.sequence(loc, depth + 1)
        return _new_tuple(Span, (start.line + 1, start.column + 1, start.index, end.index))

    def mapping(self, loc: Loc, depth: int) -> Any:
        """Record a mapping's keys and values; the mark where it ends."""
        get, scalar, values, keys = self.get, _SCALAR, self.positions.values, self.positions.keys
        count = 0
        event: Any
        while type(event := get()) is scalar:
            key = event.value
            if event.style or event.tag is not None or key[:1] in _MAY_NOT_NAME or key in _WORDS:
                key = _key(event)
            at = (*loc, key)
            if at in keys:
                raise _Unusual  # a duplicate key
            keys[at] = _span_of(event)
            event = get()
            if type(event) is scalar and event.tag is None and event.style != '"':
                values[at] = _span_of(event)
            else:
                values[at] = self.node(event, at, depth)
            count += 1
        if type(event) is not _MAPPING_END:
            raise _Unusual  # a key that is a collection, or an alias
        self.nodes += 2 * count
        return event.end_mark

    def sequence(self, loc: Loc, depth: int) -> Any:
        """Record a list's items; the mark where it ends."""
        get, scalar, values = self.get, _SCALAR, self.positions.values
        index = 0
        event: Any
        while type(event := get()) is not _SEQUENCE_END:
            at = (*loc, index)
            if type(event) is scalar and event.tag is None and event.style != '"':
                values[at] = _span_of(event)
            else:
                values[at] = self.node(event, at, depth)
            index += 1
        self.nodes += index
        return event.end_mark


_Reading = TypeVar("_Reading", bound=_CommonReading)


def _read_commonly(
    reading: type[_Reading], source: str | bytes, max_depth: int, max_nodes: int
) -> tuple[_Reading, Any] | None:
    """A common reader's reading of `source` and what it gave, or None if it is no common
    file (or PyYAML's own reader, which checks the characters first, refuses it)."""
    try:
        loader = EventLoader(source)
    except yaml.YAMLError:
        return None
    reader = reading(loader.get_event, max_depth)
    try:
        found = reader.stream()
    except (_Unusual, yaml.YAMLError):
        return None  # `_Builder` reports a syntax error exactly: a limit may come first
    finally:
        loader.dispose()
    return (reader, found) if reader.nodes <= max_nodes else None


def _read_common(
    text: str, path: str, max_depth: int, max_nodes: int, raw: bytes | None
) -> Document | None:
    """The common file's document (see `_CommonReading`), or None for any other file.

    `raw`, the bytes `text` was decoded from, is what the parser reads when it has no
    byte-order mark (it is then the text in UTF-8), rather than encode the text again:
    about a twentieth of the reading's time for a readout with Japanese text."""
    source = raw if raw is not None and not raw.startswith(_BOMS) else text
    read = _read_commonly(_CommonReader, source, max_depth, max_nodes)
    if read is None:
        return None
    later = partial(_record, text, path, max_depth, max_nodes)
    return Document(text, read[1], later, [])


def _record(text: str, path: str, max_depth: int, max_nodes: int) -> _Recording:
    """Read `text` again, recording where every value and key stands."""
    read = _read_commonly(_CommonRecorder, text, max_depth, max_nodes)
    if read is not None:
        return read[0].positions
    builder = _Builder(text, path, max_depth, max_nodes, _Recording())
    builder.run()
    return builder.positions


def _too_deep(max_depth: int) -> str:
    return f"nesting deeper than {max_depth} levels; a readout needs at most 5"


def _syntax_problem(exc: yaml.MarkedYAMLError, text: str, max_depth: int) -> tuple[Span, str, str]:
    mark = exc.problem_mark or exc.context_mark
    span = _span(mark, mark) if mark is not None else Span(1, 1, 0, 0)
    if "exceeded maximum nesting depth" in (exc.problem or ""):  # libyaml's own cap
        return span, "too-deep", _too_deep(max_depth)
    tab = text[span.start : span.start + 1] == "\t"
    return span, "yaml-syntax", _yaml_message(exc, tab)


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
    text: str,
    path: str = "<stdin>",
    *,
    max_depth: int = 64,
    max_nodes: int = 100_000,
    record_positions: bool = False,
    raw: bytes | None = None,
) -> Document:
    """Parse one readout's YAML text, reading past what it can (see `Document.problems`),
    so the model and the lint still check the rest. Raises LoadFailed only for what
    stops the reading: a syntax error, a limit, a second document, an unknown alias.

    Positions are found when first asked for (a second reading, recording); with
    `record_positions` they are recorded while reading, as that second reading does.
    `raw`: the bytes `text` was decoded from (`decode`), when the caller has them; the
    file is then read a little faster, to the same document."""
    if not record_positions:
        try:
            common = _read_common(text, path, max_depth, max_nodes, raw)
            if common is not None:
                return common
            return _Builder(text, path, max_depth, max_nodes, _NotRecording()).run()
        except _NeedPositions:
            pass  # a duplicate key: its message names the line of the first one
    return _Builder(text, path, max_depth, max_nodes, _Recording()).run()


def load_yaml(
    text: str,
    path: str = "<stdin>",
    *,
    max_depth: int = 64,
    max_nodes: int = 100_000,
    record_positions: bool = False,
) -> Document:
    """Parse one readout's YAML text. Raises LoadFailed with every problem it found."""
    document = load_document(
        text, path, max_depth=max_depth, max_nodes=max_nodes, record_positions=record_positions
    )
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
_BOMS = tuple(bom for bom, _ in BYTE_ORDER_MARKS)


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
