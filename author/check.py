"""The one validator: bytes or text → load → model → lint → diagnostics.

The CLI (`render`, `validate`), the pre-commit hook and the TUI all call `check_text` /
`check_file`; none of them holds a rule of its own.
"""

from __future__ import annotations

import errno
import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from author.config import Config
from author.diagnostics import Diagnostic, Loc, dotted, in_order
from author.lint import lint
from author.loader import Document, LoadFailed, Span, decode, load_document
from author.model import (
    FollowOn,
    Meeting,
    MeetingJa,
    Participant,
    ParticipantJa,
    Photo,
    Phrasing,
    PointItem,
    PointJaItem,
    Readout,
    ReadoutJa,
    counterparts_problem_in,
    published_problem_in,
)
from author.suggest import closest, hint


@dataclass
class CheckResult:
    path: str
    diagnostics: list[Diagnostic] = field(default_factory=list)
    readout: Readout | None = None
    # The loaded file, when the loader read all of it; None when it had to skip a part
    # (a duplicate key, a bad key or tag): data that a save would write back incomplete.
    document: Document | None = None
    unreadable: bool = False  # the file could not be read at all (exit status 2)

    @property
    def errors(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if d.is_error]

    @property
    def warnings(self) -> list[Diagnostic]:
        return [d for d in self.diagnostics if not d.is_error]

    def failed(self, strict: bool = False) -> bool:
        return bool(self.errors) or (strict and bool(self.warnings))


def check_file(path: str | Path, config: Config | None = None) -> CheckResult:
    """Check one file on disk. `-` reads standard input."""
    config = config or Config()
    name = str(path)
    try:
        if name == "-":
            if sys.stdin is None:  # started with standard input closed (`<&-`)
                raise OSError(errno.EBADF, "standard input is closed")
            raw = _read_capped(sys.stdin.buffer, config.max_bytes)
        else:
            with open(path, "rb") as handle:
                raw = _read_capped(handle, config.max_bytes)
    except OSError as exc:
        reason = exc.strerror or str(exc)
        result = CheckResult(name, unreadable=True)
        result.diagnostics.append(
            Diagnostic(1, 1, "error", "unreadable", f"cannot read file: {reason}", name)
        )
        return result
    return check_bytes(raw, name, config)


_CHUNK = 1 << 16


def _read_capped(handle: Any, limit: int) -> bytes:
    """At most `limit` + 1 bytes. Sized by the file, not by `limit`: `read(limit + 1)`
    allocates a `limit`-sized buffer for every file, which costs more than reading it
    (and fails outright for a huge `max_bytes`). Pipes and devices, whose size is 0, are
    read in chunks up to the cap."""
    try:
        size = os.fstat(handle.fileno()).st_size
    except (OSError, ValueError, AttributeError):  # not a real file (tests, embedding)
        size = 0
    raw = handle.read(min(size, limit) + 1) if size else b""
    if size and not (len(raw) == size + 1 and len(raw) <= limit):
        return raw  # the whole file, or past the cap
    chunks = [raw]
    total = len(raw)
    while total <= limit and (chunk := handle.read(min(_CHUNK, limit + 1 - total))):
        chunks.append(chunk)
        total += len(chunk)
    return b"".join(chunks)


def check_bytes(raw: bytes, path: str = "<stdin>", config: Config | None = None) -> CheckResult:
    config = config or Config()
    if len(raw) > config.max_bytes:
        return CheckResult(
            path,
            [
                Diagnostic(
                    1,
                    1,
                    "error",
                    "too-large",
                    f"file is larger than {config.max_bytes} bytes (max_bytes); a readout is a "
                    "few kilobytes",
                    path,
                )
            ],
        )
    try:
        text = decode(raw, path)
    except LoadFailed as failed:
        return CheckResult(path, failed.diagnostics)
    return check_text(text, path, config, raw=raw)


def check_text(
    text: str, path: str = "<stdin>", config: Config | None = None, *, raw: bytes | None = None
) -> CheckResult:
    """Load, validate and lint one readout's YAML text; every problem in one list."""
    config = config or Config()
    result = CheckResult(path)
    try:
        document = load_document(
            text, path, max_depth=config.max_depth, max_nodes=config.max_nodes, raw=raw
        )
    except LoadFailed as failed:
        result.diagnostics = sorted(failed.diagnostics, key=Diagnostic.sort_key)
        return result
    # What the loader skipped is reported beside what the model and the lint find in
    # the rest: every problem of the file in one run.
    result.diagnostics.extend(document.problems)
    if not document.problems:
        result.document = document
    data = document.data
    if not isinstance(data, dict):
        what = "nothing" if data is None else _kind_of(data)
        span = document.span(())
        result.diagnostics.append(
            Diagnostic(
                span.line,
                span.col,
                "error",
                "not-a-readout",
                f"a readout is a mapping of fields (section:, meeting:, …), but this file holds "
                f"{what}",
                path,
            )
        )
        return result
    try:
        result.readout = _readout(data, config)
    except ValidationError as exc:
        result.diagnostics.extend(_model_problems(exc, data, document, path))
    if document.problems:
        result.readout = None  # part of the file was not read: nothing to render
    result.diagnostics.extend(lint(document, path, config))
    result.diagnostics = in_order(d for d in result.diagnostics if d.code not in config.disable)
    return result


def _readout(data: dict[str, Any], config: Config) -> Readout:
    return Readout.model_validate(data, context={"home_zone": config.home_zone})


def readout_of(data: Any, config: Config | None = None) -> Readout | None:
    """The readout the model makes of `data` (a file's data, as the loader reads it), or
    None when it refuses it: the readout `check_text` renders, without reading a text,
    placing problems or linting. The editor previews what the author typed with it at
    once; its check of the file's text follows."""
    if not isinstance(data, dict):
        return None
    try:
        return _readout(data, config or Config())
    except ValidationError:
        return None


def _model_problems(
    exc: ValidationError, data: dict[str, Any], document: Document, path: str
) -> list[Diagnostic]:
    """The model's errors, and those it could not reach past them."""
    out = _translate(exc, document, path)
    missing = counterparts_problem_in(data)  # needed or not, the loaded role says
    if missing is not None:
        out.extend(_translate(missing, document, path))
    # The model checks `published` against the meeting's date only once the meeting
    # validates; a meeting with another problem still has a date to check against.
    problem = published_problem_in(data)
    if problem is not None:
        span = document.span(("published",))
        out.append(
            Diagnostic(
                span.line, span.col, "error", problem.type, problem.message(), path, ("published",)
            )
        )
    return out


def japanese_page_errors(result: CheckResult) -> list[Diagnostic]:
    """What stops the Japanese page: each Japanese text it needs and lacks, as an error
    (`missing-translation`, a warning in `validate`), whether or not the readout has any
    `ja` block yet, so the list says everything to add."""
    from author.lint_ja import missing_translations

    document = result.document
    if document is None or not isinstance(document.data, dict):
        return []
    out = []
    for loc, message in missing_translations(document.data):
        span = document.span(loc)
        code = "missing-translation"
        out.append(Diagnostic(span.line, span.col, "error", code, message, result.path, loc))
    return out


def for_japanese_page(result: CheckResult, config: Config | None = None) -> None:
    """Hold `result` to what the Japanese page needs (`japanese_page_errors`)."""
    kept = [d for d in result.diagnostics if d.code != "missing-translation"]
    result.diagnostics = in_order(kept + japanese_page_errors(result))


# -- Pydantic errors → diagnostics -----------------------------------------------------------
#
# Each Pydantic error type has a translator: a small function from the error (its loc made
# ours) to the code, message, place and suggestion of one diagnostic. `_translator_for`
# picks it: two rules that read the error's context come first (an empty value, a
# required field), then the table by type, then the model's own codes (`bad-start`, …).

_TAGGED_LISTS = {"points", "photos"}
_JA_TAGS = {"ja-text", "ja-item"}  # the branches of a point's `ja` (model.PointJa)


def _clean_loc(loc: tuple[Any, ...]) -> Loc:
    """Drop the tags Pydantic adds for our discriminated unions (`points.0.item.text`)."""
    out: list[str | int] = []
    parts = list(loc)
    i = 0
    while i < len(parts):
        if parts[i] in _JA_TAGS:
            i += 1
            continue
        out.append(parts[i])
        if (
            isinstance(parts[i], int)
            and len(out) >= 2
            and out[-2] in _TAGGED_LISTS
            and i + 1 < len(parts)
            and parts[i + 1] in ("item", "text")
        ):
            i += 1
        i += 1
    return tuple(out)


def _model_at(loc: Loc) -> type[BaseModel] | None:
    """The model class that holds the mapping at `loc`."""
    model: type[BaseModel] | None = Readout
    nested: dict[tuple[type[BaseModel], str], type[BaseModel]] = {
        (Readout, "meeting"): Meeting,
        (Meeting, "followed_by"): FollowOn,
        (Readout, "principals"): Participant,
        (Readout, "counterparts"): Participant,
        (Readout, "points"): PointItem,
        (Readout, "photos"): Photo,
        (Readout, "phrasing"): Phrasing,
        (Readout, "ja"): ReadoutJa,
        (Meeting, "ja"): MeetingJa,
        (Participant, "ja"): ParticipantJa,
        (PointItem, "ja"): PointJaItem,
    }
    for part in loc:
        if isinstance(part, str):
            model = nested.get((model, part)) if model else None
    return model


def _kind_of(value: Any) -> str:
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, int | float):
        return f"a number ({value})"
    if isinstance(value, str):
        shown = value if len(value) <= 40 else value[:37] + "..."
        return f"text ({shown!r})"
    if isinstance(value, dict):
        return "a mapping"
    if isinstance(value, list):
        return "a list"
    return type(value).__name__


_EXPECTED = {
    "string_type": "text",
    "bool_type": "true or false",
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "list_type": "a list",
    "dict_type": "a mapping (key: value)",
    "model_type": "a mapping (key: value)",
    "model_attributes_type": "a mapping (key: value)",
    "date_type": "a date (YYYY-MM-DD)",
    "date_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_parsing": "a date (YYYY-MM-DD)",
    "date_from_datetime_inexact": "a date (YYYY-MM-DD)",
}


@dataclass(frozen=True)
class _Error:
    """One Pydantic error, located in the readout."""

    kind: str  # Pydantic's error type, or the model's own code (`bad-start`)
    loc: Loc
    value: Any
    ctx: dict[str, Any]
    msg: str

    @classmethod
    def of(cls, error: ErrorDetails) -> _Error:
        loc = _clean_loc(error["loc"])
        ctx: dict[str, Any] = dict(error.get("ctx") or {})
        if "at" in ctx:  # raised by a validator about a value inside the one it checks
            loc = (*loc, *ctx["at"])
        elif "field" in ctx:  # raised by a model validator about one of its fields
            loc = (*loc, ctx["field"])
        elif "sibling" in ctx:  # raised by a field validator about a neighbouring field
            loc = (*loc[:-1], ctx["sibling"])
        return cls(error["type"], loc, error.get("input"), ctx, error["msg"])

    @property
    def empty(self) -> bool:
        """A value left empty (`title:`) rather than missing or wrong."""
        return bool((self.value is None and not self.ctx.get("required")) or self.ctx.get("empty"))


class _Said(NamedTuple):
    """What a translator makes of an error."""

    code: str
    message: str
    span: Span
    suggestion: str | None = None


_Translator = Callable[[_Error, Document], _Said]


def _empty(error: _Error, document: Document) -> _Said:
    return _Said(
        "missing-field", f"{_where(error.loc)} is empty; fill it in", document.span(error.loc)
    )


def _missing(error: _Error, document: Document) -> _Said:
    name, parent = error.loc[-1], error.loc[:-1]
    message = f"missing required field {name!r}" + (f" in {_where(parent)}" if parent else "")
    # A field not there at all points at its mapping; a required one left empty, at itself.
    span = document.span(parent if error.kind == "missing" else error.loc)
    return _Said("missing-field", message, span)


def _unknown_field(error: _Error, document: Document) -> _Said:
    name = str(error.loc[-1])
    model = _model_at(error.loc[:-1])
    fields = list(model.model_fields) if model else []
    suggestion = closest(name, fields)
    if suggestion is None and fields:
        message = f"unknown field {name!r} (known here: {', '.join(fields)})"
    else:
        message = f"unknown field {name!r}{hint(suggestion)}"
    return _Said("unknown-field", message, document.span(error.loc, key=True), suggestion)


def _bad_value(error: _Error, document: Document) -> _Said:
    allowed = re.findall(r"'([^']*)'", str(error.ctx.get("expected", "")))
    suggestion = closest(str(error.value), allowed, cutoff=0.5)
    message = f"{error.value!r} is not one of: {', '.join(allowed)}{hint(suggestion)}"
    return _Said("bad-value", message, document.span(error.loc), suggestion)


def _wrong_type(error: _Error, document: Document) -> _Said:
    message = f"expected {_EXPECTED[error.kind]}, got {_kind_of(error.value)}"
    return _Said("wrong-type", message, document.span(error.loc), _suggested(error))


def _too_short(error: _Error, document: Document) -> _Said:
    message = f"{_where(error.loc)} needs at least one entry"
    return _Said("empty-value", message, document.span(error.loc), _suggested(error))


def _blank(error: _Error, document: Document) -> _Said:
    message = f"{_where(error.loc)} must not be blank (it holds only spaces)"
    return _Said("empty-value", message, document.span(error.loc), _suggested(error))


def _empty_text(error: _Error, document: Document) -> _Said:
    code = "empty-point" if error.loc[:1] == ("points",) else "empty-value"
    message = f"{_where(error.loc)} must not be empty"
    return _Said(code, message, document.span(error.loc), _suggested(error))


def _own_code(error: _Error, document: Document) -> _Said:
    """The model's own errors (`bad-start`, `nonexistent-time`, …) carry their code as
    their type, and their message."""
    return _Said(error.kind, error.msg, document.span(error.loc), _suggested(error))


def _invalid(error: _Error, document: Document) -> _Said:
    return _Said("invalid", error.msg, document.span(error.loc), _suggested(error))


def _suggested(error: _Error) -> str | None:
    """The suggestion a validator put in the error's context, if any."""
    return error.ctx.get("suggestion") or None


_TRANSLATORS: dict[str, _Translator] = {
    "missing": _missing,
    "extra_forbidden": _unknown_field,
    "enum": _bad_value,
    "literal_error": _bad_value,
    **dict.fromkeys(_EXPECTED, _wrong_type),
    "too_short": _too_short,
    "empty-value": _blank,
    "string_too_short": _empty_text,
}


def _translator_for(error: _Error) -> _Translator:
    if error.empty and error.kind != "missing" and error.loc and isinstance(error.loc[-1], str):
        return _empty
    if error.ctx.get("required"):
        return _missing
    if error.kind in _TRANSLATORS:
        return _TRANSLATORS[error.kind]
    return _own_code if "-" in error.kind or error.kind == "missing_field" else _invalid


def _translate(exc: ValidationError, document: Document, path: str) -> list[Diagnostic]:
    """The model's errors as diagnostics, each at the YAML node it is about."""
    out = []
    for details in exc.errors(include_url=False):
        error = _Error.of(details)
        said = _translator_for(error)(error, document)
        span = said.span
        out.append(
            Diagnostic(
                span.line,
                span.col,
                "error",
                said.code,
                said.message,
                path,
                error.loc,
                said.suggestion,
            )
        )
    return out


def _where(loc: Loc) -> str:
    return dotted(loc) or "the readout"
