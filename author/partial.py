"""The page as far as the facts go: a readout with errors rendered with visible gaps.

`partial_page(data)` is what the editor previews while a readout still has errors (from the
first keystroke of a new one): every value the validator refuses or misses is replaced by a
gap, the readout is validated again, and the page is rendered by the same templates and
rules as `author render` — only the gaps read `[start time]`, `[counterpart]`, `[section]`.
A complete, valid readout never comes here: it renders exactly as `author render` prints it.
"""

from __future__ import annotations

import copy
import dataclasses
from typing import Any

from pydantic import ValidationError

from author.check import _clean_loc
from author.config import Config
from author.model import Readout
from author.render import RenderError, render

# A start the page can be derived from; its date, time and home time read as gaps.
GAP_START = "1900-01-01 00:00"
GAP_DURATION = 1  # a duration that stands in for one the validator refuses (a gap)
# Values the page shows as written, in brackets, when the validator refuses them: a kind
# (`held a [meting] with`) and a duration (`for [25 minuets]`).
AS_WRITTEN: dict[tuple[str | int, ...], str] = {
    ("meeting", "kind"): "kind",
    ("meeting", "duration"): "duration",
}
ROUNDS = 12  # each round fills the gaps one validation found; a readout needs few


def _person(side: str) -> dict[str, str]:
    noun = "principal" if side == "principals" else "counterpart"
    return {"display_name": f"[{noun}]", "title": "[title]"}


def _gap_for(loc: tuple[Any, ...]) -> tuple[str, Any] | None:
    """How the value at `loc` is filled: ("set", value), ("drop", None), or None."""
    top = loc[0] if loc else None
    if loc == ("section",):
        return "set", "[section]"
    if loc == ("meeting",):
        return "set", {}
    if loc == ("meeting", "kind"):
        return "set", "meeting"
    if loc == ("meeting", "start"):
        return "set", GAP_START
    if loc == ("meeting", "duration"):
        return "set", GAP_DURATION
    if top in ("principals", "counterparts"):
        if len(loc) == 1:
            return "set", [_person(str(top))]
        if len(loc) == 2:
            return "set", _person(str(top))
        if loc[2] == "title":
            return "set", "[title]"
        if loc[2] in ("family_name", "display_name", "given_name"):
            return "set", "[name]"
        return "drop", None
    if top == "points":
        return ("set", ["[point]"]) if len(loc) == 1 else ("point", "[point]")
    if len(loc) >= 1:
        return "drop", None
    return None


def _parent(work: dict[str, Any], loc: tuple[Any, ...]) -> Any:
    """The mapping or list that holds the value at `loc` (None: nothing does)."""
    node: Any = work
    for part in loc[:-1]:
        try:
            node = node[part]
        except (KeyError, IndexError, TypeError):
            return None
    return node


def _in_list(node: Any, key: Any) -> bool:
    return isinstance(node, list) and isinstance(key, int) and 0 <= key < len(node)


def _apply(work: dict[str, Any], loc: tuple[Any, ...], how: str, value: Any) -> bool:
    """Fill the gap at `loc` as `_gap_for` says; False when nothing changed."""
    node, last = _parent(work, loc), loc[-1]
    if how == "point":  # a point: the item itself, or (a part of it refused) the whole item
        if _in_list(node, last):
            node[last] = value
            return True
        return _apply(work, loc[:2], "set", value)
    if how == "drop":
        if isinstance(node, dict) and last in node:
            del node[last]
            return True
        if _in_list(node, last):
            del node[last]
            return True
        return False
    if isinstance(node, dict) or _in_list(node, last):
        node[last] = value
        return True
    return False


def _prefill(work: dict[str, Any]) -> None:
    """An empty participant is a gap for the whole person; an empty point, a gap."""
    for side in ("principals", "counterparts"):
        people = work.get(side)
        if isinstance(people, list):
            work[side] = [
                _person(side) if not person or (isinstance(person, dict) and not any(
                    v not in (None, "") for v in person.values()
                )) else person
                for person in people
            ]
    points = work.get("points")
    if isinstance(points, list):
        work["points"] = [
            "[point]" if point is None or (isinstance(point, str) and not point.strip()) else point
            for point in points
        ]


def _written(work: dict[str, Any], loc: tuple[Any, ...]) -> str:
    """The value at `loc` as the author wrote it ("" when there is none)."""
    node: Any = work
    for part in loc:
        if not isinstance(node, dict) or part not in node:
            return ""
        node = node[part]
    return "" if node is None else str(node).strip()


def _fill_gaps(work: dict[str, Any], exc: ValidationError, gaps: dict[str, str]) -> bool:
    """Fill the gaps one validation found, noting in `gaps` what the page must show as a
    gap: a time zone refused, a kind or duration as written; False when none could be
    filled."""
    changed = False
    for error in exc.errors(include_url=False):
        loc = _clean_loc(error["loc"])
        ctx = error.get("ctx") or {}
        if "field" in ctx:
            loc = (*loc, ctx["field"])
        elif "sibling" in ctx:
            loc = (*loc[:-1], ctx["sibling"])
        gap = ("drop", None) if error["type"] == "extra_forbidden" else _gap_for(loc)
        if loc == ("meeting", "timezone"):
            gaps["timezone"] = ""  # the local time stands; the home time is a gap
        if loc in AS_WRITTEN and (written := _written(work, loc)):
            gaps[AS_WRITTEN[loc]] = written
        if gap is not None and _apply(work, loc, *gap):
            changed = True
    return changed


def partial_readout(
    data: Any, config: Config | None = None
) -> tuple[Readout, dict[str, str]] | None:
    """A valid readout made from `data` with its gaps filled, and the gaps the page must
    show (`start`, `timezone`; `kind` and `duration` with the text written); None when the
    data cannot be made into one."""
    if not isinstance(data, dict):
        return None
    config = config or Config()
    work = copy.deepcopy(data)
    _prefill(work)
    gaps: dict[str, str] = {}
    for _ in range(ROUNDS):
        try:
            readout = Readout.model_validate(work, context={"home_zone": config.home_zone})
        except ValidationError as exc:
            if not _fill_gaps(work, exc, gaps):
                return None
            continue
        meeting = work.get("meeting")
        if isinstance(meeting, dict) and meeting.get("start") == GAP_START:
            gaps["start"] = ""
        return readout, gaps
    return None


def partial_page(data: Any, fmt: str = "text", config: Config | None = None) -> str | None:
    """The page of `data` so far, with gaps; None when nothing can be shown."""
    made = partial_readout(data, config)
    if made is None:
        return None
    readout, gaps = made
    label = (config or Config()).home_label

    def with_gaps(context: dict[str, Any]) -> dict[str, Any]:
        lead = context["lead_parts"]
        if "start" in gaps:
            lead = dataclasses.replace(lead, date="[date]", clock="[start time]", home=None)
            if readout.published is None:
                context["date_line"] = "[date]"
        elif "timezone" in gaps and lead.clock:
            lead = dataclasses.replace(lead, home=f"(local time; [{label} time])")
        if "duration" in gaps and lead.duration:
            lead = dataclasses.replace(lead, duration=f"[{gaps['duration']}]")
        if "kind" in gaps:  # the kind as written: `held a [meting] with`
            kind = f"[{gaps['kind']}]"
            lead = dataclasses.replace(
                lead,
                verb=lead.verb.replace("a meeting", f"a {kind}", 1),
                closing=lead.closing.replace("the meeting", f"the {kind}", 1),
            )
        for noun in ("principal", "counterpart"):
            lead = dataclasses.replace(
                lead,
                principals=lead.principals.replace(f"[{noun}], [title]", f"[{noun}]"),
                counterparts=lead.counterparts.replace(f"[{noun}], [title]", f"[{noun}]"),
            )
        context["lead_parts"] = lead
        context["lead"] = lead.sentence
        return context

    try:
        return render(readout, fmt, config=config, context_filter=with_gaps)
    except RenderError:
        return None
