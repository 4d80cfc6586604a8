"""`author serve`: the editor in a web browser (the `author[web]` extra). Textual and
textual-serve are imported only here, when the command runs."""

from __future__ import annotations

import argparse
import sys

from author.commands.base import UsageError, settings
from author.commands.parsing import Subcommands, add_command, add_readout_argument


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "serve",
        summary="the editor in a web browser",
        description="Serve the editor on FILE (a new readout when FILE does not exist, or none) "
        "at http://HOST:PORT/, for a web browser: the same editor as 'author edit', with the "
        "same saves, drafts and checks. One browser tab at a time. Needs the author[web] extra.",
    )
    add_readout_argument(parser)
    parser.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    parser.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    parser.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host that other machines can reach: whoever reaches it can edit "
        "and write files as you",
    )


def run(args: argparse.Namespace) -> int:
    from author.extras import installed, missing_message

    if not installed("web"):
        raise UsageError(missing_message("web"))
    if not 1 <= args.port <= 65535:
        raise UsageError(f"--port {args.port}: a port is a number from 1 to 65535")
    from author.serve import is_loopback, serve, url

    remote = not is_loopback(args.host)
    if remote and not args.allow_remote:
        raise UsageError(
            f"--host {args.host} is not a loopback address: anyone who can reach it could "
            "edit the readout and write files as you; add --allow-remote to serve it anyway"
        )
    _open_or_refuse(args)
    if remote:
        print(
            f"author: warning: serving the editor to the network at {url(args.host, args.port)}: "
            "anyone who can reach it can edit the readout and write files as you",
            file=sys.stderr,
        )
    return serve(args.file, host=args.host, port=args.port, remote=remote, config_path=args.config)


def _open_or_refuse(args: argparse.Namespace) -> None:
    """The same checks as `author edit`, before a browser ever connects."""
    config = settings(args)
    try:
        from author.tui.session import EditSession, OpenFailed
    except ImportError as exc:
        raise UsageError(f"the editor cannot start: {exc}") from None
    try:
        EditSession.open(args.file, config)
    except OpenFailed as exc:
        raise UsageError(str(exc)) from None
