"""`author edit` (and bare `author`): the terminal editor. Textual is imported only here,
when the command runs."""

from __future__ import annotations

import argparse

from author.commands.base import UsageError, settings
from author.commands.parsing import Subcommands, add_command, add_readout_argument


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "edit",
        summary="edit a readout in the terminal UI",
        description="Open FILE in the terminal editor (a new readout when FILE does not exist).",
    )
    add_readout_argument(parser)


def run(args: argparse.Namespace) -> int:
    try:
        from author.tui.app import run_editor
    except ImportError as exc:
        raise UsageError(f"the editor cannot start: {exc}") from None
    return run_editor(args.file, settings(args))
