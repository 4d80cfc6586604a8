"""Writing readouts back to YAML: field order kept, values that YAML 1.1 would misread
quoted, long texts folded, and every write atomic."""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from author.loader import resolve_plain

if TYPE_CHECKING:
    from pydantic import BaseModel

# Where a readout's writing order differs from its model's: the model's order serves
# validation (a validator reads the fields before it: `title_first` checks the title and
# the names, so it comes last), the file's serves its reader (a point's heading before its
# text, a follow-on's name beside its kind, `title_first` beside `title`).
_MOVED = {
    "followed_by": {"name": "kind"},  # moved after `kind`
    "participant": {"title_first": "title"},
    "point": {"heading": ""},  # "": first
}


@cache
def written_models() -> dict[tuple[str, ...], type[BaseModel]]:
    """The model of each mapping a readout holds, by the loc that `ordered` looks it up with.
    Imported when first needed: writing a file (`write_atomic`) must not load Pydantic."""
    from author.model import FollowOn, Meeting, Participant, Photo, Phrasing, PointItem, Readout

    return {
        (): Readout,
        ("meeting",): Meeting,
        ("followed_by",): FollowOn,
        ("participant",): Participant,
        ("point",): PointItem,
        ("photo",): Photo,
        ("phrasing",): Phrasing,
    }


@cache
def field_order() -> dict[tuple[str, ...], list[str]]:
    """Each mapping's keys in the order a readout is written: its model's fields (see
    `_MOVED`), by loc."""
    return {loc: _moved(list(model.model_fields), loc) for loc, model in written_models().items()}


def _moved(fields: list[str], loc: tuple[str, ...]) -> list[str]:
    for name, after in _MOVED.get(loc[-1] if loc else "", {}).items():
        fields.remove(name)
        fields.insert(fields.index(after) + 1 if after else 0, name)
    return fields


# Plain scalars another YAML 1.1 reader would turn into something else.
_YAML11_TRAPS = re.compile(
    r"^(?:y|Y|yes|Yes|YES|n|N|no|No|NO|on|On|ON|off|Off|OFF|~|null|Null|NULL|"
    r"[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?|"  # base 60: 18:05
    r"[-+]?0[0-7_]+|[-+]?0x[0-9a-fA-F_]+|[-+]?0b[01_]+|"
    r"[-+]?(?:\.inf|\.Inf|\.INF)|\.nan|\.NaN|\.NAN|<<|=)$"
)


class _Dumper(yaml.SafeDumper):
    pass


def _represent_str(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    if "\n" in value.rstrip("\n"):
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|")
    if len(value) > 80 and value == value.strip() and "  " not in value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=">")
    if _YAML11_TRAPS.match(value) or resolve_plain(value) != value:
        return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="'")
    return dumper.represent_scalar("tag:yaml.org,2002:str", value)


_Dumper.add_representer(str, _represent_str)


def ordered(data: Any, loc: tuple[str, ...] = ()) -> Any:
    """A copy of `data` with each mapping's keys in the format's order (unknown keys last)."""
    if isinstance(data, list):
        kind = {
            "principals": "participant",
            "counterparts": "participant",
            "points": "point",
            "photos": "photo",
        }.get(loc[-1] if loc else "")
        return [ordered(item, (kind,) if kind else loc) for item in data]
    if not isinstance(data, dict):
        return data
    orders = field_order()
    order = orders.get(loc if loc in orders else tuple(loc[-1:]), [])
    keys = [k for k in order if k in data] + [k for k in data if k not in order]
    return {k: ordered(data[k], (*loc, k) if not loc else (k,)) for k in keys}


def dump_readout(data: dict[str, Any], header: str = "") -> str:
    """YAML text for a readout's plain data (what `author.loader` reads back unchanged)."""
    body = yaml.dump(
        ordered(data),
        Dumper=_Dumper,
        sort_keys=False,
        allow_unicode=True,
        width=88,
        default_flow_style=False,
        indent=2,
    )
    return header + body


def write_atomic(
    path: str | Path,
    text: str | bytes,
    *,
    new_file_mode: int | None = None,
    sync_folder: bool = True,
) -> Path:
    """Write `text` (UTF-8; or bytes as they are) to `path` through a temporary file and a
    rename. A symlink is written through (its target is replaced, the link stays); the
    original's mode is kept; a new file gets `new_file_mode` (default: 0666 less the
    umask). A path naming an open descriptor (`/dev/stdout`, `/dev/fd/3`) is written into
    that descriptor, as a shell redirect is: a pipe takes it, `>> log` appends to it. With
    `sync_folder=False` the caller makes the rename durable (`sync_folders`, once per
    folder after a batch of writes); the file is whole either way. Returns the file
    written (the link's target)."""
    data = text.encode("utf-8") if isinstance(text, str) else text
    descriptor = _descriptor_of(path)
    if descriptor is not None:
        _write_descriptor(descriptor, data)
        return Path(path)
    target = Path(os.path.realpath(path))
    folder = target.parent
    mode = None
    with contextlib.suppress(FileNotFoundError):
        info = target.stat()
        if not stat.S_ISREG(info.st_mode):
            # A device or pipe (`--output /dev/stdout`, `/dev/null`) is written into: a rename
            # would replace the device node itself with a regular file.
            with open(target, "wb") as out:
                out.write(data)
            return target
        mode = info.st_mode & 0o7777
    handle, temp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        if mode is not None:
            os.chmod(temp, mode)
        elif new_file_mode is not None:
            os.chmod(temp, new_file_mode)
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temp, 0o666 & ~umask)
        os.replace(temp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temp)
        raise
    if sync_folder:
        _sync_folder(folder)
    return target


def sync_folders(folders: set[Path]) -> None:
    """Make the renames into these folders durable: what `write_atomic` does after each
    write, once per folder for a batch."""
    for folder in sorted(folders):
        _sync_folder(folder)


def _descriptor_of(path: str | Path) -> int | None:
    """The descriptor a path such as `/dev/stdout` or `/proc/self/fd/1` names, or None.

    Followed link by link: resolving the whole path would turn `/dev/stdout` into the
    file the shell opened (`log.txt`, to be replaced rather than appended to) or into a
    `pipe:[…]` name that cannot be opened."""
    folders = {"/dev/fd", "/proc/self/fd", f"/proc/{os.getpid()}/fd"}
    current = os.path.abspath(path)
    for _ in range(40):  # the kernel's own limit on a chain of links
        folder, name = os.path.split(current)
        folder = os.path.realpath(folder)
        if name.isdigit() and folder in folders:
            return int(name)
        try:
            link = os.readlink(os.path.join(folder, name))
        except OSError:  # not a link (or not there): an ordinary path
            return None
        current = os.path.normpath(os.path.join(folder, link))
    return None


def _write_descriptor(descriptor: int, data: bytes) -> None:
    view = memoryview(data)
    while view:
        view = view[os.write(descriptor, view) :]


def _sync_folder(folder: Path) -> None:
    """Make the rename itself durable (a power cut right after a save keeps the new file)."""
    with contextlib.suppress(OSError, AttributeError):
        handle = os.open(folder, os.O_RDONLY | os.O_DIRECTORY)
        try:
            os.fsync(handle)
        finally:
            os.close(handle)
