"""The document being edited: its plain data, its file, and its recovery draft.

No Textual here. The editor's widgets write into `EditSession.data` (the same shape as the
YAML file); everything else — validation, preview, saving — goes through the core modules.
"""

from __future__ import annotations

import contextlib
import copy
import hashlib
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from author.check import check_file
from author.config import Config
from author.diagnostics import Loc
from author.loader import LoadFailed, load_yaml
from author.yamlio import dump_readout, write_atomic

DRAFT_SUFFIX = ".author-draft"


def new_readout_data() -> dict[str, Any]:
    """What a new readout starts with: one empty participant on each side, one empty point."""
    return {"principals": [{}], "counterparts": [{}], "points": [""]}


def leading_comments(text: str) -> str:
    """The comment block at the top of a file, kept when the editor writes the file."""
    lines = []
    for line in text.splitlines(keepends=True):
        if line.startswith("#"):
            lines.append(line if line.endswith("\n") else line + "\n")
        else:
            break
    return "".join(lines)


def fingerprint(path: Path) -> str | None:
    """A digest of the file's bytes, or None when it does not exist."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:  # missing, or not readable as a file: nothing to compare
        return None


def draft_path_for(path: Path | None) -> Path:
    """`.NAME.author-draft` beside the file; for a readout with no name yet, a file under
    the user's cache folder."""
    if path is not None:
        return path.with_name(f".{path.name}{DRAFT_SUFFIX}")
    cache = os.environ.get("XDG_CACHE_HOME")
    if not cache:
        try:
            cache = str(Path.home() / ".cache")
        except RuntimeError:  # no HOME and no passwd entry: keep it where the user works
            return Path.cwd() / f".untitled{DRAFT_SUFFIX}"
    return Path(cache) / "author" / f"untitled{DRAFT_SUFFIX}"


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
    header: str = ""  # leading comment lines of the file, kept on save
    saved_data: dict[str, Any] | None = None  # what the file on disk holds (None: no file)
    disk_fingerprint: str | None = None
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
        session.header = leading_comments(document.text)
        session.data = document.data
        session.saved_data = copy.deepcopy(document.data)
        return session

    # -- state ---------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        if self.saved_data is None:
            return self.generation != 0
        return self.data != self.saved_data

    def yaml_text(self) -> str:
        return dump_readout(self.data, header=self.header)

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

    def set(self, loc: Loc, value: Any) -> bool:
        """Store `value` at `loc` (None removes a mapping key). True when data changed."""
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
        items = self.list_for(key)
        target = index + delta
        if not (0 <= index < len(items) and 0 <= target < len(items)):
            return None
        items[index], items[target] = items[target], items[index]
        self.touch()
        return target

    def insert(self, key: str, index: int, value: Any) -> int:
        items = self.list_for(key)
        index = max(0, min(index, len(items)))
        items.insert(index, value)
        self.touch()
        return index

    def remove(self, key: str, index: int) -> bool:
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
        """Write the YAML atomically; raises OSError. Clears the recovery draft."""
        if path is not None and path != self.path:
            old_draft = self.draft_path
            self.path = path
            self.discard_draft(old_draft)
        assert self.path is not None
        write_atomic(self.path, self.yaml_text())
        self.disk_fingerprint = fingerprint(self.path)
        self.saved_data = copy.deepcopy(self.data)
        self.saved_generation = self.generation
        self.discard_draft()
        return self.path

    # -- recovery draft ----------------------------------------------------------------------
    @property
    def draft_path(self) -> Path:
        return draft_path_for(self.path)

    def write_draft(self) -> bool:
        """Write the recovery draft when something changed since the last one."""
        if self.drafted_generation == self.generation:
            return False
        if not self.dirty:
            self.discard_draft()
            self.drafted_generation = self.generation
            return False
        draft = self.draft_path
        draft.parent.mkdir(parents=True, exist_ok=True)
        write_atomic(draft, self.yaml_text())
        self.drafted_generation = self.generation
        return True

    def discard_draft(self, draft: Path | None = None) -> None:
        with contextlib.suppress(OSError):
            (draft or self.draft_path).unlink()

    def pending_draft(self) -> dict[str, Any] | None:
        """The recovery draft's data, when one exists and differs from the file."""
        draft = self.draft_path
        try:
            text = draft.read_text(encoding="utf-8")
            data = load_yaml(text, str(draft)).data
        except (OSError, UnicodeDecodeError, LoadFailed):
            return None
        if not isinstance(data, dict) or data == self.data:
            return None
        return data

    def restore(self, data: dict[str, Any]) -> None:
        self.data = data
        self.touch()
