"""A problem found in a readout, and the ways to print a list of them."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning"]
Loc = tuple[str | int, ...]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, pointing at the YAML node that is wrong (1-based line and column)."""

    line: int
    col: int
    severity: Severity
    code: str
    message: str
    path: str = "<stdin>"
    loc: Loc = field(default=(), compare=False)
    suggestion: str | None = field(default=None, compare=False)

    @property
    def is_error(self) -> bool:
        return self.severity == "error"

    def text(self) -> str:
        return f"{self.path}:{self.line}:{self.col}: {self.severity}: {self.message} [{self.code}]"

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


def dotted(loc: Loc) -> str:
    """`("principals", 0, "title")` → `principals[0].title`."""
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out


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


def format_json(
    results: Sequence[tuple[str, Sequence[Diagnostic]]], *, strict: bool = False
) -> str:
    """One JSON document for a whole run (README, "Machine-readable output"). Version 1:
    keys are only ever added, never renamed or removed, within a version."""
    files = []
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
    document = {"version": JSON_FORMAT_VERSION, "tool": "author", "summary": summary}
    document["files"] = files
    import json  # only this output format needs it: kept off the start-up path

    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"
