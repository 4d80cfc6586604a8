"""The official YAML test suite (`../shared/data/yaml-test-suite`, read in place): every
case gives located problems or data equal to its `in.json` under the loader's scalar
rules, goes through the whole pipeline and the command without exit status 3, and an
invalid case is refused (but for the few where libyaml itself deviates, listed below)."""

from __future__ import annotations

from pathlib import Path

import pytest

from author.loader import LoadFailed, decode, load_document
from tests.fuzz.oracle import check_cli_render, check_cli_validate, run_cli, run_pipeline
from tests.fuzz.yaml_suite import Case, cases, same_data

CASES = cases()

pytestmark = pytest.mark.skipif(not CASES, reason="needs ../shared/data/yaml-test-suite")

# libyaml (the parser under PyYAML) deviates from the spec on these cases: it reads this
# invalid YAML without complaint (the loader then gives its data; nothing crashes) ...
LIBYAML_ACCEPTS_INVALID = {
    "9C9N": "Wrong indented flow sequence",
    "9JBA": "Invalid comment after end of flow sequence",
    "CVW2": "Invalid comment after comma",
    "G5U8": "Plain dashes in flow sequence",
    "QB6E": "Wrong indented multiline quoted scalar",
    "S98Z": "Block scalar with more spaces than first content line",
    "SU5Z": "Comment without whitespace after doublequoted scalar",
    "X4QW": "Comment without whitespace after block scalar indicator",
    "YJV2": "Dash in flow sequence",
    "DK95/01": "Tabs that look like indentation",
    "MUS6/00": "Directive variants",
    "Y79Y/003": "Tabs in various contexts",
}
# ... and reads these valid cases as other data than the suite's.
LIBYAML_READS_OTHERWISE = {
    "652Z": "Question mark at start of flow key ({?foo: bar} read as {foo: bar})",
    "Y2GN": "Anchor with colon in the middle (&an:chor read as the anchor &an)",
    "HM87/01": "Scalars in flow start with syntax char ([?x] read as [{x: null}])",
    "JEF9/02": "Trailing whitespace in streams (a kept final line break dropped)",
    "L24T/01": "Trailing line of spaces (a kept final line break dropped)",
}


def outcome(case: Case) -> str:
    """`problems`, `data`, or what went wrong."""
    try:
        document = load_document(decode(case.text, "in.yaml"), "in.yaml")
    except LoadFailed as failed:
        assert failed.diagnostics and all(d.line >= 1 and d.col >= 1 for d in failed.diagnostics)
        return "problems"
    if document.problems:
        assert all(d.line >= 1 and d.col >= 1 for d in document.problems)
        return "problems"
    if case.invalid:
        return "accepted invalid YAML"
    expected = case.documents()
    if expected is None:  # valid YAML the suite gives no JSON for (complex keys, …)
        return "data"
    if len(expected) > 1:
        return "accepted several documents"
    if not expected:
        return "data" if document.data is None else f"data {document.data!r} for no document"
    if not same_data(document.data, expected[0]):
        return f"data {document.data!r} is not {expected[0]!r}"
    return "data"


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_yaml_suite_case(case: Case, tmp_path: Path) -> None:
    found = outcome(case)
    if case.id in LIBYAML_ACCEPTS_INVALID:
        assert found == "accepted invalid YAML", f"libyaml now refuses {case.id}: {found}"
    elif case.id in LIBYAML_READS_OTHERWISE:
        assert found.startswith("data ") and found != "data", f"{case.id} now reads: {found}"
    else:
        assert found in ("problems", "data"), found
    run_pipeline(case.text)  # located problems or a page in every format, no exception
    path = tmp_path / "case.readout.yaml"
    path.write_bytes(case.text)
    check_cli_validate(*run_cli(["validate", str(path)]))
    check_cli_render(*run_cli(["render", str(path)]))


def test_the_suite_is_all_there() -> None:
    assert len(CASES) == 402
    assert sum(case.invalid for case in CASES) == 94
