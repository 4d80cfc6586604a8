"""Undo and redo for the editor's data, without Textual.

Every change is recorded as a step: the part of the data it touched (its *unit*: a
top-level field, or one item of a top-level list) as it was before and after. Undo puts
the before back, redo the after. Typing into one field makes one step, not one per key:
a change to the same loc as the step before it extends that step.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from author.diagnostics import Loc

MISSING: Any = type("Missing", (), {"__repr__": lambda self: "MISSING"})()
LIMIT = 500  # steps kept


def unit_of(loc: Loc) -> Loc:
    """The part of the data a change at `loc` is recorded by: `("points", 3)` for a point's
    text or a participant's field, `("meeting",)` for a meeting field."""
    if len(loc) >= 2 and isinstance(loc[1], int):
        return tuple(loc[:2])
    return tuple(loc[:1])


def read(data: dict[str, Any], unit: Loc) -> Any:
    node: Any = data
    for part in unit:
        if isinstance(part, int):
            if not isinstance(node, list) or not 0 <= part < len(node):
                return MISSING
        elif not isinstance(node, dict) or part not in node:
            return MISSING
        node = node[part]
    return copy.deepcopy(node)


def write(data: dict[str, Any], unit: Loc, value: Any) -> None:
    *parents, last = unit
    node: Any = data
    for part in parents:
        node = node[part]
    if value is MISSING:
        if isinstance(node, dict):
            node.pop(last, None)
        return
    node[last] = copy.deepcopy(value)


@dataclass
class Step:
    unit: Loc
    before: Any
    after: Any
    what: str  # "edit", "remove", "add", "move": said in the status line
    loc: Loc  # where the change was made (to merge typing, and to show it again)


class History:
    def __init__(self) -> None:
        self.done: list[Step] = []
        self.undone: list[Step] = []
        self.sealed = True  # the next change starts a new step

    def record(self, step: Step) -> None:
        last = self.done[-1] if self.done else None
        if (
            not self.sealed
            and last is not None
            and step.what == last.what == "edit"
            and last.loc == step.loc
        ):
            last.after = step.after
        else:
            self.done.append(step)
            del self.done[:-LIMIT]
        self.undone.clear()
        self.sealed = step.what != "edit"

    def seal(self) -> None:
        """End the current step (the author moved to another field)."""
        self.sealed = True

    def undo(self, data: dict[str, Any]) -> Step | None:
        if not self.done:
            return None
        step = self.done.pop()
        write(data, step.unit, step.before)
        self.undone.append(step)
        self.sealed = True
        return step

    def redo(self, data: dict[str, Any]) -> Step | None:
        if not self.undone:
            return None
        step = self.undone.pop()
        write(data, step.unit, step.after)
        self.done.append(step)
        self.sealed = True
        return step

    def clear(self) -> None:
        self.done.clear()
        self.undone.clear()
        self.sealed = True
