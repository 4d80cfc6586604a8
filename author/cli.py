"""The `author` command: its parser and `main`, which runs one command (`author/commands/`,
one module each) and turns what goes wrong into one line and an exit status.

Headless: importing this module never imports Textual or Jinja2; `edit` imports the TUI
and `render` imports Jinja2 only when they run."""

from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence
from typing import cast

from author import __version__
from author.commands.base import (
    EXIT_INTERNAL,
    EXIT_INTERRUPTED,
    EXIT_OK,
    EXIT_USAGE,
    Command,
    HelpFormatter,
    OutputError,
    UsageError,
)
from author.commands.output import drop_output, flush_out, tolerant_streams

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


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stderr is None:  # started with standard error closed: messages go nowhere
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    tolerant_streams()
    argv = sys.argv[1:] if argv is None else argv
    args = parser(argv).parse_args(argv)
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
