"""The editor screen: the form, the live preview, and the problems list.

The screen composes; the work is done in Textual-free modules beside the session:

- each bound control writes its value into `EditSession.data` (the YAML's shape;
  author/tui/session.py), and a throttled check runs the CLI's validator on the file's
  text as it stands (`EditSession.check`);
- author/tui/page.py decides what the preview shows, author/tui/routing.py which field
  shows which problem, author/tui/lists.py what adding, removing and moving a list item
  does, author/tui/export.py what F4 writes and what a save says.

Widgets ask for edits with typed messages (author/tui/messages.py); the screen reports its
paints the same way, for the bench and tests to observe.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import partial
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Input, Select, TextArea

from author.check import CheckResult, readout_of
from author.config import Config
from author.diagnostics import Diagnostic, Loc, dotted
from author.model import Readout
from author.tui.allfields import EDITION_2_FIELD, SHOW_ALL, uses_edition_2
from author.tui.drafts import Draft
from author.tui.export import Notice, export_pages, saved_notice
from author.tui.heap import IdleCollector, release, settle
from author.tui.history import Step
from author.tui.japanese import JA_FIELD, SHOW_JAPANESE, uses_japanese
from author.tui.keys import bindings
from author.tui.lists import LISTS, ItemList, ListEdit, apply_edit, field_in_item
from author.tui.messages import (
    DraftFailed,
    FirstPaint,
    FormComplete,
    ListEditRequested,
    PointDetailsRequested,
    PreviewPainted,
    RenameRequested,
)
from author.tui.page import (
    PreviewState,
    preview_counts,
    preview_page,
    preview_state,
    same_readout,
)
from author.tui.routing import UNKNOWN_FIELD, ProblemRouter, split_unknown
from author.tui.screens.dialogs import (
    ChoiceDialog,
    DraftsDialog,
    PointDetails,
    PointDetailsDialog,
    RenameDialog,
    SaveAsDialog,
)
from author.tui.screens.help import HelpScreen
from author.tui.session import EditSession, OpenFailed, without_controls
from author.tui.widgets.fields import Bound, ProblemTarget, lines_or_none
from author.tui.widgets.followons import FollowOnsEditor
from author.tui.widgets.header import HeaderForm
from author.tui.widgets.keyhints import KeyHints
from author.tui.widgets.participants import (
    SIDES,
    ParticipantCard,
    ParticipantsEditor,
    rendered_name,
)
from author.tui.widgets.points import PointArea, PointsEditor, PointText
from author.tui.widgets.preview import Preview
from author.tui.widgets.problems import ProblemsList
from author.tui.widgets.progressive import Progressive
from author.tui.widgets.titlebar import TitleBar
from author.tui.widgets.unknown import UnknownFields

WIDE = 110  # columns from which the preview sits beside the form


@dataclass(frozen=True, eq=False)
class Previewed:
    """A typed check's first step: the page of the form's data, shown before the check
    of the file's text (EditorScreen.check_typed)."""

    readout: Readout | None  # the model's readout of the data (None: it refused it)
    state: PreviewState  # the page shown
    cost: float  # how long this step took, its page included


class Form(VerticalScroll, Progressive, can_focus=False):
    """Everything the author fills in, top to bottom. The unknown fields and the page's
    fields come with the first paint, the rest right after it
    (author/tui/widgets/progressive.py)."""

    eager = 2

    def __init__(self, session: EditSession, config: Config) -> None:
        super().__init__(id="form")
        self.lazy, self.pending = True, []
        self.session = session
        self.config = config
        self.show_all_fields(uses_edition_2(session.data))
        self.show_japanese(uses_japanese(session.data))

    def show_all_fields(self, show: bool = True) -> None:
        """Show (or hide) the edition-2 fields (author/tui/allfields.py), and with them the
        Japanese fields."""
        self.set_class(show, SHOW_ALL)

    def show_japanese(self, show: bool = True) -> None:
        """Show (or hide) the Japanese fields (author/tui/japanese.py)."""
        self.set_class(show, SHOW_JAPANESE)

    def compose(self) -> ComposeResult:
        yield from self.compose_parts()

    def parts(self) -> Iterator[Widget]:
        yield UnknownFields(self.session)
        yield HeaderForm(self.session, self.config, lazy=self.lazy)
        for side in SIDES:
            yield ParticipantsEditor(self.session, side)
        yield PointsEditor(self.session, lazy=self.lazy)


class EditorScreen(Screen[None]):
    AUTO_FOCUS = "#section"
    BINDINGS: ClassVar[list[BindingType]] = bindings("editor")  # author/tui/keys.py

    # While typing, a check waits after the last one for CHECK_SHARE times what that one
    # took (checks take at most a third of the time: keys typed meanwhile are checked
    # together, none lost), and never longer than CHECK_INTERVAL.
    CHECK_INTERVAL = 0.1
    CHECK_SHARE = 3
    # The form beyond its first part is mounted right after the first paint (False: only
    # when a key needs it, as a test of the keys that do may ask)
    MOUNT_REST_AFTER_PAINT = True
    DRAFT_INTERVAL = 0.5  # the recovery draft trails the typing by at most this
    IDLE = 0.4  # a pause this long after the last check: a full garbage collection

    def __init__(self, session: EditSession, config: Config) -> None:
        super().__init__(id="editor")
        self.session = session
        self.config = config
        self.result: CheckResult | None = None
        self.router = ProblemRouter(self._problem_targets)
        self._checks = 0  # counts the checks run (for PreviewPainted)
        self._check_timer: Timer | None = None
        self._check_queued = False  # a check is to run next (schedule_check)
        self._last_check = 0.0  # when the last check started
        self._check_cost = 0.0  # and how long it took (with its preview)
        self._previewed: Previewed | None = None  # a typed check, its text's check to come
        self._draft_error_shown = False
        self._focus_before_preview: Widget | None = None
        self._mounting = asyncio.Lock()  # the rest of the form, being mounted
        self.collector = IdleCollector()  # the full garbage collections (author/tui/heap.py)

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        yield TitleBar(icon="")
        with Horizontal(id="main"):
            yield Form(self.session, self.config)
            yield Preview()
        yield ProblemsList()
        yield KeyHints()

    @property
    def form(self) -> Form:
        return self.query_one(Form)

    @property
    def preview(self) -> Preview:
        return self.query_one(Preview)

    @property
    def problems(self) -> ProblemsList:
        return self.query_one(ProblemsList)

    def on_mount(self) -> None:
        self.query_one(KeyHints).show_for(self.focused)
        self.update_title()
        self.check_now()
        self.set_interval(self.DRAFT_INTERVAL, self.write_draft)
        self.set_interval(self.IDLE, self._collect_if_idle)
        drafts = self.session.left_drafts()
        if drafts:
            self.offer_drafts(drafts)
        self.call_after_refresh(self._first_paint)

    def _first_paint(self) -> None:
        self.app.post_message(FirstPaint())
        if self.MOUNT_REST_AFTER_PAINT:
            # in a worker: the screen goes on taking in the keys typed meanwhile (their
            # checks and previews), and those that need the whole form wait for it
            self.run_worker(self.all_mounted(), group="mount")

    async def all_mounted(self) -> None:
        """Mount the parts of the form still waiting (author/tui/widgets/progressive.py):
        right after the first paint, and before anything that needs the whole form (Tab,
        a problem chosen, an undo, a list edit); waits for a mounting under way."""
        async with self._mounting:
            form = self.form
            if form.complete:
                return
            await form.mount_rest()
            self.forget_targets()
            if self.result is not None:
                self.show_field_problems(self.result.diagnostics)
            self.call_after_refresh(self.app.post_message, FormComplete())

    def _collect_if_idle(self) -> None:
        if time.monotonic() - self._last_check >= self.IDLE:
            self.collector.collect_when_idle()

    def on_unmount(self) -> None:
        release()  # Python's own garbage collection again (author/tui/heap.py)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        self.query_one(KeyHints).show_for(event.widget)
        self.session.history.seal()  # typing in another field is another undo step

    def on_resize(self, event: events.Resize) -> None:
        wide = event.size.width >= WIDE
        self.set_class(wide, "-wide")
        if wide:
            self.leave_preview_only()  # the preview now sits beside the form

    def update_title(self) -> None:
        path = self.session.path
        name = path.name if path else "new readout"
        self.app.title = "author"
        self.app.sub_title = name + (" (modified)" if self.session.dirty else "")

    def say(self, message: str) -> None:
        """A short message in the status line (a notice at the bottom right)."""
        self.notify(message, timeout=6)

    def tell(self, notice: Notice) -> None:
        self.notify(
            notice.message,
            title=notice.title,
            severity=notice.severity,
            timeout=notice.timeout,
        )

    # -- edits ----------------------------------------------------------------------------
    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _control_changed(self, event: Message) -> None:
        control = getattr(event, "control", None)
        if isinstance(control, Bound):
            self.write_control(control)

    def write_control(self, control: Bound, *, typed: bool = False) -> None:
        """The one edit handler: a control's value into the session. `typed`: handed over
        by the control as it is typed (`typed`), its page made at once when a check is
        due; a text to clean of control characters then waits for the control's Changed
        message, which comes after."""
        if not control.is_edit():
            return  # controls report the value they were built with; that is no edit
        raw = control.raw_value()
        if isinstance(raw, str) and (clean := without_controls(raw)) != raw:
            if typed:
                return
            control.replace_raw(clean)
            self.notify(
                "Removed control characters (such as ESC, DEL or NUL, from pasted terminal "
                "output): a readout cannot hold them.",
                severity="warning",
            )
        if control.write(self.session, control.data_value()):
            self.after_change(control, at_once=typed)

    def typed(self, control: Bound) -> None:
        """A key's edit, handed over by its control as it is typed (Bound.report_typed),
        so that the frame that echoes the key paints its page too."""
        self.write_control(control, typed=True)

    def after_change(self, control: Bound | None = None, *, at_once: bool = False) -> None:
        """Show what an edit changed beside its control, and check it (`at_once`: a
        check due runs now, not next)."""
        self.update_title()
        if control is not None:
            if control.loc[:1] in (("meeting",), ("phrasing",)):
                self.query_one(HeaderForm).refresh_derived()
            if isinstance(control, Widget):
                for ancestor in control.ancestors:
                    if isinstance(ancestor, ParticipantCard):
                        ancestor.refresh_name()
                        break
        self.schedule_check(at_once)

    # -- checking -------------------------------------------------------------------------
    def schedule_check(self, at_once: bool = False) -> None:
        """Check soon: after a pause in typing, next (`at_once`: now), else once the last
        check is CHECK_SHARE times its cost behind (at most CHECK_INTERVAL)."""
        if self._check_timer is not None or self._check_queued:
            return
        gap = min(self.CHECK_INTERVAL, self.CHECK_SHARE * self._check_cost)
        delay = self._last_check + gap - time.monotonic()
        if delay > 0:
            self._check_timer = self.set_timer(delay, self.check_typed)
        elif at_once:
            self.check_typed()
        else:  # next, without a timer's wait (a few milliseconds)
            self._check_queued = True
            self.call_later(self.check_typed)

    def check_now(self) -> CheckResult:
        """Validate the data as it stands and update problems and preview (tests call this
        to wait for the throttled check deterministically)."""
        self._stop_check_timer()
        self._previewed = None  # a typed check waiting for its paint is taken over
        started = self._last_check = time.monotonic()
        result = self._checked()
        if result is None:
            return self.result or CheckResult(str(self.session.path or "<new readout>"))
        self._show_check(result, None)
        self._check_cost = time.monotonic() - started
        return result

    def check_typed(self) -> None:
        """The check of what was typed, in two steps: the page of the form's data (the
        model's readout of it, author/check.py `readout_of`), painted at once; then,
        once it is painted, the check of the file's text, its problems and (should its
        readout differ) its page. A later check takes over one not yet done."""
        self._stop_check_timer()
        started = self._last_check = time.monotonic()
        data = self.session.data
        try:
            readout = readout_of(data, self.config)
            state = preview_page(readout, data, self.preview.lang, self.config)
        except Exception as exc:  # a bug in a rule must not cost the author their work
            self._check_failed(exc)
            return
        previewed = self._previewed = Previewed(readout, state, time.monotonic() - started)
        self._paint(state, partial(self._check_after_preview, previewed))

    def _check_after_preview(self, previewed: Previewed) -> None:
        if previewed is not self._previewed:
            return  # a later check has taken over
        self._previewed = None
        started = time.monotonic()
        result = self._checked()
        if result is not None:
            self._show_check(result, previewed)
        self._check_cost = previewed.cost + time.monotonic() - started

    def _stop_check_timer(self) -> None:
        """Take over the check scheduled, if any."""
        self._check_queued = False
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None

    def _checked(self) -> CheckResult | None:
        """The validator's result for the file's text as it stands (None: it failed)."""
        try:
            return self.session.check()
        except Exception as exc:  # a bug in a rule must not cost the author their work
            self._check_failed(exc)
            return None

    def _show_check(self, result: CheckResult, previewed: Previewed | None) -> None:
        """Show a check's result: its page (unless that of the same readout is shown,
        `previewed`), the status line's counts and the problems."""
        self.result = result
        lang, data = self.preview.lang, self.session.data
        try:
            if previewed is not None and same_readout(previewed.readout, result.readout):
                state = replace(previewed.state, **preview_counts(result, lang))
            else:
                state = preview_state(result, data, lang, self.config)
                self._paint(state)
        except Exception as exc:
            self._check_failed(exc)
            return
        self.preview.show_status(state.errors, state.warnings, state.partial, state.missing)
        self.problems.show(result.diagnostics)
        self.show_field_problems(result.diagnostics)
        self.collector.checked()

    def _paint(self, state: PreviewState, then: Callable[[], object] | None = None) -> None:
        """Show the page of `state`; post PreviewPainted (and call `then`) once it is
        painted, or at once when there is nothing new to paint."""
        self._checks += 1
        painted = PreviewPainted(self._checks)
        after = then or (lambda: None)
        if self.show_page(state) and self.preview.page.region:
            self.preview.page.report_when_painted(painted, after)
        else:
            self.call_after_refresh(self.app.post_message, painted)
            self.call_after_refresh(after)

    def _check_failed(self, exc: Exception) -> None:
        self.notify(
            f"The check failed: {type(exc).__name__}: {exc}. Your text is kept; "
            "please report this.",
            severity="error",
        )

    def show_page(self, state: PreviewState) -> bool:
        """Show the page of a check; False when the page shown stays as it is."""
        if state.failure:
            self.notify(state.failure, title="Preview", severity="error")
        return state.page is not None and self.preview.show_page(state.page)

    # -- problems at their fields -----------------------------------------------------------
    def _problem_targets(self) -> list[ProblemTarget]:
        return [w for w in self.form.query("*") if isinstance(w, ProblemTarget)]

    def show_field_problems(self, diagnostics: list[Diagnostic]) -> None:
        unknown, placed = split_unknown(diagnostics)
        outside = [d for d in placed if self.router.target_for(d.loc) is None]
        # at the top of the form: the unknown fields, to rename; what no field shows
        self.query_one(UnknownFields).show(unknown, outside)
        self.router.route(placed)

    def forget_targets(self) -> None:
        """The form's widgets changed: find the problems' places again, and (once the
        form is whole) collect the widgets it left behind (author/tui/heap.py)."""
        self.router.forget()
        if self.form.complete:
            self.call_after_refresh(settle)

    @on(ProblemsList.Chosen)
    async def _problem_chosen(self, event: ProblemsList.Chosen) -> None:
        await self.all_mounted()
        loc = event.diagnostic.loc
        target = None if event.diagnostic.code == UNKNOWN_FIELD else self.router.target_for(loc)
        if target is None:  # an unknown field, or a value the form has no field for
            self.leave_preview_only()
            if not self.query_one(UnknownFields).focus_loc(loc):
                self.notify("This problem has no field in the form.", severity="warning")
            return
        self.leave_preview_only()
        if isinstance(target, Widget):
            self.reveal(target)
        target.focus_problem()

    def reveal(self, widget: Widget) -> None:
        """Show the fields a widget stands among (edition 2's, the Japanese ones)."""
        classes = {c for w in widget.ancestors_with_self for c in w.classes}
        if EDITION_2_FIELD in classes:
            self.form.show_all_fields()
        if JA_FIELD in classes:
            self.form.show_japanese()

    # -- lists: add, remove, move ---------------------------------------------------------------
    @on(ListEditRequested)
    async def _list_edit(self, event: ListEditRequested) -> None:
        event.stop()
        await self.all_mounted()
        edit = event.edit
        focused = self.focused
        field = field_in_item(focused.loc) if isinstance(focused, Bound) else ()
        outcome = apply_edit(self.session, edit, field, self.describe_item(edit))
        if not outcome.changed:
            self.app.bell()
            return
        await self.rebuild_list(edit.items)
        if outcome.focus is None:  # the list is empty now
            self.query_one(f"#{edit.items.add_button}").focus()
        elif not self.focus_loc(outcome.focus):
            self.focus_near(outcome.focus)
        if outcome.message:
            self.say(outcome.message)
        self.after_change()

    def describe_item(self, edit: ListEdit) -> Callable[[Any], str] | None:
        """How a removed participant is named in the status line (`H.E. Mr. Dmytro
        KULEBA`)."""
        if edit.items.loc[0] not in SIDES:
            return None
        principal = edit.items.loc[0] == "principals"
        return lambda entry: rendered_name(entry, principal, True).split(",")[0]

    async def rebuild_list(self, items: ItemList) -> None:
        editor = self.query_one(f"#{items.editor_id}")
        if isinstance(editor, PointsEditor | ParticipantsEditor | FollowOnsEditor):
            await editor.rebuild()
        self.forget_targets()

    @on(RenameRequested)
    def _rename_requested(self, event: RenameRequested) -> None:
        event.stop()
        self.rename(event.loc, event.new_key)

    @work(exclusive=True, group="rename")
    async def rename(self, loc: Loc, new_key: str | None) -> None:
        """Rename an unknown field, to the suggestion or (none) to a key the author types."""
        old = str(loc[-1])
        await self.all_mounted()
        if new_key is None:
            new_key = await self.app.push_screen_wait(RenameDialog(dotted(loc)))
            if not new_key:
                return
        if not self.session.rename_key(loc, new_key):
            self.say(f"Cannot rename {old}: {new_key} is already there")
            return
        await self.form.recompose()
        self.forget_targets()
        self.check_now()
        self.focus_near((*loc[:-1], new_key))
        self.update_title()
        self.say(f"Renamed {old} to {new_key}; Ctrl+Z to undo")

    @on(PointDetailsRequested)
    def _point_details(self, event: PointDetailsRequested) -> None:
        event.stop()
        self.edit_point_details(event.index)

    @work(exclusive=True, group="details")
    async def edit_point_details(self, index: int) -> None:
        """F9: a point's heading and sub-points, and its Japanese ones with the Japanese
        fields shown."""
        await self.all_mounted()
        session = self.session
        japanese = self.form.has_class(SHOW_JAPANESE) or self.form.has_class(SHOW_ALL)
        ja = session.point_part(index, "ja")
        ja = ja if isinstance(ja, dict) else {}
        answer = await self.app.push_screen_wait(PointDetailsDialog(index + 1, PointDetails(
            text_of(session.point_part(index, "heading")),
            lines_of(session.point_part(index, "points")),
            text_of(ja.get("heading")) if japanese else None,
            lines_of(ja.get("points")) if japanese else None,
        )))
        if answer is None:
            return
        was_mapping = isinstance(session.point_part(index, "ja"), dict)
        changed = session.set_point_part(index, "heading", clean_line(answer.heading))
        changed |= session.set_point_part(index, "points", clean_lines(answer.sub_points))
        if answer.ja_heading is not None and answer.ja_sub_points is not None:
            changed |= session.set_point_ja_part(index, "heading", clean_line(answer.ja_heading))
            changed |= session.set_point_ja_part(index, "points",
                                                 clean_lines(answer.ja_sub_points))
        if was_mapping != isinstance(session.point_part(index, "ja"), dict):
            await self.rebuild_list(LISTS["points"])  # its Japanese box edits another loc now
        for point in self.query(PointArea):
            if point.index == index:
                point.update_labels()
        self.focus_loc(("points", index))
        if changed:
            self.after_change()

    def focus_loc(self, loc: Loc) -> bool:
        for widget in self.form.query("*"):
            if isinstance(widget, Bound) and widget.loc == tuple(loc):
                widget.focus()
                # After a recompose the form's size is known one refresh later: scroll then,
                # or a point added at the end is focused out of sight.
                self.call_after_refresh(
                    self.call_after_refresh, widget.scroll_visible, animate=False
                )
                return True
        return False

    def focus_near(self, loc: Loc) -> None:
        """Focus the control at `loc`, or the first one inside it, or its section's."""
        probe = tuple(loc)
        while probe:
            controls = [
                w
                for w in self.form.query("*")
                if isinstance(w, Bound) and tuple(w.loc[: len(probe)]) == probe
            ]
            if controls:
                controls[0].focus()
                self.call_after_refresh(controls[0].scroll_visible, animate=False)
                return
            probe = probe[:-1]

    # -- undo and redo ------------------------------------------------------------------------
    async def action_undo(self) -> None:
        await self.all_mounted()
        await self.write_focused()
        await self.show_step(self.session.undo(), "Undone")

    async def action_redo(self) -> None:
        await self.all_mounted()
        await self.write_focused()
        await self.show_step(self.session.redo(), "Redone")

    async def write_focused(self) -> None:
        """The focused control's value into the session now. A key binding (Ctrl+Z) can
        run before the control has taken the keys typed just before it in the same burst
        (`UN`, then Ctrl+Z): wait until it has, so that an undo sees those edits first."""
        control = self.focused
        if isinstance(control, Bound):
            await control.wait_for_refresh()
            self.write_control(control)

    async def show_step(self, step: Step | None, done: str) -> None:
        """Show the data an undo or redo changed, and move to it."""
        if step is None:
            self.say("Nothing to undo" if done == "Undone" else "Nothing to redo")
            return
        await self.show_unit(step)
        self.focus_near(step.loc)
        what = {"remove": "removal", "add": "addition", "move": "move", "rename": "renaming"}
        self.say(f"{done}: {what.get(step.what, 'edit')} in {dotted(step.unit) or 'the readout'}")
        self.after_change(self.focused if isinstance(self.focused, Bound) else None)
        for card in self.query(ParticipantCard):
            card.refresh_name()

    async def show_unit(self, step: Step) -> None:
        """Show again the part of the form that holds what a step changed."""
        unit = step.unit
        items = next((i for i in LISTS.values() if i.loc == tuple(unit)), None)
        if step.what == "rename":  # a field may have come into the form, or left it
            await self.form.recompose()
            self.forget_targets()
        elif items is not None:
            await self.rebuild_list(items)
        else:
            for widget in self.form.query("*"):
                if isinstance(widget, Bound) and tuple(widget.loc[: len(unit)]) == unit:
                    widget.show_data(self.session)
                if isinstance(widget, PointText) and ("points", widget.index) == unit:
                    widget.update_labels()
            follow_ons = self.query_one(FollowOnsEditor)
            if unit == ("meeting",) and len(follow_ons.cards()) != len(follow_ons.entries()):
                await self.rebuild_list(LISTS["follow_ons"])  # a follow-on added or removed

    # -- preview and panels ---------------------------------------------------------------------
    def action_toggle_preview(self) -> None:
        if self.has_class("-wide"):
            self.toggle_class("-hide-preview")
            return
        if self.has_class("-preview-only"):
            self.leave_preview_only()
        else:
            self._focus_before_preview = self.focused
            self.add_class("-preview-only")
            self.preview.page.focus()

    def leave_preview_only(self) -> None:
        if self.has_class("-preview-only"):
            self.remove_class("-preview-only")
            if self._focus_before_preview is not None and self._focus_before_preview.is_attached:
                self._focus_before_preview.focus()

    def action_all_fields(self) -> None:
        """F10: show or hide the edition-2 fields; they stay while the readout uses them."""
        form = self.form
        showing = form.has_class(SHOW_ALL)
        if showing and uses_edition_2(self.session.data):
            self.notify("This readout uses some of these fields: they stay shown.")
            return
        form.show_all_fields(not showing)
        if not showing:
            self.query_one("#notice").focus()

    def action_toggle_language(self) -> None:
        """F12: the preview shows the English page, or the Japanese page."""
        preview = self.preview
        preview.set_language("ja" if preview.lang == "en" else "en")
        preview.text = ""  # a new page, not an edit of the one shown
        self.remove_class("-hide-preview")  # wide: the preview shows what was switched to
        self.check_now()

    def action_problems(self) -> None:
        self.problems.focus()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    # -- export -------------------------------------------------------------------------------
    def action_export(self) -> None:
        result = self.check_now()
        for notice in export_pages(self.session.path, result, self.config):
            self.tell(notice)

    # -- saving and quitting ----------------------------------------------------------------------
    @work(exclusive=True, group="save")
    async def action_save(self) -> None:
        try:
            await self.save_flow()
        except Exception as exc:  # never a traceback: the data stays in the editor
            self.notify(f"Not saved: {type(exc).__name__}: {exc}", severity="error", timeout=10)

    async def save_flow(self) -> bool:
        result = self.check_now()
        session = self.session
        target = session.path
        if target is not None and session.changed_on_disk():
            answer = await self.app.push_screen_wait(
                ChoiceDialog(
                    "Changed on disk",
                    f"{target.name} was changed on disk after you opened it (by another "
                    "program or editor). Overwrite it with the version in this editor?",
                    [("Overwrite", "overwrite", "o"), ("Cancel", "cancel", "c")],
                )
            )
            if answer != "overwrite":
                self.notify("Not saved: the file on disk is unchanged.")
                return False
        name, problem = "", ""
        while True:
            if session.path is None:  # a new readout: ask for a name, again after a failure
                target = await self.ask_file_name(name, problem)
                if target is None:
                    self.notify("Not saved.")
                    return False
                name = str(target)
            assert target is not None
            try:
                saved = session.save(target)
            except OSError as exc:
                problem = f"Cannot save {target}: {exc.strerror or exc}."
                if session.path is None:
                    continue  # the draft is kept; another name or folder may work
                self.notify(
                    f"{problem} Your changes are still here.",
                    title="Not saved",
                    severity="error",
                    timeout=10,
                )
                return False
            break
        self.update_title()
        self.tell(saved_notice(saved, result, self.config))
        return True

    async def ask_file_name(self, name: str, problem: str) -> Path | None:
        """A new readout's file name (None: the author cancelled)."""
        while True:
            answer = await self.app.push_screen_wait(SaveAsDialog(name, problem))
            if not answer:
                return None
            target = Path(answer)
            if not target.exists():
                return target
            choice = await self.app.push_screen_wait(
                ChoiceDialog(
                    "File exists",
                    f"{target} already exists. Overwrite it?",
                    [("Overwrite", "overwrite", "o"), ("Cancel", "cancel", "c")],
                )
            )
            if choice == "overwrite":
                return target
            name, problem = answer, ""

    @work(exclusive=True, group="quit")
    async def action_quit(self) -> None:
        if self.session.dirty:
            answer = await self.app.push_screen_wait(
                ChoiceDialog(
                    "Unsaved changes",
                    "This readout has changes that are not saved. Save them before quitting?",
                    [
                        ("Save", "save", "s"),
                        ("Discard", "discard", "d"),
                        ("Cancel", "cancel", "c"),
                    ],
                )
            )
            if answer == "cancel":
                return
            if answer == "save" and not await self.save_flow():
                return
        self.session.discard_draft()
        self.app.exit(0)

    # -- recovery draft -------------------------------------------------------------------------
    def write_draft(self) -> None:
        """Write the recovery draft if it is due, in a worker thread: a disk's fsync must
        not hold up the typing."""
        due = self.session.draft_due()
        if due is not None:
            self.run_worker(partial(self._write_draft, *due), thread=True, group="draft")

    def _write_draft(self, file: Path | None, text: str, epoch: int) -> None:
        try:
            self.session.draft.write(file, text, epoch)
        except (OSError, ValueError) as exc:  # ValueError: a file name holding a NUL
            # a message (thread-safe, and never waits: the app may be closing meanwhile)
            self.post_message(DraftFailed(exc))

    @on(DraftFailed)
    def _draft_failed(self, event: DraftFailed) -> None:
        exc = event.error
        self.session.drafted_generation = -1  # try again at the next interval
        if not self._draft_error_shown:
            self._draft_error_shown = True
            self.notify(
                f"Cannot write the recovery draft: {getattr(exc, 'strerror', None) or exc}",
                severity="warning",
            )

    @work(exclusive=True, group="restore")
    async def offer_drafts(self, drafts: list[Draft]) -> None:
        """List the drafts other sessions left; restore or discard them one at a time."""
        while drafts:
            path = self.session.path
            answer = await self.app.push_screen_wait(
                DraftsDialog([d.describe() for d in drafts], path.name if path else None)
            )
            if answer is None:
                return
            action, index = answer
            draft = drafts[min(index, len(drafts) - 1)]
            if action == "discard":
                draft.remove()
                drafts.remove(draft)
                self.notify(f"Discarded the recovery draft of {draft.label()}.")
                continue
            if draft.data is None:
                self.notify(
                    f"This draft cannot be read; it stays at {draft.path}.", severity="error"
                )
                continue
            await self.restore_draft(draft)
            return

    async def restore_draft(self, draft: Draft) -> None:
        await self.all_mounted()
        session = self.session
        if draft.file is not None and draft.file != session.path:
            try:  # a draft of another readout, chosen in bare `author`: open that file
                other = EditSession.open(draft.file, self.config)
            except OpenFailed as exc:
                self.notify(f"Cannot open {draft.file}: {exc}", severity="error")
                return
            session.discard_draft()
            session = self.session = self.form.session = other
        session.restore(draft)
        self.form.show_all_fields(uses_edition_2(session.data) or self.form.has_class(SHOW_ALL))
        self.form.show_japanese(uses_japanese(session.data) or self.form.has_class(SHOW_JAPANESE))
        await self.form.recompose()
        self.forget_targets()
        self.query_one("#section").focus()
        self.update_title()
        self.check_now()
        self.notify(f"Restored the recovery draft of {draft.label()}; Ctrl+S saves it.")


def text_of(value: Any) -> str:
    return value if isinstance(value, str) else ""


def lines_of(value: Any) -> str:
    return "\n".join(str(item) for item in value) if isinstance(value, list) else ""


def clean_line(text: str) -> str | None:
    return without_controls(text).strip() or None


def clean_lines(text: str) -> list[str] | None:
    return lines_or_none(without_controls(text))
