"""Problems to their places in the form. No Textual here: a *target* is anything that
says which locs it shows (`target_locs`), shows problems and takes the focus; the form's
widgets are targets, and a test's plain objects are too.

A problem goes to the target of its loc, or of the nearest loc above it (a participant's
missing `title` to its title field; a problem of `meeting` to the meeting's first field),
or else to the first target inside it. A misspelt key (`unknown-field`) goes to the list
of unknown fields at the top of the form, where it can be renamed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Protocol

from author.diagnostics import Diagnostic, Loc

UNKNOWN_FIELD = "unknown-field"


class Target(Protocol):
    def target_locs(self) -> list[Loc]: ...

    def show_problems(self, diagnostics: list[Diagnostic]) -> None: ...

    def focus_problem(self) -> None: ...


def split_unknown(diagnostics: Iterable[Diagnostic]) -> tuple[list[Diagnostic], list[Diagnostic]]:
    """(the unknown fields, every other problem)."""
    unknown: list[Diagnostic] = []
    others: list[Diagnostic] = []
    for d in diagnostics:
        (unknown if d.code == UNKNOWN_FIELD else others).append(d)
    return unknown, others


class ProblemRouter:
    """Routes problems to targets; `collect` lists the targets in form order (called again
    after `forget`, when the form's widgets changed)."""

    def __init__(self, collect: Callable[[], Iterable[Target]]) -> None:
        self.collect = collect
        self._targets: list[tuple[Loc, Target]] | None = None
        self._by_loc: dict[Loc, Target] = {}
        self._shown: dict[int, list[Diagnostic]] = {}

    def forget(self) -> None:
        """The form changed: collect the targets again, and show every problem anew."""
        self._targets = None
        self._shown = {}

    def targets(self) -> list[tuple[Loc, Target]]:
        if self._targets is None:
            self._targets = [
                (tuple(loc), target) for target in self.collect() for loc in target.target_locs()
            ]
            self._by_loc = {}
            for loc, target in self._targets:
                self._by_loc.setdefault(loc, target)
        return self._targets

    def target_for(self, loc: Loc) -> Target | None:
        """The target that shows problems at `loc` (see the module's docstring)."""
        targets = self.targets()
        probe = tuple(loc)
        while probe:
            if probe in self._by_loc:
                return self._by_loc[probe]
            probe = probe[:-1]
        wanted = tuple(loc)
        for target_loc, target in targets:
            if wanted and target_loc[: len(wanted)] == wanted:
                return target
        return None

    def route(self, diagnostics: Iterable[Diagnostic]) -> None:
        """Show each target its problems (a target whose problems did not change is left
        alone: a quick check while typing)."""
        grouped: dict[int, list[Diagnostic]] = {}
        for d in diagnostics:
            target = self.target_for(d.loc)
            if target is not None:
                grouped.setdefault(id(target), []).append(d)
        for _, target in self.targets():
            mine = grouped.get(id(target), [])
            if self._shown.get(id(target), []) != mine:
                target.show_problems(mine)
                self._shown[id(target)] = mine
