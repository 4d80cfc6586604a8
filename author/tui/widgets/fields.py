"""Form controls bound to one value of the readout, and the row that shows their problems."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, ClassVar, Protocol, runtime_checkable

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.geometry import Size
from textual.reactive import Reactive
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Label, OptionList, Select, Static, TextArea
from textual.widgets.text_area import Edit, EditResult, Selection

from author.diagnostics import Diagnostic, Loc
from author.timezones import check_timezone, completions
from author.tui.keys import bindings
from author.tui.session import EditSession, display_value

# How a control's raw value becomes the value stored in the data.
Converter = Callable[[Any], Any]


def text_or_none(text: str) -> str | None:
    return text if text.strip() else None


def minutes_or_text(text: str) -> int | str | None:
    """`25` is stored as the number 25; `25 min`, `1 h 10 min` as written."""
    stripped = text.strip()
    if not stripped:
        return None
    # ASCII digits only (`²`, `①` are digits to isdigit() but not to int()), and few of
    # them: a longer number is past int()'s limit and far past a day anyway.
    number = stripped.isascii() and stripped.isdigit() and len(stripped) <= 6
    return int(stripped) if number and not stripped.startswith("0") else stripped


def lines_or_none(text: str) -> list[str] | None:
    lines = [line for line in text.splitlines() if line.strip()]
    return lines or None


def lines_text(items: Any, key: str = "caption") -> str:
    """A list shown one entry a line (a mapping entry by its `key`: a photo's caption)."""
    if not isinstance(items, list):
        return ""
    return "\n".join(
        display_value(item.get(key) if isinstance(item, dict) else item) for item in items
    )


@runtime_checkable
class TypingSink(Protocol):
    """Where a control hands what was typed into it, as it is typed (the editor screen)."""

    def typed(self, control: Bound) -> None: ...


class Bound:
    """A control that edits the value at `loc`. With `point_part` it edits a part of the
    point at `loc[1]` (its text, or its Japanese text), by the session's rules for points
    (a point with only a text stays a plain string)."""

    loc: Loc
    to_data: Converter
    point_part: str | None = None
    default: Any = None  # a value equal to the format's default is not written when absent
    initial_raw: Any = None
    edited: bool = False

    def bind(
        self,
        loc: Loc,
        to_data: Converter,
        *,
        default: Any = None,
        point_part: str | None = None,
    ) -> None:
        self.loc = loc
        self.to_data = to_data
        self.default = default
        self.point_part = point_part

    def raw_value(self) -> Any:  # pragma: no cover - overridden
        raise NotImplementedError

    def replace_raw(self, raw: Any) -> None:  # pragma: no cover - overridden
        raise NotImplementedError

    def raw_from(self, session: EditSession) -> Any:
        """What the control shows for the session's data (after an undo, say)."""
        if self.point_part is not None:
            return display_value(session.point_part(int(self.loc[1]), self.point_part))
        return display_value(session.get(self.loc))

    def write(self, session: EditSession, value: Any) -> bool:
        """Store the control's value in the session; True when the data changed."""
        if self.point_part is not None:
            return session.set_point_part(int(self.loc[1]), self.point_part, value)
        if self.default is not None and session.get(self.loc) is None and value == self.default:
            return False  # the format's default, not written while the file leaves it out
        return session.set(self.loc, value)

    def show_data(self, session: EditSession) -> None:
        """Show the session's value again; that is not an edit."""
        raw = self.raw_from(session)
        self.remember_initial(raw)
        if self.raw_value() != raw:
            self.replace_raw(raw)

    def remember_initial(self, raw: Any) -> None:
        """The value the control was built with: a report of it is not an edit."""
        self.initial_raw = raw
        self.edited = False

    def is_edit(self) -> bool:
        if not self.edited and self.raw_value() != self.initial_raw:
            self.edited = True
        return self.edited

    def data_value(self) -> Any:
        return self.to_data(self.raw_value())

    def report_typed(self) -> None:
        """Hand the value just typed to the screen now, in the key's own turn. The
        control's Changed message reaches the screen only after the frame that echoes
        the key; the preview then came a frame later. Handed over here, the page of the
        key is made before that frame, and the key costs one frame, not two. (The
        Changed message still comes, and finds nothing new.)"""
        if isinstance(self, Widget) and self.is_mounted and isinstance(self.screen, TypingSink):
            self.screen.typed(self)

    def _on_mount(self, event: events.Mount) -> None:
        super()._on_mount(event)  # type: ignore[misc]
        app = getattr(self, "app", None)
        if getattr(app, "cursor_blink", True) is False and hasattr(self, "cursor_blink"):
            self.cursor_blink = False


async def run_own_binding(widget: Widget, event: events.Key) -> bool:
    """Run the widget's own binding of a key now, as the app would once the key had
    bubbled up to it; True when one ran.

    Textual inserts a typed letter at once, in the field's own key handler, but runs a
    bound key (Backspace, Delete, an arrow, Ctrl+W) only when the key has climbed through
    every container up to the app. In a burst of keys (a fast typist, tmux send-keys, a
    busy editor) the letters typed after a Backspace then land before it: `Relations`,
    nine Backspaces and `Ties` gave `Rela` (Textual issue #6605). The field's own bindings
    come first in the app's search anyway, and the app's priority keys (Ctrl+S, Ctrl+Z,
    Tab) are taken before a key reaches a field, so running them here changes only when."""
    for binding in widget._bindings.key_to_bindings.get(event.key, ()):
        if not binding.priority and await widget.app.run_action(binding.action, widget):
            event.stop()
            event.prevent_default()
            return True
    return False


class BoundInput(Bound, Input):
    # A one-line field's size never depends on its text: a longer text needs a repaint,
    # not a new layout of the whole screen (Widget's default), which made typing slow.
    virtual_size: Reactive[Size] = Reactive(Size(0, 0), layout=False)

    def __init__(
        self,
        loc: Loc,
        value: str = "",
        *,
        placeholder: str = "",
        to_data: Converter = text_or_none,
        suggestions: Iterable[str] | None = None,
        id: str | None = None,
    ) -> None:
        suggester = (
            SuggestFromList(list(suggestions), case_sensitive=False) if suggestions else None
        )
        super().__init__(
            value=value,
            placeholder=placeholder,
            compact=True,
            suggester=suggester,
            id=id,
            # entering a filled field selects its text: typing replaces it (Ctrl+Z undoes),
            # an arrow key or End keeps it
            select_on_focus=True,
        )
        self.bind(loc, to_data)
        self.remember_initial(value)

    def raw_value(self) -> str:
        return self.value

    def replace_raw(self, text: str) -> None:
        self.value = text

    def watch_value(self) -> None:
        self.report_typed()

    async def _on_key(self, event: events.Key) -> None:
        # A key that keeps the text (End, Home, an arrow, ↓ and ↑ too) ends the selection
        # made on entry: the cursor goes to that end of the text.
        if not self.selection.is_empty:
            if event.key in ("end", "ctrl+e", "right", "down"):
                self.cursor_position = len(self.value)
            elif event.key in ("home", "ctrl+a", "left", "up"):
                self.cursor_position = 0
        if event.is_printable or not await run_own_binding(self, event):
            await super()._on_key(event)


class BoundTextArea(Bound, TextArea):
    def __init__(
        self,
        loc: Loc,
        text: str = "",
        *,
        placeholder: str = "",
        to_data: Converter = text_or_none,
        point_part: str | None = None,
        id: str | None = None,
        classes: str | None = None,
        compact: bool = True,
    ) -> None:
        super().__init__(
            text,
            soft_wrap=True,
            tab_behavior="focus",
            compact=compact,
            placeholder=placeholder,
            highlight_cursor_line=False,
            id=id,
            classes=classes,
        )
        self.bind(loc, to_data, point_part=point_part)
        self.remember_initial(text)

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        """The rows of the text wrapped at `width`, the width this layout gives it.

        Textual wraps a text area's lines when it gets a Resize event, and it sends one
        to a widget the first time a layout places it, unless the screen's map of widgets
        was rebuilt in between (a refresh of any widget that asks for its own region
        rebuilds it lazily, and the new widget is then no longer new to the layout). A
        point mounted below the fold right after the first paint then stayed one row a
        line, and the height of the whole form depended on the timing of the mount. Here
        the height follows the width the layout passes, every time."""
        if self.soft_wrap:
            wrap_width = max(0, width - self.scrollbar_size_vertical - self.gutter_width - 1)
            if self.wrapped_document._width != wrap_width:  # the width it was wrapped at
                self.wrapped_document.wrap(wrap_width, tab_width=self.indent_width)
                self._line_cache.clear()
                # no new layout for it: this is one, and the size it sets follows
                self.set_reactive(TextArea.virtual_size, Size(0, self.wrapped_document.height))
        return super().get_content_height(container, viewport, width)

    def edit(self, edit: Edit) -> EditResult:
        """Every change of the text (typed, pasted, deleted) comes through here."""
        result = super().edit(edit)
        self.report_typed()
        return result

    def raw_value(self) -> str:
        return self.text

    def replace_raw(self, text: str) -> None:
        cursor = self.cursor_location
        self.load_text(text)
        self.cursor_location = cursor

    def select_on_entry(self) -> None:
        """Entering a filled field (Tab) selects its text, as a one-line field does: typing
        replaces it (Ctrl+Z undoes), an arrow key, End or Home keeps it."""
        if self.text.strip():
            self.select_all()

    async def _on_key(self, event: events.Key) -> None:
        # As in BoundInput: a key that keeps the text ends the selection, at its end or
        # its start.
        selection = self.selection
        if not selection.is_empty:
            first, last = sorted((selection.start, selection.end))
            if event.key in ("end", "ctrl+e", "right", "down"):
                self.selection = Selection.cursor(last)
            elif event.key in ("home", "ctrl+a", "left", "up"):
                self.selection = Selection.cursor(first)
        if event.is_printable or not await run_own_binding(self, event):
            await super()._on_key(event)



class BoundLines(BoundTextArea):
    """A list of texts, one a line (photos' captions, footnotes, mentions)."""

    def raw_from(self, session: EditSession) -> Any:
        return lines_text(session.get(self.loc))


class BoundSelect(Bound, Select[str]):
    def __init__(
        self,
        loc: Loc,
        options: list[tuple[str, str]],
        value: Any,
        *,
        prompt: str = "(choose)",
        id: str | None = None,
    ) -> None:
        known = {v for _, v in options}
        if isinstance(value, str) and value and value not in known:
            # a value the format does not have (`kind: meting`) shows as written, first;
            # its problem, with the suggestion, shows under the field
            options = [(f"{value} (not valid)", value), *options]
            known.add(value)
        super().__init__(
            options,
            prompt=prompt,
            allow_blank=True,
            value=value if value in known else Select.NULL,
            compact=True,
            id=id,
        )
        self.bind(loc, lambda v: None if v is Select.NULL else v)
        self.known = known
        self.remember_initial(value if value in known else Select.NULL)

    def raw_value(self) -> Any:
        return self.value

    def raw_from(self, session: EditSession) -> Any:
        value = session.get(self.loc)
        return value if value in self.known else Select.NULL

    def replace_raw(self, value: Any) -> None:
        self.value = value


class BoundCheckbox(Bound, Checkbox):
    """A checkbox that reads `[x]` or `[ ]`: its state is not in its colour alone."""

    def __init__(
        self, loc: Loc, label: str, value: Any, default: bool, *, id: str | None = None
    ) -> None:
        super().__init__(label, value if isinstance(value, bool) else default, compact=True, id=id)
        self.bind(loc, bool, default=default)
        self.remember_initial(value if isinstance(value, bool) else default)

    def raw_from(self, session: EditSession) -> Any:
        value = session.get(self.loc)
        return value if isinstance(value, bool) else self.default

    def replace_raw(self, value: Any) -> None:
        self.value = value

    def raw_value(self) -> bool:
        return self.value

    @property
    def _button(self) -> Content:
        return Content.styled("[x]" if self.value else "[ ]", "bold" if self.value else "")


class ProblemTarget:
    """A place in the form that shows the problems whose loc points at it."""

    def target_locs(self) -> list[Loc]:  # pragma: no cover - overridden
        raise NotImplementedError

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:  # pragma: no cover
        raise NotImplementedError

    def focus_problem(self) -> None:  # pragma: no cover
        raise NotImplementedError


def problem_text(diagnostics: list[Diagnostic]) -> str:
    return "\n".join(f"{'✗' if d.is_error else '!'} {d.message}" for d in diagnostics)


class FieldRow(Horizontal, ProblemTarget):
    """A label, a control, and an optional note beside it. The control's problems show on
    a line mounted below the row only while there are any (few widgets: a quick form)."""

    def __init__(
        self, label: str, control: Widget, *, aside: Static | None = None, classes: str = ""
    ) -> None:
        super().__init__(classes=f"field-row {classes}".strip())
        self.label = label
        self.control = control
        self.aside = aside
        self.message: Static | None = None

    def compose(self) -> ComposeResult:
        yield Label(self.label, classes="field-label")
        yield self.control
        if self.aside is not None:
            yield self.aside

    def target_locs(self) -> list[Loc]:
        return [self.control.loc] if isinstance(self.control, Bound) else []

    # The focused field's label is marked (`-focused`): a class, as Textual does not restyle
    # a row's children when only its :focus-within changes.
    def on_descendant_focus(self) -> None:
        self.add_class("-focused")

    def on_descendant_blur(self) -> None:
        self.remove_class("-focused")

    def show_problems(self, diagnostics: list[Diagnostic]) -> None:
        has_error = any(d.is_error for d in diagnostics)
        self.set_class(has_error, "-error")
        self.set_class(bool(diagnostics) and not has_error, "-warning")
        if diagnostics:
            if self.message is None:
                self.message = Static("", classes="field-message", markup=False)
                if isinstance(self.parent, Widget):
                    self.parent.mount(self.message, after=self)
            self.message.update(problem_text(diagnostics))
            self.message.set_class(has_error, "-error")
            self.message.set_class(not has_error, "-warning")
        elif self.message is not None:
            self.message.remove()
            self.message = None

    def focus_problem(self) -> None:
        self.control.focus()
        self.control.scroll_visible(animate=False)


class TimezoneInput(BoundInput):
    """The time zone field: Down opens the completions for what was typed."""

    BINDINGS: ClassVar[list[BindingType]] = bindings("timezone")  # author/tui/keys.py

    def complete_to_first(self) -> None:
        """When the text is not a zone, take the first zone that matches it."""
        text = self.value.strip()
        if not text or check_timezone(text) is None:
            return
        names = completions(text, limit=1)
        if names:
            self.value = names[0]
            self.cursor_position = len(self.value)
            field = self.parent.parent if self.parent else None
            if isinstance(field, TimezoneField):
                field.update_choices(self.value)  # now, before Tab looks for the next field

    def action_open_completions(self) -> None:
        field = self.parent.parent if self.parent else None
        if isinstance(field, TimezoneField):
            field.open_completions()


class TimezoneField(Vertical):
    """Time zone input with completion over IANA names: `new y` offers America/New_York."""

    DEFAULT_CSS = """
    TimezoneField { height: auto; }
    """

    def __init__(self, control: TimezoneInput) -> None:
        super().__init__(classes="timezone-field")
        self.zone_input = control
        self.choices = OptionList(classes="zone-choices", compact=True, markup=False)

    def compose(self) -> ComposeResult:
        yield FieldRow("Time zone", self.zone_input)
        yield self.choices

    def on_mount(self) -> None:
        self.choices.display = False

    def update_choices(self, text: str) -> None:
        text = text.strip()
        names = [] if not text or check_timezone(text) is None else completions(text, limit=8)
        self.choices.clear_options()
        if names:
            self.choices.add_options(names)
        self.choices.display = bool(names) and self.zone_input.has_focus

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        if event.input is self.zone_input:
            self.update_choices(event.value)

    def open_completions(self) -> None:
        self.update_choices(self.zone_input.value)
        if self.choices.option_count:
            self.choices.display = True
            self.choices.highlighted = 0
            self.choices.focus()

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.zone_input.value = str(event.option.prompt)
        self.zone_input.cursor_position = len(self.zone_input.value)
        self.choices.display = False
        self.zone_input.focus()

    def on_descendant_blur(self) -> None:
        self.call_after_refresh(self._hide_when_away)

    def _hide_when_away(self) -> None:
        focused = self.screen.focused if self.is_attached else None
        if focused is not self.zone_input and focused is not self.choices:
            self.choices.display = False

    def on_key(self, event: events.Key) -> None:
        if event.key == "escape" and self.choices.has_focus:
            event.stop()
            self.choices.display = False
            self.zone_input.focus()
