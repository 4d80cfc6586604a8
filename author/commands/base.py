"""What every command shares: exit statuses, the two errors a command raises, the help
formatter, how a command is added to the parser, and the settings in force."""

from __future__ import annotations

import argparse
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from author.config import Config

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 3  # a bug: the last line of defence in `cli.main` caught an exception
EXIT_INTERRUPTED = 130

# The parser's `add_subparsers()` result (typeshed names it; argparse keeps it private).
Subcommands = argparse._SubParsersAction


class Command(Protocol):
    """What a command module holds (`author/commands/validate.py`, …)."""

    def add_parser(self, commands: Subcommands[argparse.ArgumentParser]) -> None:
        """Add the command, with its options, to the CLI's parser."""

    def run(self, args: argparse.Namespace) -> int:
        """Do it; the exit status."""


class UsageError(Exception):
    """A problem with how the command was called, or with a file it cannot read."""


class OutputError(Exception):
    """Standard output cannot take the output: closed (`>&-`), a full disk (`/dev/full`)."""


class HelpFormatter(argparse.HelpFormatter):
    """argparse's help formatter, sized without importing shutil (argparse builds one for
    every option it adds, so the default costs start-up time even when no help prints)."""

    def __init__(self, prog: str, **kwargs: Any) -> None:
        if kwargs.get("width") is None:
            try:
                columns = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size(2).columns
            except (OSError, ValueError):
                columns = 80
            kwargs["width"] = max(columns - 2, 20)
        super().__init__(prog, **kwargs)


def add_command(
    commands: Subcommands[argparse.ArgumentParser],
    name: str,
    *,
    summary: str,
    description: str,
    usage: str | None = None,
) -> argparse.ArgumentParser:
    """Add the command `name`: `summary` is its line in `author --help`, `description`
    opens its own `--help`."""
    return commands.add_parser(
        name, formatter_class=HelpFormatter, help=summary, description=description, usage=usage
    )


def add_readout_argument(parser: argparse.ArgumentParser) -> None:
    """The optional FILE of the editor's commands (`edit`, `serve`)."""
    parser.add_argument("file", metavar="FILE", nargs="?", help="the readout file")


def settings(args: argparse.Namespace, start: Path | None = None) -> Config:
    """The settings in force: `--config PATH`, else the nearest settings file."""
    from author.config import ConfigError, load_config

    try:
        return load_config(start, Path(args.config) if args.config else None)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
