"""Faithful saves: the author's YAML text, changed only where the data changed.

The editor keeps the text it opened (the *base*) and the data that text held. To write the
data back, `FaithfulText.text_for(data)` compares the two data trees and edits the base
text at the positions the YAML parser gives for each value: a changed scalar is replaced
in place (inside a long folded or quoted text, only the words that changed), a removed key
or list item loses its own lines, a new one is inserted beside its neighbours, a moved
item keeps its text. Everything else — comments, quoting, indentation, blank lines, key
order, data the editor does not know — stays as written, byte for byte.

This is generic over the data: no field list, so fields added to the format later are kept
the same way. Every result is checked by loading it again; should an edit not reload to
exactly the data (a case the patcher does not foresee), the changed values are written
again whole, and as a last resort the whole file is dumped (`dump_readout`), so a save
never loses or changes data.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import yaml

from author.diagnostics import Loc
from author.loader import LoadFailed, load_yaml, resolve_plain
from author.yamlio import _Dumper, dump_readout, ordered

try:
    from yaml import CSafeLoader as _EventLoader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _EventLoader  # type: ignore[assignment]


class PatchFailed(Exception):
    """The base text cannot be edited in place for this change."""


def same(a: Any, b: Any) -> bool:
    """Equal data, types included (`1`, `1.0` and `true` are three different values)."""
    if type(a) is not type(b):
        return False
    if isinstance(a, dict):
        return a.keys() == b.keys() and all(same(a[k], b[k]) for k in a)
    if isinstance(a, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b, strict=True))
    return bool(a == b)


def _both(a: Any, b: Any, kind: type) -> bool:
    return isinstance(a, kind) and isinstance(b, kind)


def _frozen(value: Any) -> Any:
    """A hashable stand-in for `value`, for matching list items."""
    if isinstance(value, dict):
        return ("map", tuple((k, _frozen(v)) for k, v in value.items()))
    if isinstance(value, list):
        return ("seq", tuple(_frozen(v) for v in value))
    return (type(value).__name__, value)


# -- where each value stands in the text ------------------------------------------------------


@dataclass(slots=True)
class Node:
    kind: str  # "scalar", "map", "seq" or "alias"
    start: int  # offset of the node's first token
    end: int  # offset just past its last token (a block scalar: past its last content line)
    style: str | None = None  # a scalar's style: None (plain), "'", '"', "|" or ">"
    flow: bool = False
    special: bool = False  # an anchor or a tag: never edited in place
    value: str = ""  # a scalar's text as parsed
    items: list[Node] = field(default_factory=list)  # a sequence's items
    entries: dict[str, tuple[Node, Node]] = field(default_factory=dict)  # key: (key, value)
    region_end: int = 0  # end of the line where the node's content ends (its comment too)


def _offset(mark: Any) -> int:
    """A parser mark's offset in the text (libyaml gives every event its marks)."""
    if mark is None:  # pragma: no cover - not from PyYAML's parsers
        raise PatchFailed("an event without a position")
    return int(mark.index)


def _key_text(node: Node) -> str | None:
    if node.kind != "scalar":
        return None
    value: Any = resolve_plain(node.value) if node.style is None else node.value
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    return str(value)


class Source:
    """The parse tree of a text, with offsets; `root` is None when it holds no mapping."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.root: Node | None = None
        self.broken = False  # merge keys, duplicate keys, explicit keys: not patched
        try:
            self._build()
        except yaml.YAMLError:
            self.root = None
        self.newline = "\r\n" if "\r\n" in text else "\n"
        self.seq_indent = self._sequences_indented()

    # -- lines ------------------------------------------------------------------------------
    def line_start(self, at: int) -> int:
        return self.text.rfind("\n", 0, at) + 1

    def line_end(self, at: int) -> int:
        found = self.text.find("\n", at)
        return len(self.text) if found < 0 else found + 1

    def first_on_line(self, at: int) -> bool:
        return not self.text[self.line_start(at) : at].strip()

    def column(self, at: int) -> int:
        return at - self.line_start(at)

    # -- building ------------------------------------------------------------------------------
    def _build(self) -> None:
        text = self.text
        loader = _EventLoader(text)
        stack: list[tuple[Node, list[Node]]] = []  # node, pending key (maps)
        try:
            while (event := loader.get_event()) is not None:
                if isinstance(event, yaml.ScalarEvent | yaml.AliasEvent):
                    node = self._leaf(event)
                elif isinstance(event, yaml.MappingStartEvent | yaml.SequenceStartEvent):
                    kind = "map" if isinstance(event, yaml.MappingStartEvent) else "seq"
                    node = Node(kind, _offset(event.start_mark), _offset(event.end_mark))
                    node.flow = bool(event.flow_style)
                    node.special = bool(event.anchor) or event.tag not in (None, "!")
                    stack.append((node, []))
                    continue
                elif isinstance(event, yaml.MappingEndEvent | yaml.SequenceEndEvent):
                    node, _ = stack.pop()
                    if node.flow:
                        node.end = _offset(event.end_mark)
                    self._close(node)
                else:
                    continue
                self._place(stack, node)
        finally:
            loader.dispose()

    def _leaf(self, event: yaml.ScalarEvent | yaml.AliasEvent) -> Node:
        start, end = _offset(event.start_mark), _offset(event.end_mark)
        if isinstance(event, yaml.AliasEvent):
            node = Node("alias", start, end, special=True)
            node.region_end = self.line_end(end)
            return node
        style = event.style or None
        node = Node("scalar", start, end, style=style, value=event.value)
        node.special = bool(event.anchor) or not (event.tag is None or event.tag == "!")
        if style in ("|", ">"):
            header = self.text[start : self.line_end(start)]
            if "+" in header.split("#", 1)[0]:  # keep chomping: trailing blank lines count
                node.region_end = end
                return node
            node.end = start + len(self.text[start:end].rstrip())
        node.region_end = self.line_end(node.end)
        return node

    def _close(self, node: Node) -> None:
        if node.flow:
            node.region_end = self.line_end(node.end)
            return
        children = node.items or [v for _, v in node.entries.values()]
        if children:
            last = max(children, key=lambda child: child.region_end)
            node.end, node.region_end = last.end, last.region_end
        else:
            node.region_end = self.line_end(node.end)

    def _place(self, stack: list[tuple[Node, list[Node]]], node: Node) -> None:
        if not stack:
            if node.kind == "map":
                self.root = node
            return
        parent, pending = stack[-1]
        if parent.kind == "seq":
            parent.items.append(node)
            return
        if not pending:
            pending.append(node)
            return
        key_node = pending.pop()
        key = _key_text(key_node)
        if key is None or key == "<<" or key in parent.entries:
            self.broken = True  # data and text no longer correspond one to one
            parent.special = True
            return
        parent.entries[key] = (key_node, node)

    def _sequences_indented(self) -> bool:
        """Whether the file writes a list under a key indented (`key:\\n  - a`)."""
        pending = [self.root] if self.root else []
        while pending:
            node = pending.pop()
            for key_node, value in node.entries.values():
                if value.kind == "seq" and not value.flow and value.items:
                    return self.column(value.start) > self.column(key_node.start)
                if value.kind == "map":
                    pending.append(value)
        return True


# -- writing values ------------------------------------------------------------------------------


class _Key(str):
    """The placeholder key of a dumped fragment: always written plain."""


class _StyledDumper(_Dumper):
    str_style: str | None = None
    indented_sequences = True

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, indentless and not self.indented_sequences)


def _represent_key(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value), style=None)


def _represent_styled(dumper: _StyledDumper, value: str) -> yaml.Node:
    style = dumper.str_style
    if style == "'" and "\n" not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    if style == '"':
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')
    if style == ">" and "\n" in value:
        style = "|"  # paragraphs read best as they are typed
    if style in ("|", ">") and value.strip():
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)
    return _Dumper.yaml_representers[str](dumper, value)


@lru_cache(maxsize=16)
def _dumper(style: str | None, indented: bool) -> type[_StyledDumper]:
    cls: type[_StyledDumper] = type(
        "Dumper", (_StyledDumper,), {"str_style": style, "indented_sequences": indented}
    )
    cls.add_representer(_Key, _represent_key)
    cls.add_representer(str, _represent_styled)
    return cls


def _dump(fragment: Any, style: str | None, indented: bool) -> str:
    return yaml.dump(
        fragment,
        Dumper=_dumper(style, indented),
        sort_keys=False,
        allow_unicode=True,
        width=88,
        default_flow_style=False,
        indent=2,
    )


def _shift(text: str, indent: int) -> str:
    """Indent every line but the first by `indent` columns."""
    pad = " " * indent
    lines = text.split("\n")
    return "\n".join([lines[0], *[pad + line if line else line for line in lines[1:]]])


def entry_text(
    key: str, value: Any, indent: int, indented: bool, style: str | None = None
) -> str:
    """`key: value` lines for a mapping whose keys stand at column `indent` (the first
    line without its indentation; a final newline)."""
    return _shift(_dump({_Key(key): value}, style, indented), indent)


def item_text(value: Any, indent: int, style: str | None, indented: bool) -> str:
    """`- value` lines for a list whose dashes stand at column `indent`."""
    return _shift(_dump([value], style, indented), indent)


# -- the patch ----------------------------------------------------------------------------------


@dataclass(slots=True)
class Slot:
    """Where a value stands: after a key's `:` or a dash, in a block at column `indent`."""

    kind: str  # "entry" or "item"
    key: str  # the entry's key ("" for an item)
    after: int  # offset just past the `:` or `-`
    indent: int  # column of the key or the dash


@dataclass
class _Seq:
    """A list being patched: its node, old and new items, and where its dashes stand."""

    node: Node
    old: list[Any]
    new: list[Any]
    loc: Loc
    dashes: list[int]
    indent: int  # the column of its dashes
    own_lines: bool  # every item starts a line of its own (not `[a, b]` or `- - a`)
    old_keys: list[Any] = field(default_factory=list)
    new_keys: list[Any] = field(default_factory=list)
    unused: dict[Any, list[int]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.old_keys = [_frozen(v) for v in self.old]
        self.new_keys = [_frozen(v) for v in self.new]


class _Patch:
    def __init__(self, source: Source, splice: bool) -> None:
        self.source = source
        self.text = source.text
        self.splice = splice  # edit inside texts (first try) or write changed values whole
        self.edits: list[tuple[int, int, int, str]] = []  # start, end, order, new text
        self.data: Any = None  # the whole new data
        self.ordered_data: Any = None  # ... in the format's field order, made when needed

    def add(self, start: int, end: int, text: str) -> None:
        self.edits.append((start, end, len(self.edits), text))

    def result(self) -> str:
        out, at = [], 0
        crlf = self.source.newline == "\r\n"
        for start, end, _, text in sorted(self.edits):
            if start < at:
                raise PatchFailed("overlapping edits")
            out.append(self.text[at:start])
            out.append(text.replace("\r\n", "\n").replace("\n", "\r\n") if crlf else text)
            at = end
        out.append(self.text[at:])
        return "".join(out)

    def emitted(self, loc: tuple[Any, ...], new: Any) -> Any:
        """`new` as a new value is written: its mappings in the format's field order."""
        if not isinstance(new, dict | list):
            return new
        if self.ordered_data is None:
            self.ordered_data = ordered(self.data)
        value = self.ordered_data
        for part in loc:
            value = value[part]
        return value

    # -- dispatch -----------------------------------------------------------------------------
    def diff(self, node: Node, old: Any, new: Any, slot: Slot | None, loc: Loc) -> None:
        if same(old, new):
            return
        plain_node = not node.flow and not node.special
        if plain_node and node.kind == "map" and _both(old, new, dict) and old.keys() & new.keys():
            self.diff_map(node, old, new, loc)
            return
        if plain_node and old and new and node.kind == "seq" and _both(old, new, list):
            self.diff_seq(node, old, new, loc)
            return
        if node.kind == "scalar" and plain_node and not isinstance(new, dict | list):
            self.replace_scalar(node, old, new, slot)
            return
        self.replace_node(node, self.emitted(loc, new), slot)

    # -- mappings ---------------------------------------------------------------------------------
    def diff_map(self, node: Node, old: dict[str, Any], new: dict[str, Any], loc: Loc) -> None:
        if old.keys() != node.entries.keys():
            raise PatchFailed("a mapping whose text and data differ (merge keys)")
        keys = list(node.entries)
        survivors = [key for key in keys if key in new]
        if not survivors:
            raise PatchFailed("every key removed")
        for key in survivors:
            key_node, value = node.entries[key]
            self.diff(value, old[key], new[key], self.entry_slot(key, key_node), (*loc, key))
        for key in keys:
            if key not in new:
                self.remove_entry(node, keys, key)
        added = [key for key in new if key not in old]
        if added:
            self.add_entries(node, new, loc, added, survivors)

    def add_entries(
        self, node: Node, new: dict[str, Any], loc: Loc, added: list[str], survivors: list[str]
    ) -> None:
        """Write the keys `added` to a mapping, each after the kept key before it in the
        format's order (the first at the top)."""
        src = self.source
        keys = list(node.entries)
        indent = src.column(node.entries[keys[0]][0].start)
        order = list(self.emitted(loc, new))
        for key in added:
            text = entry_text(key, self.emitted((*loc, key), new[key]), indent, src.seq_indent)
            before = [k for k in order[: order.index(key)] if k in survivors]
            if before:
                self.insert_line(node.entries[before[-1]][1].region_end, " " * indent + text)
                continue
            target = node.entries[survivors[0]][0].start
            if src.first_on_line(target):
                at = src.line_start(target)
                self.add(at, at, " " * indent + text)
            else:  # the first key shares its line with a dash: `- key: value`
                self.add(target, target, text + " " * indent)

    def entry_slot(self, key: str, key_node: Node) -> Slot:
        text, at = self.text, key_node.end
        while at < len(text) and text[at] in " \t":
            at += 1
        if at >= len(text) or text[at] != ":":
            raise PatchFailed("a key without ':' after it")
        return Slot("entry", key, at + 1, self.source.column(key_node.start))

    def remove_entry(self, node: Node, keys: list[str], key: str) -> None:
        src = self.source
        key_node, value = node.entries[key]
        if src.first_on_line(key_node.start):
            self.add(src.line_start(key_node.start), value.region_end, "")
            return
        # `- key: value` with more keys below: the next key moves up beside the dash
        following = keys[keys.index(key) + 1 :]
        if not following:
            raise PatchFailed("the only key of a compact item")
        next_key = node.entries[following[0]][0]
        gap = self.text[value.region_end : src.line_start(next_key.start)]
        if gap.strip():  # comment lines between the two keys stay, above the item
            start = src.line_start(key_node.start)
            self.add(start, start, gap)
        self.add(key_node.start, next_key.start, "")

    def insert_line(self, at: int, text: str) -> None:
        if at == len(self.text) and not self.text.endswith("\n"):
            text = self.source.newline + text.removesuffix("\n")
        self.add(at, at, text)

    # -- sequences ---------------------------------------------------------------------------------
    def dash(self, item: Node) -> int:
        text, at = self.text, item.start - 1
        while at >= 0 and text[at] in " \t\r\n":
            at -= 1
        if at < 0 or text[at] != "-" or (at > 0 and text[at - 1] not in " \t\n"):
            raise PatchFailed("a list item without a dash before it")
        return at

    def diff_seq(self, node: Node, old: list[Any], new: list[Any], loc: Loc) -> None:
        src = self.source
        if len(node.items) != len(old):
            raise PatchFailed("a list whose text and data differ")
        dashes = [self.dash(item) for item in node.items]
        seq = _Seq(node, old, new, loc, dashes, src.column(dashes[0]),
                   all(src.first_on_line(d) for d in dashes))
        opcodes = difflib.SequenceMatcher(
            None, seq.old_keys, seq.new_keys, autojunk=False
        ).get_opcodes()
        removed = [i for tag, i1, i2, _, _ in opcodes if tag != "equal" for i in range(i1, i2)]
        for i in removed:  # removed items a new item may take the text of (a move)
            seq.unused.setdefault(seq.old_keys[i], []).append(i)
        kept: set[int] = set()
        for tag, i1, i2, j1, j2 in opcodes:
            if tag != "equal":
                kept |= self.seq_change(seq, i1, i2, j1, j2)
        for i in removed:
            if i not in kept:
                self.require_own_lines(seq)
                self.add(src.line_start(dashes[i]), node.items[i].region_end, "")

    def seq_change(self, seq: _Seq, i1: int, i2: int, j1: int, j2: int) -> set[int]:
        """Items `i1:i2` of the old list became `j1:j2` of the new: an item edited where
        it stands is edited in place, one that moved keeps its text, a new one is
        written. The old items edited in place."""
        kept: set[int] = set()
        # pair old and new items in place, up to a new item that is a moved one
        while i1 < i2 and j1 < j2 and not (seq.own_lines and seq.unused.get(seq.new_keys[j1])):
            slot = Slot("item", "", seq.dashes[i1] + 1, seq.indent)
            self.diff(seq.node.items[i1], seq.old[i1], seq.new[j1], slot, (*seq.loc, j1))
            kept.add(i1)
            i1, j1 = i1 + 1, j1 + 1
        if j1 == j2:
            return kept
        self.require_own_lines(seq)
        src, items = self.source, seq.node.items
        at = items[i1 - 1].region_end if i1 > 0 else src.line_start(seq.dashes[0])
        for j in range(j1, j2):
            self.insert_line(at, self.item_lines(seq, j))
        return kept

    def item_lines(self, seq: _Seq, j: int) -> str:
        """The lines of new item `j`: a moved item's own text, or the item written anew."""
        src = self.source
        moved = seq.unused.get(seq.new_keys[j])
        if moved:
            i = moved.pop(0)
            text = self.text[src.line_start(seq.dashes[i]) : seq.node.items[i].region_end]
            return text if text.endswith("\n") else text + src.newline
        value = self.emitted((*seq.loc, j), seq.new[j])
        return " " * seq.indent + item_text(value, seq.indent, None, src.seq_indent)

    @staticmethod
    def require_own_lines(seq: _Seq) -> None:
        if not seq.own_lines:
            raise PatchFailed("list items that share a line")

    # -- replacing a value ------------------------------------------------------------------------
    def replace_node(self, node: Node, new: Any, slot: Slot | None) -> None:
        """Write `new` whole where `node` stands (its lines, from the `:` or dash on)."""
        if slot is None:
            raise PatchFailed("the whole document")
        style = node.style if node.kind == "scalar" and not isinstance(new, dict | list) else None
        text = self.value_text(new, slot, style)
        end = node.region_end
        if end == len(self.text) and not self.text.endswith("\n"):
            text = text.removesuffix("\n")
        self.add(slot.after, end, text)

    def value_text(self, new: Any, slot: Slot, style: str | None) -> str:
        """What follows the `:` or dash: ` value\\n`, or a newline and an indented block."""
        indented = self.source.seq_indent
        if slot.kind == "entry":
            return entry_text("k", new, slot.indent, indented, style)[2:]
        return item_text(new, slot.indent, style, indented)[1:]

    def replace_scalar(self, node: Node, old: Any, new: Any, slot: Slot | None) -> None:
        if self.splice and _both(old, new, str) and self.splice_text(node, old, new):
            return
        if slot is None:
            raise PatchFailed("a scalar document")
        text = self.value_text(new, slot, node.style).removesuffix("\n")
        body = text.removeprefix(" ")
        if node.start == node.end:  # an empty value: `key:` with nothing after it
            if "\n" in body or self.text[node.end : node.end + 1] not in ("\n", "\r", ""):
                self.replace_node(node, new, slot)
            else:
                self.add(node.start, node.end, " " + body)
            return
        rest = self.text[node.end : self.source.line_end(node.end)]
        if "\n" in body and rest.strip():
            # a comment after a one-line value: a value over several lines is written whole
            self.replace_node(node, new, slot)
            return
        self.add(node.start, node.end, body)

    # -- splicing inside a text -------------------------------------------------------------------
    def splice_text(self, node: Node, old: str, new: str) -> bool | None:
        """Replace only the changed characters of a text, keeping its line breaks. None
        when that is not possible here (the value is then written whole)."""
        style = node.style
        if style == '"' or (style in (None, "'", ">") and "\n" in new):
            return None
        mapping = self.value_offsets(node, old)
        if mapping is None:
            return None
        head = 0
        limit = min(len(old), len(new))
        while head < limit and old[head] == new[head]:
            head += 1
        tail = 0
        while tail < limit - head and old[-1 - tail] == new[-1 - tail]:
            tail += 1
        inserted = new[head : len(new) - tail]
        if style == "'":
            inserted = inserted.replace("'", "''")
        elif style == "|":
            inserted = inserted.replace("\n", "\n" + " " * self.block_indent(node))
        start, end = mapping[head], mapping[len(old) - tail]
        if not self.valid_scalar(node, start, end, inserted, new):
            return None
        self.add(start, end, inserted)
        return True

    def block_indent(self, node: Node) -> int:
        text = self.text
        at = self.source.line_end(node.start)
        while at < node.end:
            line_end = self.source.line_end(at)
            line = text[at:line_end]
            if line.strip():
                return len(line) - len(line.lstrip(" "))
            at = line_end
        return self.source.column(node.start) + 2

    def value_offsets(self, node: Node, value: str) -> list[int] | None:
        """For each character of `value` (and its end), the offset in the text where it
        is written; None when the text cannot be followed character by character."""
        block = node.style in ("|", ">")
        at, indent = self.content_start(node)
        stop = node.end - 1 if node.style == "'" else node.end
        offsets: list[int] = []
        i = 0
        while i < len(value):
            if at >= stop:
                if block and not value[i:].strip("\n"):  # the final line breaks of `|`
                    offsets.extend([stop] * (len(value) - i))
                    break
                return None
            step = self.follow(value[i], at, node.style, indent if block else None)
            if step is None:
                return None
            at, matched, where = step
            if matched:
                offsets.append(where)
                i += 1
        offsets.append(min(at, stop) if block else stop)
        return offsets

    def content_start(self, node: Node) -> tuple[int, int]:
        """Where a scalar's characters start in the text, and a block's indentation."""
        text = self.text
        if node.style in ("|", ">"):
            indent = self.block_indent(node)
            at = self.source.line_end(node.start)
            while at < node.end and text[at] == " " and at - self.source.line_start(at) < indent:
                at += 1
            return at, indent
        return (node.start + 1 if node.style == "'" else node.start), 0

    def follow(
        self, char: str, at: int, style: str | None, indent: int | None
    ) -> tuple[int, bool, int] | None:
        """One step through the text at `at` for the value's `char` (`indent`: a block's
        indentation, None in a flow text): the next offset, whether `char` was passed,
        and where it stands; None where text and value part."""
        text = self.text
        here = text[at] if at < len(text) else ""
        if style == "'" and char == "'" and text.startswith("''", at):
            return at + 2, True, at
        if here in ("\n", "\r"):
            return self._skip_break(at, indent), char in (" ", "\n"), at
        if char == here:
            return at + 1, True, at
        if here in (" ", "\t") and indent is None:
            return at + 1, False, at
        return None

    def _skip_break(self, at: int, indent: int | None) -> int:
        """Past a line break and the indentation after it (all of it, for a flow text)."""
        text = self.text
        if text.startswith("\r\n", at):
            at += 2
        else:
            at += 1
        if indent is None:
            while at < len(text) and text[at] in " \t":
                at += 1
        else:
            limit = at + indent
            while at < limit and at < len(text) and text[at] == " ":
                at += 1
        return at

    def valid_scalar(self, node: Node, start: int, end: int, inserted: str, new: str) -> bool:
        """Whether the scalar, so edited, still reads as `new` where it stands."""
        src = self.source
        column = src.column(node.start)
        token = self.text[node.start : start] + inserted + self.text[end : node.region_end]
        if column >= 3:
            document = "k:" + " " * (column - 2) + token
        elif column >= 2:
            document = "-" + " " * (column - 1) + token
        else:
            return False
        try:
            events = list(yaml.parse(document, Loader=_EventLoader))
        except yaml.YAMLError:
            return False
        scalars = [e for e in events if isinstance(e, yaml.ScalarEvent)]
        wanted = 2 if column >= 3 else 1
        if len(scalars) != wanted:
            return False
        scalar = scalars[-1]
        if (scalar.style or None) != node.style or scalar.value != new:
            return False
        return node.style is not None or resolve_plain(new) == new


# -- the editor's view ----------------------------------------------------------------------------


class FaithfulText:
    """The text a readout's data is written as, kept as close to `base` as the data allows."""

    def __init__(self, base: str | None, base_data: Any) -> None:
        self.base = base
        self.base_data = base_data
        self._source: Source | None = None
        self.last_mode = "unchanged"  # how the last text was made (for tests and the bench)

    @property
    def cr_only(self) -> bool:
        """Whether the base ends its lines with CR alone (old Mac files): it is patched
        with LF line ends and written back with CR."""
        base = self.base or ""
        return "\r" in base and "\n" not in base

    @property
    def source(self) -> Source:
        if self._source is None:
            base = self.base or ""
            self._source = Source(base.replace("\r", "\n") if self.cr_only else base)
        return self._source

    def text_for(self, data: Any, verify: Callable[[str, Any], bool] | None = None) -> str:
        """The text for `data`: the base edited where the data changed, verified by
        reloading (`verify`, by default `reloads_to`)."""
        verify = verify or reloads_to
        if self.base is not None and same(data, self.base_data):
            self.last_mode = "unchanged"
            return self.base
        if self.base is not None and self.source.root is not None:
            for splice in (True, False):
                try:
                    text = self.patch(data, splice)
                except PatchFailed:
                    continue
                if verify(text, data):
                    self.last_mode = "spliced" if splice else "values"
                    return text
        self.last_mode = "dumped"
        return dump_readout(data, header=leading_comments(self.base or ""))

    def patch(self, data: Any, splice: bool = True) -> str:
        source = self.source
        if source.root is None or not isinstance(data, dict):
            raise PatchFailed("no mapping to edit")
        patch = _Patch(source, splice)
        patch.data = data
        patch.diff(source.root, self.base_data, data, None, ())
        text = patch.result()
        return text.replace("\n", "\r") if self.cr_only else text

    def rebase(self, text: str, data: Any) -> None:
        """The file now holds `text`, which reads as `data` (after a save)."""
        self.base = text
        self.base_data = data
        self._source = None


def reloads_to(text: str, data: Any) -> bool:
    """Whether `text` loads to exactly `data` (types included)."""
    try:
        loaded = load_yaml(text, "<save>").data
    except LoadFailed:
        return False
    return same(loaded, data)


def leading_comments(text: str) -> str:
    """The comment block at the top of a file: kept even when a file is written anew."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            lines.append(line if line.endswith("\n") else line + "\n")
        else:
            break
    return "".join(lines)
