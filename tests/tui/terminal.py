"""A real `author edit` in a pseudo-terminal, driven by writing bytes as a terminal would."""

from __future__ import annotations

import contextlib
import fcntl
import os
import pty
import re
import select
import signal
import struct
import subprocess
import sys
import termios
import time
from pathlib import Path

from .conftest import REPO

_ESCAPES = re.compile(
    rb"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>]"
)


def screen_text(output: bytes) -> bytes:
    """What the terminal received, without its escape sequences."""
    return _ESCAPES.sub(b"", output)


class Terminal:
    """`python -m author edit PATH` on a 120×40 pseudo-terminal; use as a context manager."""

    def __init__(self, path: Path, columns: int = 120, lines: int = 40) -> None:
        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        env = {**os.environ, "TERM": "xterm-256color", "COLUMNS": str(columns), "LINES": str(lines)}
        env.pop("TEXTUAL", None)
        self.process = subprocess.Popen(
            [sys.executable, "-m", "author", "edit", str(path)],
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=REPO,
            start_new_session=True,
        )
        os.close(slave)
        self.output = bytearray()

    def __enter__(self) -> Terminal:
        return self

    def __exit__(self, *exc: object) -> None:
        with contextlib.suppress(ProcessLookupError):
            self.process.kill()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=10)
        os.close(self.master)

    def write(self, data: bytes) -> None:
        os.write(self.master, data)

    def drain(self, seconds: float, until: bytes | None = None) -> bool:
        """Read the screen for `seconds`, or until `until` shows (then True)."""
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], 0.02)
            if ready:
                try:
                    self.output.extend(os.read(self.master, 1 << 16))
                except OSError:
                    return False
                if until is not None and until in self.screen():
                    return True
        return until is None

    def screen(self) -> bytes:
        return screen_text(bytes(self.output))

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        self.process.wait(timeout=10)

    def wait(self, seconds: float) -> None:
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=seconds)
