"""How a command is added to the CLI's parser: the help formatter, the parser of a
command, its optional FILE. Imported only when the parser is built: a plain `author
validate FILE...` is read without argparse (`cli.plain_arguments`)."""

from __future__ import annotations

import argparse
import os
from typing import Any

# The parser's `add_subparsers()` result (typeshed names it; argparse keeps it private).
Subcommands = argparse._SubParsersAction


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
