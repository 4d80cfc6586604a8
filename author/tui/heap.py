"""The editor's heap, kept out of the garbage collector's way while the author types.

A form is hundreds of widgets, each a web of objects that refer to each other, and they
live as long as the form. Python's collector scans every such survivor again in each
full collection, and one came every few keystrokes, in the middle of one: 90 ms with a
30-point form, 25 ms at 200 points even with the form set aside, for the check's
objects alive at that moment (`bench/bench_tui.py`). So:

- once the form is built it is frozen (`settle`, `gc.freeze`): no collection scans it;
  a form changed in its structure (a list rebuilt, the form recomposed) leaves its old
  widgets behind, frozen too, so `settle` first unfreezes and collects them;
- the full collections no longer come by themselves (`gc.set_threshold`): the young
  generations are still collected as usual, and the screen runs a full one when the
  author pauses (`collect_when_idle`), or after `MAX_CHECKS_UNCOLLECTED` checks typed
  without a pause;
- when the editor closes, Python's own schedule is back (`release`).
"""

from __future__ import annotations

import gc

# Python's thresholds for the two young generations; the oldest is collected here only.
YOUNG_THRESHOLDS = (700, 10)
DEFAULT_OLDEST_THRESHOLD = 10
NEVER = 1 << 30
MAX_CHECKS_UNCOLLECTED = 100


def settle() -> None:
    """Collect the garbage of the whole heap once, then freeze what survives (see above)."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()
    gc.set_threshold(*YOUNG_THRESHOLDS, NEVER)


def release() -> None:
    """Python's own schedule again, nothing frozen (the editor is closing: a process
    that goes on, as a test's, collects its widgets as usual)."""
    gc.unfreeze()
    gc.set_threshold(*YOUNG_THRESHOLDS, DEFAULT_OLDEST_THRESHOLD)


class IdleCollector:
    """Runs the full collections: at a pause in the typing, or after too many checks."""

    def __init__(self) -> None:
        self.checks = 0  # checks run since the last full collection

    def checked(self) -> None:
        """A check ran; past MAX_CHECKS_UNCOLLECTED of them without a pause, collect."""
        self.checks += 1
        if self.checks >= MAX_CHECKS_UNCOLLECTED:
            self.collect()

    def collect_when_idle(self) -> None:
        """Collect if there were checks since the last collection (called at a pause)."""
        if self.checks:
            self.collect()

    def collect(self) -> None:
        self.checks = 0
        gc.collect()
