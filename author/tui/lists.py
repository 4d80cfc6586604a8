"""The readout's lists in the editor — each side's participants, the points, the
follow-ons — and the edits the author makes to them: add, remove, move (undo is the
session's history). No Textual here: `apply_edit` changes the session and says where the
focus goes and what the status line says; the screen only shows it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from author.diagnostics import Loc
from author.model import FollowOnKind
from author.tui.session import EditSession


class Op(Enum):
    ADD = "add"
    REMOVE = "remove"
    MOVE = "move"


@dataclass(frozen=True)
class ItemList:
    """One of the readout's lists, as the form edits it."""

    name: str  # "principals", "counterparts", "points", "follow_ons"
    loc: Loc  # where it stands in the data
    noun: str  # how the status line names an item: "Principal 2"
    new_item: Callable[[], Any]  # what F5 adds
    first_field: Loc  # the field focused in a new item (relative to the item)
    editor_id: str  # the form section that shows the list
    add_button: str  # the id of its add button (focused when the list is empty)
    drop_when_empty: bool = False  # an empty list is removed from the file
    keep_field: bool = True  # after a removal or move, the field focused stays focused
    # (else the item's first field is)


def _new_follow_on() -> dict[str, Any]:
    return {"kind": FollowOnKind.working_dinner.value}


LISTS: dict[str, ItemList] = {
    "principals": ItemList("principals", ("principals",), "Principal", dict, ("honorific",),
                           "principals-editor", "add-principals"),
    "counterparts": ItemList("counterparts", ("counterparts",), "Counterpart", dict,
                             ("honorific",), "counterparts-editor", "add-counterparts"),
    "points": ItemList("points", ("points",), "Point", str, (), "points-editor", "add-point"),
    "follow_ons": ItemList("follow_ons", ("meeting", "followed_by"), "Follow-on",
                           _new_follow_on, ("kind",), "follow-ons-editor", "add-follow-on",
                           drop_when_empty=True, keep_field=False),
}


@dataclass(frozen=True)
class ListEdit:
    """What the author asked: an operation on item `index` of a list."""

    list: str  # a key of LISTS
    index: int
    op: Op
    delta: int = 0  # MOVE: -1 up, 1 down

    @property
    def items(self) -> ItemList:
        return LISTS[self.list]


@dataclass
class Outcome:
    """What an edit did: whether anything changed, where the focus goes (a control's loc;
    None: the list's add button), and what the status line says ("" for nothing)."""

    changed: bool
    focus: Loc | None = None
    message: str = ""


def filled(value: Any) -> bool:
    """Whether a participant or point holds anything the author typed."""
    if isinstance(value, dict):
        return any(filled(v) for v in value.values())
    if isinstance(value, list):
        return any(filled(v) for v in value)
    return value not in (None, "") and not (isinstance(value, str) and not value.strip())


def removed_message(
    edit: ListEdit, removed: Any, describe: Callable[[Any], str] | None = None
) -> str:
    """`Counterpart 1 (H.E. Mr. Dmytro KULEBA) removed; Ctrl+Z to undo` for a filled item;
    nothing for an empty one."""
    if not filled(removed):
        return ""
    name = describe(removed) if describe is not None else ""
    named = f" ({name})" if name else ""
    return f"{edit.items.noun} {edit.index + 1}{named} removed; Ctrl+Z to undo"


def apply_edit(
    session: EditSession,
    edit: ListEdit,
    focused_field: Loc = (),
    describe: Callable[[Any], str] | None = None,
) -> Outcome:
    """Make the edit in the session (one undo step). `focused_field`: the field focused in
    the item (relative to it), focused again where the item now stands; `describe`: how
    a removed item is named in the status line."""
    items = edit.items
    if not items.keep_field:
        focused_field = items.first_field
    if edit.op is Op.ADD:
        index = session.insert(items.loc, edit.index + 1, items.new_item())
        return Outcome(True, (*items.loc, index, *items.first_field))
    if edit.op is Op.REMOVE:
        removed = session.get((*items.loc, edit.index))
        if not session.remove(items.loc, edit.index, drop_empty=items.drop_when_empty):
            return Outcome(False)
        left = len(session.items(items.loc))
        index = min(edit.index, left - 1)
        focus = (*items.loc, index, *focused_field) if index >= 0 else None
        return Outcome(True, focus, removed_message(edit, removed, describe))
    moved = session.move(items.loc, edit.index, edit.delta)
    if moved is None:
        return Outcome(False)
    return Outcome(True, (*items.loc, moved, *focused_field))


def list_of(loc: Loc) -> ItemList | None:
    """The list whose item holds the value at `loc` (a control's), or None."""
    for items in LISTS.values():
        n = len(items.loc)
        if tuple(loc[:n]) == items.loc and len(loc) > n and isinstance(loc[n], int):
            return items
    return None


def field_in_item(loc: Loc) -> Loc:
    """The part of `loc` inside its list item: `("principals", 0, "ja", "name")` →
    `("ja", "name")`."""
    items = list_of(loc)
    return tuple(loc[len(items.loc) + 1 :]) if items is not None else ()
