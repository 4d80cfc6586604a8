"""A problem found in a readout, and the ways to print a list of them."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import cache
from typing import Any, Literal, NamedTuple

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]

_FIELDS = ("line", "col", "severity", "code", "message", "path", "loc", "suggestion")


class Diagnostic:
    """One problem, pointing at the YAML node that is wrong (1-based line and column).

    Immutable and hashable; equal, and ordered, by (line, col, severity, code, message,
    path) — `loc` and `suggestion` do not take part. (A hand-written class rather than a
    frozen, ordered dataclass: that costs milliseconds of start-up to generate.)
    """

    __slots__ = _FIELDS
    __match_args__ = ("line", "col", "severity", "code", "message", "path", "loc", "suggestion")

    line: int
    col: int
    severity: Severity
    code: str
    message: str
    path: str
    loc: Loc
    suggestion: str | None

    def __init__(
        self,
        line: int,
        col: int,
        severity: Severity,
        code: str,
        message: str,
        path: str = "<stdin>",
        loc: Loc = (),
        suggestion: str | None = None,
    ) -> None:
        put = object.__setattr__
        put(self, "line", line)
        put(self, "col", col)
        put(self, "severity", severity)
        put(self, "code", code)
        put(self, "message", message)
        put(self, "path", path)
        put(self, "loc", loc)
        put(self, "suggestion", suggestion)

    def __setattr__(self, name: str, value: object) -> None:
        raise AttributeError(f"cannot assign to field {name!r}: a Diagnostic is immutable")

    def __delattr__(self, name: str) -> None:
        raise AttributeError(f"cannot delete field {name!r}: a Diagnostic is immutable")

    def _key(self) -> tuple[int, int, str, str, str, str]:
        return (self.line, self.col, self.severity, self.code, self.message, self.path)

    def sort_key(self) -> tuple[int, int, str, str, str, str]:
        """What problems are ordered by: `sorted(problems, key=Diagnostic.sort_key)` gives
        the order of `sorted(problems)`, comparing tuples instead of calling `__lt__`."""
        return self._key()

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__ or not isinstance(other, Diagnostic):
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash(self._key())

    def __lt__(self, other: Diagnostic) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() < other._key()

    def __le__(self, other: Diagnostic) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() <= other._key()

    def __gt__(self, other: Diagnostic) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() > other._key()

    def __ge__(self, other: Diagnostic) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        return self._key() >= other._key()

    def __repr__(self) -> str:
        inner = ", ".join(f"{name}={getattr(self, name)!r}" for name in _FIELDS)
        return f"Diagnostic({inner})"

    def __reduce__(self) -> tuple[type[Diagnostic], tuple[object, ...]]:
        """Pickling and copying, as a dataclass would allow."""
        return (Diagnostic, tuple(getattr(self, name) for name in _FIELDS))

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def text(self) -> str:
        """`path:line:col: severity: message [code]`, always one line: a line break in a
        message (quoting a value such as `"2023-09-20\\nx"`) or a path is shown escaped."""
        return (
            f"{_one_line(self.path)}:{self.line}:{self.col}: {self.severity}: "
            f"{_one_line(self.message)} [{self.code}]"
        )

    def as_json(self) -> dict[str, object]:
        """This problem in the JSON output (README, "Machine-readable output"); the keys
        and their order are part of JSON format version 1."""
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "code": self.code,
            "message": self.message,
            "field": dotted(self.loc),
            "loc": list(self.loc),
            "suggestion": self.suggestion,
        }


class Problem(NamedTuple):
    """A problem a check found, before it is placed in the file: at the node `loc`, or,
    with `words` (a text, and the start and end of the words in it), at those words
    inside the value at `loc` (`lint` places them)."""

    loc: Loc
    severity: Severity
    code: str
    message: str
    suggestion: str | None = None
    words: tuple[str, int, int] | None = None


# The keys of a problem in the JSON output, in order (JSON format version 1).
_JSON_KEYS = ("path", "line", "col", "severity", "code", "message", "field", "loc", "suggestion")


@cache
def _line_breaks() -> re.Pattern[str]:
    """Every character str.splitlines() breaks at. Compiled on first use: only a problem
    to print needs it, and compiling this set costs about what checking a file does."""
    return re.compile("[\n\r\v\f\x1c\x1d\x1e\x85\u2028\u2029]")


def _one_line(text: str) -> str:
    line_breaks = _line_breaks()
    if line_breaks.search(text) is None:
        return text
    return line_breaks.sub(lambda m: repr(m.group(0))[1:-1], text)


def dotted(loc: Loc) -> str:
    """`("principals", 0, "title")` → `principals[0].title`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


def in_order(diagnostics: Iterable[Diagnostic]) -> list[Diagnostic]:
    """The problems sorted (as `sorted` orders them), each once: of equal ones the first.
    Keyed by tuples, hashed and compared in C: `__hash__` and `__lt__`, called per
    problem, were most of the time of a file with tens of thousands of warnings."""
    keyed = {d._key(): d for d in reversed(list(diagnostics))}
    return [keyed[key] for key in sorted(keyed)]


def format_text(diagnostics: Iterable[Diagnostic]) -> str:
    return "".join(d.text() + "\n" for d in diagnostics)


def _gh_escape(text: str, *, prop: bool) -> str:
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    if prop:
        text = text.replace(":", "%3A").replace(",", "%2C")
    return text


def format_github(diagnostics: Iterable[Diagnostic]) -> str:
    """GitHub Actions workflow commands: one annotation per problem."""
    lines = []
    for d in diagnostics:
        props = ",".join(
            [
                f"file={_gh_escape(d.path, prop=True)}",
                f"line={d.line}",
                f"col={d.col}",
                f"title={_gh_escape('author ' + d.code, prop=True)}",
            ]
        )
        lines.append(f"::{d.severity} {props}::{_gh_escape(d.message, prop=False)}\n")
    return "".join(lines)


JSON_FORMAT_VERSION = 1


def _diagnostic_schema() -> dict[str, Any]:
    """The JSON Schema of one problem in the JSON output (`Diagnostic.as_json`)."""
    from author.registry import CODES, SEVERITIES

    return {
        "type": "object",
        "required": [*_JSON_KEYS],
        "properties": {
            "path": {"type": "string"},
            "line": {"type": "integer", "minimum": 1},
            "col": {"type": "integer", "minimum": 1},
            "severity": {"enum": list(SEVERITIES)},
            "code": {
                "description": "one of the codes of README, 'Codes'; a new code may be added "
                "within a version",
                "enum": list(CODES),
            },
            "message": {"type": "string"},
            "field": {"type": "string"},
            "loc": {"type": "array", "items": {"type": ["string", "integer"]}},
            "suggestion": {"type": ["string", "null"]},
        },
    }


def validate_output_schema() -> dict[str, Any]:
    """The JSON Schema of `format_json`'s document, as committed in
    `schemas/validate-output.schema.json`; its codes and severities are the registry's."""
    count = {"type": "integer", "minimum": 0}
    file_entry = {
        "type": "object",
        "required": ["path", "ok", "errors", "warnings", "diagnostics"],
        "properties": {
            "path": {"type": "string"},
            "ok": {"type": "boolean"},
            "errors": count,
            "warnings": count,
            "diagnostics": {"type": "array", "items": {"$ref": "#/$defs/diagnostic"}},
        },
    }
    summary = {
        "type": "object",
        "required": ["files", "failed", "errors", "warnings", "strict"],
        "properties": {
            "files": count,
            "failed": count,
            "errors": count,
            "warnings": count,
            "strict": {"type": "boolean"},
        },
    }
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://example.invalid/author/validate-output.schema.json",
        "title": f"author validate --format json, version {JSON_FORMAT_VERSION}",
        "description": f"One document per run. Within version {JSON_FORMAT_VERSION}, keys are "
        "only ever added, never renamed, removed or retyped.",
        "type": "object",
        "required": ["version", "tool", "summary", "files"],
        "properties": {
            "version": {"const": JSON_FORMAT_VERSION},
            "tool": {"const": "author"},
            "summary": summary,
            "files": {"type": "array", "items": file_entry},
        },
        "$defs": {"diagnostic": _diagnostic_schema()},
    }


def format_json(
    results: Sequence[tuple[str, Sequence[Diagnostic]]], *, strict: bool = False
) -> str:
    """One JSON document for a whole run (README, "Machine-readable output"). Version 1:
    keys are only ever added, never renamed or removed, within a version."""
    files: list[dict[str, Any]] = []
    for path, diagnostics in results:
        errors = sum(d.is_error for d in diagnostics)
        warnings = len(diagnostics) - errors
        files.append(
            {
                "path": path,
                "ok": not (errors or (strict and warnings)),
                "errors": errors,
                "warnings": warnings,
                "diagnostics": [d.as_json() for d in diagnostics],
            }
        )
    summary = {
        "files": len(files),
        "failed": sum(not f["ok"] for f in files),
        "errors": sum(f["errors"] for f in files),
        "warnings": sum(f["warnings"] for f in files),
        "strict": strict,
    }
    document: dict[str, object] = {
        "version": JSON_FORMAT_VERSION,
        "tool": "author",
        "summary": summary,
        "files": files,
    }
    import json  # only this output format needs it: kept off the start-up path

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
