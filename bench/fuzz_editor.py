#!/usr/bin/env python3
"""Editor key fuzz: random keys and pastes into `author edit`, headless (Textual's Pilot),
looking for crashes only (an exception that ends the app).

    .venv/bin/python bench/fuzz_editor.py [--keys 10000] [--session 500] [--seed 1]

Each session opens a copy of the reference readout (every other one, a new readout) at
120×40 and sends --session events: printable characters (ASCII, `²`, `①`, `ｱ`, emoji),
editing and moving keys, the editor's bindings (help, preview, problems, export, save,
add/remove), Escape, and pastes of random text holding control characters (ESC, DEL, NUL),
line breaks, very long lines and numbers past int()'s limit. A dialog the keys open is
answered by the keys that follow; a session the keys quit ends early. Prints the number
of keys and sessions and every crash with its seed and last keys; exits 1 on a crash.
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import random
import shutil
import sys
import tempfile
import time
import traceback
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from textual import events  # noqa: E402

from author.config import Config  # noqa: E402
from author.tui.app import AuthorApp  # noqa: E402
from author.tui.keys import key_name  # noqa: E402

REFERENCE = ROOT / "examples" / "japan-ukraine-2023-09-20.readout.yaml"
CHARACTERS = "abcxyzABC 0123456789.,:;-'\"()/#&<>{}[]²③①ｱ日本é\u00a0\u200b😀"
KEYS = [
    "tab",
    "shift+tab",
    "up",
    "down",
    "left",
    "right",
    "home",
    "end",
    "backspace",
    "delete",
    "enter",
    "ctrl+u",
    "ctrl+k",
    "pageup",
    "pagedown",
    "escape",
    "f1",
    "f2",
    "f3",
    "f4",
    "ctrl+s",
    "ctrl+n",
    "ctrl+d",
    "ctrl+up",
    "ctrl+down",
    "space",
]
PASTE_PARTS = [
    "Minister Kamikava met 9:20am.",
    "\x1b[31m",
    "\x7f",
    "\x00",
    "\r\n",
    "\t",
    "9" * 4301,
    "x" * 5000,
    "²³①",
    "{{ 7 * 7 }}",
    "- a\n- b",
    "key: value",
    "🙂",
]


def random_event(rng: random.Random) -> tuple[str, str]:
    """('key', name) or ('paste', text) or ('char', character)."""
    roll = rng.random()
    if roll < 0.55:
        return "char", rng.choice(CHARACTERS)
    if roll < 0.95:
        return "key", rng.choice(KEYS)
    return "paste", "".join(rng.choice(PASTE_PARTS) for _ in range(rng.randint(1, 4)))


async def session(path: Path | None, rng: random.Random, count: int, log: list) -> int:
    """Send `count` random events; the number sent before the app ended."""
    app = AuthorApp.for_file(path, Config(), cursor_blink=False)
    sent = 0
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        for sent in range(1, count + 1):
            if not app.is_running:
                break
            kind, value = random_event(rng)
            log.append((kind, value))
            if kind == "paste":
                app.post_message(events.Paste(value))
            else:
                key = value if kind == "key" else key_name(value)
                event = events.Key(key, value if kind == "char" else None)
                event.set_sender(app)
                app.post_message(event)  # as the terminal driver hands a key to the app
            if sent % 10 == 0:
                await pilot.pause()
        await pilot.pause()
    return sent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--keys", type=int, default=10_000)
    parser.add_argument("--session", type=int, default=500)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    logging.disable(logging.CRITICAL)
    rng = random.Random(args.seed)
    crashes, sessions, total = [], 0, 0
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="author-editor-fuzz-") as tmp:
        folder = Path(tmp)
        import os

        os.environ["XDG_CACHE_HOME"] = str(folder / "cache")
        os.chdir(folder)
        while total < args.keys:
            sessions += 1
            target = folder / f"s{sessions}.readout.yaml"
            if sessions % 2:
                shutil.copyfile(REFERENCE, target)
            else:
                target = None
            log: list = []
            seed = rng.randrange(1 << 32)
            try:
                total += asyncio.run(session(target, random.Random(seed), args.session, log))
            except Exception:
                total += len(log)
                crashes.append((sessions, seed, log[-8:], traceback.format_exc()))
    for number, seed, last, trace in crashes:
        print(f"--- crash in session {number} (seed {seed}); last events: {last!r}\n{trace}")
    print(
        f"{total} events in {sessions} sessions (seed {args.seed}) in "
        f"{time.perf_counter() - started:.0f} s: {len(crashes)} crashes"
    )
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
