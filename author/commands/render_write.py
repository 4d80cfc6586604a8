"""`author render --write FILE...`: every readout into the pages beside it (or in
--output-dir), in one process; a readout with errors is reported and skipped."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from author.commands.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, settings
from author.commands.checked import Pages, pages_of
from author.commands.output import write_file
from author.pages import page_path

if TYPE_CHECKING:
    from author.config import Config

# Each readout to render, with {(language, format): page} to write.
Plan = list[tuple[str, dict[tuple[str, str], Path]]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--write",
        action="store_true",
        help="render every FILE into the page beside it, in one process: x.readout.yaml "
        "(or .yml) → x.txt, and x.md / x.html for --format md / html; each page is written "
        "atomically, an unchanged page is left alone; a file with errors is reported and "
        "skipped, the others are written (exit 1 if any failed)",
    )
    parser.add_argument(
        "--output-dir",
        metavar="DIR",
        help="with --write: write the pages into DIR (created if missing) instead of beside "
        "each readout; a page is named after its readout's file name alone (a/x.readout.yaml "
        "→ DIR/x.txt), and two readouts that would write the same page are refused",
    )


def run(args: argparse.Namespace, formats: list[str], langs: list[str]) -> int:
    if args.check or args.output:
        raise UsageError("--write goes without --check and --output (it names the pages itself)")
    if "docx" in formats:
        raise UsageError(
            "--write writes text pages (text, md, html); write a Word document with "
            "--format docx --output FILE.docx"
        )
    plan = write_plan(args.files, formats, args.output_dir, langs)
    config = settings(args)
    if args.output_dir:
        try:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {args.output_dir}: {exc.strerror or exc}") from None
    from author.rules.prose import plural
    from author.yamlio import sync_folders

    tally = _Tally()
    try:
        for name, pages in plan:
            _write_pages(name, pages, args.template_dir, config, langs, tally)
    finally:
        sync_folders(tally.folders)  # the renames made durable, once per folder
    summary = f"{plural(tally.written, 'page')} written, {tally.unchanged} unchanged"
    if tally.failed:
        summary += f"; {plural(tally.failed, 'readout')} not rendered (see above)"
    print(summary, file=sys.stderr)
    return tally.status


def write_plan(
    names: list[str], formats: list[str], output_dir: str | None, langs: Sequence[str] = ("en",)
) -> Plan:
    """Each readout to render with {(language, format): page} to write, in the order given
    (a readout named twice, once). Refused before anything is written: stdin, a page that would
    replace a readout given, two readouts that would write the same page."""
    if "-" in names:
        raise UsageError(
            "--write renders files into the pages beside them; for stdin, use --output PATH"
        )
    folder = Path(output_dir) if output_dir else None
    readouts = {os.path.realpath(name): name for name in reversed(names)}
    writer: dict[str, str] = {}  # page (its real path) → the readout that writes it
    plan: dict[str, tuple[str, dict[tuple[str, str], Path]]] = {}
    for name in names:
        source = os.path.realpath(name)
        if source not in plan:
            pages = {
                (lang, fmt): _claim(name, fmt, lang, folder, readouts, writer)
                for lang in langs
                for fmt in formats
            }
            plan[source] = (name, pages)
    return list(plan.values())


def _claim(
    name: str,
    fmt: str,
    lang: str,
    folder: Path | None,
    readouts: dict[str, str],
    writer: dict[str, str],
) -> Path:
    """The page of readout `name` in `fmt` and `lang`, claimed for it in `writer`; refused
    when it would be a readout given, or a page another readout writes."""
    page = page_path(Path(name), fmt, lang)
    if folder is not None:
        page = folder / page.name
    real = os.path.realpath(page)
    if real in readouts:
        what = "itself" if real == os.path.realpath(name) else readouts[real]
        raise UsageError(
            f"the {fmt} page of {name} would be {page}, the readout {what}; "
            "name readouts x.readout.yaml"
        )
    if real in writer and writer[real] != name:
        where = "--output-dir " + str(folder) if folder else "the same folder"
        raise UsageError(
            f"{writer[real]} and {name} would both write {page} (pages are named "
            f"after the readout's file name, in {where}); rename one of them"
        )
    writer[real] = name
    return page


class _Tally:
    """What a `render --write` run did: its exit status, the pages written and left
    unchanged, the readouts not rendered, and the folders written into."""

    def __init__(self) -> None:
        self.status = EXIT_OK
        self.written = self.unchanged = self.failed = 0
        self.folders: set[Path] = set()


def _write_pages(
    name: str,
    pages: dict[tuple[str, str], Path],
    template_dir: str | None,
    config: Config,
    langs: Sequence[str],
    tally: _Tally,
) -> None:
    """Check one readout and write its pages; a problem is reported and counted."""
    rendered: Pages | None
    try:
        rendered = pages_of(name, config, template_dir, langs)
        status = EXIT_PROBLEMS  # if it has errors (printed)
    except UsageError as exc:  # unreadable: reported, and the others go on
        print(f"author: {exc}", file=sys.stderr)
        rendered, status = None, EXIT_USAGE
    if rendered is None:
        tally.failed += 1
        tally.status = max(tally.status, status)
        return
    # All of a readout's pages before any is written: a template that fails on this
    # readout (exit 2, the run stops) leaves its pages as they were.
    texts = {key: rendered.text(key[1], key[0]) for key in pages}
    for key, target in pages.items():
        if holds(target, texts[key]):
            tally.unchanged += 1
            continue
        try:
            tally.folders.add(write_file(target, texts[key], sync_folder=False).parent)
        except UsageError as exc:
            print(f"author: {exc}", file=sys.stderr)
            tally.status = EXIT_USAGE
            continue
        tally.written += 1


def holds(target: Path, text: str) -> bool:
    """Whether the page already reads `text` (then it is not rewritten, nor stale)."""
    try:
        return target.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False
