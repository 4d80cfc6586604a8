"""`author schema`: the JSON Schema of the readout format."""

from __future__ import annotations

import argparse

from author.commands.base import EXIT_OK
from author.commands.output import emit
from author.commands.parsing import Subcommands, add_command


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "schema",
        summary="print the JSON Schema of the readout format",
        description="Print the JSON Schema of readout format 1.",
    )
    parser.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")


def run(args: argparse.Namespace) -> int:
    from author.schema import schema_text

    emit(schema_text(), args.output)
    return EXIT_OK
