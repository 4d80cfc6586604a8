"""A readout checked before it is rendered, for the render commands (one page, --write,
--check): its problems are printed, and a readout with errors gives no pages."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from typing import TYPE_CHECKING

from author.commands.base import UsageError

if TYPE_CHECKING:
    from author.config import Config
    from author.model import Readout


def checked_readout(name: str, config: Config, langs: Sequence[str] = ("en",)) -> Readout | None:
    """Check one readout for its pages in `langs`, printing its problems to standard
    error: the readout, or None when it has errors (the command then exits 1). For the
    Japanese page, a Japanese text it needs and lacks (`missing-translation`, a warning in
    `validate`) is an error. An unreadable file is a UsageError."""
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
        return None
    if result.warnings:
        sys.stderr.write(format_text(result.warnings))
    return result.readout


class Pages:
    """The pages of one checked readout, rendered on demand by format and language."""

    def __init__(self, readout: Readout, config: Config, template_dir: str | None) -> None:
        self.readout = readout
        self.config = config
        self.template_dir = template_dir

    def text(self, fmt: str, lang: str = "en") -> str:
        """The page's text; a broken template set is a UsageError (exit 2)."""
        from author.render import RenderError, render

        try:
            return render(
                self.readout, fmt, template_dir=self.template_dir, config=self.config, lang=lang
            )
        except RenderError as exc:
            raise UsageError(str(exc)) from None


def pages_of(
    name: str, config: Config, template_dir: str | None, langs: Sequence[str] = ("en",)
) -> Pages | None:
    """The pages of readout `name` in `langs`, or None when it has errors (printed)."""
    readout = checked_readout(name, config, langs)
    return None if readout is None else Pages(readout, config, template_dir)
