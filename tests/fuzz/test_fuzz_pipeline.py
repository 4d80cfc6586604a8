"""Property tests: whatever the file holds, load → validate → render never raises, and every
problem has a position inside the file. The long campaign (bench/fuzz_campaign.py) runs the
same generators and oracle on 100,000 inputs; these runs are short so that CI stays fast."""

from __future__ import annotations

import random
from typing import Any

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from author.check import check_bytes
from tests.fuzz.corpus import (
    OPS,
    SEEDS,
    TOKENS,
    almost_valid,
    dump,
    mutate,
    valid_data,
)
from tests.fuzz.oracle import run_pipeline

FAST = settings(
    max_examples=120,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    derandomize=True,
)

seeds = st.integers(min_value=0, max_value=2**32 - 1)
steps = st.lists(
    st.tuples(st.sampled_from(OPS), st.integers(0, 1 << 16), st.integers(0, 1 << 16)),
    min_size=1,
    max_size=5,
)

# Text a user may type into any field, with the characters YAML and the pages care about.
_pieces = [*TOKENS, "<", ">", "&", "#", "*", "_", "\n", "\n\n", "  ", "1. "]
field_text = st.lists(
    st.one_of(st.characters(exclude_categories=("Cs",)), st.sampled_from(_pieces)),
    max_size=30,
).map("".join)

# Any YAML-representable value, for fields given the wrong type.
yaml_values = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**20), 10**20)
    | st.floats(allow_nan=True)
    | field_text
    | st.dates().map(str),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=12), children, max_size=4)
    ),
    max_leaves=12,
)


def _string_paths(data: Any, prefix: tuple[Any, ...] = ()) -> list[tuple[Any, ...]]:
    if isinstance(data, dict):
        return [p for k, v in data.items() for p in _string_paths(v, (*prefix, k))]
    if isinstance(data, list):
        return [p for i, v in enumerate(data) for p in _string_paths(v, (*prefix, i))]
    return [prefix] if isinstance(data, str) else []


def _set(data: Any, path: tuple[Any, ...], value: Any) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


@FAST
@given(seeds)
def test_generated_readouts_are_valid_and_render(seed: int) -> None:
    outcome = run_pipeline(dump(valid_data(random.Random(seed))).encode())
    assert outcome.rendered, outcome.codes


@FAST
@given(seeds, st.data())
def test_any_text_in_any_string_field(seed: int, data: st.DataObject) -> None:
    readout = valid_data(random.Random(seed))
    paths = _string_paths(readout)
    for path in data.draw(st.lists(st.sampled_from(paths), min_size=1, max_size=4)):
        _set(readout, path, data.draw(field_text))
    run_pipeline(dump(readout).encode())


@FAST
@given(seeds, st.data())
def test_any_value_of_any_type_anywhere(seed: int, data: st.DataObject) -> None:
    readout = valid_data(random.Random(seed))
    paths = [*_string_paths(readout), ("meeting",), ("points",), ("principals", 0), ("x",)]
    _set(readout, data.draw(st.sampled_from(paths)), data.draw(yaml_values))
    run_pipeline(dump(readout).encode())


@FAST
@given(seeds)
def test_almost_valid_readouts(seed: int) -> None:
    rng = random.Random(seed)
    run_pipeline(dump(almost_valid(valid_data(rng), rng)).encode())


@FAST
@given(st.sampled_from(SEEDS), steps)
def test_mutated_examples(seed_text: str, mutation: list[tuple[str, int, int]]) -> None:
    run_pipeline(mutate(seed_text, mutation))


@FAST
@given(seeds, steps)
def test_mutated_generated_readouts(seed: int, mutation: list[tuple[str, int, int]]) -> None:
    run_pipeline(mutate(dump(valid_data(random.Random(seed))), mutation))


@FAST
@given(st.binary(max_size=2048))
def test_random_bytes(raw: bytes) -> None:
    run_pipeline(raw)


@FAST
@given(yaml_values)
def test_any_yaml_document(value: Any) -> None:
    run_pipeline(yaml.safe_dump(value, allow_unicode=True).encode())


@FAST
@given(st.lists(st.sampled_from([*TOKENS, "a", "b: ", "\n", "  ", "- x\n"]), max_size=40))
def test_token_soup(tokens: list[str]) -> None:
    run_pipeline("".join(tokens).encode("utf-8", errors="surrogateescape"))


def test_a_deleted_required_line_is_reported_with_its_position() -> None:
    """Almost valid means one clear error, located, not a cascade of nonsense."""
    for text in SEEDS:
        for field in ("section:", "  kind:", "  start:"):
            lines = text.splitlines(keepends=True)
            kept = [line for line in lines if not line.startswith(field)]
            result = check_bytes("".join(kept).encode())
            assert [d.code for d in result.errors] == ["missing-field"], [
                d.text() for d in result.diagnostics
            ]
            assert result.errors[0].line >= 1 and result.errors[0].col >= 1


def test_a_number_as_style_is_a_located_error() -> None:
    # Found by the long campaign: `style: 1.5` passed validation, then render failed.
    raw = SEEDS[-1].replace("style: mofa", "style: 1.5").encode()
    result = check_bytes(raw)
    assert [(d.code, d.line >= 1) for d in result.errors] == [("unknown-style", True)]
    run_pipeline(raw)


def test_a_start_at_the_end_of_time_is_a_located_error() -> None:
    reference = next(text for text in SEEDS if "start: 2023-09-20 18:05" in text)
    raw = reference.replace("start: 2023-09-20 18:05", "start: 9999-12-31 23:59")
    raw = raw.replace("published: 2023-09-20", "published: 9999-12-31")
    assert "9999-12-31 23:59" in raw and "America/New_York" in raw
    result = check_bytes(raw.encode())
    # Found by the long campaign: the Japan time overflowed datetime past year 9999.
    assert [d.code for d in result.errors] == ["bad-start"]
    assert "year must be between" in result.errors[0].message
    assert result.errors[0].line == raw.splitlines().index("  start: 9999-12-31 23:59") + 1
    run_pipeline(raw.encode())
    early = reference.replace("start: 2023-09-20 18:05", "start: 0001-01-01 00:10")
    assert [d.code for d in check_bytes(early.encode()).errors] == ["bad-start"]
