"""The loader reads the common file, and finds its positions, by a faster way than the rest:
whatever the file, what it gives must be what the recording reading gives
(`record_positions=True`, which always reads by the general way), to the type of every
value, every problem and every position."""

from __future__ import annotations

import math
import random
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from author import loader
from author.loader import LoadFailed, decode, load_document
from tests.conftest import REFERENCE
from tests.fuzz.corpus import EXAMPLES, generate
from tests.fuzz.yaml_suite import cases

# Limits as the CLI sets them, and tight ones, so that the limits are met in both ways.
LIMITS: list[dict[str, int]] = [{}, {"max_depth": 3, "max_nodes": 60}, {"max_depth": 1, "max_nodes": 5}]


def _typed(value: Any) -> Any:
    """`value` with the type of every part spelt out (1, 1.0 and True are equal in Python)."""
    if isinstance(value, dict):
        return ("dict", [(_typed(k), _typed(v)) for k, v in value.items()])
    if isinstance(value, list):
        return ("list", [_typed(v) for v in value])
    if isinstance(value, float) and math.isnan(value):
        return ("float", "nan")
    return (type(value).__name__, value)


def _diagnostics(diagnostics: list[Any]) -> list[tuple[Any, ...]]:
    return [tuple(getattr(d, f) for f in d.__match_args__) for d in diagnostics]


def _outcome(
    text: str, limits: dict[str, int], *, recorded: bool, raw: bytes | None = None
) -> tuple[Any, ...]:
    try:
        document = load_document(
            text, "x.readout.yaml", record_positions=recorded, raw=raw, **limits
        )
    except LoadFailed as failed:
        return ("failed", str(failed), _diagnostics(failed.diagnostics))
    except yaml.YAMLError as error:  # PyYAML's own reader (the pure-Python parser) only
        return ("raised", type(error).__name__, str(error))
    return (
        "loaded",
        _typed(document.data),
        _diagnostics(document.problems),
        list(document.values.items()),  # in the same order too
        list(document.keys.items()),
    )


def assert_same(text: str, raw: bytes | None = None) -> None:
    """The document read as `author validate` reads it (from the file's bytes when given)
    is the one the recording reading gives, under each set of limits."""
    for limits in LIMITS:
        found = _outcome(text, limits, recorded=False, raw=raw)
        assert found == _outcome(text, limits, recorded=True), (text[:300], limits)


def assert_same_from_bytes(raws: list[bytes]) -> int:
    """`assert_same` for each file that decodes, read from its text and from its bytes."""
    decoded = 0
    for raw in raws:
        try:
            text = decode(raw)
        except LoadFailed:
            continue
        assert_same(text)
        assert_same(text, raw)
        decoded += 1
    return decoded


SUITE = [case.text for case in cases()]
_rng = random.Random(15)
FUZZ = [generate(_rng)[1] for _ in range(800)]


@pytest.mark.skipif(not SUITE, reason="needs ../shared/data/yaml-test-suite")
def test_every_yaml_suite_case_reads_alike() -> None:
    assert assert_same_from_bytes(SUITE) == len(SUITE)


def test_fuzz_inputs_and_the_examples_read_alike() -> None:
    examples = [path.read_bytes() for path in EXAMPLES]
    assert assert_same_from_bytes(FUZZ + examples) > len(FUZZ) // 2


def test_the_pure_python_parser_reads_alike(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without libyaml (PyYAML's own parser, whose reader checks the characters first)."""
    monkeypatch.setattr(loader, "EventLoader", yaml.SafeLoader)
    assert assert_same_from_bytes(SUITE[::2] + FUZZ[::10]) > len(SUITE) // 2


COMMON = REFERENCE.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "text",
    [
        COMMON,
        "",
        "# only a comment\n",
        "---\n",
        "plain scalar document\n",
        '"quoted document"\n',
        "- [a, {b: c}]\n- {}\n- []\n- ''\n- \"x\\ty\"\n",
        "a: 1\nb: 1.5\nc: true\nd: ~\ne: 007\nf: '1'\ng: \"2\"\nh: |\n  text\n",
        "a: 1\n---\nb: 2\n",
        "a: 1\n...\n",
        "a: &x 1\nb: *x\n",
        "a: [&x 1]\n",
        "a: !!str 1\n",
        "a: !foo {b: 1}\n",
        "!!map {a: 1}\n",
        "a: \"\\e[31m\"\n",
        "\"\\x07\": 1\n",
        "1: a\n",
        "true: a\n",
        "null: a\n",
        "~: a\n",
        "'<<': a\n",
        "<<: {a: 1}\nb: 2\n",
        "a: 1\na: 2\n",
        "x:\n  - a: 1\n    a: 2\n",
        "'a': 1\n\"a\": 2\n",
        "? [a]\n: 1\n",
        "? a\n",
        "a: [1, 2\n",
        "a: b: c\n",
        "a:\n\tb: 1\n",
        "a: *nowhere\n",
        "[" * 70 + "]" * 70 + "\n",
        COMMON + "extra: [",
        COMMON.replace("meeting:", "meeting: &m", 1),
    ],
)
def test_unusual_files_read_alike(text: str) -> None:
    assert_same(text)


@pytest.mark.parametrize("depth", [63, 64, 65, 99, 100, 101, 150])
def test_deep_nesting_with_a_high_limit_reads_alike(depth: int) -> None:
    text = "[" * depth + "x" + "]" * depth + "\n"
    for max_depth in (depth - 1, depth, depth + 1, 10_000):
        limits = {"max_depth": max_depth}
        found = _outcome(text, limits, recorded=False)
        assert found == _outcome(text, limits, recorded=True)
        assert found[0] == ("loaded" if max_depth >= depth else "failed")


@pytest.mark.parametrize("extra", [-1, 0, 1])
def test_the_node_limit_is_met_alike(extra: int) -> None:
    text = "a: [1, 2, {b: c}]\nd: e\n"  # 10 nodes: 2 mappings, 1 list, 7 scalars
    limits = {"max_nodes": 10 + extra}
    found = _outcome(text, limits, recorded=False)
    assert found == _outcome(text, limits, recorded=True)
    assert found[0] == ("failed" if extra < 0 else "loaded")


# -- generated YAML text, unusual parts included ---------------------------------------------

_COMMON_SCALARS = [
    "a", "Kamikawa", "18:05", "1", "-3", "1.5", "007", "true", "False", "null", "~", "",
    "'q'", '"d"', '"\\t"', "|\n  block", ">-\n  folded", "2023-09-20", ".inf", "[]", "{}",
]
_UNUSUAL_SCALARS = ['"\\e"', "!!str 1", "!!int 2", "! x", "!x y", "&a v", "*a", "<<", "'<<'"]
# The common parts drawn about four times as often as the unusual ones, so that many
# documents are common ones and many have one unusual part.
_scalars = st.sampled_from(_COMMON_SCALARS * 4 + _UNUSUAL_SCALARS)
_keys = st.sampled_from(
    ["a", "b", "c", "title", "ja", "x_y", "'q'", '"d"'] * 4
    + ["1", "true", "null", "<<", "'<<'", "&k a", "!!str b", "? a", "[a]"]
)


def _block(depth: int) -> st.SearchStrategy[str]:
    """A value in block style at this indentation (as a mapping's value or a list's item)."""
    pad = "  " * depth
    if depth >= 3:
        return _scalars.map(lambda s: s.replace("\n", "\n" + pad))
    child = st.deferred(lambda: _block(depth + 1))
    mapping = st.lists(st.tuples(_keys, child), min_size=1, max_size=4).map(
        lambda pairs: "".join(f"\n{pad}{k}: {v}" for k, v in pairs)
    )
    sequence = st.lists(child, min_size=1, max_size=4).map(
        lambda items: "".join(f"\n{pad}- {v}" for v in items)
    )
    anchored = st.tuples(st.sampled_from(["&a", "&b", "!!map", "!!seq"]), mapping | sequence).map(
        " ".join
    )
    collections = st.sampled_from([mapping, sequence, mapping, sequence, anchored]).flatmap(
        lambda chosen: chosen
    )
    flow = st.lists(_scalars.filter(lambda s: "\n" not in s), max_size=3).map(
        lambda items: "[" + ", ".join(items) + "]"
    )
    return _scalars.map(lambda s: s.replace("\n", "\n" + pad)) | collections | flow


documents = st.lists(st.tuples(_keys, _block(1)), min_size=1, max_size=6).map(
    lambda pairs: "".join(f"{k}: {v}\n" for k, v in pairs)
) | st.tuples(st.sampled_from(["", "---\n", "--- &r\n"]), _block(0)).map(lambda p: p[0] + p[1])


@settings(
    max_examples=400,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
@given(documents, st.booleans())
def test_generated_documents_read_alike(text: str, twice: bool) -> None:
    assert_same(text + ("---\n" + text if twice else ""))


@pytest.mark.parametrize(
    "raw",
    [
        COMMON.encode("utf-8"),
        b"\xef\xbb\xbf" + COMMON.encode("utf-8"),
        b"\xef\xbb\xbf\xef\xbb\xbfa: 1\n",
        b"\xff\xfe" + COMMON.encode("utf-16-le"),
        "a: \u2028b\nc: \ufeffd\n".encode(),
    ],
)
def test_a_file_read_from_its_bytes_reads_alike(raw: bytes) -> None:
    assert_same(decode(raw), raw)


def test_without_libyaml_a_control_character_is_a_located_problem(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """PyYAML's own reader refuses the character when the parser is made, before any
    event: that is a problem at its place too, not a traceback."""
    monkeypatch.setattr(loader, "EventLoader", yaml.SafeLoader)
    with pytest.raises(LoadFailed) as failed:
        load_document("section: ok\ntitle: a\x07b\n", "x.readout.yaml")
    (problem,) = failed.value.diagnostics
    assert (problem.line, problem.col, problem.code) == (2, 9, "yaml-syntax")
    assert "U+0007" in problem.message
