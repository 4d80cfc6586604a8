"""What every command shares: exit statuses, the two errors a command raises, what a
command module holds, and the settings in force. (How a command is added to the parser:
`parsing.py`, which imports argparse; this module does not.)"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol, TypeAlias

if TYPE_CHECKING:
    import argparse
    from types import SimpleNamespace

    from author.commands.parsing import Subcommands
    from author.config import Config

    # A command's parsed arguments: argparse's namespace, or the same attributes read
    # without it (`cli.plain_arguments`).
    Arguments: TypeAlias = argparse.Namespace | SimpleNamespace

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2
EXIT_INTERNAL = 3  # a bug: the last line of defence in `cli.main` caught an exception
EXIT_INTERRUPTED = 130


class Command(Protocol):
    """What a command module holds (`author/commands/validate.py`, …)."""

    def add_parser(self, commands: Subcommands[argparse.ArgumentParser]) -> None:
        """Add the command, with its options, to the CLI's parser."""

    def run(self, args: Arguments) -> int:
        """Do it; the exit status."""


class UsageError(Exception):
    """A problem with how the command was called, or with a file it cannot read."""


class OutputError(Exception):
    """Standard output cannot take the output: closed (`>&-`), a full disk (`/dev/full`)."""


def settings(args: Arguments, start: Path | None = None) -> Config:
    """The settings in force: `--config PATH`, else the nearest settings file."""
    from author.config import ConfigError, load_config

    try:
        return load_config(start, Path(args.config) if args.config else None)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None
