"""How the commands write: atomically to a file, or to standard output, where a stream
that cannot take the output (closed, full) is an `OutputError`, not a traceback."""

from __future__ import annotations

import contextlib
import os
import sys
from pathlib import Path

from author.commands.base import OutputError, UsageError


def write_file(target: str | Path, text: str | bytes, *, sync_folder: bool = True) -> Path:
    """Write atomically (see `write_atomic`); the file written, or UsageError."""
    from author.yamlio import write_atomic

    try:
        return write_atomic(target, text, sync_folder=sync_folder)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None


def emit(text: str | bytes, output: str | None) -> None:
    """Write `text` to `output` (atomically), or to standard output as UTF-8 (bytes as
    they are)."""
    if output:
        flush_out()  # `--output /dev/stdout` writes past the stream's buffer
        write_file(output, text)
        return
    # UTF-8 whatever the terminal's encoding: a pipe or a redirect gets the same bytes as
    # --output, and a narrow locale cannot fail the command.
    write_out(text, utf8=True)


def write_out(text: str | bytes, *, utf8: bool = False) -> None:
    """Write to standard output; a stream that cannot take it raises OutputError."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed
        raise OutputError("standard output is closed")
    binary = getattr(stream, "buffer", None) if utf8 or isinstance(text, bytes) else None
    try:
        if binary is not None:
            stream.flush()
            binary.write(text.encode("utf-8") if isinstance(text, str) else text)
            binary.flush()
        elif isinstance(text, str):  # text wanted, or a text-only stream (tests, embedding)
            stream.write(text)
        else:
            raise OutputError("standard output takes text only here, not a binary document")
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from None


def flush_out() -> None:
    """Flush standard output now, so a full disk is reported, not met at exit."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from None


def drop_output() -> None:
    """Send what standard output still buffers nowhere, so the interpreter's flush at exit
    cannot fail again (and print a traceback) on the stream that just failed."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def tolerant_streams() -> None:
    """A message with a character the terminal's encoding lacks (`’` under latin-1) is
    printed with an escape instead of failing the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False
