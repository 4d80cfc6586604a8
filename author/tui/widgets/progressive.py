"""Containers of the form that mount their first parts with the first paint and the rest
right after it, so a long readout shows at once (every widget costs a few milliseconds to
mount, and the whole form of a 30-point readout is some 300 of them).

A container lists its parts in order (`parts`); while `lazy`, its compose yields the first
`eager` of them and keeps the rest, which `mount_rest` mounts (the screen calls it right
after the first paint, and before anything that needs the whole form: Tab, a problem
chosen in the list, an undo, a list edit). Once the rest is in, the container is built
whole again by any later compose (a rebuild after a list edit, a recompose).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual.widget import Widget


class Progressive:
    """A container whose parts after the first `eager` are mounted by `mount_rest`. A
    mixin, after the container's Textual class (`class Form(VerticalScroll, Progressive)`):
    Textual's CSS type names follow the first base. Its `__init__` sets `lazy` and
    `pending`."""

    eager = 0
    lazy: bool
    pending: list[Widget]

    def parts(self) -> Iterable[Widget]:  # pragma: no cover - overridden
        raise NotImplementedError

    def compose_parts(self) -> Iterable[Widget]:
        """The parts to mount now: all of them, or (lazy) the first `eager`."""
        self.pending = []
        for number, part in enumerate(self.parts()):
            if self.lazy and number >= self.eager:
                self.pending.append(part)
            else:
                yield part

    def before_pending(self) -> Widget | None:
        """Where the pending parts go: before this widget (None: at the end)."""
        return None

    async def mount_rest(self) -> None:
        """Mount the parts still waiting, top to bottom: those of the parts already in
        first, then this container's own (nothing to do once all are in)."""
        assert isinstance(self, Widget)
        self.lazy = False
        for child in progressive_children(self):
            await child.mount_rest()
        pending, self.pending = self.pending, []
        if not pending:
            return
        before = self.before_pending()
        if before is not None:
            await self.mount_all(pending, before=before)
        else:
            await self.mount_all(pending)
        for child in progressive_children(self):
            await child.mount_rest()

    @property
    def complete(self) -> bool:
        """Every part of this container (and of its own progressive parts) is mounted."""
        assert isinstance(self, Widget)
        return not self.lazy and all(c.complete for c in progressive_children(self))


def progressive_children(widget: Widget) -> list[Progressive]:
    """The progressive containers among a widget's children (by class: a mixin is not
    among the CSS type names that a query by type looks for)."""
    return [child for child in widget.children if isinstance(child, Progressive)]
