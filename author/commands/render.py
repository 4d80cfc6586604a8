"""`author render`: one readout to one page (text, Markdown, HTML or a Word document);
with --write, any number into the pages beside them (`render_write`); with --check,
whether the pages beside them are up to date (`render_check`)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from author.commands import render_check, render_write
from author.commands.base import EXIT_OK, EXIT_PROBLEMS, UsageError, settings
from author.commands.checked import checked_readout, pages_of
from author.commands.output import emit, same_file
from author.commands.parsing import Subcommands, add_command
from author.registry import LANGS, RENDER_FORMATS

if TYPE_CHECKING:
    from author.config import Config


def add_parser(commands: Subcommands[argparse.ArgumentParser]) -> None:
    parser = add_command(
        commands,
        "render",
        summary="render a readout as a page",
        # One FILE, unless --write or --check: argparse's own `FILE [FILE ...]` said otherwise.
        usage="%(prog)s [-f FORMAT] [-o PATH] [--template-dir DIR] FILE\n"
        "       %(prog)s --write [-f FORMAT]... [--output-dir DIR] FILE...\n"
        "       %(prog)s --check [-f FORMAT] [-o PATH] FILE...",
        description="Render a readout file as a page (plain text by default). Checks the file "
        "first; a file with errors is not rendered.",
    )
    parser.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="the readout YAML file, or - for stdin; with --write, any number of readouts; "
        "with --check, any number of readouts or pages beside one (x.txt, x.md, x.html, "
        "x.ja.txt, … → x.readout.yaml)",
    )
    parser.add_argument(
        "-f",
        "--format",
        choices=RENDER_FORMATS,
        action="append",
        help="output format (default: text); docx is a Word document (needs the "
        "author[docx] extra, and --output or a redirect: it is not text); with --write, "
        "repeat it for several pages (-f text -f html)",
    )
    parser.add_argument(
        "--lang",
        choices=LANGS,
        action="append",
        help="the page's language (default: en); ja renders the Japanese page from the "
        "readout's ja blocks; with --write, repeat it for both (--lang en --lang ja)",
    )
    parser.add_argument(
        "-o", "--output", metavar="PATH", help="write here (atomically) instead of standard output"
    )
    parser.add_argument(
        "--template-dir",
        metavar="DIR",
        help="use your own template set (page.txt.j2, page.md.j2, page.html.j2); "
        "it runs in Jinja2's sandbox",
    )
    render_write.add_arguments(parser)
    render_check.add_arguments(parser)


def run(args: argparse.Namespace) -> int:
    formats = list(dict.fromkeys(args.format or ["text"]))
    langs = list(dict.fromkeys(args.lang or ["en"]))
    if args.write:
        return render_write.run(args, formats, langs)
    if args.output_dir:
        raise UsageError("--output-dir goes with --write")
    if len(formats) > 1:
        raise UsageError("--format is given once (several only with --write)")
    if len(langs) > 1:
        raise UsageError("--lang is given once (several only with --write)")
    args.format, args.lang = formats[0], langs[0]
    if args.check:
        return render_check.run(args)
    if len(args.files) != 1:
        raise UsageError("render takes one FILE (several only with --check)")
    return _render_one(args.files[0], args)


def _render_one(name: str, args: argparse.Namespace) -> int:
    config = settings(args)
    if args.output and name != "-" and same_file(name, args.output):
        raise UsageError(
            f"--output {args.output} is the readout itself; writing the page there would "
            "replace your readout"
        )
    if args.format == "docx":
        return _render_docx(name, args, config)
    pages = pages_of(name, config, args.template_dir, (args.lang,))
    if pages is None:
        return EXIT_PROBLEMS
    emit(pages.text(args.format, args.lang), args.output)
    return EXIT_OK


def _render_docx(name: str, args: argparse.Namespace, config: Config) -> int:
    """The page as a Word document: to --output (atomically), or to a redirected standard
    output; never to a terminal, where the bytes would be garbage."""
    from author.extras import installed, missing_message

    if not installed("docx"):
        raise UsageError(missing_message("docx"))
    if not args.output and sys.stdout is not None and sys.stdout.isatty():
        raise UsageError(
            "--format docx writes a Word document, not text: give --output FILE.docx "
            "(or redirect standard output to a file)"
        )
    readout = checked_readout(name, config, (args.lang,))
    if readout is None:
        return EXIT_PROBLEMS
    from author.word import readout_docx

    emit(readout_docx(readout, config, lang=args.lang), args.output)
    return EXIT_OK
