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
from pathlib import Path
from typing import Any, TypeVar

from author.check import check_file
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

    def yaml_text(self) -> str:
        """The file's text for the data as it stands: the text opened, edited only where
        the data changed."""
        return self.faithful.text_for(self.data)

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
        *parents, last = loc
        node: Any = self.data
        for i, part in enumerate(parents):
            following = [*parents, last][i + 1]
            if isinstance(part, int):
                if not isinstance(node, list) or not 0 <= part < len(node):
                    return False
                if node[part] is None and not isinstance(following, int):
                    node[part] = {}
                node = node[part]
                continue
            if not isinstance(node, dict):
                return False  # the file holds something else here; leave it to the validator
            if not isinstance(node.get(part), dict | list):
                if value is None:
                    return False
                node[part] = [] if isinstance(following, int) else {}
            node = node[part]
        if not isinstance(node, list if isinstance(last, int) else dict):
            return False
        if isinstance(last, int):
            node[last] = value
        elif value is None:
            node.pop(last, None)
        else:
            node[last] = value
        self.touch()
        return True

    def items(self, key: str) -> list[Any]:
        value = self.data.get(key)
        return value if isinstance(value, list) else []

    def list_for(self, key: str) -> list[Any]:
        """The list at top-level `key`, created when missing or not a list."""
        value = self.data.get(key)
        if not isinstance(value, list):
            value = []
            self.data[key] = value
        return value

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

    def _set_point_part(self, index: int, part: str, value: Any) -> bool:
        points = self.list_for("points")
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

    # -- moving list items -----------------------------------------------------------------
    def move(self, key: str, index: int, delta: int) -> int | None:
        return self._recorded((key,), "move", lambda: self._move(key, index, delta))

    def _move(self, key: str, index: int, delta: int) -> int | None:
        items = self.list_for(key)
        target = index + delta
        if not (0 <= index < len(items) and 0 <= target < len(items)):
            return None
        items[index], items[target] = items[target], items[index]
        self.touch()
        return target

    def insert(self, key: str, index: int, value: Any) -> int:
        return self._recorded((key,), "add", lambda: self._insert(key, index, value))

    def _insert(self, key: str, index: int, value: Any) -> int:
        items = self.list_for(key)
        index = max(0, min(index, len(items)))
        items.insert(index, value)
        self.touch()
        return index

    def remove(self, key: str, index: int) -> bool:
        return self._recorded((key,), "remove", lambda: self._remove(key, index))

    def _remove(self, key: str, index: int) -> bool:
        items = self.list_for(key)
        if not 0 <= index < len(items):
            return False
        del items[index]
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
        if self.drafted_generation == self.generation:
            return False
        if not self.dirty:
            self.discard_draft()
            self.drafted_generation = self.generation
            return False
        self.draft.write(self.path, self.yaml_text())
        self.drafted_generation = self.generation
        return True

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
