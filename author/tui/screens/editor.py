"""The editor screen: the form, the live preview, and the problems list.

Data flow (one validator): each bound control writes its value into `EditSession.data`
(the YAML's shape); a throttled check writes that data as the file's text (the text opened,
edited where the data changed: `author/tui/faithful.py`), runs `check_text` — the CLI's
validator — and maps the diagnostics back to the fields by `loc`.
The preview is `render(readout, "text")` whenever the readout is valid.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import Any, ClassVar

from textual import events, on, work
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Checkbox, Header, Input, Select, TextArea

from author.check import CheckResult, check_text
from author.config import Config
from author.diagnostics import Diagnostic, Loc, dotted
from author.extras import installed
from author.pages import PAGE_SUFFIXES, page_path, rendered_siblings
from author.render import RenderError, render
from author.tui.allfields import EDITION_2_FIELD, SHOW_ALL, uses_edition_2
from author.tui.drafts import Draft
from author.tui.history import Step
from author.tui.keys import bindings
from author.tui.screens.dialogs import (
    ChoiceDialog,
    DraftsDialog,
    PointDetailsDialog,
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
from author.tui.widgets.points import PointsEditor, PointText
from author.tui.widgets.preview import Preview
from author.tui.widgets.problems import ProblemsList

WIDE = 110  # columns from which the preview sits beside the form


class Form(VerticalScroll, can_focus=False):
    """Everything the author fills in, top to bottom."""

    def __init__(self, session: EditSession, config: Config) -> None:
        super().__init__(id="form")
        self.session = session
        self.config = config
        self.show_all_fields(uses_edition_2(session.data))

    def show_all_fields(self, show: bool = True) -> None:
        """Show (or hide) the edition-2 fields (author/tui/allfields.py)."""
        self.set_class(show, SHOW_ALL)

    def compose(self) -> ComposeResult:
        yield HeaderForm(self.session, self.config)
        for side in SIDES:
            yield ParticipantsEditor(self.session, side)
        yield PointsEditor(self.session)


class EditorScreen(Screen[None]):
    AUTO_FOCUS = "#section"
    BINDINGS: ClassVar[list[BindingType]] = bindings("editor")  # author/tui/keys.py

    CHECK_INTERVAL = 0.1  # while typing, at most one check per 100 ms
    DRAFT_INTERVAL = 0.5  # the recovery draft trails the typing by at most this

    def __init__(self, session: EditSession, config: Config) -> None:
        super().__init__(id="editor")
        self.session = session
        self.config = config
        self.result: CheckResult | None = None
        self._check_timer: Timer | None = None
        self._last_check = 0.0
        self._targets: list[tuple[Loc, ProblemTarget]] | None = None
        self._shown: dict[int, list[Diagnostic]] = {}
        self._draft_error_shown = False
        self._focus_before_preview: Widget | None = None
        self.checks_run = 0
        self.preview_painted_at = 0.0  # time.perf_counter() of the last preview paint

    # -- layout ---------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        self.set_class(self.app.size.width >= WIDE, "-wide")
        yield Header(icon="")
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
        drafts = self.session.left_drafts()
        if drafts:
            self.offer_drafts(drafts)
        self.call_after_refresh(self._first_paint)

    async def _first_paint(self) -> None:
        app = self.app
        if hasattr(app, "first_paint_at") and not app.first_paint_at:
            app.first_paint_at = time.perf_counter()
        await self.all_mounted()
        self.call_after_refresh(self._complete)

    def _complete(self) -> None:
        app = self.app
        if hasattr(app, "complete_at") and not app.complete_at:
            app.complete_at = time.perf_counter()  # every point mounted and painted

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

    # -- edits ----------------------------------------------------------------------------
    @on(Input.Changed)
    @on(TextArea.Changed)
    @on(Select.Changed)
    @on(Checkbox.Changed)
    def _control_changed(self, event: Any) -> None:
        control = event.control
        if isinstance(control, Bound):
            self.write_control(control)

    def write_control(self, control: Bound) -> None:
        if not control.is_edit():
            return  # controls report the value they were built with; that is no edit
        raw = control.raw_value()
        if isinstance(raw, str) and (clean := without_controls(raw)) != raw:
            control.replace_raw(clean)
            self.notify(
                "Removed control characters (such as ESC, DEL or NUL, from pasted terminal "
                "output): a readout cannot hold them.",
                severity="warning",
            )
        value = control.data_value()
        session, loc = self.session, control.loc
        if control.writer.startswith("point:"):
            changed = session.set_point_part(int(loc[1]), control.writer[6:], value)
        else:
            unset = session.get(loc) is None
            if control.default is not None and unset and value == control.default:
                return
            changed = session.set(loc, value)
        if not changed:
            return
        self.after_change(control)

    def after_change(self, control: Bound | None = None) -> None:
        self.update_title()
        if control is not None:
            loc = control.loc
            if loc[:1] in (("meeting",), ("phrasing",)):
                self.query_one(HeaderForm).refresh_derived()
            if isinstance(control, Widget):
                for ancestor in control.ancestors:
                    if isinstance(ancestor, ParticipantCard):
                        ancestor.refresh_name()
                        break
        self.schedule_check()

    def schedule_check(self) -> None:
        """Check soon: at once after a pause in typing, at most every CHECK_INTERVAL."""
        if self._check_timer is not None:
            return
        delay = self._last_check + self.CHECK_INTERVAL - time.monotonic()
        self._check_timer = self.set_timer(max(delay, 0.001), self.check_now)

    def check_now(self) -> CheckResult:
        """Validate the data as it stands and update problems and preview (tests call this
        to wait for the throttled check deterministically)."""
        if self._check_timer is not None:
            self._check_timer.stop()
            self._check_timer = None
        name = str(self.session.path) if self.session.path else "<new readout>"
        self._last_check = time.monotonic()
        try:
            result = check_text(self.session.yaml_text(), name, self.config)
        except Exception as exc:  # a bug in a rule must not cost the author their work
            self.notify(
                f"The check failed: {type(exc).__name__}: {exc}. Your text is kept; "
                "please report this.",
                severity="error",
            )
            return self.result or CheckResult(name)
        self.result = result
        if result.readout is not None:
            try:
                page = render(result.readout, "text", config=self.config)
            except Exception as exc:  # RenderError, or a bug: keep the last good page
                reason = str(exc) if isinstance(exc, RenderError) else f"{type(exc).__name__}"
                self.notify(reason, title="Preview", severity="error")
            else:
                self.preview.show_page(page)
        errors = len(result.errors)
        self.preview.show_status(errors, len(result.diagnostics) - errors)
        self.problems.show(result.diagnostics)
        self.show_field_problems(result.diagnostics)
        self.checks_run += 1
        self.call_after_refresh(self._preview_painted)
        return result

    def _preview_painted(self) -> None:
        self.preview_painted_at = time.perf_counter()

    # -- problems at their fields -----------------------------------------------------------
    def problem_targets(self) -> list[tuple[Loc, ProblemTarget]]:
        if self._targets is None:
            targets: list[tuple[Loc, ProblemTarget]] = []
            for widget in self.form.query("*"):
                if isinstance(widget, ProblemTarget):
                    targets.extend((loc, widget) for loc in widget.target_locs())
            self._targets = targets
        return self._targets

    def target_for(self, loc: Loc) -> ProblemTarget | None:
        by_loc = dict(self.problem_targets())
        probe = tuple(loc)
        while probe:
            if probe in by_loc:
                return by_loc[probe]
            probe = probe[:-1]
        for target_loc, target in self.problem_targets():
            if loc and target_loc[: len(loc)] == tuple(loc):
                return target
        return None

    def show_field_problems(self, diagnostics: list[Diagnostic]) -> None:
        grouped: dict[int, list[Diagnostic]] = {}
        for d in diagnostics:
            target = self.target_for(d.loc)
            if target is not None:
                grouped.setdefault(id(target), []).append(d)
        for _, target in self.problem_targets():
            mine = grouped.get(id(target), [])
            if self._shown.get(id(target), []) != mine:
                target.show_problems(mine)
                self._shown[id(target)] = mine

    def forget_targets(self) -> None:
        self._targets = None
        self._shown = {}

    @on(PointsEditor.Mounted)
    def _points_mounted(self) -> None:
        self.forget_targets()
        if self.result is not None:
            self.show_field_problems(self.result.diagnostics)

    @on(ProblemsList.Chosen)
    def _problem_chosen(self, event: ProblemsList.Chosen) -> None:
        target = self.target_for(event.diagnostic.loc)
        if target is None:
            self.notify("This problem has no field in the form.", severity="warning")
            return
        self.leave_preview_only()
        if isinstance(target, Widget) and any(
            w.has_class(EDITION_2_FIELD) for w in target.ancestors_with_self
        ):
            self.form.show_all_fields()
        target.focus_problem()

    # -- structure: add, remove, move ---------------------------------------------------------
    def focused_key(self) -> str | None:
        focused = self.focused
        if isinstance(focused, Bound):
            if focused.writer.startswith("point:"):
                return focused.writer
            return str(focused.loc[-1])
        return None

    @on(ParticipantCard.Edit)
    async def _participant_edit(self, event: ParticipantCard.Edit) -> None:
        event.stop()
        side, index = event.side, event.index
        key = self.focused_key() or "honorific"
        if event.action == "add":
            index = self.session.insert(side, index + 1, {})
            key = "honorific"
        elif event.action == "delete":
            removed = self.session.get((side, index))
            self.session.remove(side, index)
            index = min(index, len(self.session.items(side)) - 1)
            if filled(removed):
                who = "Principal" if side == "principals" else "Counterpart"
                name = rendered_name(removed, side == "principals", True).split(",")[0]
                named = f" ({name})" if name else ""
                self.say(f"{who} {event.index + 1}{named} removed; Ctrl+Z to undo")
        else:
            moved = self.session.move(side, index, event.delta)
            if moved is None:
                self.app.bell()
                return
            index = moved
        await self.query_one(f"#{side}-editor", ParticipantsEditor).recompose()
        self.forget_targets()
        if index >= 0:
            self.focus_loc((side, index, key))
        else:
            self.query_one(f"#add-{side}").focus()
        self.after_change()

    @on(PointText.Edit)
    async def _point_edit(self, event: PointText.Edit) -> None:
        event.stop()
        index = event.index
        if event.action == "details":
            self.edit_point_details(index)
            return
        if event.action == "add":
            index = self.session.insert("points", index + 1, "")
        elif event.action == "delete":
            removed = self.session.get(("points", index))
            self.session.remove("points", index)
            index = min(index, len(self.session.items("points")) - 1)
            if filled(removed):
                self.say(f"Point {event.index + 1} removed; Ctrl+Z to undo")
        else:
            moved = self.session.move("points", index, event.delta)
            if moved is None:
                self.app.bell()
                return
            index = moved
        points_editor = self.query_one(PointsEditor)
        points_editor.lazy = False
        await points_editor.recompose()
        self.forget_targets()
        if index >= 0:
            self.focus_loc(("points", index))
        else:
            self.query_one("#add-point").focus()
        self.after_change()

    @work(exclusive=True, group="details")
    async def edit_point_details(self, index: int) -> None:
        heading = self.session.point_part(index, "heading")
        subs = self.session.point_part(index, "points")
        answer = await self.app.push_screen_wait(
            PointDetailsDialog(
                index + 1,
                heading if isinstance(heading, str) else "",
                "\n".join(str(s) for s in subs) if isinstance(subs, list) else "",
            )
        )
        if answer is None:
            return
        new_heading, new_subs = (without_controls(text) for text in answer)
        changed = self.session.set_point_part(index, "heading", new_heading.strip() or None)
        changed |= self.session.set_point_part(index, "points", lines_or_none(new_subs))
        for point in self.query(PointText):
            if point.index == index:
                point.update_labels()
                point.focus()
        if changed:
            self.after_change()

    async def all_mounted(self) -> None:
        """Mount the points still waiting (a long readout mounts them after first paint)."""
        await self.query_one(PointsEditor).mount_rest()

    def focus_loc(self, loc: Loc) -> bool:
        for widget in self.form.query("*"):
            if isinstance(widget, Bound) and widget.loc == tuple(loc):
                widget.focus()
                self.call_after_refresh(widget.scroll_visible, animate=False)
                return True
        return False

    # -- undo and redo ------------------------------------------------------------------------
    async def action_undo(self) -> None:
        await self.show_step(self.session.undo(), "Undone")

    async def action_redo(self) -> None:
        await self.show_step(self.session.redo(), "Redone")

    async def show_step(self, step: Step | None, done: str) -> None:
        """Show the data an undo or redo changed, and move to it."""
        if step is None:
            self.say("Nothing to undo" if done == "Undone" else "Nothing to redo")
            return
        unit = step.unit
        if len(unit) == 1 and unit[0] in SIDES:
            await self.query_one(f"#{unit[0]}-editor", ParticipantsEditor).recompose()
            self.forget_targets()
        elif len(unit) == 1 and unit[0] == "points":
            points_editor = self.query_one(PointsEditor)
            points_editor.lazy = False
            await points_editor.recompose()
            self.forget_targets()
        else:
            for widget in self.form.query("*"):
                if isinstance(widget, Bound) and tuple(widget.loc[: len(unit)]) == unit:
                    widget.show_data(self.session)
                if isinstance(widget, PointText) and ("points", widget.index) == unit:
                    widget.update_labels()
            follow_ons = self.query_one(FollowOnsEditor)
            if unit == ("meeting",) and len(follow_ons.cards()) != len(follow_ons.entries()):
                await follow_ons.recompose()  # a follow-on added or removed comes back
                self.forget_targets()
        self.focus_near(step.loc)
        what = {"remove": "removal", "add": "addition", "move": "move"}.get(step.what, "edit")
        self.say(f"{done}: {what} in {dotted(unit)}")
        self.after_change(self.focused if isinstance(self.focused, Bound) else None)
        for card in self.query(ParticipantCard):
            card.refresh_name()

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

    def say(self, message: str) -> None:
        """A short message in the status line (a notice at the bottom right)."""
        self.notify(message, timeout=6)

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

    def action_problems(self) -> None:
        self.problems.focus()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen())

    # -- export -------------------------------------------------------------------------------
    def action_export(self) -> None:
        result = self.check_now()
        if result.readout is None or result.errors:
            count = len(result.errors)
            self.notify(
                f"Cannot export: fix the {count} error{'s' * (count != 1)} first (F3 lists them).",
                severity="error",
            )
            return
        if self.session.path is None:
            self.notify("Save the readout first (Ctrl+S): the pages go next to its file.")
            return
        from author.yamlio import write_atomic

        path = self.session.path
        written = []
        try:
            for fmt in PAGE_SUFFIXES:
                target = page_path(path, fmt)
                write_atomic(target, render(result.readout, fmt, config=self.config))
                written.append(target.name)
            if installed("docx"):  # the Word document, with the author[docx] extra
                from author.word import readout_docx

                target = page_path(path, "docx")
                write_atomic(target, readout_docx(result.readout, self.config))
                written.append(target.name)
        except (OSError, RenderError) as exc:
            reason = getattr(exc, "strerror", None) or str(exc)
            self.notify(f"Export failed: {reason}", severity="error", timeout=8)
            return
        self.notify("Exported " + ", ".join(written), title="Export")

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
        self.report_saved(saved, result)
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

    def report_saved(self, saved: Path, result: CheckResult) -> None:
        """Say what was saved, what the errors mean, and which exported pages are now out
        of date."""
        stale = stale_pages(saved, result, self.config)
        errors = len(result.errors)
        if errors:
            message = (
                f"Saved {saved.name} with {errors} error{'s' * (errors != 1)}; the page "
                "cannot be rendered until they are fixed (F3 lists them)."
            )
        else:
            message = f"Saved {saved.name}."
        if stale:
            names = ", ".join(page.name for page in stale)
            message += f" Out of date now: {names}" + (
                " (F4 exports them again once the errors are fixed)."
                if errors
                else " (F4 exports them again)."
            )
        self.notify(
            message,
            title="Saved with errors" if errors else "Saved",
            severity="warning" if errors or stale else "information",
            timeout=10 if errors or stale else 4,
        )

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
        try:
            self.session.write_draft()
        except (OSError, ValueError) as exc:  # ValueError: a file name holding a NUL
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
        session = self.session
        if draft.file is not None and draft.file != session.path:
            try:  # a draft of another readout, chosen in bare `author`: open that file
                other = EditSession.open(draft.file, self.config)
            except OpenFailed as exc:
                self.notify(f"Cannot open {draft.file}: {exc}", severity="error")
                return
            session.discard_draft()
            session = self.session = self.app.session = self.form.session = other
        session.restore(draft)
        self.form.show_all_fields(uses_edition_2(session.data) or self.form.has_class(SHOW_ALL))
        await self.form.recompose()
        self.forget_targets()
        self.query_one("#section").focus()
        self.update_title()
        self.check_now()
        self.notify(f"Restored the recovery draft of {draft.label()}; Ctrl+S saves it.")


def filled(value: Any) -> bool:
    """Whether a participant or point holds anything the author typed."""
    if isinstance(value, dict):
        return any(filled(v) for v in value.values())
    if isinstance(value, list):
        return any(filled(v) for v in value)
    return value not in (None, "") and not (isinstance(value, str) and not value.strip())


def stale_pages(readout: Path, result: CheckResult, config: Config) -> list[Path]:
    """The pages exported beside `readout` that no longer match it."""
    pages = rendered_siblings(readout)
    if result.errors or result.readout is None:
        stale = list(pages.values())
    else:
        stale = []
        for fmt, page in pages.items():
            try:
                current = page.read_text(encoding="utf-8")
                fresh = render(result.readout, fmt, config=config)
            except (OSError, UnicodeDecodeError, RenderError):
                continue
            if current != fresh:
                stale.append(page)
    document = page_path(readout, "docx")
    if document.is_file() and (result.errors or stale):
        stale.append(document)
    return stale
