"""The `author` command: its parser and `main`, which runs one command (`author/commands/`,
one module each) and turns what goes wrong into one line and an exit status.

Headless: importing this module never imports Textual or Jinja2; `edit` imports the TUI
and `render` imports Jinja2 only when they run. A plain `author validate FILE...` (a
hook's, CI's) does not import argparse either (`plain_arguments`)."""

from __future__ import annotations

import importlib
import os
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, cast

from author import __version__
from author.commands.base import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    OutputError,
    UsageError,
)
from author.commands.output import drop_output, flush_out, tolerant_streams

if TYPE_CHECKING:
    import argparse
    from collections.abc import Sequence

    from author.commands.base import Arguments

# In the order `author --help` lists them; each is the module `author/commands/NAME.py`.
COMMANDS = ("render", "validate", "schema", "new", "edit", "serve")


def command(name: str) -> Command:
    """The module of the command `name`, imported when it is needed (a hook's
    `author validate` has no use for the others)."""
    return cast(Command, importlib.import_module(f"author.commands.{name}"))


def named_command(argv: Sequence[str]) -> str | None:
    """The command `argv` names, when plain to see: its first argument once `--config
    PATH` is passed over. None otherwise (help, `--version`, an abbreviated option, a
    misspelt command, no command): then the whole parser reads it."""
    at = 0
    while at < len(argv) and (argv[at] == "--config" or argv[at].startswith("--config=")):
        at += 2 if argv[at] == "--config" else 1
    return argv[at] if at < len(argv) and argv[at] in COMMANDS else None


def parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The whole command line: the global options, then each command's own; for an
    `argv` that names its command, that command's only (`named_command`): it reads
    `argv` exactly as the whole parser would, at a part of the start-up cost."""
    import argparse

    from author.commands.parsing import HelpFormatter

    top = argparse.ArgumentParser(
        formatter_class=HelpFormatter,
        prog="author",
        description="Write official meeting readouts from facts: validate readout YAML files, "
        "render them as house-style pages, or edit them in a terminal UI.",
        epilog="Run 'author COMMAND --help' for a command's options. With no command, "
        "'author' opens the editor on a new readout.",
    )
    top.add_argument("--version", action="version", version=f"author {__version__}")
    top.add_argument(
        "--config",
        metavar="PATH",
        help="settings file (default: the nearest .author.toml, or pyproject.toml with "
        "[tool.author])",
    )
    # An explicit prog keeps argparse from sizing the terminal (importing shutil) at start-up.
    commands = top.add_subparsers(dest="command", metavar="COMMAND", prog="author")
    named = named_command(argv) if argv is not None else None
    for name in (named,) if named else COMMANDS:
        command(name).add_parser(commands)
    return top


def plain_arguments(argv: Sequence[str]) -> Arguments | None:
    """`argv` read without argparse when it has the shape a hook or CI passes: `[--config
    PATH] validate [OPTION...] FILE...` (`validate.plain_options`), into the attributes
    the parser would set. None for any other command line, which the parser then reads
    (help, errors and all). Equal to the parser's namespace wherever it is not None
    (`tests/test_cli_plain.py`); it spares a hook's start-up importing argparse and
    building its parsers."""
    config, at = None, 0
    while at < len(argv):
        if argv[at] == "--config" and at + 1 < len(argv) and argv[at + 1][:1] != "-":
            config, at = argv[at + 1], at + 2
        elif argv[at][:9] == "--config=":
            config, at = argv[at][9:], at + 1
        else:
            break
    if at == len(argv) or argv[at] != "validate":
        return None
    from author.commands.validate import plain_options

    options = plain_options(argv, at + 1)
    return (
        None if options is None else SimpleNamespace(config=config, command="validate", **options)
    )


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stderr is None:  # started with standard error closed: messages go nowhere
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    tolerant_streams()
    argv = sys.argv[1:] if argv is None else argv
    args = plain_arguments(argv) or parser(argv).parse_args(argv)
    if args.command is None:
        args.command, args.file = "edit", None
    try:
        status = command(args.command).run(args)
        flush_out()
        return status
    except UsageError as exc:
        print(f"author: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        drop_output()
        print(f"author: cannot write standard output: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("author: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        drop_output()
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback
        print(
            f"author: internal error: {type(exc).__name__}: {exc}\n"
            "Please report this with the file that caused it.",
            file=sys.stderr,
        )
        return EXIT_INTERNAL
