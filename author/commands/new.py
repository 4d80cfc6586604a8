"""`author new`: a commented starter readout for a meeting kind."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from author.commands.base import EXIT_OK, UsageError
from author.commands.output import emit, write_file
from author.commands.parsing import Subcommands, add_command


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "new",
        summary="write a commented starter readout",
        description="Write a commented starter readout to FILE (or standard output). Fill in "
        "the fields, then 'author validate FILE'.",
    )
    parser.add_argument("file", metavar="FILE", nargs="?", help="where to write (default: stdout)")
    parser.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    parser.add_argument(
        "--kind",
        metavar="KIND",
        default="meeting",
        help="the meeting kind the starter is for (default: meeting), e.g. telephone_talk, "
        "courtesy_call_received, strategic_dialogue; what the kind uses (a name, a role, "
        "follow-ons, a group) is written in as comments",
    )


def run(args: argparse.Namespace) -> int:
    from author.starter import USES, starter_text
    from author.suggest import did_you_mean

    if args.kind not in USES:
        raise UsageError(
            f"unknown kind {args.kind!r}{did_you_mean(args.kind, USES)} (kinds: {', '.join(USES)})"
        )
    if not args.file or args.file == "-":
        emit(starter_text(args.kind), None)
        return EXIT_OK
    target = Path(args.file)
    text = starter_text(args.kind, target.parent)
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists; use --force to overwrite it")
    write_file(target, text)
    print(
        f"wrote {target}: fill in the fields, then run 'author validate {target}'", file=sys.stderr
    )
    return EXIT_OK
