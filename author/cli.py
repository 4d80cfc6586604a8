"""The `author` command. Headless: importing this module never imports Textual or Jinja2;
`edit` imports the TUI and `render` imports Jinja2 only when they run."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path

from author import __version__

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


class UsageError(Exception):
    """A problem with how the command was called, or with a file it cannot read."""


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
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
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    render = commands.add_parser(
        "render",
        help="render a readout as a page",
        description="Render a readout file as a page (plain text by default). Checks the file "
        "first; a file with errors is not rendered.",
    )
    render.add_argument("file", metavar="FILE", help="the readout YAML file, or - for stdin")
    render.add_argument(
        "-f",
        "--format",
        choices=["text", "md", "html"],
        default="text",
        help="output format (default: text)",
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
        "--check",
        action="store_true",
        help="do not write: exit 1 if the page at --output (or the page beside "
        "FILE: x.readout.yaml → x.txt/.md/.html) differs from what FILE renders",
    )

    validate = commands.add_parser(
        "validate",
        help="check readout files",
        description="Check readout files and print every problem as "
        "path:line:col: severity: message [code]. Exit 0 when no file has errors, 1 when one "
        "has (or has warnings under --strict), 2 for usage errors or unreadable files.",
    )
    validate.add_argument("files", metavar="FILE", nargs="+", help="readout files (- for stdin)")
    validate.add_argument(
        "--strict", action="store_true", default=None, help="fail on warnings too"
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
        help="print the JSON Schema of the readout format",
        description="Print the JSON Schema of readout format 1.",
    )
    schema.add_argument("-o", "--output", metavar="PATH", help="write here instead of stdout")

    new = commands.add_parser(
        "new",
        help="write a commented starter readout",
        description="Write a commented starter readout to FILE (or standard output). Fill in "
        "the fields, then 'author validate FILE'.",
    )
    new.add_argument("file", metavar="FILE", nargs="?", help="where to write (default: stdout)")
    new.add_argument("--force", action="store_true", help="overwrite FILE if it exists")

    edit = commands.add_parser(
        "edit",
        help="edit a readout in the terminal UI",
        description="Open FILE in the terminal editor (a new readout when FILE does not exist).",
    )
    edit.add_argument("file", metavar="FILE", nargs="?", help="the readout file")
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
    results = [check_file(name, config) for name in args.files]
    diagnostics = [d for r in results for d in r.diagnostics]
    if args.format == "json":
        sys.stdout.write(format_json([(r.path, r.diagnostics) for r in results]))
    elif args.format == "github":
        sys.stdout.write(format_github(diagnostics))
    else:
        sys.stdout.write(format_text(diagnostics))
        if not args.quiet:
            errors = sum(d.is_error for d in diagnostics)
            warnings = len(diagnostics) - errors
            failed = sum(r.failed(strict) for r in results)
            if diagnostics or len(results) > 1:
                print(
                    f"{len(results)} file{'s' * (len(results) != 1)} checked: "
                    f"{errors} error{'s' * (errors != 1)}, "
                    f"{warnings} warning{'s' * (warnings != 1)}"
                    + (f"; {failed} failed" if failed else ""),
                    file=sys.stderr,
                )
    if any(r.unreadable for r in results):
        return EXIT_USAGE
    return EXIT_PROBLEMS if any(r.failed(strict) for r in results) else EXIT_OK


def rendered_siblings(readout_path: Path) -> dict[str, Path]:
    """`x.readout.yaml` → the pages beside it that exist: {format: path}."""
    name = readout_path.name
    for suffix in (".readout.yaml", ".readout.yml"):
        if name.endswith(suffix):
            stem = name[: -len(suffix)]
            break
    else:
        stem = readout_path.stem
    pages = {"text": ".txt", "md": ".md", "html": ".html"}
    return {
        fmt: readout_path.with_name(stem + ext)
        for fmt, ext in pages.items()
        if readout_path.with_name(stem + ext).is_file()
    }


def _cmd_render(args: argparse.Namespace) -> int:
    from author.check import check_file
    from author.diagnostics import format_text
    from author.render import RenderError, render
    from author.yamlio import write_atomic

    config = _config(args)
    result = check_file(args.file, config)
    if result.unreadable:
        raise UsageError(result.diagnostics[0].text())
    if result.readout is None or result.errors:
        sys.stderr.write(format_text(result.diagnostics))
        print(f"author: {args.file}: not rendered: fix the errors above", file=sys.stderr)
        return EXIT_PROBLEMS
    if result.warnings:
        sys.stderr.write(format_text(result.warnings))

    def page(fmt: str) -> str:
        try:
            return render(result.readout, fmt, template_dir=args.template_dir, config=config)
        except RenderError as exc:
            raise UsageError(str(exc)) from None

    if args.check:
        return _check_pages(args, page)
    text = page(args.format)
    if args.output:
        try:
            write_atomic(args.output, text)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _check_pages(args: argparse.Namespace, page) -> int:
    if args.output:
        targets = {args.format: Path(args.output)}
    elif args.file == "-":
        raise UsageError("--check with stdin needs --output PATH to compare against")
    else:
        targets = rendered_siblings(Path(args.file))
    stale = []
    for fmt, target in targets.items():
        try:
            current = target.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            current = None
        if current != page(fmt):
            stale.append((fmt, target))
    for fmt, target in stale:
        fix = f"author render {args.file} --format {fmt} --output {target}"
        print(f"{target}: out of date with {args.file}; to fix: {fix}", file=sys.stderr)
    return EXIT_PROBLEMS if stale else EXIT_OK


def _cmd_schema(args: argparse.Namespace) -> int:
    from author.schema import schema_text
    from author.yamlio import write_atomic

    text = schema_text()
    if args.output:
        try:
            write_atomic(args.output, text)
        except OSError as exc:
            raise UsageError(f"cannot write {args.output}: {exc.strerror or exc}") from None
    else:
        sys.stdout.write(text)
    return EXIT_OK


def _cmd_new(args: argparse.Namespace) -> int:
    from author.starter import starter_text
    from author.yamlio import write_atomic

    text = starter_text()
    if not args.file or args.file == "-":
        sys.stdout.write(text)
        return EXIT_OK
    target = Path(args.file)
    if target.exists() and not args.force:
        raise UsageError(f"{target} already exists; use --force to overwrite it")
    try:
        write_atomic(target, text)
    except OSError as exc:
        raise UsageError(f"cannot write {target}: {exc.strerror or exc}") from None
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


COMMANDS = {
    "validate": _cmd_validate,
    "render": _cmd_render,
    "schema": _cmd_schema,
    "new": _cmd_new,
    "edit": _cmd_edit,
}


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.command is None:
        args.command, args.file = "edit", None
    try:
        return COMMANDS[args.command](args)
    except UsageError as exc:
        print(f"author: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("author: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        try:
            sys.stdout = None  # type: ignore[assignment]
        finally:
            return EXIT_OK  # noqa: B012
    except Exception as exc:  # the last line of defence: never a traceback
        print(
            f"author: internal error: {type(exc).__name__}: {exc}\n"
            "Please report this with the file that caused it.",
            file=sys.stderr,
        )
        return 3
