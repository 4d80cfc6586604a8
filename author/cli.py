"""The `author` command: its parser and `main`, which runs one command (`author/commands/`,
one module each) and turns what goes wrong into one line and an exit status.

Headless: importing this module never imports Textual or Jinja2; `edit` imports the TUI
and `render` imports Jinja2 only when they run."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from author import __version__
from author.commands import edit, new, render, schema, serve, validate
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

# In the order `author --help` lists them.
COMMANDS: dict[str, Command] = {
    "render": render,
    "validate": validate,
    "schema": schema,
    "new": new,
    "edit": edit,
    "serve": serve,
}


def parser() -> argparse.ArgumentParser:
    """The whole command line: the global options, then each command's own."""
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
    for command in COMMANDS.values():
        command.add_parser(commands)
    return top


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stderr is None:  # started with standard error closed: messages go nowhere
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    tolerant_streams()
    args = parser().parse_args(argv)
    if args.command is None:
        args.command, args.file = "edit", None
    try:
        status = COMMANDS[args.command].run(args)
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
