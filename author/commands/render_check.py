"""`author render --check FILE...`: exit 1 if a page committed beside a readout is not
what the readout renders now, printing the command that fixes it (the pre-commit hook
`author-rendered`)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from author.commands.base import EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE, UsageError, settings
from author.commands.checked import pages_of
from author.commands.render_write import Plan, holds
from author.pages import (
    DOCUMENT_SUFFIX,
    PAGE_SUFFIXES,
    READOUT_SUFFIXES,
    readout_beside,
    rendered_siblings,
)

# page → (readout, language, format) of each page out of date
Stale = dict[Path, tuple[str, str, str]]


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--check",
        action="store_true",
        help="do not write: exit 1 if a page committed beside a readout (x.readout.yaml → "
        "x.txt/.md/.html and the Japanese x.ja.txt/.ja.md/.ja.html, whichever exist; or the "
        "page at --output, in --lang) differs from what the readout renders now, and print "
        "the command that fixes each one",
    )


def run(args: argparse.Namespace) -> int:
    config = settings(args)
    status = EXIT_OK
    # By page: a readout named twice (itself, and through its page) is reported once.
    stale: Stale = {}
    for name, targets in _targets(args):
        if not targets:
            continue  # no page committed beside this readout: nothing to keep in step
        langs = tuple(dict.fromkeys(lang for lang, _ in targets))
        try:
            pages = pages_of(name, config, args.template_dir, langs)
        except UsageError as exc:
            print(f"author: {exc}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        if pages is None:
            status = max(status, EXIT_PROBLEMS)
            continue
        for (lang, fmt), target in targets.items():
            if not holds(target, pages.text(fmt, lang)):
                stale[target] = (name, lang, fmt)
    _report(args, stale)
    return max(status, EXIT_PROBLEMS) if stale else status


def _targets(args: argparse.Namespace) -> Plan:
    """The readouts to check and, for each, {(language, format): page} to compare with. A
    Word document is not text and is not checked."""
    if args.format == "docx":
        raise UsageError(
            "--check compares text pages (text, md, html); a Word document (docx) is not checked"
        )
    if args.output:
        if len(args.files) != 1:
            raise UsageError("--check with --output takes one FILE")
        return [(args.files[0], {(args.lang, args.format): Path(args.output)})]
    if "-" in args.files:
        raise UsageError("--check with stdin needs --output PATH to compare against")
    readouts: dict[str, None] = {}
    for name in args.files:
        path = Path(name)
        if path.name.endswith(READOUT_SUFFIXES):
            readouts[name] = None
        elif (readout := readout_beside(path)) is not None:
            readouts[str(readout)] = None  # a page edited by hand: check its readout
        elif path.suffix not in (*PAGE_SUFFIXES.values(), DOCUMENT_SUFFIX):
            readouts[name] = None  # any other name is taken as a readout
        # a page with no readout beside it (README.md), or a Word document beside one (it
        # is not text), is none of our business
    return [(name, rendered_siblings(Path(name))) for name in readouts]


def _report(args: argparse.Namespace, stale: Stale) -> None:
    """Each stale page with the command that fixes it, then one line for them all."""
    for target, (name, lang, fmt) in stale.items():
        fix = _fix_command(args, [name], [fmt], target if args.output else None, lang)
        print(f"{target}: out of date with {name}; to fix, run: {fix}", file=sys.stderr)
    if len(stale) == 1:
        print("1 page out of date; run the command above, then add the page", file=sys.stderr)
    elif stale:
        print(
            f"{len(stale)} pages out of date; to fix them all, run: {_fix_all(args, stale)}; "
            "then add the pages",
            file=sys.stderr,
        )


def _fix_command(
    args: argparse.Namespace,
    names: list[str],
    formats: list[str],
    output: Path | None = None,
    lang: str = "en",
) -> str:
    """The command that rewrites these readouts' pages in these formats and language:
    `author render --write FILE...` (or, for the one page named by --output, `--output
    PATH`), with the --config and --template-dir the check ran with."""
    import shlex

    words = ["author"]
    if args.config:
        words += ["--config", args.config]
    words += ["render"] if output is not None else ["render", "--write"]
    words += names
    if lang != "en":
        words += ["--lang", lang]
    if output is not None or formats != ["text"]:
        for fmt in formats:
            words += ["--format", fmt]
    if output is not None:
        words += ["--output", str(output)]
    if args.template_dir:
        words += ["--template-dir", args.template_dir]
    return shlex.join(words)


def _fix_all(args: argparse.Namespace, stale: Stale) -> str:
    """One `render --write` per language and set of stale formats, so that no page is
    written that was not there (a readout with only a stale x.md gets no x.html)."""
    if args.output:
        return " && ".join(
            _fix_command(args, [n], [f], t, lang) for t, (n, lang, f) in stale.items()
        )
    formats: dict[tuple[str, str], list[str]] = {}
    for name, lang, fmt in stale.values():
        formats.setdefault((lang, name), []).append(fmt)
    groups: dict[tuple[str, tuple[str, ...]], list[str]] = {}
    for (lang, name), fmts in formats.items():
        groups.setdefault((lang, tuple(fmts)), []).append(name)
    return " && ".join(
        _fix_command(args, names, list(f), lang=lang) for (lang, f), names in groups.items()
    )
