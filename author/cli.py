"""The `author` command. Headless: importing this module never imports Textual or Jinja2;
`edit` imports the TUI and `render` imports Jinja2 only when they run."""

from __future__ import annotations

import argparse
import contextlib
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from author import __version__
from author.pages import (
    DOCUMENT_SUFFIX,
    PAGE_SUFFIXES,
    READOUT_SUFFIXES,
    page_path,
    readout_beside,
    rendered_siblings,
)

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with how the command was called, or with a file it cannot read."""


class OutputError(Exception):
    """Standard output cannot take the output: closed (`>&-`), a full disk (`/dev/full`)."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help formatter, sized without importing shutil (argparse builds one for
    every option it adds, so the default costs start-up time even when no help prints)."""

    def __init__(self, prog: str, **kwargs) -> None:
        if kwargs.get("width") is None:
            try:
                columns = int(os.environ.get("COLUMNS", "0")) or os.get_terminal_size(2).columns
            except (OSError, ValueError):
                columns = 80
            kwargs["width"] = max(columns - 2, 20)
        super().__init__(prog, **kwargs)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        formatter_class=_Formatter,
        prog="author",
        description="Write official meeting readouts from facts: validate readout YAML files, "
        "render them as house-style pages, or edit them in a terminal UI.",
        epilog="Run 'author COMMAND --help' for a command's options. With no command, "
        "'author' opens the editor on a new readout.",
    )
    parser.add_argument("--version", action="version", version=f"author {__version__}")
    parser.add_argument(
        "--config",
        metavar="PATH",
        help="settings file (default: the nearest .author.toml, or pyproject.toml with "
        "[tool.author])",
    )
    # An explicit prog keeps argparse from sizing the terminal (importing shutil) at start-up.
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", prog="author")

    render = commands.add_parser(
        "render",
        formatter_class=_Formatter,
        help="render a readout as a page",
        # One FILE, unless --write or --check: argparse's own `FILE [FILE ...]` said otherwise.
        usage="%(prog)s [-f FORMAT] [-o PATH] [--template-dir DIR] FILE\n"
        "       %(prog)s --write [-f FORMAT]... [--output-dir DIR] FILE...\n"
        "       %(prog)s --check [-f FORMAT] [-o PATH] FILE...",
        description="Render a readout file as a page (plain text by default). Checks the file "
        "first; a file with errors is not rendered.",
    )
    render.add_argument(
        "files",
        metavar="FILE",
        nargs="+",
        help="the readout YAML file, or - for stdin; with --write, any number of readouts; "
        "with --check, any number of readouts or pages beside one (x.txt, x.md, x.html, "
        "x.ja.txt, … → x.readout.yaml)",
    )
    render.add_argument(
        "-f",
        "--format",
        choices=["text", "md", "html", "docx"],
        action="append",
        help="output format (default: text); docx is a Word document (needs the "
        "author[docx] extra, and --output or a redirect: it is not text); with --write, "
        "repeat it for several pages (-f text -f html)",
    )
    render.add_argument(
        "--lang",
        choices=["en", "ja"],
        action="append",
        help="the page's language (default: en); ja renders the Japanese page from the "
        "readout's ja blocks; with --write, repeat it for both (--lang en --lang ja)",
    )
    render.add_argument(
        "-o", "--output", metavar="PATH", help="write here (atomically) instead of standard output"
    )
    render.add_argument(
        "--template-dir",
        metavar="DIR",
        help="use your own template set (page.txt.j2, page.md.j2, page.html.j2); "
        "it runs in Jinja2's sandbox",
    )
    render.add_argument(
        "--write",
        action="store_true",
        help="render every FILE into the page beside it, in one process: x.readout.yaml "
        "(or .yml) → x.txt, and x.md / x.html for --format md / html; each page is written "
        "atomically, an unchanged page is left alone; a file with errors is reported and "
        "skipped, the others are written (exit 1 if any failed)",
    )
    render.add_argument(
        "--output-dir",
        metavar="DIR",
        help="with --write: write the pages into DIR (created if missing) instead of beside "
        "each readout; a page is named after its readout's file name alone (a/x.readout.yaml "
        "→ DIR/x.txt), and two readouts that would write the same page are refused",
    )
    render.add_argument(
        "--check",
        action="store_true",
        help="do not write: exit 1 if a page committed beside a readout (x.readout.yaml → "
        "x.txt/.md/.html and the Japanese x.ja.txt/.ja.md/.ja.html, whichever exist; or the "
        "page at --output, in --lang) differs from what the readout renders now, and print "
        "the command that fixes each one",
    )

    validate = commands.add_parser(
        "validate",
        formatter_class=_Formatter,
        help="check readout files",
        description="Check readout files and print every problem as "
        "path:line:col: severity: message [code]. Exit 0 when no file has errors, 1 when one "
        "has (or has warnings under --strict), 2 for usage errors or unreadable files.",
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="readout files (- for stdin)")
    validate.add_argument(
        "--strict",
        action=argparse.BooleanOptionalAction,
        default=None,
        help="fail on warnings too (default: the 'strict' setting, else off)",
    )
    validate.add_argument(
        "-f",
        "--format",
        choices=["text", "json", "github"],
        default="text",
        help="output: text (default), json, or github (workflow annotations)",
    )
    validate.add_argument(
        "-q", "--quiet", action="store_true", help="print problems only, no summary line"
    )

    schema = commands.add_parser(
        "schema",
        formatter_class=_Formatter,
        help="print the JSON Schema of the readout format",
        description="Print the JSON Schema of readout format 1.",
    )
    schema.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")

    new = commands.add_parser(
        "new",
        formatter_class=_Formatter,
        help="write a commented starter readout",
        description="Write a commented starter readout to FILE (or standard output). Fill in "
        "the fields, then 'author validate FILE'.",
    )
    new.add_argument("file", metavar="FILE", nargs="?", help="where to write (default: stdout)")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    new.add_argument(
        "--kind",
        metavar="KIND",
        default="meeting",
        help="the meeting kind the starter is for (default: meeting), e.g. telephone_talk, "
        "courtesy_call_received, strategic_dialogue; what the kind uses (a name, a role, "
        "follow-ons, a group) is written in as comments",
    )

    edit = commands.add_parser(
        "edit",
        formatter_class=_Formatter,
        help="edit a readout in the terminal UI",
        description="Open FILE in the terminal editor (a new readout when FILE does not exist).",
    )
    edit.add_argument("file", metavar="FILE", nargs="?", help="the readout file")

    serve = commands.add_parser(
        "serve",
        formatter_class=_Formatter,
        help="the editor in a web browser",
        description="Serve the editor on FILE (a new readout when FILE does not exist, or none) "
        "at http://HOST:PORT/, for a web browser: the same editor as 'author edit', with the "
        "same saves, drafts and checks. One browser tab at a time. Needs the author[web] extra.",
    )
    serve.add_argument("file", metavar="FILE", nargs="?", help="the readout file")
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default: 127.0.0.1, this machine only)",
    )
    serve.add_argument("--port", type=int, default=8000, help="port to listen on (default: 8000)")
    serve.add_argument(
        "--allow-remote",
        action="store_true",
        help="allow a --host that other machines can reach: whoever reaches it can edit "
        "and write files as you",
    )
    return parser


def _config(args: argparse.Namespace, start: Path | None = None):
    from author.config import ConfigError, load_config

    try:
        return load_config(start, Path(args.config) if args.config else None)
    except ConfigError as exc:
        raise UsageError(str(exc)) from None


def _cmd_validate(args: argparse.Namespace) -> int:
    from author.check import check_file
    from author.diagnostics import format_github, format_json, format_text

    config = _config(args)
    strict = config.strict if args.strict is None else args.strict
    if len(args.files) > 1:
        # Checking a file allocates many small objects and frees them all (no cycles to
        # speak of): move the modules loaded so far out of the collector's sight and let
        # it run less often. About 15% faster on a large batch; memory stays flat.
        import gc

        gc.freeze()
        gc.set_threshold(50_000, 20, 20)
    formatter = format_github if args.format == "github" else format_text
    collected = []  # (path, diagnostics) for --format json; the rest prints as it goes
    files = failed = errors = warnings = 0
    unreadable = False
    for name in args.files:
        # One file at a time, and nothing of it kept but its diagnostics: memory stays
        # flat however many files a hook passes.
        result = check_file(name, config)
        diagnostics = result.diagnostics
        files += 1
        failed += result.failed(strict)
        unreadable |= result.unreadable
        file_errors = sum(d.is_error for d in diagnostics)
        errors += file_errors
        warnings += len(diagnostics) - file_errors
        if args.format == "json":
            collected.append((result.path, diagnostics))
        elif diagnostics:
            _write_out(formatter(diagnostics))
        del result
    if args.format == "json":
        _write_out(format_json(collected, strict=strict))
    elif args.format == "text" and not args.quiet and (errors or warnings or files > 1):
        print(
            f"{files} file{'s' * (files != 1)} checked: "
            f"{errors} error{'s' * (errors != 1)}, "
            f"{warnings} warning{'s' * (warnings != 1)}" + (f"; {failed} failed" if failed else ""),
            file=sys.stderr,
        )
    if unreadable:
        return EXIT_USAGE
    return EXIT_PROBLEMS if failed else EXIT_OK


def _cmd_render(args: argparse.Namespace) -> int:
    formats = list(dict.fromkeys(args.format or ["text"]))
    langs = list(dict.fromkeys(args.lang or ["en"]))
    if args.write:
        return _cmd_render_write(args, formats, langs)
    if args.output_dir:
        raise UsageError("--output-dir goes with --write")
    if len(formats) > 1:
        raise UsageError("--format is given once (several only with --write)")
    if len(langs) > 1:
        raise UsageError("--lang is given once (several only with --write)")
    args.format, args.lang = formats[0], langs[0]
    if args.check:
        return _cmd_render_check(args)
    if len(args.files) != 1:
        raise UsageError("render takes one FILE (several only with --check)")
    config = _config(args)
    name = args.files[0]
    if args.output and name != "-" and _same_file(name, args.output):
        raise UsageError(
            f"--output {args.output} is the readout itself; writing the page there would "
            "replace your readout"
        )
    if args.format == "docx":
        return _render_docx(name, args, config)
    page, status = _renderer(name, args, config, (args.lang,))
    if page is None:
        return status
    text = page(args.format, args.lang)
    _emit(text, args.output)
    return EXIT_OK


def _render_docx(name: str, args: argparse.Namespace, config) -> int:
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
    readout, status = _checked(name, config, (args.lang,))
    if readout is None:
        return status
    from author.word import readout_docx

    document = readout_docx(readout, config, lang=args.lang)
    _emit(document, args.output)
    return EXIT_OK


def _write_file(target: str | Path, text: str | bytes, *, sync_folder: bool = True) -> Path:
    """Write atomically (see `write_atomic`); the file written, or UsageError."""
    from author.yamlio import write_atomic

    try:
        return write_atomic(target, text, sync_folder=sync_folder)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None


def _emit(text: str | bytes, output: str | None) -> None:
    """Write `text` to `output` (atomically), or to standard output as UTF-8 (bytes as
    they are)."""
    if output:
        _flush_out()  # `--output /dev/stdout` writes past the stream's buffer
        _write_file(output, text)
        return
    # UTF-8 whatever the terminal's encoding: a pipe or a redirect gets the same bytes as
    # --output, and a narrow locale cannot fail the command.
    _write_out(text, utf8=True)


def _write_out(text: str | bytes, *, utf8: bool = False) -> None:
    """Write to standard output; a stream that cannot take it raises OutputError."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed
        raise OutputError("standard output is closed")
    binary = getattr(stream, "buffer", None) if utf8 or isinstance(text, bytes) else None
    try:
        if binary is None:  # text wanted, or a text-only stream (tests, embedding)
            stream.write(text)  # type: ignore[arg-type]
        else:
            stream.flush()
            binary.write(text.encode("utf-8") if isinstance(text, str) else text)
            binary.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from None


def _flush_out() -> None:
    """Flush standard output now, so a full disk is reported, not met at exit."""
    if sys.stdout is None:
        return
    try:
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as exc:
        raise OutputError(exc.strerror or str(exc)) from None


def _same_file(first: str, second: str) -> bool:
    try:
        return os.path.samefile(first, second)
    except OSError:
        return False


def _checked(name: str, config, langs: Sequence[str] = ("en",)):
    """Check one readout for its pages in `langs`, printing its problems; (the readout, 0),
    or (None, exit status). For the Japanese page, a Japanese text it needs and lacks
    (`missing-translation`, a warning in `validate`) is an error."""
    from author.check import check_file, for_japanese_page
    from author.diagnostics import format_text

    result = check_file(name, config)
    if result.unreadable:
        raise UsageError(result.diagnostics[0].text())
    if "ja" in langs:
        for_japanese_page(result, config)
    if result.readout is None or result.errors:
        sys.stderr.write(format_text(result.diagnostics))
        print(f"author: {name}: not rendered: fix the errors above", file=sys.stderr)
        return None, EXIT_PROBLEMS
    if result.warnings:
        sys.stderr.write(format_text(result.warnings))
    return result.readout, EXIT_OK


def _renderer(name: str, args: argparse.Namespace, config, langs: Sequence[str] = ("en",)):
    """Check one readout for its pages in `langs`; (a function (format, language) → page
    text, 0), or (None, exit status)."""
    from author.render import RenderError, render

    readout, status = _checked(name, config, langs)
    if readout is None:
        return None, status

    def page(fmt: str, lang: str = "en") -> str:
        try:
            return render(readout, fmt, template_dir=args.template_dir, config=config, lang=lang)
        except RenderError as exc:
            raise UsageError(str(exc)) from None

    return page, EXIT_OK


def _write_plan(
    names: list[str], formats: list[str], output_dir: str | None, langs: Sequence[str] = ("en",)
) -> list[tuple[str, dict[tuple[str, str], Path]]]:
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
        if source in plan:
            continue
        pages: dict[tuple[str, str], Path] = {}
        for lang, fmt in ((lang, fmt) for lang in langs for fmt in formats):
            page = page_path(Path(name), fmt, lang)
            if folder is not None:
                page = folder / page.name
            real = os.path.realpath(page)
            if real in readouts:
                what = "itself" if real == source else readouts[real]
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
            pages[(lang, fmt)] = page
        plan[source] = (name, pages)
    return list(plan.values())


def _cmd_render_write(args: argparse.Namespace, formats: list[str], langs: list[str]) -> int:
    if args.check or args.output:
        raise UsageError("--write goes without --check and --output (it names the pages itself)")
    if "docx" in formats:
        raise UsageError(
            "--write writes text pages (text, md, html); write a Word document with "
            "--format docx --output FILE.docx"
        )
    plan = _write_plan(args.files, formats, args.output_dir, langs)
    config = _config(args)
    if args.output_dir:
        try:
            Path(args.output_dir).mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise UsageError(f"cannot create {args.output_dir}: {exc.strerror or exc}") from None
    from author.yamlio import sync_folders

    tally = _Tally()
    try:
        for name, pages in plan:
            _write_pages(name, pages, args, config, langs, tally)
    finally:
        sync_folders(tally.folders)  # the renames made durable, once per folder
    summary = f"{_count(tally.written, 'page')} written, {tally.unchanged} unchanged"
    if tally.failed:
        summary += f"; {_count(tally.failed, 'readout')} not rendered (see above)"
    print(summary, file=sys.stderr)
    return tally.status


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
    args: argparse.Namespace,
    config,
    langs: Sequence[str],
    tally: _Tally,
) -> None:
    """Check one readout and write its pages; a problem is reported and counted."""
    try:
        page, status = _renderer(name, args, config, langs)
    except UsageError as exc:  # unreadable: reported, and the others go on
        print(f"author: {exc}", file=sys.stderr)
        page, status = None, EXIT_USAGE
    if page is None:
        tally.failed += 1
        tally.status = max(tally.status, status)
        return
    # All of a readout's pages before any is written: a template that fails on this
    # readout (exit 2, the run stops) leaves its pages as they were.
    texts = {key: page(key[1], key[0]) for key in pages}
    for key, target in pages.items():
        if _holds(target, texts[key]):
            tally.unchanged += 1
            continue
        try:
            tally.folders.add(_write_file(target, texts[key], sync_folder=False).parent)
        except UsageError as exc:
            print(f"author: {exc}", file=sys.stderr)
            tally.status = EXIT_USAGE
            continue
        tally.written += 1


def _holds(target: Path, text: str) -> bool:
    """Whether the page already reads `text` (then it is not rewritten)."""
    try:
        return target.read_text(encoding="utf-8") == text
    except (OSError, UnicodeDecodeError):
        return False


def _count(number: int, noun: str) -> str:
    return f"{number} {noun}{'s' * (number != 1)}"


def _check_targets(args: argparse.Namespace) -> list[tuple[str, dict[tuple[str, str], Path]]]:
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


def _cmd_render_check(args: argparse.Namespace) -> int:
    config = _config(args)
    status = EXIT_OK
    # By page: a readout named twice (itself, and through its page) is reported once.
    stale: dict[Path, tuple[str, str, str]] = {}  # page → (readout, language, format)
    for name, targets in _check_targets(args):
        if not targets:
            continue  # no page committed beside this readout: nothing to keep in step
        langs = tuple(dict.fromkeys(lang for lang, _ in targets))
        try:
            page, file_status = _renderer(name, args, config, langs)
        except UsageError as exc:
            print(f"author: {exc}", file=sys.stderr)
            status = EXIT_USAGE
            continue
        if page is None:
            status = max(status, file_status)
            continue
        for (lang, fmt), target in targets.items():
            if not _holds(target, page(fmt, lang)):
                stale[target] = (name, lang, fmt)
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
    if stale:
        status = max(status, EXIT_PROBLEMS)
    return status


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


def _fix_all(args: argparse.Namespace, stale: dict[Path, tuple[str, str, str]]) -> str:
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


def _cmd_schema(args: argparse.Namespace) -> int:
    from author.schema import schema_text

    _emit(schema_text(), args.output)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from author.starter import USES, starter_text

    if args.kind not in USES:
        import difflib

        close = difflib.get_close_matches(args.kind, list(USES), n=1)
        hint = f"; did you mean {close[0]!r}?" if close else ""
        raise UsageError(f"unknown kind {args.kind!r}{hint} (kinds: {', '.join(USES)})")
    if not args.file or args.file == "-":
        _emit(starter_text(args.kind), None)
        return EXIT_OK
    target = Path(args.file)
    text = starter_text(args.kind, target.parent)
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists; use --force to overwrite it")
    _write_file(target, text)
    print(
        f"wrote {target}: fill in the fields, then run 'author validate {target}'", file=sys.stderr
    )
    return EXIT_OK


def _cmd_edit(args: argparse.Namespace) -> int:
    try:
        from author.tui.app import run_editor
    except ImportError as exc:
        raise UsageError(f"the editor cannot start: {exc}") from None
    return run_editor(args.file, _config(args))


def _cmd_serve(args: argparse.Namespace) -> int:
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
    config = _config(args)
    try:
        from author.tui.session import EditSession, OpenFailed
    except ImportError as exc:
        raise UsageError(f"the editor cannot start: {exc}") from None
    try:  # the same checks as `author edit`, before a browser ever connects
        EditSession.open(args.file, config)
    except OpenFailed as exc:
        raise UsageError(str(exc)) from None
    if remote:
        print(
            f"author: warning: serving the editor to the network at {url(args.host, args.port)}: "
            "anyone who can reach it can edit the readout and write files as you",
            file=sys.stderr,
        )
    return serve(args.file, host=args.host, port=args.port, remote=remote, config_path=args.config)


COMMANDS = {
    "validate": _cmd_validate,
    "render": _cmd_render,
    "schema": _cmd_schema,
    "new": _cmd_new,
    "edit": _cmd_edit,
    "serve": _cmd_serve,
}


def _tolerant_streams() -> None:
    """A message with a character the terminal's encoding lacks (`’` under latin-1) is
    printed with an escape instead of failing the command."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            with contextlib.suppress(ValueError, OSError):
                reconfigure(errors="backslashreplace")


def _drop_output() -> None:
    """Send what standard output still buffers nowhere, so the interpreter's flush at exit
    cannot fail again (and print a traceback) on the stream that just failed."""
    with contextlib.suppress(OSError, ValueError):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.close(devnull)


def main(argv: Sequence[str] | None = None) -> int:
    if sys.stderr is None:  # started with standard error closed: messages go nowhere
        sys.stderr = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    _tolerant_streams()
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command, args.file = "edit", None
    try:
        status = COMMANDS[args.command](args)
        _flush_out()
        return status
    except UsageError as exc:
        print(f"author: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except OutputError as exc:
        _drop_output()
        print(f"author: cannot write standard output: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("author: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        _drop_output()
        return EXIT_OK
    except Exception as exc:  # the last line of defence: never a traceback
        print(
            f"author: internal error: {type(exc).__name__}: {exc}\n"
            "Please report this with the file that caused it.",
            file=sys.stderr,
        )
        return 3
