"""The loader: positions, YAML 1.1 traps, and the same answers with or without libyaml."""

from __future__ import annotations

import pytest
import yaml

from author import loader
from author.loader import LoadFailed, load_document, load_yaml, resolve_plain
from tests.conftest import REFERENCE


@pytest.mark.parametrize(
    ("plain", "value"),
    [
        ("18:05", "18:05"), ("1:10", "1:10"), ("NO", "NO"), ("no", "no"), ("yes", "yes"),
        ("on", "on"), ("off", "off"), ("y", "y"), ("007", "007"), ("0x1F", "0x1F"),
        ("2023-09-20", "2023-09-20"), ("2023-09-20 18:05", "2023-09-20 18:05"),
        ("true", True), ("False", False), ("~", None), ("null", None), ("", None),
        ("25", 25), ("-3", -3), ("1.5", 1.5), ("Kamikawa", "Kamikawa"), (".inf", ".inf"),
    ],
)
def test_plain_scalars(plain: str, value: object) -> None:
    assert resolve_plain(plain) == value
    assert type(resolve_plain(plain)) is type(value)


def test_quoted_and_tagged_scalars_stay_text() -> None:
    data = load_yaml("a: '18:05'\nb: \"true\"\nc: !!str 25\nd: !!int '7'\n").data
    assert data == {"a": "18:05", "b": "true", "c": "25", "d": 7}


def test_positions_of_values_and_keys() -> None:
    document = load_yaml(REFERENCE.read_text(encoding="utf-8"))
    assert document.values[("meeting", "timezone")][:2] == (13, 13)
    assert document.keys[("meeting", "timezone")][:2] == (13, 3)
    assert document.values[("points", 1)][:2] == (57, 5)
    assert document.values[("points", 1, "ja")][:2] == (65, 9)
    assert document.values[("counterparts", 0, "ja", "short")][:2] == (36, 14)
    assert document.span(("counterparts", 0, "nonexistent"))[:2] == (29, 5)  # nearest ancestor


def test_pure_python_fallback_gives_the_same_document(monkeypatch: pytest.MonkeyPatch) -> None:
    text = REFERENCE.read_text(encoding="utf-8")
    fast = load_yaml(text)
    monkeypatch.setattr(loader, "EventLoader", yaml.SafeLoader)
    slow = load_yaml(text)
    assert slow.data == fast.data
    assert slow.values == fast.values and slow.keys == fast.keys
    with pytest.raises(LoadFailed) as failure:
        load_yaml("a: 1\na: 2\n")
    assert failure.value.diagnostics[0].code == "duplicate-key"


def test_merge_keys_and_aliases_work_within_limits() -> None:
    text = "base: &p {title: T, honorific: Mr.}\nx:\n  <<: *p\n  family_name: A\n"
    data = load_yaml(text).data
    assert data["x"] == {"title": "T", "honorific": "Mr.", "family_name": "A"}


def test_duplicate_keys_are_each_reported() -> None:
    with pytest.raises(LoadFailed) as failure:
        load_yaml("a: 1\nb: 2\na: 3\nb: 4\n")
    assert [(d.line, d.code) for d in failure.value.diagnostics] == [
        (3, "duplicate-key"), (4, "duplicate-key"),
    ]


@pytest.mark.parametrize("escape", ["\\e[31m", "\\x07", "\\x9b", "\\0", "\\r"])
def test_control_characters_from_escapes_are_refused(escape: str) -> None:
    with pytest.raises(LoadFailed) as failure:
        load_yaml(f'section: "Japan{escape}"\nother: "fine\\ttab\\nline"\n')
    [problem] = failure.value.diagnostics
    assert (problem.line, problem.col, problem.code) == (1, 10, "control-character")


def test_a_duplicate_key_names_the_first_and_the_positions_are_found_alike() -> None:
    text = "section: Japan-Ukraine Relations\nmeeting:\n  kind: meeting\n  kind: telephone_talk\n"
    document = load_document(text, "x.readout.yaml")
    [problem] = document.problems
    assert (problem.line, problem.col, problem.code) == (4, 3, "duplicate-key")
    assert problem.message == "duplicate key 'kind'; the first one, at line 3, is kept"
    assert document.data == {"section": "Japan-Ukraine Relations", "meeting": {"kind": "meeting"}}
    recorded = load_document(text, "x.readout.yaml", record_positions=True)
    assert recorded.problems == document.problems
    assert document.values == recorded.values and document.keys == recorded.keys
    assert document.values[("meeting", "kind")][:2] == (3, 9)
    assert document.keys[("meeting", "kind")][:2] == (3, 3)
