"""`cli.plain_arguments`: a hook's `author validate FILE...` read without argparse.

Wherever it reads a command line it must give the namespace the parser gives, and it must
leave to the parser every command line the parser rejects (whose errors and help only
the parser prints). Each case is held to `cli.parser(argv).parse_args(argv)`, the parser
`main` would use."""

from __future__ import annotations

import contextlib
import io
import json
import subprocess
import sys
from collections.abc import Sequence

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from author.cli import main, parser, plain_arguments
from tests.conftest import REFERENCE, REPO


def parsed(argv: Sequence[str]) -> dict[str, object] | None:
    """The parser's namespace for `argv`, as a dict; None where it exits (an error, help,
    `--version`)."""
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):
        try:
            return vars(parser(argv).parse_args(argv))
        except SystemExit:
            return None


def agrees(argv: list[str]) -> bool:
    """Whether the plain reading of `argv` is the parser's; True when it leaves `argv`
    to the parser. Fails the test when it reads a line the parser rejects, or reads it
    otherwise."""
    plain = plain_arguments(argv)
    if plain is None:
        return False
    assert vars(plain) == parsed(argv), argv
    return True


# Read plainly: the shapes hooks and CI pass.
PLAIN = [
    ["validate", "a.readout.yaml"],
    ["validate", "-"],
    ["validate", "-", "a.yaml", "-"],
    ["validate", "-q", "a.yaml", "b.yaml"],
    ["validate", "--quiet", "--strict", "a.yaml"],
    ["validate", "--strict", "--no-strict", "a.yaml"],
    ["validate", "--no-strict", "--strict", "-q", "-q", "a.yaml"],
    ["validate", "-f", "json", "a.yaml"],
    ["validate", "--format", "github", "a.yaml"],
    ["validate", "--format=json", "-f", "text", "a.yaml"],
    ["validate", "validate", "render"],  # files named like commands
    ["validate", "", "a b.yaml", "x=y", "ü.yaml"],
    ["--config", "c.toml", "validate", "a.yaml"],
    ["--config=c.toml", "validate", "-q", "a.yaml"],
    ["--config=", "validate", "a.yaml"],
    ["--config", "", "validate", "a.yaml"],
    ["--config", "a.toml", "--config=b.toml", "validate", "a.yaml"],
    ["--config", "validate", "validate", "a.yaml"],
]

# Left to the parser: errors, help, abbreviations, options among or after the files.
LEFT = [
    [],
    ["validate"],
    ["validate", "-q"],
    ["validate", "-h", "a.yaml"],
    ["validate", "a.yaml", "--help"],
    ["validate", "a.yaml", "-q"],
    ["validate", "a.yaml", "-q", "b.yaml"],
    ["validate", "--", "a.yaml"],
    ["validate", "--", "-a.yaml"],
    ["validate", "-a.yaml"],
    ["validate", "-1"],
    ["validate", "--qui", "a.yaml"],
    ["validate", "--str", "a.yaml"],
    ["validate", "-qf", "json", "a.yaml"],
    ["validate", "-fjson", "a.yaml"],
    ["validate", "-f=json", "a.yaml"],
    ["validate", "-f", "xml", "a.yaml"],
    ["validate", "-f", "a.yaml"],
    ["validate", "--format", "-", "a.yaml"],
    ["validate", "--format=", "a.yaml"],
    ["validate", "--strict=yes", "a.yaml"],
    ["validate", "--config", "c.toml", "a.yaml"],
    ["--config", "-q", "validate", "a.yaml"],
    ["--config", "-", "validate", "a.yaml"],
    ["--config"],
    ["--conf", "c.toml", "validate", "a.yaml"],
    ["--version"],
    ["--version", "validate", "a.yaml"],
    ["-h"],
    ["render", "a.yaml"],
    ["valid", "a.yaml"],
    ["a.yaml"],
]


@pytest.mark.parametrize("argv", PLAIN, ids=" ".join)
def test_a_plain_command_line_is_read_as_the_parser_reads_it(argv: list[str]) -> None:
    assert agrees(argv)


@pytest.mark.parametrize("argv", LEFT, ids=" ".join)
def test_any_other_command_line_is_left_to_the_parser(argv: list[str]) -> None:
    assert plain_arguments(argv) is None


TOKENS = [
    "validate", "render", "--config", "--config=c.toml", "--config=", "c.toml", "-q",
    "--quiet", "--strict", "--no-strict", "-f", "--format", "--format=json", "--format=xml",
    "json", "text", "github", "xml", "a.yaml", "b.readout.yaml", "-", "--", "-h", "--help",
    "--version", "--qu", "--no-s", "-qf", "-fjson", "-f=json", "", "-1", "-x", "--x",
    "a b", "--strict=1", "-qq", "--format=", "=", "--=",
]  # fmt: skip


@settings(max_examples=1500, deadline=None)
@given(st.lists(st.sampled_from(TOKENS), max_size=8))
def test_any_command_line_of_these_tokens_reads_as_the_parser_reads_it(argv: list[str]) -> None:
    agrees(argv)


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.sampled_from(["--config", "--config=c.toml", "c.toml"]), max_size=3),
    st.lists(st.sampled_from(["-q", "--quiet", "--strict", "--no-strict", "-f", "--format",
                              "json", "github", "--format=text"]), max_size=5),
    st.lists(st.text(min_size=0, max_size=6), min_size=1, max_size=5),
)  # fmt: skip
def test_validate_with_options_then_any_files_reads_as_the_parser_reads_it(
    top: list[str], options: list[str], files: list[str]
) -> None:
    agrees([*top, "validate", *options, *files])


def test_the_plain_shapes_are_read_plainly() -> None:
    """Not a vacuous agreement: a hook's own command lines take the plain path."""
    names = [f"meeting-{n:05}.readout.yaml" for n in range(50_000)]
    plain = plain_arguments(["validate", "-q", *names])
    assert plain is not None and plain.files == names and plain.quiet is True


def test_main_reads_a_plain_command_line_without_argparse() -> None:
    probe = (
        "import json, sys; import author.cli; status = author.cli.main(sys.argv[1:]); "
        "print(json.dumps([status, 'argparse' in sys.modules]), file=sys.stderr)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe, "validate", "-q", str(REFERENCE)],
        capture_output=True,
        text=True,
        cwd=REPO,
        timeout=60,
    )
    assert json.loads(done.stderr.strip().splitlines()[-1]) == [0, False]


def test_what_the_parser_reports_is_unchanged(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["validate", "-f", "xml", str(REFERENCE)])
    assert exited.value.code == 2
    assert "argument -f/--format: invalid choice: 'xml'" in capsys.readouterr().err
    with pytest.raises(SystemExit) as exited:
        main(["validate", "--help"])
    assert exited.value.code == 0
    assert "--no-strict" in capsys.readouterr().out
