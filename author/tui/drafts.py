"""Recovery drafts: one per editor session, private, never taken by another session.

Each session writes its draft under the user's cache folder (`drafts_folder()`), in a file
of its own, `NAME.SESSION.author-draft` (NAME: the readout's file name, or `untitled`),
mode 0600 in a 0700 folder. The first line names the readout the draft belongs to; the rest
is the readout's YAML text. While the session runs it holds a lock on `….lock` beside its
draft, so another session can tell a live draft (someone is typing) from one left by an
editor that crashed or was killed: only those are offered back, and only those can be
discarded.
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from author.loader import LoadFailed, load_yaml
from author.yamlio import write_atomic

try:
    import fcntl
except ImportError:  # pragma: no cover - not on POSIX: every other draft counts as left
    fcntl = None  # type: ignore[assignment]

SUFFIX = ".author-draft"
_HEADER = "# author recovery draft "


def drafts_folder() -> Path:
    """`$XDG_CACHE_HOME/author/drafts`, else `~/.cache/author/drafts`; with no home folder
    at all, a folder of this user's under the system's temporary folder."""
    cache = os.environ.get("XDG_CACHE_HOME")
    if cache:
        return Path(cache) / "author" / "drafts"
    try:
        return Path.home() / ".cache" / "author" / "drafts"
    except (RuntimeError, KeyError):  # HOME unset and no passwd entry
        return Path(tempfile.gettempdir()) / f"author-{os.getuid()}" / "drafts"


def new_session_id() -> str:
    return time.strftime("%Y%m%dT%H%M%S") + "-" + secrets.token_hex(3)


def _label(file: Path | None) -> str:
    return file.name if file is not None else "untitled"


@dataclass
class Draft:
    """A draft on disk, as another session sees it."""

    path: Path
    file: Path | None  # the readout it belongs to (None: not saved yet)
    written: float  # modification time
    text: str | None  # None: the draft cannot be read
    live: bool  # its editor is still running

    @property
    def data(self) -> Any:
        if self.text is None:
            return None
        try:
            return load_yaml(self.text, str(self.path)).data
        except LoadFailed:
            return None

    def label(self) -> str:
        return self.file.name if self.file is not None else "the new readout"

    def describe(self) -> str:
        """One line for the list of drafts: what, when, and how it begins."""
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(self.written))
        name = str(self.file) if self.file is not None else "new readout (never saved)"
        data = self.data
        if not isinstance(data, dict):
            return f"{name}, {when}: cannot be read (kept as {self.path})"
        section = data.get("section") or data.get("title")
        points = data.get("points")
        count = len(points) if isinstance(points, list) else 0
        about = f"'{section}'" if isinstance(section, str) and section.strip() else "no section"
        return f"{name}, {when}: {about}, {count} point{'s' * (count != 1)}"

    def remove(self) -> None:
        for path in (self.path, _lock_path(self.path)):
            with contextlib.suppress(OSError):
                path.unlink()


def _lock_path(draft: Path) -> Path:
    return draft.with_name(draft.name + ".lock")


def _read(path: Path) -> tuple[Path | None, str | None]:
    try:
        raw = path.read_bytes()
    except OSError:
        return None, None
    text = raw.decode("utf-8", errors="replace")
    first, _, rest = text.partition("\n")
    if not first.startswith(_HEADER):
        return None, text
    try:
        meta = json.loads(first[len(_HEADER) :])
    except ValueError:
        return None, rest
    file = meta.get("file") if isinstance(meta, dict) else None
    return (Path(file) if isinstance(file, str) else None), rest


def _is_live(draft: Path) -> bool:
    if fcntl is None:  # pragma: no cover
        return False
    try:
        handle = os.open(_lock_path(draft), os.O_RDWR)
    except OSError:
        return False  # no lock file: its session has ended
    try:
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(handle)  # closing releases the lock we may have taken
    return False


def list_drafts(folder: Path | None = None) -> list[Draft]:
    """Every draft in the folder, newest first."""
    folder = folder or drafts_folder()
    try:
        paths = [p for p in folder.iterdir() if p.name.endswith(SUFFIX)]
    except OSError:
        return []
    drafts = []
    for path in paths:
        try:
            written = path.stat().st_mtime
        except OSError:
            continue
        file, text = _read(path)
        drafts.append(Draft(path, file, written, text, _is_live(path)))
    return sorted(drafts, key=lambda d: d.written, reverse=True)


def legacy_draft(file: Path) -> Draft | None:
    """A draft written beside the file by an earlier version (`.NAME.author-draft`)."""
    path = file.with_name(f".{file.name}{SUFFIX}")
    try:
        written = path.stat().st_mtime
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    return Draft(path, file, written, text, False)


def left_drafts(file: Path | None, folder: Path | None = None) -> list[Draft]:
    """The drafts another session left (its editor is no longer running): of `file`, or,
    for None, of every readout."""
    drafts = [d for d in list_drafts(folder) if not d.live]
    if file is None:
        return drafts
    wanted = _absolute(file)
    mine = [d for d in drafts if d.file is not None and _absolute(d.file) == wanted]
    legacy = legacy_draft(file)
    return [*mine, legacy] if legacy is not None else mine


def _absolute(path: Path) -> Path:
    return Path(os.path.abspath(path))


class SessionDraft:
    """This session's own draft and its lock."""

    def __init__(self, folder: Path | None = None, session_id: str | None = None) -> None:
        self.folder = folder or drafts_folder()
        self.session_id = session_id or new_session_id()
        self.path: Path | None = None  # where the draft is now (its name follows the file)
        self._lock: int | None = None
        # The editor writes its draft in a worker thread: one write or removal at a time,
        # and a write asked for before a removal (a save, a quit) is not made after it.
        self._mutex = threading.Lock()
        self.epoch = 0  # bumped by every removal

    def _target(self, file: Path | None) -> Path:
        return self.folder / f"{_label(file)}.{self.session_id}{SUFFIX}"

    def write(self, file: Path | None, text: str, epoch: int | None = None) -> Path | None:
        """Write (or replace) the draft; raises OSError. With the `epoch` it was asked for
        in, nothing is written when the draft was removed since (None)."""
        with self._mutex:
            if epoch is not None and epoch != self.epoch:
                return None
            return self._write(file, text)

    def _write(self, file: Path | None, text: str) -> Path:
        self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        target = self._target(file)
        self._hold(target)
        meta = json.dumps({"file": str(_absolute(file)) if file else None}, ensure_ascii=False)
        write_atomic(target, f"{_HEADER}{meta}\n{text}", new_file_mode=0o600)
        if self.path is not None and self.path != target:
            self._remove_file(self.path)
        self.path = target
        return target

    def _hold(self, target: Path) -> None:
        """Take the lock that marks the draft as live (kept until `release`)."""
        if fcntl is None:  # pragma: no cover
            return
        lock = _lock_path(target)
        if self._lock is not None and self.path == target:
            return
        handle = os.open(lock, os.O_RDWR | os.O_CREAT, 0o600)
        fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if self._lock is not None:
            os.close(self._lock)
        self._lock = handle

    def discard(self) -> None:
        """Remove the draft (after a save, or a clean quit)."""
        with self._mutex:
            self.epoch += 1
            if self.path is not None:
                self._remove_file(self.path)
                self.path = None
        self.release()

    def _remove_file(self, path: Path) -> None:
        for stale in (path, _lock_path(path)):
            with contextlib.suppress(OSError):
                stale.unlink()

    def release(self) -> None:
        """Let go of the lock: the draft, if any, now counts as left behind."""
        with self._mutex:
            self.epoch += 1
            if self._lock is not None:
                with contextlib.suppress(OSError):
                    os.close(self._lock)
                self._lock = None
