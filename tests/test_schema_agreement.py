"""Issue 9, item 8: the JSON Schema accepts exactly what `author validate` accepts, for
structure and types.

A corpus of mutated readouts (every field of the examples retyped, emptied, blanked,
deleted; unknown fields; the values the issue found: `section: 2023`, a `T` in `start`,
`25 MIN`, `version: 2`, an empty point, a nameless participant, `duration: 25.0`) is
written as JSON (which is YAML: both tools then read the same data, with no YAML 1.1 /
1.2 scalar differences between their loaders) and checked by the real check-jsonschema
and the real `author validate`. A file one accepts and the other refuses for a reason of
structure or type fails the test. Rules the schema leaves to `validate` (time zones,
real dates, daylight saving, year range, duration range, published before the meeting)
are not structure.
"""

from __future__ import annotations

import copy
import json
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from author.loader import load_yaml
from author.schema import schema_dict
from tests.conftest import EXAMPLES, REPO

CHECK_JSONSCHEMA = shutil.which("check-jsonschema") or str(
    Path(sys.executable).parent / "check-jsonschema"
)

# Codes and messages of rules: what the schema does not try to express.
RULE_CODES = {
    "unknown-timezone",
    "ambiguous-timezone",
    "nonexistent-time",
    "ambiguous-time",
    "published-before-meeting",
    "unknown-style",
    "follow-on-order",
    "name-not-used",
}
RULE_MESSAGES = (
    "is not a real date",
    "the year must be between",
    "must be at most 24 hours",
    "must be more than zero",
)

VALUES: list[Any] = [2023, 25.0, 1.5, True, None, "", "   ", "x", [], ["x"], {}, {"x": 1}]

SPECIAL: dict[tuple[str, ...], list[Any]] = {
    ("meeting", "start"): [
        "2023-09-20T18:05", "2023-09-20", "2023-09-20 25:05", "2023-9-20 18:05",
        " 2023-09-20 18:05 ", "2023-09-20 18:05:00", "1899-09-20 18:05", "２０２３-09-20",
    ],
    ("meeting", "duration"): [
        "25 MIN", "1 H 10 MIN", "25 minutes", "2 hrs.", 25, 25.0, 0, -5, 1441, "0 min",
        "25 h", "25.5", "２５ min", "-5 min", 1440,
    ],
    ("published",): ["2023-09-20", "2023-02-30", "2023/09/20", "2023-09-20 18:05", 0],
    ("version",): [1, 2, "1", 1.0, 0],
    ("meeting", "kind"): ["meeting", "Meeting", "telephone_talk", "talk"],
    ("meeting", "timezone"): ["America/New_York", "Mars/Base", 5],
    ("meeting", "approximate"): [False, "yes", 1, "true"],
    ("points", 0): ["", "   ", {"text": "A point."}, {"text": ""}, {"heading": "H"}, {}],
    ("principals", 0, "family_name"): ["", "   ", None, "Kamikawa", 2023],
    ("principals", 0, "name_order"): ["family_first", "given_first", "first", None],
    ("principals",): [[], [{}], [{"title": "Minister"}], [{"family_name": "A"}]],
    ("counterparts",): [[], [{"group": "the Ambassadors"}], [{"group": "G", "title": "T"}]],
    ("photos",): [["a caption"], [""], [{"caption": "c", "file": "f.jpg"}], [{"file": "f"}]],
    ("phrasing",): [{"weekday": True}, {"surname_caps": "no"}, {"home_label": 5}, {"verb": ""}],
}


def _paths(data: Any, prefix: tuple = ()) -> list[tuple]:
    out = []
    if isinstance(data, dict):
        for key, value in data.items():
            out.append((*prefix, key))
            out += _paths(value, (*prefix, key))
    elif isinstance(data, list):
        for index, value in enumerate(data[:2]):
            out.append((*prefix, index))
            out += _paths(value, (*prefix, index))
    return out


def _set(data: Any, path: tuple, value: Any) -> Any:
    data = copy.deepcopy(data)
    node = data
    for part in path[:-1]:
        node = node[part]
    if value is _DELETE:
        del node[path[-1]]
    elif isinstance(node, list) and path[-1] >= len(node):
        node.append(value)
    else:
        node[path[-1]] = value
    return data


_DELETE = object()


def corpus() -> list[tuple[str, Any]]:
    cases: list[tuple[str, Any]] = []
    for example in sorted(EXAMPLES.glob("*.readout.yaml")):
        base = load_yaml(example.read_text(encoding="utf-8")).data
        cases.append((example.name, base))
        for path in _paths(base):
            for value in VALUES:
                cases.append((f"{example.name} {path} = {value!r}", _set(base, path, value)))
            cases.append((f"{example.name} del {path}", _set(base, path, _DELETE)))
        for mapping in [()] + [p for p in _paths(base) if isinstance(_get(base, p), dict)]:
            cases.append((f"{example.name} {mapping} + unknown", _set(base, (*mapping, "colour"), "x")))
        for path, values in SPECIAL.items():
            for value in values:
                try:
                    cases.append((f"{example.name} {path} = {value!r}", _set(base, path, value)))
                except (KeyError, IndexError, TypeError):
                    continue
        for field, value in (("title", "A title"), ("style", "mofa"), ("footnotes", ["note"])):
            cases.append((f"{example.name} + {field}", _set(base, (field,), value)))
    return cases


def _get(data: Any, path: tuple) -> Any:
    for part in path:
        data = data[part]
    return data


def structural(diagnostics: list[dict]) -> list[dict]:
    return [
        d
        for d in diagnostics
        if d["severity"] == "error"
        and d["code"] not in RULE_CODES
        and not any(text in d["message"] for text in RULE_MESSAGES)
    ]


@pytest.mark.skipif(not Path(CHECK_JSONSCHEMA).exists(), reason="needs check-jsonschema")
def test_schema_and_validate_agree_on_the_mutation_corpus(tmp_path: Path) -> None:
    schema = tmp_path / "readout.schema.json"
    schema.write_text(json.dumps(schema_dict()), encoding="utf-8")
    cases = corpus()
    assert len(cases) > 400
    names: dict[str, str] = {}
    for number, (name, data) in enumerate(cases):
        path = tmp_path / f"case{number:04d}.json"
        path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        names[str(path)] = name
    files = list(names)
    checked = subprocess.run(
        [CHECK_JSONSCHEMA, "--schemafile", str(schema), "-o", "json", *files],
        capture_output=True, text=True, timeout=600,
    )
    report = json.loads(checked.stdout)
    schema_refused = {error["filename"] for error in report.get("errors", [])}
    schema_refused |= {error["filename"] for error in report.get("parse_errors", [])}
    validated = subprocess.run(
        [sys.executable, "-m", "author", "validate", "--format", "json", *files],
        capture_output=True, text=True, cwd=tmp_path, timeout=600,
        env={"PYTHONPATH": str(REPO), "PATH": ""},
    )
    results = {f["path"]: structural(f["diagnostics"]) for f in json.loads(validated.stdout)["files"]}
    disagreements = []
    for path in files:
        by_schema = path not in schema_refused
        by_validate = not results[path]
        if by_schema != by_validate:
            why = [f"{d['field']}: {d['code']}: {d['message']}" for d in results[path]]
            disagreements.append(
                f"{names[path]}: schema {'accepts' if by_schema else 'refuses'}, validate "
                f"{'accepts' if by_validate else 'refuses: ' + '; '.join(why)[:200]}"
            )
    assert not disagreements, f"{len(disagreements)} of {len(files)}:\n" + "\n".join(
        disagreements[:40]
    )


def test_every_property_has_a_description() -> None:
    missing = []

    def walk(node: Any, where: str) -> None:
        if isinstance(node, dict):
            conditional = {"if", "then", "else", "anyOf", "not"} & set(where.split("/"))
            for name, prop in (node.get("properties") or {}).items():
                if conditional:
                    continue  # conditions restate properties, not define them
                if not prop.get("description"):
                    missing.append(f"{where}.{name}")
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for value in node:
                walk(value, where)

    walk(schema_dict(), "")
    assert not missing, missing
