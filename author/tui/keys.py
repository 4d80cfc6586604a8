"""The editor's keys, in one table: the bindings, the key hints at the bottom, the F1 help,
the buttons' tooltips and the dialogs' key labels are all made from it, so no label can
drift from what its key does.

No Textual here beyond `Binding`; each entry says where the key works (`scopes`): the whole
editor, a participant's card, a point, a follow-on, the time zone field, the honorific
field, or one of the dialogs.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from textual.binding import Binding, BindingType
from textual.keys import ASCII_KEY_NAMES, KEY_NAME_REPLACEMENTS

ITEMS = ("participant", "point", "follow_on")  # the list items F5-F8 act on


@dataclass(frozen=True)
class Key:
    keys: str  # Textual key names, comma-separated: "f7,alt+up"
    action: str  # the binding's action ("" for a key a widget handles itself)
    word: str  # the key hint's word at the bottom
    help: str  # what F1 says it does ("" when another entry's line covers it)
    scopes: tuple[str, ...] = ("editor",)
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
        scopes=ITEMS),
    Key("f6", "remove", "Remove", "remove the current participant, follow-on or point (Ctrl+Z "
        "brings it back)", scopes=ITEMS),
    Key("f7,alt+up", "move(-1)", "Move", "move the current participant, follow-on or point up "
        "/ down", scopes=ITEMS, help_keys="F7 / F8 (Alt+↑ / Alt+↓)", hint="F7/F8"),
    Key("f8,alt+down", "move(1)", "Move", "", scopes=ITEMS, footer=False),
    Key("f9", "details", "Heading", "a point's heading and sub-points (F9 again: done)",
        scopes=("point",)),
    Key("f10", "all_fields", "All fields", "all fields: name, role, note, follow-ons, notice, "
        "mentions, group, title first, and the Japanese fields (ja) under the English ones "
        "(shown by themselves when the readout uses them)",
        footer=False),
    Key("f12", "toggle_language", "EN/JA", "switch the preview between the English page and "
        "the Japanese page (from the ja fields)"),
    Key("down", "open_completions", "Zones",
        "in Time zone: the zones matching what you typed (`new y` → America/New_York)",
        scopes=("timezone",), help_keys="↓"),
    Key("right", "", "Suggestion", "in Honorific: accept the suggested honorific",
        scopes=("honorific",), help_keys="→"),
    Key("enter,space", "", "", "on Kind, Name order: open the choices", scopes=("field",),
        footer=False, help_keys="Enter / Space"),
    # the dialogs: their bindings and the key labels of their buttons
    Key("f9,ctrl+enter", "done", "Done", "", scopes=("details",)),
    Key("escape", "dismiss(None)", "Cancel", "", scopes=("details",)),
    Key("escape,f1,q", "dismiss(None)", "Close help", "", scopes=("help",)),
    Key("r", "choose('restore')", "Restore", "", scopes=("drafts",)),
    Key("d", "choose('discard')", "Discard", "", scopes=("drafts",)),
    Key("escape,n", "dismiss(None)", "Not now", "", scopes=("drafts",)),
    Key("escape", "dismiss('cancel')", "Cancel", "", scopes=("choice",)),
    Key("escape", "dismiss(None)", "Cancel", "", scopes=("save_as", "rename")),
]

# Tab and Shift+Tab belong to the app (see AuthorApp): first in F1.
APP_KEYS: list[Key] = [
    Key("tab", "next_field", "Next", "next / previous field; in Time zone, when what you typed "
        "is not a zone, Tab takes the first zone that matches", scopes=("app",), priority=True,
        footer=False, help_keys="Tab / Shift+Tab"),
    Key("shift+tab", "previous_field", "Previous", "", scopes=("app",), priority=True,
        footer=False),
]


def display(keys: str) -> str:
    """`ctrl+s` → `^S`, `f7` → `F7`, `down` → `↓` (the first of several keys)."""
    first = keys.split(",")[0]
    names = {"down": "↓", "up": "↑", "right": "→", "left": "←", "tab": "Tab", "enter": "Enter",
             "escape": "Esc"}
    if first.startswith("ctrl+"):
        return "^" + first[5:].upper()
    if first in names:
        return names[first]
    return first.upper() if first.startswith("f") and first[1:].isdigit() else first


def long_display(keys: str) -> str:
    """`ctrl+s` → `Ctrl+S`, `f7,alt+up` → `F7 (Alt+↑)`."""
    arrows = {"up": "↑", "down": "↓", "left": "←", "right": "→"}

    def one(key: str) -> str:
        parts = key.split("+")
        return "+".join(arrows.get(p, p.capitalize() if len(p) > 2 else p.upper()) for p in parts)

    first, *rest = [one(k) for k in keys.split(",")]
    return f"{first} ({' / '.join(rest)})" if rest else first


def _entries(scope: str) -> list[Key]:
    return [key for key in [*APP_KEYS, *KEYS] if scope in key.scopes]


def bindings(scope: str) -> list[BindingType]:
    return [
        Binding(key.keys, key.action, key.word, show=False, priority=key.priority)
        for key in _entries(scope)
        if key.action
    ]


def key_for(action: str, scope: str = "editor") -> str:
    """How the key of `action` is written on a button or in a tooltip: `F6`, `Esc`."""
    for key in _entries(scope):
        if key.action == action:
            return display(key.keys)
    raise KeyError(f"no key for {action!r} in {scope!r}")


def tooltip(what: str, action: str, scope: str) -> str:
    """A button's tooltip: `Remove (F6)`."""
    return f"{what} ({key_for(action, scope)})"


def hints(scope: str) -> list[tuple[str, str, str]]:
    """(key as shown, word, action) for the key hints of a scope."""
    return [
        (key.hint or display(key.keys), key.word, key.action)
        for key in KEYS
        if scope in key.scopes and key.footer
    ]


def help_rows() -> list[tuple[str, str]]:
    """(keys, what they do) for F1, in the table's order."""
    return [
        (key.help_keys or long_display(key.keys), key.help)
        for key in [*APP_KEYS, *KEYS]
        if key.help
    ]


def key_name(char: str) -> str:
    """Textual's name of the key that types `char` (`.` is `full_stop`, ` ` is `space`),
    as the terminal driver names it: what a test or the fuzzer sends for a typed character."""
    if char.isalnum():
        return char
    try:
        name = unicodedata.name(char).lower().replace("-", "_").replace(" ", "_")
    except ValueError:
        name = ASCII_KEY_NAMES.get(char, char)
    return KEY_NAME_REPLACEMENTS.get(name, name)
