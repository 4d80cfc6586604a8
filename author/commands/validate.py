"""`author validate FILE...`: every problem of every file, as text, JSON or GitHub
annotations; exit 0 no errors, 1 errors (or warnings under --strict), 2 unreadable."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Any

from author.commands.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, settings
from author.commands.output import write_out
from author.registry import VALIDATE_FORMATS

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from author.commands.base import Arguments
    from author.commands.parsing import Subcommands
    from author.diagnostics import Diagnostic


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    import argparse

    from author.commands.parsing import add_command

    parser = add_command(
        commands,
        "validate",
        summary="check readout files",
        description="Check readout files and print every problem as "
        "path:line:col: severity: message [code]. Exit 0 when no file has errors, 1 when one "
        "has (or has warnings under --strict), 2 for usage errors or unreadable files.",
    )
    parser.add_argument("files", metavar="FILE", nargs="+", help="readout files (- for stdin)")
    parser.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fail on warnings too (default: the 'strict' setting, else off)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=VALIDATE_FORMATS,
        default="text",
        help="output: text (default), json, or github (workflow annotations)",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="print problems only, no summary line"
    )


# The options `add_parser` adds, as `plain_options` reads them: each flag as written in
# full, and what it sets; `-f`/`--format` take a value.
_FLAGS = {
    "-q": ("quiet", True),
    "--quiet": ("quiet", True),
    "--strict": ("strict", True),
    "--no-strict": ("strict", False),
}
_FORMAT = ("-f", "--format")


def plain_options(argv: Sequence[str], at: int) -> dict[str, Any] | None:
    """The command's options and files in `argv[at:]`, read without argparse when they
    have the shape a hook or CI passes: options first, each spelt in full (`-f json`,
    `--format json`, `--format=json`), then one or more files, none starting with `-`
    but `-` (standard input) itself. None for any other shape (help, an abbreviation,
    `--`, an option after a file, a format it does not have, no file): the parser then
    reads it, and reports what is wrong."""
    options: dict[str, Any] = {"strict": None, "format": "text", "quiet": False}
    while at < len(argv) and argv[at][:1] == "-" and argv[at] != "-":
        arg = argv[at]
        if arg in _FLAGS:
            name, value = _FLAGS[arg]
            options[name] = value
        elif arg in _FORMAT and at + 1 < len(argv) and argv[at + 1] in VALIDATE_FORMATS:
            at += 1
            options["format"] = argv[at]
        elif arg[:9] == "--format=" and arg[9:] in VALIDATE_FORMATS:
            options["format"] = arg[9:]
        else:
            return None
        at += 1
    files = list(argv[at:])
    if not files or any(name[:1] == "-" and name != "-" for name in files):
        return None
    options["files"] = files
    return options


class _Totals:
    """What a run found, over all its files."""

    def __init__(self) -> None:
        self.files = self.failed = self.errors = self.warnings = 0
        self.unreadable = False

    def add(self, diagnostics: Sequence[Diagnostic], failed: bool, unreadable: bool) -> None:
        errors = sum(d.is_error for d in diagnostics)
        self.files += 1
        self.failed += failed
        self.errors += errors
        self.warnings += len(diagnostics) - errors
        self.unreadable |= unreadable

    def summary(self) -> str:
        """`2 files checked: 1 error, 0 warnings; 1 failed`."""
        from author.rules.prose import plural

        line = (
            f"{plural(self.files, 'file')} checked: {plural(self.errors, 'error')}, "
            f"{plural(self.warnings, 'warning')}"
        )
        return line + (f"; {self.failed} failed" if self.failed else "")

    def status(self) -> int:
        if self.unreadable:
            return EXIT_USAGE
        return EXIT_PROBLEMS if self.failed else EXIT_OK


def run(args: Arguments) -> int:
    import gc

    # The collector, tuned for the run before the checker is imported. Importing it
    # (Pydantic building the models) and checking a file allocate many small objects with
    # no cycles to speak of: the modules' live as long as the process, a file's are all
    # freed after it, so the default schedule mostly scans survivors for nothing. It runs
    # less often, and once the checker is loaded `gc.freeze` moves what is loaded out of
    # its sight: about a tenth of the one-file start-up and 15 % of a large batch (README,
    # "Performance"); memory stays flat.
    gc.set_threshold(50_000, 20, 20)
    from author.check import check_file
    from author.diagnostics import format_github, format_json, format_text

    gc.freeze()
    config = settings(args)
    strict = config.strict if args.strict is None else args.strict
    formatter = format_github if args.format == "github" else format_text
    collected = []  # (path, diagnostics) for --format json; the rest prints as it goes
    totals = _Totals()
    for name in args.files:
        # One file at a time, and nothing of it kept but its diagnostics: memory stays
        # flat however many files a hook passes.
        result = check_file(name, config)
        totals.add(result.diagnostics, result.failed(strict), result.unreadable)
        if args.format == "json":
            collected.append((result.path, result.diagnostics))
        elif result.diagnostics:
            write_out(formatter(result.diagnostics))
        del result
    if args.format == "json":
        write_out(format_json(collected, strict=strict))
    elif (
        args.format == "text"
        and not args.quiet
        and (totals.errors or totals.warnings or totals.files > 1)
    ):
        print(totals.summary(), file=sys.stderr)
    return totals.status()
