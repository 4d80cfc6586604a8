"""The document being edited: its plain data, its file, and its recovery draft.

No Textual here. The editor's widgets write into `EditSession.data` (the same shape as the
YAML file); everything else — validation, preview, saving — goes through the core modules.
"""

from __future__ import annotations

import copy
import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import pairwise
from pathlib import Path
from typing import Any, TypeVar

from author.check import CheckResult, check_file, check_text
from author.config import Config
from author.diagnostics import Loc
from author.loader import BYTE_ORDER_MARKS
from author.tui.drafts import Draft, SessionDraft, left_drafts
from author.tui.faithful import FaithfulText, same
from author.tui.history import History, Step, read, unit_of
from author.yamlio import write_atomic

T = TypeVar("T")


def new_readout_data() -> dict[str, Any]:
    """What a new readout starts with: one empty participant on each side, one empty point."""
    return {"principals": [{}], "counterparts": [{}], "points": [""]}


def file_encoding(raw: bytes) -> tuple[bytes, str]:
    """The byte-order mark a file starts with (or none) and its encoding, so that a save
    writes the file back as it was read."""
    for bom, codec in BYTE_ORDER_MARKS:
        if raw.startswith(bom):
            return bom, codec
    return b"", "utf-8"


def _head(path: Path) -> bytes:
    """The first bytes of a file: where a byte-order mark would be."""
    try:
        with open(path, "rb") as handle:
            return handle.read(4)
    except OSError:
        return b""


def fingerprint(path: Path) -> str | None:
    """A digest of the file's bytes, or None when it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # missing, or not readable as a file: nothing to compare
        return None


_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def without_controls(text: str) -> str:
    """`text` without control characters (ESC, DEL, NUL, …; tab and line feed stay): pasted
    terminal output must not reach the file, where YAML refuses them."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text


def display_value(value: Any) -> str:
    """How a stored value reads in a one-line field."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _as_loc(key: str | Loc) -> Loc:
    return (key,) if isinstance(key, str) else tuple(key)


class OpenFailed(Exception):
    """The file could not be read at all."""


@dataclass
class EditSession:
    path: Path | None
    config: Config
    data: dict[str, Any] = field(default_factory=new_readout_data)
    # the text of the file as opened or last saved, and the data it holds (none: no file):
    # a save edits that text where the data changed (see author/tui/faithful.py)
    faithful: FaithfulText = field(default_factory=lambda: FaithfulText(None, None))
    encoding: tuple[bytes, str] = (b"", "utf-8")  # byte-order mark and codec of the file
    disk_fingerprint: str | None = None
    draft: SessionDraft = field(default_factory=SessionDraft)  # this session's recovery draft
    history: History = field(default_factory=History)  # undo and redo
    generation: int = 0  # bumped on every change
    saved_generation: int = 0
    drafted_generation: int = 0
    _checked_text: tuple[int, str] = (-1, "")  # the text the last check read, and when

    # -- opening -------------------------------------------------------------------------
    @classmethod
    def open(cls, path: str | Path | None, config: Config) -> EditSession:
        if path is None:
            return cls(None, config)
        target = Path(path)
        session = cls(target, config)
        if not target.exists():
            return session
        # The CLI's read path: no more than max_bytes read (`/dev/zero` is refused, not
        # read without end), byte-order marks and UTF-16, the depth and alias limits of
        # the configuration. Its model problems are the editor's to show.
        result = check_file(target, config)
        if result.unreadable:
            raise OpenFailed(f"{target}: {result.diagnostics[0].message}")
        document = result.document
        if document is None or not isinstance(document.data, dict):
            problem = next((d for d in result.errors), None)
            raise OpenFailed(
                problem.text() if problem else f"{target} does not hold a readout mapping"
            )
        session.disk_fingerprint = fingerprint(target)
        session.encoding = file_encoding(_head(target))
        session.data = document.data
        session.faithful = FaithfulText(document.text, copy.deepcopy(document.data))
        return session

    # -- state ---------------------------------------------------------------------------
    @property
    def saved_data(self) -> Any:
        """What the file on disk holds (None: no file yet)."""
        return self.faithful.base_data

    @property
    def dirty(self) -> bool:
        if self.saved_data is None:
            return self.generation != 0
        return not same(self.data, self.saved_data)

    def yaml_text(self, *, verify: bool = True) -> str:
        """The file's text for the data as it stands: the text opened, edited only where
        the data changed. `verify=False` skips loading it again to prove it holds the
        data: for a caller that loads it anyway and checks (the editor's check)."""
        if verify:
            return self.faithful.text_for(self.data)
        return self.faithful.text_for(self.data, verify=lambda text, data: True)

    def check(self) -> CheckResult:
        """The validator's result for the file's text as it stands. The text is checked
        once: the check's own reading of it verifies that it holds exactly the data (a
        text that did not would be made again, verified, before it is used)."""
        name = str(self.path) if self.path else "<new readout>"
        text = self.yaml_text(verify=False)
        result = check_text(text, name, self.config)
        document = result.document
        if document is None or not same(document.data, self.data):
            text = self.yaml_text()
            result = check_text(text, name, self.config)
        self._checked_text = (self.generation, text)
        return result

    def file_bytes(self, text: str) -> bytes:
        bom, codec = self.encoding
        return bom + text.encode(codec)

    def touch(self) -> None:
        self.generation += 1

    # -- reading and writing by loc ------------------------------------------------------
    def get(self, loc: Loc, default: Any = None) -> Any:
        node: Any = self.data
        for part in loc:
            if isinstance(part, int):
                if not isinstance(node, list) or not -len(node) <= part < len(node):
                    return default
                node = node[part]
            else:
                if not isinstance(node, dict) or part not in node:
                    return default
                node = node[part]
        return node

    # -- undo and redo -------------------------------------------------------------------------
    def _recorded(self, loc: Loc, what: str, change: Callable[[], T]) -> T:
        """Run `change`, recording it as an undo step when it changed something."""
        unit = unit_of(loc) if what == "edit" else tuple(loc[:1])
        before = read(self.data, unit)
        result = change()
        if result is not False and result is not None:
            self.history.record(Step(unit, before, read(self.data, unit), what, tuple(loc)))
        return result

    def rename_key(self, loc: Loc, new_key: str) -> bool:
        """Rename the mapping key at `loc` (a misspelt field) in its place, keeping its
        value; False when there is no such key or the new one is taken."""
        parent = self.get(loc[:-1]) if len(loc) > 1 else self.data
        old_key = loc[-1]
        if not isinstance(parent, dict) or old_key not in parent or new_key in parent:
            return False

        def rename() -> bool:
            items = [(new_key if k == old_key else k, v) for k, v in parent.items()]
            parent.clear()
            parent.update(items)
            self.touch()
            return True

        unit = unit_of(loc[:-1]) if len(loc) > 1 else ()
        before = read(self.data, unit)
        rename()
        self.history.record(Step(unit, before, read(self.data, unit), "rename", tuple(loc)))
        return True

    def undo(self) -> Step | None:
        step = self.history.undo(self.data)
        if step is not None:
            self.touch()
        return step

    def redo(self) -> Step | None:
        step = self.history.redo(self.data)
        if step is not None:
            self.touch()
        return step

    # -- changing values ---------------------------------------------------------------------
    def set(self, loc: Loc, value: Any) -> bool:
        """Store `value` at `loc` (None removes a mapping key). True when data changed."""
        return self._recorded(loc, "edit", lambda: self._set(loc, value))

    def _set(self, loc: Loc, value: Any) -> bool:
        missing = object()
        current = self.get(loc, missing)
        if value is None and current is missing:
            return False
        if current is not missing and current == value and type(current) is type(value):
            return False
        node = self._holder(loc, create=value is not None)
        last = loc[-1]
        if isinstance(last, int):
            if not isinstance(node, list) or not 0 <= last < len(node):
                return False
            node[last] = value
        elif not isinstance(node, dict):
            return False  # the file holds something else here; leave it to the validator
        elif value is None:
            node.pop(last, None)
        else:
            node[last] = value
        self.touch()
        return True

    def _holder(self, loc: Loc, *, create: bool) -> Any:
        """The mapping or list that holds the value at `loc`; with `create`, the mappings
        and lists above it are made where missing (a list where the next part is an
        index). None where the data holds something else."""
        node: Any = self.data
        for part, following in pairwise(loc):
            if isinstance(part, int):
                if not isinstance(node, list) or not 0 <= part < len(node):
                    return None
                if node[part] is None and not isinstance(following, int):
                    node[part] = {}
            elif not isinstance(node, dict):
                return None
            elif not isinstance(node.get(part), dict | list):
                if not create:
                    return None
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
        return node

    def items(self, key: str | Loc) -> list[Any]:
        """The list at `key` (a top-level key or a loc); empty when there is none."""
        value = self.get(_as_loc(key))
        return value if isinstance(value, list) else []

    def list_at(self, key: str | Loc) -> list[Any]:
        """The list at `key`, created (with the mappings above it) when missing or not a
        list."""
        loc = _as_loc(key)
        value = self.get(loc)
        if not isinstance(value, list):
            self._set(loc, [])
            value = self.get(loc)
        # (the file holds something else above it: the edit is left to the validator)
        return value if isinstance(value, list) else []

    # -- points ----------------------------------------------------------------------------
    def point_part(self, index: int, part: str) -> Any:
        point = self.get(("points", index))
        if isinstance(point, dict):
            return point.get(part)
        return point if part == "text" else None

    def set_point_part(self, index: int, part: str, value: Any) -> bool:
        """Set a point's text, heading or sub-points; a point with only a text stays a
        plain string, as most files write it."""
        return self._recorded(
            ("points", index, part), "edit", lambda: self._set_point_part(index, part, value)
        )

    def set_point_ja_part(self, index: int, part: str, value: Any) -> bool:
        """Set a point's Japanese heading or sub-points (`ja: {text, heading, points}`); a
        Japanese text alone stays a plain string, as the English one does."""
        ja = self.point_part(index, "ja")
        item = dict(ja) if isinstance(ja, dict) else {"text": ja} if ja else {}
        if value in (None, "", []):
            item.pop(part, None)
        else:
            item[part] = value
        new: Any = item or None
        if not isinstance(ja, dict) and set(item) <= {"text"}:
            new = item.get("text")  # no heading or sub-points: the plain string again
        return self.set_point_part(index, "ja", new)

    def _set_point_part(self, index: int, part: str, value: Any) -> bool:
        points = self.list_at("points")
        if not 0 <= index < len(points):
            return False
        point = points[index]
        item = dict(point) if isinstance(point, dict) else {"text": point}
        before = copy.deepcopy(point)
        blank = value in (None, "", [])
        heading_or_subs = bool(item.get("heading") or item.get("points"))
        if blank and (part != "text" or heading_or_subs):
            # a heading with sub-points needs no text of its own (edition 2)
            item.pop(part, None)
        else:
            item[part] = value
        new: Any = item
        if set(item) == {"text"} and not isinstance(point, dict):
            new = item["text"]
        if new == before:
            return False
        points[index] = new
        self.touch()
        return True

    # -- list items ----------------------------------------------------------------------
    def move(self, key: str | Loc, index: int, delta: int) -> int | None:
        """Move item `index` of the list by `delta`; its new index, or None (nothing moved)."""
        loc = _as_loc(key)
        return self._recorded(loc, "move", lambda: self._move(loc, index, delta))

    def _move(self, loc: Loc, index: int, delta: int) -> int | None:
        items = self.list_at(loc)
        target = index + delta
        if not (0 <= index < len(items) and 0 <= target < len(items)):
            return None
        items[index], items[target] = items[target], items[index]
        self.touch()
        return target

    def insert(self, key: str | Loc, index: int, value: Any) -> int:
        loc = _as_loc(key)
        return self._recorded(loc, "add", lambda: self._insert(loc, index, value))

    def _insert(self, loc: Loc, index: int, value: Any) -> int:
        items = self.list_at(loc)
        index = max(0, min(index, len(items)))
        items.insert(index, value)
        self.touch()
        return index

    def remove(self, key: str | Loc, index: int, *, drop_empty: bool = False) -> bool:
        """Remove item `index`; `drop_empty`: a list left empty is removed from the data."""
        loc = _as_loc(key)
        return self._recorded(loc, "remove", lambda: self._remove(loc, index, drop_empty))

    def _remove(self, loc: Loc, index: int, drop_empty: bool) -> bool:
        items = self.items(loc)
        if not 0 <= index < len(items):
            return False
        del items[index]
        if drop_empty and not items:
            self._set(loc, None)
        self.touch()
        return True

    # -- disk ------------------------------------------------------------------------------
    def changed_on_disk(self) -> bool:
        if self.path is None:
            return False
        return fingerprint(self.path) != self.disk_fingerprint

    def save(self, path: Path | None = None) -> Path:
        """Write the file atomically, then clear the recovery draft. Raises OSError, and
        then nothing has changed: not the name, not the draft."""
        target = path or self.path
        assert target is not None
        text = self.yaml_text()
        write_atomic(target, self.file_bytes(text))
        self.path = target
        self.disk_fingerprint = fingerprint(target)
        self.faithful.rebase(text, copy.deepcopy(self.data))
        self.saved_generation = self.generation
        self.discard_draft()
        return target

    # -- recovery draft ----------------------------------------------------------------------
    def write_draft(self) -> bool:
        """Write this session's recovery draft when something changed since the last one."""
        due = self.draft_due()
        if due is None:
            return False
        self.draft.write(*due)
        return True

    def draft_due(self) -> tuple[Path | None, str, int] | None:
        """What the recovery draft must now hold — (file, text, the draft's epoch) for
        `SessionDraft.write`, which may run in another thread — or None when it holds it
        already (a session with nothing unsaved has its draft removed here)."""
        if self.drafted_generation == self.generation:
            return None
        self.drafted_generation = self.generation
        if not self.dirty:
            self.discard_draft()
            return None
        return self.path, self.text_now(), self.draft.epoch

    def text_now(self) -> str:
        """The file's text for the data as it stands: the last check's when nothing has
        changed since (that check's reading proved it holds the data), else made anew."""
        generation, text = self._checked_text
        return text if generation == self.generation else self.yaml_text()

    def discard_draft(self) -> None:
        """Remove this session's draft (the data is saved, or the author discarded it)."""
        self.draft.discard()

    def left_drafts(self) -> list[Draft]:
        """Drafts an editor that did not close cleanly left, that hold something else than
        the file: of this file, or of any readout for a session not yet named."""
        drafts = left_drafts(self.path, self.draft.folder)
        useful = []
        for draft in drafts:
            if self.path is not None and draft.file is not None and same(draft.data, self.data):
                draft.remove()  # nothing in it that the file does not hold
                continue
            useful.append(draft)
        return useful

    def restore(self, draft: Draft) -> bool:
        """Take over a left draft's data: this session's own draft holds it at once, and
        the left one is removed. False when the draft cannot be read."""
        data = draft.data
        if not isinstance(data, dict):
            return False
        self.data = data
        self.history.clear()
        self.touch()
        try:
            self.write_draft()
        except OSError:
            return True  # the left draft stays until this session's can be written
        draft.remove()
        return True
