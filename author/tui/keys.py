"""The editor's keys, in one table: the bindings, the key hints at the bottom and the F1
help are all made from it, so no label can drift from what its key does.

No Textual here beyond `Binding`; each entry says where the key works (`scope`): the whole
editor, a participant's card, a point, the time zone field, the honorific field.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated: "f7,alt+up"
    action: str  # the binding's action ("" for a key a widget handles itself)
    word: str  # the key hint's word at the bottom
    help: str  # what F1 says it does ("" when another entry's line covers it)
    scope: str = "editor"  # editor, participant, point, timezone, honorific, field
    priority: bool = False
    help_keys: str = ""  # how F1 writes the key, when not as the hint does
    hint: str = ""  # how the key hints write the key, when not as `keys` gives it
    footer: bool = True  # shown in the key hints


KEYS: list[Key] = [
    Key("ctrl+s", "save", "Save", "save (a file with errors is saved too, and says so)",
        priority=True),
    Key("ctrl+q", "quit", "Quit", "quit (asks when there are unsaved changes)", priority=True),
    Key("ctrl+z", "undo", "Undo", "undo the last change (typing, removing, moving), in any field",
        priority=True),
    Key("ctrl+y", "redo", "Redo", "redo what was undone", priority=True, footer=False),
    Key("f1", "help", "Help", "this help"),
    Key("f2", "toggle_preview", "Preview",
        "show or hide the preview (it sits beside the form on wide terminals)"),
    Key("f3", "problems", "Problems",
        "go to the problems list; Enter on a problem goes to it in the form"),
    Key("f4", "export", "Export", "export the page as .txt, .md and .html next to the file (and "
        ".docx with author[docx])"),
    Key("f5", "add", "Add", "add a participant, follow-on or point after the current one",
        scope="participant"),
    Key("f6", "delete", "Remove", "remove the current participant, follow-on or point (Ctrl+Z "
        "brings it back)", scope="participant"),
    Key("f7,alt+up", "move(-1)", "Move", "move the current participant, follow-on or point up "
        "/ down", scope="participant", help_keys="F7 / F8 (Alt+↑ / Alt+↓)", hint="F7/F8"),
    Key("f8,alt+down", "move(1)", "Move", "", scope="participant", footer=False),
    Key("f5", "edit('add')", "Add", "", scope="point"),
    Key("f6", "edit('delete')", "Remove", "", scope="point"),
    Key("f7,alt+up", "edit('move', -1)", "Move", "", scope="point", hint="F7/F8"),
    Key("f8,alt+down", "edit('move', 1)", "Move", "", scope="point", footer=False),
    Key("f9", "edit('details')", "Heading", "a point's heading and sub-points (F9 again: done)",
        scope="point"),
    Key("f10", "all_fields", "All fields", "all fields: name, role, note, follow-ons, notice, "
        "mentions, group, title first (shown by themselves when the readout uses them)",
        footer=False),
    # a follow-on's card (meeting.followed_by): as a participant's
    Key("f5", "edit('add')", "Add", "", scope="follow_on"),
    Key("f6", "edit('delete')", "Remove", "", scope="follow_on"),
    Key("f7,alt+up", "edit('move', -1)", "Move", "", scope="follow_on", hint="F7/F8"),
    Key("f8,alt+down", "edit('move', 1)", "Move", "", scope="follow_on", footer=False),
    Key("down", "open_completions", "Zones",
        "in Time zone: the zones matching what you typed (`new y` → America/New_York)",
        scope="timezone", help_keys="↓"),
    Key("right", "", "Suggestion", "in Honorific: accept the suggested honorific",
        scope="honorific", help_keys="→"),
    Key("enter,space", "", "", "on Kind, Name order: open the choices", scope="field",
        footer=False, help_keys="Enter / Space"),
]

# Tab and Shift+Tab belong to the app (see AuthorApp): first in F1.
APP_KEYS: list[Key] = [
    Key("tab", "next_field", "Next", "next / previous field; in Time zone, when what you typed "
        "is not a zone, Tab takes the first zone that matches", scope="app", priority=True,
        footer=False, help_keys="Tab / Shift+Tab"),
    Key("shift+tab", "focus_previous", "Previous", "", scope="app", priority=True, footer=False),
]


def display(keys: str) -> str:
    """`ctrl+s` → `^S`, `f7` → `F7`, `down` → `↓` (the first of several keys)."""
    first = keys.split(",")[0]
    names = {"down": "↓", "up": "↑", "right": "→", "left": "←", "tab": "Tab", "enter": "Enter"}
    if first.startswith("ctrl+"):
        return "^" + first[5:].upper()
    return names.get(first, first.upper() if first.startswith("f") else first)


def long_display(keys: str) -> str:
    """`ctrl+s` → `Ctrl+S`, `f7,alt+up` → `F7 (Alt+↑)`."""
    arrows = {"up": "↑", "down": "↓", "left": "←", "right": "→"}

    def one(key: str) -> str:
        parts = key.split("+")
        return "+".join(arrows.get(p, p.capitalize() if len(p) > 2 else p.upper()) for p in parts)

    first, *rest = [one(k) for k in keys.split(",")]
    return f"{first} ({' / '.join(rest)})" if rest else first


def bindings(scope: str) -> list[Binding]:
    return [
        Binding(key.keys, key.action, key.word, show=False, priority=key.priority)
        for key in [*APP_KEYS, *KEYS]
        if key.scope == scope and key.action
    ]


def hints(scope: str) -> list[tuple[str, str, str]]:
    """(key as shown, word, action) for the key hints of a scope."""
    return [
        (key.hint or display(key.keys), key.word, key.action)
        for key in KEYS
        if key.scope == scope and key.footer
    ]


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for F1, in the table's order."""
    return [
        (key.help_keys or long_display(key.keys), key.help)
        for key in [*APP_KEYS, *KEYS]
        if key.help
    ]
