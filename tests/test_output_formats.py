"""`author validate --format text|github|json`: the shapes CI and editors depend on."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from author.diagnostics import (
    JSON_FORMAT_VERSION,
    Diagnostic,
    format_github,
    format_json,
    format_text,
)
from tests.conftest import REFERENCE, REPO
from tests.conftest import run_author as run

BAD = """\
section: Japan-Ukraine Relations
meeting:
  kind: meting
  start: 2024-01-10 10:00
  timezone: America/NewYork
principals:
  - family_name: Kamikawa
    title: Minister for Foreign Affairs of Japan
counterparts:
  - family_name: Kuleba
    title: Minister for Foreign Affairs of Ukraine
points:
  - Minister Kamikawa met Minister Kuleba
"""




@pytest.fixture
def files(tmp_path: Path) -> tuple[Path, Path]:
    bad = tmp_path / "bad.readout.yaml"
    bad.write_text(BAD, encoding="utf-8")
    return REFERENCE, bad


TEXT_LINE = re.compile(
    r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (error|warning): .+ \[[a-z-]+\]$"
)


def test_text_is_path_line_col_on_stdout_and_a_summary_on_stderr(files) -> None:
    good, bad = files
    done = run("validate", str(good), str(bad))
    assert done.returncode == 1
    lines = done.stdout.splitlines()
    assert lines and all(TEXT_LINE.match(line) for line in lines), lines
    assert f"{bad}:3:9: error: 'meting' is not one of:" in done.stdout
    assert f"{bad}:5:13: error: unknown time zone 'America/NewYork'" in done.stdout
    assert f"{bad}:13:5: warning: this point does not end with closing punctuation" in (done.stdout)
    assert str(good) not in done.stdout
    assert done.stderr == "2 files checked: 2 errors, 1 warning; 1 failed\n"
    quiet = run("validate", "-q", str(good), str(bad))
    assert quiet.stdout == done.stdout and quiet.stderr == ""


GITHUB_LINE = re.compile(
    r"^::(?P<sev>error|warning) file=(?P<file>[^,]+),line=(?P<line>\d+),col=(?P<col>\d+),"
    r"title=author (?P<code>[a-z-]+)::(?P<message>.+)$"
)


def test_github_annotations_carry_file_line_col(files) -> None:
    good, bad = files
    done = run("validate", "--format", "github", str(good), str(bad))
    assert done.returncode == 1
    assert done.stderr == ""  # nothing but annotations, no summary line
    found = [GITHUB_LINE.match(line) for line in done.stdout.splitlines()]
    assert all(found), done.stdout
    seen = {(m["sev"], m["file"], m["line"], m["col"], m["code"]) for m in found if m}
    assert seen == {
        ("error", str(bad), "3", "9", "bad-value"),
        ("error", str(bad), "5", "13", "unknown-timezone"),
        ("warning", str(bad), "13", "5", "point-punctuation"),
    }


def test_github_escapes_what_would_break_a_workflow_command() -> None:
    diagnostic = Diagnostic(
        2, 3, "warning", "clock-style", "50% off\nnext: line", "dir,1/a:b.readout.yaml"
    )
    assert format_github([diagnostic]) == (
        "::warning file=dir%2C1/a%3Ab.readout.yaml,line=2,col=3,title=author clock-style"
        "::50%25 off%0Anext: line\n"
    )


DIAGNOSTIC_KEYS = [
    "path",
    "line",
    "col",
    "severity",
    "code",
    "message",
    "field",
    "loc",
    "suggestion",
]


def test_json_shape_version_1(files) -> None:
    good, bad = files
    done = run("validate", "--format", "json", str(good), str(bad), "/nonexistent.readout.yaml")
    assert done.returncode == 2  # an unreadable file is a usage error, still reported
    assert done.stderr == ""
    report = json.loads(done.stdout)
    assert list(report) == ["version", "tool", "summary", "files"]
    assert report["version"] == JSON_FORMAT_VERSION == 1
    assert report["tool"] == "author"
    assert report["summary"] == {
        "files": 3,
        "failed": 2,
        "errors": 3,
        "warnings": 1,
        "strict": False,
    }
    assert [f["path"] for f in report["files"]] == [
        str(good),
        str(bad),
        "/nonexistent.readout.yaml",
    ]
    for entry in report["files"]:
        assert list(entry) == ["path", "ok", "errors", "warnings", "diagnostics"]
        assert entry["errors"] == sum(d["severity"] == "error" for d in entry["diagnostics"])
        for d in entry["diagnostics"]:
            assert list(d) == DIAGNOSTIC_KEYS
            assert d["path"] == entry["path"]
            assert isinstance(d["line"], int) and isinstance(d["col"], int)
            assert d["line"] >= 1 and d["col"] >= 1
            assert d["severity"] in ("error", "warning")
    good_entry, bad_entry, missing = report["files"]
    assert good_entry == {"path": str(good), "ok": True, "errors": 0, "warnings": 0,
                          "diagnostics": []}  # fmt: skip
    zone = next(d for d in bad_entry["diagnostics"] if d["code"] == "unknown-timezone")
    assert zone == {
        "path": str(bad),
        "line": 5,
        "col": 13,
        "severity": "error",
        "code": "unknown-timezone",
        "message": zone["message"],
        "field": "meeting.timezone",
        "loc": ["meeting", "timezone"],
        "suggestion": "America/New_York",
    }
    assert missing["ok"] is False
    assert missing["diagnostics"][0]["code"] == "unreadable"


def test_json_strict_marks_warning_only_files_failed(tmp_path: Path) -> None:
    warned = tmp_path / "warned.readout.yaml"
    text = REFERENCE.read_text(encoding="utf-8").replace("Japan's support.", "Japan's support")
    warned.write_text(text, encoding="utf-8")
    relaxed = json.loads(run("validate", "--format", "json", str(warned)).stdout)
    assert relaxed["files"][0]["ok"] is True and relaxed["summary"]["failed"] == 0
    done = run("validate", "--format", "json", "--strict", str(warned))
    assert done.returncode == 1
    report = json.loads(done.stdout)
    assert report["summary"]["strict"] is True
    assert report["files"][0]["ok"] is False and report["summary"]["failed"] == 1


def test_formatters_agree_on_the_same_diagnostics() -> None:
    diagnostics = [
        Diagnostic(4, 2, "error", "bad-duration", "zero minutes", "ü.readout.yaml", ("meeting",)),
        Diagnostic(9, 5, "warning", "unknown-person", "'Minister X'", "ü.readout.yaml"),
    ]
    text = format_text(diagnostics)
    assert text.splitlines() == [
        "ü.readout.yaml:4:2: error: zero minutes [bad-duration]",
        "ü.readout.yaml:9:5: warning: 'Minister X' [unknown-person]",
    ]
    report = json.loads(format_json([("ü.readout.yaml", diagnostics)]))
    assert '"ü.readout.yaml"' in format_json([("ü.readout.yaml", [])])  # not \\u-escaped
    assert [(d["line"], d["col"], d["code"]) for d in report["files"][0]["diagnostics"]] == [
        (4, 2, "bad-duration"),
        (9, 5, "unknown-person"),
    ]
    assert report["files"][0]["diagnostics"][0]["field"] == "meeting"
    assert format_github(diagnostics).count("\n") == 2


def test_diagnostic_is_an_immutable_ordered_value() -> None:
    import copy
    import pickle

    a = Diagnostic(3, 1, "error", "bad-value", "m", "f.yaml", ("meeting",), "x")
    same = Diagnostic(3, 1, "error", "bad-value", "m", "f.yaml")  # loc, suggestion ignored
    later = Diagnostic(line=3, col=2, severity="error", code="bad-value", message="m")
    assert a == same and hash(a) == hash(same) and len({a, same}) == 1
    assert a != later and sorted([later, a]) == [a, later] and a < later <= later
    assert (a == "text") is False
    with pytest.raises(AttributeError):
        a.line = 4  # type: ignore[misc]
    assert pickle.loads(pickle.dumps(a)).loc == ("meeting",)
    assert copy.copy(a).suggestion == "x"
    assert repr(later).startswith("Diagnostic(line=3, col=2, severity='error'")
    assert later.path == "<stdin>" and later.loc == () and later.suggestion is None


def test_json_output_matches_its_published_schema(files, tmp_path: Path) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((REPO / "schemas" / "validate-output.schema.json").read_text("utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    good, bad = files
    warned = tmp_path / "warned.readout.yaml"
    warned.write_text(REFERENCE.read_text("utf-8").replace("support.", "support"), "utf-8")
    for args in ([str(good)], [str(good), str(bad), str(warned), "/missing.readout.yaml"]):
        report = json.loads(run("validate", "--format", "json", *args).stdout)
        jsonschema.validate(report, schema)
    assert report["summary"]["warnings"] >= 1 and report["summary"]["errors"] >= 3
